import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { runtimeFiles } from '../../lambdas/domain/architect/compiler/runtime-files';

// The compiler ships the runtime modules as data (so a bundled Lambda needs no files beside it),
// brotli-compressed. This test keeps that data equal to the real, linted sources;
// UPDATE_APP_RUNTIME=1 rewrites it.
const compilerDir = join(__dirname, '../../lambdas/domain/architect/compiler');
const runtimeDir = join(compilerDir, 'runtime');

function sources(): Record<string, string> {
  const names = readdirSync(runtimeDir)
    .filter((n) => /\.(js|css)$/.test(n))
    .sort();
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(runtimeDir, n), 'utf8')]));
}

test('the embedded app runtime equals the runtime source files', () => {
  const actual = sources();
  if (process.env.UPDATE_APP_RUNTIME === '1') {
    const packed = brotliCompressSync(Buffer.from(JSON.stringify(actual), 'utf8'), {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }).toString('base64');
    writeFileSync(
      join(compilerDir, 'runtime-sources.generated.ts'),
      `// Generated from ./runtime by test/architect/app-runtime-sources.test.ts (UPDATE_APP_RUNTIME=1). Do not edit.\n` +
        `// The runtime's files as one JSON object, brotli-compressed, base64 (read by ./runtime-files.ts).\n` +
        `export const RUNTIME_FILES_BROTLI =\n  '${packed}';\n`,
    );
    return;
  }
  const embedded = runtimeFiles();
  expect(Object.keys(embedded).sort()).toEqual(Object.keys(actual));
  for (const [name, text] of Object.entries(actual)) expect({ name, text: embedded[name] }).toEqual({ name, text });
});
