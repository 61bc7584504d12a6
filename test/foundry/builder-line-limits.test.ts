import { awaitBuilderStep, leaveBuilderLine } from '../../lambdas/app/builder-line';
import { BUILDER_LINE_MAX_WAITING, BUILDER_WAIT_LIMIT_SECONDS, type BuilderLine } from '../../lambdas/domain/builder-line';
import type { BuilderLineStore } from '../../lambdas/domain/ports';
import type { MissionStatus } from '../../lambdas/domain/mission';
import { statusView } from '../../lambdas/app/mission-views';
import { withQueuePosition } from '../../lambdas/app/queue-position';
import { DynamoDocumentClient, GetCommand, QueryCommand } from '../../lambdas/adapters/dynamo-client';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * The builders' line's limits, on the local stack's store: a mission that has waited its limit
 * fails with BuilderWaitExceeded (and leaves the line), and a holder whose lease ran out loses
 * its builder to the first in line at the line's next change.
 */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ policy: { builder: { concurrency: 1 } } });
});
afterAll(async () => t?.stop());

const tenant = 'tenant-line';
const ago = (seconds: number): string => new Date(Date.now() - seconds * 1000).toISOString();
const entry = (mission_id: string, joinedSecondsAgo: number) => ({
  tenant_id: tenant,
  mission_id,
  attempt: 1,
  task_token: `token-of-${mission_id}`,
  joined_at: ago(joinedSecondsAgo),
});

async function seed(line: Omit<BuilderLine, 'version'>): Promise<void> {
  const svc = t.stack.services;
  const current = await svc.builderLine.read();
  expect(await svc.builderLine.write({ ...line, version: current.version }, current.version)).toBe(true);
}

async function mission(id: string, status: MissionStatus = 'ARCHITECTING'): Promise<void> {
  const svc = t.stack.services;
  await svc.store.createMission({
    tenantId: tenant,
    missionId: id,
    prompt: 'Build a calculator',
    options: { deploy: false, publish: false },
    policyHash: svc.policy.hash,
    speech: '',
    status,
  });
}

/** The queue position a status read shows for the mission. */
async function shownPosition(id: string): Promise<number | null> {
  const svc = t.stack.services;
  return statusView(await withQueuePosition(svc, await svc.store.requireMission(tenant, id))).queue_position as number | null;
}

test('a mission that waited its limit fails with BuilderWaitExceeded, naming the limit, and leaves the line', async () => {
  await mission('m-waited');
  const holder = { ...entry('m-busy', 60), granted_at: ago(60), lease_until: ago(-3600), waited: false };
  await seed({ holders: [holder], waiting: [entry('m-waited', BUILDER_WAIT_LIMIT_SECONDS + 5)] });
  const step = awaitBuilderStep(t.stack.services, { tenant_id: tenant, mission_id: 'm-waited', attempt: 1, task_token: 'next' });
  await expect(step).rejects.toMatchObject({
    name: 'BuilderWaitExceeded',
    code: 'BUILDER_WAIT_EXCEEDED',
    message: expect.stringMatching(/1800 s limit.*builder\.concurrency is 1/),
  });
  const line = await t.stack.services.builderLine.read();
  expect(line.waiting).toEqual([]);
  expect(line.holders.map((h) => h.mission_id)).toEqual(['m-busy']);
  // Under the limit it keeps waiting, in its place, shown as position 1.
  await mission('m-patient');
  await seed({ holders: [holder], waiting: [entry('m-patient', BUILDER_WAIT_LIMIT_SECONDS - 60)] });
  const waiting = await awaitBuilderStep(t.stack.services, {
    tenant_id: tenant,
    mission_id: 'm-patient',
    attempt: 1,
    task_token: 'again',
  });
  expect(waiting).toMatchObject({ builder: 'waiting', queue_position: 1 });
  await leaveBuilderLine(t.stack.services, tenant, 'm-patient');
});

test("a holder whose lease ran out loses its builder at the line's next change, to the first in line", async () => {
  await mission('m-next', 'QUEUED');
  const lapsed = { ...entry('m-lost', 900), granted_at: ago(900), lease_until: ago(1), waited: false };
  await seed({ holders: [lapsed], waiting: [entry('m-next', 30)] });
  expect(await shownPosition('m-next')).toBe(1);
  // Any change will do: here an unrelated mission leaving (it was never in line).
  await leaveBuilderLine(t.stack.services, tenant, 'm-unrelated');
  const line = await t.stack.services.builderLine.read();
  expect(line.holders.map((h) => [h.mission_id, h.waited])).toEqual([['m-next', true]]);
  expect(line.waiting).toEqual([]);
  expect(await shownPosition('m-next')).toBeNull();
  await leaveBuilderLine(t.stack.services, tenant, 'm-next');
});

