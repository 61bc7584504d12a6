import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GantryError } from '../domain/errors';
import type { EvidenceSigner, EvidenceStore } from '../domain/ports';
import { assertSafeKey, unfinishedWritePath } from './artifact-store';
import type { AwsJsonClient } from './aws-json-client';
import type { SignedS3Client } from './s3-client';

export class WriteOnceError extends GantryError {
  constructor(key: string) {
    super('EVIDENCE_EXISTS', `Evidence ${key} is already sealed and cannot be overwritten`, 409);
    this.name = 'WriteOnceError';
  }
}

const retainUntil = (days: number, now = new Date()): string => new Date(now.getTime() + days * 86_400_000).toISOString();

/**
 * S3 with Object Lock in COMPLIANCE mode: nobody, root included, can delete or overwrite a
 * sealed version before its retention date. `If-None-Match: *` refuses a second write.
 */
export class S3EvidenceStore implements EvidenceStore {
  constructor(
    private readonly s3: SignedS3Client,
    private readonly bucket: string,
    private readonly retentionDays: number,
  ) {}

  async putOnce(key: string, body: string): Promise<{ location: string; retainUntil: string }> {
    assertSafeKey(key);
    try {
      await this.s3.headObject(this.bucket, key);
      throw new WriteOnceError(key);
    } catch (err) {
      if (err instanceof WriteOnceError) throw err;
      if ((err as { name?: string }).name !== 'NotFound') throw err;
    }
    const until = retainUntil(this.retentionDays);
    await this.s3.putObject({
      Bucket: this.bucket,
      Key: key,
      Body: body,
      ContentType: 'application/json',
      IfNoneMatch: '*',
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: new Date(until),
      ChecksumAlgorithm: 'SHA256',
    });
    return { location: `s3://${this.bucket}/${key}`, retainUntil: until };
  }

  async get(key: string): Promise<string | null> {
    try {
      return (await this.s3.getObject(this.bucket, key)).body.toString('utf8');
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchKey') return null;
      throw err;
    }
  }
}

/**
 * Local write-once store: the whole body is written and flushed to a file of its own, then
 * hard-linked to the key's name, which fails if the name exists; the file is read-only. A second
 * write of the same key fails, and a process killed mid-write leaves no key behind: only a whole
 * body ever has the key's name. (A root user on the machine can still delete it: that is the
 * limit of a laptop; the AWS adapter's Object Lock is the real guarantee.)
 */
export class FileEvidenceStore implements EvidenceStore {
  constructor(
    private readonly root: string,
    private readonly retentionDays: number,
  ) {}

  async putOnce(key: string, body: string): Promise<{ location: string; retainUntil: string }> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    const whole = unfinishedWritePath(path);
    const file = await open(whole, 'wx', 0o444);
    try {
      await file.writeFile(body);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(whole, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteOnceError(key);
      throw err;
    } finally {
      await rm(whole, { force: true });
    }
    return { location: `file://${path}`, retainUntil: retainUntil(this.retentionDays) };
  }

  async get(key: string): Promise<string | null> {
    assertSafeKey(key);
    try {
      return await readFile(join(this.root, key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}

/**
 * Evidence signatures are ECDSA P-256 with SHA-256 over the DSSE pre-authentication encoding of
 * the sealed statement, DER-encoded. KMS (`MessageType: DIGEST` of the SHA-256, since a RAW
 * message is limited to 4 KB) and the local key compute exactly the same signature scheme, so any
 * ECDSA verifier (node:crypto, openssl) checks both.
 */
export const EVIDENCE_SIGNING_ALGORITHM = 'ECDSA_SHA_256';

export class KmsEvidenceSigner implements EvidenceSigner {
  readonly algorithm = EVIDENCE_SIGNING_ALGORITHM;
  private publicPem: string | undefined;
  constructor(
    private readonly kms: AwsJsonClient,
    readonly keyId: string,
  ) {}

  async sign(message: Buffer): Promise<string> {
    // The digest, not the message: KMS takes a RAW message of at most 4 KB. Blobs travel
    // base64-encoded in the JSON protocol.
    const out = (await this.kms.send({
      operation: 'Sign',
      input: {
        KeyId: this.keyId,
        Message: createHash('sha256').update(message).digest().toString('base64'),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      },
    })) as { Signature?: string };
    if (!out.Signature) throw new Error('KMS Sign answered without a signature');
    return out.Signature;
  }

  async publicKeyPem(): Promise<string> {
    if (!this.publicPem) {
      const out = (await this.kms.send({ operation: 'GetPublicKey', input: { KeyId: this.keyId } })) as { PublicKey?: string };
      if (!out.PublicKey) throw new Error('KMS GetPublicKey answered without a key');
      this.publicPem = createPublicKey({ key: Buffer.from(out.PublicKey, 'base64'), format: 'der', type: 'spki' })
        .export({ format: 'pem', type: 'spki' })
        .toString();
    }
    return this.publicPem;
  }
}

/** A P-256 key kept in the data dir (created on first use, private part mode 0600). */
export class LocalEvidenceSigner implements EvidenceSigner {
  readonly algorithm = EVIDENCE_SIGNING_ALGORITHM;
  readonly keyId: string;
  private readonly privatePem: string;
  private readonly publicPem: string;

  constructor(keyDir: string) {
    const privPath = join(keyDir, 'evidence-signing-key.pem');
    if (!existsSync(privPath)) {
      mkdirSync(keyDir, { recursive: true });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      writeFileSync(privPath, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), { mode: 0o600 });
    }
    this.privatePem = readFileSync(privPath, 'utf8');
    this.publicPem = createPublicKey(createPrivateKey(this.privatePem)).export({ format: 'pem', type: 'spki' }).toString();
    writeFileSync(join(keyDir, 'evidence-public-key.pem'), this.publicPem);
    this.keyId = `local:${createPublicKey(this.publicPem).export({ format: 'der', type: 'spki' }).toString('base64').slice(-16)}`;
  }

  async sign(message: Buffer): Promise<string> {
    return cryptoSign('sha256', message, { key: this.privatePem, dsaEncoding: 'der' }).toString('base64');
  }

  async publicKeyPem(): Promise<string> {
    return this.publicPem;
  }
}
