import { fork, spawn as spawnHere, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { finished, PassThrough, Writable, type Readable } from 'node:stream';
import type { ProcessChild, StartProcess } from '../../lambdas/adapters/publishers';

/**
 * Starts the stack's host programs (the builders' sandboxes, job disks, git) from a small process
 * of its own (host-spawner.js) instead of from the stack: see that file for why. What callers get
 * back behaves as node's ChildProcess does for what they use: `pid` once started, the `spawn`,
 * `error`, `exit` and `close` events in that order, readable stdout/stderr/extra pipes and a
 * writable stdin.
 *
 * Starts wait until the helper says it is ready; a helper that dies before that never received
 * one, and they start from the stack itself (once each). One that dies three times before it is
 * ready is given up: programs then start from the stack, as before. A helper that dies while its
 * programs run ends them for the stack with signal SIGKILL (a sandbox started with
 * --die-with-parent ends with it); the next start makes a new helper.
 */

/** The subset of a spawn's options the helper passes on (all of them are plain data). */
export interface HostSpawnOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly detached?: boolean;
  readonly stdio?: readonly ('pipe' | 'ignore')[];
}

/** What `run` answers (as `execFile` does): both outputs, once the program exited 0. */
export interface RunOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** A helper that died this many times without ever answering is given up: programs start here. */
const MAX_HELPER_FAILURES = 3;

type StdinMessage = { op: 'stdin'; id: number; data?: Buffer; end?: true };
type SpawnRequest = { op: 'spawn'; id: number; file: string; args: string[]; options: HostSpawnOptions };

type HelperMessage =
  | { id: number; ev: 'spawn'; pid: number }
  | { id: number; ev: 'data'; fd: number; chunk: Uint8Array }
  | { id: number; ev: 'end'; fd: number }
  | { id: number; ev: 'exit' | 'close'; code: number | null; signal: NodeJS.Signals | null }
  | { id: number; ev: 'error'; message: string; code: string | null };

/** A program started by the helper, seen from the stack. */
class RemoteChild extends EventEmitter implements ProcessChild {
  pid: number | undefined;
  readonly stdio: (Readable | Writable | null)[];
  private exited = false;
  private closed = false;

  /** Where stdin goes once the program has a starter (until then it waits here, in order). */
  private deliver: ((message: StdinMessage) => void) | null = null;
  private readonly outbox: StdinMessage[] = [];

