import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { edgeHeaders, readBody, sendError, sendJson, BodyTooLargeError } from './gateway-edge';
import { safeDecode } from './request-target';
import type { LocalWebSocketApi } from './websocket-api';

/**
 * The header that carries the per-start key of the local `@connections` API. In AWS only IAM
 * principals allowed `execute-api:ManageConnections` reach the management API; locally the stack's
 * own push client is the only holder of a random key made at start-up and kept in memory.
 */
export const CONNECTIONS_KEY_HEADER = 'x-gantry-connections-key';

/** A fresh random key for one start of the stack (never written to disk or logged). */
export function newConnectionsKey(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The API Gateway Management API, `POST|GET|DELETE /@connections/{id}`, for the stack's own handlers only. */
export class LocalConnectionsApi {
  private readonly keyDigest: Buffer;

  constructor(
    private readonly sockets: LocalWebSocketApi,
    key: string,
  ) {
    this.keyDigest = digest(key);
  }

  /** Whether the request carries this start's key (compared in constant time). */
  private authorized(req: IncomingMessage): boolean {
    const presented = req.headers[CONNECTIONS_KEY_HEADER];
    return typeof presented === 'string' && timingSafeEqual(digest(presented), this.keyDigest);
  }

  /** `id` is the raw path segment. Without the key nothing is revealed: not even whether the connection exists. */
  async handle(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (!this.authorized(req)) {
      req.resume();
      return sendError(res, 403, 'ACCESS_DENIED', 'The @connections API is only for the stack itself');
    }
    if (!['POST', 'GET', 'DELETE'].includes(req.method ?? '')) {
      req.resume();
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on @connections`, {
        allow: 'POST, GET, DELETE',
      });
    }
    const socket = this.sockets.get(safeDecode(id) ?? '');
    if (!socket) {
      req.resume();
      // The SDK maps this error type to GoneException, as with API Gateway.
      return sendJson(res, 410, { message: 'Gone' }, { 'x-amzn-errortype': 'GoneException' });
    }
    if (req.method === 'POST') {
      let body: Buffer;
      try {
        body = await readBody(req, 128 * 1024);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', err.message);
        throw err;
      }
      socket.ws.send(body.toString('utf8'));
      res.writeHead(200, edgeHeaders(res)).end();
    } else if (req.method === 'GET') {
      sendJson(res, 200, {
        connectedAt: socket.connectedAt,
        identity: { sourceIp: socket.sourceIp },
        lastActiveAt: new Date().toISOString(),
      });
    } else {
      socket.ws.close(1000, 'Closed by the server');
      res.writeHead(204, edgeHeaders(res)).end();
    }
  }
}
