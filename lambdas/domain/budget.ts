import * as z from './zod';
import { GantryError } from './errors';
import type { Mission } from './mission';
import type { Policy } from './policy';

/** What a mission has spent so far, against `policy.budget`. */
export interface MissionSpend {
  readonly tokens: number;
  readonly cost_usd: number;
  readonly builder_seconds: number;
}

export type BudgetResource = 'tokens' | 'cost_usd' | 'builder_seconds';

export interface BudgetBreach {
  readonly resource: BudgetResource;
  readonly used: number;
  /** What the next step is expected to add (e.g. one more build like the last one). */
  readonly projected: number;
  readonly limit: number;
}

/** A mission spent, or would spend with its next step, past a cap of `policy.budget`. */
export class BudgetExceededError extends GantryError {
  constructor(readonly breach: BudgetBreach) {
    super('BUDGET_EXCEEDED', describeBreach(breach), 409, { ...breach });
    this.name = 'BudgetExceededError';
  }
}

const LIMIT_KEYS: Record<BudgetResource, keyof Policy['budget']> = {
  tokens: 'max_tokens',
  cost_usd: 'max_cost_usd',
  builder_seconds: 'max_builder_seconds',
};

function amount(resource: BudgetResource, value: number): string {
  if (resource === 'cost_usd') return `$${value.toFixed(4)}`;
  if (resource === 'builder_seconds') return `${Math.round(value * 10) / 10} builder seconds`;
  return `${Math.round(value)} tokens`;
}

export function describeBreach(b: BudgetBreach): string {
  const key = `budget.${LIMIT_KEYS[b.resource]}`;
  return b.projected > 0 && b.used <= b.limit
    ? `Budget exceeded: ${amount(b.resource, b.used)} spent and the next attempt would add about ${amount(b.resource, b.projected)}, past ${key} (${amount(b.resource, b.limit)})`
    : `Budget exceeded: ${amount(b.resource, b.used)} spent, past ${key} (${amount(b.resource, b.limit)})`;
}

/**
 * Model usage as the architect records it on the mission (`usage`), read tolerantly: total or
 * input + output tokens, and an estimated cost. Absent usage (the offline architect) is zero.
 */
const UsageSchema = z.looseObject({
  total_tokens: z.optional(z.number()),
  tokens: z.optional(z.number()),
  input_tokens: z.optional(z.number()),
  output_tokens: z.optional(z.number()),
  cost_usd: z.optional(z.number()),
  estimated_cost_usd: z.optional(z.number()),
});

export function missionSpend(mission: Pick<Mission, 'attempts'> & { usage?: unknown }): MissionSpend {
  const usage = UsageSchema.safeParse(mission.usage ?? {});
  const u = usage.success ? usage.data : {};
  const tokens = u.total_tokens ?? u.tokens ?? (u.input_tokens ?? 0) + (u.output_tokens ?? 0);
  const cost = u.cost_usd ?? u.estimated_cost_usd ?? 0;
  const builderMs = mission.attempts.reduce((sum, a) => sum + a.duration_ms, 0);
  return { tokens, cost_usd: cost, builder_seconds: builderMs / 1000 };
}

/**
 * The first cap the mission is past, or would pass with `next` added (what one more step is
 * expected to cost). Null when it stays within every cap.
 */
export function budgetBreach(
  spend: MissionSpend,
  budget: Policy['budget'],
  next: Partial<MissionSpend> = {},
): BudgetBreach | null {
  for (const resource of ['builder_seconds', 'tokens', 'cost_usd'] as const) {
    const limit = budget[LIMIT_KEYS[resource]];
    const used = spend[resource];
    const projected = next[resource] ?? 0;
    if (used > limit || (projected > 0 && used + projected > limit) || (resource === 'builder_seconds' && used >= limit)) {
      return { resource, used, projected, limit };
    }
  }
  return null;
}

/** Seconds of builder time left (at least 0). */
export function builderSecondsLeft(spend: MissionSpend, budget: Policy['budget']): number {
  return Math.max(0, budget.max_builder_seconds - spend.builder_seconds);
}
