/**
 * The operator's numbers, computed from metric records (the points the handlers emit: EMF on AWS,
 * the local stack's metrics file): the same panels as the CloudWatch dashboard.
 */
/** The metrics Gantry emits, by name: the CloudWatch dashboard and the local /ops page read exactly these. */
export const METRIC_NAMES = {
  /** One per status change, dimension `status`. */
  statusChanges: 'MissionStatusChanges',
  /** Milliseconds from a mission's creation to its live URL. */
  timeToLiveUrl: 'TimeToLiveUrl',
  /** Milliseconds between entering BUILDING and the builder starting. */
  builderQueueWait: 'BuilderQueueWait',
  /** Tokens of one model call, dimension `purpose`. */
  modelTokens: 'ModelTokens',
  /** Estimated USD of one model call, dimension `purpose`. */
  modelCostUsd: 'ModelCostUsd',
  /** One per mission failure, dimension `step`. */
  missionErrors: 'MissionErrors',
} as const;

export interface MetricPoint {
  readonly name: string;
  readonly value: number;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly at: string;
}

export interface Distribution {
  readonly count: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

export interface OpsSummary {
  readonly window: { readonly from: string | null; readonly to: string; readonly points: number };
  /** Status changes by status entered (the dashboard's mission funnel). */
  readonly missions_by_status: Readonly<Record<string, number>>;
  readonly time_to_live_url_ms: Distribution;
  /** Heal attempts started (HEALING entered). */
  readonly heal_attempts: number;
  readonly builder_queue_wait_ms: Distribution;
  readonly model_tokens: number;
  readonly model_cost_usd: number;
  /** Mission failures, by the step they failed in. */
  readonly errors: { readonly total: number; readonly by_step: Readonly<Record<string, number>> };
}

/** Nearest-rank percentile (what CloudWatch's pNN statistics approximate). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? null };
}

/** The summary of the points at or after `since` (all of them when omitted). */
export function summarizeMetrics(points: readonly MetricPoint[], options: { since?: Date; now?: Date } = {}): OpsSummary {
  const from = options.since?.toISOString() ?? null;
  const inWindow = from ? points.filter((p) => p.at >= from) : points;
  const named = (name: string) => inWindow.filter((p) => p.name === name);
  const byDimension = (name: string, dimension: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const p of named(name)) {
      const key = p.dimensions[dimension] ?? 'unknown';
      out[key] = (out[key] ?? 0) + p.value;
    }
    return out;
  };
  const sum = (name: string) => named(name).reduce((total, p) => total + p.value, 0);
  const statuses = byDimension(METRIC_NAMES.statusChanges, 'status');
  const errorsByStep = byDimension(METRIC_NAMES.missionErrors, 'step');
  return {
    window: { from, to: (options.now ?? new Date()).toISOString(), points: inWindow.length },
    missions_by_status: statuses,
    time_to_live_url_ms: distribution(named(METRIC_NAMES.timeToLiveUrl).map((p) => p.value)),
    heal_attempts: statuses.HEALING ?? 0,
    builder_queue_wait_ms: distribution(named(METRIC_NAMES.builderQueueWait).map((p) => p.value)),
    model_tokens: sum(METRIC_NAMES.modelTokens),
    model_cost_usd: Math.round(sum(METRIC_NAMES.modelCostUsd) * 1e6) / 1e6,
    errors: { total: Object.values(errorsByStep).reduce((a, b) => a + b, 0), by_step: errorsByStep },
  };
}
