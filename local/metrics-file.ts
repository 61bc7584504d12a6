import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricRecord, MetricSink } from '../lambdas/metrics';
import type { MetricPoint } from '../lambdas/domain/ops-metrics';

/** The file is rolled over (one previous file kept) when it grows past this. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The local stand-in for CloudWatch metrics: every record the handlers emit is appended as one
 * JSON line to `<data dir>/metrics/metrics.jsonl`, where the /ops page reads it back.
 */
export class LocalMetricsFile {
  readonly path: string;

  constructor(dataDir: string) {
    const dir = join(dataDir, 'metrics');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.path = join(dir, 'metrics.jsonl');
  }

  /** The sink the stack installs (lambdas/metrics.ts setMetricSink). */
  readonly sink: MetricSink = (record: MetricRecord) => {
    if (existsSync(this.path) && statSync(this.path).size > MAX_FILE_BYTES) renameSync(this.path, `${this.path}.1`);
    appendFileSync(this.path, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  };

  /** Every record kept (the rolled-over file first); a torn last line is skipped. */
  read(): MetricPoint[] {
    const points: MetricPoint[] = [];
    for (const file of [`${this.path}.1`, this.path]) {
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const r = JSON.parse(line) as MetricRecord;
          if (typeof r.name === 'string' && typeof r.value === 'number') points.push(r);
        } catch {
          // A line cut short by a crash.
        }
      }
    }
    return points;
  }
}
