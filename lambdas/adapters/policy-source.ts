import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { type LoadedPolicy } from '../domain/policy';
import { loadPolicyFile, parsePolicy } from '../domain/policy-file';
import { logger } from '../observability';
import { ReloadingPolicy } from './reloading-policy';

/**
 * policy.yaml on disk (the local stack). With `watch`, edits are picked up as soon as the file
 * changes (the folder is watched, so editors that save by renaming are seen too); `refresh()`
 * re-reads it as well, so a step never works from a stale policy even if an event was missed.
 */
export class FilePolicySource extends ReloadingPolicy {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly path: string,
    options: { watch?: boolean } = {},
  ) {
    super(path, loadPolicyFile(path));
    if (options.watch) {
      const name = basename(path);
      this.watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
        if (file !== null && file !== name) return;
        // Editors write in several steps; read once they are done.
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 50);
      });
      this.watcher.on('error', (err) => logger.warn('Policy file watch failed', { error: err.message, path }));
    }
  }

  async refresh(): Promise<LoadedPolicy> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      // Mid-rename or deleted: keep what is in force.
      this.lastError = `cannot read ${this.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      return this.loaded;
    }
    return this.adopt(() => parsePolicy(text));
  }

  override close(): void {
    super.close();
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = null;
  }
}
