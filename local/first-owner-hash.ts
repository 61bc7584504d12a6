import { Worker } from 'node:worker_threads';
import { ARGON2_PARAMETERS } from '../lambdas/adapters/password-hasher';
import type { PasswordHasher } from '../lambdas/domain/ports';

/**
 * On a worker thread: the Argon2id hash of one password (hash-wasm, as the stack's hasher makes
 * it, with a fresh random salt), posted back as its PHC string.
 */
const HASH_ON_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomBytes } = require('node:crypto');
const { argon2id } = require(workerData.hashWasm);
const { saltLength, ...parameters } = workerData.parameters;
argon2id({ password: workerData.password, salt: randomBytes(saltLength), ...parameters, outputType: 'encoded' }).then(
  (hash) => parentPort.postMessage({ hash }),
  (err) => parentPort.postMessage({ error: String((err && err.message) || err) }),
);
`;

/** The Argon2id hash of `password` made on a worker thread of its own, so this thread goes on meanwhile. */
export function hashOnWorker(password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_ON_WORKER, {
      eval: true,
      workerData: { password, parameters: ARGON2_PARAMETERS, hashWasm: require.resolve('hash-wasm') },
    });
    worker.once('message', (message: { hash?: string; error?: string }) => {
      if (message.hash) resolve(message.hash);
      else reject(new Error(message.error ?? 'the worker made no hash'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing worker exited (${code}) without a hash`)));
  });
}

/**
 * The stack's password hasher, with the first owner's hash begun ahead of need: a fresh data
 * directory's start creates that owner, and the hash (about 130 ms of Argon2id) is made on another
 * thread while the stack loads, instead of on this one just before it can answer `/ready`. Only
 * the first hash of exactly that password takes it; should the worker fail, the hasher makes one.
 */
export class HashAheadPasswords implements PasswordHasher {
  private ahead: { readonly password: string; readonly hash: Promise<string> } | null;

  /** `hash`: the hash of `password` begun earlier (see {@link hashOnWorker}). */
  constructor(
    private readonly inner: PasswordHasher,
    password: string,
    hash: Promise<string>,
  ) {
    // Awaited only if the owner is created; a failure then falls back to the hasher.
    hash.catch(() => undefined);
    this.ahead = { password, hash };
  }

  async hash(password: string): Promise<string> {
    const ahead = this.ahead;
    if (ahead && ahead.password === password) {
      this.ahead = null;
      try {
        return await ahead.hash;
      } catch {
        // Made here instead.
      }
    }
    return this.inner.hash(password);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.inner.verify(passwordHash, password);
  }

  verifyDummy(password: string): Promise<void> {
    return this.inner.verifyDummy(password);
  }
}
