import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as z from './domain/zod';
import {
  ForbiddenError,
  GantryError,
  InvalidJsonError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './domain/errors';
import { can, headerValue, principalFromContext, UNAUTHORIZED_MESSAGE, type Permission, type Principal } from './domain/identity';
import { refreshPolicy, type PolicyServices } from './app/services';
import { logger } from './observability';

/**
 * The caller as the authorizer established it (`requestContext.authorizer`), never anything the
 * request itself says. A route behind the authorizer always has one; without it the request is
 * refused (401), never served under some default tenant.
 */
export function principalOf(event: APIGatewayProxyEvent): Principal {
  const principal = principalFromContext(event.requestContext?.authorizer);
  if (!principal) throw new UnauthorizedError(UNAUTHORIZED_MESSAGE);
  return principal;
}

/** The caller's tenant, taken from the authorizer context, never from the request itself. */
export function tenantOf(event: APIGatewayProxyEvent): string {
  return principalOf(event).tenantId;
}

/** The caller, refused with 403 unless their role grants `permission`. */
export function requirePermission(event: APIGatewayProxyEvent, permission: Permission): Principal {
  const principal = principalOf(event);
  if (!can(principal.role, permission)) {
    throw new ForbiddenError(`Your role (${principal.role}) may not do this (${permission})`);
  }
  return principal;
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): { error: Record<string, unknown> } {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

function describeZodError(err: z.$ZodError): string {
  return err.issues
    .map((issue) => {
      const path = issue.path.join('.') || 'body';
      if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${path} is required`;
      if (issue.code === 'invalid_type')
        return `${path} must be of type ${(issue as { expected?: string }).expected ?? 'the documented type'}`;
      if (issue.code === 'unrecognized_keys') return `unknown field(s): ${(issue as { keys?: string[] }).keys?.join(', ')}`;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Parses a JSON body against a schema, enforcing the byte limit first.
 * Every failure is a 4xx GantryError whose message names the problem.
 */
export function parseJsonBody<T>(event: APIGatewayProxyEvent, schema: z.ZodMiniType<T>, maxBytes: number): T {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes, bytes.length);
  if (bytes.length === 0) throw new InvalidJsonError('Request body is empty; send a JSON object');
  const encoding = headerValue(event.headers, 'content-encoding')?.trim();
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new GantryError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Encoding ${encoding} is not accepted; send the JSON body uncompressed`,
      415,
      {
        content_encoding: encoding,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new InvalidJsonError(`Request body is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError('Request body must be a JSON object');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(describeZodError(parsed.error));
  return parsed.data;
}

/** Parses the query string against a schema; a failure is a 400 naming the parameter and its limit. */
export function parseQuery<T>(event: APIGatewayProxyEvent, schema: z.ZodMiniType<T>): T {
  const parsed = schema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) throw new ValidationError(describeZodError(parsed.error));
  return parsed.data;
}

/**
 * Every id the API hands out (missions, runs, device keys, attempts) fits this shape. A path
 * parameter that does not is refused here, before any store call: a store key has a size limit
 * and a malformed id can never name a record.
 */
export const PATH_PARAMETER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

function checkPathParameters(event: APIGatewayProxyEvent): void {
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (value === undefined || !PATH_PARAMETER_PATTERN.test(value)) {
      throw new ValidationError(`Path parameter ${name} is not a valid id (1-128 letters, digits, '_', '.', ':' or '-')`, {
        parameter: name,
      });
    }
  }
}

/**
 * The edge of every REST handler: request id and duration on every response, structured logs,
 * and errors mapped to `{"error":{"code","message"}}` with the right status. Never a stack trace.
 */
export function httpEnvelope(
  services: () => PolicyServices,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context> {
  type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>;
  const started = new WeakMap<object, { at: number; requestId: string }>();
  // The request's id and start, made once: the id a failure's log line names is the one its answer carries.
  const meta = (request: Request): { at: number; requestId: string } => {
    let found = started.get(request);
    if (!found) {
      found = { at: Date.now(), requestId: request.event.requestContext?.requestId || randomUUID() };
      started.set(request, found);
    }
    return found;
  };
  // A request's log lines name it themselves: other requests interleave with it in one process.
  const requestKeys = (request: Request) => ({
    request_id: meta(request).requestId,
    route: `${request.event.httpMethod} ${request.event.resource}`,
    tenant_id: principalFromContext(request.event.requestContext?.authorizer)?.tenantId,
  });
  const finish = (request: Request): void => {
    const { at, requestId } = meta(request);
    const response = request.response ?? json(500, errorBody('INTERNAL', 'No response'));
    response.headers = {
      ...response.headers,
      'x-request-id': requestId,
      'x-duration-ms': String(Date.now() - at),
    };
    request.response = response;
  };
  return {
    before: async (request) => {
      meta(request);
      checkPathParameters(request.event);
      // The policy in force governs this request: a policy edited (local) or uploaded (S3) since
      // the last one applies without a redeploy. A no-op while the source's short cache is fresh.
      await refreshPolicy(services());
    },
    after: async (request) => finish(request),
    onError: async (request) => {
      const err = request.error;
      if (err instanceof GantryError) {
        if (err.httpStatus >= 500) logger.error('Request failed', { ...requestKeys(request), error: err });
        const headers: Record<string, string> =
          err instanceof RateLimitedError ? { 'retry-after': String(err.retryAfterSeconds) } : {};
        request.response = json(err.httpStatus, errorBody(err.code, err.message, err.details), headers);
      } else if (err instanceof z.$ZodError) {
        request.response = json(400, errorBody('VALIDATION_ERROR', describeZodError(err)));
      } else {
        logger.error('Unhandled error', { ...requestKeys(request), error: err as Error });
        request.response = json(500, errorBody('INTERNAL', 'Internal error; the request id identifies it in the logs'));
      }
      finish(request);
    },
  };
}

export type RestHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A REST handler waiting for its services: the function's entry (or the local stack) supplies them. */
export type RestHandlerFactory<S> = (services: () => S) => RestHandler;

/**
 * Wraps a thin handler function with the envelope. The handler receives the services its
 * factory was given; they are resolved per request, after the envelope refreshed the policy.
 * The envelope's own log lines carry the request's id, route and tenant, never another's.
 */
export function restHandler<S extends PolicyServices>(
  fn: (event: APIGatewayProxyEvent, svc: S) => Promise<APIGatewayProxyResult>,
): RestHandlerFactory<S> {
  return (services) =>
    middy((event: APIGatewayProxyEvent) => fn(event, services())).use(httpEnvelope(services)) as unknown as RestHandler;
}
