import { createConnection, type Socket } from 'node:net';
import type { AwsHttpAnswer, AwsHttpRequest, HttpTransport } from '../lambdas/adapters/aws-http';

/**
 * A small HTTP/1.1 client on kept-alive connections of our own, for the local stack's calls to
 * its own servers (the store's Unix socket, the gateway's `@connections` API). Node's HTTP client
 * (ClientRequest, the agent's bookkeeping, its parser and streams) cost about as much of the main
 * thread as the store's whole answer; this one writes each request with one write and reads
 * the answer with a plain parser, one request per connection at a time (no pipelining).
 *
 * It speaks only what those servers answer: a status line, headers, and a body framed by
 * `Content-Length` or chunked transfer coding. Anything else fails the request and drops the
 * connection, and the callers' retries (the store client's) or best effort (pushes) decide.
 */

const HEADER_END = Buffer.from('\r\n\r\n');
/** Answers larger than this are refused (the store's largest item is 400 KB; a query page 1 MB). */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** Idle connections are closed before the server's keep-alive timeout (node's default: 5 s) would. */
const IDLE_MS = 4000;
/** How long a server may send nothing while a request waits for its answer. */
const DEFAULT_SILENCE_MS = 30_000;
/** A request header value may not break the request's framing. */
const UNSAFE_HEADER = /[\r\n\0]/;

export class HttpProtocolError extends Error {
  override readonly name = 'HttpProtocolError';
}

interface Pending {
  readonly resolve: (answer: AwsHttpAnswer) => void;
  readonly reject: (err: Error) => void;
}

/** One kept-alive connection and the answer it is reading. */
class PooledConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  closed = false;

  constructor(
    readonly socket: Socket,
    private readonly onIdle: (c: PooledConnection) => void,
    private readonly onGone: (c: PooledConnection) => void,
    private readonly silenceMs: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new HttpProtocolError('the connection closed before the answer was complete')));
    socket.on('timeout', () => {
      if (this.pending) this.fail(new HttpProtocolError(`no answer within ${this.silenceMs} ms`));
    });
  }

  /** Sends one request (its head and body as one write) and answers what the server answered. */
  send(request: string | Buffer): Promise<AwsHttpAnswer> {
    this.idleSince = 0;
    this.socket.ref();
    // A server that goes silent fails the request (and drops the connection) instead of holding
    // its caller, and whatever waits behind that caller, for ever.
    this.socket.setTimeout(this.silenceMs);
    return new Promise<AwsHttpAnswer>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  /** When it last became idle (ms since the epoch; 0 while in use). */
  idleSince = 0;

  private onData(chunk: Buffer): void {
    if (!this.pending) {
      // Bytes nobody asked for: the framing is lost.
      this.destroy();
      return;
    }
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    if (this.buffer.length > MAX_ANSWER_BYTES) return this.fail(new HttpProtocolError('the answer is too large'));
    let parsed: { answer: AwsHttpAnswer; used: number; close: boolean } | null;
    try {
      parsed = parseAnswer(this.buffer);
    } catch (err) {
      return this.fail(err as Error);
    }
    if (!parsed) return;
    const { resolve } = this.pending;
    this.pending = null;
    const extra = this.buffer.length > parsed.used;
    this.buffer = Buffer.alloc(0);
    this.socket.setTimeout(0);
    if (parsed.close || extra) this.destroy();
    else {
      // An idle connection does not keep the process alive (a command's client ends when its work does).
      this.socket.unref();
      this.idleSince = Date.now();
      this.onIdle(this);
    }
    resolve(parsed.answer);
  }

  private fail(err: Error): void {
    const pending = this.pending;
    this.pending = null;
    this.destroy();
    pending?.reject(err);
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onGone(this);
  }
}

/** Reads one answer from the start of `data`; null while it is incomplete. */
export function parseAnswer(data: Buffer): { answer: AwsHttpAnswer; used: number; close: boolean } | null {
  const headEnd = data.indexOf(HEADER_END);
  if (headEnd < 0) {
    if (data.length > 64 * 1024) throw new HttpProtocolError('the answer has no end of headers');
    return null;
  }
  const lines = data.toString('latin1', 0, headEnd).split('\r\n');
  const statusLine = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0] ?? '');
  if (!statusLine) throw new HttpProtocolError(`not an HTTP answer: ${JSON.stringify((lines[0] ?? '').slice(0, 60))}`);
  const status = Number(statusLine[1]);
  let contentLength: number | null = null;
  let chunked = false;
  let close = !lines[0]!.startsWith('HTTP/1.1');
  let errorType: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new HttpProtocolError('a malformed answer header');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d+$/.test(value) || (contentLength !== null && contentLength !== Number(value))) {
        throw new HttpProtocolError('a malformed Content-Length');
      }
      contentLength = Number(value);
    } else if (name === 'transfer-encoding')
      chunked = value
        .toLowerCase()
        .split(/\s*,\s*/)
        .includes('chunked');
    else if (name === 'connection')
      close = value.toLowerCase() === 'close' ? true : value.toLowerCase() === 'keep-alive' ? false : close;
    else if (name === 'x-amzn-errortype') errorType = value;
  }
  const bodyStart = headEnd + HEADER_END.length;
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  if (noBody) return { answer: { status, text: '', errorType }, used: bodyStart, close };
  if (chunked) {
    const body = readChunked(data, bodyStart);
    if (!body) return null;
    return { answer: { status, text: body.text, errorType }, used: body.used, close };
  }
  if (contentLength === null) throw new HttpProtocolError('the answer has neither a length nor chunks');
  if (data.length < bodyStart + contentLength) return null;
  return {
    answer: { status, text: data.toString('utf8', bodyStart, bodyStart + contentLength), errorType },
    used: bodyStart + contentLength,
    close,
  };
}

