import { replayMission } from '../../lambdas/domain/mission-replay';
import { verifyEvidenceText } from '../../lambdas/domain/evidence-verify';
import { dataDirPublicKey } from '../../local/cli-verify';
import { replayCommand, reportReplay, type MissionLog } from '../../local/cli-replay';
import { mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * Twenty missions of every ending this tree can produce (deployed, deployed after a heal, deployed
 * without deploy or publish, failed after heals, cancelled, retried) replay from their event logs
 * to exactly their stored records, and their sealed evidence verifies against the stack's key.
 */
const broken =
  'export const add = (a, b) => a - b;\nexport const subtract = (a, b) => a - b;\nexport const multiply = (a, b) => a * b;\n';
const architect = new ScriptedArchitect(
  (prompt) => (/broken|healed/.test(prompt) ? mathApp({ math: broken }) : mathApp({})),
  (input) => (/healed/.test(input.prompt) ? mathApp({}) : mathApp({ math: `${broken}// still wrong\n` })),
);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ architect, policy: { mission: { max_attempts: 2 } } });
});
afterAll(async () => t?.stop());

async function submit(prompt: string, options: { deploy?: boolean; publish?: boolean } = {}): Promise<string> {
  const res = await t.request('POST', '/gantry/architect', { voice_memo: prompt, ...options });
  expect(res.status).toBe(202);
  return res.body.mission_id as string;
}

const lines: string[] = [];
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };

test('20 missions of every ending replay exactly to their stored state', async () => {
  const ids: Record<string, string[]> = { deployed: [], healed: [], failed: [], cancelled: [], retried: [] };
  for (let i = 0; i < 4; i++) ids.deployed!.push(await submit(`a calculator number ${i}`));
  ids.deployed!.push(await submit('a calculator kept private', { publish: false }));
  ids.deployed!.push(await submit('a calculator not deployed', { deploy: false }));
  ids.deployed!.push(await submit('a calculator neither', { deploy: false, publish: false }));
  for (let i = 0; i < 3; i++) ids.healed!.push(await submit(`a healed calculator ${i}`));
  for (let i = 0; i < 4; i++) ids.failed!.push(await submit(`a broken calculator ${i}`, { deploy: false }));
  for (let i = 0; i < 5; i++) {
    const id = await submit(`a calculator to cancel ${i}`);
    expect((await t.request('POST', `/gantry/missions/${id}/cancel`)).status).toBe(200);
    ids.cancelled!.push(id);
  }
  const retry = await t.request('POST', `/gantry/missions/${ids.cancelled![0]}/retry`);
  expect(retry.status).toBe(202);
  ids.retried!.push(retry.body.mission_id as string);
  const all = Object.values(ids).flat();
  expect(all).toHaveLength(20);

  const finals: Record<string, string> = {};
  for (const id of all) finals[id] = (await t.waitFor(id, ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'], 300_000)).status;
  expect(ids.deployed!.concat(ids.healed!, ids.retried!).map((id) => finals[id])).toEqual(Array(11).fill('DEPLOYED'));
  expect(ids.failed!.map((id) => finals[id])).toEqual(Array(4).fill('FAILED'));
  expect(ids.cancelled!.map((id) => finals[id])).toEqual(Array(5).fill('CANCELLED'));

  const key = dataDirPublicKey(t.dataDir);
  for (const id of all) {
    const log = (await t.request('GET', `/gantry/missions/${id}/log`)).body as MissionLog;
    // On a mismatch the failure shows the replay report (the fields that differ).
    const from = lines.length;
    expect(reportReplay(id, log, io) ? 'replays' : lines.slice(from).join('\n')).toBe('replays');
    // Exactly, field for field: the record rebuilt from the events alone is the stored one.
    expect(replayMission(log.events)).toEqual(log.record);
    const sealed = await t.request('GET', `/gantry/missions/${id}/evidence`);
    expect(sealed.status).toBe(200);
    const verdict = verifyEvidenceText(JSON.stringify(sealed.body.envelope), key);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.statement!.predicate.gantry.outcome).toBe(finals[id]);
  }
  // The facts that used to be written beside the log now come from it.
  const healed = (await t.request('GET', `/gantry/missions/${ids.healed![0]}/log`)).body as MissionLog;
  expect(healed.record.attempts).toHaveLength(2);
  expect(healed.record.execution_arn).toBeTruthy();
  const cancelled = (await t.request('GET', `/gantry/missions/${ids.cancelled![0]}/log`)).body as MissionLog;
  expect(cancelled.record).toMatchObject({ retried_by: ids.retried![0], evidence_key: expect.stringMatching(/evidence-/) });
}, 600_000);

test('a stored record that no longer matches its log is named field by field, exit 1', async () => {
  const [first] = (await t.request('GET', '/gantry/missions?limit=1')).body.missions as Array<{ mission_id: string }>;
  const log = (await t.request('GET', `/gantry/missions/${first!.mission_id}/log`)).body as MissionLog;
  const out: string[] = [];
  const edited = { ...log, record: { ...log.record, url: 'http://elsewhere.example/', speech: 'edited' } };
  expect(reportReplay(first!.mission_id, edited, { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(false);
  expect(out.join('\n')).toMatch(/FAIL replay +2 field\(s\) differ/);
  expect(out.join('\n')).toMatch(/^ {7}speech: replayed .* \| stored "edited"$/m);
  // A removed event: the chain breaks and the replay refuses to guess.
  const removed = { ...log, events: log.events.filter((e) => e.seq !== 2) };
  const out2: string[] = [];
  expect(reportReplay(first!.mission_id, removed, { out: (l) => out2.push(l), err: (l) => out2.push(l) })).toBe(false);
  expect(out2[0]).toMatch(/FAIL replay +The event chain breaks at seq 3/);
});

test('gantry replay reads a stack with the session token', async () => {
  const [first] = (await t.request('GET', '/gantry/missions?limit=1')).body.missions as Array<{ mission_id: string }>;
  const out: string[] = [];
  const before = process.env.GANTRY_TOKEN;
  process.env.GANTRY_TOKEN = t.token;
  try {
    const code = await replayCommand(
      [first!.mission_id, '--stack', t.url],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      'http://unused',
    );
    expect(out.at(-1)).toMatch(/replays exactly from its event log/);
    expect(code).toBe(0);
  } finally {
    if (before === undefined) delete process.env.GANTRY_TOKEN;
    else process.env.GANTRY_TOKEN = before;
  }
  expect(await replayCommand([], io, t.url)).toBe(2);
});
