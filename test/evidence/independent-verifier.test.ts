/**
 * An evidence verifier written from the DSSE v1 and in-toto Statement v1 specifications alone:
 * the verifier below imports no project code (only node:crypto, and openssl through a child
 * process). The project is used only to produce the envelope under test, through the local
 * signing adapter the product uses.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEvidenceSigner } from '../../lambdas/adapters/evidence';
import { sealStatement } from '../../lambdas/domain/evidence-envelope';
import { publicKeyId } from '../../lambdas/domain/dsse';
import { BUILT, syntheticStatement } from './fixtures';

// ---- the independent verifier (spec-only) ---------------------------------------------------

/** DSSE v1: PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body; LEN in bytes, ASCII decimal. */
function pae(type: string, body: Buffer): Buffer {
  const t = Buffer.from(type, 'utf8');
  return Buffer.concat([
    Buffer.from('DSSEv1', 'ascii'),
    Buffer.from(' ', 'ascii'),
    Buffer.from(String(t.length), 'ascii'),
    Buffer.from(' ', 'ascii'),
    t,
    Buffer.from(' ', 'ascii'),
    Buffer.from(String(body.length), 'ascii'),
    Buffer.from(' ', 'ascii'),
    body,
  ]);
}

interface Verdict {
  signature: boolean;
  type: boolean;
  predicateType: boolean;
  subjectsMatch: string[];
  subjectsDiffer: string[];
}

/** Verifies an envelope against a trusted PEM key and the files an auditor holds (name -> bytes). */
function independentVerify(envelopeText: string, trustedPem: string, files: Record<string, Buffer>): Verdict {
  const envelope = JSON.parse(envelopeText) as { payloadType: string; payload: string; signatures: Array<{ sig: string }> };
  const body = Buffer.from(envelope.payload, 'base64');
  const message = pae(envelope.payloadType, body);
  const signature = envelope.signatures.some((s) =>
    verify('sha256', message, { key: createPublicKey(trustedPem), dsaEncoding: 'der' }, Buffer.from(s.sig, 'base64')),
  );
  const statement = JSON.parse(body.toString('utf8')) as {
    _type: string;
    predicateType: string;
    subject: Array<{ name: string; digest: Record<string, string> }>;
  };
  const subjectsMatch: string[] = [];
  const subjectsDiffer: string[] = [];
  for (const s of statement.subject) {
    const file = files[s.name];
    if (!file || !s.digest.sha256) continue;
    (createHash('sha256').update(file).digest('hex') === s.digest.sha256 ? subjectsMatch : subjectsDiffer).push(s.name);
  }
  return {
    signature: envelope.payloadType === 'application/vnd.in-toto+json' && signature,
    type: statement._type === 'https://in-toto.io/Statement/v1',
    predicateType: statement.predicateType === 'https://slsa.dev/provenance/v1',
    subjectsMatch,
    subjectsDiffer,
  };
}

/** The same check with openssl, as the README shows it: the PAE bytes, the DER signature, the PEM key. */
function opensslVerify(dir: string, envelopeText: string, trustedPem: string): { ok: boolean; output: string } {
  const envelope = JSON.parse(envelopeText) as { payloadType: string; payload: string; signatures: Array<{ sig: string }> };
  const payload = Buffer.from(envelope.payload, 'base64');
  writeFileSync(join(dir, 'pae.bin'), pae(envelope.payloadType, payload));
  writeFileSync(join(dir, 'sig.der'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
  writeFileSync(join(dir, 'key.pem'), trustedPem);
  try {
    const output = execFileSync('openssl', ['dgst', '-sha256', '-verify', 'key.pem', '-signature', 'sig.der', 'pae.bin'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, output: output.trim() };
  } catch (err) {
    return { ok: false, output: String((err as { stdout?: string }).stdout ?? '').trim() };
  }
}

// ---- the envelope under test, sealed by the product's local signer --------------------------

let dir: string;
let envelopeText: string;
let trustedPem: string;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-independent-'));
  const signer = new LocalEvidenceSigner(join(dir, 'keys'));
  trustedPem = await signer.publicKeyPem();
  const keyid = publicKeyId(trustedPem);
  const statement = syntheticStatement({ keyid } as never, 'http://127.0.0.1:9/apps/calc/');
  const envelope = await sealStatement(statement, { keyid, sign: (m) => signer.sign(m) });
  envelopeText = JSON.stringify(envelope, null, 2);
  writeFileSync(join(dir, 'evidence.json'), envelopeText);
});

const builtFiles = (): Record<string, Buffer> =>
  Object.fromEntries(Object.entries(BUILT).map(([path, body]) => [`dist/${path}`, Buffer.from(body)]));

test('node:crypto over hand-built PAE bytes verifies the envelope; _type, predicateType and subjects check out', () => {
  const v = independentVerify(envelopeText, trustedPem, builtFiles());
  expect(v).toMatchObject({ signature: true, type: true, predicateType: true, subjectsDiffer: [] });
  expect(v.subjectsMatch.sort()).toEqual(['dist/app.js', 'dist/index.html']);
});

test('openssl dgst -sha256 -verify over the same PAE bytes says Verified OK', () => {
  expect(opensslVerify(mkdtempSync(join(dir, 'ossl-')), envelopeText, trustedPem)).toEqual({ ok: true, output: 'Verified OK' });
});

test('the independent verifier rejects a changed payload, another key and a changed file', () => {
  const env = JSON.parse(envelopeText) as { payload: string };
  const payload = Buffer.from(env.payload, 'base64');
  payload[payload.length - 5] = payload[payload.length - 5]! ^ 0x01;
  const edited = JSON.stringify({ ...env, payload: payload.toString('base64') });
  expect(independentVerify(edited, trustedPem, {}).signature).toBe(false);
  expect(opensslVerify(mkdtempSync(join(dir, 'ossl-')), edited, trustedPem).ok).toBe(false);
  const other = new LocalEvidenceSigner(join(dir, 'other-keys'));
  return other.publicKeyPem().then((otherPem) => {
    expect(independentVerify(envelopeText, otherPem, {}).signature).toBe(false);
    expect(opensslVerify(mkdtempSync(join(dir, 'ossl-')), envelopeText, otherPem).ok).toBe(false);
    const files = { ...builtFiles(), 'dist/app.js': Buffer.from('tampered') };
    expect(independentVerify(envelopeText, trustedPem, files).subjectsDiffer).toEqual(['dist/app.js']);
  });
});

test('the README recipe (jq, base64, printf, openssl) verifies the same file from a shell', () => {
  const work = mkdtempSync(join(dir, 'shell-'));
  writeFileSync(join(work, 'key.pem'), trustedPem);
  writeFileSync(join(work, 'evidence.json'), readFileSync(join(dir, 'evidence.json')));
  const script = readFileSync(join(__dirname, '..', '..', 'docs', 'verify-evidence.sh'), 'utf8');
  const out = execFileSync('bash', ['-c', script, 'verify-evidence', 'evidence.json', 'key.pem'], {
    cwd: work,
    encoding: 'utf8',
  });
  expect(out).toMatch(/Verified OK/);
});
