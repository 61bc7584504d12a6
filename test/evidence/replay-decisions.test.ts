import { checkDecisionContexts, replayMission } from '../../lambdas/domain/mission-replay';
import { verifyEvidenceText } from '../../lambdas/domain/evidence-verify';
import { dataDirPublicKey } from '../../local/cli-verify';
import { reportReplay, type MissionLog } from '../../local/cli-replay';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * Missions that waited at an approval gate replay from their event logs to exactly their stored
 * records too: approved (DEPLOYED), overridden (DEPLOYED), rejected (REJECTED) and cancelled while
 * waiting. Their sealed evidence verifies, and carries each decision as it was made.
 */
const PASSWORD = 'a-long-enough-password';
const FINAL = ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'];

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({
    policy: {
      approvals: {
        gates: [{ name: 'before-publish', when: 'always', roles: ['approver'], timeout_s: 600, on_timeout: 'reject' }],
      },
    },
  });
});
afterAll(async () => t?.stop());

test('approved, overridden, rejected and cancelled-while-waiting missions replay exactly; decisions are sealed', async () => {
  expect(
    (await t.request('POST', '/gantry/users', { email: 'approver@gantry.test', password: PASSWORD, role: 'approver' })).status,
  ).toBe(201);
  const approver = await t.login('approver@gantry.test', PASSWORD);
  const plan: Array<{ decision: 'APPROVE' | 'OVERRIDE' | 'REJECT' | null; final: string }> = [
    { decision: 'APPROVE', final: 'DEPLOYED' },
    { decision: 'APPROVE', final: 'DEPLOYED' },
    { decision: 'OVERRIDE', final: 'DEPLOYED' },
    { decision: 'REJECT', final: 'REJECTED' },
    { decision: 'REJECT', final: 'REJECTED' },
    { decision: null, final: 'CANCELLED' },
  ];
  const ids: string[] = [];
  for (let i = 0; i < plan.length; i++) {
    const res = await t.request('POST', '/gantry/architect', { voice_memo: `Build a calculator number ${i}` });
    expect(res.status).toBe(202);
    ids.push(res.body.mission_id as string);
  }
  for (const [i, id] of ids.entries()) {
    expect((await t.waitFor(id, ['AWAITING_APPROVAL', ...FINAL], 300_000)).status).toBe('AWAITING_APPROVAL');
    const step = plan[i]!;
    if (step.decision) {
      const ctx = await t.requestAs(approver, 'GET', `/gantry/missions/${id}/decision-context`);
      expect(ctx.status).toBe(200);
      const decided = await t.requestAs(approver, 'POST', `/gantry/missions/${id}/decisions`, {
        decision: step.decision,
        justification: `${step.decision.toLowerCase()} after reading the diff (${i})`,
        context_digest: ctx.body.context_digest,
      });
      expect(decided.status).toBe(200);
    } else {
      expect((await t.request('POST', `/gantry/missions/${id}/cancel`)).status).toBe(200);
    }
  }
  const key = dataDirPublicKey(t.dataDir);
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  for (const [i, id] of ids.entries()) {
    expect((await t.waitFor(id, FINAL, 300_000)).status).toBe(plan[i]!.final);
    const log = (await t.request('GET', `/gantry/missions/${id}/log`)).body as MissionLog;
    expect(reportReplay(id, log, io)).toBe(true);
    expect(replayMission(log.events)).toEqual(log.record);
    // Each decision's context digest is recomputed from the context the gate's event carried.
    for (const c of checkDecisionContexts(log.events)) expect(c).toMatchObject({ ok: true, recomputed: true });
    const sealed = await t.request('GET', `/gantry/missions/${id}/evidence`);
    expect(sealed.status).toBe(200);
    const verdict = verifyEvidenceText(JSON.stringify(sealed.body.envelope), key);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    const g = verdict.statement!.predicate.gantry;
    expect(g.outcome).toBe(plan[i]!.final);
    const decisions = g.decisions;
    if (plan[i]!.decision) {
      expect(decisions.map((d) => d.data.decision)).toEqual([plan[i]!.decision]);
      expect(String(decisions[0]!.data.justification)).toContain(`(${i})`);
    } else expect(decisions).toEqual([]);
  }
}, 900_000);
