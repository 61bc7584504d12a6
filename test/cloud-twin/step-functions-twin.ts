import '../../local/polyfills';
import { StateMachine } from 'aws-local-stepfunctions';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallRecorder } from './call-recorder';

type Json = Parameters<StateMachine['run']>[0];

/** What `$$.Task.Token` reads in a twin execution; each `.waitForTaskToken` entry swaps it for its own token. */
const TASK_TOKEN_MARKER = 'twin-task-token';

function withToken(value: unknown, token: string): unknown {
  if (value === TASK_TOKEN_MARKER) return token;
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withToken(v, token)]));
  }
  return value;
}

/** A task failed by SendTaskFailure: the error name is what the definition's Catch matches. */
class SentTaskFailure extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/** The EventBridge event Step Functions emits when an execution's status changes. */
export interface ExecutionStatusChange {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'Step Functions Execution Status Change';
  readonly source: 'aws.states';
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  readonly detail: {
    readonly executionArn: string;
    readonly stateMachineArn: string;
    readonly name: string;
    readonly status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
    readonly startDate: number;
    readonly stopDate: number | null;
    readonly input: string;
    readonly output: string | null;
    readonly error: string | null;
    readonly cause: string | null;
  };
}

export interface Execution {
  readonly arn: string;
  readonly name: string;
  status: ExecutionStatusChange['detail']['status'];
  readonly states: string[];
  /** States retried by a `Retry` of the definition, in order. */
  readonly retried: string[];
  readonly done: Promise<void>;
  error?: string;
  cause?: string;
}

/** Runs one Task state's integration; `signal` aborts when the execution is stopped. */
export type TaskIntegration = (resource: string, input: unknown, execution: Execution, signal: AbortSignal) => Promise<unknown>;

export interface StepFunctionsTwinOptions {
  readonly stateMachineArn: string;
  /** The definition with its substitutions applied (from the template). */
  readonly definitionJson: string;
  readonly integration: TaskIntegration;
  readonly recorder: CallRecorder;
  /** EventBridge: every status change of an execution. */
  readonly onStatusChange?: (event: ExecutionStatusChange) => Promise<void>;
}

class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The Step Functions the functions talk to: a JSON 1.0 wire server (`AWSStepFunctions.*`:
 * StartExecution, StopExecution, DescribeExecution, DescribeStateMachine) whose executions run
 * the template's definition in aws-local-stepfunctions. Each Task state is handed to the
 * integration with the state's effective input (after Parameters), as Step Functions would
 * invoke the Lambda function or run the ECS task. The state machine role's own calls
 * (lambda:InvokeFunction, ecs:RunTask, ecs:StopTask) are recorded as `state-machine`.
 */
export class StepFunctionsTwin {
  private server: Server | undefined;
  private machine: StateMachine;
  private readonly executions = new Map<string, Execution & { abort: () => void; controller: AbortController }>();
  private retryIntervals: Record<string, number> | undefined;
  /** Tokens of `.waitForTaskToken` tasks still waiting, and those closed (answered, timed out, stopped). */
  private readonly waitingTokens = new Map<string, { resolve: (output: unknown) => void; reject: (err: Error) => void }>();
  private readonly closedTokens = new Set<string>();
  url = '';

  constructor(private readonly options: StepFunctionsTwinOptions) {
    this.machine = this.build(options.definitionJson);
  }

  private build(definitionJson: string): StateMachine {
    return new StateMachine(JSON.parse(definitionJson) as never, { validationOptions: { checkArn: false } });
  }

  /**
   * The twin's clock for the execution timeout: executions started from now on run the same
   * definition with a shorter top-level `TimeoutSeconds` (aws-local-stepfunctions ends such an
   * execution as Step Functions does: no Catch runs), so a timeout can be watched in seconds
   * instead of the policy's minutes. Returns the function that restores the template's timeout.
   */
  compressExecutionTimeout(seconds: number): () => void {
    const definition = JSON.parse(this.options.definitionJson) as { TimeoutSeconds?: number };
    if (typeof definition.TimeoutSeconds !== 'number') throw new Error('The definition sets no execution TimeoutSeconds');
    if (seconds >= definition.TimeoutSeconds) throw new Error(`${seconds} s does not shorten ${definition.TimeoutSeconds} s`);
    definition.TimeoutSeconds = seconds;
    this.machine = this.build(JSON.stringify(definition));
    return () => {
      this.machine = this.build(this.options.definitionJson);
    };
  }

