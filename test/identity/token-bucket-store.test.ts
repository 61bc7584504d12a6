import { GetCommand, type DynamoDocumentClient } from '../../lambdas/adapters/dynamo-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityStore } from '../../lambdas/adapters/identity-store';
import { take, type BucketRate, type TakeResult } from '../../lambdas/domain/token-bucket';
import { ensureTable } from '../../local/dynamo-table';
import { startEmbeddedStore, type EmbeddedStore } from '../../local/embedded-store';

/**
 * The rate bucket in the store: each take is one conditional update with arithmetic (no read,
 * compute and put back), so many concurrent callers spend exactly the bucket's tokens, and the
 * store agrees with the in-memory rule at every step.
 */
const TABLE = 'gantry-bucket-test';
let dir: string;
let store: EmbeddedStore;
let doc: DynamoDocumentClient;
let nowMs = Date.UTC(2031, 4, 6, 10, 15, 0);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-bucket-'));
  store = await startEmbeddedStore(dir, 'us-east-1');
  await ensureTable(store.client, TABLE);
  doc = store.client;
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('60 concurrent takes from a bucket of 20 admit exactly 20, each with a distinct remainder', async () => {
  const identity = new IdentityStore(doc, TABLE, () => nowMs);
  const rate: BucketRate = { capacity: 20, refill_per_minute: 10 };
  const results = await Promise.all(Array.from({ length: 60 }, () => identity.takeToken('t#u#architect', rate)));
  const allowed = results.filter((r): r is Extract<TakeResult, { allowed: true }> => r.allowed);
  expect(allowed).toHaveLength(20);
  expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  for (const r of results.filter((x) => !x.allowed)) expect(r).toEqual({ allowed: false, retryAfterSeconds: 6 });
});

test('the stored bucket follows the in-memory rule through refills and refusals', async () => {
  const identity = new IdentityStore(doc, TABLE, () => nowMs);
  const rate: BucketRate = { capacity: 3, refill_per_minute: 6 };
  const scope = 't#u#retry';
  let tat: number | null = null;
  const steps = [0, 0, 0, 0, 4_000, 6_000, 25_000, 0, 0, 0, 120_000, 0];
  for (const step of steps) {
    nowMs += step;
    const expected = take(tat, rate, nowMs);
    tat = expected.tat;
    expect(await identity.takeToken(scope, rate)).toEqual(expected.result);
  }
  const item = await doc.send(new GetCommand({ TableName: TABLE, Key: { PK: `RL#${scope}`, SK: 'META' } }));
  expect(Number(item.Item?.tat)).toBe(tat);
  expect(Number(item.Item?.expires_at)).toBeGreaterThan(nowMs / 1000);
});
