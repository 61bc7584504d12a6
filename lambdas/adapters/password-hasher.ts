import type { Algorithm } from '@node-rs/argon2';
import type { PasswordHasher } from '../domain/ports';

/**
 * The native binding is loaded on first use, not at import: every function shares the
 * composition root, but only the functions that hash or verify passwords ship the binding.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const argon2 = (): typeof import('@node-rs/argon2') => require('@node-rs/argon2') as typeof import('@node-rs/argon2');

/**
 * Argon2id password hashing (RFC 9106) through @node-rs/argon2.
 *
 * Parameters: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte tag —
 * the OWASP Password Storage Cheat Sheet's first recommended Argon2id configuration, which
 * costs roughly 20–40 ms per hash on one Lambda/laptop core. They are stored in the PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>`), so raising them later still verifies old
 * hashes.
 */
export const ARGON2_PARAMETERS = {
  // Algorithm.Argon2id (a const enum, which isolated modules cannot read).
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export type { PasswordHasher };

export class Argon2PasswordHasher implements PasswordHasher {
  private dummy: Promise<string> | undefined;

  async hash(password: string): Promise<string> {
    return argon2().hash(password, ARGON2_PARAMETERS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await argon2().verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  async verifyDummy(password: string): Promise<void> {
    this.dummy ??= this.hash('gantry-dummy-password-for-timing');
    await this.verify(await this.dummy, password);
  }
}
