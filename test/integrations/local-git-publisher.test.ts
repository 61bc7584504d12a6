import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LocalGitPublisher } from '../../lambdas/adapters/publishers';

/**
 * The local publisher survives a crash at any point of a tenant's first publish and of a
 * mission's publish: a half-made repository is repaired, and a re-run publish completes what the
 * first run made instead of failing on its branch or opening a second pull request.
 */

let root: string;
let publisher: LocalGitPublisher;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-publisher-'));
  publisher = new LocalGitPublisher(root, () => 'http://127.0.0.1:1');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const git = (args: string[], cwd: string): string =>
  execFileSync('git', args, { cwd, env: { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1' } })
    .toString()
    .trim();
const branches = (repo: string): string[] =>
  git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/'], repo).split('\n').filter(Boolean).sort();
const pulls = (): string[] => readdirSync(join(root, 'pulls')).filter((f) => f.endsWith('.json'));

const publishInput = (missionId: string, tenantId = 'tenant-a') => ({
  branch: `gantry/app-${missionId}`,
  title: `Gantry: app ${missionId}`,
  body: `Mission \`${missionId}\`: an app`,
  files: [{ path: 'index.html', content: Buffer.from(`<p>${missionId}</p>`) }],
  missionId,
  tenantId,
});

test('a repository left with HEAD and no refs (a crash during the first publish) is made whole again', async () => {
  const repo = publisher.repoPath('tenant-a');
  mkdirSync(dirname(repo), { recursive: true });
  git(['init', '--quiet', '--bare', '--initial-branch', 'main', repo], root);
  expect(existsSync(join(repo, 'HEAD'))).toBe(true);

  const out = await publisher.publish(publishInput('m-one'));
  expect(out.prNumber).toBe(1);
  expect(branches(repo)).toEqual(['gantry/app-m-one', 'main']);
  // The half-made one was set aside, not deleted.
  expect(readdirSync(dirname(repo)).some((f) => f.startsWith('apps.git.incomplete-'))).toBe(true);
});

test('what an interrupted init left beside the repository is cleared; the tenant publishes', async () => {
  const repo = publisher.repoPath('tenant-a');
  const staging = `${repo}.init-abc123`;
  mkdirSync(staging, { recursive: true });
  git(['init', '--quiet', '--bare', '--initial-branch', 'main', staging], root);
  await publisher.publish(publishInput('m-two'));
  expect(existsSync(staging)).toBe(false);
  expect(branches(repo)).toContain('main');
});

test("a crash while a new tenant's first commit is made leaves nothing outside its folder, and the next init clears it", async () => {
  const scratch = mkdtempSync(join(root, 'system-temp-'));
  const module = join(__dirname, '..', '..', 'lambdas', 'adapters', 'publishers.ts');
  const script = `
    const { LocalGitPublisher } = require(${JSON.stringify(module)});
    new LocalGitPublisher(${JSON.stringify(root)}, () => 'http://127.0.0.1:1').init('tenant-a');
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    env: { ...process.env, TMPDIR: scratch, GANTRY_TEST_CRASH_AT: 'repo-first-commit' },
  });
  expect(child.signal).toBe('SIGKILL');
  // Nothing in the system's temporary folder (but the TypeScript loader's cache): a stack's start never sweeps there.
  expect(readdirSync(scratch).filter((f) => !f.startsWith('tsx-'))).toEqual([]);
  const repo = publisher.repoPath('tenant-a');
  const leftovers = () => readdirSync(dirname(repo)).filter((f) => f.includes('.init-'));
  // The staging repository and the first commit's folder, both named as an init in progress.
  expect(leftovers()).toHaveLength(2);
  expect(existsSync(repo)).toBe(false);

  await publisher.publish(publishInput('m-after-crash'));
  expect(leftovers()).toEqual([]);
  expect(branches(repo)).toEqual(['gantry/app-m-after-crash', 'main']);
}, 60_000);

test('a repository with pull-request branches but no default branch gets it back and keeps the branches', async () => {
  await publisher.publish(publishInput('m-keep'));
  const repo = publisher.repoPath('tenant-a');
  git(['update-ref', '-d', 'refs/heads/main'], repo);
  const fresh = new LocalGitPublisher(root, () => 'http://127.0.0.1:1');
  await fresh.publish(publishInput('m-after'));
  expect(branches(repo)).toEqual(['gantry/app-m-after', 'gantry/app-m-keep', 'main']);
});

test('a publish re-run completes the first one: same pull request, one branch, one record', async () => {
  const first = await publisher.publish(publishInput('m-twice'));
  const again = await new LocalGitPublisher(root, () => 'http://127.0.0.1:1').publish(publishInput('m-twice'));
  expect(again).toEqual(first);
  expect(pulls()).toEqual(['1.json']);

  // Cut off after the branch was pushed and before the record was written: the record is made for that commit.
  unlinkSync(join(root, 'pulls', '1.json'));
  const completed = await new LocalGitPublisher(root, () => 'http://127.0.0.1:1').publish(publishInput('m-twice'));
  expect(completed.commitSha).toBe(first.commitSha);
  expect(pulls()).toHaveLength(1);
});

test('a branch that belongs to another mission is never taken over', async () => {
  await publisher.publish(publishInput('m-owner'));
  await expect(publisher.publish({ ...publishInput('m-other'), branch: 'gantry/app-m-owner' })).rejects.toThrow(
    /belongs to another mission/,
  );
});

test("a new tenant's first publishes, all at once, share one initialisation", async () => {
  const outs = await Promise.all(['a', 'b', 'c', 'd'].map((m) => publisher.publish(publishInput(`m-${m}`, 'tenant-new'))));
  expect(new Set(outs.map((o) => o.prNumber)).size).toBe(4);
  expect(branches(publisher.repoPath('tenant-new'))).toHaveLength(5);
});

test('many publishes of one process in the same millisecond each get a whole pull-request record of their own', async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `m-${String(i).padStart(2, '0')}${'x'.repeat(i * 40)}`.slice(0, 60));
  const now = jest.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
  try {
    await Promise.all(
      ids.map((id, i) => publisher.publish({ ...publishInput(`mission-${i}`, `tenant-${i % 3}`), body: id.repeat(i + 1) })),
    );
  } finally {
    now.mockRestore();
  }
  const records = pulls().map(
    (f) => JSON.parse(readFileSync(join(root, 'pulls', f), 'utf8')) as { number: number; mission_id: string },
  );
  expect(records.map((r) => r.mission_id).sort()).toEqual(ids.map((_, i) => `mission-${i}`).sort());
  expect(new Set(records.map((r) => r.number)).size).toBe(ids.length);
}, 60_000);

test("a mission's pull request reads back with every file's unified diff against main; another tenant's is not found", async () => {
  const input = {
    ...publishInput('m-diff'),
    files: [
      { path: 'index.html', content: Buffer.from('<h1>Notes</h1>\n<p>two</p>\n') },
      { path: 'README.md', content: Buffer.from('# Gantry apps\n\nNotes app.\n') },
      { path: 'public/logo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0, 255]) },
    ],
  };
  const out = await publisher.publish(input);
  const pull = await publisher.describePull({ tenantId: 'tenant-a', missionId: 'm-diff' });
  expect(pull).toMatchObject({
    number: out.prNumber,
    title: input.title,
    body: input.body,
    head: input.branch,
    base: 'main',
    head_sha: out.commitSha,
    url: `http://127.0.0.1:1/git/pulls/${out.prNumber}`,
  });
  const byPath = Object.fromEntries(pull!.files.map((f) => [f.path, f]));
  expect(Object.keys(byPath).sort()).toEqual(['README.md', 'index.html', 'public/logo.png']);
  expect(byPath['index.html']).toMatchObject({ status: 'added', additions: 2, deletions: 0 });
  expect(byPath['index.html']!.patch).toBe('@@ -0,0 +1,2 @@\n+<h1>Notes</h1>\n+<p>two</p>');
  // The README exists on main: the diff shows only what the branch changed.
  expect(byPath['README.md']).toMatchObject({ status: 'modified', additions: 1, deletions: 1 });
  expect(byPath['README.md']!.patch).toContain('-Each app arrives on its own branch with a pull request.\n+Notes app.');
  expect(byPath['public/logo.png']).toMatchObject({ status: 'added', additions: 0, deletions: 0, patch: '' });

  expect(await publisher.describePull({ tenantId: 'tenant-b', missionId: 'm-diff' })).toBeNull();
  expect(await publisher.describePull({ tenantId: 'tenant-a', missionId: 'm-other' })).toBeNull();
});

test("a mission's commit sits on main with main's files and the app's, its message as `git commit -m` writes it", async () => {
  const out = await publisher.publish({
    ...publishInput('m-commit'),
    body: 'Line one  \n\n\n\nline two',
    files: [
      { path: 'index.html', content: Buffer.from('<p>hi</p>\n') },
      { path: 'src/a "quoted" name é.js', content: Buffer.from('export {};\n') },
    ],
  });
  const repo = publisher.repoPath('tenant-a');
  expect(git(['rev-parse', `refs/heads/gantry/app-m-commit`], repo)).toBe(out.commitSha);
  expect(git(['rev-parse', `${out.commitSha}^`], repo)).toBe(git(['rev-parse', 'refs/heads/main'], repo));
  expect(git(['log', '-1', '--format=%B', out.commitSha], repo)).toBe(
    'Gantry: app m-commit\n\nLine one\n\nline two\n\nGantry-Mission: m-commit',
  );
  expect(git(['log', '-1', '--format=%an <%ae> / %cn <%ce>', out.commitSha], repo)).toBe(
    'Gantry <gantry@localhost> / Gantry <gantry@localhost>',
  );
  expect(git(['ls-tree', '-r', '-z', '--name-only', out.commitSha], repo).split('\0').filter(Boolean).sort()).toEqual(
    ['README.md', 'index.html', 'src/a "quoted" name é.js'].sort(),
  );
  expect(git(['show', `${out.commitSha}:src/a "quoted" name é.js`], repo)).toBe('export {};');
});
