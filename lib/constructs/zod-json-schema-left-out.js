'use strict';
/**
 * An esbuild plugin that leaves Zod's JSON Schema converters out of a function bundle.
 *
 * Zod's schemas carry a JSON Schema processor each, so every bundle that validates with Zod
 * carried the converters too (about 18 KB minified), though only the API's documentation
 * function turns a schema into JSON Schema at run time (the model tools' schemas ship as data:
 * lambdas/adapters/llm/tool-schemas.generated.ts). In the other bundles the three modules are
 * replaced by ones that export the same names; calling any of them throws an error that says
 * where the converters went. Plain JavaScript, so the construct's synchronous bundling step can
 * run it in a child process without a TypeScript loader (bundle-function.js).
 */
const { readFileSync } = require('node:fs');

/** Zod's JSON Schema modules (the processors, the converter and the generator class). */
const MODULES = /[\\/]zod[\\/]v4[\\/]core[\\/](?:json-schema-processors|to-json-schema|json-schema-generator)\.js$/;

const MESSAGE =
  'Zod JSON Schema conversion is left out of this function bundle (lib/constructs/zod-json-schema-left-out.js); ' +
  'list the function in JSON_SCHEMA_FUNCTIONS (lib/constructs/function-bundling.ts) if it needs it';

/** The names a module exports (`export function|const|class NAME`, `export { a, b as c }`). */
function exportedNames(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm))
    names.add(m[1]);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return [...names];
}

/**
 * A module with the same exports, each one failing when used. The method factories
 * (`createToJSONSchemaMethod`…) return the failing function instead of failing themselves, because
 * a schema's `~standard` property builds its methods when it is read.
 */
function stubModule(names) {
  const lines = [`function leftOut() { throw new Error(${JSON.stringify(MESSAGE)}); }`];
  for (const name of names) {
    lines.push(
      name === 'default'
        ? 'export default leftOut;'
        : `export const ${name} = ${/^create[A-Z]/.test(name) ? '() => leftOut' : 'leftOut'};`,
    );
  }
  return lines.join('\n');
}

function zodJsonSchemaLeftOut() {
  return {
    name: 'zod-json-schema-left-out',
    setup(build) {
      build.onLoad({ filter: MODULES }, (args) => ({
        contents: stubModule(exportedNames(readFileSync(args.path, 'utf8'))),
        loader: 'js',
      }));
    },
  };
}

module.exports = { zodJsonSchemaLeftOut, ZOD_JSON_SCHEMA_MESSAGE: MESSAGE };
