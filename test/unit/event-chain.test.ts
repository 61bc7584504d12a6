import { canonicalJson, chainHash, GENESIS_HASH, verifyChain } from '../../lambdas/domain/event-chain';

function chain(n: number) {
  const events: Array<Record<string, unknown> & { seq: number; prev_hash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, type: 'status', message: `step ${seq}`, data: { b: 2, a: [1, { z: 1, y: null }] }, prev_hash: prev };
    const hash = chainHash(prev, body);
    events.push({ ...body, hash });
    prev = hash;
  }
  return events;
}

describe('event chain', () => {
  test('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  test('an intact chain verifies and reports its head', () => {
    const events = chain(5);
    expect(verifyChain(events)).toEqual({ ok: true, head: events[4]!.hash });
  });

  test('editing any event breaks the chain at that event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, message: 'tampered' };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  test('dropping or reordering events is detected', () => {
    const events = chain(4);
    expect(verifyChain([events[0]!, events[2]!, events[3]!])).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verifyChain([events[1]!, events[0]!])).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
