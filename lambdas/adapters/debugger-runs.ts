import { PutCommand, QueryCommand, type DocumentSender } from './dynamo-client';
import type { EndReason } from '../domain/build-result';
import type { Actor } from '../domain/mission';

/** One debugger run as stored and listed (newest first, per tenant). */
export interface DebuggerRun {
  readonly run_id: string;
  readonly tenant_id: string;
  readonly actor: Actor;
  readonly language: 'javascript' | 'shell';
  readonly code: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exit_code: number | null;
  readonly end_reason: EndReason;
  readonly duration_ms: number;
  readonly timeout_ms: number;
  readonly created_at: string;
  /** True when stdout or stderr was cut to fit the stored record (the response had it all). */
  readonly truncated: boolean;
}

/** Bytes of stdout and of stderr kept in a stored run (DynamoDB items are at most 400 KB). */
export const STORED_OUTPUT_BYTES = 16 * 1024;
const SEARCH_TEXT_BYTES = 64 * 1024;
const SEARCH_PAGES = 10;

const runsPk = (tenantId: string): string => `T#${tenantId}#DEBUG`;

function cut(text: string, bytes: number): { text: string; cut: boolean } {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= bytes) return { text, cut: false };
  return { text: buf.subarray(0, bytes).toString('utf8'), cut: true };
}

function toRun(item: Record<string, unknown>): DebuggerRun {
  const { PK: _pk, SK: _sk, search_text: _search, ...rest } = item;
  return rest as unknown as DebuggerRun;
}

/**
 * Debugger runs in the one table, under the tenant's own partition (`T#<tenant>#DEBUG`, sort key
 * `RUN#<time>#<id>`): listing and searching are Queries of that partition only, so no request
 * can see another tenant's runs. Search is a case-insensitive substring match over code and
 * output (a lower-cased copy kept for it), over the newest runs.
 */
export class DebuggerRunStore {
  constructor(
    private readonly doc: DocumentSender,
    private readonly table: string,
  ) {}

  /** Stores a run; output beyond STORED_OUTPUT_BYTES is cut (and the run marked truncated). */
  async put(run: Omit<DebuggerRun, 'truncated'>): Promise<DebuggerRun> {
    const stdout = cut(run.stdout, STORED_OUTPUT_BYTES);
    const stderr = cut(run.stderr, STORED_OUTPUT_BYTES);
    const stored: DebuggerRun = { ...run, stdout: stdout.text, stderr: stderr.text, truncated: stdout.cut || stderr.cut };
    const searchText = cut(`${run.code}\n${stdout.text}\n${stderr.text}`.toLowerCase(), SEARCH_TEXT_BYTES).text;
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: runsPk(run.tenant_id),
          SK: `RUN#${run.created_at}#${run.run_id}`,
          ...stored,
          search_text: searchText,
        },
        ConditionExpression: 'attribute_not_exists(SK)',
      }),
    );
    return stored;
  }

  /** The tenant's newest runs. */
  async list(tenantId: string, limit: number): Promise<DebuggerRun[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :run)',
        ExpressionAttributeValues: { ':pk': runsPk(tenantId), ':run': 'RUN#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(toRun);
  }

  /** The tenant's newest runs whose code or output contains `query` (any case). */
  async search(tenantId: string, query: string, limit: number): Promise<DebuggerRun[]> {
    const found: DebuggerRun[] = [];
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < SEARCH_PAGES && found.length < limit; page++) {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :run)',
          FilterExpression: 'contains(search_text, :q)',
          ExpressionAttributeValues: { ':pk': runsPk(tenantId), ':run': 'RUN#', ':q': query.toLowerCase() },
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) if (found.length < limit) found.push(toRun(item));
      start = out.LastEvaluatedKey;
      if (!start) break;
    }
    return found;
  }
}
