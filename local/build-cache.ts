import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, type PolicyDocuments } from '../lambdas/domain/policy-file';

/**
 * The machine's cache of what the local stack derives from its own sources (the prebuilt
 * JavaScript, the record of a checked workflow definition, parsed policy files): safe to delete,
 * rebuilt on demand. The same folder local/prebuilt.js uses.
 */
export function buildCacheDir(): string {
  return process.env.GANTRY_PREBUILT_DIR || join(PROJECT_ROOT, 'node_modules', '.cache', 'gantry');
}

/** Policy documents parsed before (and found valid), one JSON file per policy text's SHA-256. */
export const cachedPolicyDocuments: PolicyDocuments = {
  get(digest) {
    try {
      return JSON.parse(readFileSync(join(buildCacheDir(), `policy-${digest}.json`), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  },
  set(digest, document) {
    const path = join(buildCacheDir(), `policy-${digest}.json`);
    try {
      mkdirSync(buildCacheDir(), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(document));
      renameSync(tmp, path);
    } catch {
      // A read-only tree: the next start parses the file again.
    }
  },
};
