import { Argon2PasswordHasher } from '../../lambdas/adapters/password-hasher';
import { HashAheadPasswords, hashOnWorker } from '../../local/first-owner-hash';

const hasher = new Argon2PasswordHasher();

test('a hash made on a worker thread is an Argon2id hash the stack verifies, with the stack’s parameters', async () => {
  const hash = await hashOnWorker('first-owner-password-0123');
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  await expect(hasher.verify(hash, 'first-owner-password-0123')).resolves.toBe(true);
  await expect(hasher.verify(hash, 'another-password-0123')).resolves.toBe(false);
});

test('the hash begun ahead is taken once, by the same password only; others are hashed as usual', async () => {
  const made: string[] = [];
  const inner = {
    ...hasher,
    hash: async (p: string) => (made.push(p), hasher.hash(p)),
    verify: hasher.verify.bind(hasher),
    verifyDummy: hasher.verifyDummy.bind(hasher),
  };
  const ahead = Promise.resolve('$argon2id$made-ahead');
  const passwords = new HashAheadPasswords(inner, 'owner-password-0123', ahead);
  await expect(passwords.hash('someone-else-0123')).resolves.toMatch(/^\$argon2id\$v=19/);
  await expect(passwords.hash('owner-password-0123')).resolves.toBe('$argon2id$made-ahead');
  // A second user with the same password gets a hash (and salt) of their own.
  await expect(passwords.hash('owner-password-0123')).resolves.not.toBe('$argon2id$made-ahead');
  expect(made).toEqual(['someone-else-0123', 'owner-password-0123']);
});

test('a hash that failed ahead is made by the stack’s hasher instead', async () => {
  const passwords = new HashAheadPasswords(hasher, 'owner-password-0123', Promise.reject(new Error('worker gone')));
  const hash = await passwords.hash('owner-password-0123');
  await expect(hasher.verify(hash, 'owner-password-0123')).resolves.toBe(true);
});
