import './polyfills';
import type { StateMachine } from 'aws-local-stepfunctions';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { appendFile, link, mkdir, open, readdir, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '../lambdas/domain/errors';
import { executionStatusChange, type ExecutionStatusChange } from '../lambdas/domain/execution-status-event';
import type { WorkflowPort } from '../lambdas/domain/ports';
import { logger } from '../lambdas/observability';
import { buildCacheDir } from './build-cache';
import type { FunctionConcurrency } from './function-concurrency';
import { LocalTaskTokens } from './task-tokens';

type Json = Parameters<StateMachine['run']>[0];
type Definition = ConstructorParameters<typeof StateMachine>[0];

/**
 * The Step Functions runtime, loaded when a definition is first checked or an execution first
 * runs, not with this module: loading it is about a sixth of a start, and a start whose
 * definition was checked before runs no execution until a mission (or a recovered one) needs it.
 */
let runtime: typeof import('aws-local-stepfunctions') | undefined;
function stepFunctionsRuntime(): typeof import('aws-local-stepfunctions') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('aws-local-stepfunctions') as typeof import('aws-local-stepfunctions');
  return runtime;
}

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
  /** Each state entered, in order (a cheap local history; the journal holds inputs and outputs). */
  states: string[];
  /** SHA-256 of the definition the execution runs; the definition itself is kept by this hash. */
  definition_sha256?: string;
  /** How many times the execution was carried on after a restart (a redrive each). */
  redrive_count?: number;
  /** When the latest redrive began. */
  redriven_at?: string;
  /** Milliseconds the execution ran before its latest redrive (the machine's timeout counts them). */
  used_ms?: number;
}

/** One line of an execution's journal: a state entered (with its input) or exited (with its output). */
export interface JournalEntry {
  /** `redriven` marks where a restart carried the execution on. */
  readonly event: 'entered' | 'exited' | 'redriven';
  readonly state: string;
  /** The state's raw input (entered) or its output (exited). */
  readonly data: unknown;
  readonly at: string;
  /**
   * The state a restart carried on (entered again by the new run): when it was first entered.
   * A wait's timeout counts from then, however many restarts it goes through.
   */
  readonly first_entered_at?: string;
}

/** What `recover` did with one execution the previous process left RUNNING. */
export type RecoveryOutcome =
  | { readonly record: ExecutionRecord; readonly resumed: true; readonly from: string }
  | { readonly record: ExecutionRecord; readonly resumed: false; readonly reason: string };

export interface LocalWorkflowRunnerOptions {
  /** The mission ASL with every placeholder substituted. */
  readonly definitionJson: string;
  /** Folder for execution records, their journals and the definitions they run. */
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
  /**
   * How many Lambda steps (states whose resource is a function or `lambda:invoke`) of all
   * executions run at once (see function-concurrency.ts). The ECS build and the waits for task
   * tokens are not steps of a function and do not count. Default: no limit.
   */
  readonly functionConcurrency?: FunctionConcurrency;
}

/** What a task of a stopped execution fails with (it is no longer heard: the run was aborted). */
const executionStopped = (): Error => new Error('The execution was stopped');

/** Whether a Task state invokes a Lambda function (directly by its ARN, or through `lambda:invoke`). */
const invokesFunction = (resource: string | undefined): boolean =>
  !!resource && (resource.startsWith('arn:aws:lambda:') || resource.startsWith('arn:aws:states:::lambda:invoke'));

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * How far ahead of every other step a step next to a build goes in the line for the stack's thread
 * (a rank is an execution's start time in ms; this is more than any two of them differ by).
 */
const NEXT_TO_BUILD_AHEAD_MS = 1e13;

/** {@link statesNextToBuild} of each definition's states, worked out once (not at every execution's start). */
const nextToBuildOf = new WeakMap<object, Set<string>>();

/**
 * The states next to a build (a `.sync` task): the ones whose next state is the build, which start
 * it, and the build's next state, which takes its result. A builder is held from the grant before
 * the first to the release in the second, so while one of them waits behind other missions' steps
 * a builder stands idle with missions in line for it.
 */
function statesNextToBuild(states: Record<string, WaitingTaskState>): Set<string> {
  const known = nextToBuildOf.get(states);
  if (known) return known;
  const near = new Set<string>();
  for (const [name, state] of Object.entries(states)) {
    if (!state.Resource?.endsWith('.sync')) continue;
    if (state.Next) near.add(state.Next);
    for (const [other, before] of Object.entries(states)) if (before.Next === name) near.add(other);
  }
  nextToBuildOf.set(states, near);
  return near;
}

/**
 * What `$$.Task.Token` reads in a local execution. The runtime keeps one context object per run,
 * so a `.waitForTaskToken` state's task swaps this marker for a token of its own entry.
 */
const TASK_TOKEN_MARKER = 'gantry-local-task-token';

function withToken(value: unknown, token: string): unknown {
  if (value === TASK_TOKEN_MARKER) return token;
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withToken(v, token)]));
  }
  return value;
}

