import { lineKey, positions } from '../domain/builder-line';
import type { Mission } from '../domain/mission';
import type { Services } from './services';

/** What showing a mission's place in the builders' line reads. */
export type QueuePositionServices = Pick<Services, 'builderLine'>;

/**
 * The mission with its place in the builders' line, read from the line itself while the mission is
 * QUEUED (null once it holds a builder, and for every other status). The line is the one record of
 * the places: a change of it writes no mission item, and the push that tells subscribers of the
 * change follows the line's write, so a status read shows what they heard.
 */
export async function withQueuePosition(svc: QueuePositionServices, mission: Mission): Promise<Mission> {
  if (mission.status !== 'QUEUED') return mission;
  const line = await svc.builderLine.read();
  return { ...mission, queue_position: positions(line).get(lineKey(mission)) ?? null };
}
