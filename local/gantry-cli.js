#!/usr/bin/env node
// The `gantry` command. TypeScript sources run through tsx's CommonJS hook, so there is no build step.
'use strict';
require('tsx/cjs');
require('./cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`gantry: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
