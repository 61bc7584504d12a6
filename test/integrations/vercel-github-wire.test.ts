/**
 * Wire-format tests of the two third-party adapters: the real fetch / Octokit clients talk to a
 * local HTTP server that checks what the real API would reject. What this cannot prove: that the
 * real services accept our token scopes, team ids or repository settings, or their rate limits.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { VercelDeployer } from '../../lambdas/adapters/deployers';
import { GitHubPublisher } from '../../lambdas/adapters/publishers';

type Handler = (req: IncomingMessage, body: any, res: ServerResponse) => void;
const TOKEN = 'tok_test_123';

async function serve(
  handler: Handler,
): Promise<{ url: string; server: Server; calls: Array<{ method: string; path: string; body: any }> }> {
  const calls: Array<{ method: string; path: string; body: any }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) : undefined;
      calls.push({ method: req.method ?? '', path: req.url ?? '', body });
      if (req.headers.authorization !== `Bearer ${TOKEN}` && req.headers.authorization !== `token ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Bad credentials' }));
        return;
      }
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, calls };
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

describe('Vercel deployer', () => {
  test('creates one deployment with inline base64 files and polls it until READY', async () => {
    let polls = 0;
    const api = await serve((req, body, res) => {
      if (req.method === 'POST' && req.url === '/v13/deployments?teamId=team_1') {
        if (!Array.isArray(body.files) || body.files.some((f: any) => f.encoding !== 'base64' || typeof f.data !== 'string')) {
          return json(res, 400, { error: { code: 'bad_request', message: 'files must be inline base64' } });
        }
        return json(res, 200, { id: 'dpl_1', url: 'calc-abc.vercel.app', readyState: 'BUILDING' });
      }
      if (req.method === 'GET' && req.url === '/v13/deployments/dpl_1?teamId=team_1') {
        polls += 1;
        return json(res, 200, { id: 'dpl_1', readyState: polls < 2 ? 'BUILDING' : 'READY' });
      }
      json(res, 404, { error: { code: 'not_found' } });
    });
    try {
      const deployer = new VercelDeployer(async () => TOKEN, {
        apiUrl: api.url,
        teamId: 'team_1',
        timeoutMs: 10_000,
        pollMs: 20,
      });
      const out = await deployer.deploy({
        slug: 'calc-abc',
        missionId: 'm-1',
        files: [
          { path: 'index.html', body: Buffer.from('<h1>Calculator</h1>') },
          { path: 'src/app.js', body: Buffer.from('export {}') },
        ],
      });
      expect(out).toEqual({ url: 'https://calc-abc.vercel.app/', deploymentId: 'dpl_1' });
      const create = api.calls[0]!;
      expect(create.body).toMatchObject({ name: 'calc-abc', target: 'production', projectSettings: { framework: null } });
      expect(create.body.files.map((f: any) => [f.file, Buffer.from(f.data, 'base64').toString()])).toEqual([
        ['index.html', '<h1>Calculator</h1>'],
        ['src/app.js', 'export {}'],
      ]);
      expect(polls).toBe(2);
    } finally {
      api.server.close();
    }
  });

  test('a refused deployment is a DeployError; throttling is a TransientError the workflow retries', async () => {
    let status = 400;
    const api = await serve((_req, _body, res) => json(res, status, { error: { code: 'x', message: 'nope' } }));
    try {
      const deployer = new VercelDeployer(async () => TOKEN, { apiUrl: api.url, timeoutMs: 1000 });
      const input = { slug: 's', missionId: 'm', files: [{ path: 'index.html', body: Buffer.from('x') }] };
      await expect(deployer.deploy(input)).rejects.toMatchObject({ name: 'DeployError' });
      status = 429;
      await expect(deployer.deploy(input)).rejects.toMatchObject({ name: 'TransientError' });
      const wrong = new VercelDeployer(async () => 'wrong', { apiUrl: api.url, timeoutMs: 1000 });
      await expect(wrong.deploy(input)).rejects.toMatchObject({ name: 'DeployError' });
    } finally {
      api.server.close();
    }
  });
});

describe('GitHub publisher', () => {
  test('blobs → tree → commit → new branch → pull request, never the default branch', async () => {
    const api = await serve((req, body, res) => {
      const route = `${req.method} ${req.url}`;
      if (route === 'GET /repos/acme/apps') return json(res, 200, { default_branch: 'main' });
      if (route === 'GET /repos/acme/apps/git/ref/heads%2Fmain') return json(res, 200, { object: { sha: 'base-sha' } });
      if (route === 'GET /repos/acme/apps/git/commits/base-sha')
        return json(res, 200, { sha: 'base-sha', tree: { sha: 'base-tree' } });
      if (route === 'POST /repos/acme/apps/git/blobs') {
        if (body.encoding !== 'base64') return json(res, 422, { message: 'encoding' });
        return json(res, 201, { sha: `blob-${Buffer.from(body.content, 'base64').toString().length}` });
      }
      if (route === 'POST /repos/acme/apps/git/trees') return json(res, 201, { sha: 'new-tree' });
      if (route === 'POST /repos/acme/apps/git/commits') return json(res, 201, { sha: 'new-commit' });
      if (route === 'POST /repos/acme/apps/git/refs') {
        if (body.ref === 'refs/heads/main') return json(res, 422, { message: 'Reference already exists' });
        return json(res, 201, { ref: body.ref });
      }
      if (route === 'POST /repos/acme/apps/pulls')
        return json(res, 201, { number: 7, html_url: 'https://github.test/acme/apps/pull/7' });
      json(res, 404, { message: `Not Found: ${route}` });
    });
    try {
      const publisher = new GitHubPublisher(async () => TOKEN, 'acme/apps', api.url);
      const out = await publisher.publish({
        branch: 'gantry/calc-abc',
        title: 'Gantry: calculator',
        body: 'Mission m-1',
        missionId: 'm-1',
        files: [
          { path: 'index.html', content: Buffer.from('<h1>x</h1>') },
          { path: 'public/design-reference.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
        ],
      });
      expect(out).toEqual({
        branch: 'gantry/calc-abc',
        prUrl: 'https://github.test/acme/apps/pull/7',
        prNumber: 7,
        commitSha: 'new-commit',
        defaultBranch: 'main',
      });
      const tree = api.calls.find((c) => c.path === '/repos/acme/apps/git/trees')!.body;
      expect(tree).toMatchObject({ base_tree: 'base-tree' });
      expect(tree.tree.map((e: any) => e.path)).toEqual(['index.html', 'public/design-reference.png']);
      expect(api.calls.find((c) => c.path === '/repos/acme/apps/git/commits')!.body.parents).toEqual(['base-sha']);
      expect(api.calls.find((c) => c.path === '/repos/acme/apps/git/refs')!.body).toEqual({
        ref: 'refs/heads/gantry/calc-abc',
        sha: 'new-commit',
      });
      expect(api.calls.find((c) => c.path === '/repos/acme/apps/pulls')!.body).toMatchObject({
        head: 'gantry/calc-abc',
        base: 'main',
      });
      // Nothing ever updates an existing ref (that is how a push to main would look).
      expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);

      const refs = api.calls.length;
      await expect(publisher.publish({ branch: 'main', title: 't', body: 'b', missionId: 'm', files: [] })).rejects.toMatchObject(
        {
          name: 'PublishError',
        },
      );
      expect(api.calls.slice(refs).some((c) => c.method !== 'GET')).toBe(false);
    } finally {
      api.server.close();
    }
  });
  test('a re-run after the branch and pull request were made reports them instead of failing or opening another', async () => {
    const api = await serve((req, _body, res) => {
      const route = `${req.method} ${req.url}`;
      if (route === 'GET /repos/acme/apps') return json(res, 200, { default_branch: 'main' });
      if (route === 'GET /repos/acme/apps/git/ref/heads%2Fmain') return json(res, 200, { object: { sha: 'base-sha' } });
      if (route === 'GET /repos/acme/apps/git/commits/base-sha')
        return json(res, 200, { sha: 'base-sha', message: 'Initial', tree: { sha: 'base-tree' } });
      if (route === 'POST /repos/acme/apps/git/blobs') return json(res, 201, { sha: 'blob' });
      if (route === 'POST /repos/acme/apps/git/trees') return json(res, 201, { sha: 'new-tree' });
      if (route === 'POST /repos/acme/apps/git/commits') return json(res, 201, { sha: 'rerun-commit' });
      if (route === 'POST /repos/acme/apps/git/refs') return json(res, 422, { message: 'Reference already exists' });
      if (route === 'GET /repos/acme/apps/git/ref/heads%2Fgantry%2Fcalc-abc')
        return json(res, 200, { object: { sha: 'first-commit' } });
      if (route === 'GET /repos/acme/apps/git/commits/first-commit')
        return json(res, 200, { sha: 'first-commit', message: 'Gantry: calculator\n\nGantry-Mission: m-1', tree: { sha: 't' } });
      if (route === 'POST /repos/acme/apps/pulls')
        return json(res, 422, {
          message: 'Validation Failed',
          errors: [
            { resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:gantry/calc-abc.' },
          ],
        });
      if (req.method === 'GET' && req.url?.startsWith('/repos/acme/apps/pulls?')) {
        const q = new URL(req.url, 'http://x').searchParams;
        if (q.get('head') !== 'acme:gantry/calc-abc' || q.get('state') !== 'open') return json(res, 200, []);
        return json(res, 200, [{ number: 7, html_url: 'https://github.test/acme/apps/pull/7' }]);
      }
      json(res, 404, { message: `Not Found: ${route}` });
    });
    try {
      const publisher = new GitHubPublisher(async () => TOKEN, 'acme/apps', api.url);
      const input = { branch: 'gantry/calc-abc', title: 'Gantry: calculator', body: 'b', missionId: 'm-1', files: [] };
      await expect(publisher.publish(input)).resolves.toEqual({
        branch: 'gantry/calc-abc',
        prUrl: 'https://github.test/acme/apps/pull/7',
        prNumber: 7,
        commitSha: 'first-commit',
        defaultBranch: 'main',
      });
      // The existing branch is left where it was.
      expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);
      // Another mission's run never takes the branch over.
      await expect(publisher.publish({ ...input, missionId: 'm-2' })).rejects.toThrow(/belongs to another mission/);
    } finally {
      api.server.close();
    }
  });

  test("a mission's pull request reads back with its files and patches; another branch's PR is not the mission's", async () => {
    const files = [
      { filename: 'index.html', status: 'added', additions: 2, deletions: 0, patch: '@@ -0,0 +1,2 @@\n+<h1>x</h1>\n+<p>y</p>' },
      { filename: 'public/logo.png', status: 'added', additions: 0, deletions: 0 },
    ];
    const api = await serve((req, _body, res) => {
      const route = `${req.method} ${req.url}`;
      if (route === 'GET /repos/acme/apps/pulls/7')
        return json(res, 200, {
          number: 7,
          title: 'Gantry: calculator',
          body: 'Plan, audits, live URL',
          html_url: 'https://github.test/acme/apps/pull/7',
          head: { ref: 'gantry/calc-abc', sha: 'head-sha' },
          base: { ref: 'main', sha: 'base-sha' },
        });
      const url = new URL(req.url ?? '/', 'http://x');
      if (
        req.method === 'GET' &&
        url.pathname === '/repos/acme/apps/pulls/7/files' &&
        url.searchParams.get('per_page') === '100'
      ) {
        // GitHub pages the files, 100 at a time; this pull request has one page.
        return json(res, 200, (url.searchParams.get('page') ?? '1') === '1' ? files : []);
      }
      if (req.method === 'GET' && req.url?.startsWith('/repos/acme/apps/pulls?')) {
        const head = new URL(req.url, 'http://x').searchParams.get('head');
        return json(res, 200, head === 'acme:gantry/calc-abc' ? [{ number: 7 }] : []);
      }
      json(res, 404, { message: `Not Found: ${route}` });
    });
    try {
      const publisher = new GitHubPublisher(async () => TOKEN, 'acme/apps', api.url);
      const expected = {
        number: 7,
        title: 'Gantry: calculator',
        body: 'Plan, audits, live URL',
        head: 'gantry/calc-abc',
        base: 'main',
        head_sha: 'head-sha',
        url: 'https://github.test/acme/apps/pull/7',
        files: [
          { path: 'index.html', status: 'added', additions: 2, deletions: 0, patch: files[0]!.patch },
          { path: 'public/logo.png', status: 'added', additions: 0, deletions: 0, patch: '' },
        ],
      };
      const input = { missionId: 'm-1', branch: 'gantry/calc-abc', prUrl: 'https://github.test/acme/apps/pull/7' };
      await expect(publisher.describePull(input)).resolves.toEqual(expected);
      // Without the PR's URL the mission's branch finds it.
      await expect(publisher.describePull({ ...input, prUrl: null })).resolves.toEqual(expected);
      // A PR number that belongs to another branch is not this mission's.
      await expect(publisher.describePull({ ...input, branch: 'gantry/other' })).resolves.toBeNull();
      await expect(publisher.describePull({ ...input, branch: 'gantry/none', prUrl: null })).resolves.toBeNull();
      // A pull request GitHub no longer has is absent, not an error.
      await expect(publisher.describePull({ ...input, prUrl: 'https://github.test/acme/apps/pull/8' })).resolves.toBeNull();
      expect(api.calls.every((c) => c.method === 'GET')).toBe(true);
    } finally {
      api.server.close();
    }
  });

  test('GitHub failing while a pull request is read is a 502 naming GitHub, not an internal error', async () => {
    const api = await serve((_req, _body, res) => json(res, 503, { message: 'Service unavailable' }));
    try {
      const publisher = new GitHubPublisher(async () => TOKEN, 'acme/apps', api.url);
      const err = await publisher
        .describePull({ missionId: 'm-1', branch: 'gantry/calc-abc', prUrl: 'https://github.test/acme/apps/pull/7' })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'UPSTREAM_FAILED', httpStatus: 502, details: { service: 'GitHub' } });
      expect((err as Error).message).toMatch(/GitHub answered 503/);
    } finally {
      api.server.close();
    }
  });
});
