import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { logger } from '../lambdas/observability';
import { closeServer, listenOn, markArrival, sendError } from './gateway-edge';
import { parseTarget, safeDecode } from './request-target';

/**
 * Static hosting of the local stack: the web client on the API's origin, and deployed apps on an
 * origin of their own (the local stand-in for Vercel). Files only, read-only, never outside their
 * root.
 */

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

/** Serves one regular file (404 in the error shape when there is none). */
export async function serveFile(res: ServerResponse, file: string, headers: Record<string, string> = {}): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendError(res, 404, 'NOT_FOUND', 'Not found', headers);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  createReadStream(file).pipe(res);
}

/** Serves the raw (percent-encoded) relative path `rel` under `root`, refusing anything that resolves outside it. */
export async function serveUnder(
  res: ServerResponse,
  root: string,
  rel: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const decoded = safeDecode(rel);
  if (decoded === undefined || decoded.includes('\0')) return sendError(res, 400, 'BAD_PATH', 'Malformed path', headers);
  const base = resolve(root);
  const target = resolve(base, normalize(decoded));
  if (target !== base && !target.startsWith(base + sep)) return sendError(res, 404, 'NOT_FOUND', 'Not found', headers);
  let file = target;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = join(file, 'index.html');
  return serveFile(res, file, headers);
}

/**
 * What a deployed app may do in the browser: load its own files, talk only to its own origin
 * (so never to the API, whose origin differs), never be framed, never post forms elsewhere.
 * Inline styles are allowed (harmless to the API); inline and foreign scripts are not.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The headers of every app response. Only the console's own origin may frame an app (its preview
 * pane); with no console origin known, nothing may.
 */
function appHeaders(consoleOrigins: readonly string[]): Record<string, string> {
  const ancestors = consoleOrigins.length > 0 ? consoleOrigins.join(' ') : "'none'";
  return {
    'content-security-policy': `${APP_CONTENT_SECURITY_POLICY}; frame-ancestors ${ancestors}`,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    ...(consoleOrigins.length > 0 ? {} : { 'x-frame-options': 'DENY' }),
  };
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

export interface LocalAppsHostOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** `<appsDir>/<slug>/` is the built output of one app (see LocalStaticDeployer). */
  readonly appsDir: string;
  /**
   * Apps answer at `http://<slug>.<domain>:<port>/`. Default `localhost`: browsers and curl
   * resolve every `*.localhost` name to the loopback address (RFC 6761).
   */
  readonly domain?: string;
}

/**
 * Deployed apps, each on its own origin `http://<slug>.localhost:<port>/`, on a listener apart from
 * the API's. A browser keeps cookies per host and storage per origin, so an app's scripts never
 * see the API's session cookie (a host-only cookie of the API's host) nor another app's storage,
 * and their Content-Security-Policy keeps them from calling anything but their own origin.
 */
export class LocalAppsHost {
  private server: Server | undefined;
  private boundPort = 0;
  readonly domain: string;
  private headers = appHeaders([]);

  constructor(private readonly options: LocalAppsHostOptions) {
    this.domain = (options.domain ?? 'localhost').toLowerCase();
  }

  get port(): number {
    return this.boundPort;
  }

  /** The public URL of an app (valid once listening). */
  urlFor(slug: string): string {
    return `http://${slug}.${this.domain}:${this.boundPort}/`;
  }

  /** The origins of the console that show apps in their preview frame (set once the gateway listens). */
  allowFraming(origins: readonly string[]): void {
    this.headers = appHeaders(origins);
  }

  async listen(): Promise<number> {
    const server = createServer((req, res) => {
      markArrival(res);
      this.handle(req, res).catch((err: Error) => {
        logger.error('App host error', { error: err });
        if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'App host error');
        else res.end();
      });
    });
    server.keepAliveTimeout = 5_000;
    // No WebSocket here: an upgrade request is simply refused.
    server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n'));
    this.boundPort = await listenOn(server, this.options.port, this.options.host);
    this.server = server;
    return this.boundPort;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await closeServer(server);
  }

  /** The app a Host header names, or null. */
  slugOf(hostHeader: string | undefined): string | null {
    const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
    const suffix = `.${this.domain}`;
    if (!host.endsWith(suffix)) return null;
    const slug = host.slice(0, -suffix.length);
    return SLUG.test(slug) ? slug : null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    const APP_HEADERS = this.headers;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Apps are read-only', { allow: 'GET, HEAD', ...APP_HEADERS });
    }
    const target = parseTarget(req.url);
    if (!target.ok) return sendError(res, target.code === 'URI_TOO_LONG' ? 414 : 400, target.code, target.message, APP_HEADERS);
    const slug = this.slugOf(req.headers.host);
    if (!slug) {
      return sendError(
        res,
        404,
        'NOT_FOUND',
        `Apps are served at http://<slug>.${this.domain}:${this.boundPort}/ (each app on its own origin)`,
        APP_HEADERS,
      );
    }
    return serveUnder(res, join(this.options.appsDir, slug), target.path.slice(1) || 'index.html', APP_HEADERS);
  }
}
