import * as z from '../domain/zod';
import type { Policy } from '../domain/policy';
import { REST_ROUTES, type RestRoute } from '../routes';
import { ROUTE_DOCS, routeKey, type ResponseDoc, type RouteDoc } from './route-docs';
import { ErrorSchema } from './schemas';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { title: string; version: string; description: string };
  readonly servers: Array<{ url: string }>;
  readonly tags: Array<{ name: string }>;
  readonly paths: Record<string, Record<string, Record<string, unknown>>>;
  readonly components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

const ERROR_RESPONSES: Record<number, string> = {
  400: 'Invalid input; the message names the problem and the limit',
  401: 'Not signed in',
  403: 'The role may not do this',
  404: 'Not found in the caller’s tenant',
  409: 'Conflicts with the mission’s state',
  413: 'Body over the size limit',
  415: 'A compressed body (Content-Encoding); send the JSON uncompressed',
  429: 'Rate limited; see retry-after',
};

/**
 * Converts zod schemas to JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Schemas carrying a
 * `.meta({ id })` become named components, referenced with `$ref`.
 */
class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
    const raw = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
    // Named schemas land in `$defs`; in the document they are components.
    const out = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    return this.hoist(out);
  }

  /** Moves `$defs` (named schemas) to the document's components and drops the per-schema `$schema`. */
  private hoist(out: JsonSchema & { $defs?: Record<string, JsonSchema> }): JsonSchema {
    const { $defs, $schema: _dialect, ...rest } = out;
    for (const [id, def] of Object.entries($defs ?? {})) this.components[id] = def;
    const id = (rest as { id?: string }).id;
    if (typeof id === 'string') {
      // A top-level named schema becomes a component of its own and a reference here.
      const { id: _id, ...body } = rest as JsonSchema & { id: string };
      this.components[id] = body;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rest;
  }
}

function pathParameters(path: string): Array<Record<string, unknown>> {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$' },
  }));
}

function queryParameters(query: z.ZodMiniObject | undefined, schemas: SchemaConverter): Array<Record<string, unknown>> {
  if (!query) return [];
  const object = schemas.convert(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: (object.required ?? []).includes(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

function responseObject(doc: ResponseDoc, schemas: SchemaConverter): Record<string, unknown> {
  if ('contentType' in doc) {
    return { description: doc.description, content: { [doc.contentType]: { schema: { type: 'string' } } } };
  }
  return { description: 'Success', content: { 'application/json': { schema: schemas.convert(doc, 'output') } } };
}

function operation(route: RestRoute, doc: RouteDoc, policy: Policy, schemas: SchemaConverter): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(doc.responses)) responses[status] = responseObject(body, schemas);
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    if (route.public && (status === '401' || status === '403')) continue;
    responses[status] ??= {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  responses['500'] = { description: 'Internal error; the x-request-id header identifies it in the logs' };
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: doc.summary,
    tags: [doc.tag],
    'x-gantry-handler': route.handler,
    security: route.public ? [] : [{ session: [] }, { bearer: [] }],
    parameters: [...pathParameters(route.path), ...queryParameters(doc.query, schemas)],
    ...(doc.body
      ? {
          requestBody: {
            required: !doc.bodyOptional,
            content: { 'application/json': { schema: schemas.convert(doc.body(policy), 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** Route keys of `routes` that have no documentation, and documented keys that name no route. */
export function undocumentedRoutes(
  routes: readonly RestRoute[] = REST_ROUTES,
  docs: Readonly<Record<string, RouteDoc>> = ROUTE_DOCS,
): { missing: string[]; unknown: string[] } {
  const keys = new Set(routes.map(routeKey));
  return {
    missing: [...keys].filter((k) => !docs[k]),
    unknown: Object.keys(docs).filter((k) => !keys.has(k)),
  };
}

/**
 * The OpenAPI 3.1 document of the REST API: every route of `lambdas/routes.ts`, its bodies and
 * queries from the zod schemas the handlers parse with (limits from the policy in force).
 * Throws when a route has no documentation (or documentation names no route).
 */
export function openApiDocument(
  policy: Policy,
  options: { serverUrl?: string; routes?: readonly RestRoute[]; docs?: Readonly<Record<string, RouteDoc>> } = {},
): OpenApiDocument {
  const routes = options.routes ?? REST_ROUTES;
  const docs = options.docs ?? ROUTE_DOCS;
  const { missing, unknown } = undocumentedRoutes(routes, docs);
  if (missing.length || unknown.length) {
    throw new Error(
      `OpenAPI: ${missing.length ? `routes without documentation in lambdas/api/route-docs.ts: ${missing.join(', ')}` : ''}` +
        `${unknown.length ? `${missing.length ? '; ' : ''}documented routes not in lambdas/routes.ts: ${unknown.join(', ')}` : ''}`,
    );
  }
  const schemas = new SchemaConverter();
  schemas.convert(ErrorSchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, docs[routeKey(route)]!, policy, schemas);
  }
  const tags = [...new Set(routes.map((r) => docs[routeKey(r)]!.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.1',
    info: {
      title: 'Gantry API',
      version: '1',
      description:
        'The REST API of Gantry, a serverless AI software factory. Errors are `{"error":{"code","message"}}`; ' +
        'every response carries x-request-id and x-duration-ms. Live progress streams over the WebSocket API ' +
        '(connect with a ticket from POST /gantry/auth/ticket, then send {"action":"subscribe","mission_id"}).',
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    tags,
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'gantry_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
