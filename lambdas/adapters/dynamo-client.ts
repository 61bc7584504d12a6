import { AwsJsonClient, DYNAMODB_SERVICE } from './aws-json-client';
import type { HttpTransport } from './aws-http';
import type { AwsCredentials } from './aws-sigv4';

/**
 * A DynamoDB document client of our own: plain JS values in and out, converted to and from
 * DynamoDB's attribute values, sent over the signed JSON-protocol client (DynamoDB speaks JSON
 * 1.0 with `X-Amz-Target: DynamoDB_20120810.<Operation>`). It replaces the SDK's DynamoDB client
 * and its document layer (about 200 KB of every function's bundle) for the operations the stores
 * use. The command classes carry the names and inputs of the SDK's document commands.
 *
 * Conversion follows the SDK's document client with `removeUndefinedValues` and
 * `convertClassInstanceToMap`: `undefined` members are left out, numbers travel as strings and
 * come back as numbers, binary values (Buffer, Uint8Array) as base64 and come back as
 * Uint8Array, and a `Set` of strings, numbers or binaries is a string, number or binary set.
 */

// The stores' items are open records, as with the SDK's document client.
export type NativeValue = any;
export type DocumentItem = Record<string, NativeValue>;

/** A DynamoDB attribute value as on the wire. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { B: string }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

const isBinary = (value: unknown): value is Uint8Array | ArrayBuffer =>
  value instanceof Uint8Array || value instanceof ArrayBuffer;

const base64 = (value: Uint8Array | ArrayBuffer): string =>
  (value instanceof ArrayBuffer ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength)).toString(
    'base64',
  );

function numberText(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} cannot be stored in DynamoDB`);
  return String(value);
}

/** One JS value as an attribute value; `undefined` for a value that is left out. */
export function marshallValue(value: unknown): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
    case 'bigint':
      return { N: numberText(value) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      break;
    default:
      throw new TypeError(`A ${typeof value} cannot be stored in DynamoDB`);
  }
  if (isBinary(value)) return { B: base64(value) };
  if (Array.isArray(value)) {
    const list: AttributeValue[] = [];
    for (const member of value) {
      const converted = marshallValue(member);
      if (converted) list.push(converted);
    }
    return { L: list };
  }
  if (value instanceof Set) return marshallSet(value);
  if (value instanceof Map) return { M: marshallItem(Object.fromEntries(value)) };
  return { M: marshallItem(value as Record<string, unknown>) };
}

function marshallSet(set: Set<unknown>): AttributeValue {
  const members = [...set];
  if (members.length === 0) throw new TypeError('An empty set cannot be stored in DynamoDB');
  if (members.every((m) => typeof m === 'string')) return { SS: members as string[] };
  if (members.every((m) => typeof m === 'number' || typeof m === 'bigint'))
    return { NS: members.map((m) => numberText(m as number)) };
  if (members.every(isBinary)) return { BS: members.map((m) => base64(m as Uint8Array)) };
  throw new TypeError('A set stored in DynamoDB holds only strings, only numbers or only binaries');
}

/** A JS object as an item (a map of attribute values); `undefined` members are left out. */
export function marshallItem(item: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(item)) {
    const converted = marshallValue(value);
    if (converted) out[name] = converted;
  }
  return out;
}

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** One attribute value as a JS value. */
export function unmarshallValue(value: AttributeValue): NativeValue {
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('B' in value) return bytes(value.B);
  if ('L' in value) return value.L.map(unmarshallValue);
  if ('M' in value) return unmarshallItem(value.M);
  if ('SS' in value) return new Set(value.SS);
  if ('NS' in value) return new Set(value.NS.map(Number));
  if ('BS' in value) return new Set(value.BS.map(bytes));
  throw new TypeError(`Unknown DynamoDB attribute value: ${Object.keys(value as object).join(', ')}`);
}

export function unmarshallItem(item: Readonly<Record<string, AttributeValue>>): DocumentItem {
  const out: DocumentItem = {};
  for (const [name, value] of Object.entries(item)) out[name] = unmarshallValue(value);
  return out;
}

// ---- commands ----

interface TableInput {
  readonly TableName: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, NativeValue>;
}

