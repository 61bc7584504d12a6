import { join } from 'node:path';
import { PROJECT_ROOT } from '../lambdas/domain/policy-file';

/**
 * The machine's cache of what the local stack derives from its own sources (the prebuilt
 * JavaScript, the record of a checked workflow definition): safe to delete, rebuilt on demand.
 * The same folder local/prebuilt.js uses.
 */
export function buildCacheDir(): string {
  return process.env.GANTRY_PREBUILT_DIR || join(PROJECT_ROOT, 'node_modules', '.cache', 'gantry');
}