  constructor(
    readonly id: number,
    stdio: readonly string[],
  ) {
    super();
    const toStdin = (message: StdinMessage): void => {
      if (this.deliver) this.deliver(message);
      else this.outbox.push(message);
    };
    this.stdio = stdio.map((kind, fd) => {
      if (kind !== 'pipe') return null;
      if (fd > 0) return new PassThrough();
      return new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          toStdin({ op: 'stdin', id, data: chunk });
          done();
        },
        final: (done) => {
          toStdin({ op: 'stdin', id, end: true });
          done();
        },
      });
    });
  }

  /** From now on stdin goes through `deliver` (what was written before goes first). */
  attach(deliver: (message: StdinMessage) => void): void {
    for (const message of this.outbox.splice(0)) deliver(message);
    this.deliver = deliver;
  }

  /** Starts the program from this process instead (the helper never got it) and relays it here. */
  startHere(file: string, args: readonly string[], options: HostSpawnOptions): void {
    const real = spawnHere(file, [...args], options as SpawnOptions);
    real.stdin?.on('error', () => undefined);
    real.once('spawn', () => this.receive({ id: this.id, ev: 'spawn', pid: real.pid! }));
    real.once('error', (err: Error & { code?: string }) =>
      this.receive({ id: this.id, ev: 'error', message: err.message, code: err.code ?? null }),
    );
    real.stdio.forEach((stream, fd) => {
      if (!stream || fd === 0) return;
      stream.on('data', (chunk: Buffer) => this.receive({ id: this.id, ev: 'data', fd, chunk }));
      stream.once('end', () => this.receive({ id: this.id, ev: 'end', fd }));
    });
    real.once('exit', (code, signal) => this.receive({ id: this.id, ev: 'exit', code, signal }));
    real.once('close', (code, signal) => this.finish(code, signal));
    this.attach((message) => {
      if (!real.stdin || real.stdin.destroyed) return;
      if (message.data) real.stdin.write(message.data);
      if (message.end) real.stdin.end();
    });
  }

  get stdin(): Writable | null {
    return (this.stdio[0] as Writable | null) ?? null;
  }

  get stdout(): Readable | null {
    return (this.stdio[1] as Readable | null) ?? null;
  }

  get stderr(): Readable | null {
    return (this.stdio[2] as Readable | null) ?? null;
  }

  private output(fd: number): PassThrough | null {
    const stream = fd > 0 ? this.stdio[fd] : null;
    return stream instanceof PassThrough && !stream.destroyed && !stream.writableEnded ? stream : null;
  }

  /** One message of the helper about this program. */
  receive(message: HelperMessage): void {
    switch (message.ev) {
      case 'spawn':
        this.pid = message.pid;
        this.emit('spawn');
        break;
      case 'data':
        this.output(message.fd)?.write(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
        break;
      case 'end':
        this.output(message.fd)?.end();
        break;
      case 'exit':
        this.exited = true;
        this.emit('exit', message.code, message.signal);
        break;
      case 'close':
        this.finish(message.code, message.signal);
        break;
      case 'error':
        this.fail(Object.assign(new Error(message.message), message.code ? { code: message.code } : {}));
        break;
    }
  }

  /** An error for the caller (none listening: a start's caller that does not care, left alone). */
  fail(err: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }

  /**
   * Ends the program's streams and emits `close` (and `exit` first if it never came), as node
   * does once the streams are done: after their last data has reached its readers. A stream
   * nobody reads is drained, as it would never end otherwise.
   */
  finish(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.exited) {
      this.exited = true;
      if (this.pid !== undefined) this.emit('exit', code, signal);
    }
    let pending = 1;
    const done = (): void => {
      if (--pending === 0) this.emit('close', code, signal);
    };
    for (const stream of this.stdio.slice(1)) {
      if (!(stream instanceof PassThrough) || stream.destroyed || stream.readableEnded) continue;
      pending += 1;
      finished(stream, { writable: false }, done);
      if (stream.readableFlowing !== true) stream.resume();
      if (!stream.writableEnded) stream.end();
    }
    done();
  }
}

export class HostProcesses {
  private helper: ChildProcess | null = null;
  /** True once the helper said it is ready; until then its starts wait in `held`. */
  private ready = false;
  private held: { child: RemoteChild; request: SpawnRequest }[] = [];
  private failures = 0;
  private nextId = 1;
  private readonly running = new Map<number, RemoteChild>();
  private closed = false;

  /** `useHelper: false` starts every program from this process (as node's spawn does). */
  constructor(
    private readonly options: {
      readonly useHelper?: boolean;
      /** The helper's script (tests: one that fails). Default: host-spawner.js beside this file. */
      readonly helperScript?: string;
    } = {},
  ) {}

  /** True while programs are started by the helper. */
  get viaHelper(): boolean {
    return this.options.useHelper !== false && !this.closed && this.failures < MAX_HELPER_FAILURES;
  }

  /** Starts `file` with `args`, as node's `spawn` would. */
  readonly spawn: StartProcess = (file, args, options = {}) => {
    const plain: HostSpawnOptions = {
      ...(options.cwd !== undefined ? { cwd: String(options.cwd) } : {}),
      // Always explicit (the helper's own environment is not the caller's), as plain strings.
      env: plainEnv(options.env ?? process.env),
      ...(options.detached ? { detached: true } : {}),
      stdio: normalizeStdio(options.stdio),
    };
    const helper = this.viaHelper ? this.ensureHelper() : null;
    if (!helper) return spawnHere(file, [...args], plain as SpawnOptions);
    const id = this.nextId++;
    const child = new RemoteChild(id, plain.stdio ?? []);
    const request: SpawnRequest = { op: 'spawn', id, file, args: [...args], options: plain };
    this.running.set(id, child);
    helper.channel?.ref();
    if (this.ready) this.send(child, request);
    else this.held.push({ child, request });
    return child;
  };

