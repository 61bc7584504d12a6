import { createHash } from 'node:crypto';
import { removeStackDirs, startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

/**
 * Human authority as a workflow state, end to end on the local stack (the same ASL as on AWS):
 * a policy gate stops the mission in AWAITING_APPROVAL on a task token; only a role the gate names
 * may decide; REJECT ends it REJECTED with the decision sealed; APPROVE carries it on to DEPLOYED;
 * racing decisions have one winner; a wait survives a restart; a timeout escalates, then rejects.
 */

jest.setTimeout(900_000);

const PASSWORD = 'a-long-enough-password';
const FINAL = ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'];

const publishGate = {
  gates: [{ name: 'before-publish', when: 'always', roles: ['approver'], timeout_s: 300, on_timeout: 'reject' }],
};
const escalatingDeployGate = {
  gates: [
    { name: 'before-deploy', when: 'always', roles: ['approver'], timeout_s: 6, on_timeout: 'escalate', escalate_to: ['owner'] },
  ],
};

let t: TestStack | undefined;
afterAll(async () => {
  await t?.stop();
  // A stack started again on the same data directory leaves it to its maker.
  if (t) removeStackDirs(t.dataDir);
});

type Ev = { event_type: string; status: string | null; data: Record<string, any>; actor: { id: string } };

async function events(stack: TestStack, id: string): Promise<Ev[]> {
  return (await stack.request('GET', `/gantry/missions/${id}/events`)).body.events as Ev[];
}

async function submit(stack: TestStack, prompt: string): Promise<string> {
  const res = await stack.request('POST', '/gantry/architect', { voice_memo: prompt });
  expect(res.status).toBe(202);
  return res.body.mission_id as string;
}

/** An independent RFC 8785 form of plain JSON (keys by UTF-16 code units, JSON.stringify leaves). */
function jcs(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  const keys = Object.keys(v as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

test('gates, roles, decisions, races, cancel, restart, escalation and timeouts', async () => {
  t = await startTestStack({ policy: { approvals: publishGate } });
  const dataDir = t.dataDir;
  for (const [email, role] of [
    ['approver@gantry.test', 'approver'],
    ['member@gantry.test', 'member'],
  ] as const) {
    expect((await t.request('POST', '/gantry/users', { email, password: PASSWORD, role })).status).toBe(201);
  }
  let approver = await t.login('approver@gantry.test', PASSWORD);
  let member = await t.login('member@gantry.test', PASSWORD);

  const approved = await submit(t, 'Build a calculator');
  const rejected = await submit(t, 'Build a tip calculator');
  const restarted = await submit(t, 'Build a notes app');
  const cancelled = await submit(t, 'Build a countdown timer');
  const ids = [approved, rejected, restarted, cancelled];
  for (const id of ids) {
    const s = await t.waitFor(id, ['AWAITING_APPROVAL', ...FINAL], 300_000);
    expect(s.status).toBe('AWAITING_APPROVAL');
  }

  // --- What waits, and for whom.
  const waiting = (await t.request('GET', `/gantry/status/${approved}`)).body;
  expect(waiting.awaiting).toMatchObject({ gate: 'before-publish', roles: ['approver'], on_timeout: 'reject' });
  expect(Date.parse(waiting.awaiting.expires_at) - Date.parse(waiting.awaiting.requested_at)).toBe(300_000);
  // Deployed before the gate, not yet published.
  expect(waiting.url).toBeTruthy();
  expect(waiting.pr_url).toBeNull();
  const listed = (await t.requestAs(approver, 'GET', '/gantry/decisions')).body.decisions as Array<{ mission_id: string }>;
  expect(listed.map((d) => d.mission_id).sort()).toEqual([...ids].sort());
  expect((await t.requestAs(member, 'GET', '/gantry/decisions')).body.decisions).toEqual([]);
  expect((await t.request('GET', '/gantry/decisions')).body.decisions).toEqual([]);

  const ctx = (await t.requestAs(approver, 'GET', `/gantry/missions/${approved}/decision-context`)).body;
  expect(ctx).toMatchObject({ mission_id: approved, gate: 'before-publish' });
  expect(ctx.context.preview_url).toBe(waiting.url);
  expect(ctx.context_digest).toBe(`sha256:${createHash('sha256').update(jcs(ctx.context)).digest('hex')}`);
  const requested = (await events(t, approved)).find((e) => e.event_type === 'approval.requested')!;
  expect(requested.status).toBe('AWAITING_APPROVAL');
  expect(requested.data.context_digest).toBe(ctx.context_digest);

  // --- Who may decide: a member never; the owner not at a gate that names only approvers.
  const body = { decision: 'APPROVE', justification: 'Looks right to me' };
  const byMember = await t.requestAs(member, 'POST', `/gantry/missions/${approved}/decisions`, body);
  expect(byMember.status).toBe(403);
  expect(byMember.body.error.code).toBe('FORBIDDEN');
  const byOwner = await t.request('POST', `/gantry/missions/${approved}/decisions`, body);
  expect(byOwner.status).toBe(403);
  expect(byOwner.body.error.code).toBe('FORBIDDEN');
  const noReason = await t.requestAs(approver, 'POST', `/gantry/missions/${approved}/decisions`, { decision: 'APPROVE' });
  expect(noReason.status).toBe(400);
  const blank = await t.requestAs(approver, 'POST', `/gantry/missions/${approved}/decisions`, { ...body, justification: ' ' });
  expect(blank.status).toBe(400);

  // --- Two racing decisions: exactly one wins.
  const race = await Promise.all([
    t.requestAs(approver, 'POST', `/gantry/missions/${approved}/decisions`, { ...body, context_digest: ctx.context_digest }),
    t.requestAs(approver, 'POST', `/gantry/missions/${approved}/decisions`, { decision: 'REJECT', justification: 'No' }),
  ]);
  expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
  const loser = race.find((r) => r.status === 409)!;
  expect(loser.body.error.code).toBe('NOT_AWAITING_DECISION');
  const winner = race.find((r) => r.status === 200)!;
  const approvedEnd = await t.waitFor(approved, FINAL, 300_000);
  expect(approvedEnd.status).toBe(winner.body.decision === 'APPROVE' ? 'DEPLOYED' : 'REJECTED');
  const decisions = (await events(t, approved)).filter((e) => e.event_type === 'decision.recorded');
  expect(decisions).toHaveLength(1);
  expect(decisions[0]!.data).toMatchObject({ gate: 'before-publish', role: 'approver', actor_email: 'approver@gantry.test' });
  expect(decisions[0]!.data.context_digest).toBe(ctx.context_digest);
  // Not waiting any more: 409.
  const late = await t.requestAs(approver, 'POST', `/gantry/missions/${approved}/decisions`, body);
  expect(late.status).toBe(409);
  expect(late.body.error.code).toBe('NOT_AWAITING_DECISION');

  // --- REJECT: a sealed REJECTED ending that carries the justification.
  const reason = 'The brand colours are wrong';
  const rej = await t.requestAs(approver, 'POST', `/gantry/missions/${rejected}/decisions`, {
    decision: 'REJECT',
    justification: reason,
  });
  expect(rej.status).toBe(200);
  expect(rej.body).toMatchObject({ mission_id: rejected, decision: 'REJECT' });
  const rejectedEnd = await t.waitFor(rejected, FINAL, 120_000);
  expect(rejectedEnd.status).toBe('REJECTED');
  expect(rejectedEnd.pr_url).toBeNull();
  expect(rejectedEnd.awaiting).toBeNull();
  const evidence = await t.request('GET', `/gantry/missions/${rejected}/evidence`);
  expect(evidence.status).toBe(200);
  expect(evidence.text).toContain(reason);
  expect(evidence.text).toContain('REJECTED');
  const rejectedEvents = await events(t, rejected);
  expect(rejectedEvents.at(-1)).toMatchObject({ event_type: 'status', status: 'REJECTED' });
  expect(rejectedEvents.some((e) => e.event_type === 'publish.opened')).toBe(false);

  // --- Cancel while waiting: CANCELLED, and the wait no longer takes a decision.
  expect((await t.request('POST', `/gantry/missions/${cancelled}/cancel`, {})).status).toBe(200);
  expect((await t.waitFor(cancelled, FINAL, 60_000)).status).toBe('CANCELLED');
  const onCancelled = await t.requestAs(approver, 'POST', `/gantry/missions/${cancelled}/decisions`, body);
  expect(onCancelled.status).toBe(409);

  // --- A restart while waiting: still waiting afterwards, and decidable.
  await t.stack.stop();
  t = await startTestStack({ dataDir, policy: { approvals: publishGate } });
  expect(t.stack.notices.join('\n')).toMatch(/Resumed 1 interrupted execution/);
  approver = await t.login('approver@gantry.test', PASSWORD);
  expect((await t.request('GET', `/gantry/status/${restarted}`)).body.status).toBe('AWAITING_APPROVAL');
  const afterRestart = await t.requestAs(approver, 'POST', `/gantry/missions/${restarted}/decisions`, {
    decision: 'OVERRIDE',
    justification: 'Ship it; the known issue is tracked',
  });
  expect(afterRestart.status).toBe(200);
  const restartedEnd = await t.waitFor(restarted, FINAL, 300_000);
  expect(restartedEnd.status).toBe('DEPLOYED');
  expect(restartedEnd.pr_url).toBeTruthy();

  // --- A short gate before deploy that escalates to the owner, then rejects.
  await t.stack.stop();
  t = await startTestStack({ dataDir, policy: { approvals: escalatingDeployGate } });
  approver = await t.login('approver@gantry.test', PASSWORD);
  member = await t.login('member@gantry.test', PASSWORD);
  const escalated = await submit(t, 'Build a unit converter');
  const silent = await submit(t, 'Build a task list');
  // The owner decides as soon as the wait is escalated to them.
  const deadline = Date.now() + 300_000;
  let escalatedTo: any = null;
  while (Date.now() < deadline) {
    const s = (await t.request('GET', `/gantry/status/${escalated}`)).body;
    if (FINAL.includes(s.status)) break;
    if (s.awaiting?.roles?.includes('owner')) {
      escalatedTo = s.awaiting;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(escalatedTo).toMatchObject({ gate: 'before-deploy', roles: ['owner'], on_timeout: 'reject' });
  const ownerDecides = await t.request('POST', `/gantry/missions/${escalated}/decisions`, {
    decision: 'APPROVE',
    justification: 'Escalated to me; approved',
  });
  expect(ownerDecides.status).toBe(200);
  expect((await t.waitFor(escalated, FINAL, 300_000)).status).toBe('DEPLOYED');
  const escalatedEvents = await events(t, escalated);
  expect(escalatedEvents.find((e) => e.event_type === 'approval.escalated')?.data).toMatchObject({
    gate: 'before-deploy',
    from_roles: ['approver'],
    to_roles: ['owner'],
  });
  expect(escalatedEvents.find((e) => e.event_type === 'decision.recorded')?.data).toMatchObject({
    role: 'owner',
    actor_email: TEST_ADMIN.email,
  });

  // Nobody decides at all: escalated, then rejected by the timeout, sealed, never deployed.
  const silentEnd = await t.waitFor(silent, FINAL, 300_000);
  expect(silentEnd.status).toBe('REJECTED');
  expect(silentEnd.url).toBeNull();
  const silentEvents = await events(t, silent);
  expect(silentEvents.map((e) => e.event_type)).toEqual(
    expect.arrayContaining(['approval.requested', 'approval.escalated', 'approval.timed_out']),
  );
  expect(silentEvents.find((e) => e.event_type === 'approval.timed_out')?.data).toMatchObject({
    gate: 'before-deploy',
    action: 'reject',
  });
  expect(silentEvents.at(-1)).toMatchObject({ status: 'REJECTED' });
  expect(silentEnd.evidence_key).toBeTruthy();
  // Every status the mission passed through is an event: a fold of the log gives its status.
  expect(silentEvents.filter((e) => e.status).at(-1)?.status).toBe(silentEnd.status);
});
