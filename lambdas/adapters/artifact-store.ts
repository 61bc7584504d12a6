import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ArtifactStore } from '../domain/ports';
import type { SignedS3Client } from './s3-client';

/** Refuses keys that could escape the store's root (they never come from users, but be strict). */
export function assertSafeKey(key: string): void {
  if (
    !key ||
    key.startsWith('/') ||
    key.split('/').some((p) => p === '..' || p === '') ||
    key.includes('\\') ||
    key.includes('\0')
  ) {
    throw new Error(`Unsafe artifact key: ${JSON.stringify(key)}`);
  }
}

/**
 * Whether an S3 error says "this key is not there" as far as the caller may know. S3 answers a
 * missing key with 404 NoSuchKey only to a caller that may list the bucket (for that prefix);
 * to everyone else it answers 403 AccessDenied, so that absence cannot be probed. Gantry's roles
 * read only keys under prefixes they are granted, so a 403 on such a GET means "absent", and is
 * treated so on purpose: reading a missing manifest, result or policy override is normal.
 */
export function isAbsentKeyError(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return true;
  return e.name === 'AccessDenied' || e.Code === 'AccessDenied' || e.$metadata?.httpStatusCode === 403;
}

export class S3ArtifactStore implements ArtifactStore {
  constructor(
    private readonly s3: SignedS3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array | string, contentType = 'application/octet-stream'): Promise<void> {
    assertSafeKey(key);
    await this.s3.putObject({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType });
  }

  async get(key: string): Promise<Buffer | null> {
    assertSafeKey(key);
    try {
      return (await this.s3.getObject(this.bucket, key)).body;
    } catch (err) {
      if (isAbsentKeyError(err)) return null;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.s3.listKeys(this.bucket, prefix)).sort();
  }
}

/**
 * Where the local stores write a body before it takes its key's name (renamed or linked):
 * `<key>.<pid>.<uuid>.partial`, beside the key, so the move stays on one filesystem.
 */
export function unfinishedWritePath(path: string): string {
  return `${path}.${process.pid}.${randomUUID()}.partial`;
}

const UNFINISHED_WRITE = /\.(\d+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.partial$/;

/**
 * Whether a file name is a body still being written (see {@link unfinishedWritePath}), and by
 * which process. A key that merely ends in ".partial" is not one.
 */
export function unfinishedWriter(name: string): number | null {
  const m = UNFINISHED_WRITE.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Artifacts as plain files under a root folder (local stack). A put writes the whole body to a
 * file of its own and renames it over the key, as an S3 PUT is whole or absent: a process killed
 * mid-write leaves the key's earlier body (or none), never part of the new one.
 */
export class FileArtifactStore implements ArtifactStore {
  constructor(private readonly root: string) {}

  async put(key: string, body: Uint8Array | string): Promise<void> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    const whole = unfinishedWritePath(path);
    try {
      await writeFile(whole, body, { flag: 'wx' });
      await rename(whole, path);
    } catch (err) {
      await rm(whole, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    assertSafeKey(key);
    try {
      return await readFile(join(this.root, key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = join(this.root, prefix.endsWith('/') ? prefix : dirname(prefix));
    const out: string[] = [];
    for (const full of await filesUnder(base)) {
      if (unfinishedWriter(basename(full)) === null) out.push(relative(this.root, full).split(sep).join('/'));
    }
    return out.filter((k) => k.startsWith(prefix)).sort();
  }
}

/** Every entry under `dir` that is not a folder (none when `dir` does not exist), as paths, depth first. */
export async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else files.push(path);
  }
  return files;
}
