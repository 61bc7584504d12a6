import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { handleSiri, type SiriServices } from '../app/siri';
import { json, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type SiriHandlerServices = PolicyServices & SiriServices;

/**
 * `POST /gantry/siri` — public at the gateway: the device signature (GANTRY-SIRI-V1) is the
 * authentication, and it covers the body, which an API Gateway authorizer never sees.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: SiriHandlerServices) => {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  const answer = await handleSiri(svc, {
    headers: event.headers,
    body,
    sourceIp: event.requestContext?.identity?.sourceIp ?? '',
  });
  return json(answer.status, answer.body);
});
