import type * as z from '../../domain/zod';
import {
  estimateCostUsd,
  LlmOutputInvalidError,
  LlmRequestError,
  LlmUnavailableError,
  type LlmCallUsage,
  type LlmPurpose,
  type TokenPrice,
} from '../../domain/llm';
import { emitMetric, METRIC_NAMES } from '../../metrics';
import { logger } from '../../observability';

/**
 * The LLM client boundary (seed 004 §6.3). Callers ask for one structured answer validated by a
 * zod schema; the client picks nothing itself but owns everything around the call: a timeout per
 * request, retries with full jitter on throttling and transient failures, one repair round when
 * the output fails validation (then a clean LlmOutputInvalidError), and the token usage and
 * estimated cost of every request it made. Providers are transports behind a small interface.
 */

export interface LlmMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** One structured call: the answer must be the input of the one tool, valid against `schema`. */
export interface StructuredCall<T> {
  readonly purpose: LlmPurpose;
  readonly system: string;
  readonly messages: readonly LlmMessage[];
  readonly schema: z.ZodMiniType<T>;
  /**
   * The tool's input as JSON Schema: the input side of `schema` (defaults make fields optional),
   * shipped as data from tool-schemas.generated.ts, which a test keeps equal to the Zod schema.
   */
  readonly toolSchema: Readonly<Record<string, unknown>>;
  readonly toolName: string;
  readonly toolDescription: string;
  readonly maxTokens?: number;
}

export interface StructuredResult<T> {
  readonly value: T;
  readonly usage: LlmCallUsage;
}

export interface LlmClient {
  readonly provider: string;
  readonly model: string;
  structured<T>(call: StructuredCall<T>): Promise<StructuredResult<T>>;
}

/** What a transport is asked to send. `repair` is set on the second try after invalid output. */
export interface TransportRequest {
  readonly system: string;
  readonly messages: readonly LlmMessage[];
  readonly tool: { readonly name: string; readonly description: string; readonly inputSchema: Readonly<Record<string, unknown>> };
  readonly maxTokens: number;
  readonly repair?: {
    /** The id of the tool call that was refused, when there was one. */
    readonly toolUseId: string | null;
    readonly rawInput: unknown;
    readonly rawText: string;
    readonly error: string;
  };
  readonly signal: AbortSignal;
  /** The time this request has before `signal` aborts it (the per-request timeout, cut to the deadline). */
  readonly timeoutMs: number;
}

export interface TransportResponse {
  /** The tool's input as the model produced it; undefined when the model did not call the tool. */
  readonly toolInput: unknown;
  readonly toolUseId: string | null;
  /** Any text the model produced (or unparseable tool arguments), kept for the repair round. */
  readonly text: string;
  /** Set when the transport already knows the output is unusable (e.g. arguments that are not JSON). */
  readonly invalidReason?: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** One provider's wire format. */
export interface LlmTransport {
  readonly provider: string;
  readonly model: string;
  send(request: TransportRequest): Promise<TransportResponse>;
}

/** Worth another request after a pause: throttling, a 5xx, a dropped connection, a timeout. */
export class RetryableTransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'throttled' | 'unavailable' | 'timeout',
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableTransportError';
  }
}

/** The provider refused the request itself; sending it again cannot help. */
export class FatalTransportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FatalTransportError';
  }
}

export interface StructuredClientOptions {
  readonly price: TokenPrice;
  /** Per request. @default 60000 */
  readonly timeoutMs?: number;
  /** Retries after throttling or a transient failure (requests = retries + 1). @default 3 */
  readonly maxRetries?: number;
  /** Full-jitter back-off: a random delay in [0, min(maxDelayMs, baseDelayMs * 2^n)]. @default 250 */
  readonly baseDelayMs?: number;
  /** @default 8000 */
  readonly maxDelayMs?: number;
  /** @default 1024 */
  readonly maxTokens?: number;
  /**
   * Total time one structured answer may take, retries and the repair round included; each
   * request's timeout is cut to what is left, and no retry or repair starts that could not get
   * {@link MIN_REQUEST_MS}. Requests a person waits on behind API Gateway (29 s) set it.
   * @default - none (each request has `timeoutMs`, retries and repair as configured)
   */
  readonly deadlineMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default MIN_REQUEST_MS */
  readonly minRequestMs?: number;
}

/** A request given less time than this is not started: no model answers a structured call that fast. */
export const MIN_REQUEST_MS = 2_000;

function describeIssues(error: z.$ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): spreads a crowd of retries out. */
export function backoffDelay(attempt: number, base: number, cap: number, random: () => number): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** attempt));
}

export class StructuredLlmClient implements LlmClient {
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly minRequestMs: number;

  constructor(
    private readonly transport: LlmTransport,
    private readonly options: StructuredClientOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 8000;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.minRequestMs = options.minRequestMs ?? MIN_REQUEST_MS;
  }

