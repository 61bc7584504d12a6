import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilePolicySource } from '../../lambdas/adapters/policy-source';

/**
 * The local policy source is asked on every request and step. While the file is unchanged the
 * answer is the policy in force; an edit is adopted by the next refresh, however quickly it
 * follows, and a broken edit leaves the last good policy in force with the reason.
 */
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-policy-source-'));
  path = join(dir, 'policy.yaml');
  copyFileSync(join(__dirname, '..', '..', 'policy.yaml'), path);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const original = () => readFileSync(path, 'utf8');

test('an unchanged file keeps the policy; each edit is adopted by the next refresh', async () => {
  const source = new FilePolicySource(path);
  const first = source.current();
  expect(await source.refresh()).toBe(first);
  expect(await source.refresh()).toBe(first);
  const text = original();
  for (const capacity of [11, 12, 13]) {
    writeFileSync(path, text.replace(/default: \{ capacity: \d+,/, `default: { capacity: ${capacity},`));
    const next = await source.refresh();
    expect(next.policy.rate_limits.default.capacity).toBe(capacity);
    expect(await source.refresh()).toBe(next);
  }
  // The same size and times as before (an edit within one clock tick): a re-read still sees it.
  const before = source.current();
  const edited = original().replace('default: { capacity: 13,', 'default: { capacity: 14,');
  writeFileSync(path, edited);
  utimesSync(path, new Date(0), new Date(0));
  expect((await source.refresh()).policy.rate_limits.default.capacity).toBe(14);
  expect(before.hash).not.toBe(source.current().hash);
});

test('a broken edit keeps the last good policy and says why; fixing it is adopted', async () => {
  const source = new FilePolicySource(path);
  const good = source.current();
  const text = original();
  writeFileSync(path, `${text}\n  : [unbalanced`);
  expect(await source.refresh()).toBe(good);
  expect(source.lastError).toBeTruthy();
  expect(await source.refresh()).toBe(good);
  expect(source.lastError).toBeTruthy();
  writeFileSync(path, text.replace(/default: \{ capacity: \d+,/, 'default: { capacity: 9,'));
  expect((await source.refresh()).policy.rate_limits.default.capacity).toBe(9);
  expect(source.lastError).toBeNull();
});

test('a parsed document kept by its text digest is used (and checked) instead of parsing; only valid ones are kept', async () => {
  const kept = new Map<string, unknown>();
  const documents = { get: (d: string) => kept.get(d), set: (d: string, doc: unknown) => void kept.set(d, doc) };
  const first = new FilePolicySource(path, { documents });
  expect([...kept.keys()]).toEqual([first.current().hash]);
  // The next start takes the kept document: a document that differs from the text shows it was used.
  const doc = structuredClone(kept.get(first.current().hash)) as { rate_limits: { default: { capacity: number } } };
  doc.rate_limits.default.capacity = 77;
  kept.set(first.current().hash, doc);
  const second = new FilePolicySource(path, { documents });
  expect(second.current().policy.rate_limits.default.capacity).toBe(77);
  expect(second.current().hash).toBe(first.current().hash);
  // A kept document is checked like a parsed one.
  kept.set(first.current().hash, { not: 'a policy' });
  expect(() => new FilePolicySource(path, { documents })).toThrow(/policy\.yaml/);
  // An invalid edit is refused and not kept.
  writeFileSync(path, original().replace(/default: \{ capacity: \d+,/, 'default: { capacity: -1,'));
  const good = first.current().hash;
  await first.refresh();
  expect(first.current().hash).toBe(good);
  expect(kept.has(createHash('sha256').update(original()).digest('hex'))).toBe(false);
});
