import { gzipSync } from 'node:zlib';

/**
 * CloudWatch Logs as the twin needs it: the awslogs driver's streams of a task's container, and
 * the log group's subscription filters delivering matching events to a Lambda function the way
 * the service does (`{ awslogs: { data } }`, base64 of gzip'd JSON, a batch of events per
 * stream, in order).
 *
 * Filter patterns: the JSON pattern subset (`{ $.a.b = "x" }`, `!=`, numbers, `&&`, `||`,
 * parentheses) and the empty pattern; any other pattern is refused, so a template change the twin
 * does not understand fails loudly instead of matching everything. What this cannot prove: the
 * service's batching sizes and delays, retries of a failed delivery, and text (non-JSON) patterns.
 */

type Test = (message: unknown) => boolean;

/** Compiles a CloudWatch Logs filter pattern (the JSON subset above) into a test of one log message. */
export function compileFilterPattern(pattern: string): (message: string) => boolean {
  const text = pattern.trim();
  if (text === '') return () => true;
  if (!text.startsWith('{') || !text.endsWith('}')) throw new Error(`The twin supports JSON filter patterns only: ${pattern}`);
  const tokens = text.slice(1, -1).match(/\$(?:\.[A-Za-z0-9_]+)+|"(?:[^"\\]|\\.)*"|&&|\|\||!=|=|\(|\)|[^\s()"=!&|]+/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`Unexpected end of filter pattern: ${pattern}`);
    return t;
  };
  const primary = (): Test => {
    const t = next();
    if (t === '(') {
      const inner = or();
      if (next() !== ')') throw new Error(`Unbalanced parentheses in ${pattern}`);
      return inner;
    }
    if (!t.startsWith('$.')) throw new Error(`Expected a selector in ${pattern}, found ${t}`);
    const path = t.slice(2).split('.');
    const op = next();
    if (op !== '=' && op !== '!=') throw new Error(`Unsupported operator ${op} in ${pattern}`);
    const raw = next();
    const expected: string | number = raw.startsWith('"') ? (JSON.parse(raw) as string) : Number(raw);
    if (typeof expected === 'number' && Number.isNaN(expected)) throw new Error(`Unsupported value ${raw} in ${pattern}`);
    return (message) => {
      let v: unknown = message;
      for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      const equal = v !== undefined && (typeof expected === 'number' ? v === expected : String(v) === expected);
      return op === '=' ? equal : v !== undefined && !equal;
    };
  };
  const and = (): Test => {
    const terms = [primary()];
    while (peek() === '&&') {
      next();
      terms.push(primary());
    }
    return (m) => terms.every((t) => t(m));
  };
  const or = (): Test => {
    const terms = [and()];
    while (peek() === '||') {
      next();
      terms.push(and());
    }
    return (m) => terms.some((t) => t(m));
  };
  const test = or();
  if (i !== tokens.length) throw new Error(`Unexpected ${tokens[i]} in filter pattern ${pattern}`);
  return (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return false; // a JSON pattern matches JSON events only
    }
    return test(parsed);
  };
}

/** One subscription filter of a log group: which events, to which function. */
export interface LogSubscription {
  readonly filterName: string;
  readonly logGroup: string;
  readonly matches: (message: string) => boolean;
  /** The destination's handler name. */
  readonly handler: string;
}

/** What a delivery to a subscription's function did. */
export interface LogDelivery {
  readonly handler: string;
  readonly logStream: string;
  readonly events: number;
  readonly result?: unknown;
  readonly error?: string;
}

/** The payload of one delivery, encoded as the service sends it to Lambda. */
export function awslogsEvent(data: {
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: string[];
  logEvents: Array<{ id: string; timestamp: number; message: string }>;
}): { awslogs: { data: string } } {
  const json = JSON.stringify({ messageType: 'DATA_MESSAGE', ...data });
  return { awslogs: { data: gzipSync(Buffer.from(json, 'utf8')).toString('base64') } };
}

/**
 * One log stream (the awslogs driver's `<prefix>/<container>/<task id>`): lines put into it are
 * batched per subscription and delivered in order; `close` delivers what is left and waits.
 */
export class LogStreamShipper {
  private readonly pending = new Map<LogSubscription, Array<{ id: string; timestamp: number; message: string }>>();
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(
    private readonly owner: string,
    private readonly logStream: string,
    private readonly subscriptions: readonly LogSubscription[],
    private readonly invoke: (handler: string, event: unknown) => Promise<unknown>,
    private readonly deliveries: LogDelivery[],
    private readonly batchMillis = 200,
  ) {}

  put(message: string): void {
    const timestamp = Date.now();
    const id = `${timestamp}${String(this.seq++).padStart(20, '0')}`.slice(0, 56);
    for (const s of this.subscriptions) {
      if (!s.matches(message)) continue;
      const batch = this.pending.get(s) ?? [];
      batch.push({ id, timestamp, message });
      this.pending.set(s, batch);
    }
    if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => this.flush(), this.batchMillis);
  }

  async close(): Promise<void> {
    this.flush();
    await this.chain;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [s, logEvents] of this.pending) {
      const event = awslogsEvent({
        owner: this.owner,
        logGroup: s.logGroup,
        logStream: this.logStream,
        subscriptionFilters: [s.filterName],
        logEvents,
      });
      const delivery = { handler: s.handler, logStream: this.logStream, events: logEvents.length };
      this.chain = this.chain.then(async () => {
        try {
          this.deliveries.push({ ...delivery, result: await this.invoke(s.handler, event) });
        } catch (err) {
          this.deliveries.push({ ...delivery, error: (err as Error).message });
        }
      });
    }
    this.pending.clear();
  }
}