  /**
   * Runs a program to its end and answers its output, as `promisify(execFile)` does: rejects with
   * an Error carrying `code`, `stdout` and `stderr` when it exits non-zero or cannot start.
   * `input` is written to its stdin.
   */
  run(
    file: string,
    args: readonly string[],
    options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: Buffer } = {},
  ): Promise<RunOutput> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(file, args, {
        ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
        ...(options.env ? { env: options.env } : {}),
        stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let failure: Error | null = null;
      child.stdout?.on('data', (c: Buffer) => out.push(c));
      child.stderr?.on('data', (c: Buffer) => err.push(c));
      child.stdin?.on('error', () => undefined);
      child.once('error', (e: Error) => (failure = e));
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        if (!failure && code === 0) return resolve({ stdout, stderr });
        const error = failure ?? new Error(`Command failed: ${[file, ...args].join(' ')}\n${stderr}`);
        reject(Object.assign(error, { code: failure ? (failure as { code?: unknown }).code : code, signal, stdout, stderr }));
      });
      if (options.input) child.stdin?.end(options.input);
    });
  }

  /** Lets the helper go (it exits once its channel closes); later starts happen in this process. */
  close(): void {
    this.closed = true;
    const helper = this.helper;
    this.helper = null;
    if (helper?.connected) helper.disconnect();
  }

  /** Hands a program to the ready helper; its stdin follows the start on the same channel. */
  private send(child: RemoteChild, request: SpawnRequest): void {
    const helper = this.helper;
    try {
      if (!helper?.connected) throw new Error('the process starter is gone');
      helper.send(request);
    } catch (err) {
      // As a failed spawn: the error, then close, on the next turn (the caller listens by then).
      process.nextTick(() => {
        child.fail(err as Error);
        child.finish(null, null);
        this.forget(child.id);
      });
      return;
    }
    // A helper gone meanwhile has already ended the program for the stack (see ensureHelper).
    child.attach((message) => {
      if (helper.connected) helper.send(message, undefined, undefined, () => undefined);
    });
  }

  private ensureHelper(): ChildProcess | null {
    if (this.helper?.connected) return this.helper;
    let helper: ChildProcess;
    try {
      helper = fork(this.options.helperScript ?? join(__dirname, 'host-spawner.js'), [], {
        // A small heap: the helper holds only the programs it runs, and a fork of it stays cheap.
        execArgv: ['--max-semi-space-size=1', '--max-old-space-size=64'],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      });
    } catch {
      this.failures = MAX_HELPER_FAILURES;
      return null;
    }
    this.helper = helper;
    this.ready = false;
    helper.on('message', (message: HelperMessage | { ev: 'ready' }) => {
      if (message.ev === 'ready') {
        this.ready = true;
        this.failures = 0;
        for (const { child, request } of this.held.splice(0)) this.send(child, request);
        return;
      }
      const child = this.running.get(message.id);
      if (!child) return;
      child.receive(message);
      if (message.ev === 'close') this.forget(child.id);
    });
    helper.once('error', () => undefined);
    helper.once('exit', () => {
      if (this.helper === helper) this.helper = null;
      const wasReady = this.ready;
      this.ready = false;
      if (!wasReady) this.failures += 1;
      // Programs it never received start here, once each.
      for (const { child, request } of this.held.splice(0)) {
        this.forget(child.id);
        child.startHere(request.file, request.args, request.options);
      }
      // The news of those it started ends here: each is over as far as the stack can tell.
      for (const child of [...this.running.values()]) {
        if (child.pid === undefined) child.fail(new Error('the process starter stopped before the program started'));
        child.finish(null, 'SIGKILL');
        this.forget(child.id);
      }
    });
    // Idle, the helper keeps nothing of the stack's alive.
    helper.unref();
    helper.channel?.unref();
    return helper;
  }

  private forget(id: number): void {
    this.running.delete(id);
    if (this.running.size === 0 && this.held.length === 0) this.helper?.channel?.unref();
  }
}

function plainEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) plain[key] = String(value);
  return plain;
}

/** Pipes and ignored streams only: the helper's own stdio is not the stack's to inherit. */
function normalizeStdio(stdio: SpawnOptions['stdio']): ('pipe' | 'ignore')[] {
  if (stdio === undefined || stdio === 'pipe' || stdio === 'overlapped') return ['pipe', 'pipe', 'pipe'];
  if (stdio === 'ignore') return ['ignore', 'ignore', 'ignore'];
  if (typeof stdio === 'string') throw new TypeError(`the process starter cannot pass stdio '${stdio}'`);
  return stdio.map((s) => {
    if (s === 'pipe' || s === 'overlapped') return 'pipe';
    if (s === 'ignore' || s === undefined || s === null) return 'ignore';
    throw new TypeError('the process starter passes pipes and ignored streams only');
  });
}