  /**
   * The twin's clock for retries: executions started from now on retry the named states at once
   * instead of after the definition's backoff (with its jitter); the retry policy itself (which
   * errors, how many attempts) stays the definition's. Returns the function that restores it.
   */
  retryImmediately(stateNames: readonly string[]): () => void {
    this.retryIntervals = Object.fromEntries(stateNames.map((n) => [n, 0]));
    return () => {
      this.retryIntervals = undefined;
    };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const e of this.executions.values()) {
      e.controller.abort();
      e.abort();
    }
    await Promise.all([...this.executions.values()].map((e) => e.done.catch(() => undefined)));
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** How many executions were started. */
  get executionCount(): number {
    return this.executions.size;
  }

  execution(name: string): Execution | undefined {
    return [...this.executions.values()].find((e) => e.name === name);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target.startsWith('AWSStepFunctions.')) throw new SfnError('UnknownOperationException', `Unknown target ${target}`);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.0')) {
        throw new SfnError('SerializationException', 'Content-Type must be application/x-amz-json-1.0');
      }
      if (!/Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/states\/aws4_request/.test(String(req.headers.authorization ?? ''))) {
        throw new SfnError('MissingAuthenticationTokenException', 'Request is not signed for states');
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      reply(200, this.act(target.slice('AWSStepFunctions.'.length), body));
    } catch (err) {
      const e = err instanceof SfnError ? err : new SfnError('InvalidRequestException', (err as Error).message);
      reply(400, { __type: e.type, message: e.message });
    }
  }

  private act(action: string, body: Record<string, unknown>): unknown {
    switch (action) {
      case 'StartExecution': {
        if (body.stateMachineArn !== this.options.stateMachineArn) {
          throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${String(body.stateMachineArn)}'`);
        }
        const name = typeof body.name === 'string' ? body.name : randomUUID();
        if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
        if (this.execution(name)) throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${name}'`);
        let input: unknown;
        try {
          input = JSON.parse(typeof body.input === 'string' ? body.input : '{}');
        } catch {
          throw new SfnError('InvalidExecutionInput', 'Invalid State Machine Execution Input');
        }
        const execution = this.run(name, input);
        return { executionArn: execution.arn, startDate: Date.now() / 1000 };
      }
      case 'StopExecution': {
        const arn = String(body.executionArn ?? '');
        const execution = [...this.executions.values()].find((e) => e.arn === arn);
        if (!execution) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
        if (execution.status === 'RUNNING') {
          execution.error = typeof body.error === 'string' ? body.error : undefined;
          execution.cause = typeof body.cause === 'string' ? body.cause : undefined;
          execution.controller.abort();
          execution.abort();
        }
        return { stopDate: Date.now() / 1000 };
      }
      case 'DescribeExecution': {
        const arn = String(body.executionArn ?? '');
        const e = [...this.executions.values()].find((x) => x.arn === arn);
        if (!e) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
        return { executionArn: e.arn, stateMachineArn: this.options.stateMachineArn, name: e.name, status: e.status };
      }
      case 'SendTaskSuccess':
      case 'SendTaskFailure': {
        const token = typeof body.taskToken === 'string' ? body.taskToken : '';
        if (token.length < 1 || token.length > 2048) throw new SfnError('InvalidToken', 'Invalid token');
        const waiter = this.waitingTokens.get(token);
        if (!waiter) {
          if (this.closedTokens.has(token)) throw new SfnError('TaskTimedOut', 'Task Timed Out');
          throw new SfnError('InvalidToken', 'Invalid token');
        }
        if (action === 'SendTaskSuccess') {
          let output: unknown;
          try {
            output = JSON.parse(typeof body.output === 'string' ? body.output : '');
          } catch {
            throw new SfnError('InvalidOutput', 'Invalid output');
          }
          waiter.resolve(output);
        } else {
          waiter.reject(new SentTaskFailure(String(body.error ?? ''), String(body.cause ?? '')));
        }
        this.waitingTokens.delete(token);
        this.closedTokens.add(token);
        return {};
      }
      case 'DescribeStateMachine':
        if (body.stateMachineArn !== this.options.stateMachineArn) {
          throw new SfnError('StateMachineDoesNotExist', 'State Machine Does Not Exist');
        }
        return {
          stateMachineArn: this.options.stateMachineArn,
          name: this.options.stateMachineArn.split(':').at(-1),
          status: 'ACTIVE',
          definition: this.options.definitionJson,
          roleArn: 'arn:aws:iam::123456789012:role/state-machine',
          type: 'STANDARD',
          creationDate: 1_700_000_000,
        };
      default:
        throw new SfnError('UnknownOperationException', `${action} is not served by the twin`);
    }
  }

  private run(name: string, input: unknown): Execution {
    const arn = this.options.stateMachineArn.replace(':stateMachine:', ':execution:') + `:${name}`;
    const controller = new AbortController();
    const definition = JSON.parse(this.options.definitionJson) as {
      States: Record<string, { Type: string; Resource?: string; TimeoutSeconds?: number }>;
    };
    const tasks: Record<string, (input: Json) => Promise<Json>> = {};
    const record: Execution & { abort: () => void; controller: AbortController } = {
      arn,
      name,
      status: 'RUNNING',
      states: [],
      retried: [],
      done: Promise.resolve(),
      abort: () => undefined,
      controller,
    };
    for (const [stateName, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task' || !state.Resource) continue;
      const resource = state.Resource;
      if (resource.endsWith('.waitForTaskToken')) {
        // The callback pattern: the integration gets the state's own token and returns; the state
        // then waits for SendTaskSuccess/SendTaskFailure, its TimeoutSeconds, or a stop.
        const timeoutMs = (state.TimeoutSeconds ?? 31_536_000) * 1000;
        tasks[stateName] = async (taskInput) => {
          const token = `AQ${randomBytes(96).toString('base64url')}`;
          const answered = new Promise<unknown>((resolve, reject) => this.waitingTokens.set(token, { resolve, reject }));
          answered.catch(() => undefined);
          const close = (): void => {
            this.waitingTokens.delete(token);
            this.closedTokens.add(token);
          };
          const timer = setTimeout(close, timeoutMs);
          controller.signal.addEventListener('abort', close, { once: true });
          try {
            await this.options.integration(resource, withToken(taskInput, token), record, controller.signal);
            return (await answered) as Json;
          } finally {
            clearTimeout(timer);
            controller.signal.removeEventListener('abort', close);
            close();
          }
        };
        continue;
      }
      tasks[stateName] = async (taskInput) =>
        (await this.options.integration(resource, taskInput, record, controller.signal)) as Json;
    }
    const startDate = Date.now();
    const emit = async (status: Execution['status'], output: string | null): Promise<void> => {
      await this.options.onStatusChange?.({
        version: '0',
        id: randomUUID(),
        'detail-type': 'Step Functions Execution Status Change',
        source: 'aws.states',
        account: arn.split(':')[4] ?? '',
        time: new Date().toISOString(),
        region: arn.split(':')[3] ?? '',
        resources: [arn],
        detail: {
          executionArn: arn,
          stateMachineArn: this.options.stateMachineArn,
          name,
          status,
          startDate,
          stopDate: status === 'RUNNING' ? null : Date.now(),
          input: JSON.stringify(input),
          output,
          // A timeout carries no error or cause in the event (only StopExecution's own are passed on).
          error: status === 'TIMED_OUT' ? null : (record.error ?? null),
          cause: status === 'TIMED_OUT' ? null : (record.cause ?? null),
        },
      });
    };
    const run = this.machine.run(input as Json, {
      overrides: {
        taskResourceLocalHandlers: tasks,
        ...(this.retryIntervals ? { retryIntervalOverrides: this.retryIntervals } : {}),
      },
      noThrowOnAbort: true,
      context: { Task: { Token: TASK_TOKEN_MARKER } },
    });
    record.abort = run.abort;
    this.executions.set(arn, record);
    const done = (async () => {
      await emit('RUNNING', null);
      const follow = (async () => {
        for await (const ev of run.eventLogs) {
          if (ev.type === 'StateEntered') record.states.push(ev.state.name);
          if (ev.type === 'StateRetried') record.retried.push(ev.state.name);
        }
      })().catch(() => undefined);
      let output: string | null = null;
      try {
        const result = await run.result;
        record.status = result === null ? 'ABORTED' : 'SUCCEEDED';
        output = result === null ? null : JSON.stringify(result);
      } catch (err) {
        const e = err as Error & { cause?: unknown };
        record.status =
          e.name === 'ExecutionTimeoutError' ? 'TIMED_OUT' : e.name === 'ExecutionAbortedError' ? 'ABORTED' : 'FAILED';
        record.error ??= record.status === 'TIMED_OUT' ? 'States.Timeout' : e.name;
        record.cause ??= e.message;
      }
      controller.abort();
      await follow;
      await emit(record.status, output);
    })();
    (record as { done: Promise<void> }).done = done;
    return record;
  }
}
