import type { Services } from './services';
import type { NewEvent } from '../adapters/mission-store';
import type { MissionEvent } from '../domain/mission';
import { emitMetric, METRIC_NAMES } from '../metrics';
import { logger } from '../observability';
import { OneAtATime } from '../domain/one-at-a-time';

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

/** Pushes of one mission's events, in the order the events were stored. */
const pushing = new OneAtATime<string>();

/**
 * Appends an event to the mission's chain and pushes it to every subscribed connection. The push
 * starts as soon as the event itself is stored, while the mission item moves to it, and ends
 * before this returns. Push is best effort: a client that misses a message resyncs from the
 * events endpoint by seq.
 */
export async function recordEvent(
  svc: EventServices,
  tenantId: string,
  missionId: string,
  input: NewEvent,
): Promise<MissionEvent> {
  const push = (stored: MissionEvent): Promise<void> =>
    pushing.run(`${tenantId}#${missionId}`, () => broadcast(svc, tenantId, missionId, eventMessage(stored)));
  let pushed: Promise<void> | null = null;
  const event = await svc.store.appendEvent(tenantId, missionId, input, (stored) => {
    pushed = push(stored);
  });
  if (event.status) {
    // One EMF metric per status change, dimensioned by status: the dashboard's mission funnel.
    emitMetric(METRIC_NAMES.statusChanges, 'Count', 1, { status: event.status });
  }
  // An event stored before (a repeated key) is pushed again, as a retried step's would be.
  await (pushed ?? push(event));
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
