import * as z from '../domain/zod';
import { MISSION_STATUSES } from '../domain/mission';

/**
 * Zod schemas of the API's queries and answers. Request bodies live next to the code that parses
 * them (app/*.ts); the ones here are parsed by their handlers too (search, clear), or describe an
 * answer the OpenAPI document publishes and the route tests check real answers against.
 */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().check(z.describe('Stable, machine-readable error code (VALIDATION_ERROR, NOT_FOUND, …)')),
      message: z.string().check(z.describe('What went wrong and what to do about it')),
      details: z.optional(z.record(z.string(), z.unknown())),
    }),
  })
  .check(z.meta({ id: 'Error' }));

export const MissionStatusEnum = z.enum(MISSION_STATUSES).check(z.meta({ id: 'MissionStatus' }));

const nullableString = z.nullable(z.string());

/** While a mission waits for a human decision (the decisions contract): the gate and who may decide. */
export const AwaitingSchema = z
  .object({
    gate: z.string(),
    roles: z.array(z.string()),
    requested_at: z.string(),
    expires_at: z.string(),
    on_timeout: z.enum(['reject', 'approve', 'escalate']),
  })
  .check(z.meta({ id: 'Awaiting' }));

/** One row of `GET /gantry/missions` and `GET /gantry/search` (app/mission-views.ts summaryView); more fields may be added. */
export const MissionSummarySchema = z
  .looseObject({
    mission_id: z.string(),
    status: MissionStatusEnum,
    prompt: z.string(),
    project_name: nullableString,
    url: nullableString,
    pr_url: nullableString,
    seq: z.number().check(z.int()),
    created_at: z.string(),
    updated_at: z.string(),
    awaiting: z.optional(z.nullable(AwaitingSchema)),
  })
  .check(z.meta({ id: 'MissionSummary' }));

export const MissionListSchema = z.object({ missions: z.array(MissionSummarySchema) }).check(z.meta({ id: 'MissionList' }));

/** `GET /gantry/status/{id}` (app/mission-views.ts statusView); more fields may be added. */
export const MissionStatusViewSchema = z
  .looseObject({
    mission_id: z.string(),
    status: MissionStatusEnum,
    url: nullableString,
    pr_url: nullableString,
    speech: z.string(),
    branch: nullableString,
    seq: z.number().check(z.int()),
    failure: z.nullable(z.looseObject({ code: z.string(), message: z.string(), step: z.string(), at: z.string() })),
    prompt: z.string(),
    project_name: nullableString,
    evidence_key: nullableString,
    chain_head: nullableString,
    policy_hash: z.string(),
    cleared_at: z.optional(nullableString),
    awaiting: z.optional(z.nullable(AwaitingSchema)),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .check(z.meta({ id: 'MissionStatusView' }));

export const MissionEventSchema = z
  .looseObject({
    type: z.literal('event'),
    mission_id: z.string(),
    seq: z.number().check(z.int()),
    event_type: z.string(),
    status: z.optional(z.nullable(MissionStatusEnum)),
    message: z.string(),
    at: z.string(),
  })
  .check(z.meta({ id: 'MissionEvent' }));

export const MissionEventsSchema = z
  .object({
    mission_id: z.string(),
    status: MissionStatusEnum,
    seq: z.number().check(z.int()),
    events: z.array(MissionEventSchema),
  })
  .check(z.meta({ id: 'MissionEvents' }));

/** The answer of a submit (`POST /gantry/architect`) or a retry. */
export const MissionAcceptedSchema = z
  .looseObject({
    mission_id: z.string(),
    status: MissionStatusEnum,
    status_url: z.string(),
    events_url: z.string(),
  })
  .check(z.meta({ id: 'MissionAccepted' }));

/** An answer whose fields the handler documents in prose; the document lists it as a JSON object. */
export const JsonObjectSchema = z.looseObject({});

/** Body of `POST /gantry/missions/{id}/cancel` (optional). */
export const CancelSchema = z.strictObject({ reason: z.optional(z.string().check(z.maxLength(500))) });

// --- Search and clear (parsed by their handlers with these very schemas) ---

/** Longest `q` of `GET /gantry/search`. */
export const SEARCH_MAX_QUERY_CHARS = 200;
/** Most results one search returns. */
export const SEARCH_MAX_RESULTS = 50;

export const SearchQuerySchema = z.strictObject({
  q: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'q is required: the words to look for'),
      z.maxLength(SEARCH_MAX_QUERY_CHARS, `q is longer than ${SEARCH_MAX_QUERY_CHARS} characters`),
      z.describe('Words to find in the prompt, the plan (title, entities, features), the status or the failure'),
    ),
  limit: z
    ._default(
      z.coerce.number().check(z.int(), z.gte(1), z.lte(SEARCH_MAX_RESULTS, `limit must be from 1 to ${SEARCH_MAX_RESULTS}`)),
      20,
    )
    .check(z.describe(`Most results to return (1 to ${SEARCH_MAX_RESULTS}, default 20)`)),
});

/** Most missions one `POST /gantry/missions/clear` may name. */
export const CLEAR_MAX_MISSIONS = 100;

export const ClearRequestSchema = z.strictObject({
  mission_ids: z
    .array(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'each mission id must be a valid id')))
    .check(
      z.minLength(1, 'mission_ids must name at least one mission'),
      z.maxLength(CLEAR_MAX_MISSIONS, `mission_ids may name at most ${CLEAR_MAX_MISSIONS} missions`),
      z.describe('Final missions to hide from lists and search (their records and evidence stay readable by id)'),
    ),
});

export const ClearResultSchema = z
  .object({
    cleared: z.array(z.object({ mission_id: z.string(), cleared_at: z.string() })),
  })
  .check(z.meta({ id: 'ClearResult' }));

// --- Queries of existing routes, as their handlers read them ---

export const LimitQuerySchema = (max: number, fallback: number) =>
  z.object({
    limit: z
      ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(max)), fallback)
      .check(z.describe(`Most items to return (1 to ${max})`)),
  });

export const AfterQuerySchema = z.object({
  after: z
    ._default(z.coerce.number().check(z.int(), z.gte(0)), 0)
    .check(z.describe('Return only events with a greater seq (resync after a gap)')),
});

export const DebuggerSearchQuerySchema = z.object({
  q: z.string().check(z.minLength(1), z.maxLength(200), z.describe('Text to find in a run’s code or output')),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});
