import * as z from 'zod';
import { readConfig } from '../../lambdas/config';
import { createLlmWiring, DEFAULT_BEDROCK_MODEL } from '../../lambdas/adapters/llm/llm-wiring';
import {
  RetryableTransportError,
  StructuredLlmClient,
  type LlmTransport,
  type TransportRequest,
  type TransportResponse,
} from '../../lambdas/adapters/llm/llm-client';
import { LlmOutputInvalidError, LlmUnavailableError } from '../../lambdas/domain/llm';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';

/**
 * The interactive path (consult, chat, voice, Siri) must answer within 25 s end to end, under
 * API Gateway's 29 s. The client's deadline bounds one structured answer, retries and the repair
 * round included. Time here is a simulated clock: each scripted answer "takes" its latency, or
 * the request's timeout when it is slower (then it is a timeout, as AbortSignal makes it).
 */
const Answer = z.object({ reply: z.string() });
const call = {
  purpose: 'consultant' as const,
  system: 'You are the CTO.',
  messages: [{ role: 'user' as const, content: 'build me an app' }],
  schema: Answer,
  toolSchema: { type: 'object', properties: { reply: { type: 'string' } }, required: ['reply'] },
  toolName: 'answer',
  toolDescription: 'Answer',
};

interface Step {
  readonly latencyMs: number;
  readonly input?: unknown;
}

function scripted(steps: Step[], clock: { now: number }) {
  const timeouts: number[] = [];
  const transport: LlmTransport = {
    provider: 'bedrock',
    model: DEFAULT_BEDROCK_MODEL,
    async send(request: TransportRequest): Promise<TransportResponse> {
      timeouts.push(request.timeoutMs);
      const step = steps.shift() ?? { latencyMs: 60_000 };
      if (step.latencyMs > request.timeoutMs) {
        clock.now += request.timeoutMs;
        throw new RetryableTransportError('no answer', 'timeout');
      }
      clock.now += step.latencyMs;
      return { toolInput: step.input, toolUseId: 't1', text: '', inputTokens: 10, outputTokens: 5 };
    },
  };
  return { transport, timeouts };
}

function client(transport: LlmTransport, clock: { now: number }, deadlineMs = 22_000) {
  return new StructuredLlmClient(transport, {
    price: { input: 3, output: 15 },
    timeoutMs: 12_000,
    maxRetries: 1,
    deadlineMs,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
    random: () => 1,
  });
}

test('a model that never answers in time costs at most the deadline, not timeout × requests × rounds', async () => {
  const clock = { now: 0 };
  const { transport, timeouts } = scripted([], clock);
  await expect(client(transport, clock).structured(call)).rejects.toBeInstanceOf(LlmUnavailableError);
  expect(clock.now).toBeLessThanOrEqual(22_000);
  expect(timeouts[0]).toBe(12_000);
  // The retry gets only what is left.
  expect(timeouts[1]).toBeLessThan(12_000);
  expect(timeouts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(22_000);
});

test('the repair round runs within what is left, and is skipped when too little is left', async () => {
  const clock = { now: 0 };
  const ok = scripted(
    [
      { latencyMs: 11_000, input: { wrong: true } },
      { latencyMs: 5_000, input: { reply: 'fine' } },
    ],
    clock,
  );
  await expect(client(ok.transport, clock).structured(call)).resolves.toMatchObject({ value: { reply: 'fine' } });
  expect(ok.timeouts).toEqual([12_000, 11_000]);

  // The repair gets the 10.5 s left; an answer slower than that ends the call at the deadline.
  const late = { now: 0 };
  const slow = scripted(
    [
      { latencyMs: 11_500, input: { wrong: true } },
      { latencyMs: 15_000, input: { reply: 'x' } },
    ],
    late,
  );
  await expect(client(slow.transport, late).structured(call)).rejects.toBeInstanceOf(LlmUnavailableError);
  expect(slow.timeouts).toEqual([12_000, 10_500]);
  expect(late.now).toBeLessThanOrEqual(22_000);

  const nearly = { now: 0 };
  const tooLate = scripted([{ latencyMs: 11_900, input: { wrong: true } }], nearly);
  await expect(client(tooLate.transport, nearly, 13_000).structured(call)).rejects.toBeInstanceOf(LlmOutputInvalidError);
  expect(tooLate.timeouts).toHaveLength(1);
});

test('whatever the latencies, one interactive answer ends within the deadline', async () => {
  const latencies = [500, 3_000, 9_000, 11_999, 12_001, 20_000, 40_000];
  for (const first of latencies) {
    for (const second of latencies) {
      for (const valid of [true, false]) {
        const clock = { now: 0 };
        const { transport } = scripted(
          [
            { latencyMs: first, input: valid ? { reply: 'a' } : { nope: 1 } },
            { latencyMs: second, input: { reply: 'b' } },
            { latencyMs: second },
          ],
          clock,
        );
        await client(transport, clock)
          .structured(call)
          .catch(() => undefined);
        expect(clock.now).toBeLessThanOrEqual(22_000);
      }
    }
  }
});

test('the interactive deadline is configured under 25 s and the wiring uses it for consult and chat', () => {
  expect(readConfig({}).GANTRY_LLM_INTERACTIVE_DEADLINE_MS).toBeLessThanOrEqual(25_000);
  expect(() => readConfig({ GANTRY_LLM_INTERACTIVE_DEADLINE_MS: '26000' })).toThrow(/GANTRY_LLM_INTERACTIVE_DEADLINE_MS/);
  const config = readConfig({ GANTRY_LLM_PROVIDER: 'bedrock' });
  const wiring = createLlmWiring(config, () => loadPolicyFile().policy);
  expect(wiring.description).toBe(`bedrock:${DEFAULT_BEDROCK_MODEL}`);
  // Current Claude models are served on demand only through a cross-Region inference profile.
  expect(DEFAULT_BEDROCK_MODEL).toMatch(/^(us|eu|apac|global)\.anthropic\.claude-/);
});
