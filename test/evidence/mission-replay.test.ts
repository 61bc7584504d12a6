import {
  checkDecisionContexts,
  contextDigest,
  diffRecords,
  replayMission,
  ReplayError,
} from '../../lambdas/domain/mission-replay';
import type { MissionEvent } from '../../lambdas/domain/mission';
import { rechain } from './fixtures';

const base = {
  mission_id: 'm-1',
  tenant_id: 't-1',
  correlation_id: 'm-1',
  causation_id: null,
  message: '',
  actor: { type: 'system' as const, id: 'g' },
};
const start = {
  mission_id: 'm-1',
  tenant_id: 't-1',
  status: 'QUEUED',
  seq: 0,
  url: null,
  speech: 'queued',
  created_at: '2026-01-01T00:00:00.000Z',
};
const context = {
  plan: { title: 'calc' },
  diff_summary: '3 files',
  tests: { passed: 3, failed: 0 },
  preview_url: 'http://x/',
  cost: 0.01,
};

function log(extra: Array<Partial<MissionEvent>> = []): MissionEvent[] {
  return rechain(
    [
      { type: 'mission.created', status: 'QUEUED', record: start, data: {} },
      { type: 'deploy.live', status: null, data: {}, patch: { url: 'http://x/' } },
      {
        type: 'approval.requested',
        status: 'AWAITING_APPROVAL',
        data: { gate: 'before-publish', context, context_digest: contextDigest(context) },
        patch: { speech: 'waiting for an approver' },
      },
      {
        type: 'decision.recorded',
        status: 'REJECTED',
        data: { gate: 'before-publish', decision: 'REJECT', context_digest: contextDigest(context) },
        patch: { speech: 'rejected' },
      },
      ...extra,
    ].map((e, i) => ({ ...base, seq: i + 1, at: `2026-01-01T00:00:0${i}.000Z`, idempotency_key: `k${i}`, ...e })) as never,
  );
}

test('the fold is generic: statuses it has never heard of replay from the events status field', () => {
  const replayed = replayMission(log());
  expect(replayed).toEqual({
    ...start,
    status: 'REJECTED',
    seq: 4,
    url: 'http://x/',
    speech: 'rejected',
    chain_head: log().at(-1)!.hash,
    updated_at: '2026-01-01T00:00:03.000Z',
  });
});

test('differences are named field by field', () => {
  const replayed = replayMission(log());
  expect(diffRecords(replayed, { ...replayed, speech: 'other', extra: 1 }).map((d) => d.field)).toEqual(['extra', 'speech']);
});

test('a log without its starting record or with a broken chain is refused, not guessed', () => {
  const events = log();
  expect(() => replayMission(rechain(events.map(({ record: _r, ...e }) => e) as never))).toThrow(ReplayError);
  expect(() => replayMission(events.filter((e) => e.seq !== 2))).toThrow(/chain breaks at seq 3/);
});

test("a decision's context digest is recomputed from the approval event; a mismatch is named", () => {
  expect(checkDecisionContexts(log())).toEqual([
    expect.objectContaining({ seq: 4, gate: 'before-publish', ok: true, recomputed: true }),
  ]);
  const other = rechain(
    log().map((e) =>
      e.type === 'decision.recorded' ? { ...e, data: { ...e.data, context_digest: 'sha256:beef' } } : e,
    ) as never,
  );
  expect(checkDecisionContexts(other)[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/decided on sha256:beef/) });
  const edited = rechain(
    log().map((e) =>
      e.type === 'approval.requested' ? { ...e, data: { ...e.data, context: { ...context, cost: 99 } } } : e,
    ) as never,
  );
  expect(checkDecisionContexts(edited)[0]).toMatchObject({
    ok: false,
    detail: expect.stringMatching(/the context hashes to sha256:/),
  });
});
