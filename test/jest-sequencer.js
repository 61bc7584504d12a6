/**
 * Jest's own order runs the files that took longest first, so no worker is left with a long file
 * at the end; it knows those times only from earlier runs on the same machine. A fresh clone (CI)
 * has none and falls back to file size, which puts some long files last. This sequencer reads the
 * seconds each file took on a full run (`test/file-durations.json`, whole seconds) where this
 * machine has no time of its own. A stale figure changes the order only, never a result.
 * Regenerate from `npx jest --json --outputFile=<file>` when files are added or change much.
 */
const { join, relative } = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;
const seconds = require('./file-durations.json');

const root = join(__dirname, '..');

class KnownDurationsSequencer extends TestSequencer {
  time(test) {
    const own = super.time(test);
    if (own !== undefined) return own;
    const known = seconds[relative(root, test.path)];
    return known === undefined ? undefined : known * 1000;
  }
}

module.exports = KnownDurationsSequencer;
