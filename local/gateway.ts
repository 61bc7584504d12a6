import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { logger } from '../lambdas/observability';
import { LocalConnectionsApi } from './connections-api';
import type { ApiActivity } from './function-concurrency';
import { closeServer, edgeHeaders, listenOn, markArrival, sendError } from './gateway-edge';
import type { LocalMetricsFile } from './metrics-file';
import { serveOps } from './ops-page';
import { servePull } from './pull-pages';
import { parseTarget } from './request-target';
import { LocalRestApi } from './rest-api';
import { serveFile, serveUnder } from './static-hosting';
import { LocalWebSocketApi } from './websocket-api';

export { GATEWAY_MAX_BODY_BYTES } from './gateway-edge';

export interface LocalGatewayOptions {
  readonly host: string;
  readonly port: number;
  /** Pull-request records of the local publisher, served at /git/pulls/<n>. */
  readonly pullsDir: string;
  /** The web console's build (index.html and its assets, served at / and /web/). */
  readonly webDir: string;
  /** The per-start key the stack's own push client presents to `@connections` (see connections-api.ts). */
  readonly connectionsKey: string;
  /** The metric records the handlers emitted, shown at /ops. */
  readonly metricsFile: LocalMetricsFile;
  /** Where the requests being answered are counted (the workflow's steps give way to them). */
  readonly activity?: ApiActivity;
  /** Where an app lives now (its own origin): old `/apps/<slug>/` links are redirected there. */
  readonly appUrl: (slug: string) => string;
}

/**
 * The local stand-in for API Gateway on one listener: the REST API (rest-api.ts), the WebSocket
 * API (websocket-api.ts), its `@connections` management API for the stack's own handlers
 * (connections-api.ts), the web client and the local publisher's PR pages. Deployed apps are not
 * served here: they have an origin of their own (static-hosting.ts, LocalAppsHost).
 */
export class LocalGateway {
  private server: Server | undefined;
  private readonly rest = new LocalRestApi();
  private readonly websockets = new LocalWebSocketApi();
  private readonly connections: LocalConnectionsApi;
  private port = 0;

  constructor(private readonly options: LocalGatewayOptions) {
    this.connections = new LocalConnectionsApi(this.websockets, options.connectionsKey);
  }

  get url(): string {
    const host = this.options.host === '0.0.0.0' ? '127.0.0.1' : this.options.host;
    return `http://${host}:${this.port}`;
  }

  get websocketCount(): number {
    return this.websockets.count;
  }

  /** Connection ids of the open WebSockets. */
  websocketIds(): string[] {
    return this.websockets.ids();
  }

  async listen(): Promise<string> {
    const server = createServer((req, res) => {
      markArrival(res);
      this.handle(req, res).catch((err: Error) => {
        logger.error('Gateway error', { error: err });
        if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Gateway error');
        else res.end();
      });
    });
    server.keepAliveTimeout = 5_000;
    server.on('upgrade', (req, socket, head) => this.websockets.upgrade(req, socket, head));
    this.port = await listenOn(server, this.options.port, this.options.host);
    this.server = server;
    return this.url;
  }

  async close(): Promise<void> {
    await this.websockets.close();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await closeServer(server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    if (!target.ok) {
      req.resume();
      return sendError(res, target.code === 'URI_TOO_LONG' ? 414 : 400, target.code, target.message);
    }
    const path = target.path;
    const conn = /^\/@connections\/([^/]+)$/.exec(path);
    if (conn) return this.connections.handle(req, res, conn[1]!);
    // Counted until answered (a response emits `close` once sent, or when its connection drops);
    // the stack's own pushes above are part of the steps' work, not requests for them to give way to.
    if (this.options.activity) res.once('close', this.options.activity.begin());
    if (path === '/apps' || path.startsWith('/apps/')) return this.redirectApp(req, res, path);
    if (req.method === 'GET' && (path === '/ops' || path === '/ops/metrics.json')) {
      return serveOps(req, res, path, target.query, this.options.metricsFile);
    }
    const pull = /^\/git\/pulls\/(\d+)$/.exec(path);
    if (pull && req.method === 'GET') {
      // A person's browser gets the console's rendering of the pull request (the console holds the session).
      if (/\btext\/html\b/.test(String(req.headers.accept ?? ''))) {
        req.resume();
        res.writeHead(302, { location: `/#pull/${pull[1]!}`, ...edgeHeaders(res) }).end();
        return;
      }
      return servePull(req, res, this.options.pullsDir, pull[1]!);
    }
    if (req.method === 'GET' && path === '/favicon.ico') {
      req.resume();
      return serveFile(res, join(this.options.webDir, 'favicon.svg'));
    }
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      req.resume();
      return serveFile(res, join(this.options.webDir, 'index.html'));
    }
    if (req.method === 'GET' && path.startsWith('/web/')) {
      req.resume();
      return serveUnder(res, this.options.webDir, path.slice('/web/'.length));
    }
    return this.rest.handle(req, res, path, target.query);
  }

  /** Apps moved to their own origin; a link from before still finds its app. */
  private redirectApp(req: IncomingMessage, res: ServerResponse, path: string): void {
    req.resume();
    const m = /^\/apps\/([a-z0-9][a-z0-9-]{0,80})(\/.*)?$/.exec(path);
    if (!m) return sendError(res, 404, 'NOT_FOUND', 'No such app');
    const location = new URL((m[2] ?? '/').slice(1), this.options.appUrl(m[1]!)).toString();
    res.writeHead(301, { location, ...edgeHeaders(res) }).end();
  }
}
