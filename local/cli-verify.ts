import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loopbackLookup } from '../lambdas/adapters/deployers';
import { publicKeyId } from '../lambdas/domain/dsse';
import { BUILT_PREFIX, SOURCE_PREFIX, type MissionStatement } from '../lambdas/domain/evidence-statement';
import { verifyEvidenceText, type EvidenceCheck } from '../lambdas/domain/evidence-verify';

const run = promisify(execFile);

export const VERIFY_USAGE =
  'Usage: gantry verify <evidence.json> [--key <public-key.pem>] [--stack <url>] [--data-dir <dir>]\n' +
  '  The trusted key comes from --key, else the stack (GET /gantry/evidence/public-key), else the data\n' +
  "  directory's evidence key; never from the evidence file.";

export interface VerifyIo {
  out(text: string): void;
  err(text: string): void;
}

interface VerifyArgs {
  file: string;
  key?: string;
  stack?: string;
  dataDir?: string;
}

function parseArgs(args: string[]): VerifyArgs | null {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--key' || a === '--stack' || a === '--data-dir') {
      const v = args[++i];
      if (!v) return null;
      flags[a.slice(2)] = v;
    } else if (a.startsWith('--')) {
      return null;
    } else {
      positional.push(a);
    }
  }
  if (positional.length !== 1) return null;
  return { file: positional[0]!, key: flags.key, stack: flags.stack?.replace(/\/$/, ''), dataDir: flags['data-dir'] };
}

