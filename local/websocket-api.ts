import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_ROUTES } from '../lambdas/routes';
import { logger } from '../lambdas/observability';
import { flatHeaders, runAuthorizer, type AuthorizerContext } from './gateway-edge';
import { WS_HANDLER_FN } from './handler-registry';
import { parseTarget, safeDecode } from './request-target';

/** One open socket, as the management API describes it. */
export interface OpenSocket {
  readonly ws: WebSocket;
  readonly connectedAt: string;
  readonly sourceIp: string;
  readonly authorizer: AuthorizerContext;
}

/**
 * The local stand-in for the WebSocket API: `$connect` runs the authorizer before the upgrade
 * (a refused handshake never opens), then `$connect`, `subscribe`/`$default` and `$disconnect`
 * go to the same `ws` handler as in AWS. Open sockets are kept here for the `@connections` API.
 */
export class LocalWebSocketApi {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
  private readonly sockets = new Map<string, OpenSocket>();
  /** Route handlers still running; `close` waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  get count(): number {
    return this.sockets.size;
  }

  /** Ids of the open sockets (for operators and tests). */
  ids(): string[] {
    return [...this.sockets.keys()];
  }

  /** An open socket by connection id (undefined when gone or closing). */
  get(connectionId: string): OpenSocket | undefined {
    const socket = this.sockets.get(connectionId);
    return socket && socket.ws.readyState === socket.ws.OPEN ? socket : undefined;
  }

  /**
   * Ends every socket and waits for the route handlers still running (a `$disconnect` a client
   * sent just before), so none of them outlives the store it writes to. Sockets ended here run no
   * `$disconnect`: the stack is stopping, and the next start drops subscriptions whose
   * connection is gone.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const { ws } of this.sockets.values()) ws.terminate();
    this.sockets.clear();
    this.wss.close();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, 5000).unref())),
    ]);
    clearTimeout(timer);
  }

  /** The HTTP server's `upgrade` listener. Nothing a client sends may escape it: it never throws. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      this.accept(req, socket, head);
    } catch (err) {
      logger.error('WebSocket upgrade failed', { error: err as Error });
      socket.destroy();
    }
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
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
    const connectionId = randomBytes(12).toString('base64url');
    this.authorizeConnect(req, connectionId, query).then(
      (verdict) => {
        if (!verdict.ok) {
          const line =
            verdict.status === 401 ? '401 Unauthorized' : verdict.status === 403 ? '403 Forbidden' : '500 Internal Server Error';
          socket.end(`HTTP/1.1 ${line}\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n`);
          return;
        }
        this.wss.handleUpgrade(req, socket, head, (ws) => {
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

  private invoke(routeKey: string, connectionId: string, body?: string, query?: Record<string, string>) {
    const run = this.route(routeKey, connectionId, body, query);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run)).catch(() => undefined);
    return run;
  }

  private async route(routeKey: string, connectionId: string, body?: string, query?: Record<string, string>) {
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
      if (!this.closing) void this.invoke('$disconnect', connectionId).catch(() => undefined);
    });
    const connected = await this.invoke('$connect', connectionId, undefined, query).catch(() => ({ statusCode: 500 }));
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
    await this.invoke(routeKey, connectionId, text).catch((err: Error) => logger.error('WebSocket route failed', { error: err }));
  }
}
