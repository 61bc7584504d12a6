import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from '../domain/ports';

/** Where the AES key comes from: the local key file or a Secrets Manager secret. */
export type KeySource = () => Promise<string>;

/**
 * AES-256-GCM sealing of small secrets (device keys). The key is SHA-256 of the configured
 * secret string; the context (e.g. the key id) is bound as additional authenticated data, so a
 * sealed value moved to another item does not open.
 * Format: `v1.<iv>.<ciphertext>.<tag>` (base64url).
 */
export class AesGcmSecretBox implements SecretBox {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly source: KeySource) {}

  private async aesKey(): Promise<Buffer> {
    this.key ??= this.source().then((secret) => {
      if (!secret) throw new Error('The device-key secret is empty');
      return createHash('sha256').update(secret, 'utf8').digest();
    });
    return this.key;
  }

  async seal(plaintext: string, context: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.aesKey(), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  async open(sealed: string, context: string): Promise<string> {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('Unknown sealed format');
    const decipher = createDecipheriv('aes-256-gcm', await this.aesKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** A random secret kept in `<dir>/device-keys.secret` (0600), created on first use. */
export function localKeyFile(dir: string): KeySource {
  return async () => {
    const path = join(dir, 'device-keys.secret');
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return readFileSync(path, 'utf8').trim();
  };
}
