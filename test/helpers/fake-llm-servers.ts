import { createServer, type IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';

/** One request as the local server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Raw path as sent (percent-encoding kept). */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: any;
}

export interface ScriptedReply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
  /** Wait this long before answering (to exercise timeouts). */
  readonly delayMs?: number;
}

/**
 * A small HTTP server on 127.0.0.1 that answers like an LLM service: each request is recorded
 * and answered by `reply` (a function of the request and its index). It checks nothing itself;
 * the tests assert on `requests`. With `http2`, it speaks cleartext HTTP/2 (prior knowledge),
 * which is what the Bedrock Runtime client's default handler uses.
 */
export class ScriptedLlmServer {
  readonly requests: RecordedRequest[] = [];
  private server: ReturnType<typeof createServer> | ReturnType<typeof createHttp2Server> | undefined;
  private readonly sessions = new Set<{ destroy(): void }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  url = '';

  constructor(
    private reply: (req: RecordedRequest, index: number) => ScriptedReply,
    private readonly options: { http2?: boolean } = {},
  ) {}

  setReply(reply: (req: RecordedRequest, index: number) => ScriptedReply): void {
    this.reply = reply;
  }

  private handle(req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      this.requests.push(recorded);
      const out = this.reply(recorded, this.requests.length - 1);
      const send = (): void => {
        if (res.destroyed || res.writableEnded) return;
        const payload = typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
        (res as ServerResponse).writeHead(out.status, { 'content-type': 'application/json', ...(out.headers ?? {}) });
        (res as ServerResponse).end(payload);
      };
      if (out.delayMs) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          send();
        }, out.delayMs);
        this.timers.add(timer);
      } else send();
    });
  }

  async start(): Promise<string> {
    if (this.options.http2) {
      const server = createHttp2Server((req, res) => this.handle(req, res));
      server.on('session', (session) => {
        this.sessions.add(session);
        session.on('close', () => this.sessions.delete(session));
      });
      this.server = server;
    } else {
      this.server = createServer((req, res) => this.handle(req, res));
    }
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const session of this.sessions) session.destroy();
    if (this.server && 'closeAllConnections' in this.server) this.server.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// --- Bedrock Converse wire format -------------------------------------------------------------

/** A Converse answer whose only content block is a call of `name` with `input`. */
export function converseToolUse(name: string, input: unknown, usage = { inputTokens: 1200, outputTokens: 300 }): ScriptedReply {
  return {
    status: 200,
    headers: { 'x-amzn-requestid': 'req-local' },
    body: {
      output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_local_1', name, input } }] } },
      stopReason: 'tool_use',
      usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
      metrics: { latencyMs: 42 },
    },
  };
}

/** A Converse error the way the service sends it: status, `x-amzn-errortype` and a message. */
export function converseError(status: number, type: string, message: string): ScriptedReply {
  return {
    status,
    headers: {
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      'x-amzn-requestid': 'req-local',
    },
    body: { message },
  };
}

// --- OpenAI chat completions wire format ------------------------------------------------------

export function chatToolCall(name: string, args: unknown, usage = { prompt_tokens: 900, completion_tokens: 250 }): ScriptedReply {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-local',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_local_1',
                type: 'function',
                function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
              },
            ],
          },
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}
