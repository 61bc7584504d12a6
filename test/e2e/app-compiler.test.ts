/**
 * The app compiler through the real local stack (HTTP API → workflow → sandboxed builder → deploy
 * → publish → seal) with the offline consultant and architect:
 *   - everyday requests of the corpus, submitted as direct builds with the builder slots in
 *     parallel: each ends DEPLOYED with the requested entities and behaviours in the deployed app,
 *     and its generated tests passed in the builder. Every template and every kind of behaviour,
 *     view, field type, entity count, dark mode and interpretation the corpus holds is built this
 *     way, with every sixth of the other requests (test/architect/corpus-sample.ts;
 *     `GANTRY_CORPUS=all` builds them all). Every corpus app passes its own tests and build in
 *     test/architect/app-compiler.test.ts and the policy gate in test/unit/policy-gate.test.ts:
 *     what the stack adds to an app (the gate, the sandbox, deploy, publish, seal) is the same
 *     path for each;
 *   - the corpus of requests no static app can serve: refused with 422 before anything is
 *     recorded, or built as a close reading with interpreted_as and left_out in the status, the
 *     speech, the pull request and the sealed evidence;
 *   - the consultation: habit tracker with streaks → add dark mode → proceed → DEPLOYED with both.
 * GANTRY_CORPUS_LIMIT=n builds only the first n of them.
 */
import { execFileSync } from 'node:child_process';
import { readRequest } from '../../lambdas/domain/architect/compiler/read-request';
import { BUILDABLE_REQUESTS, UNBUILDABLE_REQUESTS } from '../architect/app-request-corpus';
import { corpusSample } from '../architect/corpus-sample';
import { startTestStack, type TestStack } from '../helpers/test-stack';

jest.setTimeout(900_000);

let t: TestStack;
beforeAll(async () => {
  // The corpus is one person submitting its requests in a minute: more than the default bucket
  // allows. The bucket holds every request of it, driven in full (GANTRY_CORPUS=all) or not, and
  // the refusals after them.
  const capacity = BUILDABLE_REQUESTS.length + UNBUILDABLE_REQUESTS.length + 50;
  t = await startTestStack({ policy: { rate_limits: { architect: { capacity, refill_per_minute: 100 } } } });
});
afterAll(async () => {
  await t?.stop();
});

/** Built through the stack: each request that brings a trait of its own, and every sixth of the rest (corpus-sample.ts). */
const CORPUS = corpusSample(6);
const LIMIT = Number(process.env.GANTRY_CORPUS_LIMIT ?? CORPUS.length);
/** Requests sent at once: fewer than the builders' line lets wait (its 200 and the builders). */
const WAVE = 150;

// Apps live on their own origins (<slug>.localhost): the stack's helper reaches them.
async function deployedSpec(url: string): Promise<any> {
  const { text } = await t.fetchApp(new URL('src/spec.js', url).toString());
  const json = /export const SPEC = ([\s\S]*);\s*$/.exec(text)?.[1];
  if (!json) throw new Error(`no spec in the deployed app at ${url}`);
  return JSON.parse(json);
}

// First, alone: the first publish of a tenant creates its repository, and concurrent first
// publishes race on it in the local publisher (a known limitation of that adapter).
describe('a consultation: habit tracker with streaks, then dark mode, then proceed', () => {
  test('ends DEPLOYED with streaks and dark mode', async () => {
    const first = await t.request('POST', '/gantry/consult', { message: 'a habit tracker where I see my streaks' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'custom' });
    expect(first.body.response).toContain('streak per habit');
    const id = first.body.mission_id;
    const second = await t.request('POST', '/gantry/consult', { message: 'add dark mode', mission_id: id });
    expect(second.body.response).toContain('Turned on dark mode');
    expect(second.body.response).toContain('streak per habit');
    const go = await t.request('POST', '/gantry/consult', { message: 'proceed', mission_id: id });
    expect(go.status).toBe(202);
    const done = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 300_000);
    expect(done.failure).toBeNull();
    expect(done.status).toBe('DEPLOYED');
    const spec = await deployedSpec(done.url);
    expect(spec.look.dark).toBe(true);
    expect(spec.behaviours.map((b: any) => b.type)).toContain('streak');
    expect(done.attempts[0]).toMatchObject({ ok: true, tests_failed: 0 });
  });
});

