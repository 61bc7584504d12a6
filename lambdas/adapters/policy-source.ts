import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { type LoadedPolicy } from '../domain/policy';
import { loadPolicyFile, parsePolicy, type PolicyDocuments } from '../domain/policy-file';
import { logger } from '../observability';
import { ReloadingPolicy } from './reloading-policy';

/**
 * policy.yaml on disk (the local stack). With `watch`, edits are picked up as soon as the file
 * changes (the folder is watched, so editors that save by renaming are seen too); `refresh()`
 * checks it as well, so even if an event was missed no step works from a policy more than
 * STAT_INTERVAL_MS stale.
 *
 * Every request and step calls `refresh()`. Unwatched, while the file is unchanged that costs one
 * `stat`; watched, the watch event re-reads an edit and a `stat` runs at most every
 * STAT_INTERVAL_MS besides. The file is read only when its identity, size or times change, and
 * parsed only when the text's digest differs from the text last parsed.
 */
/** How often a watched policy file is stat'ed in case a watch event was missed. */
export const STAT_INTERVAL_MS = 250;

export class FilePolicySource extends ReloadingPolicy {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The file's identity, size and times when it was last read. */
  private seen = '';
  /** SHA-256 of the text last parsed (adopted or refused). */
  private parsedDigest = '';
  /** When the file was last stat'ed (performance.now()). */
  private statAt = -Infinity;

  constructor(
    private readonly path: string,
    private readonly options: { watch?: boolean; documents?: PolicyDocuments } = {},
  ) {
    super(path, loadPolicyFile(path, options.documents));
    // The text just parsed (its digest is the policy's hash): the first refresh reads the file
    // again, and parses it only if it changed meanwhile.
    this.parsedDigest = this.loaded.hash;
    if (options.watch) {
      const name = basename(path);
      this.watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
        if (file !== null && file !== name) return;
        // Editors write in several steps; read once they are done.
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh({ reread: true }), 50);
      });
      this.watcher.on('error', (err) => logger.warn('Policy file watch failed', { error: err.message, path }));
    }
  }

  /** `reread`: read the file even if its stat is unchanged (a watch event within one time tick). */
  async refresh(options: { reread?: boolean } = {}): Promise<LoadedPolicy> {
    // While watched, the watch event re-reads an edit within ~50 ms; the stat below is only the
    // fallback for a missed event, so it runs at most every STAT_INTERVAL_MS, not per request.
    if (this.watcher && !options.reread && performance.now() - this.statAt < STAT_INTERVAL_MS) return this.loaded;
    this.statAt = performance.now();
    let text: string;
    let seen: string;
    try {
      const st = await stat(this.path, { bigint: true });
      seen = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
      if (seen === this.seen && !options.reread) return this.loaded;
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      // Mid-rename or deleted: keep what is in force.
      this.lastError = `cannot read ${this.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      this.seen = '';
      return this.loaded;
    }
    this.seen = seen;
    const digest = createHash('sha256').update(text).digest('hex');
    if (digest === this.parsedDigest) return this.loaded;
    this.parsedDigest = digest;
    return this.adopt(() => parsePolicy(text, this.options.documents));
  }

  override close(): void {
    super.close();
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = null;
  }
}
