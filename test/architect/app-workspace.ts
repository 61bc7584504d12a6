import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { directScriptRun } from '../../builder-image/src/package-scripts';
import type { GantryManifest } from '../../lambdas/domain/manifest';

/** Writes a manifest's files into a fresh temporary directory and returns its path. */
export function writeApp(manifest: GantryManifest, dir?: string): string {
  const root = dir ?? mkdtempSync(join(tmpdir(), `arch-${manifest.project_name}-`));
  for (const file of manifest.files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return root;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CommandResult {
  readonly code: number;
  readonly output: string;
}

/**
 * Runs a manifest command the way a builder would: through a shell, in the app's folder, with a
 * small environment (no inherited test-runner or npm variables) and a time limit. A plain
 * `npm test` / `npm run <name>` runs the package script as the builder runs it, without starting
 * npm itself (builder-image/src/package-scripts.ts: the same lifecycle, variables and banner);
 * `viaNpm` starts npm instead, as a person running the command by hand would.
 */
export async function runCommand(
  command: string,
  cwd: string,
  options: { timeoutMs?: number; viaNpm?: boolean } = {},
): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1' };
  const direct = options.viaNpm ? null : await directScriptRun(command, cwd, env.PATH ?? '/usr/bin:/bin', null);
  return new Promise((resolve) => {
    const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
    const child = direct
      ? spawn('/bin/sh', [...direct.shellArgs], { cwd, env: { ...env, ...direct.env }, stdio })
      : spawn(command, { cwd, env, shell: true, stdio });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

/** Maps over items with at most `limit` running at once (the machines have two cores). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The pass count from node:test's TAP summary. */
export function passedTests(output: string): number {
  const match = /^# pass (\d+)$/m.exec(output);
  return match?.[1] ? Number(match[1]) : 0;
}

/** Replaces one exact snippet in one file of a manifest; fails loudly when the snippet is not there. */
export function mutate(manifest: GantryManifest, path: string, from: string, to: string): GantryManifest {
  const file = manifest.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the manifest`);
  if (!file.content.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  return {
    ...manifest,
    files: manifest.files.map((f) => (f.path === path ? { ...f, content: f.content.replace(from, to) } : f)),
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** A static host for built apps. */
export interface AppHost {
  /** `http://127.0.0.1:<port>/apps`: an app is at `${base}/<slug>/`. */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * Serves built apps like the local deployer does: `/apps/<slug>/…` is that app's built folder
 * (`dists`, slug → folder, read at each request), nothing outside it, 404 for anything else.
 */
export async function serveBuiltApps(dists: ReadonlyMap<string, string>): Promise<AppHost> {
  const server = createServer((req, res) => {
    const match = /^\/apps\/([a-z0-9-]+)\/(.*)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const dist = match?.[1] ? dists.get(match[1]) : undefined;
    const relative = normalize(match?.[2] || 'index.html');
    const path = dist && !relative.startsWith('..') ? join(dist, relative) : undefined;
    if (!path || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/apps`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `#rrggbb` as a browser reports a computed colour. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
