/**
 * The CTO consultation loop through the HTTP API of a real local stack (offline consultant and
 * architect): a vague request gets a question, an answer gets a plan, a change request a revised
 * plan, and only "yes, proceed" starts the build, which reaches DEPLOYED with the confirmed
 * features. Nothing builds without a `consultation.confirmed` event carrying its actor. A design
 * image sent with the first message lands byte for byte in the published branch.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { architectStep } from '../../lambdas/app/mission-steps';
import { continueConsultation } from '../../lambdas/app/consultation';
import { tinyPng } from '../helpers/images';
import { startTestStack, type TestStack } from '../helpers/test-stack';

let t: TestStack;
let tenantId = '';
let userId = '';

beforeAll(async () => {
  t = await startTestStack();
  const me = (await t.request('GET', '/gantry/auth/status')).body;
  tenantId = me.tenant.tenant_id;
  userId = me.user.user_id;
  repo = await t.gitRepo();
});

/** The stored mission record (the status view does not show the execution). */
const record = (id: string) => t.stack.services.store.requireMission(tenantId, id);

afterAll(async () => {
  await t?.stop();
});

const consult = (body: Record<string, unknown>) => t.request('POST', '/gantry/consult', body);

let repo = '';
function git(args: string[]): Buffer {
  if (!repo) throw new Error('the tenant repository is not known yet');
  return execFileSync('git', ['--git-dir', repo, ...args]);
}

