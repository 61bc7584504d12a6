import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** How the twin invokes a Lambda function (see lambda-invoker.ts). */
export type Invoke = (handlerName: string, event: unknown) => Promise<unknown>;

/**
 * API Gateway's WebSocket API as the twin needs it, on one port:
 *  - the client side: `GET /<stage>?ticket=…` upgrades to a WebSocket after the REQUEST authorizer
 *    (identity source `route.request.querystring.ticket`) allows it; `$connect`, `$disconnect`,
 *    `subscribe` (route selection `$request.body.action`) and `$default` are sent to the `ws`
 *    function with the event shape API Gateway sends;
 *  - the Management API: `POST|GET|DELETE /<stage>/@connections/{id}`, SigV4-signed for
 *    `execute-api`; an unknown or closed connection answers 410 GoneException.
 */
export class WebSocketApiTwin {
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private readonly connections = new Map<string, { socket: WebSocket; connectedAt: number }>();
  readonly managementCalls: Array<{ method: string; connectionId: string; status: number }> = [];
  url = '';

  constructor(
    private readonly invoke: Invoke,
    private readonly options: { stage: string; apiId: string; authorizer: string; handler: string },
  ) {}

  /** The `https://…/prod` callback URL the functions are configured with, served here instead. */
  get managementEndpoint(): string {
    return `${this.url}/${this.options.stage}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.management(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => void this.upgrade(req, socket as never, head));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const { socket } of this.connections.values()) socket.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private requestContext(connectionId: string, routeKey: string, eventType: string): Record<string, unknown> {
    return {
      routeKey,
      eventType,
      messageDirection: 'IN',
      connectionId,
      connectedAt: this.connections.get(connectionId)?.connectedAt ?? Date.now(),
      requestId: randomBytes(8).toString('hex'),
      requestTimeEpoch: Date.now(),
      apiId: this.options.apiId,
      stage: this.options.stage,
      domainName: `${this.options.apiId}.execute-api.us-east-1.amazonaws.com`,
      extendedRequestId: randomBytes(8).toString('hex'),
      identity: { sourceIp: '127.0.0.1' },
    };
  }

  private async upgrade(req: IncomingMessage, socket: import('node:net').Socket, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://twin');
    const refuse = (status: number): void => {
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n\r\n`);
    };
    if (url.pathname !== `/${this.options.stage}`) return refuse(403);
    const ticket = url.searchParams.get('ticket');
    // The identity source is the ticket: without it API Gateway answers 401 without calling the authorizer.
    if (!ticket) return refuse(401);
    const connectionId = randomBytes(9).toString('base64url').slice(0, 12) + '=';
    const query = Object.fromEntries(url.searchParams.entries());
    let authorizer: Record<string, unknown>;
    try {
      const result = (await this.invoke(this.options.authorizer, {
        type: 'REQUEST',
        methodArn: `arn:aws:execute-api:us-east-1:123456789012:${this.options.apiId}/${this.options.stage}/$connect`,
        headers: { Host: url.host },
        queryStringParameters: query,
        requestContext: this.requestContext(connectionId, '$connect', 'CONNECT'),
      })) as { principalId: string; context?: Record<string, unknown>; policyDocument: { Statement: Array<{ Effect: string }> } };
      if (!result.policyDocument.Statement.some((s) => s.Effect === 'Allow')) return refuse(403);
      authorizer = { principalId: result.principalId, ...(result.context ?? {}) };
    } catch {
      return refuse(401);
    }
    const connect = (await this.invoke(this.options.handler, {
      requestContext: { ...this.requestContext(connectionId, '$connect', 'CONNECT'), authorizer },
      queryStringParameters: query,
      headers: { Host: url.host },
      isBase64Encoded: false,
    })) as { statusCode?: number };
    if ((connect.statusCode ?? 200) >= 300) return refuse(403);
    this.wss?.handleUpgrade(req, socket, head, (ws) => {
      this.connections.set(connectionId, { socket: ws, connectedAt: Date.now() });
      ws.on('message', (data) => {
        const body = data.toString();
        let routeKey = '$default';
        try {
          const action = (JSON.parse(body) as { action?: unknown }).action;
          if (action === 'subscribe') routeKey = 'subscribe';
        } catch {
          // not JSON: $default
        }
        void this.invoke(this.options.handler, {
          requestContext: { ...this.requestContext(connectionId, routeKey, 'MESSAGE'), authorizer },
          body,
          isBase64Encoded: false,
        });
      });
      ws.on('close', () => {
        this.connections.delete(connectionId);
        void this.invoke(this.options.handler, {
          requestContext: { ...this.requestContext(connectionId, '$disconnect', 'DISCONNECT'), authorizer },
          isBase64Encoded: false,
        });
      });
    });
  }

  private async management(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown, type = 'application/json'): void => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const match = /^\/([^/]+)\/(?:@|%40)connections\/([^/?]+)$/.exec(req.url ?? '');
    if (!match || match[1] !== this.options.stage) return send(403, { message: 'Forbidden' });
    const auth = String(req.headers.authorization ?? '');
    if (!/Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/execute-api\/aws4_request/.test(auth)) {
      return send(403, { message: 'Missing Authentication Token' });
    }
    const connectionId = decodeURIComponent(match[2] ?? '');
    const conn = this.connections.get(connectionId);
    const record = (status: number): void => {
      this.managementCalls.push({ method: req.method ?? '', connectionId, status });
    };
    if (!conn || conn.socket.readyState !== conn.socket.OPEN) {
      record(410);
      res.setHeader('x-amzn-errortype', 'GoneException');
      return send(410, { message: null });
    }
    switch (req.method) {
      case 'POST': {
        const data = Buffer.concat(chunks);
        if (data.length === 0 || data.length > 128 * 1024) {
          record(400);
          res.setHeader('x-amzn-errortype', 'BadRequestException');
          return send(400, { message: 'Invalid payload size' });
        }
        conn.socket.send(data.toString('utf8'));
        record(200);
        return send(200, undefined);
      }
      case 'GET':
        record(200);
        return send(200, { connectedAt: new Date(conn.connectedAt).toISOString(), identity: { sourceIp: '127.0.0.1' } });
      case 'DELETE':
        conn.socket.close();
        this.connections.delete(connectionId);
        record(204);
        return send(204, undefined);
      default:
        record(405);
        return send(405, { message: 'Method not allowed' });
    }
  }
}
