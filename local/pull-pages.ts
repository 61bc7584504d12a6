import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { services } from './handler-registry';
import { UNAUTHORIZED_MESSAGE } from '../lambdas/domain/identity';
import { flatHeaders, runAuthorizer, sendError, sendJson } from './gateway-edge';

/**
 * A pull-request record of the local publisher (the stand-in for a GitHub PR page) for API
 * clients. Like GitHub for a private repository, it needs a session, and only the mission's own
 * tenant sees it. Browsers are sent to the console's rendering instead (see gateway.ts).
 */
export async function servePull(req: IncomingMessage, res: ServerResponse, pullsDir: string, n: string): Promise<void> {
  req.resume();
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
  const file = join(pullsDir, `${n}.json`);
  const notFound = (): void => sendError(res, 404, 'NOT_FOUND', `No pull request #${n}`);
  if (!existsSync(file)) return notFound();
  const record = JSON.parse(await readFile(file, 'utf8')) as { mission_id?: string };
  const tenant = String(verdict.context.tenantId ?? '');
  const mission = tenant && record.mission_id ? await services().store.getMission(tenant, record.mission_id) : null;
  if (!mission) return notFound();
  sendJson(res, 200, record);
}