  get provider(): string {
    return this.transport.provider;
  }

  get model(): string {
    return this.transport.model;
  }

  async structured<T>(call: StructuredCall<T>): Promise<StructuredResult<T>> {
    const started = this.now();
    const deadline = this.options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : started + this.options.deadlineMs;
    const tally = { requests: 0, input: 0, output: 0 };
    const usage = (): LlmCallUsage => ({
      provider: this.provider,
      model: this.model,
      purpose: call.purpose,
      requests: tally.requests,
      input_tokens: tally.input,
      output_tokens: tally.output,
      estimated_cost_usd: estimateCostUsd(this.options.price, tally.input, tally.output),
      latency_ms: this.now() - started,
    });
    const tool = { name: call.toolName, description: call.toolDescription, inputSchema: call.toolSchema };
    let repair: TransportRequest['repair'];
    let problem = '';
    try {
      // The first answer, and one repair round when it fails validation.
      for (let round = 0; round < 2; round += 1) {
        const res = await this.sendWithRetries(
          {
            system: call.system,
            messages: call.messages,
            tool,
            maxTokens: call.maxTokens ?? this.options.maxTokens ?? 1024,
            repair,
          },
          tally,
          usage,
          deadline,
        );
        if (res.toolInput === undefined) {
          problem = res.invalidReason ?? `the model did not call the ${call.toolName} tool`;
        } else {
          const parsed = call.schema.safeParse(res.toolInput);
          if (parsed.success) return { value: parsed.data, usage: usage() };
          problem = describeIssues(parsed.error);
        }
        // Never the content itself: prompts and answers stay out of logs.
        logger.warn('LLM output failed validation', {
          purpose: call.purpose,
          provider: this.provider,
          model: this.model,
          round,
          problem: problem.slice(0, 500),
        });
        if (round === 0 && deadline - this.now() < this.minRequestMs) break;
        repair = {
          toolUseId: res.toolUseId,
          rawInput: res.toolInput,
          rawText: res.text,
          error: `The ${call.toolName} input was invalid: ${problem}. Call ${call.toolName} again with input that satisfies its schema.`,
        };
      }
      throw new LlmOutputInvalidError(
        `The ${this.provider} model's answer failed validation twice (${problem.slice(0, 300)}); nothing was used`,
        { usage: usage() },
      );
    } finally {
      // Every call's tokens and cost, answered or not: what the dashboard's spend panel adds up.
      const spent = usage();
      emitMetric(METRIC_NAMES.modelTokens, 'Count', spent.input_tokens + spent.output_tokens, { purpose: call.purpose });
      emitMetric(METRIC_NAMES.modelCostUsd, 'None', spent.estimated_cost_usd, { purpose: call.purpose });
    }
  }

  private async sendWithRetries(
    request: Omit<TransportRequest, 'signal' | 'timeoutMs'>,
    tally: { requests: number; input: number; output: number },
    usage: () => LlmCallUsage,
    deadline: number,
  ): Promise<TransportResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const left = deadline - this.now();
      if (left < this.minRequestMs) {
        throw new LlmUnavailableError(`The ${this.provider} model could not answer within the time this request has`, {
          usage: usage(),
        });
      }
      const timeoutMs = Math.min(this.timeoutMs, left);
      const signal = AbortSignal.timeout(timeoutMs);
      tally.requests += 1;
      try {
        const res = await this.transport.send({ ...request, signal, timeoutMs });
        tally.input += res.inputTokens;
        tally.output += res.outputTokens;
        return res;
      } catch (err) {
        let retryable: RetryableTransportError | null = null;
        if (err instanceof RetryableTransportError) retryable = err;
        else if (signal.aborted) retryable = new RetryableTransportError(`no answer within ${timeoutMs} ms`, 'timeout');
        if (!retryable) {
          if (err instanceof FatalTransportError) {
            throw new LlmRequestError(`The ${this.provider} model refused the request: ${err.message}`, {
              status: err.status ?? null,
              usage: usage(),
            });
          }
          throw err;
        }
        if (attempt >= this.maxRetries) {
          throw new LlmUnavailableError(
            `The ${this.provider} model is unavailable after ${attempt + 1} requests (${retryable.kind}: ${retryable.message})`,
            { usage: usage() },
          );
        }
        const delay = Math.min(
          Math.max(backoffDelay(attempt, this.baseDelayMs, this.maxDelayMs, this.random), retryable.retryAfterMs ?? 0),
          30_000,
        );
        if (this.now() + delay + this.minRequestMs > deadline) {
          throw new LlmUnavailableError(
            `The ${this.provider} model is unavailable within the time this request has (${retryable.kind}: ${retryable.message})`,
            { usage: usage() },
          );
        }
        logger.info('LLM request retried', {
          provider: this.provider,
          kind: retryable.kind,
          attempt: attempt + 1,
          delay_ms: delay,
        });
        await this.sleep(delay);
      }
    }
  }
}
