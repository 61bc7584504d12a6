import { randomUUID } from 'node:crypto';
import * as z from '../domain/zod';
import type { DebuggerRun } from '../adapters/debugger-runs';
import type { Services } from './services';
import { GantryError } from '../domain/errors';
import type { Actor } from '../domain/mission';
import type { Policy } from '../domain/policy';
import { forLastArgument } from '../domain/memo';

export type DebuggerServices = Pick<Services, 'debuggerRuns' | 'policy' | 'snippets'>;

/** Body of `POST /gantry/debugger/run`. */
export const debuggerRequestSchema = forLastArgument((limits: Policy['debugger']) =>
  z.strictObject({
    code: z.string().check(
      z.minLength(1, 'code must not be empty'),
      z.refine((c) => Buffer.byteLength(c) <= limits.max_code_bytes, {
        message: `code is longer than debugger.max_code_bytes (${limits.max_code_bytes})`,
      }),
    ),
    language: z.enum(['javascript', 'shell']),
    /** A shorter limit than the policy's, if wanted. */
    timeout_seconds: z.optional(z.number().check(z.int(), z.gte(1), z.lte(limits.timeout_seconds))),
  }),
);
export type DebuggerRequest = z.infer<ReturnType<typeof debuggerRequestSchema>>;

/** No sandbox to run snippets in: the AWS deployment has none (see `runDebugger`). */
export class DebuggerUnavailableError extends GantryError {
  constructor() {
    super(
      'DEBUGGER_UNAVAILABLE',
      'The debugger is not available in this deployment: snippets run only in the builder sandbox of the local stack. ' +
        'On AWS it would need a sandbox of its own (a Fargate task per run), which is not deployed. ' +
        'Stored runs can still be listed and searched.',
      501,
    );
    this.name = 'DebuggerUnavailableError';
  }
}

/** What a run answers: the full output (the stored copy keeps the first 16 KiB of each stream). */
export interface DebuggerRunView {
  readonly run_id: string;
  readonly language: DebuggerRequest['language'];
  readonly stdout: string;
  readonly stderr: string;
  readonly exit_code: number | null;
  /** exit, timeout, memory, pids, disk, network (it tried the network, which the sandbox does not have), killed, error. */
  readonly end_reason: DebuggerRun['end_reason'];
  readonly duration_ms: number;
  readonly timeout_ms: number;
  readonly limits: { memory_mb: number; cpu_percent: number; max_pids: number };
  readonly created_at: string;
}

/**
 * Runs a snippet in the same sandbox as builds (no network, no host files, memory, CPU and process
 * limits, a hard time limit; `policy.debugger`), stores the run under the caller's tenant and
 * returns how it ended.
 */
export async function runDebugger(
  svc: DebuggerServices,
  input: { tenantId: string; actor: Actor; request: DebuggerRequest },
): Promise<DebuggerRunView> {
  if (!svc.snippets) throw new DebuggerUnavailableError();
  const policy = svc.policy.policy.debugger;
  const timeoutMs = (input.request.timeout_seconds ?? policy.timeout_seconds) * 1000;
  const limits = { memory_mb: policy.memory_mb, cpu_percent: policy.cpu_percent, max_pids: policy.max_pids };
  const createdAt = new Date().toISOString();
  const result = await svc.snippets.run({
    code: input.request.code,
    language: input.request.language,
    timeoutMs,
    limits,
    maxOutputBytes: policy.max_output_bytes,
  });
  const runId = `dbg-${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await svc.debuggerRuns.put({
    run_id: runId,
    tenant_id: input.tenantId,
    actor: input.actor,
    language: input.request.language,
    code: input.request.code,
    stdout: result.stdout,
    stderr: result.stderr,
    exit_code: result.exit_code,
    end_reason: result.end_reason,
    duration_ms: result.duration_ms,
    timeout_ms: timeoutMs,
    created_at: createdAt,
  });
  return {
    run_id: runId,
    language: input.request.language,
    stdout: result.stdout,
    stderr: result.stderr,
    exit_code: result.exit_code,
    end_reason: result.end_reason,
    duration_ms: result.duration_ms,
    timeout_ms: timeoutMs,
    limits,
    created_at: createdAt,
  };
}
