import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One AWS API call as the IAM check consumes it: which function made it (the handler name, or
 * `builder` for the Fargate task, `state-machine` for the workflow's own role), the IAM service
 * prefix, the IAM action, and the request with large bodies elided.
 */
export interface RecordedCall {
  readonly functionId: string;
  readonly service: string;
  readonly action: string;
  readonly input: Record<string, unknown>;
}

/** SDK client class → IAM service prefix. */
const SERVICE_PREFIX: Readonly<Record<string, string>> = {
  DynamoDBClient: 'dynamodb',
  DynamoDBDocumentClient: 'dynamodb',
  S3Client: 's3',
  SignedS3Client: 's3',
  KMSClient: 'kms',
  SFNClient: 'states',
  ECSClient: 'ecs',
  ApiGatewayManagementApiClient: 'execute-api',
  SecretsManagerClient: 'secretsmanager',
  SSMClient: 'ssm',
  BedrockRuntimeClient: 'bedrock',
};

/** SDK operations whose IAM action has another name. */
const IAM_ACTION: Readonly<Record<string, string>> = {
  's3:ListObjectsV2': 'ListBucket',
  's3:HeadObject': 'GetObject',
  'execute-api:PostToConnection': 'ManageConnections',
  'execute-api:GetConnection': 'ManageConnections',
  'execute-api:DeleteConnection': 'ManageConnections',
  'bedrock:Converse': 'InvokeModel',
  'bedrock:ConverseStream': 'InvokeModelWithResponseStream',
};

const MAX_STRING = 512;

/** The request as recorded: binary bodies and long strings are replaced by their size. */
export function elide(value: unknown, depth = 0): unknown {
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes elided>`;
  if (typeof value === 'string') return value.length > MAX_STRING ? `<${value.length} chars elided>` : value;
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '<nested value elided>';
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return '<stream elided>';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => elide(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, elide(v, depth + 1)]));
}

/** Maps an IAM action from an SDK command name; the exported helper keeps the mapping testable. */
export function iamActionOf(service: string, commandName: string): string {
  const operation = commandName.replace(/Command$/, '');
  return IAM_ACTION[`${service}:${operation}`] ?? operation;
}

export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  private readonly current = new AsyncLocalStorage<string>();

  /** Runs `fn` as function `functionId` (calls recorded by a wire server use it). */
  as<T>(functionId: string, fn: () => Promise<T>): Promise<T> {
    return this.current.run(functionId, fn);
  }

  /** The function on whose behalf the current async context runs, if any. */
  get activeFunction(): string | undefined {
    return this.current.getStore();
  }

  record(call: RecordedCall): void {
    this.calls.push({ ...call, input: elide(call.input) as Record<string, unknown> });
  }

  /**
   * Wraps `send` of one module registry's SDK base client, or of a client of our own that sends
   * `{ operation, input }` commands (the signed S3 and JSON-protocol clients, which name their
   * IAM service in `iamService`): every command any client of that
   * registry sends is recorded under `functionId` before it goes out.
   */
  instrument(clientPrototype: { send: (...args: unknown[]) => unknown }, functionId: string): void {
    const original = clientPrototype.send;
    const record = (call: RecordedCall): void => this.record(call);
    clientPrototype.send = function send(this: object, ...args: unknown[]): unknown {
      const command = args[0] as {
        constructor: { name: string };
        operation?: string;
        input?: Record<string, unknown>;
        clientCommand?: object;
      };
      const clientName = this.constructor.name;
      const service =
        (this as { iamService?: string }).iamService ??
        SERVICE_PREFIX[clientName] ??
        clientName.replace(/Client$/, '').toLowerCase();
      // lib-dynamodb commands wrap the low-level one, whose name is the IAM action.
      const inner =
        (command.clientCommand as { constructor: { name: string }; input?: Record<string, unknown> } | undefined) ?? command;
      const operation = typeof command.operation === 'string' ? command.operation : inner.constructor.name;
      record({ functionId, service, action: iamActionOf(service, operation), input: command.input ?? {} });
      return original.apply(this, args);
    };
  }

  /** Writes every call recorded so far as one JSON array. */
  write(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.calls, null, 2));
  }
}
