import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Metrics as CloudWatch EMF; the namespace is shared with the dashboard. Kept apart from the
 * logger (observability.ts) so a function that emits no metric carries no Powertools Metrics.
 */
class GantryMetrics extends Metrics {
  /** True when EMF output is off (POWERTOOLS_METRICS_DISABLED, set by the local stack): nothing would be written. */
  get writesNothing(): boolean {
    return this.isDisabled();
  }
}

export const metrics = new GantryMetrics({ namespace: 'Gantry', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gantry' });

/** The namespace of every Gantry metric (the CloudWatch dashboard and alarms read it). */
export const METRICS_NAMESPACE = 'Gantry';

export { METRIC_NAMES } from './domain/ops-metrics';

export type MetricUnitName = 'Count' | 'Milliseconds' | 'None';

/** One metric data point, as the handlers emit it. */
export interface MetricRecord {
  readonly name: string;
  readonly unit: MetricUnitName;
  readonly value: number;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly at: string;
}

/** Where the local stack keeps the same records CloudWatch receives as EMF on AWS. */
export type MetricSink = (record: MetricRecord) => void;

let sink: MetricSink | undefined;

/** The local stack installs a sink (and removes it when it stops); on AWS there is none. */
export function setMetricSink(next: MetricSink | undefined): void {
  sink = next;
}

/**
 * Emits one data point: an EMF line for CloudWatch (Powertools; disabled locally) and the same
 * record to the installed sink (the local stack's metrics file). Never throws: a metric is not
 * worth failing a request or a workflow step for.
 */
export function emitMetric(name: string, unit: MetricUnitName, value: number, dimensions: Record<string, string> = {}): void {
  if (!Number.isFinite(value)) return;
  // Disabled (the local stack sets POWERTOOLS_METRICS_DISABLED), an EMF point writes nothing: the
  // single-metric emitter (a Metrics object with a console of its own) is not built for it.
  if (!metrics.writesNothing) {
    try {
      const metric = metrics.singleMetric();
      for (const [key, dimension] of Object.entries(dimensions)) metric.addDimension(key, dimension);
      metric.addMetric(name, unit === 'None' ? MetricUnit.NoUnit : MetricUnit[unit], value);
    } catch {
      // An EMF write that fails (e.g. too many dimensions) loses the point, nothing else.
    }
  }
  try {
    sink?.({ name, unit, value, dimensions, at: new Date().toISOString() });
  } catch {
    // Same for the local sink.
  }
}
