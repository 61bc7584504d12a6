import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TaskTokenClosedError } from '../lambdas/domain/errors';
import type { TaskTokens } from '../lambdas/domain/ports';

/** One task token of a local execution, as kept on disk. */
export interface TaskTokenRecord {
  readonly token: string;
  readonly execution: string;
  readonly state: string;
  readonly issued_at: string;
  /** `waiting` until sendSuccess/sendFailure, the state's timeout, or a stop closes it. */
  status: 'waiting' | 'succeeded' | 'failed' | 'timed_out' | 'aborted';
  output?: unknown;
  error?: string;
  cause?: string;
  closed_at?: string;
}

/** The error a failed token rejects its waiter with: its name is what the ASL's Catch matches. */
export class TaskFailedError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

type Waiter = { resolve: (output: unknown) => void; reject: (err: Error) => void };

/**
 * The local runner's task tokens (what Step Functions keeps for a `.waitForTaskToken` state),
 * one file per token under the executions folder. A token outlives the process: after a restart
 * the redriven state waits on the same token, and a completion that arrived before the crash is
 * delivered to it. Completions of one token are serialised, so of two racing calls one completes
 * it and the other is refused, as SendTaskSuccess refuses a closed token.
 */
export class LocalTaskTokens implements TaskTokens {
  private readonly waiters = new Map<string, Waiter>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {}

  private path(token: string): string {
    if (!/^gtt-[0-9a-f]{48}$/.test(token)) throw new TaskTokenClosedError('Invalid task token');
    return join(this.dir, `${token}.json`);
  }

  private async serial<T>(token: string, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(token) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    this.locks.set(token, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(token) === settled) this.locks.delete(token);
    }
  }

  private async read(token: string): Promise<TaskTokenRecord | null> {
    try {
      return JSON.parse(await readFile(this.path(token), 'utf8')) as TaskTokenRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private async write(record: TaskTokenRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.path(record.token)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, this.path(record.token));
  }

  /** A new token for one entry of `state` in `execution`, recorded as waiting. */
  async issue(execution: string, state: string): Promise<string> {
    const token = `gtt-${randomBytes(24).toString('hex')}`;
    await this.write({ token, execution, state, issued_at: new Date().toISOString(), status: 'waiting' });
    return token;
  }

  /**
   * The token issued for the entry of `state` that a restart cut off (issued at or after
   * `enteredAt`), if any: the redriven state waits on it instead of a new one.
   */
  async issuedSince(execution: string, state: string, enteredAt: string): Promise<TaskTokenRecord | null> {
    let files: string[];
    try {
      files = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const found: TaskTokenRecord[] = [];
    for (const file of files) {
      if (!file.endsWith('.json')) continue;
      const record = await this.read(file.slice(0, -'.json'.length)).catch(() => null);
      if (record && record.execution === execution && record.state === state && record.issued_at >= enteredAt) {
        found.push(record);
      }
    }
    return found.sort((a, b) => (a.issued_at < b.issued_at ? 1 : -1))[0] ?? null;
  }

  /** Resolves with the output of sendSuccess, rejects with the error of sendFailure (by its name). */
  wait(token: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      // The waiter is registered under the token's lock, so no completion can slip in between.
      this.serial(token, async () => {
        const record = await this.read(token);
        if (!record) throw new TaskTokenClosedError('Task token does not exist');
        if (record.status === 'succeeded') resolve(record.output ?? null);
        else if (record.status === 'failed') reject(new TaskFailedError(record.error ?? 'Error', record.cause ?? ''));
        else if (record.status !== 'waiting') throw new TaskTokenClosedError(`Task token is ${record.status}`);
        else this.waiters.set(token, { resolve, reject });
      }).catch(reject);
    });
  }

  async sendSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    await this.complete(token, { status: 'succeeded', output });
  }

  async sendFailure(token: string, error: string, cause: string): Promise<void> {
    await this.complete(token, { status: 'failed', error, cause });
  }

  /** The state timed out or the execution stopped: the token no longer accepts a completion. */
  async close(token: string, status: 'timed_out' | 'aborted'): Promise<void> {
    this.waiters.delete(token);
    await this.serial(token, async () => {
      const record = await this.read(token);
      if (record?.status === 'waiting') await this.write({ ...record, status, closed_at: new Date().toISOString() });
    });
  }

  private async complete(token: string, outcome: Partial<TaskTokenRecord>): Promise<void> {
    const waiter = await this.serial(token, async () => {
      const record = await this.read(token);
      if (!record) throw new TaskTokenClosedError('Task token does not exist');
      if (record.status !== 'waiting') throw new TaskTokenClosedError(`Task token is ${record.status}`);
      await this.write({ ...record, ...outcome, closed_at: new Date().toISOString() } as TaskTokenRecord);
      const found = this.waiters.get(token);
      this.waiters.delete(token);
      return found;
    });
    if (!waiter) return;
    if (outcome.status === 'succeeded') waiter.resolve(outcome.output ?? null);
    else waiter.reject(new TaskFailedError(outcome.error ?? 'Error', outcome.cause ?? ''));
  }
}