describe('the corpus of everyday requests, built end to end', () => {
  test(`${Math.min(LIMIT, CORPUS.length)} requests end DEPLOYED as what was asked`, async () => {
    const started = Date.now();
    const requests = CORPUS.slice(0, LIMIT);
    // A corpus of at least 30 everyday requests goes through the stack.
    if (LIMIT >= CORPUS.length) expect(requests.length).toBeGreaterThanOrEqual(30);
    // Sent in waves the builders' line holds (it refuses more than 200 waiting missions, as a full
    // line should): each wave is sent at once, the next once it has ended.
    const submitted: { r: (typeof requests)[number]; id: string }[] = [];
    for (let i = 0; i < requests.length; i += WAVE) {
      const wave = await Promise.all(
        requests.slice(i, i + WAVE).map(async (r) => {
          const res = await t.request('POST', '/gantry/architect', { voice_memo: r.prompt });
          expect(res.status).toBe(202);
          return { r, id: res.body.mission_id as string };
        }),
      );
      for (const { id } of wave) await t.waitFor(id, ['DEPLOYED', 'FAILED', 'CANCELLED'], 600_000);
      submitted.push(...wave);
    }
    const problems: string[] = [];
    for (const { r, id } of submitted) {
      const done = await t.waitFor(id, ['DEPLOYED', 'FAILED', 'CANCELLED'], 600_000);
      if (done.status !== 'DEPLOYED') {
        problems.push(`${r.prompt}: ${done.status} ${JSON.stringify(done.failure)}`);
        continue;
      }
      if (!done.attempts[0]?.ok || done.attempts[0].tests_failed !== 0) problems.push(`${r.prompt}: tests did not pass`);
      const html = (await t.fetchApp(done.url)).text;
      if (r.builds === 'spec') {
        if (!html.includes('data-app-kind="compiled"')) problems.push(`${r.prompt}: not a compiled app`);
        const spec = await deployedSpec(done.url);
        const names = spec.entities.map((e: any) => e.name);
        const types = spec.behaviours.map((b: any) => b.type);
        for (const e of r.entities ?? []) if (!names.includes(e)) problems.push(`${r.prompt}: no entity ${e}`);
        for (const b of r.behaviours ?? []) if (!types.includes(b)) problems.push(`${r.prompt}: no behaviour ${b}`);
        for (const [label, type] of Object.entries(r.fields ?? {})) {
          const field = spec.entities[0].fields.find((f: any) => f.label === label);
          if (field?.type !== type) problems.push(`${r.prompt}: field ${label} is ${field?.type ?? 'missing'}, not ${type}`);
        }
        if ((r.dark ?? false) !== spec.look.dark) problems.push(`${r.prompt}: dark mode ${spec.look.dark}`);
        const tests = await t.fetchApp(new URL('src/model.js', done.url).toString());
        if (tests.status !== 200) problems.push(`${r.prompt}: model.js not deployed`);
      } else if (!html.includes(`data-app-kind="${r.builds}"`)) {
        problems.push(`${r.prompt}: expected the ${r.builds} template`);
      }
      if ((r.interpreted ?? false) !== (done.interpreted_as !== null))
        problems.push(`${r.prompt}: interpreted_as ${done.interpreted_as}`);
    }
    console.log(
      `${requests.length} corpus apps DEPLOYED through the local stack in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(problems).toEqual([]);
  });
});

describe('requests no static web app can serve never end DEPLOYED as something else', () => {
  const refused = UNBUILDABLE_REQUESTS.filter((r) => r.outcome === 'refused');
  const interpreted = UNBUILDABLE_REQUESTS.filter((r) => r.outcome === 'interpreted');

  test.each(refused.map((r) => [r.prompt, r] as const))('refused with 422 before anything is recorded: %s', async (_p, r) => {
    const before = (await t.request('GET', '/gantry/missions')).body;
    const res = await t.request('POST', '/gantry/architect', { voice_memo: r.prompt });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(r.code);
    expect(res.body.error.message).toContain(r.mentions);
    const after = (await t.request('GET', '/gantry/missions')).body;
    expect(JSON.stringify(after.missions?.length ?? after)).toBe(JSON.stringify(before.missions?.length ?? before));
  });

  test('close readings are built, and say what they are and what they leave out everywhere', async () => {
    const submitted = await Promise.all(
      interpreted.map(async (r) => {
        const res = await t.request('POST', '/gantry/architect', { voice_memo: r.prompt });
        expect(res.status).toBe(202);
        expect(res.body.interpreted_as).toEqual(expect.any(String));
        expect(res.body.left_out.join(' ')).toContain(r.mentions);
        expect(res.body.speech).toContain(`I will build ${res.body.interpreted_as}.`);
        expect(res.body.speech).toContain('Left out, because the app built here cannot do it');
        return { r, id: res.body.mission_id as string, interpretedAs: res.body.interpreted_as as string };
      }),
    );
    const repo = await t.gitRepo();
    for (const { r, id, interpretedAs } of submitted) {
      const done = await t.waitFor(id, ['DEPLOYED', 'FAILED', 'CANCELLED'], 600_000);
      expect(done.status).toBe('DEPLOYED');
      expect(done.interpreted_as).toBe(interpretedAs);
      expect(done.left_out.join(' ')).toContain(r.mentions);
      const reading = readRequest(r.prompt);
      if (reading.outcome === 'spec') expect((await deployedSpec(done.url)).phrase).toBe(reading.spec.phrase);
      const sealed = (await t.request('GET', `/gantry/missions/${id}/evidence`)).body;
      expect(sealed.statement.predicate.gantry.mission).toMatchObject({ interpreted_as: interpretedAs, left_out: done.left_out });
      const created = sealed.statement.predicate.gantry.events.find((e: any) => e.type === 'mission.created');
      expect(created.data.interpreted_as).toBe(interpretedAs);
      const pr = await t.request('GET', new URL(done.pr_url).pathname);
      expect(pr.text).toContain(`Interpreted as: ${interpretedAs}`);
      expect(pr.text).toContain('Left out (the app built here cannot do it)');
      // The default branch is never where the reading lands.
      expect(execFileSync('git', ['--git-dir', repo, 'branch', '--format=%(refname:short)']).toString()).toContain(done.branch);
    }
  });
});