type ReturnValue = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export interface GetCommandInput extends TableInput {
  readonly Key: DocumentItem;
  readonly ConsistentRead?: boolean;
  readonly ProjectionExpression?: string;
}
export interface PutCommandInput extends TableInput {
  readonly Item: DocumentItem;
  readonly ConditionExpression?: string;
  readonly ReturnValues?: ReturnValue;
}
export interface UpdateCommandInput extends TableInput {
  readonly Key: DocumentItem;
  readonly UpdateExpression?: string;
  readonly ConditionExpression?: string;
  readonly ReturnValues?: ReturnValue;
}
export interface DeleteCommandInput extends TableInput {
  readonly Key: DocumentItem;
  readonly ConditionExpression?: string;
  readonly ReturnValues?: ReturnValue;
}
interface ReadManyInput extends TableInput {
  readonly IndexName?: string;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly ExclusiveStartKey?: DocumentItem;
  readonly Limit?: number;
  readonly ConsistentRead?: boolean;
  readonly Select?: 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';
}
export interface QueryCommandInput extends ReadManyInput {
  readonly KeyConditionExpression: string;
  readonly ScanIndexForward?: boolean;
}
export type ScanCommandInput = ReadManyInput;

export interface GetCommandOutput {
  Item?: DocumentItem;
}
export interface WriteCommandOutput {
  Attributes?: DocumentItem;
}
export interface ReadManyOutput {
  Items?: DocumentItem[];
  Count?: number;
  ScannedCount?: number;
  LastEvaluatedKey?: DocumentItem;
}

/** A document command: the DynamoDB operation and its input with plain JS values. */
export abstract class DocumentCommand<Input extends TableInput, Output> {
  abstract readonly operation: string;
  /** Only carries the output type. */
  declare readonly output?: Output;
  constructor(readonly input: Input) {}
}

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DocumentCommand<PutCommandInput, WriteCommandOutput> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, WriteCommandOutput> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DocumentCommand<DeleteCommandInput, WriteCommandOutput> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, ReadManyOutput> {
  readonly operation = 'Query';
}
export class ScanCommand extends DocumentCommand<ScanCommandInput, ReadManyOutput> {
  readonly operation = 'Scan';
}

/** Input members that hold JS values (converted on the way out). */
const VALUE_MAPS = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const;

function wireInput(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[name] = (VALUE_MAPS as readonly string[]).includes(name) ? marshallItem(value as Record<string, unknown>) : value;
  }
  return out;
}

function documentOutput(output: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...output };
  for (const name of ['Item', 'Attributes', 'LastEvaluatedKey'] as const) {
    const value = output[name];
    if (value && typeof value === 'object') out[name] = unmarshallItem(value as Record<string, AttributeValue>);
  }
  if (Array.isArray(output.Items))
    out.Items = (output.Items as Record<string, AttributeValue>[]).map((item) => unmarshallItem(item));
  return out;
}

export interface DynamoDocumentClientOptions {
  readonly region: string;
  /** @default `AWS_ENDPOINT_URL_DYNAMODB` or `AWS_ENDPOINT_URL`, else the regional endpoint */
  readonly endpoint?: string;
  /** @default the role credentials in the environment */
  readonly credentials?: AwsCredentials;
  /** Where the bytes go, e.g. the local store's Unix socket (see {@link AwsJsonClientOptions.transport}). */
  readonly transport?: HttpTransport;
}

/** What a store needs of the client: one command at a time. */
export interface DocumentSender {
  send<Output>(command: DocumentCommand<TableInput, Output>): Promise<Output>;
}

export class DynamoDocumentClient implements DocumentSender {
  /** The signed JSON-protocol client underneath (every request goes through its `send`). */
  readonly wire: AwsJsonClient;

  private readonly transport: HttpTransport | undefined;

  constructor(options: DynamoDocumentClientOptions) {
    this.wire = new AwsJsonClient(DYNAMODB_SERVICE, options);
    this.transport = options.transport;
  }

  async send<Output>(command: DocumentCommand<TableInput, Output>): Promise<Output> {
    const output = await this.wire.send({
      operation: command.operation,
      input: wireInput(command.input as unknown as Record<string, unknown>),
    });
    return documentOutput(output) as Output;
  }

  /** A table-level operation (DescribeTable, CreateTable…) with its wire input and output. */
  call(operation: string, input: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
    return this.wire.send({ operation, input });
  }

  /** Closes the connections of the client's own transport, if it was given one. */
  destroy(): void {
    this.transport?.close();
  }
}

/** A write whose condition did not hold (`ConditionalCheckFailedException`). */
export const isConditionalCheckFailed = (err: unknown): boolean =>
  (err as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