/** A chunked body from `start`: its text and where it ends, or null while incomplete. */
function readChunked(data: Buffer, start: number): { text: string; used: number } | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const sizeText = data.toString('latin1', at, lineEnd).split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw new HttpProtocolError('a malformed chunk size');
    const size = parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) {
      // Trailers (none expected) end with an empty line.
      const end = data.indexOf(HEADER_END, at - 2);
      if (end < 0) return null;
      return { text: Buffer.concat(parts).toString('utf8'), used: end + HEADER_END.length };
    }
    if (data.length < at + size + 2) return null;
    parts.push(data.subarray(at, at + size));
    at += size + 2;
  }
}

export interface HttpConnectionPoolOptions {
  /** Opens a connection to the server (a Unix socket or a loopback port). */
  readonly connect: () => Socket;
  /** Connections open at once; further requests wait for one. @default 32 */
  readonly maxConnections?: number;
  /** A request fails when the server sends nothing for this long. @default 30 s */
  readonly silenceMs?: number;
}

/** Requests over a pool of kept-alive connections to one server (see the file comment). */
export class HttpConnectionPool implements HttpTransport {
  private readonly idle: PooledConnection[] = [];
  private readonly all = new Set<PooledConnection>();
  private readonly waiting: Array<(c: PooledConnection) => void> = [];
  private readonly max: number;

  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly options: HttpConnectionPoolOptions) {
    this.max = options.maxConnections ?? 32;
  }

  /** Closes connections idle for IDLE_MS, once a second while any is open. */
  private sweepIdle(): void {
    if (this.sweeper || this.all.size === 0) return;
    this.sweeper = setInterval(() => {
      const limit = Date.now() - IDLE_MS;
      for (const c of [...this.idle]) if (c.idleSince > 0 && c.idleSince < limit) c.destroy();
      if (this.all.size === 0 && this.sweeper) {
        clearInterval(this.sweeper);
        this.sweeper = null;
      }
    }, 1000);
    this.sweeper.unref();
  }

  async send(request: AwsHttpRequest): Promise<AwsHttpAnswer> {
    const body = request.body ?? '';
    if (UNSAFE_HEADER.test(request.path) || request.path.includes(' '))
      throw new HttpProtocolError('the request path would break the request');
    let head = `${request.method} ${request.path} HTTP/1.1\r\n`;
    for (const [name, value] of Object.entries(request.headers)) {
      if (UNSAFE_HEADER.test(name) || UNSAFE_HEADER.test(value) || name.includes(':')) {
        throw new HttpProtocolError(`the request header ${JSON.stringify(name)} would break the request`);
      }
      head += `${name}: ${value}\r\n`;
    }
    head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // The head is ASCII (checked above): a text body goes with it as one UTF-8 string.
    const wire = typeof body === 'string' ? head + body : Buffer.concat([Buffer.from(head, 'latin1'), body]);
    const connection = await this.take();
    return connection.send(wire);
  }

  /** Closes every connection; requests in flight fail. */
  close(): void {
    for (const c of [...this.all]) c.destroy();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private take(): Promise<PooledConnection> {
    for (;;) {
      const c = this.idle.pop();
      if (!c) break;
      if (!c.closed) return Promise.resolve(c);
    }
    if (this.all.size < this.max) {
      const c = new PooledConnection(
        this.options.connect(),
        (done) => this.release(done),
        (gone) => this.forget(gone),
        this.options.silenceMs ?? DEFAULT_SILENCE_MS,
      );
      this.all.add(c);
      this.sweepIdle();
      return Promise.resolve(c);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: PooledConnection): void {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  private forget(c: PooledConnection): void {
    this.all.delete(c);
    const i = this.idle.indexOf(c);
    if (i >= 0) this.idle.splice(i, 1);
    // A request waiting for a connection gets a new one in place of the one gone.
    const next = this.waiting.shift();
    if (next) void this.take().then(next);
  }
}

/** A pool to the TCP origin of an `http:` URL (the local gateway): its host and port, brackets of an IPv6 host dropped. */
export function poolForOrigin(url: string | URL, options: Omit<HttpConnectionPoolOptions, 'connect'> = {}): HttpConnectionPool {
  const origin = new URL(url);
  const host = origin.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(origin.port || 80);
  return new HttpConnectionPool({ ...options, connect: () => createConnection(port, host) });
}
