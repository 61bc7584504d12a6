/**
 * The whole stack with a model behind the LLM boundary: GANTRY_LLM_PROVIDER=bedrock and
 * GANTRY_ARCHITECT=llm, the real Bedrock Runtime client pointed (GANTRY_LLM_ENDPOINT) at a local
 * HTTP/2 server that answers Converse requests like Bedrock. The consultant, the architect and
 * chat go through it; token usage and estimated cost show on the mission, in the status and in
 * the consultation; and a model that says READY_TO_BUILD without a confirmation is overruled.
 *
 * What this cannot prove: real model quality, Bedrock's acceptance of the signature, IAM, or
 * real latency and throttling (see test/llm/bedrock-wire.test.ts for the wire details).
 */
import { continueConsultation } from '../../lambdas/app/consultation';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import type { ConsultantResponse } from '../../lambdas/domain/consultation';
import { converseToolUse, ScriptedLlmServer, type RecordedRequest, type ScriptedReply } from '../helpers/fake-llm-servers';
import { startTestStack, type TestStack } from '../helpers/test-stack';

const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
// List price of that model: $0.80 / $4.00 per million input / output tokens.
const CONSULT_TOKENS = { inputTokens: 1000, outputTokens: 200 };
const ARCHITECT_TOKENS = { inputTokens: 3000, outputTokens: 9000 };

const PLAN: ConsultantResponse = {
  response: 'I can build a calculator with a history of results. Shall I build it?',
  status: 'NEEDS_CONFIRMATION',
  question: null,
  app_kind: 'calculator',
  design_target: null,
  proposed_stack: 'static-web',
  build_prompt: 'Build a calculator with history.',
  features: ['history'],
  confidence: 0.95,
};

/** A model that plans on the first turn and (wrongly) says READY_TO_BUILD to anything after. */
function bedrock(req: RecordedRequest): ScriptedReply {
  const tool = req.body.toolConfig.tools[0].toolSpec.name as string;
  if (tool === 'gantry_manifest') {
    const manifest = draftManifest({ prompt: 'a calculator', kind: 'calculator', features: ['history'] });
    return converseToolUse('gantry_manifest', manifest, ARCHITECT_TOKENS);
  }
  if (tool === 'answer') return converseToolUse('answer', { answer: 'Static web apps tested with node:test.' }, CONSULT_TOKENS);
  const system = req.body.system[0].text as string;
  if (system.includes('No plan is awaiting confirmation.')) return converseToolUse('consultant_response', PLAN, CONSULT_TOKENS);
  return converseToolUse(
    'consultant_response',
    { ...PLAN, status: 'READY_TO_BUILD', response: 'Building it now.' },
    CONSULT_TOKENS,
  );
}

let server: ScriptedLlmServer;
let t: TestStack;

beforeAll(async () => {
  server = new ScriptedLlmServer(bedrock, { http2: true });
  await server.start();
  t = await startTestStack({
    env: {
      GANTRY_LLM_PROVIDER: 'bedrock',
      GANTRY_LLM_ENDPOINT: server.url,
      GANTRY_LLM_MODEL: MODEL,
      GANTRY_ARCHITECT: 'llm',
    },
  });
});

afterAll(async () => {
  await t?.stop();
  await server?.stop();
});

