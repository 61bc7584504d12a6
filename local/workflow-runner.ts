import './polyfills';
import { StateMachine } from 'aws-local-stepfunctions';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '../lambdas/domain/errors';
import { executionStatusChange, type ExecutionStatusChange } from '../lambdas/domain/execution-status-event';
import type { WorkflowPort } from '../lambdas/domain/ports';
import { logger } from '../lambdas/observability';

type Json = Parameters<StateMachine['run']>[0];
export type LocalTask = (input: Json) => Promise<Json>;

/** A persisted execution record: what survives a restart of the local stack. */
export interface ExecutionRecord {
  arn: string;
  name: string;
  input: Record<string, unknown>;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT' | 'INTERRUPTED';
  started_at: string;
  stopped_at?: string;
  error?: string;
  /** Each state entered, in order (a cheap local history). */
  states: string[];
}

export interface LocalWorkflowRunnerOptions {
  /** The mission ASL with every placeholder substituted. */
  readonly definitionJson: string;
  /** Folder for execution records. */
  readonly dir: string;
  /** Local implementations of the Task states, keyed by state name (the runtime's override key). */
  readonly tasks: Record<string, LocalTask>;
  /** Called when a state is entered (progress). */
  readonly onStateEntered?: (record: ExecutionRecord, state: string) => void;
  /**
   * Called by `stop` after the execution is aborted, to stop what its running task started (the
   * local builder), as Step Functions stops the ECS task of a `.sync` state. `stop` waits for it.
   */
  readonly onStop?: (record: ExecutionRecord, cause: string) => Promise<void>;
  /**
   * Called with the "Step Functions Execution Status Change" event of an execution that ended
   * TIMED_OUT, ABORTED or FAILED: what an EventBridge rule delivers on AWS. Its failure is logged.
   */
  readonly onEnded?: (event: ExecutionStatusChange) => Promise<unknown>;
}

/**
 * Runs the mission state machine in-process with aws-local-stepfunctions and persists every
 * execution, so a restarted stack knows which executions were cut off (`recover`).
 */
export class LocalWorkflowRunner implements WorkflowPort {
  private readonly machine: StateMachine;
  private readonly running = new Map<string, { abort: () => void; done: Promise<void>; record: ExecutionRecord }>();

  constructor(private readonly options: LocalWorkflowRunnerOptions) {
    this.machine = new StateMachine(JSON.parse(options.definitionJson), {
      validationOptions: { checkArn: false },
    });
  }

  private path(name: string): string {
    return join(this.options.dir, `${name}.json`);
  }

  private async save(record: ExecutionRecord): Promise<void> {
    await writeFile(this.path(record.name), JSON.stringify(record, null, 2));
  }

  async start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }> {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new Error(`Invalid execution name ${name}`);
    await mkdir(this.options.dir, { recursive: true });
    const record: ExecutionRecord = {
      arn: `arn:aws:states:local:000000000000:execution:gantry-mission:${name}`,
      name,
      input,
      status: 'RUNNING',
      started_at: new Date().toISOString(),
      states: [],
    };
    try {
      await writeFile(this.path(name), JSON.stringify(record, null, 2), { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ConflictError(`Execution ${name} already exists`);
      throw err;
    }
    const execution = this.machine.run(input as Json, {
      overrides: { taskResourceLocalHandlers: this.options.tasks },
      noThrowOnAbort: true,
    });
    const done = (async () => {
      const follow = (async () => {
        for await (const ev of execution.eventLogs) {
          if (ev.type === 'StateEntered') {
            record.states.push(ev.state.name);
            this.options.onStateEntered?.(record, ev.state.name);
          }
        }
      })().catch(() => undefined);
      try {
        const result = await execution.result;
        record.status = result === null ? 'ABORTED' : 'SUCCEEDED';
      } catch (err) {
        const name = (err as Error).name;
        record.status = name === 'ExecutionTimeoutError' ? 'TIMED_OUT' : 'FAILED';
        record.error = (err as Error).message;
      }
      await follow;
      record.stopped_at = new Date().toISOString();
      await this.save(record).catch((err: Error) => logger.error('Could not persist execution', { error: err }));
      this.running.delete(record.arn);
      await this.announceEnd(record);
    })();
    this.running.set(record.arn, { abort: execution.abort, done, record });
    return { executionArn: record.arn };
  }

  /** Hands an execution that ended without succeeding to `onEnded`, as EventBridge would on AWS. */
  private async announceEnd(record: ExecutionRecord): Promise<void> {
    const status = record.status;
    if (!this.options.onEnded || (status !== 'TIMED_OUT' && status !== 'ABORTED' && status !== 'FAILED')) return;
    const event = executionStatusChange({
      executionArn: record.arn,
      stateMachineArn: record.arn.replace(/:execution:([^:]+):[^:]+$/, ':stateMachine:$1'),
      name: record.name,
      status,
      startDate: new Date(record.started_at),
      stopDate: new Date(record.stopped_at ?? Date.now()),
      executionInput: record.input,
      error: status === 'FAILED' ? 'MissionFailed' : null,
      cause: record.error ?? null,
    });
    await this.options
      .onEnded(event)
      .catch((err: Error) => logger.error('Handling an ended execution failed', { error: err, execution_arn: record.arn }));
  }

  /** Aborts the execution (no further state runs), then stops what its running task started. */
  async stop(executionArn: string, cause = 'stopped'): Promise<void> {
    const run = this.running.get(executionArn);
    if (!run) return;
    run.record.error = `stopped: ${cause}`;
    run.abort();
    await this.options.onStop?.(run.record, cause);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  /** Executions in progress right now. */
  get active(): number {
    return this.running.size;
  }

  /** Waits for every running execution to end (tests, graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /**
   * After a restart: every execution persisted as RUNNING was cut off. Each is handed to
   * `onInterrupted` (which fails its mission) and marked INTERRUPTED.
   */
  async recover(onInterrupted: (record: ExecutionRecord) => Promise<void>): Promise<ExecutionRecord[]> {
    await mkdir(this.options.dir, { recursive: true });
    const recovered: ExecutionRecord[] = [];
    for (const file of await readdir(this.options.dir)) {
      if (!file.endsWith('.json')) continue;
      const record = JSON.parse(await readFile(join(this.options.dir, file), 'utf8')) as ExecutionRecord;
      if (record.status !== 'RUNNING' || this.running.has(record.arn)) continue;
      await onInterrupted(record);
      record.status = 'INTERRUPTED';
      record.stopped_at = new Date().toISOString();
      await this.save(record);
      recovered.push(record);
    }
    return recovered;
  }
}
