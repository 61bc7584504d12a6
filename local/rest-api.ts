import type { APIGatewayProxyEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REST_ROUTES, type RestRoute } from '../lambdas/routes';
import { UNAUTHORIZED_MESSAGE } from '../lambdas/domain/identity';
import {
  BodyTooLargeError,
  flatHeaders,
  GATEWAY_MAX_BODY_BYTES,
  lambdaContext,
  readBody,
  runAuthorizer,
  sendError,
  type AuthorizerContext,
} from './gateway-edge';
import { REST_HANDLER_MAP, servicesInstalled } from './handler-registry';
import { safeDecode } from './request-target';

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

/**
 * The local stand-in for the REST API: a route of `lambdas/routes.ts` becomes an API Gateway proxy
 * event for the same handler, after the same authorizer. Unknown paths answer 404, a known path
 * with another method 405, an over-large body 413, all in the one error shape.
 */
export class LocalRestApi {
  private readonly routes = REST_ROUTES.map(compile);

  /** `path` is the raw (still percent-encoded) path; `query` the decoded query (see request-target.ts). */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: Record<string, string>): Promise<void> {
    const compiled = this.routes.find((r) => r.route.method === req.method && r.pattern.test(path));
    if (!compiled) {
      const matches = this.routes.filter((r) => r.pattern.test(path));
      if (matches.length === 0) {
        req.resume();
        return sendError(res, 404, 'NOT_FOUND', `No route for ${path}`);
      }
      req.resume();
      return sendError(
        res,
        405,
        'METHOD_NOT_ALLOWED',
        `${req.method} is not allowed on ${path}; use ${matches.map((m) => m.route.method).join(', ')}`,
        { allow: matches.map((m) => m.route.method).join(', ') },
      );
    }
    if (!servicesInstalled()) {
      // The gateway listens before the stack has finished starting (the port is taken, or the start
      // fails, at once): a request in that moment is told to come back, not failed with a 500.
      req.resume();
      return sendError(res, 503, 'STARTING', 'Gantry is starting; try again in a moment', { 'retry-after': '1' });
    }
    const values = compiled.pattern.exec(path)!.slice(1);
    // parseTarget checked that the whole path decodes, so each segment does too.
    const pathParameters = Object.fromEntries(compiled.params.map((name, i) => [name, safeDecode(values[i] ?? '') ?? '']));
    const headers = flatHeaders(req);
    const requestId = randomUUID();
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
        req.resume();
        return sendError(res, 413, 'PAYLOAD_TOO_LARGE', err.message, { connection: 'close' });
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
    // With its length, as API Gateway sends it: no chunked framing for either side to write and read.
    // (A 204 or 304 has no body and so no length.)
    // A text body is written as the string it is (no copy into a buffer first).
    const answer = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : (result.body ?? '');
    const bodiless = result.statusCode === 204 || result.statusCode === 304;
    res.writeHead(result.statusCode, {
      ...(result.headers as Record<string, string>),
      ...(bodiless ? {} : { 'content-length': String(Buffer.byteLength(answer)) }),
    });
    res.end(bodiless ? undefined : answer);
  }
}
