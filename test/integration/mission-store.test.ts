import '../../local/polyfills';
import { DynamoDocumentClient, UpdateCommand, type DocumentSender } from '../../lambdas/adapters/dynamo-client';
import type { Server } from 'node:http';
import { MissionStore } from '../../lambdas/adapters/mission-store';
import { recordEvent } from '../../lambdas/app/mission-events';
import { verifyChain } from '../../lambdas/domain/event-chain';
import { ensureTable } from '../../local/dynamo-table';
const dynalite = require('dynalite') as (o: Record<string, unknown>) => Server;

let server: Server;
let store: MissionStore;
let client: DynamoDocumentClient;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  client = new DynamoDocumentClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await ensureTable(client, 'gantry');
  store = new MissionStore(client, 'gantry');
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

/** The mission's log is `length` events, gap-free and linked, and its item stands at the last. */
async function expectWholeChain(missionId: string, length: number): Promise<void> {
  const events = await store.listEvents('t1', missionId);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length }, (_, i) => i + 1));
  expect(verifyChain(events as never).ok).toBe(true);
  const mission = await store.requireMission('t1', missionId);
  expect(mission.seq).toBe(length);
  expect(mission.chain_head).toBe(events[length - 1]!.hash);
}

test('concurrent writers never fork the chain: seq is gap-free and the hashes link', async () => {
  await create('t1', 'm1');
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      store.appendEvent('t1', 'm1', { type: 'note', message: `n${i}`, actor: { type: 'system', id: 'test' } }),
    ),
  );
  await expectWholeChain('m1', 20);
});

/** A document client that counts the conditional writes the store refused. */
function counting(): { sender: DocumentSender; refused: () => number } {
  let refused = 0;
  return {
    sender: {
      send: async (command) => {
        try {
          return await client.send(command);
        } catch (err) {
          if ((err as Error).name === 'ConditionalCheckFailedException') refused += 1;
          throw err;
        }
      },
    },
    refused: () => refused,
  };
}

test('appends from one instance wait for each other: none of their writes is refused', async () => {
  const one = counting();
  const own = new MissionStore(one.sender, 'gantry');
  await create('t1', 'm-one');
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      own.appendEvent('t1', 'm-one', { type: 'note', message: `n${i}`, actor: { type: 'system', id: 'test' } }),
    ),
  );
  expect(one.refused()).toBe(0);
  const events = await own.listEvents('t1', 'm-one');
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  // In the order they were given.
  expect(events.map((e) => e.message)).toEqual(Array.from({ length: 12 }, (_, i) => `n${i}`));
});

test('writers in separate instances (separate processes) racing never fork the chain', async () => {
  const writers = Array.from({ length: 4 }, () => counting());
  const stores = writers.map((w) => new MissionStore(w.sender, 'gantry'));
  await create('t1', 'm-apart');
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      stores[i % stores.length]!.appendEvent('t1', 'm-apart', {
        type: 'note',
        message: `n${i}`,
        actor: { type: 'system', id: 'test' },
      }),
    ),
  );
  // They did race (writes were refused and made again from a fresh read), and the chain held.
  expect(writers.reduce((n, w) => n + w.refused(), 0)).toBeGreaterThan(0);
  await expectWholeChain('m-apart', 20);
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

test('remembered subscribers: every subscribe and disconnect is seen, and a read racing a subscribe is not kept', async () => {
  const remembering = new MissionStore(client, 'gantry', undefined, { rememberSubscribers: true });
  let queries = 0;
  const counting = new MissionStore(
    { send: (command: unknown) => (queries++, client.send(command as never)) } as unknown as DocumentSender,
    'gantry',
    undefined,
    { rememberSubscribers: true },
  );
  await remembering.putConnection('r1', 't1');
  await remembering.subscribe('t1', 'mr', 'r1');
  expect(await remembering.subscriptions('t1', 'mr')).toEqual([{ connectionId: 'r1' }]);
  await remembering.putConnection('r2', 't1');
  await remembering.subscribe('t1', 'mr', 'r2');
  expect((await remembering.subscriptions('t1', 'mr')).map((s) => s.connectionId).sort()).toEqual(['r1', 'r2']);
  await remembering.removeConnection('r1');
  expect(await remembering.subscriptions('t1', 'mr')).toEqual([{ connectionId: 'r2' }]);

  // Repeated pushes query once.
  await counting.subscriptions('t1', 'mr');
  await counting.subscriptions('t1', 'mr');
  expect(queries).toBe(1);

  // A read whose answer predates a subscribe must not be remembered: here the query answers
  // (without the new subscriber) only after the subscribe has finished.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let holdNext = true;
  const slow = new MissionStore(
    {
      send: async (command: unknown) => {
        const hold = holdNext && (command as { constructor: { name: string } }).constructor.name === 'QueryCommand';
        if (hold) holdNext = false;
        const answer = await client.send(command as never);
        if (hold) await held;
        return answer;
      },
    } as unknown as DocumentSender,
    'gantry',
    undefined,
    { rememberSubscribers: true },
  );
  const stale = slow.subscriptions('t1', 'mq');
  await new Promise((r) => setTimeout(r, 50));
  await slow.subscribe('t1', 'mq', 'r2');
  release();
  expect(await stale).toEqual([]);
  expect(await slow.subscriptions('t1', 'mq')).toEqual([{ connectionId: 'r2' }]);
  await remembering.removeConnection('r2');
});

