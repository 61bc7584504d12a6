import type { APIGatewayProxyEvent } from 'aws-lambda';
import { THEME_IDS, THEMES, themeSummary } from '../domain/architect/themes';
import { json, requirePermission, restHandler } from '../http';

/** GET /gantry/themes: the famous-app themes a design target can name, each with its version and the features it implies. */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent) => {
  requirePermission(event, 'mission:read');
  return json(200, { themes: THEME_IDS.map((id) => themeSummary(THEMES[id])) });
});