/** The public key of a data directory's local evidence key (derived from the private key file, never created here). */
export function dataDirPublicKey(dataDir: string): string {
  const privatePath = join(resolve(dataDir), 'keys', 'evidence-signing-key.pem');
  if (!existsSync(privatePath)) throw new Error(`No evidence key in ${dataDir} (expected ${privatePath})`);
  return createPublicKey(createPrivateKey(readFileSync(privatePath, 'utf8')))
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/** The stack's trusted key, from its public endpoint; the keyid it states must be the key's own. */
export async function stackPublicKey(stack: string): Promise<string> {
  const res = await fetch(`${stack}/gantry/evidence/public-key`);
  if (!res.ok) throw new Error(`${stack}/gantry/evidence/public-key answered HTTP ${res.status}`);
  const body = (await res.json()) as { public_key_pem?: unknown; keyid?: unknown };
  if (typeof body.public_key_pem !== 'string') throw new Error('The stack did not return a public_key_pem');
  if (body.keyid !== publicKeyId(body.public_key_pem)) throw new Error("The stack's keyid is not its key's fingerprint");
  return body.public_key_pem;
}

async function trustedKey(a: VerifyArgs): Promise<{ pem: string; from: string }> {
  if (a.key) return { pem: readFileSync(a.key, 'utf8'), from: a.key };
  if (a.stack) return { pem: await stackPublicKey(a.stack), from: `${a.stack}/gantry/evidence/public-key` };
  if (a.dataDir) return { pem: dataDirPublicKey(a.dataDir), from: `the evidence key of ${a.dataDir}` };
  throw new Error('No trusted key: pass --key <pem>, --stack <url> or --data-dir <dir> (the file is never trusted for its key)');
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** GET as bytes; `null` when nothing answers (unreachable), else status and body. */
export function fetchBytes(url: string, timeoutMs = 10_000): Promise<{ status: number; body: Buffer } | null> {
  return new Promise((done) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { lookup: loopbackLookup as never, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', () => done(null));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(null));
  });
}

const subjectsWith = (st: MissionStatement, prefix: string) =>
  st.subject
    .filter((s) => typeof s.name === 'string' && s.name.startsWith(prefix) && typeof s.digest?.sha256 === 'string')
    .map((s) => ({ path: s.name!.slice(prefix.length), sha256: s.digest!.sha256! }));

/** Each `dist/` subject against the file the deployment serves now. */
export async function checkDeployment(st: MissionStatement): Promise<EvidenceCheck> {
  const name = 'live-deployment';
  const dep = st.predicate.gantry.deployment;
  const files = subjectsWith(st, BUILT_PREFIX);
  if (!dep) return { name, ok: true, skipped: true, detail: 'the mission was not deployed' };
  const base = dep.url.endsWith('/') ? dep.url : `${dep.url}/`;
  const wrong: string[] = [];
  for (const f of files) {
    const res = await fetchBytes(new URL(f.path, base).toString());
    if (!res) return { name, ok: true, skipped: true, detail: `${base} is not reachable from here` };
    if (res.status !== 200) wrong.push(`${f.path} (HTTP ${res.status})`);
    else if (sha256(res.body) !== f.sha256)
      wrong.push(`${f.path} (sha256 ${sha256(res.body).slice(0, 12)}…, sealed ${f.sha256.slice(0, 12)}…)`);
  }
  return wrong.length === 0
    ? { name, ok: true, detail: `${files.length} deployed file(s) at ${base} match their sealed SHA-256` }
    : { name, ok: false, detail: `deployed files differ from the sealed digests: ${wrong.join(', ')}` };
}

async function gitBlob(repo: string, commit: string, path: string): Promise<Buffer | null> {
  try {
    const { stdout } = await run('git', ['--git-dir', repo, 'cat-file', 'blob', `${commit}:${path}`], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout as unknown as Buffer;
  } catch {
    return null;
  }
}

/** Each `src/` subject against the published commit: the data dir's git repository, or GitHub. */
export async function checkPublication(st: MissionStatement, dataDir?: string): Promise<EvidenceCheck> {
  const name = 'published-branch';
  const pub = st.predicate.gantry.publication;
  const files = subjectsWith(st, SOURCE_PREFIX);
  if (!pub) return { name, ok: true, skipped: true, detail: 'the mission opened no pull request' };
  const commitSubject = st.subject.find((s) => s.digest?.gitCommit !== undefined);
  if (commitSubject?.digest?.gitCommit !== pub.commit) {
    return { name, ok: false, detail: 'the commit subject does not name the published commit' };
  }
  const wrong: string[] = [];
  const repo = dataDir ? join(resolve(dataDir), 'git', 'tenants', st.predicate.gantry.tenant_id, 'apps.git') : null;
  if (repo && existsSync(repo)) {
    try {
      await run('git', ['--git-dir', repo, 'merge-base', '--is-ancestor', pub.commit, `refs/heads/${pub.branch}`]);
    } catch {
      return { name, ok: false, detail: `commit ${pub.commit.slice(0, 12)} is not on branch ${pub.branch} of ${repo}` };
    }
    for (const f of files) {
      const blob = await gitBlob(repo, pub.commit, f.path);
      if (!blob) wrong.push(`${f.path} (missing)`);
      else if (sha256(blob) !== f.sha256) wrong.push(`${f.path} (differs)`);
    }
    return wrong.length === 0
      ? { name, ok: true, detail: `${files.length} source file(s) match commit ${pub.commit.slice(0, 12)} on ${pub.branch}` }
      : { name, ok: false, detail: `published files differ from the sealed digests: ${wrong.join(', ')}` };
  }
  const gh = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/pull\/\d+$/.exec(pub.pr_url ?? '');
  if (!gh) return { name, ok: true, skipped: true, detail: 'no repository to compare with (pass --data-dir for a local stack)' };
  for (const f of files) {
    const res = await fetchBytes(`https://raw.githubusercontent.com/${gh[1]}/${gh[2]}/${pub.commit}/${f.path}`);
    if (!res) return { name, ok: true, skipped: true, detail: 'GitHub is not reachable from here' };
    if (res.status !== 200) wrong.push(`${f.path} (HTTP ${res.status})`);
    else if (sha256(res.body) !== f.sha256) wrong.push(`${f.path} (differs)`);
  }
  return wrong.length === 0
    ? { name, ok: true, detail: `${files.length} source file(s) match GitHub commit ${pub.commit.slice(0, 12)}` }
    : { name, ok: false, detail: `published files differ from the sealed digests: ${wrong.join(', ')}` };
}

/** `gantry verify`: one verdict line per check; exit 0 only when every check passes. */
export async function verifyCommand(args: string[], io: VerifyIo): Promise<number> {
  const a = parseArgs(args);
  if (!a) {
    io.err(VERIFY_USAGE);
    return 2;
  }
  let key: { pem: string; from: string };
  let text: string;
  try {
    key = await trustedKey(a);
    text = readFileSync(a.file, 'utf8');
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  io.out(`Trusted key ${publicKeyId(key.pem).slice(0, 16)}… from ${key.from}`);
  const verdict = verifyEvidenceText(text, key.pem);
  const checks = [...verdict.checks];
  if (verdict.statement) {
    checks.push(await checkPublication(verdict.statement, a.dataDir));
    checks.push(await checkDeployment(verdict.statement));
  }
  for (const c of checks) io.out(`${c.skipped ? 'skip' : c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(17)} ${c.detail}`);
  const failed = checks.filter((c) => !c.ok && !c.skipped);
  if (verdict.ok && failed.length === 0 && verdict.statement) {
    const g = verdict.statement.predicate.gantry;
    io.out(`VERIFIED: evidence of mission ${g.mission_id} (${g.outcome}), ${g.chain.count} events.`);
    return 0;
  }
  io.out(`NOT VERIFIED: failed ${failed.map((c) => c.name).join(', ') || 'signature'}.`);
  return 1;
}
