import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding, type DsseEnvelope } from '../../lambdas/domain/dsse';
import type { MissionStatement } from '../../lambdas/domain/evidence-statement';
import type { MissionEvent } from '../../lambdas/domain/mission';
import { verifyCommand } from '../../local/cli-verify';
import { BUILT, rechain, seal, sha256, syntheticStatement, testKey, type TestKey } from './fixtures';

const trusted = testKey();
let dir: string;
let server: Server;
let served: Record<string, string>;
let deployUrl: string;
let trustedKeyFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-verify-test-'));
  trustedKeyFile = join(dir, 'trusted.pem');
  writeFileSync(trustedKeyFile, trusted.pem);
  served = { ...BUILT };
  // The "live deployment": serves the built files under /apps/calc/.
  server = createServer((req, res) => {
    const path = (req.url ?? '').replace(/^\/apps\/calc\//, '');
    const body = served[path];
    res.writeHead(body === undefined ? 404 : 200).end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  deployUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apps/calc/`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  served = { ...BUILT };
});

const statementOf = (): MissionStatement => syntheticStatement(trusted, deployUrl);
const decode = (env: DsseEnvelope): MissionStatement => JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));

/** Runs `gantry verify` on the file text; returns the exit code and the printed lines. */
async function verify(text: string, keyArgs: string[] = ['--key', trustedKeyFile]): Promise<{ code: number; out: string }> {
  const file = join(mkdtempSync(join(dir, 'case-')), 'evidence.json');
  writeFileSync(file, text);
  const lines: string[] = [];
  const code = await verifyCommand([file, ...keyArgs], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

const failed = (out: string): string[] => [...out.matchAll(/^FAIL (\S+)/gm)].map((m) => m[1]!);

/** Edits the statement's events and re-seals with the TRUSTED key: only internal checks can catch it. */
async function resealedWith(edit: (st: MissionStatement) => void, key: TestKey = trusted): Promise<string> {
  // A JSON copy, as a forger holds it (the decisions are their own objects, not the events).
  const st = JSON.parse(JSON.stringify(statementOf())) as MissionStatement;
  edit(st);
  return JSON.stringify(await seal(st, key));
}

test('an untouched envelope verifies: every check ok, the live files match, exit 0', async () => {
  const { code, out } = await verify(JSON.stringify(await seal(statementOf(), trusted)));
  expect(failed(out)).toEqual([]);
  expect(out).toMatch(/^ok {3}live-deployment +2 deployed file\(s\) at .* match their sealed SHA-256/m);
  expect(out).toMatch(/^ok {3}decisions +1 decision\(s\) match/m);
  expect(out).toMatch(/^VERIFIED: evidence of mission m-1 \(DEPLOYED\), 6 events\./m);
  expect(code).toBe(0);
});

test('a changed byte anywhere in the payload fails the signature', async () => {
  const env = await seal(statementOf(), trusted);
  const payload = Buffer.from(env.payload, 'base64');
  const positions = [0, 1, 37, Math.floor(payload.length / 2), payload.length - 2, payload.length - 1];
  for (let p = 0; p < payload.length; p += Math.ceil(payload.length / 25)) positions.push(p);
  for (const at of positions) {
    const edited = Buffer.from(payload);
    edited[at] = edited[at]! ^ 0x01;
    const { code, out } = await verify(JSON.stringify({ ...env, payload: edited.toString('base64') }));
    expect(code).toBe(1);
    expect(failed(out)).toContain('signature');
  }
});

test('a changed payloadType or signature byte fails', async () => {
  const env = await seal(statementOf(), trusted);
  const type = await verify(JSON.stringify({ ...env, payloadType: 'application/json' }));
  expect(type.code).toBe(1);
  expect(failed(type.out)).toContain('envelope');
  const sig = Buffer.from(env.signatures[0]!.sig, 'base64');
  sig[sig.length - 1] = sig[sig.length - 1]! ^ 0x01;
  const badSig = await verify(JSON.stringify({ ...env, signatures: [{ ...env.signatures[0]!, sig: sig.toString('base64') }] }));
  expect(badSig.code).toBe(1);
  expect(failed(badSig.out)).toContain('signature');
});

test('a removed event fails the signature, and the chain even when re-signed', async () => {
  const drop = (st: MissionStatement): void => {
    st.predicate.gantry.events.splice(1, 1);
  };
  const env = await seal(statementOf(), trusted);
  const st = decode(env);
  drop(st);
  const unsigned = await verify(JSON.stringify({ ...env, payload: Buffer.from(JSON.stringify(st)).toString('base64') }));
  expect(unsigned.code).toBe(1);
  expect(failed(unsigned.out)).toContain('signature');
  const resigned = await verify(await resealedWith(drop));
  expect(resigned.code).toBe(1);
  expect(failed(resigned.out)).toEqual(expect.arrayContaining(['event-chain', 'chain-head']));
  expect(resigned.out).toMatch(/chain breaks at event seq 3/);
});

test('a removed event, re-chained by a forger, still fails: the sealed head and count no longer match', async () => {
  const { code, out } = await verify(
    await resealedWith((st) => {
      const g = st.predicate.gantry;
      (g as { events: MissionEvent[] }).events = rechain(g.events.filter((e) => e.seq !== 2));
    }),
  );
  expect(code).toBe(1);
  expect(failed(out)).toContain('chain-head');
});

test('reordered events fail the chain', async () => {
  const { code, out } = await verify(
    await resealedWith((st) => {
      const ev = st.predicate.gantry.events;
      [ev[1], ev[2]] = [ev[2]!, ev[1]!];
    }),
  );
  expect(code).toBe(1);
  expect(failed(out)).toContain('event-chain');
});

test('a changed decision fails: in the decisions list, or in the decision event itself', async () => {
  const env = await seal(statementOf(), trusted);
  const st = decode(env);
  st.predicate.gantry.decisions[0]!.data.decision = 'REJECT';
  const unsigned = await verify(JSON.stringify({ ...env, payload: Buffer.from(JSON.stringify(st)).toString('base64') }));
  expect(unsigned.code).toBe(1);
  expect(failed(unsigned.out)).toEqual(expect.arrayContaining(['signature', 'decisions']));

  const inList = await verify(
    await resealedWith((s) => {
      s.predicate.gantry.decisions[0]!.data.justification = 'never looked';
    }),
  );
  expect(inList.code).toBe(1);
  expect(failed(inList.out)).toEqual(['decisions']);

  const inEvent = await verify(
    await resealedWith((s) => {
      const decision = s.predicate.gantry.events.find((e) => e.type === 'decision.recorded')!;
      decision.data.decision = 'OVERRIDE';
      s.predicate.gantry.decisions[0]!.data.decision = 'OVERRIDE';
    }),
  );
  expect(inEvent.code).toBe(1);
  expect(failed(inEvent.out)).toContain('event-chain');
  expect(inEvent.out).toMatch(/chain breaks at event seq 4/);
});

test('a bundle re-signed with another key fails, even with that key embedded in the file', async () => {
  const forger = testKey();
  const st = statementOf();
  const forged = {
    ...(await seal(
      {
        ...st,
        predicate: {
          ...st.predicate,
          gantry: { ...st.predicate.gantry, signer: { keyid: forger.keyid, algorithm: 'ECDSA_P256_SHA256' } },
        },
      },
      forger,
    )),
    public_key_pem: forger.pem,
  };
  const { code, out } = await verify(JSON.stringify(forged));
  expect(code).toBe(1);
  expect(failed(out)).toEqual(expect.arrayContaining(['keyid', 'signature', 'signed-keyid']));
  // Forged keyid set to the trusted key's: the signature still does not verify.
  const relabelled = { ...forged, signatures: [{ ...forged.signatures[0]!, keyid: trusted.keyid }] };
  const r = await verify(JSON.stringify(relabelled));
  expect(r.code).toBe(1);
  expect(failed(r.out)).toContain('signature');
  // The forger's key is accepted only when the auditor passes it as trusted: the file never chooses.
  const forgerKey = join(dir, 'forger.pem');
  writeFileSync(forgerKey, forger.pem);
  expect((await verify(JSON.stringify(forged), ['--key', forgerKey])).code).toBe(0);
});

test('an edited keyid fails, though the signature itself still verifies', async () => {
  const env = await seal(statementOf(), trusted);
  const edited = { ...env, signatures: [{ ...env.signatures[0]!, keyid: 'f'.repeat(64) }] };
  const { code, out } = await verify(JSON.stringify(edited));
  expect(code).toBe(1);
  expect(failed(out)).toEqual(['keyid']);
  expect(out).toMatch(/^ok {3}signature/m);
});

test('a duplicated JSON key fails, in the envelope or in the signed payload', async () => {
  const env = await seal(statementOf(), trusted);
  const text = JSON.stringify(env).replace('{"payloadType":', `{"payloadType":"${IN_TOTO_PAYLOAD_TYPE}","payloadType":`);
  const dupEnvelope = await verify(text);
  expect(dupEnvelope.code).toBe(1);
  expect(failed(dupEnvelope.out)).toEqual(['envelope-json']);
  expect(dupEnvelope.out).toMatch(/Duplicate JSON key "payloadType"/);

  // "outcome" twice inside the payload, validly signed with the trusted key: refused all the same.
  const payload = Buffer.from(env.payload, 'base64')
    .toString('utf8')
    .replace('"outcome":"DEPLOYED"', '"outcome":"FAILED","outcome":"DEPLOYED"');
  const bytes = Buffer.from(payload, 'utf8');
  const sig = sign('sha256', preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, bytes), { key: trusted.privateKey, dsaEncoding: 'der' });
  const dupPayload = await verify(
    JSON.stringify({
      ...env,
      payload: bytes.toString('base64'),
      signatures: [{ keyid: trusted.keyid, sig: sig.toString('base64') }],
    }),
  );
  expect(dupPayload.code).toBe(1);
  expect(failed(dupPayload.out)).toEqual(['payload-json']);
  expect(dupPayload.out).toMatch(/Duplicate JSON key "outcome" in the object at \$\.predicate\.gantry/);
});

test('a payload that is not RFC 8785 canonical fails, even validly signed', async () => {
  const st = statementOf();
  const bytes = Buffer.from(JSON.stringify(st, null, 2), 'utf8');
  const sig = sign('sha256', preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, bytes), { key: trusted.privateKey, dsaEncoding: 'der' });
  const { code, out } = await verify(
    JSON.stringify({
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      payload: bytes.toString('base64'),
      signatures: [{ keyid: trusted.keyid, sig: sig.toString('base64') }],
    }),
  );
  expect(code).toBe(1);
  expect(failed(out)).toEqual(['canonical-form']);
});

test('a deployed file that does not match its sealed digest fails the live-deployment check', async () => {
  const env = JSON.stringify(await seal(statementOf(), trusted));
  served = { ...BUILT, 'app.js': 'console.log("changed after sealing");\n' };
  const changed = await verify(env);
  expect(changed.code).toBe(1);
  expect(failed(changed.out)).toEqual(['live-deployment']);
  expect(changed.out).toMatch(/app\.js \(sha256 [0-9a-f]{12}…, sealed [0-9a-f]{12}…\)/);
  served = { 'index.html': BUILT['index.html'] };
  const gone = await verify(env);
  expect(failed(gone.out)).toEqual(['live-deployment']);
  expect(gone.out).toMatch(/app\.js \(HTTP 404\)/);
});

test('the published commit is checked against the data directory git repository', async () => {
  const dataDir = mkdtempSync(join(dir, 'data-'));
  const repo = join(dataDir, 'git', 'tenants', 't-1', 'apps.git');
  mkdirSync(repo, { recursive: true });
  const work = mkdtempSync(join(dir, 'work-'));
  const git = (args: string[], cwd: string): string =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@t' },
    }).trim();
  git(['init', '--bare', '-q', repo], dataDir);
  git(['init', '-q', '-b', 'gantry/calc'], work);
  mkdirSync(join(work, 'src'));
  writeFileSync(join(work, 'src', 'app.js'), BUILT['app.js']);
  git(['add', '-A'], work);
  git(['commit', '-q', '-m', 'calc'], work);
  const commit = git(['rev-parse', 'HEAD'], work);
  git(['push', '-q', repo, 'gantry/calc'], work);
  const withPublication =
    (c: string) =>
    (st: MissionStatement): void => {
      (st.predicate.gantry as { publication: unknown }).publication = { branch: 'gantry/calc', commit: c, pr_url: null };
      st.subject.push({ name: 'git:gantry/calc', digest: { gitCommit: c } });
    };
  // The data dir holds no evidence key: the trusted key comes from --key, the repository from --data-dir.
  const good = await verify(await resealedWith(withPublication(commit)), ['--key', trustedKeyFile, '--data-dir', dataDir]);
  expect(good.out).toMatch(/^ok {3}published-branch +1 source file\(s\) match commit/m);
  expect(good.code).toBe(0);
  const other = await verify(await resealedWith(withPublication('1'.repeat(40))), [
    '--key',
    trustedKeyFile,
    '--data-dir',
    dataDir,
  ]);
  expect(other.code).toBe(1);
  expect(failed(other.out)).toEqual(['published-branch']);
  // The file at the commit changed from what was sealed.
  const st = (s: MissionStatement): void => {
    withPublication(commit)(s);
    s.subject[0] = { name: 'src/src/app.js', digest: { sha256: sha256('something else') } };
  };
  const differs = await verify(await resealedWith(st), ['--key', trustedKeyFile, '--data-dir', dataDir]);
  expect(failed(differs.out)).toEqual(['published-branch']);
});

test('without a trusted key source, verify refuses to run (it never takes the key from the file)', async () => {
  const { code, out } = await verify(JSON.stringify(await seal(statementOf(), trusted)), []);
  expect(code).toBe(2);
  expect(out).toMatch(/No trusted key: pass --key <pem>, --stack <url> or --data-dir <dir>/);
});
