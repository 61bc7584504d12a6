import type { Services } from './services';
import type { NewEvent } from '../adapters/mission-store';
import type { MissionEvent } from '../domain/mission';
import { emitMetric, METRIC_NAMES } from '../metrics';
import { logger } from '../observability';

/** What recording and broadcasting a mission event needs. */
export type EventServices = Pick<Services, 'store' | 'push'>;

/** The message a WebSocket subscriber receives for each event. */
export function eventMessage(event: MissionEvent): Record<string, unknown> {
  return {
    type: 'event',
    mission_id: event.mission_id,
    seq: event.seq,
    event_type: event.type,
    status: event.status,
    message: event.message,
    actor: event.actor,
    at: event.at,
    data: event.data,
  };
}

/**
 * Appends an event to the mission's chain, then pushes it to every subscribed connection.
 * Push is best effort: a client that misses a message resyncs from the status endpoint by seq.
 */
export async function recordEvent(
  svc: EventServices,
  tenantId: string,
  missionId: string,
  input: NewEvent,
): Promise<MissionEvent> {
  const event = await svc.store.appendEvent(tenantId, missionId, input);
  if (event.status) {
    // One EMF metric per status change, dimensioned by status: the dashboard's mission funnel.
    emitMetric(METRIC_NAMES.statusChanges, 'Count', 1, { status: event.status });
  }
  await broadcast(svc, tenantId, missionId, eventMessage(event));
  return event;
}

export async function broadcast(
  svc: EventServices,
  tenantId: string,
  missionId: string,
  message: Record<string, unknown>,
): Promise<void> {
  let subs;
  try {
    subs = await svc.store.subscriptions(tenantId, missionId);
  } catch (err) {
    logger.warn('Could not list subscriptions', { mission_id: missionId, error: (err as Error).message });
    return;
  }
  await Promise.all(
    subs.map(async ({ connectionId }) => {
      try {
        const alive = await svc.push.post(connectionId, message);
        if (!alive) await svc.store.removeConnection(connectionId);
      } catch (err) {
        logger.warn('Push failed', { mission_id: missionId, connection_id: connectionId, error: (err as Error).message });
      }
    }),
  );
}
