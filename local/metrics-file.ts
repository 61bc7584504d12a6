import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricRecord, MetricSink } from '../lambdas/metrics';
import type { MetricPoint } from '../lambdas/domain/ops-metrics';

/** The file is rolled over (one previous file kept) when it grows past this. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** How long emitted records wait to be written with the ones after them. */
const FLUSH_MS = 100;

/**
 * The local stand-in for CloudWatch metrics: every record the handlers emit is appended as one
 * JSON line to `<data dir>/metrics/metrics.jsonl` (within FLUSH_MS, in batches), where the /ops
 * page reads it back.
 */
export class LocalMetricsFile {
  readonly path: string;

  constructor(dataDir: string) {
    const dir = join(dataDir, 'metrics');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.path = join(dir, 'metrics.jsonl');
  }

  /** Lines emitted since the last write; written together, so a burst of metrics costs one append. */
  private pending: string[] = [];
  private timer: NodeJS.Timeout | null = null;

  /** The sink the stack installs (lambdas/metrics.ts setMetricSink). */
  readonly sink: MetricSink = (record: MetricRecord) => {
    this.pending.push(`${JSON.stringify(record)}\n`);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  };

  /** Writes what was emitted (the stack calls it when it stops; `read` first). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const lines = this.pending.join('');
    this.pending = [];
    if (existsSync(this.path) && statSync(this.path).size > MAX_FILE_BYTES) renameSync(this.path, `${this.path}.1`);
    appendFileSync(this.path, lines, { mode: 0o600 });
  }

  /** Every record kept (the rolled-over file first); a torn last line is skipped. */
  read(): MetricPoint[] {
    this.flush();
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
