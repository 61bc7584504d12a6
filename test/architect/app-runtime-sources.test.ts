import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_FILES } from '../../lambdas/domain/architect/compiler/runtime-sources.generated';

// The compiler ships the runtime modules as data (so a bundled Lambda needs no files beside it).
// This test keeps that data equal to the real, linted sources; UPDATE_APP_RUNTIME=1 rewrites it.
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
    const body = Object.entries(actual)
      .map(([name, text]) => `  ${JSON.stringify(name)}: ${JSON.stringify(text)},`)
      .join('\n');
    writeFileSync(
      join(compilerDir, 'runtime-sources.generated.ts'),
      `// Generated from ./runtime by test/architect/app-runtime-sources.test.ts (UPDATE_APP_RUNTIME=1). Do not edit.\n` +
        `export const RUNTIME_FILES: Readonly<Record<string, string>> = {\n${body}\n};\n`,
    );
    return;
  }
  expect(Object.keys(RUNTIME_FILES).sort()).toEqual(Object.keys(actual));
  for (const [name, text] of Object.entries(actual)) expect(RUNTIME_FILES[name]).toBe(text);
});
