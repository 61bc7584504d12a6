import { GantryError } from './errors';

/**
 * The LLM boundary's vocabulary (seed 004 §6.3): what one structured call costs, how calls add
 * up on a mission, how much they are estimated to cost, and the errors a caller can get. Pure:
 * no provider, no network.
 */

export const LLM_PROVIDERS = ['offline', 'bedrock', 'openai'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** What a mission's LLM calls are for. */
export type LlmPurpose = 'consultant' | 'architect' | 'chat';

/** One structured call as billed: every attempt counts, including retries after invalid output. */
export interface LlmCallUsage {
  readonly provider: string;
  readonly model: string;
  readonly purpose: LlmPurpose;
  /** Requests sent to the provider (1 unless retried). */
  readonly requests: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly estimated_cost_usd: number;
  readonly latency_ms: number;
}

export interface UsageBucket {
  calls: number;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  estimated_cost_usd: number;
}

/** Token usage and estimated cost on a mission, in total and per purpose. */
export interface MissionUsage extends UsageBucket {
  total_tokens: number;
  /** `provider:model` of every model that was called, in order of first use. */
  models: string[];
  by_purpose: Partial<Record<LlmPurpose, UsageBucket>>;
}

export function emptyUsage(): MissionUsage {
  return {
    calls: 0,
    requests: 0,
    input_tokens: 0,
    output_tokens: 0,
    total_tokens: 0,
    estimated_cost_usd: 0,
    models: [],
    by_purpose: {},
  };
}

/** Cost rounded to a millionth of a dollar, so sums stay stable in JSON. */
const money = (usd: number): number => Math.round(usd * 1e6) / 1e6;

function addTo(bucket: UsageBucket | undefined, call: LlmCallUsage): UsageBucket {
  return {
    calls: (bucket?.calls ?? 0) + 1,
    requests: (bucket?.requests ?? 0) + call.requests,
    input_tokens: (bucket?.input_tokens ?? 0) + call.input_tokens,
    output_tokens: (bucket?.output_tokens ?? 0) + call.output_tokens,
    estimated_cost_usd: money((bucket?.estimated_cost_usd ?? 0) + call.estimated_cost_usd),
  };
}

/** The mission's usage after one more call. Pure; `total` may be undefined for records made before usage existed. */
export function addUsage(total: MissionUsage | null | undefined, call: LlmCallUsage): MissionUsage {
  const base = total ?? emptyUsage();
  const sum = addTo(base, call);
  const model = `${call.provider}:${call.model}`;
  return {
    ...sum,
    total_tokens: sum.input_tokens + sum.output_tokens,
    models: base.models.includes(model) ? base.models : [...base.models, model],
    by_purpose: { ...base.by_purpose, [call.purpose]: addTo(base.by_purpose[call.purpose], call) },
  };
}

/** US dollars per million tokens. */
export interface TokenPrice {
  readonly input: number;
  readonly output: number;
}

/**
 * On-demand list prices of common models (USD per million tokens), matched by a fragment of the
 * model id; the first match wins, so more specific fragments come first. These are estimates for
 * budgets and dashboards, not invoices: set GANTRY_LLM_INPUT_PRICE_PER_MTOK /
 * GANTRY_LLM_OUTPUT_PRICE_PER_MTOK to the prices of your contract or region.
 */
const PRICES: ReadonlyArray<readonly [fragment: string, price: TokenPrice]> = [
  ['claude-3-5-haiku', { input: 0.8, output: 4 }],
  ['claude-3-haiku', { input: 0.25, output: 1.25 }],
  ['claude-haiku-4', { input: 1, output: 5 }],
  ['claude-3-5-sonnet', { input: 3, output: 15 }],
  ['claude-3-7-sonnet', { input: 3, output: 15 }],
  ['claude-sonnet-4', { input: 3, output: 15 }],
  ['claude-opus-4', { input: 15, output: 75 }],
  ['nova-micro', { input: 0.035, output: 0.14 }],
  ['nova-lite', { input: 0.06, output: 0.24 }],
  ['nova-pro', { input: 0.8, output: 3.2 }],
  ['llama3-3-70b', { input: 0.72, output: 0.72 }],
  ['mistral-large', { input: 2, output: 6 }],
  ['gpt-4o-mini', { input: 0.15, output: 0.6 }],
  ['gpt-4o', { input: 2.5, output: 10 }],
];

/**
 * The price used for a model: the configured override when both numbers are set, else the list
 * price, else zero (a self-hosted model whose cost is the operator's hardware).
 */
export function priceFor(model: string, override?: { input?: number; output?: number }): TokenPrice & { source: string } {
  if (override?.input !== undefined && override.output !== undefined) {
    return { input: override.input, output: override.output, source: 'configured' };
  }
  const found = PRICES.find(([fragment]) => model.toLowerCase().includes(fragment));
  return found ? { ...found[1], source: `list price (${found[0]})` } : { input: 0, output: 0, source: 'unpriced' };
}

export function estimateCostUsd(price: TokenPrice, inputTokens: number, outputTokens: number): number {
  return money((inputTokens * price.input + outputTokens * price.output) / 1_000_000);
}

// --- Errors ---------------------------------------------------------------------------------

/** The model's structured output failed validation twice (the retry included). */
export class LlmOutputInvalidError extends GantryError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_OUTPUT_INVALID', message, 502, details);
    this.name = 'LlmOutputInvalidError';
  }
}

/** Throttled, timed out or unavailable after every retry. */
export class LlmUnavailableError extends GantryError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_UNAVAILABLE', message, 503, details);
    this.name = 'LlmUnavailableError';
  }
}

/** The provider refused the request itself (bad model id, no access, malformed request): retrying cannot help. */
export class LlmRequestError extends GantryError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('LLM_REQUEST_REFUSED', message, 502, details);
    this.name = 'LlmRequestError';
  }
}
