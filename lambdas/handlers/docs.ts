import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { renderDocsPage } from '../api/docs-page';
import { openApiDocument } from '../api/openapi';
import { NotFoundError } from '../domain/errors';
import { json, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type DocsHandlerServices = PolicyServices;

/** Where the API is mounted: `/<stage>` behind API Gateway, the root on the local stack. */
function serverUrl(event: APIGatewayProxyEvent): string {
  const stage = event.requestContext?.stage;
  return stage && stage !== 'local' && stage !== '$default' ? `/${stage}` : '/';
}

/**
 * `GET /openapi.json` (the OpenAPI 3.1 document, generated from the routes and the zod schemas
 * the handlers parse with, limits from the policy in force) and `GET /docs` (the same document
 * rendered as one self-contained page). Both public: they describe the API, not anyone's data.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: DocsHandlerServices) => {
  const doc = openApiDocument(svc.policy.policy, { serverUrl: serverUrl(event) });
  switch (event.resource) {
    case '/openapi.json':
      return json(200, doc, { 'cache-control': 'no-cache' });
    case '/docs':
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-cache',
          // The page is static HTML with one inline stylesheet: nothing else may load or run.
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        },
        body: renderDocsPage(doc),
      };
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
