import { hash as nativeHash } from '@node-rs/argon2';
import { Argon2PasswordHasher, ARGON2_PARAMETERS } from '../../lambdas/adapters/password-hasher';

/**
 * Password hashing is WebAssembly (no native binding to install for Lambda's platform, so synth
 * is offline), in the same PHC format and parameters as the native binding used before: hashes
 * stored earlier verify unchanged.
 */
const hasher = new Argon2PasswordHasher();

test('hashes are Argon2id PHC strings with the OWASP parameters and a fresh salt', async () => {
  const a = await hasher.hash('correct horse battery staple');
  const b = await hasher.hash('correct horse battery staple');
  expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  expect(a).not.toBe(b);
  expect(ARGON2_PARAMETERS).toMatchObject({ memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 });
  expect(await hasher.verify(a, 'correct horse battery staple')).toBe(true);
  expect(await hasher.verify(a, 'correct horse battery stapler')).toBe(false);
});

test('a hash made by the native Argon2 binding verifies, and the other way round', async () => {
  const stored = await nativeHash('a password from before', {
    algorithm: 2, // Argon2id
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
    outputLen: 32,
  });
  expect(await hasher.verify(stored, 'a password from before')).toBe(true);
  expect(await hasher.verify(stored, 'another password')).toBe(false);
});

test('malformed or foreign hashes never verify and never throw', async () => {
  for (const bad of ['', 'plain', '$argon2i$v=19$m=19456,t=2,p=1$AAAA$BBBB', '$argon2id$v=19$m=19456,t=2,p=1$!!$??']) {
    expect(await hasher.verify(bad, 'x')).toBe(false);
  }
  await expect(hasher.verifyDummy('anything')).resolves.toBeUndefined();
});
