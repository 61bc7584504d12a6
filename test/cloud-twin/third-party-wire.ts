import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A self-signed certificate for 127.0.0.1 (the twin's stand-in for a public CA). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-twin-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' }); // prettier-ignore
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Vercel as the deploy step meets it, over HTTPS: `POST /v13/deployments` with inline base64
 * files (refused otherwise, as Vercel refuses them), `GET /v13/deployments/{id}` going READY on
 * the second poll, and the deployment itself served at `https://<url>/` so the step's liveness
 * check reads the real deployed bytes. Every request needs the Bearer token.
 */
export class VercelTwin {
  private server: Server | undefined;
  readonly deployments = new Map<string, { name: string; files: Map<string, Buffer>; polls: number }>();
  url = '';

  constructor(private readonly token: string) {}

  async start(): Promise<void> {
    this.server = createHttpsServer(selfSignedCertificate(), (req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    // fetch (Node's bundled undici) must accept the self-signed certificate, the twin's stand-in
    // for a public CA: its global dispatcher is replaced by one that does, until stop().
    await fetch(this.url).catch(() => undefined);
    const key = Symbol.for('undici.globalDispatcher.1');
    // Node's fetch reads the dispatcher from the process's main realm (not a test sandbox's).
    const g = runInThisContext('globalThis') as Record<symbol, object | undefined>;
    const current = g[key];
    if (current) {
      this.savedDispatcher = current;
      const Agent = current.constructor as new (o: unknown) => object;
      g[key] = new Agent({ connect: { rejectUnauthorized: false } });
    }
  }

  private savedDispatcher: object | undefined;

  async stop(): Promise<void> {
    if (this.savedDispatcher)
      (globalThis as unknown as Record<symbol, object>)[Symbol.for('undici.globalDispatcher.1')] = this.savedDispatcher;
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://twin');
    const site = /^\/sites\/(dpl_[a-z0-9]+)\/(.*)$/.exec(url.pathname);
    if (site && req.method === 'GET') {
      const file = this.deployments.get(site[1] as string)?.files.get(site[2] || 'index.html');
      if (!file) return void res.writeHead(404).end('not found');
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(file);
    }
    const body = await readJson(req);
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return json(res, 403, { error: { code: 'forbidden', message: 'Not authorized' } });
    if (req.method === 'POST' && url.pathname === '/v13/deployments') {
      if (typeof body?.name !== 'string' || !Array.isArray(body.files) || body.files.length === 0) {
        return json(res, 400, { error: { code: 'bad_request', message: 'name and files are required' } });
      }
      const files = new Map<string, Buffer>();
      for (const f of body.files) {
        if (typeof f.file !== 'string' || f.encoding !== 'base64' || typeof f.data !== 'string') {
          return json(res, 400, { error: { code: 'bad_request', message: 'files must be {file, data, encoding: base64}' } });
        }
        files.set(f.file, Buffer.from(f.data, 'base64'));
      }
      const id = `dpl_${this.deployments.size + 1}${Date.now().toString(36)}`;
      this.deployments.set(id, { name: body.name, files, polls: 0 });
      return json(res, 200, { id, url: `${new URL(this.url).host}/sites/${id}`, readyState: 'BUILDING' });
    }
    const poll = /^\/v13\/deployments\/(dpl_[a-z0-9]+)$/.exec(url.pathname);
    if (req.method === 'GET' && poll) {
      const d = this.deployments.get(poll[1] as string);
      if (!d) return json(res, 404, { error: { code: 'not_found', message: 'Deployment not found' } });
      d.polls += 1;
      return json(res, 200, { id: poll[1], readyState: d.polls >= 2 ? 'READY' : 'BUILDING' });
    }
    json(res, 404, { error: { code: 'not_found', message: `${req.method} ${url.pathname}` } });
  }
}

/**
 * The GitHub REST calls the publisher makes (repo, ref, commit, blobs, tree, commit, ref, pull),
 * with the token required and a write to the default branch's ref refused as GitHub does
 * (422 Reference already exists).
 */
export class GitHubTwin {
  private server: Server | undefined;
  readonly pulls: Array<{ number: number; head: string; base: string; title: string; body: string }> = [];
  readonly refs = new Map<string, string>([['refs/heads/main', 'base-sha']]);
  /** What the git data API was given, by sha, so a pull request's files can be read back. */
  private readonly blobs = new Map<string, Buffer>();
  private readonly trees = new Map<string, Array<{ path: string; sha: string }>>([['base-tree', []]]);
  private readonly commits = new Map<string, string>([['base-sha', 'base-tree']]);
  url = '';

  constructor(
    private readonly token: string,
    private readonly repo: string,
  ) {}

  async start(): Promise<void> {
    this.server = createHttpServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`) {
      return json(res, 401, { message: 'Bad credentials' });
    }
    const base = `/repos/${this.repo}`;
    const route = `${req.method} ${req.url}`;
    const url = new URL(req.url ?? '/', 'http://github.twin');
    let n = 0;
    const sha = (): string => `${Date.now().toString(16)}${(n++).toString(16)}`.padEnd(40, '0');
    if (route === `GET ${base}`) return json(res, 200, { default_branch: 'main', full_name: this.repo });
    if (route === `GET ${base}/git/ref/heads%2Fmain`)
      return json(res, 200, { ref: 'refs/heads/main', object: { sha: this.refs.get('refs/heads/main') } });
    if (route === `GET ${base}/git/commits/base-sha`) return json(res, 200, { sha: 'base-sha', tree: { sha: 'base-tree' } });
    if (route === `POST ${base}/git/blobs`) {
      if (body?.encoding !== 'base64' || typeof body.content !== 'string') return json(res, 422, { message: 'Invalid blob' });
      const blob = sha();
      this.blobs.set(blob, Buffer.from(body.content as string, 'base64'));
      return json(res, 201, { sha: blob });
    }
    if (route === `POST ${base}/git/trees`) {
      if (!Array.isArray(body?.tree) || body.tree.some((e: any) => !e.sha || !e.path))
        return json(res, 422, { message: 'Invalid tree' });
      const tree = sha();
      const inherited = typeof body.base_tree === 'string' ? (this.trees.get(body.base_tree) ?? []) : [];
      const entries = (body.tree as Array<{ path: string; sha: string }>).map((e) => ({ path: e.path, sha: e.sha }));
      this.trees.set(tree, [...inherited.filter((e) => !entries.some((x) => x.path === e.path)), ...entries]);
      return json(res, 201, { sha: tree });
    }
    if (route === `POST ${base}/git/commits`) {
      if (typeof body?.tree !== 'string' || !Array.isArray(body.parents)) return json(res, 422, { message: 'Invalid commit' });
      const commit = sha();
      this.commits.set(commit, body.tree as string);
      return json(res, 201, { sha: commit });
    }
    if (route === `POST ${base}/git/refs`) {
      if (this.refs.has(body?.ref)) return json(res, 422, { message: 'Reference already exists' });
      this.refs.set(body.ref, body.sha);
      return json(res, 201, { ref: body.ref, object: { sha: body.sha } });
    }
    if (route === `POST ${base}/pulls`) {
      if (!this.refs.has(`refs/heads/${body?.head}`)) return json(res, 422, { message: 'Validation Failed: head' });
      const pr = { number: this.pulls.length + 1, head: body.head, base: body.base, title: body.title, body: body.body ?? '' };
      this.pulls.push(pr);
      return json(res, 201, { number: pr.number, html_url: `https://github.com/${this.repo}/pull/${pr.number}` });
    }
    if (req.method === 'GET' && url.pathname === `${base}/pulls`) {
      const head = url.searchParams.get('head');
      return json(
        res,
        200,
        this.pulls.filter((p) => !head || `${this.repo.split('/')[0]}:${p.head}` === head).map((p) => this.pullView(p)),
      );
    }
    const pull = /^\/pulls\/(\d+)(\/files)?$/.exec(url.pathname.slice(base.length));
    if (req.method === 'GET' && url.pathname.startsWith(base) && pull) {
      const pr = this.pulls.find((p) => p.number === Number(pull[1]));
      if (!pr) return json(res, 404, { message: 'Not Found' });
      if (!pull[2]) return json(res, 200, this.pullView(pr));
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      return json(res, 200, this.pullFiles(pr).slice((page - 1) * perPage, page * perPage));
    }
    json(res, 404, { message: `Not Found: ${route}` });
  }

  /** Deletes a pull request, as a repository's owner might. */
  forget(number: number): void {
    const i = this.pulls.findIndex((p) => p.number === number);
    if (i >= 0) this.pulls.splice(i, 1);
  }

  private headSha(pr: { head: string }): string {
    return this.refs.get(`refs/heads/${pr.head}`) ?? '';
  }

  private pullView(pr: GitHubTwin['pulls'][number]): Record<string, unknown> {
    return {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      html_url: `https://github.com/${this.repo}/pull/${pr.number}`,
      head: { ref: pr.head, sha: this.headSha(pr) },
      base: { ref: pr.base, sha: this.refs.get(`refs/heads/${pr.base}`) },
    };
  }

  /** The files the head commit's tree adds over the base branch's (which is empty here), with patches. */
  private pullFiles(pr: GitHubTwin['pulls'][number]): Array<Record<string, unknown>> {
    const baseTree = this.commits.get(this.refs.get(`refs/heads/${pr.base}`) ?? '') ?? '';
    const basePaths = new Set((this.trees.get(baseTree) ?? []).map((e) => e.path));
    const entries = this.trees.get(this.commits.get(this.headSha(pr)) ?? '') ?? [];
    return entries
      .filter((e) => !basePaths.has(e.path))
      .map((e) => {
        const lines = (this.blobs.get(e.sha)?.toString('utf8') ?? '').replace(/\n$/, '').split('\n');
        return {
          filename: e.path,
          status: 'added',
          additions: lines.length,
          deletions: 0,
          patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
        };
      });
  }
}
