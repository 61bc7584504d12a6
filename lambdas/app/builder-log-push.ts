import { builderLogLines, decodeLogsEvent, taskIdOfStream } from '../domain/builder-log-events';
import { logger } from '../observability';
import { broadcast, type EventServices } from './mission-events';

/** Which mission attempt a build task runs (from the task's container overrides). */
export interface BuildTaskIdentity {
  readonly tenantId: string;
  readonly missionId: string;
  readonly attempt: number;
}

/** Finds the mission attempt of a build task by its ECS task id; null when it is not a Gantry build. */
export interface BuildTaskDirectory {
  identify(taskId: string): Promise<BuildTaskIdentity | null>;
}

/** Lines per WebSocket message: API Gateway takes at most 128 KB per frame. */
const LINES_PER_MESSAGE = 200;

/** What {@link pushBuilderLogs} did. */
export interface LogPushOutcome {
  readonly mission_id: string | null;
  readonly lines: number;
  readonly messages: number;
}

/**
 * The live build log on AWS: a CloudWatch Logs subscription on the builder log group delivers the
 * builder's stdout; its log lines go to the browsers watching the mission, in the same message
 * the local stack sends (`{ type: 'log', mission_id, attempt, lines }`). The mission comes from the
 * build task itself (never from the log text, which generated code writes).
 */
export async function pushBuilderLogs(
  svc: EventServices,
  event: unknown,
  tasks: BuildTaskDirectory,
  stream = { prefix: 'build', container: 'builder' },
): Promise<LogPushOutcome> {
  const data = decodeLogsEvent(event);
  if (data.messageType !== 'DATA_MESSAGE') return { mission_id: null, lines: 0, messages: 0 };
  const taskId = taskIdOfStream(data.logStream, stream.prefix, stream.container);
  if (!taskId) return { mission_id: null, lines: 0, messages: 0 };
  const lines = builderLogLines(data);
  if (lines.length === 0) return { mission_id: null, lines: 0, messages: 0 };
  const task = await tasks.identify(taskId);
  if (!task) {
    logger.warn('Log lines of a task that is no Gantry build', { task_id: taskId });
    return { mission_id: null, lines: 0, messages: 0 };
  }
  let messages = 0;
  for (let i = 0; i < lines.length; i += LINES_PER_MESSAGE) {
    await broadcast(svc, task.tenantId, task.missionId, {
      type: 'log',
      mission_id: task.missionId,
      attempt: task.attempt,
      lines: lines.slice(i, i + LINES_PER_MESSAGE),
    });
    messages += 1;
  }
  return { mission_id: task.missionId, lines: lines.length, messages };
}
