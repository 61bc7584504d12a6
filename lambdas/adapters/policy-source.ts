import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { loadPolicyFile, parsePolicy, type LoadedPolicy } from '../domain/policy';
import type { PolicySource } from '../domain/ports';
import { logger } from '../observability';
import { isAbsentKeyError } from './artifact-store';

type Listener = (policy: LoadedPolicy) => void;

/** Keeps the last good policy and tells listeners about each new one. */
abstract class ReloadingPolicy implements PolicySource {
  private listeners: Listener[] = [];
  protected loaded: LoadedPolicy;
  /** Why the newest text was refused (the last good policy stays in force), or null. */
  lastError: string | null = null;

  constructor(
    readonly location: string,
    initial: LoadedPolicy,
  ) {
    this.loaded = initial;
  }

  current(): LoadedPolicy {
    return this.loaded;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  abstract refresh(): Promise<LoadedPolicy>;

  close(): void {
    this.listeners = [];
  }

  /** Adopts `text` if it is a valid policy different from the current one. */
  protected adopt(text: string): LoadedPolicy {
    let next: LoadedPolicy;
    try {
      next = parsePolicy(text);
    } catch (err) {
      const message = (err as Error).message;
      if (message !== this.lastError)
        logger.error('Refused a new policy; the last good one stays in force', { error: message, location: this.location });
      this.lastError = message;
      return this.loaded;
    }
    this.lastError = null;
    if (next.hash === this.loaded.hash) return this.loaded;
    logger.info('Policy reloaded', { location: this.location, policy_hash: next.hash, previous_hash: this.loaded.hash });
    this.loaded = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }
}

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
    return this.adopt(text);
  }

  override close(): void {
    super.close();
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = null;
  }
}

/**
 * policy.yaml as an object in S3 (AWS): fetched at most once per `ttlMs` with a conditional GET
 * (If-None-Match), so an unchanged policy costs one small request per function per TTL. Until the
 * object exists, the policy bundled with the function is in force; an invalid upload is refused
 * and the last good policy stays.
 */
export class S3PolicySource extends ReloadingPolicy {
  private etag: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<LoadedPolicy> | null = null;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string,
    bundled: LoadedPolicy,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {
    super(`s3://${bucket}/${key}`, bundled);
  }

  refresh(): Promise<LoadedPolicy> {
    if (this.now() - this.checkedAt < this.ttlMs) return Promise.resolve(this.loaded);
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<LoadedPolicy> {
    try {
      const out = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key, ...(this.etag ? { IfNoneMatch: this.etag } : {}) }),
      );
      const text = (await out.Body?.transformToString('utf8')) ?? '';
      this.checkedAt = this.now();
      const adopted = this.adopt(text);
      // Only a valid policy is remembered by its ETag; an invalid upload is fetched (and refused) again.
      this.etag = this.lastError === null ? out.ETag : undefined;
      return adopted;
    } catch (err) {
      const e = err as Error & { $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotModified' || e.$metadata?.httpStatusCode === 304) {
        this.checkedAt = this.now();
        return this.loaded;
      }
      if (isAbsentKeyError(err)) {
        // No override uploaded (404, or 403 where S3 hides absence): the bundled policy is in force
        // and "none" is cached like any answer, so it costs one GET per TTL and no warning.
        this.checkedAt = this.now();
        this.etag = undefined;
        return this.loaded;
      }
      // S3 briefly unreachable: keep the policy in force and try again on the next call.
      logger.warn('Could not fetch the policy; the one in force stays', { error: e.message, location: this.location });
      return this.loaded;
    }
  }
}
