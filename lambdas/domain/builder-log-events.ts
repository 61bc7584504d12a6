import { gunzipSync } from 'node:zlib';
import * as z from './zod';
import { parseBuilderMessage } from '../../builder-image/src/protocol';

/**
 * What a CloudWatch Logs subscription delivers to Lambda: `{ awslogs: { data } }`, where `data`
 * is base64 of a gzip'd JSON document with the log group, the stream and the events.
 */
export const CloudWatchLogsEventSchema = z.object({ awslogs: z.object({ data: z.string().check(z.minLength(1)) }) });

export const CloudWatchLogsDataSchema = z.object({
  messageType: z.enum(['DATA_MESSAGE', 'CONTROL_MESSAGE']),
  owner: z.string(),
  logGroup: z.string(),
  logStream: z.string(),
  subscriptionFilters: z.array(z.string()),
  logEvents: z.array(z.object({ id: z.string(), timestamp: z.number(), message: z.string() })),
});
export type CloudWatchLogsData = z.infer<typeof CloudWatchLogsDataSchema>;

/** Decodes and checks the subscription payload; throws on anything else. */
export function decodeLogsEvent(event: unknown): CloudWatchLogsData {
  const { awslogs } = CloudWatchLogsEventSchema.parse(event);
  const json = gunzipSync(Buffer.from(awslogs.data, 'base64')).toString('utf8');
  return CloudWatchLogsDataSchema.parse(JSON.parse(json));
}

/**
 * The ECS task id in an awslogs stream name, `<prefix>/<container>/<task id>` (the awslogs
 * driver's naming); null for any other stream.
 */
export function taskIdOfStream(logStream: string, streamPrefix: string, containerName: string): string | null {
  const parts = logStream.split('/');
  if (parts.length !== 3 || parts[0] !== streamPrefix || parts[1] !== containerName) return null;
  const taskId = parts[2] ?? '';
  return /^[A-Za-z0-9-]{1,64}$/.test(taskId) ? taskId : null;
}

/**
 * The lines a browser shows, from the builder's stdout protocol: its `log` messages, and the
 * builder's own failure as a `[gantry]` line. Anything else (phases, results, a stack trace) stays
 * in the log group only — the same lines the local builder broadcasts.
 */
export function builderLogLines(data: CloudWatchLogsData): string[] {
  const lines: string[] = [];
  for (const event of data.logEvents) {
    const message = parseBuilderMessage(event.message.trimEnd());
    if (message?.type === 'log') lines.push(message.line);
    else if (message?.type === 'error') lines.push(`[gantry] ${message.message}`);
  }
  return lines;
}
