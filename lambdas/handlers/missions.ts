import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createHash } from 'node:crypto';
import type { PolicyServices, Services } from '../app/services';
import { eventMessage } from '../app/mission-events';
import { statusView, summaryView } from '../app/mission-views';
import { withQueuePosition, type QueuePositionServices } from '../app/queue-position';
import { attemptLog, failureView, type FailureViewServices } from '../app/mission-failure';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { DsseEnvelope } from '../domain/dsse';
import type { MissionEvent } from '../domain/mission';
import { rankMissions } from '../domain/mission-search';
import { parseStrictJson } from '../domain/strict-json';
import { json, parseQuery, restHandler, tenantOf } from '../http';
import { SearchQuerySchema } from '../api/schemas';

/** How many of the tenant's newest missions a search looks through. */
export const SEARCH_SCAN_LIMIT = 1000;

function intParam(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new ValidationError(`${name} must be an integer from 0 to ${max}`);
  return n;
}

/** What this handler uses; its function's entry builds exactly these. */
export type MissionsHandlerServices = PolicyServices &
  Pick<Services, 'store' | 'evidence'> &
  FailureViewServices &
  QueuePositionServices;

/** Read-only mission routes: status, latest, list, search, events (resync by seq), failure with every attempt, build logs, evidence. */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: MissionsHandlerServices) => {
  const tenant = tenantOf(event);
  const id = event.pathParameters?.id ?? '';
  switch (event.resource) {
    case '/gantry/status/{id}':
      return json(200, statusView(await withQueuePosition(svc, await svc.store.requireMission(tenant, id))));
    case '/gantry/latest': {
      const [latest] = await svc.store.listMissions(tenant, 1);
      if (!latest) throw new NotFoundError('No missions yet');
      return json(200, statusView(await withQueuePosition(svc, latest)));
    }
    case '/gantry/missions': {
      const limit = intParam(event.queryStringParameters?.limit, 'limit', 50, 100) || 50;
      const missions = await svc.store.listMissions(tenant, limit);
      return json(200, { missions: missions.map(summaryView) });
    }
    case '/gantry/search': {
      const { q, limit } = parseQuery(event, SearchQuerySchema);
      const { missions } = await svc.store.listMissionsForSearch(tenant, SEARCH_SCAN_LIMIT);
      return json(200, { missions: rankMissions(missions, q, limit).map(summaryView) });
    }
    case '/gantry/missions/{id}/events': {
      const mission = await svc.store.requireMission(tenant, id);
      const after = intParam(event.queryStringParameters?.after, 'after', 0, Number.MAX_SAFE_INTEGER);
      const events = await svc.store.listEvents(tenant, id, after);
      return json(200, { mission_id: id, status: mission.status, seq: mission.seq, events: events.map(eventMessage) });
    }
    case '/gantry/missions/{id}/log': {
      // The record first, then its events up to the record's seq: one consistent snapshot even
      // while events are still being appended.
      const mission = await svc.store.requireMission(tenant, id);
      const events: MissionEvent[] = [];
      while ((events.at(-1)?.seq ?? 0) < mission.seq) {
        const page = await svc.store.listEvents(tenant, id, events.at(-1)?.seq ?? 0, 1000);
        if (page.length === 0) break;
        events.push(...page.filter((e) => e.seq <= mission.seq));
      }
      return json(200, { mission_id: id, record: mission, events });
    }
    case '/gantry/missions/{id}/failure': {
      const mission = await svc.store.requireMission(tenant, id);
      return json(200, await failureView(svc, mission));
    }
    case '/gantry/missions/{id}/attempts/{attempt}/log': {
      const mission = await svc.store.requireMission(tenant, id);
      const attempt = intParam(event.pathParameters?.attempt, 'attempt', 0, 9999);
      if (attempt < 1) throw new ValidationError('attempt must be an integer from 1 to 9999');
      const log = await attemptLog(svc, mission, attempt);
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'x-log-sha256': createHash('sha256').update(log).digest('hex'),
          'cache-control': 'no-store',
        },
        body: log.toString('utf8'),
      };
    }
    case '/gantry/missions/{id}/evidence': {
      const mission = await svc.store.requireMission(tenant, id);
      if (!mission.evidence_key) throw new NotFoundError(`Mission ${id} has no sealed evidence yet (status ${mission.status})`);
      const body = await svc.evidence.get(mission.evidence_key);
      if (!body) throw new NotFoundError(`Evidence ${mission.evidence_key} not found`);
      // The sealed file as stored (a DSSE envelope) and, beside it, the decoded statement: a
      // convenience view for readers, not itself signed (verify the envelope, not the view).
      const envelope = parseStrictJson(body) as DsseEnvelope;
      return json(200, { envelope, statement: JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) });
    }
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
