import { randomUUID } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { dirname, join } from 'node:path';
import { DeployError, TransientError } from '../domain/errors';
import type { DeployFile, Deployer } from '../domain/ports';
import { assertSafeKey } from './artifact-store';

/**
 * Local static host: the built output is copied to `<appsRoot>/<slug>/` and served by the local
 * apps host on the app's own origin (`appUrl(slug)`, e.g. `http://<slug>.localhost:8788/`). The
 * folder is swapped in whole, so a visitor never sees half a deploy.
 */
export class LocalStaticDeployer implements Deployer {
  readonly name = 'local-static';
  constructor(
    private readonly appsRoot: string,
    private readonly appUrl: (slug: string) => string,
  ) {}

  async deploy(input: { slug: string; files: readonly DeployFile[] }): Promise<{ url: string; deploymentId: string }> {
    if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(input.slug)) throw new DeployError(`Invalid app slug ${input.slug}`);
    if (!input.files.some((f) => f.path === 'index.html')) throw new DeployError('Built output has no index.html');
    const target = join(this.appsRoot, input.slug);
    const staging = `${target}.staging-${randomUUID()}`;
    for (const file of input.files) {
      assertSafeKey(file.path);
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.body);
    }
    const old = `${target}.old-${randomUUID()}`;
    await rename(target, old).catch(() => undefined);
    await rename(staging, target);
    await rm(old, { recursive: true, force: true });
    return { url: this.appUrl(input.slug), deploymentId: `local-${input.slug}` };
  }

  probe(url: string): Promise<{ status: number; body: string }> {
    return fetchLocalApp(url);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Name resolution that sends every `*.localhost` name to the loopback address, as browsers and
 * curl do (RFC 6761); Node's resolver asks the system, which usually knows only `localhost`.
 */
export function loopbackLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  if (/(^|\.)localhost\.?$/i.test(hostname)) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, options, callback as never);
}

/** GETs a URL of the local apps host (`http://<slug>.localhost:<port>/…`): status and body text. */
export function fetchLocalApp(url: string, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { lookup: loopbackLookup as never, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Reads a third-party token only when a deploy or publish needs it (never at cold start, never logged). */
export type TokenSource = () => Promise<string>;

/**
 * Vercel REST API: one deployment per mission with the files inline, then polled until READY.
 * The token comes from Secrets Manager and is used only in this step.
 */
export class VercelDeployer implements Deployer {
  readonly name = 'vercel';
  constructor(
    private readonly token: TokenSource,
    private readonly options: {
      apiUrl?: string;
      teamId?: string;
      timeoutMs: number;
      pollMs?: number;
      fetchImpl?: typeof fetch;
    } = {
      timeoutMs: 120_000,
    },
  ) {}

  async deploy(input: {
    slug: string;
    files: readonly DeployFile[];
    missionId: string;
  }): Promise<{ url: string; deploymentId: string }> {
    const api = this.options.apiUrl ?? 'https://api.vercel.com';
    const doFetch = this.options.fetchImpl ?? fetch;
    const team = this.options.teamId ? `?teamId=${encodeURIComponent(this.options.teamId)}` : '';
    const headers = { Authorization: `Bearer ${await this.token()}`, 'Content-Type': 'application/json' };
    const created = await doFetch(`${api}/v13/deployments${team}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: input.slug,
        target: 'production',
        files: input.files.map((f) => ({ file: f.path, data: f.body.toString('base64'), encoding: 'base64' })),
        projectSettings: { framework: null, buildCommand: null, installCommand: null, outputDirectory: null },
        meta: { gantryMission: input.missionId },
      }),
    });
    if (created.status === 429 || created.status >= 500) throw new TransientError(`Vercel answered ${created.status}`);
    if (!created.ok)
      throw new DeployError(`Vercel refused the deployment (${created.status}): ${(await created.text()).slice(0, 300)}`);
    const deployment = (await created.json()) as { id: string; url: string; readyState?: string };
    const deadline = Date.now() + this.options.timeoutMs;
    let state = deployment.readyState ?? 'QUEUED';
    while (state !== 'READY') {
      if (state === 'ERROR' || state === 'CANCELED') throw new DeployError(`Vercel deployment ${deployment.id} ended ${state}`);
      if (Date.now() > deadline)
        throw new DeployError(`Vercel deployment ${deployment.id} not ready after ${this.options.timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, this.options.pollMs ?? 2000));
      const res = await doFetch(`${api}/v13/deployments/${deployment.id}${team}`, { headers });
      if (!res.ok) throw new TransientError(`Vercel status check answered ${res.status}`);
      state = ((await res.json()) as { readyState: string }).readyState;
    }
    return { url: `https://${deployment.url}/`, deploymentId: deployment.id };
  }
}