/** A Task state's `States.Timeout`, raised by the runner itself (a wait whose time ran out while the stack was down). */
class StatesTimeout extends Error {
  constructor() {
    super('The task timed out');
    this.name = 'States.Timeout';
  }
}

/**
 * An execution's journal, appended line by line through one handle held while the execution runs
 * (an open and a close per line cost two more trips to the file system on every state change).
 * Each line is one write to a file opened for appending, as `appendFile` wrote it; a failed write
 * drops the handle, and the next line opens the file again.
 */
class AppendOnlyFile {
  private handle: Promise<FileHandle> | null = null;

  constructor(private readonly path: string) {}

  async append(line: string): Promise<void> {
    this.handle ??= open(this.path, 'a');
    const handle = this.handle;
    try {
      await (await handle).appendFile(line);
    } catch (err) {
      if (this.handle === handle) this.handle = null;
      await handle.then((h) => h.close()).catch(() => undefined);
      throw err;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.then((h) => h.close()).catch(() => undefined);
  }
}

/**
 * The last state one launch has journalled as entered, for a task that must not start before its
 * state's entry is on disk. The runtime announces a state before it runs it, and the journal
 * follows those announcements on its own, so without waiting a task could start (and hand out a
 * task token) while its entry was still unwritten: a stop at that moment left the journal one
 * state behind, and the next start called the task again with a new token. While a task runs, no
 * later state can be entered, so once its entry is written it stays the last one; a Retry calls
 * the task again under the same entry, which is then already written.
 */
class JournalledEntries {
  private last: string | null = null;
  private waiters: Array<() => void> = [];
  private closed = false;

  /** The follower wrote (or failed to write, which it logs) the entry of `state`. */
  noteWritten(state: string): void {
    this.last = state;
    this.wake();
  }

  /** The follower stopped following (the execution ended): nobody waits for it any more. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Wakes every waiter to look again (their stop signal fired). */
  wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resume of waiting) resume();
  }

  /**
   * Resolves once `state`'s entry is the last one written; rejects when `stopped` fires first, so
   * the task is never started by a stopping execution.
   */
  async untilWritten(state: string, stopped: AbortSignal): Promise<void> {
    while (!this.closed && this.last !== state) {
      if (stopped.aborted) throw executionStopped();
      await new Promise<void>((resume) => this.waiters.push(resume));
    }
  }
}

interface WaitingTaskState {
  readonly Type: string;
  readonly Resource?: string;
  readonly TimeoutSeconds?: number;
  readonly Next?: string;
}

/** How much later than the runner the runtime would time out a wait for a task token (see below). */
const RUNTIME_WAIT_TIMEOUT_MARGIN_SECONDS = 60;

/**
 * The definition as the runtime gets it: the TimeoutSeconds of a `.waitForTaskToken` state with a
 * local task is the runner's to enforce (it closes the token, then fails the state with
 * States.Timeout), so the runtime's own timer for it is set a minute later and never wins. Were
 * the runtime first (the runner's timer starts once the state's entry is journalled, later under
 * load), the execution went on past the wait while its token still took an answer.
 */
