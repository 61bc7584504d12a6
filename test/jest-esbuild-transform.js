// Jest transform: TypeScript and ESM-only dependencies become CommonJS through esbuild.
// Type checking is done separately by `tsc --noEmit`.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.ts') ? 'ts' : 'js';
    const out = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      supported: { 'dynamic-import': true },
    });
    return { code: out.code };
  },
};