/** A store that remembers subscribers, over `send` (which sees every command first). */
type SeenCommand = { constructor: { name: string }; input?: { ExpressionAttributeValues?: Record<string, unknown> } };
const rememberingOver = (send: (command: SeenCommand) => Promise<unknown>): MissionStore =>
  new MissionStore({ send } as unknown as DocumentSender, 'gantry', undefined, { rememberSubscribers: true });

test("remembered subscribers follow this instance's own subscribes and disconnects: no query after either", async () => {
  let subscriberQueries = 0;
  const store = rememberingOver((command) => {
    if (command.constructor.name === 'QueryCommand' && command.input?.ExpressionAttributeValues?.[':s'] === 'SUB#') {
      subscriberQueries += 1;
    }
    return client.send(command as never);
  });
  await store.putConnection('c1', 't1');
  await store.putConnection('c2', 't1');
  expect(await store.subscriptions('t1', 'mc')).toEqual([]);
  await store.subscribe('t1', 'mc', 'c1');
  await store.subscribe('t1', 'mc', 'c2');
  await store.subscribe('t1', 'mc', 'c2');
  expect((await store.subscriptions('t1', 'mc')).map((s) => s.connectionId).sort()).toEqual(['c1', 'c2']);
  await store.removeConnection('c1');
  expect(await store.subscriptions('t1', 'mc')).toEqual([{ connectionId: 'c2' }]);
  expect(subscriberQueries).toBe(1);
  // What it remembers is what the table holds.
  expect(await new MissionStore(client, 'gantry').subscriptions('t1', 'mc')).toEqual([{ connectionId: 'c2' }]);
  await store.removeConnection('c2');
  expect(await store.subscriptions('t1', 'mc')).toEqual([]);
  expect(subscriberQueries).toBe(1);
});

test('a subscriber query answered while a subscribe is being written is not kept', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let holdPut = false;
  const store = rememberingOver(async (command) => {
    if (holdPut && command.constructor.name === 'PutCommand') {
      holdPut = false;
      await held;
    }
    return client.send(command as never);
  });
  await store.putConnection('c3', 't1');
  holdPut = true;
  const subscribing = store.subscribe('t1', 'mw', 'c3');
  // Nothing remembered yet: this query answers from the table, where the subscription is not yet.
  expect(await store.subscriptions('t1', 'mw')).toEqual([]);
  release();
  await subscribing;
  expect(await store.subscriptions('t1', 'mw')).toEqual([{ connectionId: 'c3' }]);
  await store.removeConnection('c3');
});

test("an append is one item read (none after this instance's own append), one event write and one item update; a repeated key is still not appended twice", async () => {
  const sent: string[] = [];
  const counting = new MissionStore(
    {
      send: (command: unknown) => {
        sent.push((command as { constructor: { name: string } }).constructor.name);
        return client.send(command as never);
      },
    } as unknown as DocumentSender,
    'gantry',
  );
  await counting.createMission({
    tenantId: 't1',
    missionId: 'm-ops',
    prompt: 'p',
    options: { deploy: true, publish: true },
    policyHash: 'h',
    speech: 's',
  });
  const actor = { type: 'system' as const, id: 'test' };
  for (let i = 1; i <= 3; i++) {
    sent.length = 0;
    await counting.appendEvent('t1', 'm-ops', {
      type: 'step',
      message: `step ${i}`,
      actor,
      status: 'BUILDING',
      idempotencyKey: `m-ops:${i}`,
    });
    // The first append reads the item; after that this instance remembers the head it wrote.
    expect(sent).toEqual(i === 1 ? ['GetCommand', 'PutCommand', 'UpdateCommand'] : ['PutCommand', 'UpdateCommand']);
  }
  const again = await counting.appendEvent('t1', 'm-ops', {
    type: 'step',
    message: 'step 2',
    actor,
    status: 'BUILDING',
    idempotencyKey: 'm-ops:2',
  });
  expect(again.seq).toBe(2);
  const events = await counting.listEvents('t1', 'm-ops');
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  expect(verifyChain(events as never).ok).toBe(true);
  expect(events[0]!.record).toMatchObject({ mission_id: 'm-ops', seq: 0 });
  expect(JSON.stringify(await counting.getMission('t1', 'm-ops'))).not.toMatch(/ek_/);
});

