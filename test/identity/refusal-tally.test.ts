import { ScanCommand, type DynamoDocumentClient } from '../../lambdas/adapters/dynamo-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityStore } from '../../lambdas/adapters/identity-store';
import { sourceNetwork, tallyBucketStart } from '../../lambdas/domain/refusal-tally';
import { ensureTable } from '../../local/dynamo-table';
import { startEmbeddedStore, type EmbeddedStore } from '../../local/embedded-store';
import { sweepExpiredItems } from '../../local/expired-items';

/**
 * Refusals of unproven callers are tallied: a bounded number of short-lived counters, however
 * many refusals, in the embedded store (dynalite) with the same client and calls as DynamoDB.
 */
const TABLE = 'gantry-tally-test';
let dir: string;
let store: EmbeddedStore;
let doc: DynamoDocumentClient;
let nowMs = Date.UTC(2031, 4, 6, 10, 15, 0);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-tally-'));
  store = await startEmbeddedStore(dir, 'us-east-1');
  await ensureTable(store.client, TABLE);
  doc = store.client;
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tableSize(): Promise<number> {
  const out = await doc.send(new ScanCommand({ TableName: TABLE, Select: 'COUNT' }));
  return out.Count ?? 0;
}

describe('source networks', () => {
  test('IPv4 /24, IPv6 /64, mapped IPv4 as IPv4, anything else "other"', () => {
    expect(sourceNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(sourceNetwork('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(sourceNetwork('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(sourceNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceNetwork('not-an-address')).toBe('other');
  });

  test('a bucket is the hour a time falls in', () => {
    expect(tallyBucketStart(Date.UTC(2031, 0, 1, 7, 59, 59))).toBe(Date.UTC(2031, 0, 1, 7));
  });
});

describe('IdentityStore.tallyRefusal', () => {
  test('200 refusals from one network in one hour write one counter per code, with exact counts', async () => {
    const live = new IdentityStore(doc, TABLE, () => nowMs);
    const before = await tableSize();
    const codes = ['SIRI_UNKNOWN_KEY', 'SIRI_MISSING_HEADERS'];
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          live.tallyRefusal({
            tenant_id: null,
            type: 'siri.refused',
            code: codes[i % 2] as string,
            message: 'refused',
            actor: { type: 'integration', id: 'siri/unknown' },
            // Rotating addresses within one /24 still fill the same counter.
            data: { key_id: `dk_guess${batch}${i}`, last_source_ip: `198.51.100.${i + 1}` },
            source: sourceNetwork(`198.51.100.${i + 1}`),
            keyId: null,
          }),
        ),
      );
      nowMs += 1000;
    }
    expect((await tableSize()) - before).toBe(2);
    const listed = await live.listAudit(null);
    expect(listed).toHaveLength(2);
    for (const tally of listed) {
      expect(tally).toMatchObject({ tenant_id: null, type: 'siri.refused', count: 100, data: { source: '198.51.100.0/24' } });
      expect(tally.first_at! < tally.last_at!).toBe(true);
      expect(tally.at).toBe(tally.first_at);
    }
    expect(listed.map((a) => a.code).sort()).toEqual(['SIRI_MISSING_HEADERS', 'SIRI_UNKNOWN_KEY']);

    // The next hour starts new counters; the old ones are listed after them (newest first).
    nowMs += 3600 * 1000;
    await live.tallyRefusal({
      tenant_id: null,
      type: 'siri.refused',
      code: 'SIRI_UNKNOWN_KEY',
      message: 'refused',
      actor: { type: 'integration', id: 'siri/unknown' },
      data: {},
      source: sourceNetwork('198.51.100.1'),
      keyId: null,
    });
    const next = await live.listAudit(null);
    expect(next.map((a) => a.count)).toEqual([1, 100, 100]);
  });

  test('tallies expire: the local sweep (TTL in AWS) removes them a week after their hour', async () => {
    const live = new IdentityStore(doc, TABLE, () => nowMs);
    expect(await live.listAudit(null)).not.toHaveLength(0);
    await sweepExpiredItems(store.client, TABLE, nowMs / 1000 + 6 * 86_400);
    expect(await live.listAudit(null)).not.toHaveLength(0);
    await sweepExpiredItems(store.client, TABLE, nowMs / 1000 + 8 * 86_400 + 3600);
    expect(await live.listAudit(null)).toEqual([]);
  });
});
