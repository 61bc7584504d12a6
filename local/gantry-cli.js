#!/usr/bin/env node
// The `gantry` command. Its TypeScript sources run as prebuilt JavaScript, compiled once and
// cached (see prebuilt.js); there is no separate build step.
'use strict';
// `gantry start`: the store's thread boots while the stack's code loads.
if (process.argv[2] === 'start') require('./store-server.js').prewarmStoreWorker();
require('./prebuilt.js')
  .loadPrebuilt('local/cli.ts')
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`gantry: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