test('a remembered head that another writer has passed is read again: no fork, no repeated key, a final status holds', async () => {
  const a = new MissionStore(client, 'gantry');
  const b = new MissionStore(client, 'gantry');
  await a.createMission({
    tenantId: 't1',
    missionId: 'm-two',
    prompt: 'p',
    options: { deploy: true, publish: true },
    policyHash: 'h',
    speech: 's',
  });
  const actor = { type: 'system' as const, id: 'test' };
  await a.appendEvent('t1', 'm-two', { type: 'step', message: 'a1', actor, status: 'BUILDING', idempotencyKey: 'k1' });
  // b moves the log on twice; a still remembers seq 1.
  await b.appendEvent('t1', 'm-two', { type: 'step', message: 'b2', actor, idempotencyKey: 'k2' });
  await b.appendEvent('t1', 'm-two', { type: 'step', message: 'b3', actor });
  // a's retry of b's keyed append is found, not appended again.
  expect((await a.appendEvent('t1', 'm-two', { type: 'step', message: 'b2 again', actor, idempotencyKey: 'k2' })).seq).toBe(2);
  const next = await a.appendEvent('t1', 'm-two', { type: 'step', message: 'a4', actor });
  expect(next.seq).toBe(4);
  // b ends the mission; a, remembering it as running, may not move it on.
  await b.appendEvent('t1', 'm-two', { type: 'end', message: 'done', actor, status: 'DEPLOYED' });
  await expect(a.appendEvent('t1', 'm-two', { type: 'late', message: 'late', actor, status: 'FAILED' })).rejects.toThrow(
    /DEPLOYED|final|ended/i,
  );
  // A caller's expected seq is checked against the log, not the memory.
  await expect(a.appendEvent('t1', 'm-two', { type: 'turn', message: 't', actor, expectedSeq: 4 })).rejects.toThrow(/moved on/);
  const events = await a.listEvents('t1', 'm-two');
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(verifyChain(events as never).ok).toBe(true);
  const mission = await b.requireMission('t1', 'm-two');
  expect(mission).toMatchObject({ seq: 5, status: 'DEPLOYED', chain_head: events[4]!.hash });
});

/** A store whose next mission-item update is lost, as when the process dies between the event write and that update. */
function storeThatStopsBeforeTheItemUpdate(): { store: MissionStore; arm: () => void } {
  const doc = client;
  let armed = false;
  const stopping = {
    send: (command: unknown) => {
      if (armed && command instanceof UpdateCommand) {
        armed = false;
        return Promise.reject(new Error('process stopped'));
      }
      return doc.send(command as never);
    },
  } as unknown as DocumentSender;
  return { store: new MissionStore(stopping, 'gantry'), arm: () => (armed = true) };
}

test('a mission item left behind its log is brought forward with the lost status and patch', async () => {
  await create('tS', 'lag');
  const crashing = storeThatStopsBeforeTheItemUpdate();
  await store.appendEvent('tS', 'lag', { type: 'n', message: 'one', actor: { type: 'system', id: 't' } });
  crashing.arm();
  await expect(
    crashing.store.appendEvent('tS', 'lag', {
      type: 'status',
      status: 'READY_TO_BUILD',
      message: 'confirmed',
      actor: { type: 'human', id: 'u' },
      patch: { speech: 'building soon' },
    }),
  ).rejects.toThrow('process stopped');
  // The log has the event, the item does not.
  expect((await store.requireMission('tS', 'lag')).seq).toBe(1);
  // A turn computed from the stale item is refused once, and the refusal brings the item forward.
  await expect(
    store.appendEvent('tS', 'lag', { type: 'n', message: 'stale', actor: { type: 'system', id: 't' }, expectedSeq: 1 }),
  ).rejects.toThrow(/moved on/);
  const settled = await store.requireMission('tS', 'lag');
  expect(settled).toMatchObject({ seq: 2, status: 'READY_TO_BUILD', speech: 'building soon' });
  // And the next turn, computed from the item as it now is, goes through.
  const next = await store.appendEvent('tS', 'lag', {
    type: 'n',
    message: 'fresh',
    actor: { type: 'system', id: 't' },
    expectedSeq: settled.seq,
  });
  expect(next.seq).toBe(3);
  const events = await store.listEvents('tS', 'lag');
  expect(verifyChain(events as never).ok).toBe(true);
  // The stored patch is not part of the event anyone reads.
  expect(events[1]).not.toHaveProperty('mission_patch');
});

