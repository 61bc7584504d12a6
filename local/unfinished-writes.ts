import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { filesUnder, unfinishedWriter } from '../lambdas/adapters/artifact-store';

/**
 * Removes the bodies a stack killed mid-write left under `roots` (named by `unfinishedWritePath`,
 * never any key's body). Only the stack holding the data folder's lock writes there, so every such
 * file belongs to a writer that is gone, except those of `exceptPid` (this process, writing now).
 * Returns how many were removed.
 */
export async function removeUnfinishedWrites(roots: readonly string[], exceptPid?: number): Promise<number> {
  let removed = 0;
  for (const root of roots) {
    for (const path of await filesUnder(root)) {
      const writer = unfinishedWriter(basename(path));
      if (writer === null || writer === exceptPid) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
