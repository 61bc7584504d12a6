import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scratchDirectory } from '../../local/stack';
import { startTestStack } from '../helpers/test-stack';

/**
 * The stack keeps builder jobs and the sandbox's own files in a scratch folder under the system
 * temp folder, named by its data directory. A test's stack removes it with its data directory:
 * every test run used to leave one behind per stack (about 6 MB each once a build ran).
 */
test('the scratch folder is the one the stack uses, and a test stack removes it with its data directory', async () => {
  const t = await startTestStack();
  const scratch = scratchDirectory(t.dataDir);
  try {
    // The sandbox writes its minimal /etc there at start.
    expect(existsSync(join(scratch, 'sandbox', 'etc', 'passwd'))).toBe(true);
    // Named by the absolute path: the same folder given relative to the working folder names the same scratch.
    expect(scratchDirectory(relative(process.cwd(), t.dataDir))).toBe(scratch);
  } finally {
    await t.stop();
  }
  expect(existsSync(t.dataDir)).toBe(false);
  expect(existsSync(scratch)).toBe(false);
});