test('the next append after a lost item update applies the lost event first', async () => {
  await create('tS', 'lag2');
  const crashing = storeThatStopsBeforeTheItemUpdate();
  crashing.arm();
  await expect(
    crashing.store.appendEvent('tS', 'lag2', {
      type: 'status',
      status: 'QUEUED',
      message: 'q',
      actor: { type: 'system', id: 't' },
      patch: { execution_arn: 'arn:x' },
    }),
  ).rejects.toThrow('process stopped');
  await store.appendEvent('tS', 'lag2', {
    type: 'n',
    message: 'later',
    actor: { type: 'system', id: 't' },
    patch: { speech: 'later' },
  });
  expect(await store.requireMission('tS', 'lag2')).toMatchObject({
    seq: 2,
    status: 'QUEUED',
    execution_arn: 'arn:x',
    speech: 'later',
  });
  // settle() with nothing to do returns the mission unchanged.
  expect((await store.settle('tS', 'lag2'))?.seq).toBe(2);
});

test('a key deeper in the log than the head is not appended again (a step re-run after a crash)', async () => {
  await create('tS', 'deep');
  const actor = { type: 'system' as const, id: 't' };
  await store.appendEvent('tS', 'deep', { type: 'status', status: 'AUDITING', message: 'a', actor, idempotencyKey: 'enter' });
  const audit = await store.appendEvent('tS', 'deep', { type: 'audit.passed', message: 'p', actor, idempotencyKey: 'audit' });
  const again = await store.appendEvent('tS', 'deep', {
    type: 'status',
    status: 'AUDITING',
    message: 'a',
    actor,
    idempotencyKey: 'enter',
  });
  expect(again.seq).toBe(1);
  expect(
    (await store.appendEvent('tS', 'deep', { type: 'audit.passed', message: 'p', actor, idempotencyKey: 'audit' })).seq,
  ).toBe(audit.seq);
  expect((await store.listEvents('tS', 'deep')).length).toBe(2);
  expect((await store.eventByIdempotencyKey('tS', 'deep', 'audit'))?.seq).toBe(2);
  expect(await store.eventByIdempotencyKey('tS', 'deep', 'nope')).toBeNull();
});

test('what a subscriber hears is already in the status: each event is pushed only once the mission item has moved to it', async () => {
  let holdUpdates = false;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const slow = new MissionStore(
    {
      send: async (command: { constructor: { name: string } }) => {
        if (holdUpdates && command.constructor.name === 'UpdateCommand') await held;
        return client.send(command as never);
      },
    } as unknown as DocumentSender,
    'gantry',
  );
  // Each push reads the mission as a client would on hearing it.
  const heard: Array<{ pushed: unknown; status: string; seq: number }> = [];
  const push = {
    post: async (_connectionId: string, message: Record<string, unknown>) => {
      const mission = await store.requireMission('t1', 'm-heard');
      heard.push({ pushed: message.seq, status: mission.status, seq: mission.seq });
      return true;
    },
  };
  const svc = { store: slow, push } as unknown as Parameters<typeof recordEvent>[0];
  const actor = { type: 'system', id: 'test' } as const;
  await create('t1', 'm-heard');
  await slow.putConnection('h1', 't1');
  await slow.subscribe('t1', 'm-heard', 'h1');

  holdUpdates = true;
  const recording = recordEvent(svc, 't1', 'm-heard', { type: 'status', status: 'BUILDING', message: 'building', actor });
  await new Promise((r) => setTimeout(r, 100));
  // The event is stored, the item has not moved yet: nothing is pushed.
  expect((await store.listEvents('t1', 'm-heard')).map((e) => e.seq)).toEqual([1]);
  expect(heard).toEqual([]);
  holdUpdates = false;
  release();
  await recording;
  await Promise.all(
    Array.from({ length: 4 }, (_, i) => recordEvent(svc, 't1', 'm-heard', { type: 'note', message: `n${i}`, actor })),
  );
  expect(heard[0]).toEqual({ pushed: 1, status: 'BUILDING', seq: 1 });
  expect(heard).toHaveLength(5);
  for (const h of heard) expect(h.seq).toBeGreaterThanOrEqual(Number(h.pushed));
  await slow.removeConnection('h1');
});
