import { Octokit } from '@octokit/rest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PublishError } from '../domain/errors';
import type { PublishFile, Publisher } from '../domain/ports';
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
 * Local publisher: one bare git repository; each mission gets its own branch with one commit,
 * and a pull-request record (JSON) next to the repository. The default branch is never written
 * after the repository's first commit.
 */
export class LocalGitPublisher implements Publisher {
  readonly name = 'local-git';
  private readonly pullsDir: string;

  constructor(
    private readonly root: string,
    private readonly publicUrl: () => string,
  ) {
    this.pullsDir = join(root, 'pulls');
  }

  /** One bare repository per tenant: no tenant can read another's branches. */
  repoPath(tenantId: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(tenantId))
      throw new PublishError(`Invalid tenant id ${JSON.stringify(tenantId)}`);
    return join(this.root, 'tenants', tenantId, 'apps.git');
  }

  private git(args: string[], cwd: string): Promise<{ stdout: string }> {
    return run('git', args, {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: this.root,
        GIT_AUTHOR_NAME: 'Gantry',
        GIT_AUTHOR_EMAIL: 'gantry@localhost',
        GIT_COMMITTER_NAME: 'Gantry',
        GIT_COMMITTER_EMAIL: 'gantry@localhost',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_TERMINAL_PROMPT: '0',
      },
    });
  }

  /** Creates the tenant's bare repository with an initial commit on the default branch. Idempotent. */
  async init(tenantId: string): Promise<void> {
    const repoPath = this.repoPath(tenantId);
    if (existsSync(join(repoPath, 'HEAD'))) return;
    await mkdir(this.pullsDir, { recursive: true });
    await mkdir(dirname(repoPath), { recursive: true });
    await this.git(['init', '--bare', '--initial-branch', DEFAULT_BRANCH, repoPath], this.root);
    const work = await mkdtemp(join(tmpdir(), 'gantry-git-init-'));
    try {
      await this.git(['init', '--initial-branch', DEFAULT_BRANCH, work], work);
      await writeFile(join(work, 'README.md'), '# Gantry apps\n\nEach app arrives on its own branch with a pull request.\n');
      await this.git(['add', '-A'], work);
      await this.git(['commit', '-m', 'Initial commit'], work);
      await this.git(['push', repoPath, `${DEFAULT_BRANCH}:${DEFAULT_BRANCH}`], work);
    } finally {
      await rm(work, { recursive: true, force: true });
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
    const work = await mkdtemp(join(tmpdir(), 'gantry-git-'));
    try {
      await this.git(['clone', '--quiet', '--branch', DEFAULT_BRANCH, this.repoPath(input.tenantId), work], this.root);
      await this.git(['checkout', '-b', input.branch], work);
      for (const file of input.files) {
        assertSafeKey(file.path);
        const path = join(work, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
      }
      await this.git(['add', '-A'], work);
      await this.git(['commit', '--quiet', '-m', input.title, '-m', input.body], work);
      const sha = (await this.git(['rev-parse', 'HEAD'], work)).stdout.trim();
      // Push only the mission's branch; a branch that already exists is refused (no force).
      await this.git(['push', '--quiet', 'origin', `refs/heads/${input.branch}:refs/heads/${input.branch}`], work);
      const number = await this.nextPullNumber(async (n) => ({
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
      }));
      return {
        branch: input.branch,
        prUrl: `${this.publicUrl()}/git/pulls/${number}`,
        prNumber: number,
        commitSha: sha,
        defaultBranch: DEFAULT_BRANCH,
      };
    } catch (err) {
      if (err instanceof PublishError) throw err;
      throw new PublishError(`Local publish failed: ${(err as Error).message.split('\n')[0]}`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async nextPullNumber(record: (n: number) => Promise<Record<string, unknown>>): Promise<number> {
    await mkdir(this.pullsDir, { recursive: true });
    let n = (await readdir(this.pullsDir)).filter((f) => f.endsWith('.json')).length + 1;
    for (;;) {
      try {
        await writeFile(join(this.pullsDir, `${n}.json`), JSON.stringify(await record(n), null, 2), { flag: 'wx' });
        return n;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        n += 1;
      }
    }
  }
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
    const { data: repo } = await gh.repos.get({ owner, repo: name });
    assertNotDefault(input.branch, repo.default_branch);
    const { data: baseRef } = await gh.git.getRef({ owner, repo: name, ref: `heads/${repo.default_branch}` });
    const { data: baseCommit } = await gh.git.getCommit({ owner, repo: name, commit_sha: baseRef.object.sha });
    const tree = [];
    for (const file of input.files) {
      assertSafeKey(file.path);
      const { data: blob } = await gh.git.createBlob({
        owner,
        repo: name,
        content: file.content.toString('base64'),
        encoding: 'base64',
      });
      tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
    }
    const { data: newTree } = await gh.git.createTree({ owner, repo: name, base_tree: baseCommit.tree.sha, tree });
    const { data: commit } = await gh.git.createCommit({
      owner,
      repo: name,
      message: `${input.title}\n\n${input.body}`,
      tree: newTree.sha,
      parents: [baseCommit.sha],
    });
    await gh.git.createRef({ owner, repo: name, ref: `refs/heads/${input.branch}`, sha: commit.sha });
    const { data: pr } = await gh.pulls.create({
      owner,
      repo: name,
      head: input.branch,
      base: repo.default_branch,
      title: input.title,
      body: input.body,
    });
    return {
      branch: input.branch,
      prUrl: pr.html_url,
      prNumber: pr.number,
      commitSha: commit.sha,
      defaultBranch: repo.default_branch,
    };
  }
}