function withWaitTimeoutsHeld(definition: Definition, tasks: Readonly<Record<string, unknown>>): Definition {
  const states = definition.States as Record<string, WaitingTaskState>;
  const held: Record<string, WaitingTaskState> = {};
  for (const [name, state] of Object.entries(states)) {
    const waits =
      tasks[name] !== undefined &&
      state.Type === 'Task' &&
      state.Resource?.endsWith('.waitForTaskToken') &&
      state.TimeoutSeconds !== undefined;
    held[name] = waits ? { ...state, TimeoutSeconds: state.TimeoutSeconds! + RUNTIME_WAIT_TIMEOUT_MARGIN_SECONDS } : state;
  }
  return { ...definition, States: held } as Definition;
}

/**
 * Runs the mission state machine in-process with aws-local-stepfunctions, durably.
 *
 * aws-local-stepfunctions keeps nothing: this runner writes each execution's record when it
 * starts, appends every state entered (with its input) and exited (with its output) to the
 * execution's journal as it goes, and keeps the definition the execution runs. After a restart,
 * `recover` carries each cut-off execution on as a Step Functions redrive does: from the state
 * that was in flight, with the input that state received (the previous state's output), on the
 * same definition and under the same ARN. Completed states are not run again; the state in flight
 * is (its steps are idempotent by mission and attempt). Only an execution that cannot go on is
 * failed, with the reason.
 */
export class LocalWorkflowRunner implements WorkflowPort {
  private readonly definition: Definition;
  private readonly definitionSha: string;
  /** The definition's file, written once per runner (see `keepDefinition`). */
  private definitionKept: Promise<void> | null = null;
  private readonly running = new Map<string, { abort: () => void; done: Promise<void>; record: ExecutionRecord }>();
  /** The process is stopping: nothing more is journalled or recorded as ended (see `suspend`). */
  private suspended = false;
  /** Tokens of `.waitForTaskToken` states, kept with the executions (they survive a restart). */
  readonly taskTokens: LocalTaskTokens;
  /** Executions waiting for a task token right now (by ARN). */
  private readonly waiting = new Set<string>();
  private waitingChanged: Array<() => void> = [];

  constructor(private readonly options: LocalWorkflowRunnerOptions) {
    this.taskTokens = new LocalTaskTokens(join(options.dir, 'task-tokens'));
    this.definition = JSON.parse(options.definitionJson) as Definition;
    this.definitionSha = sha256(options.definitionJson);
    // Fails now, at start-up, on a definition the runtime refuses. The check (JSON schemas compiled
    // for each call) cost most of a start, so a definition that passed is remembered by its digest
    // in the build cache, and every execution then runs it unchecked.
    const passed = join(buildCacheDir(), `definition-${this.definitionSha.slice(0, 32)}.checked`);
    if (!existsSync(passed)) {
      new (stepFunctionsRuntime().StateMachine)(this.definition, { validationOptions: { checkArn: false } });
      try {
        mkdirSync(buildCacheDir(), { recursive: true });
        writeFileSync(passed, `${new Date().toISOString()}\n`);
      } catch {
        // A read-only tree: check again at the next start.
      }
    }
  }

  private path(name: string): string {
    return join(this.options.dir, `${name}.json`);
  }

  private journalPath(name: string): string {
    return join(this.options.dir, `${name}.journal`);
  }

  private definitionPath(sha: string): string {
    return join(this.options.dir, 'definitions', `${sha}.json`);
  }

