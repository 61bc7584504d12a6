/**
 * The OpenAI-compatible adapter at its wire format: Node's fetch against a local server that
 * answers like `/v1/chat/completions` (OpenAI, vLLM, llama.cpp, Ollama).
 *
 * What this cannot prove: that a given self-hosted server implements forced tool calls or
 * `response_format: json_schema` (support varies by server and model), how a real model behaves,
 * or a provider's real rate limits. It proves the request we send, the retry on 429 with
 * Retry-After, and the refusal of arguments that are not valid JSON or not valid answers.
 */
import { StructuredLlmClient } from '../../lambdas/adapters/llm/llm-client';
import { LlmConsultant } from '../../lambdas/adapters/llm/llm-consultant';
import { chatCompletionsUrl, OpenAiCompatibleTransport } from '../../lambdas/adapters/llm/openai-transport';
import type { ConsultantResponse } from '../../lambdas/domain/consultation';
import { LlmOutputInvalidError, LlmRequestError } from '../../lambdas/domain/llm';
import { chatToolCall, ScriptedLlmServer } from '../helpers/fake-llm-servers';

const ANSWER: ConsultantResponse = {
  response: 'What should the app do?',
  status: 'NEEDS_INPUT',
  question: 'What should the app do?',
  app_kind: null,
  design_target: null,
  proposed_stack: null,
  build_prompt: null,
  features: [],
  confidence: 0,
};

let server: ScriptedLlmServer;
let sleeps: number[];

function consultant(mode: 'tools' | 'json_schema' = 'tools'): LlmConsultant {
  const transport = new OpenAiCompatibleTransport({
    endpoint: `${server.url}/v1`,
    model: 'qwen2.5-7b-instruct',
    apiKey: 'sk-local',
    mode,
  });
  return new LlmConsultant(
    new StructuredLlmClient(transport, {
      price: { input: 0, output: 0 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0,
    }),
  );
}

const ask = (mode?: 'tools' | 'json_schema') =>
  consultant(mode).consult({ history: [], plan: null, message: 'build me an app', designReference: null });

beforeEach(async () => {
  sleeps = [];
  server = new ScriptedLlmServer(() => chatToolCall('consultant_response', ANSWER));
  await server.start();
});
afterEach(() => server.stop());

describe('OpenAI-compatible chat completions through fetch', () => {
  it('builds the URL from a base endpoint with or without /v1', () => {
    expect(chatCompletionsUrl('http://h:8000')).toBe('http://h:8000/v1/chat/completions');
    expect(chatCompletionsUrl('http://h:8000/v1/')).toBe('http://h:8000/v1/chat/completions');
  });

  it('sends a forced function call whose parameters are the answer schema, with the bearer key', async () => {
    const { response, usage } = await ask();
    expect(response).toEqual(ANSWER);
    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-local');
    expect(req.body.model).toBe('qwen2.5-7b-instruct');
    expect(req.body.tool_choice).toEqual({ type: 'function', function: { name: 'consultant_response' } });
    expect(req.body.tools[0].function.parameters.properties.status.enum).toEqual([
      'NEEDS_INPUT',
      'NEEDS_CONFIRMATION',
      'READY_TO_BUILD',
    ]);
    expect(req.body.messages[0].role).toBe('system');
    expect(req.body.messages.at(-1)).toEqual({ role: 'user', content: 'build me an app' });
    expect(usage).toMatchObject({ provider: 'openai', input_tokens: 900, output_tokens: 250, estimated_cost_usd: 0 });
  });

  it('uses response_format json_schema when configured', async () => {
    server.setReply(() => ({
      status: 200,
      body: {
        choices: [{ message: { role: 'assistant', content: JSON.stringify(ANSWER) } }],
        usage: { prompt_tokens: 5, completion_tokens: 6 },
      },
    }));
    const { response } = await ask('json_schema');
    expect(response).toEqual(ANSWER);
    const body = server.requests[0]!.body;
    expect(body.tools).toBeUndefined();
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.name).toBe('consultant_response');
  });

  it('retries 429 honouring Retry-After', async () => {
    server.setReply((_r, i) =>
      i === 0
        ? { status: 429, headers: { 'retry-after': '2' }, body: { error: { message: 'rate limited' } } }
        : chatToolCall('consultant_response', ANSWER),
    );
    await ask();
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('repairs arguments that are not JSON through a tool message, then refuses twice-bad output', async () => {
    server.setReply((_r, i) =>
      i === 0 ? chatToolCall('consultant_response', '{"response": "cut off') : chatToolCall('consultant_response', ANSWER),
    );
    expect((await ask()).response).toEqual(ANSWER);
    const repair = server.requests[1]!.body.messages.slice(-2);
    expect(repair[0]).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'call_local_1', function: { arguments: '{"response": "cut off' } }],
    });
    expect(repair[1]).toMatchObject({ role: 'tool', tool_call_id: 'call_local_1' });
    expect(repair[1].content).toContain('not valid JSON');

    server.requests.length = 0;
    server.setReply(() => chatToolCall('consultant_response', { status: 'NEEDS_INPUT' }));
    await expect(ask()).rejects.toBeInstanceOf(LlmOutputInvalidError);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 401', async () => {
    server.setReply(() => ({ status: 401, body: { error: { message: 'bad key' } } }));
    await expect(ask()).rejects.toBeInstanceOf(LlmRequestError);
    expect(server.requests).toHaveLength(1);
  });
});