test('a change of the line writes the line alone, however many move: each QUEUED mission reads its place from it', async () => {
  const ids = ['m-q1', 'm-q2', 'm-q3', 'm-q4'];
  for (const id of ids) await mission(id, 'QUEUED');
  const holder = { ...entry('m-holding', 60), granted_at: ago(60), lease_until: ago(-3600), waited: false };
  await seed({ holders: [holder], waiting: ids.map((id, i) => entry(id, 40 - i)) });
  expect(await Promise.all(ids.map(shownPosition))).toEqual([1, 2, 3, 4]);
  // The holder hands its builder on: the first in line is granted and the other three move up.
  const writes: string[] = [];
  const send = DynamoDocumentClient.prototype.send;
  const spy = jest.spyOn(DynamoDocumentClient.prototype, 'send').mockImplementation(function (
    this: DynamoDocumentClient,
    command,
  ) {
    const input = command.input as { Key?: { PK?: string }; Item?: { PK?: string } };
    if (!(command instanceof GetCommand) && !(command instanceof QueryCommand))
      writes.push(String(input.Key?.PK ?? input.Item?.PK));
    return send.call(this, command) as never;
  });
  try {
    await leaveBuilderLine(t.stack.services, tenant, 'm-holding');
  } finally {
    spy.mockRestore();
  }
  expect(writes.filter((pk) => pk.includes('#M#'))).toEqual([]);
  expect(writes.filter((pk) => pk === 'BUILDERS')).toHaveLength(1);
  expect(await Promise.all(ids.map(shownPosition))).toEqual([null, 1, 2, 3]);
  // Not QUEUED: no place, whatever the line holds.
  await mission('m-running', 'BUILDING');
  await seed({ holders: [], waiting: [entry('m-running', 5)] });
  expect(await shownPosition('m-running')).toBeNull();
  await seed({ holders: [], waiting: [] });
});

test('a full line refuses a newcomer with BuilderLineFull, naming the limit, before it is QUEUED; those in line keep their places', async () => {
  await mission('m-late');
  const holder = { ...entry('m-busy', 60), granted_at: ago(60), lease_until: ago(-3600), waited: false };
  const waiting = Array.from({ length: BUILDER_LINE_MAX_WAITING }, (_, i) => entry(`m-wait-${i}`, 30));
  await seed({ holders: [holder], waiting });
  const before = await t.stack.services.builderLine.read();
  const step = awaitBuilderStep(t.stack.services, { tenant_id: tenant, mission_id: 'm-late', attempt: 1, task_token: 'late' });
  await expect(step).rejects.toMatchObject({
    name: 'BuilderLineFull',
    code: 'BUILDER_LINE_FULL',
    message: expect.stringMatching(/200 missions already wait for the 1 builders/),
  });
  expect(await t.stack.services.builderLine.read()).toEqual(before);
  expect((await t.stack.services.store.requireMission(tenant, 'm-late')).status).toBe('ARCHITECTING');
  // One already in line may still enter again (its re-entry every minute).
  await mission('m-wait-7');
  const again = await awaitBuilderStep(t.stack.services, {
    tenant_id: tenant,
    mission_id: 'm-wait-7',
    attempt: 1,
    task_token: 'fresh',
  }).catch((err: Error) => err);
  expect(again).toMatchObject({ builder: 'waiting', queue_position: 8 });
  await seed({ holders: [], waiting: [] });
});

/** A line store of its own over the same stored line (as another process has), counting the writes it lost. */
function processLine(): { line: BuilderLineStore; lost: () => number } {
  const stored = t.stack.services.builderLine;
  let lost = 0;
  return {
    line: {
      read: () => stored.read(),
      write: async (line, expected) => {
        const written = await stored.write(line, expected);
        if (!written) lost += 1;
        return written;
      },
    },
    lost: () => lost,
  };
}

async function enterAtOnce(ids: string[], lineOf: (i: number) => BuilderLineStore): Promise<void> {
  for (const id of ids) await mission(id);
  const entered = await Promise.all(
    ids.map((id, i) =>
      awaitBuilderStep(
        { ...t.stack.services, builderLine: lineOf(i) },
        { tenant_id: tenant, mission_id: id, attempt: 1, task_token: `token-${id}` },
      ),
    ),
  );
  expect(entered.filter((e) => e.builder === 'granted')).toHaveLength(1);
  const line = await t.stack.services.builderLine.read();
  // One builder, one holder; every other mission waits exactly once, in the positions it was shown.
  expect(line.holders).toHaveLength(1);
  const inLine = [...line.holders, ...line.waiting].map((e) => e.mission_id);
  expect([...inLine].sort()).toEqual([...ids].sort());
  const shown = entered.filter((e) => e.builder === 'waiting').map((e) => e.queue_position);
  expect([...shown].sort((a, b) => Number(a) - Number(b))).toEqual(line.waiting.map((_, i) => i + 1));
}

test('steps of one process entering together change the line one at a time: none of their writes is lost', async () => {
  await seed({ holders: [], waiting: [] });
  const one = processLine();
  await enterAtOnce(
    Array.from({ length: 8 }, (_, i) => `m-together-${i}`),
    () => one.line,
  );
  expect(one.lost()).toBe(0);
  await seed({ holders: [], waiting: [] });
});

test('steps of separate processes entering together still meet at the conditional write: each mission is in line once', async () => {
  await seed({ holders: [], waiting: [] });
  const processes = [processLine(), processLine(), processLine(), processLine()];
  await enterAtOnce(
    Array.from({ length: 8 }, (_, i) => `m-apart-${i}`),
    (i) => processes[i % processes.length]!.line,
  );
  // The race between processes was real: some writes were refused and made again from a fresh read.
  expect(processes.reduce((n, p) => n + p.lost(), 0)).toBeGreaterThan(0);
  await seed({ holders: [], waiting: [] });
});
