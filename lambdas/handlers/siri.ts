import type { APIGatewayProxyEvent } from 'aws-lambda';
import { services } from '../composition-root';
import { handleSiri } from '../app/siri';
import { json, restHandler } from '../http';

/**
 * `POST /gantry/siri` — public at the gateway: the device signature (GANTRY-SIRI-V1) is the
 * authentication, and it covers the body, which an API Gateway authorizer never sees.
 */
export const handler = restHandler(async (event: APIGatewayProxyEvent) => {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  const answer = await handleSiri(services(), {
    headers: event.headers,
    body,
    sourceIp: event.requestContext?.identity?.sourceIp ?? '',
  });
  return json(answer.status, answer.body);
});
