/**
 * The Bedrock adapter at its wire format: the functions' own Converse client
 * (lambdas/adapters/llm/bedrock-runtime-client.ts), pointed at a local HTTP/2 server that answers
 * like Bedrock's Converse API (JSON bodies, errors named by the `x-amzn-errortype` header).
 *
 * What this cannot prove: that Bedrock accepts the SigV4 signature (the server does not check it)
 * or the IAM grant; that a given model supports `toolChoice: {tool}` (Anthropic Claude, Mistral
 * Large and Amazon Nova do; some models only accept `auto`); how a real model behaves; the
 * service's real throttling limits and error texts. It does prove the request the SDK builds
 * (model id in the path, tool configuration, messages), that throttling is retried with
 * back-off, and that a malformed tool result is repaired once and then refused.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { BedrockRuntime } from '../../lambdas/adapters/llm/bedrock-runtime-client';
import { BedrockConverseTransport } from '../../lambdas/adapters/llm/bedrock-transport';
import { StructuredLlmClient } from '../../lambdas/adapters/llm/llm-client';
import { LlmConsultant } from '../../lambdas/adapters/llm/llm-consultant';
import { LlmArchitect } from '../../lambdas/adapters/llm/llm-architect';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import type { ConsultantResponse } from '../../lambdas/domain/consultation';
import {
  LlmOutputInvalidError,
  LlmRequestError,
  LlmUnavailableError,
  priceFor,
  type LlmCallUsage,
} from '../../lambdas/domain/llm';
import { converseError, converseToolUse, ScriptedLlmServer } from '../helpers/fake-llm-servers';
import { SdkSha256 } from '../helpers/sdk-sha256';

const MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0';

const PLAN: ConsultantResponse = {
  response: 'I can build a Trello-style board. Shall I build it?',
  status: 'NEEDS_CONFIRMATION',
  question: null,
  app_kind: 'board',
  design_target: 'TRELLO',
  proposed_stack: 'static-web',
  build_prompt: 'Build a Trello-style board with saved in this browser.',
  features: ['local-storage'],
  confidence: 0.9,
};

let server: ScriptedLlmServer;
let sleeps: number[];
function client(options: { timeoutMs?: number; maxRetries?: number } = {}): StructuredLlmClient {
  const bedrock = new BedrockRuntime({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: async () => ({ accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' }),
  });
  return new StructuredLlmClient(new BedrockConverseTransport(bedrock, MODEL), {
    price: priceFor(MODEL),
    timeoutMs: options.timeoutMs ?? 5000,
    maxRetries: options.maxRetries ?? 3,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
}

const consultant = (c = client()) => new LlmConsultant(c);
const ask = (c?: StructuredLlmClient) =>
  consultant(c).consult({
    history: [
      { role: 'user', content: 'build me an app', at: '' },
      { role: 'assistant', content: 'What should it do?', at: '' },
    ],
    plan: null,
    message: 'a Trello board',
    designReference: null,
  });

beforeEach(async () => {
  sleeps = [];
  // Cleartext HTTP/2: the client speaks HTTP/2, as Bedrock Runtime and the SDK's client do.
  server = new ScriptedLlmServer(() => converseToolUse('consultant_response', PLAN), { http2: true });
  await server.start();
});

afterEach(async () => {
  await server.stop();
});

describe("Bedrock Converse through the functions' own client", () => {
  it('sends the model id in the path, a forced tool whose schema is the answer, the system prompt and the messages', async () => {
    const { response, usage } = await ask();
    expect(response).toEqual(PLAN);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    // The model id's ":" is percent-encoded, as the SDK encodes a path label.
    expect(req.path).toBe(`/model/${encodeURIComponent(MODEL)}/converse`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(String(req.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\/\d{8}\/us-east-1\/bedrock\/aws4_request/,
    );
    // The signature is the one the SDK's signer computes for the same request (Bedrock signs the
    // path with each segment encoded twice, unlike S3).
    const amzDate = String(req.headers['x-amz-date']);
    const sdkSigned = await new SignatureV4({
      credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' },
      region: 'us-east-1',
      service: 'bedrock',
      sha256: SdkSha256,
      applyChecksum: false,
    }).sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: String(req.headers[':authority']),
        path: req.path,
        headers: {
          host: String(req.headers[':authority']),
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(req.body),
      },
      { signingDate: new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) },
    );
    expect(req.headers.authorization).toBe(sdkSigned.headers.authorization);
    const body = req.body;
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: 'consultant_response' } });
    expect(body.toolConfig.tools).toHaveLength(1);
    const spec = body.toolConfig.tools[0].toolSpec;
    expect(spec.name).toBe('consultant_response');
    expect(spec.inputSchema.json.type).toBe('object');
    expect(spec.inputSchema.json.required).toEqual(
      expect.arrayContaining([
        'response',
        'status',
        'question',
        'app_kind',
        'design_target',
        'build_prompt',
        'features',
        'confidence',
      ]),
    );
    expect(spec.inputSchema.json.properties.status.enum).toEqual(['NEEDS_INPUT', 'NEEDS_CONFIRMATION', 'READY_TO_BUILD']);
    expect(JSON.stringify(spec.inputSchema.json.properties.app_kind)).toContain('"board"');
    expect(JSON.stringify(spec.inputSchema.json.properties.design_target)).toContain('"TRELLO"');
    expect(body.system[0].text).toContain('READY_TO_BUILD only when a plan is awaiting confirmation');
    expect(body.system[0].text).toContain('No plan is awaiting confirmation.');
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'build me an app' }] },
      { role: 'assistant', content: [{ text: 'What should it do?' }] },
      { role: 'user', content: [{ text: 'a Trello board' }] },
    ]);
    expect(body.inferenceConfig).toEqual({ maxTokens: 2000, temperature: 0 });
    expect(usage).toMatchObject<Partial<LlmCallUsage>>({
      provider: 'bedrock',
      model: MODEL,
      purpose: 'consultant',
      requests: 1,
      input_tokens: 1200,
      output_tokens: 300,
      estimated_cost_usd: 0.0081,
    });
  });

  it('retries a ThrottlingException (HTTP 429, x-amzn-errortype) with jittered back-off, then succeeds', async () => {
    server.setReply((_req, i) =>
      i < 2
        ? converseError(429, 'ThrottlingException', 'Too many requests, please wait before trying again.')
        : converseToolUse('consultant_response', PLAN),
    );
    const { response, usage } = await ask();
    expect(response.status).toBe('NEEDS_CONFIRMATION');
    expect(server.requests).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 250 ms · 2^n.
    expect(sleeps).toEqual([125, 250]);
    expect(usage!.requests).toBe(3);
    // The retried requests are identical: same tool, same messages.
    expect(server.requests[2]!.body).toEqual(server.requests[0]!.body);
  });

  it('gives up cleanly when throttling outlasts the retries', async () => {
    server.setReply(() => converseError(429, 'ThrottlingException', 'Rate exceeded'));
    const err = await ask(client({ maxRetries: 2 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as LlmUnavailableError).code).toBe('LLM_UNAVAILABLE');
    expect((err as LlmUnavailableError).message).toContain('after 3 requests (throttled');
    expect(server.requests).toHaveLength(3);
  });

  it('repairs a malformed tool result once: the refused call goes back as an error tool result', async () => {
    const malformed = { ...PLAN, status: 'MAYBE', features: ['teleport'] };
    server.setReply((_req, i) =>
      i === 0 ? converseToolUse('consultant_response', malformed) : converseToolUse('consultant_response', PLAN),
    );
    const { response, usage } = await ask();
    expect(response).toEqual(PLAN);
    expect(server.requests).toHaveLength(2);
    const messages = server.requests[1]!.body.messages;
    expect(messages.at(-2)).toEqual({
      role: 'assistant',
      content: [{ toolUse: { toolUseId: 'tooluse_local_1', name: 'consultant_response', input: malformed } }],
    });
    const result = messages.at(-1).content[0].toolResult;
    expect(result).toMatchObject({ toolUseId: 'tooluse_local_1', status: 'error' });
    expect(result.content[0].text).toMatch(/status: Invalid option/);
    expect(result.content[0].text).toMatch(/features\.0/);
    // Both answers cost tokens and both are counted.
    expect(usage).toMatchObject({ requests: 2, input_tokens: 2400, output_tokens: 600 });
  });

  it('refuses output that is still malformed after the repair, with the usage it cost', async () => {
    server.setReply(() => converseToolUse('consultant_response', { response: 'ok', status: 'READY_TO_BUILD' }));
    const err = await ask().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmOutputInvalidError);
    expect((err as LlmOutputInvalidError).httpStatus).toBe(502);
    expect((err as LlmOutputInvalidError).details?.usage).toMatchObject({ requests: 2, input_tokens: 2400 });
    expect(server.requests).toHaveLength(2);
  });

  it('treats a semantically wrong plan (a feature the kind lacks) as malformed', async () => {
    server.setReply(() => converseToolUse('consultant_response', { ...PLAN, app_kind: 'calculator', features: ['search'] }));
    const err = await ask().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmOutputInvalidError);
    expect((err as Error).message).toContain('search is not available for calculator');
  });

  it('does not retry a request the service refuses (ValidationException, 400)', async () => {
    server.setReply(() => converseError(400, 'ValidationException', 'The provided model identifier is invalid.'));
    const err = await ask().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmRequestError);
    expect((err as Error).message).toContain('ValidationException: The provided model identifier is invalid.');
    expect(server.requests).toHaveLength(1);
  });

  it('times a slow answer out and retries it', async () => {
    server.setReply((_req, i) =>
      i === 0 ? { ...converseToolUse('consultant_response', PLAN), delayMs: 1500 } : converseToolUse('consultant_response', PLAN),
    );
    const started = Date.now();
    const { usage } = await ask(client({ timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(1400);
    expect(usage!.requests).toBe(2);
  });

  it('retries a 5xx the SDK reports as InternalServerException', async () => {
    server.setReply((_req, i) =>
      i === 0 ? converseError(500, 'InternalServerException', 'oops') : converseToolUse('consultant_response', PLAN),
    );
    expect((await ask()).usage!.requests).toBe(2);
  });
});

describe('the LLM architect through Bedrock', () => {
  it('drafts a manifest through the forced gantry_manifest tool and reports its usage', async () => {
    const manifest = draftManifest({ prompt: 'a calculator' });
    server.setReply(() =>
      converseToolUse('gantry_manifest', { ...manifest, stack: 'something-else' }, { inputTokens: 3000, outputTokens: 9000 }),
    );
    const usages: LlmCallUsage[] = [];
    const architect = new LlmArchitect(client());
    const drafted = await architect.draft({
      prompt: 'Build a calculator with history.',
      kind: 'calculator',
      features: ['history'],
      designTarget: null,
      onUsage: (u) => usages.push(u),
    });
    expect(drafted.files).toEqual(manifest.files);
    // The factory owns the stack and the commands, whatever the model said.
    expect(drafted.stack).toBe('static-web');
    expect(usages).toHaveLength(1);
    expect(usages[0]).toMatchObject({ purpose: 'architect', input_tokens: 3000, output_tokens: 9000, estimated_cost_usd: 0.144 });
    const body = server.requests[0]!.body;
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: 'gantry_manifest' } });
    expect(body.messages[0].content[0].text).toContain('Features (all required): History');
    expect(body.inferenceConfig.maxTokens).toBe(16000);
  });
});
