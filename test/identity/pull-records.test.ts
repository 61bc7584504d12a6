import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startTestStack, type TestStack } from '../helpers/test-stack';

let t: TestStack;
const OWNER_B = { email: 'owner@pulls-b.test', password: 'pulls-b-password-1' };

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t?.stop());

test("a pull-request record needs a session and is visible only to its mission's tenant", async () => {
  const res = await t.request('POST', '/gantry/architect', {
    voice_memo: 'Build a unit converter',
    deploy: false,
    publish: true,
  });
  expect(res.status).toBe(202);
  const status = await t.waitFor(res.body.mission_id, ['DEPLOYED', 'FAILED']);
  expect(status.status).toBe('DEPLOYED');
  const path = new URL(status.pr_url).pathname;

  const mine = await t.request('GET', path);
  expect(mine.status).toBe(200);
  expect(mine.body).toMatchObject({ mission_id: res.body.mission_id, head: status.branch });

  const anonymous = await fetch(`${t.url}${path}`);
  expect(anonymous.status).toBe(401);
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  // A browser (it asks for HTML) is sent to the console's view of the pull request, which holds the session.
  const browser = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html,*/*' }, redirect: 'manual' });
  expect(browser.status).toBe(302);
  expect(browser.headers.get('location')).toBe(`/#pull/${path.split('/').pop()}`);

  // The pull request as people read it: its files with their unified diffs against main.
  const pullPath = `/gantry/missions/${res.body.mission_id}/pull`;
  const pull = await t.request('GET', pullPath);
  expect(pull.status).toBe(200);
  expect(pull.body).toMatchObject({ number: mine.body.number, head: status.branch, base: 'main', url: status.pr_url });
  const index = pull.body.files.find((f: { path: string }) => f.path === 'index.html');
  expect(index).toMatchObject({ status: 'added', deletions: 0 });
  expect(index.additions).toBeGreaterThan(0);
  expect(index.patch).toMatch(/^@@ -0,0 \+1,\d+ @@\n\+/);
  expect((await fetch(`${t.url}${pullPath}`)).status).toBe(401);

  const tenant = await t.request('POST', '/gantry/tenants', {
    name: 'Pulls B',
    owner_email: OWNER_B.email,
    owner_password: OWNER_B.password,
  });
  expect(tenant.status).toBe(201);
  const tokenB = await t.login(OWNER_B.email, OWNER_B.password);
  const asB = await t.requestAs(tokenB, 'GET', path);
  expect(asB.status).toBe(404);
  expect(asB.body.error.code).toBe('NOT_FOUND');
  expect(asB.text).not.toContain(res.body.mission_id);
  const pullAsB = await t.requestAs(tokenB, 'GET', pullPath);
  expect(pullAsB.status).toBe(404);
  expect(pullAsB.text).not.toContain(status.branch);

  // Each tenant has its own repository: A's branch is in A's, and B's repository is another folder.
  const repoA = await t.gitRepo();
  const repoB = await t.gitRepo(tokenB);
  expect(repoB).not.toBe(repoA);
  expect(execFileSync('git', ['--git-dir', repoA, 'branch', '--list', status.branch], { encoding: 'utf8' })).toContain(
    status.branch,
  );
  expect(existsSync(repoB)).toBe(false);
});
