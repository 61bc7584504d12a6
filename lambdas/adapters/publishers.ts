import { Octokit } from '@octokit/core';
import { execFile, spawn, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { crashPoint } from '../crash-point';
import { GantryError, PublishError, UpstreamError } from '../domain/errors';
import type { PublishFile, Publisher, PullDescription, PullFile } from '../domain/ports';
import { OneAtATime } from '../domain/one-at-a-time';
import { assertSafeKey } from './artifact-store';
import type { TokenSource } from './deployers';

const run = promisify(execFile);
const DEFAULT_BRANCH = 'main';

function assertNotDefault(branch: string, defaultBranch: string): void {
  if (!branch || branch === defaultBranch || branch === `refs/heads/${defaultBranch}`) {
    throw new PublishError(`Refusing to publish to the default branch ${defaultBranch}`);
  }
}

/**
 * A commit message as `git commit -m a -m b` makes it: paragraphs apart by one blank line,
 * trailing spaces and runs of blank lines removed, one final newline.
 */
function commitMessage(paragraphs: readonly string[]): string {
  const lines = paragraphs
    .join('\n\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  const kept: string[] = [];
  for (const line of lines) if (line !== '' || (kept.length > 0 && kept[kept.length - 1] !== '')) kept.push(line);
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return `${kept.join('\n')}\n`;
}

/** A path for a fast-import command, C-quoted (it may hold spaces, quotes or non-ASCII letters). */
function quotePath(path: string): string {
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * Local publisher: one bare git repository; each mission gets its own branch with one commit,
 * and a pull-request record (JSON) next to the repository. The default branch is never written
 * after the repository's first commit.
 */
/** What the local publisher needs of a started program (node's ChildProcess has it). */
export interface ProcessChild {
  readonly pid?: number | undefined;
  readonly stdin: Writable | null;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly stdio: readonly (Readable | Writable | null | undefined)[];
  on(event: string, listener: (...args: any[]) => void): this;
  once(event: string, listener: (...args: any[]) => void): this;
}

/** Starts a program (node's `spawn`, or the local stack's process starter). */
export type StartProcess = (file: string, args: readonly string[], options?: SpawnOptions) => ProcessChild;

export class LocalGitPublisher implements Publisher {
  readonly name = 'local-git';
  private readonly pullsDir: string;
  /** Tenants whose repository was checked whole in this process. */
  private readonly ready = new Set<string>();
  private readonly repoLocks = new OneAtATime<string>();

  constructor(
    private readonly root: string,
    private readonly publicUrl: () => string,
    /** Starts git fast-import on every publish. */
    private readonly startProcess: StartProcess = (file, args, options) => spawn(file, [...args], options ?? {}),
  ) {
    this.pullsDir = join(root, 'pulls');
  }

  /** One bare repository per tenant: no tenant can read another's branches. */
  repoPath(tenantId: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(tenantId))
      throw new PublishError(`Invalid tenant id ${JSON.stringify(tenantId)}`);
    return join(this.root, 'tenants', tenantId, 'apps.git');
  }

  private gitEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.root,
      GIT_AUTHOR_NAME: 'Gantry',
      GIT_AUTHOR_EMAIL: 'gantry@localhost',
      GIT_COMMITTER_NAME: 'Gantry',
      GIT_COMMITTER_EMAIL: 'gantry@localhost',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
    };
  }

  private git(args: string[], cwd: string): Promise<{ stdout: string }> {
    return run('git', args, { cwd, env: this.gitEnv() });
  }

  /** Runs `fn` alone for this tenant's repository (one process owns a data dir; this orders its tasks). */
  private exclusive<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
    return this.repoLocks.run(tenantId, fn);
  }

  /** Whether the bare repository has the default branch (what "initialised" means, not a HEAD file). */
  private async hasDefaultBranch(repoPath: string): Promise<boolean> {
    try {
      await this.git(['rev-parse', '--verify', '--quiet', `refs/heads/${DEFAULT_BRANCH}^{commit}`], repoPath);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Makes sure the tenant's bare repository exists with its default branch. The repository is made
   * whole in a temporary folder next to it (init, first commit pushed) and renamed into place in
   * one step, so a crash leaves either no repository or a complete one. A repository found without
   * its default branch (left half-made by an earlier version, or damaged) is repaired: one with no
   * branch at all is set aside and made again; one with branches gets the default branch back.
   */
  async init(tenantId: string): Promise<void> {
    const repoPath = this.repoPath(tenantId);
    if (this.ready.has(tenantId)) return;
    await this.exclusive(tenantId, async () => {
      if (this.ready.has(tenantId)) return;
      await mkdir(this.pullsDir, { recursive: true });
      await mkdir(dirname(repoPath), { recursive: true });
      // What a crash left of an earlier init in progress: never in use, since the rename did not happen.
      for (const entry of await readdir(dirname(repoPath))) {
        if (entry.startsWith(`${basename(repoPath)}.init-`))
          await rm(join(dirname(repoPath), entry), { recursive: true, force: true });
      }
      if (existsSync(repoPath) && !(await this.hasDefaultBranch(repoPath))) await this.repair(repoPath);
      if (!existsSync(repoPath)) await this.createAtomically(repoPath);
      if (!(await this.hasDefaultBranch(repoPath))) {
        throw new PublishError(`The repository of tenant ${tenantId} has no ${DEFAULT_BRANCH} branch and could not be repaired`);
      }
      this.ready.add(tenantId);
    });
  }

  /**
   * Pushes the first commit (README) of the default branch into `bareRepo`. The commit is made in a
   * folder beside the tenant's repository (`repoPath`), named as an init in progress, so what a crash
   * leaves of it is cleared by the next init like a half-made repository.
   */
  private async pushFirstCommit(bareRepo: string, repoPath: string): Promise<void> {
    const work = await mkdtemp(`${repoPath}.init-`);
    try {
      await this.git(['init', '--quiet', '--initial-branch', DEFAULT_BRANCH, work], work);
      await writeFile(join(work, 'README.md'), '# Gantry apps\n\nEach app arrives on its own branch with a pull request.\n');
      await this.git(['add', '-A'], work);
      await this.git(['commit', '--quiet', '-m', 'Initial commit'], work);
      crashPoint('repo-first-commit');
      await this.git(['push', '--quiet', bareRepo, `${DEFAULT_BRANCH}:${DEFAULT_BRANCH}`], work);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async createAtomically(repoPath: string): Promise<void> {
    const staging = await mkdtemp(`${repoPath}.init-`);
    try {
      await this.git(['init', '--quiet', '--bare', '--initial-branch', DEFAULT_BRANCH, staging], dirname(repoPath));
      // The moment that used to leave a repository with HEAD and no branch.
      crashPoint('repo-init');
      await this.pushFirstCommit(staging, repoPath);
      await rename(staging, repoPath);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  private async repair(repoPath: string): Promise<void> {
    let refs = '';
    try {
      refs = (await this.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'], repoPath)).stdout.trim();
    } catch {
      // Not even a readable repository: nothing in it to keep.
    }
    if (refs) {
      // Branches (pull requests) exist: keep them, give the repository its default branch back.
      await this.pushFirstCommit(repoPath, repoPath);
      return;
    }
    await rename(repoPath, `${repoPath}.incomplete-${Date.now()}`);
  }

  /** The pull-request record this mission already has (a publish re-run after a crash), if any. */
  private async existingPull(missionId: string, branch: string): Promise<{ number: number; head_sha: string } | null> {
    let files: string[];
    try {
      files = await readdir(this.pullsDir);
    } catch {
      return null;
    }
    for (const file of files) {
      if (!/^\d+\.json$/.test(file)) continue;
      try {
        const pull = JSON.parse(await readFile(join(this.pullsDir, file), 'utf8')) as Record<string, unknown>;
        if (pull.mission_id === missionId && pull.head === branch) {
          return { number: Number(pull.number), head_sha: String(pull.head_sha) };
        }
      } catch {
        // A record torn by a crash names no mission.
      }
    }
    return null;
  }

  /** The commit of `branch` in the bare repository, if the branch exists. */
  private async branchCommit(repoPath: string, branch: string): Promise<string | null> {
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], repoPath)).stdout.trim();
    } catch {
      return null;
    }
  }

  async publish(input: {
    branch: string;
    title: string;
    body: string;
    files: readonly PublishFile[];
    missionId: string;
    tenantId: string;
  }) {
    assertNotDefault(input.branch, DEFAULT_BRANCH);
    await this.init(input.tenantId);
    const result = (number: number, sha: string) => ({
      branch: input.branch,
      prUrl: `${this.publicUrl()}/git/pulls/${number}`,
      prNumber: number,
      commitSha: sha,
      defaultBranch: DEFAULT_BRANCH,
    });
    // A publish re-run after a crash finds what the first run made and completes it, never a second PR.
    const pull = await this.existingPull(input.missionId, input.branch);
    if (pull) return result(pull.number, pull.head_sha);
    const repoPath = this.repoPath(input.tenantId);
    for (const file of input.files) assertSafeKey(file.path);
    // The branch name goes into a fast-import command line: nothing that could end or bend it.
    if (!/^[A-Za-z0-9._/-]+$/.test(input.branch)) throw new PublishError(`Invalid branch name ${JSON.stringify(input.branch)}`);
    // One git process in the common case: the commit (main's tree plus the app's files) is written
    // straight into the bare repository and its branch created. fast-import refuses to move a
    // branch that exists unless the new commit contains its tip, which a new commit on top of main
    // never does for a mission's branch: an existing branch is then looked at, as before.
    const imported = await this.importCommit(repoPath, input);
    if (imported.sha)
      return result(await this.nextPullNumber(async (n) => this.pullRecord(n, input, imported.sha)), imported.sha);
    const pushed = await this.branchCommit(repoPath, input.branch).catch(() => null);
    if (!pushed) throw new PublishError(`Local publish failed: ${(imported.error ?? '').split('\n')[0]}`);
    const message = (await this.git(['log', '-1', '--format=%B', pushed], repoPath)).stdout;
    if (!message.includes(input.missionId)) {
      throw new PublishError(`Branch ${input.branch} already exists and belongs to another mission`);
    }
    return result(await this.nextPullNumber(async (n) => this.pullRecord(n, input, pushed)), pushed);
  }

  /**
   * Commits `files` on top of the default branch as `branch` with one `git fast-import`; the new
   * commit's id, or what git said when it did not create the branch.
   */
  private importCommit(
    repoPath: string,
    input: { branch: string; title: string; body: string; files: readonly PublishFile[]; missionId: string },
  ): Promise<{ sha: string; error?: never } | { sha?: never; error: string }> {
    const when = `${Math.floor(Date.now() / 1000)} +0000`;
    const message = Buffer.from(commitMessage([input.title, input.body, `Gantry-Mission: ${input.missionId}`]), 'utf8');
    const chunks: Buffer[] = [
      Buffer.from(
        `feature done\ncommit refs/heads/${input.branch}\nmark :1\n` +
          `author Gantry <gantry@localhost> ${when}\ncommitter Gantry <gantry@localhost> ${when}\n` +
          `data ${message.length}\n`,
      ),
      message,
      Buffer.from(`\nfrom refs/heads/${DEFAULT_BRANCH}^0\n`),
    ];
    for (const file of input.files) {
      chunks.push(
        Buffer.from(`M 100644 inline ${quotePath(file.path)}\ndata ${file.content.length}\n`),
        file.content,
        Buffer.from('\n'),
      );
    }
    // get-mark answers on stdout with the commit's id; the branch is written when the stream is done.
    chunks.push(Buffer.from('get-mark :1\ndone\n'));
    return new Promise((resolve) => {
      const child = this.startProcess('git', ['fast-import', '--quiet'], {
        cwd: repoPath,
        env: this.gitEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.stdin?.on('error', () => undefined);
      child.once('error', (err: Error) => resolve({ error: err.message }));
      child.once('close', (code: number | null) => {
        const sha = stdout.trim();
        if (code === 0 && /^[0-9a-f]{40,64}$/.test(sha)) resolve({ sha });
        else resolve({ error: stderr.trim() || `git fast-import exited ${code}` });
      });
      child.stdin?.end(Buffer.concat(chunks));
    });
  }

  /** The pull-request record of a mission of this tenant, with its diff against the base branch. */
  async describePull(input: { tenantId: string; missionId: string }): Promise<PullDescription | null> {
    let names: string[];
    try {
      names = await readdir(this.pullsDir);
    } catch {
      return null;
    }
    for (const file of names) {
      if (!/^\d+\.json$/.test(file)) continue;
      let pull: Record<string, unknown>;
      try {
        pull = JSON.parse(await readFile(join(this.pullsDir, file), 'utf8')) as Record<string, unknown>;
      } catch {
        continue; // a record torn by a crash names no mission
      }
      if (pull.mission_id !== input.missionId || pull.tenant_id !== input.tenantId) continue;
      const repoPath = this.repoPath(input.tenantId);
      const base = String(pull.base ?? DEFAULT_BRANCH);
      const head = String(pull.head_sha);
      // What a pull request shows: the head's changes since it left the base (three-dot diff).
      const range = `refs/heads/${base}...${head}`;
      const [numstat, status, patch] = await Promise.all([
        this.git(['diff', '--no-color', '--numstat', '-z', '-M', range], repoPath),
        this.git(['diff', '--no-color', '--name-status', '-z', '-M', range], repoPath),
        this.git(['diff', '--no-color', '-M', range], repoPath),
      ]);
      return {
        number: Number(pull.number),
        title: String(pull.title ?? ''),
        body: String(pull.body ?? ''),
        head: String(pull.head ?? ''),
        base,
        head_sha: head,
        url: `${this.publicUrl()}/git/pulls/${Number(pull.number)}`,
        files: pullFiles(numstat.stdout, status.stdout, patch.stdout),
      };
    }
    return null;
  }

  private pullRecord(
    n: number,
    input: { branch: string; title: string; body: string; missionId: string; tenantId: string },
    sha: string,
  ): Record<string, unknown> {
    return {
      number: n,
      title: input.title,
      body: input.body,
      head: input.branch,
      base: DEFAULT_BRANCH,
      head_sha: sha,
      mission_id: input.missionId,
      tenant_id: input.tenantId,
      state: 'open',
      created_at: new Date().toISOString(),
    };
  }

  private async nextPullNumber(record: (n: number) => Promise<Record<string, unknown>>): Promise<number> {
    await mkdir(this.pullsDir, { recursive: true });
    let n = (await readdir(this.pullsDir)).filter((f) => f.endsWith('.json')).length + 1;
    for (;;) {
      // Written whole under a name no other writer can hold (two publishes of one process may
      // try the same number in the same millisecond), then linked into place: the link claims the
      // number only if it is free, and a crash never leaves a torn record under a number.
      const tmp = join(this.pullsDir, `.${n}.${randomUUID()}.tmp`);
      await writeFile(tmp, JSON.stringify(await record(n), null, 2));
      try {
        await link(tmp, join(this.pullsDir, `${n}.json`));
        return n;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        n += 1;
      } finally {
        await rm(tmp, { force: true });
      }
    }
  }
}

const GIT_STATUS: Record<string, PullFile['status']> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/**
 * Changed files from `git diff` output: `--numstat -z`, `--name-status -z` and the full patch,
 * each file's patch cut to its hunks (as GitHub's `patch` field holds them).
 */
export function pullFiles(numstatZ: string, statusZ: string, fullPatch: string): PullFile[] {
  const statusOf = new Map<string, PullFile['status']>();
  const st = statusZ.split('\0').filter((x) => x !== '');
  for (let i = 0; i < st.length;) {
    const code = st[i]!;
    const renamed = code.startsWith('R') || code.startsWith('C');
    const path = renamed ? st[i + 2]! : st[i + 1]!;
    statusOf.set(path, GIT_STATUS[code[0]!] ?? 'changed');
    i += renamed ? 3 : 2;
  }
  const patchOf = new Map<string, string>();
  for (const chunk of fullPatch.split(/^(?=diff --git )/m)) {
    const header = /^diff --git a\/(.+?) b\/(.+)$/m.exec(chunk);
    if (!header) continue;
    const hunk = chunk.indexOf('\n@@');
    patchOf.set(header[2]!, hunk < 0 ? '' : chunk.slice(hunk + 1).replace(/\n$/, ''));
  }
  const files: PullFile[] = [];
  const ns = numstatZ.split('\0');
  for (let i = 0; i < ns.length; i++) {
    const row = ns[i]!;
    if (!row) continue;
    const [add, del, path] = row.split('\t');
    let name = path ?? '';
    if (name === '') {
      // A rename: "add\tdel\t" then the old and the new path as their own fields.
      name = ns[i + 2] ?? '';
      i += 2;
    }
    files.push({
      path: name,
      status: statusOf.get(name) ?? 'modified',
      additions: add === '-' ? 0 : Number(add),
      deletions: del === '-' ? 0 : Number(del),
      patch: patchOf.get(name) ?? '',
    });
  }
  return files;
}

/** GitHub through the REST API: blobs → tree → commit → new branch → pull request. */
export class GitHubPublisher implements Publisher {
  readonly name = 'github';
  constructor(
    private readonly token: TokenSource,
    private readonly repo: string,
    private readonly baseUrl?: string,
  ) {}

  async publish(input: { branch: string; title: string; body: string; files: readonly PublishFile[]; missionId: string }) {
    const [owner, name] = this.repo.split('/');
    if (!owner || !name) throw new PublishError(`GANTRY_GITHUB_REPO must be owner/name, got ${JSON.stringify(this.repo)}`);
    const gh = new Octokit({ auth: await this.token(), baseUrl: this.baseUrl, userAgent: 'gantry' });
    const { data: repo } = await gh.request('GET /repos/{owner}/{repo}', { owner, repo: name });
    assertNotDefault(input.branch, repo.default_branch);
    const { data: baseRef } = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      owner,
      repo: name,
      ref: `heads/${repo.default_branch}`,
    });
    const { data: baseCommit } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
      owner,
      repo: name,
      commit_sha: baseRef.object.sha,
    });
    const tree = [];
    for (const file of input.files) {
      assertSafeKey(file.path);
      const { data: blob } = await gh.request('POST /repos/{owner}/{repo}/git/blobs', {
        owner,
        repo: name,
        content: file.content.toString('base64'),
        encoding: 'base64',
      });
      tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
    }
    const { data: newTree } = await gh.request('POST /repos/{owner}/{repo}/git/trees', {
      owner,
      repo: name,
      base_tree: baseCommit.tree.sha,
      tree,
    });
    const { data: commit } = await gh.request('POST /repos/{owner}/{repo}/git/commits', {
      owner,
      repo: name,
      // The mission id in the message lets a re-run tell its own branch from another mission's.
      message: `${input.title}\n\n${input.body}\n\nGantry-Mission: ${input.missionId}`,
      tree: newTree.sha,
      parents: [baseCommit.sha],
    });
    let commitSha = commit.sha;
    try {
      await gh.request('POST /repos/{owner}/{repo}/git/refs', {
        owner,
        repo: name,
        ref: `refs/heads/${input.branch}`,
        sha: commit.sha,
      });
    } catch (err) {
      if ((err as { status?: number }).status !== 422) throw err;
      // A re-run (a retry or redrive after the branch was made): the branch is this mission's own
      // if its commit names the mission; it is kept as it is, never moved.
      const { data: ref } = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        owner,
        repo: name,
        ref: `heads/${input.branch}`,
      });
      const { data: existing } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        owner,
        repo: name,
        commit_sha: ref.object.sha,
      });
      if (!existing.message.includes(input.missionId)) {
        throw new PublishError(`Branch ${input.branch} already exists and belongs to another mission`);
      }
      commitSha = existing.sha;
    }
    let pr: { number: number; html_url: string };
    try {
      ({ data: pr } = await gh.request('POST /repos/{owner}/{repo}/pulls', {
        owner,
        repo: name,
        head: input.branch,
        base: repo.default_branch,
        title: input.title,
        body: input.body,
      }));
    } catch (err) {
      if ((err as { status?: number }).status !== 422) throw err;
      // The pull request of a re-run already exists: it is the one to report, not a second.
      const { data: open } = await gh.request('GET /repos/{owner}/{repo}/pulls', {
        owner,
        repo: name,
        head: `${owner}:${input.branch}`,
        state: 'open',
      });
      const found = open[0];
      if (!found) throw err;
      pr = found;
    }
    return {
      branch: input.branch,
      prUrl: pr.html_url,
      prNumber: pr.number,
      commitSha,
      defaultBranch: repo.default_branch,
    };
  }

  /**
   * The mission's pull request from GitHub: the PR and its files with their patches. A pull request
   * GitHub no longer has (deleted repository, renamed branch) is null (404 at the edge); any other
   * answer of GitHub is a 502 naming it, never an internal error.
   */
  async describePull(input: { missionId: string; branch: string | null; prUrl: string | null }): Promise<PullDescription | null> {
    // The token is read first: a Parameter Store failure is not GitHub's.
    const auth = await this.token();
    try {
      return await this.readPull(input, auth);
    } catch (err) {
      const status = (err as { status?: unknown }).status;
      if (status === 404) return null;
      if (err instanceof GantryError) throw err;
      throw new UpstreamError(
        'GitHub',
        typeof status === 'number'
          ? `GitHub answered ${status} reading the pull request`
          : `GitHub could not be reached (${(err as Error).message})`,
      );
    }
  }

  private async readPull(
    input: { missionId: string; branch: string | null; prUrl: string | null },
    auth: string,
  ): Promise<PullDescription | null> {
    const [owner, name] = this.repo.split('/');
    if (!owner || !name) throw new PublishError(`GANTRY_GITHUB_REPO must be owner/name, got ${JSON.stringify(this.repo)}`);
    const gh = new Octokit({ auth, baseUrl: this.baseUrl, userAgent: 'gantry' });
    let number = Number(/\/pull\/(\d+)$/.exec(input.prUrl ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(number) && input.branch) {
      const { data: found } = await gh.request('GET /repos/{owner}/{repo}/pulls', {
        owner,
        repo: name,
        head: `${owner}:${input.branch}`,
        state: 'all',
      });
      number = found[0]?.number ?? NaN;
    }
    if (!Number.isInteger(number)) return null;
    const { data: pr } = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner,
      repo: name,
      pull_number: number,
    });
    // Only the mission's own pull request (its branch), never another found by number.
    if (input.branch && pr.head.ref !== input.branch) return null;
    // GitHub lists at most 3,000 files of a pull request, 100 a page.
    const files = [];
    for (let page = 1; page <= 30; page++) {
      const { data } = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        owner,
        repo: name,
        pull_number: number,
        per_page: 100,
        page,
      });
      files.push(...data);
      if (data.length < 100) break;
    }
    return {
      number: pr.number,
      title: pr.title,
      body: pr.body ?? '',
      head: pr.head.ref,
      base: pr.base.ref,
      head_sha: pr.head.sha,
      url: pr.html_url,
      files: files.map((f) => ({
        path: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        patch: f.patch ?? '',
      })),
    };
  }
}
