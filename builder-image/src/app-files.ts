import { constants as fsConstants } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { manifestFileBytes, type ManifestFile } from '../../lambdas/domain/manifest';

/**
 * Why a relative path from a manifest is refused, or null when it is safe: POSIX, relative, no
 * `..`/`.`/empty segments, no backslash or NUL, no control characters.
 */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.includes('\0')) return 'contains NUL';
  if (path.includes('\\')) return 'contains a backslash';
  if (/[\u0001-\u001f\u007f]/.test(path)) return 'contains a control character';
  if (path.startsWith('/')) return 'is absolute';
  const segments = path.split('/');
  if (segments.includes('..')) return 'contains ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'contains an empty or "." segment';
  return null;
}

/** Raised when a manifest path is refused; the build reports it as a failed result. */
export class UnsafePathError extends Error {
  readonly code = 'UNSAFE_PATH';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`refused unsafe path ${JSON.stringify(path)}: ${reason}`);
    this.name = 'UnsafePathError';
  }
}

/** Throws UnsafePathError for the first unsafe path, before anything is written. */
export function assertSafePaths(paths: readonly string[]): void {
  for (const path of paths) {
    const reason = unsafePathReason(path);
    if (reason) throw new UnsafePathError(path, reason);
  }
}

/**
 * Writes the manifest's files under `appDir`. Every path is checked first, so a refused manifest
 * writes nothing. Files are created with O_EXCL|O_NOFOLLOW: a duplicate path or a pre-existing
 * link is an error, never a write through a link.
 */
export async function writeAppFiles(appDir: string, files: readonly ManifestFile[]): Promise<void> {
  assertSafePaths(files.map((f) => f.path));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new UnsafePathError(file.path, 'appears twice in the manifest');
    seen.add(file.path);
  }
  await mkdir(appDir, { recursive: true });
  for (const file of files) {
    const target = join(appDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(
      target,
      fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW,
      0o644,
    );
    try {
      // Binary files (encoding: base64) land byte for byte; text files as UTF-8.
      await handle.writeFile(manifestFileBytes(file));
    } finally {
      await handle.close();
    }
  }
}

/**
 * Regular files under `dir` as sorted POSIX paths relative to it. Symbolic links, devices, FIFOs
 * and sockets are skipped and never followed: an app must not be able to point its output at a
 * file of the machine that later copies or uploads it. Returns null when `dir` is not a directory.
 */
export async function listRegularFiles(dir: string, maxFiles = 10_000): Promise<string[] | null> {
  const top = await lstat(dir).catch(() => null);
  if (!top || !top.isDirectory()) return null;
  const found: string[] = [];
  const walk = async (absolute: string, relative: string): Promise<void> => {
    const entries = await readdir(absolute, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.length >= maxFiles) return;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(join(absolute, entry.name), rel);
      else if (entry.isFile()) found.push(rel);
    }
  };
  await walk(dir, '');
  return found;
}

/** Opens a file for reading without following a link in its last component. */
export async function openNoFollow(path: string) {
  return open(path, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
}
