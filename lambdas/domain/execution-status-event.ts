import * as z from './zod';

/** `detail-type` of the EventBridge event Step Functions sends when an execution changes status. */
export const EXECUTION_STATUS_CHANGE = 'Step Functions Execution Status Change';

/** The statuses an execution can end in without its own Catch having run (or having finished). */
export const ENDED_WITHOUT_CATCH = ['TIMED_OUT', 'ABORTED', 'FAILED'] as const;
export type EndedStatus = (typeof ENDED_WITHOUT_CATCH)[number];

/**
 * The EventBridge event (`source: aws.states`) as Step Functions documents it. Only the fields
 * Gantry reads are checked; `input` is the execution's input as a JSON string (null when too
 * large to include), `error`/`cause` are set for FAILED and often null otherwise.
 */
export const ExecutionStatusChangeSchema = z.looseObject({
  source: z.literal('aws.states'),
  'detail-type': z.literal(EXECUTION_STATUS_CHANGE),
  detail: z.looseObject({
    executionArn: z.string().check(z.minLength(1)),
    stateMachineArn: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']),
    startDate: z.optional(z.nullable(z.number())),
    stopDate: z.optional(z.nullable(z.number())),
    input: z.optional(z.nullable(z.string())),
    error: z.optional(z.nullable(z.string())),
    cause: z.optional(z.nullable(z.string())),
  }),
});
export type ExecutionStatusChange = z.infer<typeof ExecutionStatusChangeSchema>;

/**
 * Builds the event Step Functions would send for an execution that ended, so the local workflow
 * runner hands the same shape to the same handler as EventBridge does on AWS.
 */
export function executionStatusChange(input: {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: EndedStatus | 'SUCCEEDED';
  startDate: Date;
  stopDate: Date;
  executionInput: unknown;
  error?: string | null;
  cause?: string | null;
  region?: string;
  account?: string;
}): ExecutionStatusChange {
  return {
    version: '0',
    id: `${input.name}-${input.status}`,
    'detail-type': EXECUTION_STATUS_CHANGE,
    source: 'aws.states',
    account: input.account ?? '000000000000',
    time: input.stopDate.toISOString(),
    region: input.region ?? 'local',
    resources: [input.executionArn],
    detail: {
      executionArn: input.executionArn,
      stateMachineArn: input.stateMachineArn,
      name: input.name,
      status: input.status,
      startDate: input.startDate.getTime(),
      stopDate: input.stopDate.getTime(),
      input: JSON.stringify(input.executionInput),
      error: input.error ?? null,
      cause: input.cause ?? null,
    },
  };
}

/** The error a mission records for an execution that ended this way (the ASL's `$.error` shape). */
export function executionEndError(detail: ExecutionStatusChange['detail']): { Error: string; Cause: string } {
  switch (detail.status) {
    case 'TIMED_OUT':
      return {
        Error: 'States.Timeout',
        Cause:
          detail.cause ??
          'The mission workflow ran past its execution timeout and was stopped by Step Functions (no Catch runs on an execution timeout)',
      };
    case 'ABORTED':
      return {
        Error: 'ExecutionAbortedError',
        Cause: detail.cause ?? 'The mission workflow was stopped before the mission ended',
      };
    default:
      return {
        Error: detail.error ?? 'ExecutionFailedError',
        Cause: detail.cause ?? 'The mission workflow failed without recording the failure',
      };
  }
}