  /** Writes the record whole or not at all (a crash mid-write leaves the previous version). */
  private async save(record: ExecutionRecord): Promise<void> {
    const tmp = `${this.path(record.name)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(record, null, 2));
    await rename(tmp, this.path(record.name));
  }

  /**
   * Keeps the definition executions start from (once per runner: the file is named by its content,
   * so one copy serves every start; a failed write is tried again by the next start).
   */
  private keepDefinition(): Promise<void> {
    this.definitionKept ??= (async () => {
      const path = this.definitionPath(this.definitionSha);
      await mkdir(join(this.options.dir, 'definitions'), { recursive: true });
      // Written as a draft, then renamed into place: the definition file is always whole, and the
      // same content landing twice (another runner on the folder) is harmless.
      const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, this.options.definitionJson);
      await rename(tmp, path);
    })().catch((err: unknown) => {
      this.definitionKept = null;
      throw err;
    });
    return this.definitionKept;
  }

  async start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }> {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new Error(`Invalid execution name ${name}`);
    // Makes the runner's folder too.
    await this.keepDefinition();
    const record: ExecutionRecord = {
      arn: `arn:aws:states:local:000000000000:execution:gantry-mission:${name}`,
      name,
      input,
      status: 'RUNNING',
      started_at: new Date().toISOString(),
      states: [],
      definition_sha256: this.definitionSha,
      redrive_count: 0,
      used_ms: 0,
    };
    // Created exclusively and whole: the record is written aside, then linked into place (a link
    // fails if the name exists), so a racing start of the same name never reads a half-written
    // record. An execution name is used once, as on Step Functions.
    const draft = `${this.path(name)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const text = JSON.stringify(record, null, 2);
    await writeFile(draft, text).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      // The folder went away under a running stack: make it (and the definition) again.
      this.definitionKept = null;
      await this.keepDefinition();
      await writeFile(draft, text);
    });
    try {
      await link(draft, this.path(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // As StartExecution: the same name with the same input is the same execution (a retried
      // start); with another input it is refused.
      const existing = await this.describe(name).catch(() => null);
      if (existing && JSON.stringify(existing.input) === JSON.stringify(input)) return { executionArn: existing.arn };
      throw new ConflictError(`Execution ${name} already exists`);
    } finally {
      await unlink(draft).catch(() => undefined);
    }
    // Started while the stack stops: recorded, and run from the start by the next start-up.
    if (!this.suspended) this.launch(record, this.definition, input as Json);
    return { executionArn: record.arn };
  }

  /**
   * The local tasks of one run. A `.waitForTaskToken` state's task is wrapped as Step Functions
   * runs it: a token is issued for the entry (durably), the function is called with the payload
   * carrying it and returns, then the state waits until the token is completed, the state's
   * TimeoutSeconds passes (`States.Timeout`), or the execution stops (the token is discarded).
   * The state in flight when a restart cut the execution off waits on the token it had, and its
   * timeout counts from when it was first entered, so a wait whose time ran out while the stack
   * was down times out at once.
   */
  private tasksFor(
    record: ExecutionRecord,
    definition: Definition,
    stopped: AbortSignal,
    entries: JournalledEntries,
    resumed?: { readonly state: string; readonly enteredAt: string },
  ): Record<string, LocalTask> {
    const tasks: Record<string, LocalTask> = { ...this.options.tasks };
    let cutOff = resumed;
    const states = definition.States as Record<string, WaitingTaskState>;
    const limit = this.options.functionConcurrency;
    // Steps of the execution that started first go first (see `FunctionConcurrency`), except that
    // a step next to a build goes before all others: a builder waits on it.
    const started = Date.parse(record.started_at);
    const nearBuild = statesNextToBuild(states);
    for (const [name, state] of Object.entries(states)) {
      const given = this.options.tasks[name];
      if (state.Type !== 'Task' || !given) continue;
      const rank = nearBuild.has(name) ? started - NEXT_TO_BUILD_AHEAD_MS : started;
      // A function's invocation runs within the limit; a wait for its token (below) does not.
      const task: LocalTask =
        limit && invokesFunction(state.Resource)
          ? (input) => limit.run(() => given(input), stopped, executionStopped, rank)
          : given;
      tasks[name] = task;
      if (!state.Resource?.endsWith('.waitForTaskToken')) continue;
      const unwrapPayload = state.Resource.startsWith('arn:aws:states:::lambda:invoke');
      tasks[name] = async (input) => {
        // The state's time counts from its entry, not from when its entry is on disk (below).
        let enteredAt = Date.now();
        // Write-ahead: the state's entry is on disk before its token is issued or its function
        // called, so a stop from here on resumes this very state (with the token it had).
        await entries.untilWritten(name, stopped);
        let token: string;
        // A token answered while the stack was stopping: delivered without calling the function again.
        let answered = false;
        if (cutOff?.state === name) {
          const since = cutOff.enteredAt;
          cutOff = undefined;
          enteredAt = Date.parse(since);
          const kept = await this.taskTokens.issuedSince(record.name, name, since);
          if (kept?.status === 'timed_out') throw new StatesTimeout();
          answered = kept?.status === 'succeeded' || kept?.status === 'failed';
          token = kept?.token ?? (await this.taskTokens.issue(record.name, name));
        } else {
          token = await this.taskTokens.issue(record.name, name);
        }
        const deadline = state.TimeoutSeconds !== undefined ? enteredAt + state.TimeoutSeconds * 1000 : undefined;
        if (!answered && deadline !== undefined && Date.now() >= deadline) {
          await this.taskTokens.close(token, 'timed_out');
          throw new StatesTimeout();
        }
        const effective = withToken(input, token) as Json;
        const payload =
          unwrapPayload && effective && typeof effective === 'object' && !Array.isArray(effective) && 'Payload' in effective
            ? (effective.Payload as Json)
            : effective;
        if (!answered) await task(payload);
        this.setWaiting(record.arn, true);
        return await new Promise<Json>((resolve, reject) => {
          let timer: NodeJS.Timeout | undefined;
          const onStop = (): void => {
            clearTimeout(timer);
            // A suspend freezes the wait for the next start; a stop discards the token.
            if (!this.suspended) void this.taskTokens.close(token, 'aborted');
            reject(executionStopped());
          };
          if (deadline !== undefined) {
            timer = setTimeout(() => {
              stopped.removeEventListener('abort', onStop);
              void this.taskTokens.close(token, 'timed_out').finally(() => reject(new StatesTimeout()));
            }, deadline - Date.now());
          }
          if (stopped.aborted) return onStop();
          stopped.addEventListener('abort', onStop, { once: true });
          this.taskTokens.wait(token).then(
            (output) => {
              clearTimeout(timer);
              stopped.removeEventListener('abort', onStop);
              resolve(output as Json);
            },
            (err: Error) => {
              clearTimeout(timer);
              stopped.removeEventListener('abort', onStop);
              reject(err);
            },
          );
        }).finally(() => this.setWaiting(record.arn, false));
      };
    }
    return tasks;
  }

  /** Runs `definition` from its StartAt with `input`, journalling every state, and settles the record. */
  private launch(
    record: ExecutionRecord,
    definition: Definition,
    input: Json,
    resumed?: { readonly state: string; readonly enteredAt: string },
  ): void {
    // The definition was checked when the runner was made (a redrive's is that one started at a
    // later state, which the check would call unreachable from StartAt).
    const machine = new (stepFunctionsRuntime().StateMachine)(withWaitTimeoutsHeld(definition, this.options.tasks), {
      validationOptions: { noValidate: true },
    });
    const stopped = new AbortController();
    const entries = new JournalledEntries();
    stopped.signal.addEventListener('abort', () => entries.wake(), { once: true });
    const execution = machine.run(input, {
      overrides: { taskResourceLocalHandlers: this.tasksFor(record, definition, stopped.signal, entries, resumed) },
      noThrowOnAbort: true,
      context: { Task: { Token: TASK_TOKEN_MARKER } },
    });
    const journalFile = new AppendOnlyFile(this.journalPath(record.name));
    // The first state a resumed run enters is the one the restart cut off.
    let carriedOn = resumed;
    const done = (async () => {
      const follow = (async () => {
        for await (const ev of execution.eventLogs) {
          if ((ev.type !== 'StateEntered' && ev.type !== 'StateExited') || ev.index !== undefined) continue;
          // Whatever the runtime does after a suspend (a Catch of the build that the stop ended)
          // is not this execution's history: the next start goes on from before it.
          if (this.suspended) continue;
          const entry: JournalEntry = {
            event: ev.type === 'StateEntered' ? 'entered' : 'exited',
            state: ev.state.name,
            data: ev.type === 'StateEntered' ? ev.state.input : (ev.state.output ?? null),
            at: new Date(ev.timestamp).toISOString(),
            ...(ev.type === 'StateEntered' && carriedOn?.state === ev.state.name
              ? { first_entered_at: carriedOn.enteredAt }
              : {}),
          };
          if (ev.type === 'StateEntered') carriedOn = undefined;
          await journalFile
            .append(`${JSON.stringify(entry)}\n`)
            .catch((err: Error) =>
              logger.error('Could not journal a state', { execution: record.name, state: entry.state, error: err }),
            );
          if (entry.event === 'entered') {
            entries.noteWritten(entry.state);
            record.states.push(entry.state);
            this.options.onStateEntered?.(record, entry.state);
          }
        }
      })()
        .catch(() => undefined)
        .finally(() => {
          entries.close();
          void journalFile.close();
        });
      try {
        const result = await execution.result;
        record.status = result === null ? 'ABORTED' : 'SUCCEEDED';
      } catch (err) {
        const name = (err as Error).name;
        record.status = name === 'ExecutionTimeoutError' ? 'TIMED_OUT' : 'FAILED';
        record.error = (err as Error).message;
      }
      await follow;
      if (this.suspended) {
        // Left RUNNING on disk: the next start carries it on.
        this.running.delete(record.arn);
        return;
      }
      record.stopped_at = new Date().toISOString();
      await this.save(record).catch((err: Error) => logger.error('Could not persist execution', { error: err }));
      this.running.delete(record.arn);
      await this.announceEnd(record);
    })();
    this.running.set(record.arn, {
      abort: () => {
        execution.abort();
        stopped.abort();
      },
      done,
      record,
    });
  }

  /**
   * The stack is stopping without draining: every execution is frozen where it is, as a crash
   * would leave it but cleanly. No state from now on is journalled and no execution is recorded
   * as ended, so the build that the stop ends is not taken for a failure, and the next start
   * carries each execution on from its last journalled state.
   */
  suspend(): void {
    this.suspended = true;
    for (const run of this.running.values()) run.abort();
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

  /** Whether the execution of this name runs in this process now. */
  isRunning(name: string): boolean {
    return [...this.running.values()].some((r) => r.record.name === name);
  }

  /** Executions in progress right now. */
  get active(): number {
    return this.running.size;
  }

  /**
   * Waits for every running execution to end (tests, graceful shutdown). With `exceptWaiting`, an
   * execution waiting for its task token (a person's decision, which may take days) counts as
   * settled: a stop then freezes it, and the next start carries the wait on.
   */
  async drain(options: { exceptWaiting?: boolean } = {}): Promise<void> {
    for (;;) {
      const active = [...this.running.values()].filter((r) => !(options.exceptWaiting && this.waiting.has(r.record.arn)));
      if (active.length === 0) return;
      const ended = Promise.all(active.map((r) => r.done));
      if (!options.exceptWaiting) return void (await ended);
      await Promise.race([ended, new Promise<void>((resolve) => this.waitingChanged.push(resolve))]);
    }
  }

  /** Marks an execution as waiting for a task token (or not), and wakes `drain`. */
  private setWaiting(arn: string, waiting: boolean): void {
    if (waiting) this.waiting.add(arn);
    else this.waiting.delete(arn);
    for (const wake of this.waitingChanged.splice(0)) wake();
  }

  /** The journal of an execution, oldest first (a line torn by a crash is left out). */
  async journal(name: string): Promise<JournalEntry[]> {
    let text: string;
    try {
      text = await readFile(this.journalPath(name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // Only the last line can be torn; whatever it said is run again.
      }
    }
    return entries;
  }

  /** The execution's record, or null. */
  async describe(name: string): Promise<ExecutionRecord | null> {
    try {
      return JSON.parse(await readFile(this.path(name), 'utf8')) as ExecutionRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /**
   * After a restart: every execution persisted as RUNNING was cut off. Each is carried on from its
   * journal (`redrive`); one that cannot go on is handed to `onUnresumable` with the reason (which
   * fails its mission) and marked INTERRUPTED.
   */
  async recover(onUnresumable: (record: ExecutionRecord, reason: string) => Promise<void>): Promise<RecoveryOutcome[]> {
    await mkdir(this.options.dir, { recursive: true });
    const outcomes: RecoveryOutcome[] = [];
    for (const file of (await readdir(this.options.dir)).sort()) {
      // A start's draft left by a crash before it was linked into place: nothing ran from it.
      if (file.endsWith('.tmp')) await unlink(join(this.options.dir, file)).catch(() => undefined);
      if (!file.endsWith('.json')) continue;
      let record: ExecutionRecord;
      try {
        record = JSON.parse(await readFile(join(this.options.dir, file), 'utf8')) as ExecutionRecord;
      } catch (err) {
        // Torn while it was first written (the only write not made by rename): no state ran from
        // it yet. Set aside, so the mission's workflow can be started again under its name.
        logger.error('Unreadable execution record set aside', { file, error: err as Error });
        await rename(join(this.options.dir, file), join(this.options.dir, `${file}.unreadable`));
        continue;
      }
      if (record.status !== 'RUNNING' || this.running.has(record.arn)) continue;
      const plan = await this.redrivePlan(record);
      if ('reason' in plan) {
        await onUnresumable(record, plan.reason);
        record.status = 'INTERRUPTED';
        record.error = plan.reason;
        record.stopped_at = new Date().toISOString();
        await this.save(record);
        outcomes.push({ record, resumed: false, reason: plan.reason });
        continue;
      }
      record.states = (await this.journal(record.name)).filter((e) => e.event === 'entered').map((e) => e.state);
      record.redrive_count = (record.redrive_count ?? 0) + 1;
      record.redriven_at = new Date().toISOString();
      record.used_ms = plan.usedMs;
      await this.save(record);
      const mark: JournalEntry = { event: 'redriven', state: plan.from, data: null, at: record.redriven_at };
      await appendFile(this.journalPath(record.name), `${JSON.stringify(mark)}\n`);
      this.launch(
        record,
        plan.definition,
        plan.input as Json,
        plan.enteredAt ? { state: plan.from, enteredAt: plan.enteredAt } : undefined,
      );
      logger.info('Execution carried on after a restart', { execution: record.name, state: plan.from });
      outcomes.push({ record, resumed: true, from: plan.from });
    }
    return outcomes;
  }

  /**
   * Where and how a cut-off execution goes on: its own definition (as a redrive uses the
   * execution's definition, not a newer one) starting at the state that was in flight, with the
   * input that state received, and with the time the machine's timeout leaves it.
   */
  private async redrivePlan(
    record: ExecutionRecord,
  ): Promise<{ definition: Definition; from: string; input: unknown; usedMs: number; enteredAt?: string } | { reason: string }> {
    if (!record.definition_sha256) {
      return { reason: 'it was started before executions kept their definition and journal, so it cannot be carried on' };
    }
    let definitionJson: string;
    try {
      definitionJson = await readFile(this.definitionPath(record.definition_sha256), 'utf8');
    } catch {
      return { reason: `the state machine definition it ran (${record.definition_sha256.slice(0, 12)}) is missing` };
    }
    if (sha256(definitionJson) !== record.definition_sha256) {
      return { reason: `the state machine definition it ran (${record.definition_sha256.slice(0, 12)}) was changed on disk` };
    }
    const definition = JSON.parse(definitionJson) as Definition;
    const states = definition.States as Record<string, { Type: string; Resource?: string }>;
    // The code of the Task states is today's: a state with no local task any more cannot run.
    const missing = Object.entries(states)
      .filter(([name, s]) => s.Type === 'Task' && !this.options.tasks[name])
      .map(([name]) => name);
    if (missing.length > 0) {
      return { reason: `the state machine definition changed: no task runs ${missing.join(', ')} any more` };
    }
    const journal = await this.journal(record.name);
    const lastEntered = [...journal].reverse().find((e) => e.event === 'entered');
    const from = lastEntered?.state ?? definition.StartAt;
    if (!states[from]) return { reason: `the state machine definition has no state ${from}` };
    const input = lastEntered ? lastEntered.data : record.input;
    // Time spent while the stack was down does not count; time the execution ran does.
    const segmentStart = Date.parse(record.redriven_at ?? record.started_at);
    const lastSeen = journal.length > 0 ? Date.parse(journal.at(-1)!.at) : segmentStart;
    const usedMs = (record.used_ms ?? 0) + Math.max(0, lastSeen - segmentStart);
    const timeoutSeconds = definition.TimeoutSeconds;
    if (timeoutSeconds !== undefined && usedMs >= timeoutSeconds * 1000) {
      return { reason: `it had used its ${timeoutSeconds} s before the stack stopped (timed out)` };
    }
    return {
      definition: {
        ...definition,
        StartAt: from,
        ...(timeoutSeconds !== undefined ? { TimeoutSeconds: Math.max(1, Math.ceil(timeoutSeconds - usedMs / 1000)) } : {}),
      },
      from,
      input,
      usedMs,
      ...(lastEntered ? { enteredAt: lastEntered.first_entered_at ?? lastEntered.at } : {}),
    };
  }
}
