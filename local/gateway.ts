import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes, randomUUID } from 'node:crypto';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { REST_ROUTES, WS_ROUTES, type RestRoute } from '../lambdas/routes';
import { UNAUTHORIZED_MESSAGE } from '../lambdas/domain/identity';
import { logger } from '../lambdas/observability';
import { AUTHORIZER_FN, REST_HANDLER_MAP, services, WS_HANDLER_FN } from './handler-registry';
import { parseTarget, safeDecode } from './request-target';

/** API Gateway's own payload limit (10 MB); handlers enforce the policy's smaller limits. */
export const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

interface CompiledRoute {
  readonly route: RestRoute;
  readonly pattern: RegExp;
  readonly params: string[];
}

function compile(route: RestRoute): CompiledRoute {
  const params: string[] = [];
  const source = route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}/?$`), params };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** When each response's request arrived, so the gateway's own errors carry a duration too. */
const arrivedAt = new WeakMap<ServerResponse, number>();

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const started = arrivedAt.get(res) ?? Date.now();
  sendJson(
    res,
    status,
    { error: { code, message } },
    { 'x-request-id': randomUUID(), 'x-duration-ms': String(Date.now() - started) },
  );
}

/** Headers as API Gateway hands them to Lambda: single values, lowercase names. */
function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  return headers;
}

type AuthorizerContext = Record<string, string | number | boolean>;

/**
 * Runs the authorizer Lambda as API Gateway does: `Unauthorized` thrown → 401, an explicit Deny
 * → 403, an Allow → its context (plus `principalId`) becomes `requestContext.authorizer`.
 */
async function runAuthorizer(
  event: Record<string, unknown>,
): Promise<{ ok: true; context: AuthorizerContext } | { ok: false; status: 401 | 403 | 500 }> {
  try {
    const result = await AUTHORIZER_FN(event as never);
    const denied = result.policyDocument.Statement.some((s) => s.Effect === 'Deny');
    if (denied) return { ok: false, status: 403 };
    return { ok: true, context: { ...(result.context ?? {}), principalId: result.principalId } };
  } catch (err) {
    if ((err as Error).message === 'Unauthorized') return { ok: false, status: 401 };
    logger.error('Authorizer failed', { error: err as Error });
    return { ok: false, status: 500 };
  }
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function lambdaContext(functionName: string, requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface LocalGatewayOptions {
  readonly host: string;
  readonly port: number;
  /** Deployed apps, served at /apps/<slug>/. */
  readonly appsDir: string;
  /** Pull-request records of the local publisher, served at /git/pulls/<n>. */
  readonly pullsDir: string;
  /** The web client. */
  readonly webDir: string;
}

/**
 * The local stand-in for API Gateway: REST routes become proxy events for the same handlers,
 * WebSocket routes go to the same `ws` handler, and `/@connections/{id}` is the management API
 * the real ApiGatewayManagementApiClient talks to. Static hosting of deployed apps lives here too.
 */
export class LocalGateway {
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private readonly routes = REST_ROUTES.map(compile);
  private readonly sockets = new Map<
    string,
    { ws: WebSocket; connectedAt: string; sourceIp: string; authorizer: AuthorizerContext }
  >();
  private port = 0;

  constructor(private readonly options: LocalGatewayOptions) {}

  get url(): string {
    const host = this.options.host === '0.0.0.0' ? '127.0.0.1' : this.options.host;
    return `http://${host}:${this.port}`;
  }

  get websocketCount(): number {
    return this.sockets.size;
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      arrivedAt.set(res, Date.now());
      this.handle(req, res).catch((err: Error) => {
        logger.error('Gateway error', { error: err });
        if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Gateway error');
        else res.end();
      });
    });
    this.server.keepAliveTimeout = 5_000;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
    this.server.on('upgrade', (req, socket, head) => {
      // Nothing a client sends may escape this handler: an exception here would end the process.
      try {
        this.upgrade(req, socket, head);
      } catch (err) {
        logger.error('WebSocket upgrade failed', { error: err as Error });
        socket.destroy();
      }
    });
    await new Promise<void>((resolveListen, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host, () => resolveListen());
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : this.options.port;
    return this.url;
  }

  async close(): Promise<void> {
    for (const { ws } of this.sockets.values()) ws.terminate();
    this.sockets.clear();
    this.wss?.close();
    await new Promise<void>((r) => {
      if (!this.server) return r();
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }

  // --- WebSocket ------------------------------------------------------------------------

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const target = parseTarget(req.url);
    if (!target.ok) {
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n`);
      return;
    }
    const match = /^\/(?:ws|gantry\/ws(?:\/([^/]+))?)\/?$/.exec(target.path);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    const missionFromPath = match[1] === undefined ? undefined : safeDecode(match[1]);
    const query = target.query;
    // $connect is authorized before the upgrade, as API Gateway does: a refused handshake never opens.
    const connectionId = randomBytes(12).toString('base64url');
    this.authorizeConnect(req, connectionId, query).then(
      (verdict) => {
        if (!verdict.ok) {
          const line =
            verdict.status === 401 ? '401 Unauthorized' : verdict.status === 403 ? '403 Forbidden' : '500 Internal Server Error';
          socket.end(`HTTP/1.1 ${line}\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n`);
          return;
        }
        this.wss!.handleUpgrade(req, socket, head, (ws) => {
          this.onSocket(ws, req, connectionId, verdict.context, query, missionFromPath).catch((err: Error) => {
            logger.error('WebSocket session failed', { error: err });
            ws.terminate();
          });
        });
      },
      () => socket.destroy(),
    );
  }

  private async authorizeConnect(req: IncomingMessage, connectionId: string, query: Record<string, string>) {
    return runAuthorizer({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:local:000000000000:local/local/$connect',
      headers: flatHeaders(req),
      queryStringParameters: query,
      requestContext: {
        routeKey: '$connect',
        eventType: 'CONNECT',
        connectionId,
        requestId: randomUUID(),
        apiId: 'local',
        stage: 'local',
        identity: { sourceIp: req.socket.remoteAddress ?? '' },
      },
    });
  }

  private async invokeWs(routeKey: string, connectionId: string, body?: string, query?: Record<string, string>) {
    const event = {
      requestContext: {
        routeKey,
        connectionId,
        eventType: routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE',
        requestId: randomUUID(),
        apiId: 'local',
        stage: 'local',
        domainName: 'localhost',
        requestTimeEpoch: Date.now(),
        messageDirection: 'IN',
        extendedRequestId: randomUUID(),
        requestTime: new Date().toISOString(),
        connectedAt: Date.now(),
        authorizer: this.sockets.get(connectionId)?.authorizer,
      },
      body,
      queryStringParameters: query,
      isBase64Encoded: false,
    };
    return (await WS_HANDLER_FN(event as never)) as { statusCode?: number } | undefined;
  }

  private async onSocket(
    ws: WebSocket,
    req: IncomingMessage,
    connectionId: string,
    authorizer: AuthorizerContext,
    connectQuery: Record<string, string>,
    missionFromPath?: string,
  ): Promise<void> {
    // The ticket was used up by the authorizer; the handler never needs it.
    const { ticket: _ticket, ...query } = connectQuery;
    this.sockets.set(connectionId, {
      ws,
      connectedAt: new Date().toISOString(),
      sourceIp: req.socket.remoteAddress ?? '',
      authorizer,
    });
    const pending: string[] = [];
    let ready = false;
    ws.on('message', (data) => {
      const text = data.toString();
      if (!ready) pending.push(text);
      else void this.onMessage(connectionId, text);
    });
    ws.on('close', () => {
      this.sockets.delete(connectionId);
      void this.invokeWs('$disconnect', connectionId).catch(() => undefined);
    });
    const connected = await this.invokeWs('$connect', connectionId, undefined, query).catch(() => ({ statusCode: 500 }));
    if ((connected?.statusCode ?? 200) !== 200) {
      ws.close(1008, 'Connection refused');
      return;
    }
    ready = true;
    const mission = missionFromPath ?? query.mission_id;
    if (mission) await this.onMessage(connectionId, JSON.stringify({ action: 'subscribe', mission_id: mission }));
    for (const text of pending.splice(0)) await this.onMessage(connectionId, text);
  }

  private async onMessage(connectionId: string, text: string): Promise<void> {
    let action: unknown;
    try {
      action = (JSON.parse(text) as { action?: unknown }).action;
    } catch {
      action = undefined;
    }
    const routeKey =
      typeof action === 'string' && (WS_ROUTES as readonly string[]).includes(action) && !action.startsWith('$')
        ? action
        : '$default';
    await this.invokeWs(routeKey, connectionId, text).catch((err: Error) =>
      logger.error('WebSocket route failed', { error: err }),
    );
  }

  /** `@connections/{id}`: POST sends, GET describes, DELETE disconnects — as the management API does. */
  private async connections(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const socket = this.sockets.get(safeDecode(id) ?? '');
    if (!socket || socket.ws.readyState !== socket.ws.OPEN) {
      res.writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' });
      res.end(JSON.stringify({ message: 'Gone' }));
      return;
    }
    if (req.method === 'POST') {
      const body = await readBody(req, 128 * 1024);
      socket.ws.send(body.toString('utf8'));
      res.writeHead(200).end();
    } else if (req.method === 'GET') {
      sendJson(res, 200, {
        connectedAt: socket.connectedAt,
        identity: { sourceIp: socket.sourceIp },
        lastActiveAt: new Date().toISOString(),
      });
    } else if (req.method === 'DELETE') {
      socket.ws.close(1000, 'Closed by the server');
      res.writeHead(204).end();
    } else {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on @connections`);
    }
  }

  // --- HTTP -----------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    if (!target.ok) {
      req.resume();
      return sendError(res, target.code === 'URI_TOO_LONG' ? 414 : 400, target.code, target.message);
    }
    const path = target.path;
    const conn = /^\/@connections\/([^/]+)$/.exec(path);
    if (conn) return this.connections(req, res, conn[1]!);
    if (path === '/apps' || path.startsWith('/apps/')) return this.serveApp(req, res, path);
    const pull = /^\/git\/pulls\/(\d+)$/.exec(path);
    if (pull && req.method === 'GET') return this.servePull(req, res, pull[1]!);
    if (req.method === 'GET' && (path === '/' || path === '/index.html'))
      return this.serveFile(res, join(this.options.webDir, 'index.html'));
    if (req.method === 'GET' && path.startsWith('/web/'))
      return this.serveUnder(res, this.options.webDir, path.slice('/web/'.length));

    const matches = this.routes.filter((r) => r.pattern.test(path));
    if (matches.length === 0) return sendError(res, 404, 'NOT_FOUND', `No route for ${path}`);
    const compiled = matches.find((r) => r.route.method === req.method);
    if (!compiled) {
      return sendError(
        res,
        405,
        'METHOD_NOT_ALLOWED',
        `${req.method} is not allowed on ${path}; use ${matches.map((m) => m.route.method).join(', ')}`,
      );
    }
    const values = compiled.pattern.exec(path)!.slice(1);
    // parseTarget checked that the whole path decodes, so each segment does too.
    const pathParameters = Object.fromEntries(compiled.params.map((name, i) => [name, safeDecode(values[i] ?? '') ?? '']));
    const headers = flatHeaders(req);
    const requestId = randomUUID();
    const query = target.query;
    const sourceIp = req.socket.remoteAddress ?? '';
    let authorizer: AuthorizerContext | undefined;
    if (!compiled.route.public) {
      const verdict = await runAuthorizer({
        type: 'REQUEST',
        methodArn: `arn:aws:execute-api:local:000000000000:local/local/${compiled.route.method}${compiled.route.path}`,
        resource: compiled.route.path,
        path,
        httpMethod: compiled.route.method,
        headers,
        queryStringParameters: query,
        pathParameters,
        requestContext: {
          requestId,
          resourcePath: compiled.route.path,
          httpMethod: compiled.route.method,
          identity: { sourceIp },
        },
      });
      if (!verdict.ok) {
        req.resume();
        if (verdict.status === 401) return sendError(res, 401, 'UNAUTHORIZED', UNAUTHORIZED_MESSAGE);
        if (verdict.status === 403) return sendError(res, 403, 'ACCESS_DENIED', 'The authorizer denied this request');
        return sendError(res, 500, 'AUTHORIZER_FAILURE', 'The authorizer failed; the request id identifies it in the logs');
      }
      authorizer = verdict.context;
    }
    let body: Buffer;
    try {
      body = await readBody(req, GATEWAY_MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return sendError(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `Request body exceeds the gateway limit of ${GATEWAY_MAX_BODY_BYTES} bytes`,
        );
      }
      throw err;
    }
    const event = {
      resource: compiled.route.path,
      path,
      httpMethod: req.method ?? 'GET',
      headers,
      multiValueHeaders: {},
      queryStringParameters: Object.keys(query).length ? query : null,
      multiValueQueryStringParameters: null,
      pathParameters: compiled.params.length ? pathParameters : null,
      stageVariables: null,
      body: body.length ? body.toString('utf8') : null,
      isBase64Encoded: false,
      requestContext: {
        requestId,
        resourcePath: compiled.route.path,
        httpMethod: req.method ?? 'GET',
        path,
        stage: 'local',
        identity: { sourceIp },
        ...(authorizer ? { authorizer } : {}),
      },
    } as unknown as APIGatewayProxyEvent;
    const result = await REST_HANDLER_MAP[compiled.route.handler](event, lambdaContext(compiled.route.handler, requestId));
    res.writeHead(result.statusCode, { ...(result.headers as Record<string, string>) });
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  }

  /**
   * A pull-request record of the local publisher (the stand-in for a GitHub PR page). Like GitHub
   * for a private repository, it needs a session, and only the mission's own tenant sees it.
   */
  private async servePull(req: IncomingMessage, res: ServerResponse, n: string): Promise<void> {
    const path = `/git/pulls/${n}`;
    const verdict = await runAuthorizer({
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:local:000000000000:local/local/GET${path}`,
      resource: '/git/pulls/{n}',
      path,
      httpMethod: 'GET',
      headers: flatHeaders(req),
      queryStringParameters: {},
      pathParameters: { n },
      requestContext: {
        requestId: randomUUID(),
        resourcePath: '/git/pulls/{n}',
        httpMethod: 'GET',
        identity: { sourceIp: req.socket.remoteAddress ?? '' },
      },
    });
    if (!verdict.ok) return sendError(res, 401, 'UNAUTHORIZED', UNAUTHORIZED_MESSAGE);
    const file = join(this.options.pullsDir, `${n}.json`);
    const notFound = (): void => sendError(res, 404, 'NOT_FOUND', `No pull request #${n}`);
    if (!existsSync(file)) return notFound();
    const record = JSON.parse(await readFile(file, 'utf8')) as { mission_id?: string };
    const tenant = String(verdict.context.tenantId ?? '');
    const mission = tenant && record.mission_id ? await services().store.getMission(tenant, record.mission_id) : null;
    if (!mission) return notFound();
    sendJson(res, 200, record);
  }

  private async serveApp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Apps are read-only');
    const m = /^\/apps\/([a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(path);
    if (!m) return sendError(res, 404, 'NOT_FOUND', 'No such app');
    if (!m[2]) {
      res.writeHead(301, { location: `/apps/${m[1]}/` }).end();
      return;
    }
    return this.serveUnder(res, join(this.options.appsDir, m[1]!), m[2].slice(1) || 'index.html');
  }

  /** Serves `rel` under `root`, refusing anything that resolves outside it. */
  private async serveUnder(res: ServerResponse, root: string, rel: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return sendError(res, 400, 'BAD_PATH', 'Malformed path');
    }
    const base = resolve(root);
    const target = resolve(base, normalize(decoded));
    if (target !== base && !target.startsWith(base + sep)) return sendError(res, 404, 'NOT_FOUND', 'Not found');
    let file = target;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = join(file, 'index.html');
    return this.serveFile(res, file);
  }

  private async serveFile(res: ServerResponse, file: string): Promise<void> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return sendError(res, 404, 'NOT_FOUND', 'Not found');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  }
}
