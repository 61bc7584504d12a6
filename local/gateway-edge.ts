import type { Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, maxHeaderSize, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { logger } from '../lambdas/observability';
import { AUTHORIZER_FN } from './handler-registry';

/**
 * What every local emulator listener (REST, WebSocket, `@connections`, static hosting) shares at
 * the edge: the error shape with a request id and a duration, API Gateway's header flattening and
 * body limit, and the authorizer invocation.
 */

/** API Gateway's own payload limit (10 MB); handlers enforce the policy's smaller limits. */
/**
 * What Node's HTTP parser refuses before any listener sees a request (a malformed request line,
 * headers over the size limit, a body it cannot frame, a request that never finished arriving) is
 * answered in the one error shape too, on the socket, and the connection is closed: without this
 * Node writes a bare status line with no body.
 */
export function answerUnparsable(err: Error & { code?: string }, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, message]: [number, string, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', `The request's headers exceed the limit of ${maxHeaderSize} bytes`]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time']
        : [400, 'BAD_REQUEST', `The request is not well-formed HTTP/1.1 (${err.code ?? 'unparsable'})`];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Starts `server` on host:port and answers the port it bound (a port of 0 picks a free one).
 * Requests the HTTP parser refuses are answered by {@link answerUnparsable}.
 */
export async function listenOn(server: Server, port: number, host: string): Promise<number> {
  server.on('clientError', answerUnparsable);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** Stops `server`, dropping its idle keep-alive connections instead of waiting for them. */
export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
}

export const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** When each response's request arrived, so the gateway's own errors carry a duration too. */
const arrivedAt = new WeakMap<ServerResponse, number>();

/** Marks the moment a request arrived (call first thing in a listener). */
export function markArrival(res: ServerResponse): void {
  arrivedAt.set(res, Date.now());
}

/** Headers every gateway-made answer carries: a request id and how long it took. */
export function edgeHeaders(res: ServerResponse): Record<string, string> {
  const started = arrivedAt.get(res) ?? Date.now();
  return { 'x-request-id': randomUUID(), 'x-duration-ms': String(Date.now() - started) };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...edgeHeaders(res),
    ...headers,
  });
  res.end(text);
}

/** The one error shape, `{"error":{"code","message"}}`, for every answer the gateway makes itself. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/** Headers as API Gateway hands them to Lambda: single values, lowercase names. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  return headers;
}

export type AuthorizerContext = Record<string, string | number | boolean>;

/**
 * Runs the authorizer Lambda as API Gateway does: `Unauthorized` thrown → 401, an explicit Deny
 * → 403, an Allow → its context (plus `principalId`) becomes `requestContext.authorizer`.
 */
export async function runAuthorizer(
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

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds the gateway limit of ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

const EMPTY_BODY = Buffer.alloc(0);

/** Reads a request body, refusing more than `limit` bytes (declared or sent). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
  // No length and no chunked body: there is nothing to read (most GETs).
  if (declared === 0 && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return EMPTY_BODY;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The Lambda context a handler receives (enough for Powertools and the request id). */
/** The context's functions, made once rather than for every request. */
const remainingTime = (): number => 30_000;
const ignored = (): undefined => undefined;

export function lambdaContext(functionName: string, requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: remainingTime,
    done: ignored,
    fail: ignored,
    succeed: ignored,
  };
}
