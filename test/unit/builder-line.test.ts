import { EMPTY_LINE, enter, leave, positions, type BuilderLine } from '../../lambdas/domain/builder-line';

/** The builders' line's rules: first come, first served, at most `capacity` holders, leases. */
const LEASE = 600;
const t0 = new Date('2026-11-23T10:00:00.000Z');
const at = (s: number): Date => new Date(t0.getTime() + s * 1000);
const mission = (id: string, attempt = 1) => ({ tenant_id: 't1', mission_id: id, attempt, task_token: `token-${id}-${attempt}` });

function join(line: BuilderLine, ids: string[], capacity: number, when = t0): BuilderLine {
  for (const id of ids) line = { ...enter(line, mission(id), capacity, when, LEASE).line, version: line.version + 1 };
  return line;
}

test('takes a free builder at once, and lines up the others first come, first served', () => {
  let line = EMPTY_LINE;
  const first = enter(line, mission('a'), 2, t0, LEASE);
  expect(first.outcome).toMatchObject({ state: 'holding', holder: { mission_id: 'a', waited: false } });
  expect(first.granted).toEqual([]);
  line = join(line, ['a', 'b', 'c', 'd'], 2);
  expect(line.holders.map((h) => h.mission_id)).toEqual(['a', 'b']);
  expect(line.waiting.map((w) => w.mission_id)).toEqual(['c', 'd']);
  expect([...positions(line)]).toEqual([
    ['t1#c', 1],
    ['t1#d', 2],
  ]);
  const e = enter(line, mission('e'), 2, t0, LEASE);
  expect(e.outcome).toMatchObject({ state: 'waiting', position: 3 });
});

test('entering again keeps the place and its join time, and replaces the token', () => {
  const line = join(EMPTY_LINE, ['a', 'b', 'c'], 1);
  const again = enter(line, { ...mission('b'), task_token: 'fresh' }, 1, at(60), LEASE);
  expect(again.outcome).toEqual({ state: 'waiting', position: 1, joined_at: t0.toISOString() });
  expect(again.line.waiting.map((w) => [w.mission_id, w.task_token])).toEqual([
    ['b', 'fresh'],
    ['c', 'token-c-1'],
  ]);
  // A holder entering again (its grant was not heard) keeps its builder under the new token.
  const holder = enter(line, { ...mission('a'), task_token: 'fresh-a' }, 1, at(60), LEASE);
  expect(holder.outcome).toMatchObject({ state: 'holding', holder: { mission_id: 'a', task_token: 'fresh-a' } });
  expect(holder.granted).toEqual([]);
});

test('leaving hands the builder to the first in line, who is marked as having waited', () => {
  const line = join(EMPTY_LINE, ['a', 'b', 'c'], 1);
  const left = leave(line, { tenant_id: 't1', mission_id: 'a' }, 1, at(5), LEASE);
  expect(left.left).toBe(true);
  expect(left.granted.map((g) => [g.mission_id, g.waited, g.task_token])).toEqual([['b', true, 'token-b-1']]);
  expect(left.line.holders.map((h) => h.mission_id)).toEqual(['b']);
  expect([...positions(left.line)]).toEqual([['t1#c', 1]]);
  // A waiting mission may leave too (cancelled); leaving twice changes nothing.
  const c = leave(left.line, { tenant_id: 't1', mission_id: 'c' }, 1, at(5), LEASE);
  expect(c.line.waiting).toEqual([]);
  expect(leave(c.line, { tenant_id: 't1', mission_id: 'c' }, 1, at(5), LEASE).left).toBe(false);
  // The same mission id in another tenant is another mission.
  expect(leave(left.line, { tenant_id: 't2', mission_id: 'b' }, 1, at(5), LEASE).left).toBe(false);
});

test("a holder whose lease ran out loses its builder at the line's next change", () => {
  const line = join(EMPTY_LINE, ['a', 'b'], 1);
  const early = enter(line, mission('b'), 1, at(LEASE - 1), LEASE);
  expect(early.outcome.state).toBe('waiting');
  const late = enter(line, mission('b'), 1, at(LEASE), LEASE);
  expect(late.expired.map((h) => h.mission_id)).toEqual(['a']);
  expect(late.outcome).toMatchObject({ state: 'holding', holder: { mission_id: 'b', waited: true } });
  // Any change sweeps: c entering takes a's lapsed builder when nobody waits.
  const lone = join(EMPTY_LINE, ['a'], 1);
  const c = enter(lone, mission('c'), 1, at(LEASE + 1), LEASE);
  expect(c.outcome).toMatchObject({ state: 'holding', holder: { mission_id: 'c', waited: false } });
});

test("a later attempt of a holder that never released frees the earlier attempt's builder", () => {
  const line = join(EMPTY_LINE, ['a', 'b'], 1);
  const next = enter(line, mission('a', 2), 1, at(30), LEASE);
  // a's second attempt goes to the back: b was first in line.
  expect(next.line.holders.map((h) => [h.mission_id, h.attempt])).toEqual([['b', 1]]);
  expect(next.granted.map((g) => g.mission_id)).toEqual(['b']);
  expect(next.outcome).toMatchObject({ state: 'waiting', position: 1 });
});

test('more builders (a raised concurrency) admit the line at the next change', () => {
  const line = join(EMPTY_LINE, ['a', 'b', 'c', 'd'], 1);
  const raised = leave(line, { tenant_id: 't1', mission_id: 'nobody' }, 3, at(1), LEASE);
  expect(raised.granted.map((g) => g.mission_id)).toEqual(['b', 'c']);
  expect(raised.line.waiting.map((w) => w.mission_id)).toEqual(['d']);
});
