import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { filesUnder } from '../lambdas/adapters/artifact-store';

/**
 * The name the local artifact and evidence stores give a body while they write it
 * (`<key>.<pid>.<uuid>.partial`), before it is renamed or linked to its key.
 */
const UNFINISHED = /\.\d+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.partial$/;

/**
 * Removes the bodies a stack killed mid-write left under `roots`. Only the stack holding the data
 * folder's lock writes there, so at its start every such file belongs to a writer that is gone;
 * none was ever a key's body. Returns how many were removed.
 */
export async function removeUnfinishedWrites(roots: readonly string[]): Promise<number> {
  let removed = 0;
  for (const root of roots) {
    for (const path of await filesUnder(root)) {
      if (!UNFINISHED.test(basename(path))) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
