import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import type { PasswordHasher } from '../domain/ports';

/**
 * Argon2id password hashing (RFC 9106) in WebAssembly (hash-wasm): the same code on a laptop and
 * in Lambda, bundled into the function with nothing to install for the target platform, so
 * `cdk synth` needs no network.
 *
 * Parameters: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte tag —
 * the OWASP Password Storage Cheat Sheet's first recommended Argon2id configuration. They are
 * stored in the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>`), the format every
 * Argon2 implementation reads (hashes made earlier with the native binding verify unchanged), so
 * raising them later still verifies old hashes.
 */
export const ARGON2_PARAMETERS = {
  memorySize: 19_456,
  iterations: 2,
  parallelism: 1,
  hashLength: 32,
  saltLength: 16,
} as const;

export type { PasswordHasher };

export class Argon2PasswordHasher implements PasswordHasher {
  private dummy: Promise<string> | undefined;

  async hash(password: string): Promise<string> {
    const { saltLength, ...parameters } = ARGON2_PARAMETERS;
    return argon2id({ password, salt: randomBytes(saltLength), ...parameters, outputType: 'encoded' });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    if (!passwordHash.startsWith('$argon2id$')) return false;
    try {
      return await argon2Verify({ password, hash: passwordHash });
    } catch {
      return false;
    }
  }

  async verifyDummy(password: string): Promise<void> {
    this.dummy ??= this.hash('gantry-dummy-password-for-timing');
    await this.verify(await this.dummy, password);
  }
}