describe('a consultation and a build through Bedrock', () => {
  let id = '';

  test("the first turn is the model's plan, with its tokens and cost on the mission", async () => {
    const res = await t.request('POST', '/gantry/consult', { message: 'a calculator that keeps a history' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'calculator', features: ['history'] });
    expect(res.body.usage).toMatchObject({
      calls: 1,
      input_tokens: 1000,
      output_tokens: 200,
      total_tokens: 1200,
      estimated_cost_usd: 0.0016,
      models: [`bedrock:${MODEL}`],
    });
    id = res.body.mission_id;
    const req = server.requests.at(-1)!;
    expect(req.path).toBe(`/model/${encodeURIComponent(MODEL)}/converse`);
    expect(req.body.toolConfig.toolChoice).toEqual({ tool: { name: 'consultant_response' } });
  });

  test('a model saying READY_TO_BUILD to a change request is overruled: nothing starts', async () => {
    const res = await t.request('POST', '/gantry/consult', { message: 'make the buttons blue', mission_id: id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', consultant_status: 'NEEDS_CONFIRMATION', started: false });
    expect(res.body.response).toContain('confirm the plan explicitly: say "proceed"');
    const reply = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events.at(-1);
    expect(reply.data.overridden).toBe('READY_TO_BUILD without an explicit confirmation of the current plan');
    // The conversation so far went to the model with this turn.
    expect(server.requests.at(-1)!.body.messages.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  test('"proceed" starts the build; the model-drafted app is deployed, and every call is on the mission', async () => {
    const res = await t.request('POST', '/gantry/consult', { message: 'proceed', mission_id: id });
    expect(res.status).toBe(202);
    const done = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 150_000);
    expect(done.failure).toBeNull();
    expect(done.status).toBe('DEPLOYED');
    const architectCall = server.requests.find((r) => r.body.toolConfig.tools[0].toolSpec.name === 'gantry_manifest');
    expect(architectCall?.body.messages[0].content[0].text).toContain('Features (all required): History');
    // 3 consultant turns + 1 architect draft.
    const expected = {
      calls: 4,
      requests: 4,
      input_tokens: 3 * 1000 + 3000,
      output_tokens: 3 * 200 + 9000,
      total_tokens: 3 * 1200 + 12000,
      estimated_cost_usd: 0.0432,
    };
    expect(done.usage).toMatchObject(expected);
    expect(done.usage.by_purpose.architect).toMatchObject({
      calls: 1,
      input_tokens: 3000,
      output_tokens: 9000,
      estimated_cost_usd: 0.0384,
    });
    expect(done.usage.by_purpose.consultant).toMatchObject({ calls: 3, estimated_cost_usd: 0.0048 });
    const consultation = (await t.request('GET', `/gantry/consultation/${id}`)).body;
    expect(consultation.usage).toMatchObject(expected);
    const drafted = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events.find(
      (e: any) => e.event_type === 'architect.drafted',
    );
    expect(drafted.actor).toEqual({ type: 'agent', id: `architect:bedrock:${MODEL}` });
    expect(drafted.data.usage[0]).toMatchObject({ purpose: 'architect', input_tokens: 3000 });
  });

  test('a model that keeps answering malformed output fails the turn cleanly (502), keeping the message and the tokens spent', async () => {
    server.setReply((req) =>
      req.body.toolConfig.tools[0].toolSpec.name === 'consultant_response'
        ? converseToolUse('consultant_response', { response: 'ok', status: 'MAYBE' }, CONSULT_TOKENS)
        : bedrock(req),
    );
    try {
      const res = await t.request('POST', '/gantry/consult', { message: 'a notes app' });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('LLM_OUTPUT_INVALID');
      const id = res.body.error.details.mission_id;
      const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events;
      // No turn is recorded; the tokens the failed call spent are (an event, so the log accounts for them).
      expect(events.map((e: any) => e.event_type)).toEqual(['consultation.started', 'llm.usage']);
      expect(events[1].data).toEqual({ calls: 1 });
      const consultation = (await t.request('GET', `/gantry/consultation/${id}`)).body;
      expect(consultation).toMatchObject({ status: 'NEEDS_INPUT', conversation_history: [] });
      expect(consultation.usage).toMatchObject({ calls: 1, requests: 2, input_tokens: 2000, output_tokens: 400 });
    } finally {
      server.setReply(bedrock);
    }
  });

  test("a consultation's model calls count against the mission budget", async () => {
    const first = await t.request('POST', '/gantry/consult', { message: 'a calculator' });
    expect(first.body.usage.total_tokens).toBe(1200);
    const svc = t.stack.services;
    const saved = svc.policy;
    const me = (await t.request('GET', '/gantry/auth/status')).body;
    // Straight through the app function: the HTTP edge reloads the policy file on every request.
    svc.policy = { ...saved, policy: { ...saved.policy, budget: { ...saved.policy.budget, max_tokens: 1000 } } };
    try {
      const calls = server.requests.length;
      await expect(
        continueConsultation(svc, {
          tenantId: me.tenant.tenant_id,
          actor: { type: 'human', id: me.user.user_id },
          message: 'add history',
          missionId: first.body.mission_id,
          channel: 'chat',
        }),
      ).rejects.toMatchObject({
        code: 'BUDGET_EXCEEDED',
        message: expect.stringContaining('1200 tokens spent, past budget.max_tokens'),
      });
      expect(server.requests.length).toBe(calls);
    } finally {
      svc.policy = saved;
    }
  });

  test('chat answers through the model and reports its usage', async () => {
    const res = await t.request('POST', '/gantry/chat', { message: 'what stack?' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ answer: 'Static web apps tested with node:test.', advisor: `bedrock:${MODEL}` });
    expect(res.body.usage).toMatchObject({ purpose: 'chat', input_tokens: 1000, estimated_cost_usd: 0.0016 });
  });
});
