'use strict';
/**
 * Bundles one Lambda function: esbuild's options arrive as JSON on stdin (made by
 * `functionBuildOptions` in function-bundling.ts), with `leaveOutJsonSchema` saying whether
 * the Zod JSON Schema plugin applies. The CDK construct runs this in a child process because its
 * bundling step is synchronous and esbuild runs plugins only in its asynchronous build.
 */
const { build } = require('esbuild');
const { readFileSync } = require('node:fs');
const { zodJsonSchemaLeftOut } = require('./zod-json-schema-left-out.js');

const { leaveOutJsonSchema, ...options } = JSON.parse(readFileSync(0, 'utf8'));
build({ ...options, plugins: leaveOutJsonSchema ? [zodJsonSchemaLeftOut()] : [] }).then(
  () => undefined,
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
