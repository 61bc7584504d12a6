import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processExists } from './sandbox/process-identity';

/** Two stacks on one data directory would corrupt its DynamoDB files; the second one is refused. */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another Gantry stack (pid ${pid}). ` +
        'Stop that stack, or give this one its own folder with GANTRY_DATA_DIR (and its own PORT).',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Claims the data directory for this process (a pid file). A file left by a process that is gone
 * (a crash, a kill) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'gantry.pid');
  const mine = String(process.pid);
  try {
    writeFileSync(path, mine, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processExists(owner))
      throw new DataDirInUseError(dataDir, owner);
    writeFileSync(path, mine);
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === mine) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}