describe('a scripted consultation from a vague request to a deployed app', () => {
  let id = '';
  let revisedFeatures: string[] = [];

  test('a vague request gets a clarifying question', async () => {
    const res = await consult({ message: 'build me an app' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'NEEDS_INPUT', consultant_status: 'NEEDS_INPUT', app_kind: null, started: false });
    expect(res.body.question).toMatch(/What should the app do\?/);
    expect(res.body.speech).toBe(res.body.question);
    expect(res.body.mission_id).toMatch(/^m-/);
    id = res.body.mission_id;
  });

  test('the answer gets a plan with features, stack and design target', async () => {
    const res = await consult({ message: 'A task manager with priorities', mission_id: id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mission_id: id,
      status: 'NEEDS_CONFIRMATION',
      app_kind: 'tasks',
      proposed_stack: 'static-web',
      design_target: null,
      features: ['local-storage', 'filter', 'priorities'],
    });
    expect(res.body.response).toContain('Shall I build it?');
    expect(res.body.speech).toMatch(/^I can build a task manager with .*\. Shall I build it\?$/);
  });

  test('"add a dark mode" gets a revised plan', async () => {
    const res = await consult({ message: 'add a dark mode', mission_id: id });
    expect(res.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'tasks' });
    expect(res.body.features).toEqual(['dark-mode', 'local-storage', 'filter', 'priorities']);
    expect(res.body.response).toMatch(/^Updated the plan: Added dark mode\./);
    revisedFeatures = res.body.features;
    // Still nothing started.
    expect((await record(id)).execution_arn).toBeNull();
  });

  test('"yes, proceed" starts the mission (202) and it reaches DEPLOYED', async () => {
    const res = await consult({ message: 'yes, proceed', mission_id: id });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ mission_id: id, consultant_status: 'READY_TO_BUILD', started: true });
    expect(res.body.speech).toMatch(/^Confirmed\. Building a task manager now\./);
    const done = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 150_000);
    expect(done.failure).toBeNull();
    expect(done.status).toBe('DEPLOYED');
    expect(done.features).toEqual(revisedFeatures);
    expect(done.source).toBe('consultation');
    expect(done.usage).toBeNull();
  });

  test('the deployed app contains the confirmed features', async () => {
    const status = (await t.request('GET', `/gantry/status/${id}`)).body;
    const html = (await t.fetchApp(status.url)).text;
    expect(html).toContain('id="theme-toggle"'); // dark mode
    expect(html).toContain('id="task-priority"'); // priorities
    expect(html).toContain('id="filters"'); // filter
    const main = (await t.fetchApp(new URL('src/main.js', status.url).toString())).text;
    expect(main).toContain('createStore(storage'); // saved in this browser
    expect(status.attempts[0]).toMatchObject({ ok: true, tests_failed: 0 });
  });

  test('the confirmation is an event with the person as actor, before the mission was queued', async () => {
    const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events;
    const types = events.map((e: any) => e.event_type);
    expect(types.slice(0, 9)).toEqual([
      'consultation.started',
      'consultation.reply',
      'consultation.message',
      'consultation.reply',
      'consultation.message',
      'consultation.reply',
      'consultation.message',
      'consultation.confirmed',
      'mission.created',
    ]);
    const confirmed = events.find((e: any) => e.event_type === 'consultation.confirmed');
    expect(confirmed.actor).toEqual({ type: 'human', id: userId });
    expect(confirmed.status).toBe('READY_TO_BUILD');
    expect(confirmed.data).toMatchObject({
      decision: 'APPROVE',
      reply: 'yes, proceed',
      plan: { kind: 'tasks', features: revisedFeatures },
    });
    expect(confirmed.data.plan_sha256).toMatch(/^[0-9a-f]{64}$/);
    const statuses = events.map((e: any) => e.status).filter(Boolean);
    expect(statuses.slice(0, 6)).toEqual([
      'NEEDS_INPUT',
      'NEEDS_CONFIRMATION',
      'NEEDS_CONFIRMATION',
      'READY_TO_BUILD',
      'QUEUED',
      'ARCHITECTING',
    ]);
    // The sealed evidence carries the decision too.
    const sealed = (await t.request('GET', `/gantry/missions/${id}/evidence`)).body;
    expect(
      sealed.statement.predicate.gantry.events.some((e: any) => e.type === 'consultation.confirmed' && e.actor.type === 'human'),
    ).toBe(true);
  });

  test('GET /gantry/consultation/{id} shows the conversation, plan and status', async () => {
    const res = await t.request('GET', `/gantry/consultation/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mission_id: id,
      status: 'DEPLOYED',
      source: 'consultation',
      pending_question: null,
      design_target: null,
      proposed_stack: 'static-web',
      features: revisedFeatures,
      usage: null,
    });
    expect(res.body.conversation_history.map((turn: any) => turn.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(res.body.conversation_history[6].content).toBe('yes, proceed');
  });

  test('a closed consultation takes no more messages', async () => {
    const res = await consult({ message: 'add export', mission_id: id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONSULTATION_CLOSED');
  });
});

describe('the build follows the confirmed plan', () => {
  test('exactly: a removed default feature stays removed, where the prompt alone would bring it back', async () => {
    const first = await consult({ message: 'a notes app', deploy: false, publish: false });
    expect(first.body.features).toEqual(['local-storage', 'search']);
    const id = first.body.mission_id;
    const removed = await consult({ message: 'remove the search', mission_id: id });
    expect(removed.body.features).toEqual(['local-storage']);
    expect((await consult({ message: 'build it', mission_id: id })).status).toBe(202);
    const done = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 150_000);
    expect(done.status).toBe('DEPLOYED');
    expect(done.features).toEqual(['local-storage']);
    const drafted = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events.find(
      (e: any) => e.event_type === 'architect.drafted',
    );
    expect(drafted.data.plan_sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('nothing builds without an explicit confirmation', () => {
  test('"proceed" before any plan does not build', async () => {
    const res = await consult({ message: 'proceed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'NEEDS_INPUT', started: false });
    expect(res.body.response).toContain('nothing will be built');
    const id = res.body.mission_id;
    const again = await consult({ message: 'go ahead', mission_id: id });
    expect(again.body).toMatchObject({ status: 'NEEDS_INPUT', started: false });
    const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events;
    expect(events.map((e: any) => e.event_type)).not.toContain('mission.created');
    expect(events.map((e: any) => e.event_type)).not.toContain('consultation.confirmed');
    const stored = await record(id);
    expect([stored.status, stored.execution_arn]).toEqual(['NEEDS_INPUT', null]);
  });

  test('a change or a refusal after a plan does not build', async () => {
    const first = await consult({ message: 'a notes app' });
    const id = first.body.mission_id;
    for (const message of ['yes, but add export', 'no, not yet', 'make it look like Notion']) {
      const res = await consult({ message, mission_id: id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', started: false });
    }
    const status = (await t.request('GET', `/gantry/status/${id}`)).body;
    expect(status.status).toBe('NEEDS_CONFIRMATION');
    expect(status.design_target).toBe('NOTION');
  });

  test('the architect step refuses a consultation mission whose plan nobody confirmed', async () => {
    const svc = t.stack.services;
    const turn = await continueConsultation(svc, {
      tenantId,
      actor: { type: 'human', id: 'tester' },
      message: 'a unit converter',
      channel: 'chat',
    });
    expect(turn.mission.status).toBe('NEEDS_CONFIRMATION');
    await expect(
      architectStep(svc, { tenant_id: tenantId, mission_id: turn.mission.mission_id, attempt: 1 }),
    ).rejects.toMatchObject({ code: 'PLAN_NOT_CONFIRMED' });
  });

  test('a second "proceed" racing the first starts one build at most', async () => {
    const first = await consult({ message: 'a pomodoro timer', deploy: false, publish: false });
    const id = first.body.mission_id;
    const results = await Promise.all([
      consult({ message: 'proceed', mission_id: id }),
      consult({ message: 'yes', mission_id: id }),
    ]);
    const codes = results.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 202)).toHaveLength(1);
    expect(codes.every((c) => c === 202 || c === 409)).toBe(true);
    await t.waitFor(id, ['DEPLOYED', 'FAILED'], 150_000);
    const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events;
    expect(events.filter((e: any) => e.event_type === 'mission.created')).toHaveLength(1);
  });
});

describe('a design image', () => {
  const png = tinyPng();

  test('sent with the first message, it is byte-identical at public/design-reference.png in the published branch and named in the PR', async () => {
    const first = await consult({
      message: 'a Trello board for my team',
      image_base64: png.toString('base64'),
      image_filename: 'board-mockup.png',
    });
    expect(first.status).toBe(200);
    expect(first.body.design_reference).toMatchObject({ path: 'public/design-reference.png', bytes: png.length });
    expect(first.body.response).toContain('public/design-reference.png');
    const id = first.body.mission_id;
    const go = await consult({ message: 'go ahead', mission_id: id });
    expect(go.status).toBe(202);
    const done = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 150_000);
    expect(done.status).toBe('DEPLOYED');
    const committed = git(['show', `${done.branch}:public/design-reference.png`]);
    expect(committed.equals(png)).toBe(true);
    const pr = (await t.request('GET', new URL(done.pr_url).pathname)).body;
    expect(pr.body).toContain('Design reference: `public/design-reference.png` (board-mockup.png');
    expect(pr.body).toContain('Built from a plan confirmed in a CTO consultation: a Trello-style board');
    // Stored with the mission too.
    const stored = readFileSync(join(t.dataDir, 'artifacts', 'tenants', tenantId, 'missions', id, 'design-reference.png'));
    expect(stored.equals(png)).toBe(true);
  });

  test('a non-image is refused with 415', async () => {
    const res = await consult({
      message: 'a calculator',
      image_base64: Buffer.from('just text').toString('base64'),
      image_filename: 'notes.png',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_IMAGE_TYPE');
    expect(res.body.error.message).toContain('is not a PNG, JPEG, WebP or GIF image');
  });

  test('a lying extension is refused with 400', async () => {
    const res = await consult({ message: 'a calculator', image_base64: png.toString('base64'), image_filename: 'mockup.jpg' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMAGE_EXTENSION_MISMATCH');
    expect(res.body.error.message).toContain('contains a PNG image');
  });

  test('an oversized image is refused with 413', async () => {
    const limit = t.stack.services.policy.policy.api.max_image_bytes;
    const big = Buffer.concat([png, Buffer.alloc(limit + 1 - png.length)]);
    const res = await consult({ message: 'a calculator', image_base64: big.toString('base64'), image_filename: 'big.png' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('IMAGE_TOO_LARGE');
    expect(res.body.error.message).toContain(`limit (api.max_image_bytes) is ${limit} bytes`);
  });

  test('an image without a filename is a validation error, and no consultation is opened by a refused image', async () => {
    const before = (await t.request('GET', '/gantry/missions?limit=100')).body.missions.length;
    const res = await consult({ message: 'a calculator', image_base64: png.toString('base64') });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect((await t.request('GET', '/gantry/missions?limit=100')).body.missions.length).toBe(before);
  });
});

describe('themes, voice and chat', () => {
  test('GET /gantry/themes lists the versioned themes', async () => {
    const res = await t.request('GET', '/gantry/themes');
    expect(res.status).toBe(200);
    expect(res.body.themes.map((th: any) => th.id)).toEqual(['LINKEDIN', 'TWITTER', 'TRELLO', 'NOTION']);
    expect(res.body.themes[0]).toMatchObject({ version: '1.0.0', kind: 'feed', features: ['local-storage'] });
  });

  test('POST /gantry/voice is the same loop, answering with speech', async () => {
    const res = await t.request('POST', '/gantry/voice', { message: 'I want a Twitter-style timeline' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', design_target: 'TWITTER', app_kind: 'feed' });
    expect(res.body.speech).toBe(
      'I can build a Twitter-style timeline with dark mode, saved in this browser and search. Shall I build it?',
    );
  });

  test('POST /gantry/chat answers architecture questions and builds nothing', async () => {
    const before = (await t.request('GET', '/gantry/missions?limit=100')).body.missions.length;
    const res = await t.request('POST', '/gantry/chat', { message: 'Which stack do the apps use, and how are they tested?' });
    expect(res.status).toBe(200);
    expect(res.body.topics).toEqual(expect.arrayContaining(['stack', 'testing']));
    expect(res.body.answer).toContain('node:test');
    expect(res.body.speech.length).toBeLessThanOrEqual(320);
    expect(res.body.usage).toBeNull();
    expect((await t.request('GET', '/gantry/missions?limit=100')).body.missions.length).toBe(before);
  });

  test('bad input gets a clear 4xx', async () => {
    expect((await consult({ message: '' })).body.error.code).toBe('VALIDATION_ERROR');
    expect((await consult({ message: 'x', tenant_id: 'other' })).body.error.message).toMatch(/unknown field\(s\): tenant_id/);
    expect((await consult({ message: 'x', mission_id: 'm-doesnotexist1' })).status).toBe(404);
    expect((await t.requestAs(null, 'POST', '/gantry/consult', { message: 'a calculator' })).status).toBe(401);
  });
});
