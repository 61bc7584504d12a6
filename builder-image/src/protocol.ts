import * as z from '../../lambdas/domain/zod';
import { BuildResultSchema, CommandResultSchema } from '../../lambdas/domain/build-result';

/**
 * The builder entrypoint's stdout protocol: one JSON object per line, version 1.
 *
 *   {"v":1,"type":"log","line":"..."}                      a log line (commands' stdout/stderr, builder notes)
 *   {"v":1,"type":"phase","phase":"audit","command":"..."}  a command starts
 *   {"v":1,"type":"command","result":{CommandResult}}      a command ended
 *   {"v":1,"type":"result","result":{BuildResult}}         last line on success: result.json is written
 *   {"v":1,"type":"error","message":"..."}                 the builder itself failed (exit code non-zero)
 *
 * Readers ignore lines that are not JSON or not of a known type (a crashing runtime may print a
 * stack trace), so the protocol can grow new types without breaking older readers.
 */
export const PROTOCOL_VERSION = 1;

export const BuilderMessageSchema = z.discriminatedUnion('type', [
  z.object({ v: z.literal(1), type: z.literal('log'), line: z.string() }),
  z.object({ v: z.literal(1), type: z.literal('phase'), phase: z.enum(['install', 'audit', 'build']), command: z.string() }),
  z.object({ v: z.literal(1), type: z.literal('command'), result: CommandResultSchema }),
  z.object({
    v: z.literal(1),
    type: z.literal('result'),
    result: z.extend(BuildResultSchema, { error: z.optional(z.string()) }),
  }),
  z.object({ v: z.literal(1), type: z.literal('error'), message: z.string() }),
]);
export type BuilderMessage = z.infer<typeof BuilderMessageSchema>;

/** BuildResult as written to result.json (with the optional human-readable `error`). */
export const BuildResultFileSchema = z.extend(BuildResultSchema, { error: z.optional(z.string()) });

/** Parses one stdout line; null for anything that is not a protocol message. */
export function parseBuilderMessage(line: string): BuilderMessage | null {
  if (!line.startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = BuilderMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Serialises one message as a protocol line (with the trailing newline). */
export function formatBuilderMessage(message: BuilderMessage): string {
  return `${JSON.stringify(message)}\n`;
}
