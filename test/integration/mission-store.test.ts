import '../../local/polyfills';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Server } from 'node:http';
import { MissionStore } from '../../lambdas/adapters/mission-store';
import { verifyChain } from '../../lambdas/domain/event-chain';
import { ensureTable } from '../../local/dynamo-table';
const dynalite = require('dynalite') as (o: Record<string, unknown>) => Server;

let server: Server;
let store: MissionStore;
let client: DynamoDBClient;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await ensureTable(client, 'gantry');
  store = new MissionStore(DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), 'gantry');
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

const create = (tenantId: string, missionId: string) =>
  store.createMission({
    tenantId,
    missionId,
    prompt: 'p',
    options: { deploy: true, publish: true },
    policyHash: 'h',
    speech: 's',
  });

test('concurrent writers never fork the chain: seq is gap-free and the hashes link', async () => {
  await create('t1', 'm1');
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      store.appendEvent('t1', 'm1', { type: 'note', message: `n${i}`, actor: { type: 'system', id: 'test' } }),
    ),
  );
  const events = await store.listEvents('t1', 'm1');
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(verifyChain(events as never).ok).toBe(true);
  const mission = await store.requireMission('t1', 'm1');
  expect(mission.seq).toBe(20);
  expect(mission.chain_head).toBe(events[19]!.hash);
});

test('status moves with its event; a retried append with the same idempotency key is not duplicated', async () => {
  await create('t1', 'm2');
  const a = await store.appendEvent('t1', 'm2', {
    type: 'status',
    status: 'BUILDING',
    message: 'b',
    actor: { type: 'system', id: 't' },
    idempotencyKey: 'k1',
  });
  const b = await store.appendEvent('t1', 'm2', {
    type: 'status',
    status: 'BUILDING',
    message: 'b',
    actor: { type: 'system', id: 't' },
    idempotencyKey: 'k1',
  });
  expect(b.seq).toBe(a.seq);
  expect((await store.listEvents('t1', 'm2')).length).toBe(1);
  expect((await store.requireMission('t1', 'm2')).status).toBe('BUILDING');
});

test('tenants are separate key spaces', async () => {
  await create('tA', 'shared-id');
  expect(await store.getMission('tB', 'shared-id')).toBeNull();
  expect((await store.listMissions('tB')).length).toBe(0);
  expect((await store.listMissions('tA')).map((m) => m.mission_id)).toEqual(['shared-id']);
});

test('listing is newest first and events can be read after a seq (resync)', async () => {
  await create('tL', 'first');
  await new Promise((r) => setTimeout(r, 5));
  await create('tL', 'second');
  expect((await store.listMissions('tL')).map((m) => m.mission_id)).toEqual(['second', 'first']);
  for (let i = 0; i < 5; i++)
    await store.appendEvent('tL', 'first', { type: 'n', message: String(i), actor: { type: 'system', id: 't' } });
  expect((await store.listEvents('tL', 'first', 3)).map((e) => e.seq)).toEqual([4, 5]);
});

test('connections: subscribe, count and cleanup on disconnect', async () => {
  const before = await store.connectionCount();
  await store.putConnection('c1', 't1');
  await store.subscribe('t1', 'm1', 'c1');
  expect(await store.subscriptions('t1', 'm1')).toEqual([{ connectionId: 'c1' }]);
  expect(await store.connectionCount()).toBe(before + 1);
  await store.removeConnection('c1');
  expect(await store.subscriptions('t1', 'm1')).toEqual([]);
  expect(await store.connectionCount()).toBe(before);
});
