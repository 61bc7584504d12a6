import * as z from '../domain/zod';
import { newTenantSchema, newUserSchema } from '../app/accounts';
import { LoginSchema } from '../app/authentication';
import { chatRequestSchema, consultRequestSchema } from '../app/consultation';
import { debuggerRequestSchema } from '../app/debugger';
import { NewDeviceSchema } from '../app/devices';
import { architectRequestSchema } from '../app/submit-mission';
import { DecisionRequestSchema } from '../domain/approval';
import type { Policy } from '../domain/policy';
import type { RestRoute } from '../routes';
import {
  AfterQuerySchema,
  CancelSchema,
  ClearRequestSchema,
  ClearResultSchema,
  DebuggerSearchQuerySchema,
  JsonObjectSchema,
  LimitQuerySchema,
  MissionAcceptedSchema,
  MissionEventsSchema,
  MissionListSchema,
  MissionStatusViewSchema,
  SearchQuerySchema,
} from './schemas';

/** A response body: a zod schema (JSON), or another media type described in words. */
export type ResponseDoc = z.ZodMiniType | { readonly contentType: string; readonly description: string };

/**
 * What the OpenAPI document says about one route. Bodies and queries are the zod schemas the
 * handler parses with (a factory when the schema depends on the policy in force).
 */
export interface RouteDoc {
  readonly summary: string;
  readonly tag: string;
  readonly body?: (policy: Policy) => z.ZodMiniType;
  /** The body may be left out (e.g. a cancel without a reason). */
  readonly bodyOptional?: boolean;
  readonly query?: z.ZodMiniObject;
  /** Success responses by status code. Error responses are added for every route. */
  readonly responses: Readonly<Record<number, ResponseDoc>>;
}

/** The key that joins a route of `lambdas/routes.ts` to its documentation: `"GET /gantry/missions"`. */
export const routeKey = (route: Pick<RestRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;

const html = (description: string): ResponseDoc => ({ contentType: 'text/html', description });

/**
 * One entry per route of `lambdas/routes.ts`, by route key. A route without an entry (or an entry
 * without a route) makes the document generator throw and the OpenAPI route test fail.
 */
export const ROUTE_DOCS: Readonly<Record<string, RouteDoc>> = {
  'POST /gantry/architect': {
    summary: 'Submit a direct build (no consultation)',
    tag: 'missions',
    body: (p) => architectRequestSchema(p.api.max_prompt_chars),
    responses: { 202: MissionAcceptedSchema, 200: MissionAcceptedSchema },
  },
  'GET /gantry/status/{id}': { summary: 'A mission’s status', tag: 'missions', responses: { 200: MissionStatusViewSchema } },
  'GET /gantry/latest': { summary: 'The newest mission', tag: 'missions', responses: { 200: MissionStatusViewSchema } },
  'GET /gantry/missions': {
    summary: 'Recent missions, newest first (cleared ones left out)',
    tag: 'missions',
    query: LimitQuerySchema(100, 50),
    responses: { 200: MissionListSchema },
  },
  'GET /gantry/search': {
    summary: 'Search the tenant’s missions by prompt, plan, status and failure text',
    tag: 'missions',
    query: SearchQuerySchema,
    responses: { 200: MissionListSchema },
  },
  'POST /gantry/missions/clear': {
    summary: 'Hide final missions from lists and search (records and evidence are kept)',
    tag: 'missions',
    body: () => ClearRequestSchema,
    responses: { 200: ClearResultSchema },
  },
  'GET /gantry/missions/{id}/events': {
    summary: 'A mission’s events after a seq (resync)',
    tag: 'missions',
    query: AfterQuerySchema,
    responses: { 200: MissionEventsSchema },
  },
  'GET /gantry/missions/{id}/failure': {
    summary: 'Why a mission failed, with every build attempt',
    tag: 'missions',
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/missions/{id}/evidence': {
    summary:
      'The sealed evidence of a mission: {envelope (the signed DSSE file), statement (its decoded payload, unsigned view)}',
    tag: 'evidence',
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/missions/{id}/log': {
    summary: "A mission's stored record with its whole event log up to that record, as one snapshot (what replay folds)",
    tag: 'evidence',
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/evidence/public-key': {
    summary: 'The public key that signs evidence, {keyid, algorithm, public_key_pem}: pin it to verify evidence (public)',
    tag: 'evidence',
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/missions/{id}/pull': {
    summary: "A mission's pull request as people read it: title, body, and every file with its unified diff",
    tag: 'missions',
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/decisions': {
    summary: "Missions waiting at an approval gate that the caller's role may decide",
    tag: 'decisions',
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/missions/{id}/decision-context': {
    summary: 'What an approver is shown before deciding (plan, diff summary, tests, preview URL, cost) and its digest',
    tag: 'decisions',
    responses: { 200: JsonObjectSchema },
  },
  'POST /gantry/missions/{id}/decisions': {
    summary: 'Decide a waiting mission: APPROVE, REJECT or OVERRIDE with a justification (roles the gate names)',
    tag: 'decisions',
    body: () => DecisionRequestSchema,
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/missions/{id}/attempts/{attempt}/log': {
    summary: 'The full build log of one attempt',
    tag: 'missions',
    responses: { 200: { contentType: 'text/plain', description: 'The log; its SHA-256 is in x-log-sha256' } },
  },
  'POST /gantry/missions/{id}/cancel': {
    summary: 'Stop a mission’s workflow and build',
    tag: 'missions',
    body: () => CancelSchema,
    bodyOptional: true,
    responses: { 200: JsonObjectSchema },
  },
  'POST /gantry/missions/{id}/retry': {
    summary: 'Start a FAILED or CANCELLED mission again',
    tag: 'missions',
    responses: { 202: MissionAcceptedSchema, 200: MissionAcceptedSchema },
  },
  'POST /gantry/debugger/run': {
    summary: 'Run a snippet in the builder’s sandbox',
    tag: 'debugger',
    body: (p) => debuggerRequestSchema(p.debugger),
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/debugger/logs': {
    summary: 'The tenant’s debugger runs, newest first',
    tag: 'debugger',
    query: LimitQuerySchema(100, 20),
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/debugger/search': {
    summary: 'Find debugger runs by code or output',
    tag: 'debugger',
    query: DebuggerSearchQuerySchema,
    responses: { 200: JsonObjectSchema },
  },
  'POST /gantry/consult': {
    summary: 'Start or continue a consultation with the CTO',
    tag: 'consultation',
    body: consultRequestSchema,
    responses: { 200: JsonObjectSchema, 202: JsonObjectSchema },
  },
  'POST /gantry/voice': {
    summary: 'A consultation turn spoken (same body as /gantry/consult)',
    tag: 'consultation',
    body: consultRequestSchema,
    responses: { 200: JsonObjectSchema, 202: JsonObjectSchema },
  },
  'GET /gantry/consultation/{id}': {
    summary: 'A consultation and its plan',
    tag: 'consultation',
    responses: { 200: JsonObjectSchema },
  },
  'POST /gantry/chat': {
    summary: 'Ask an architecture question (never builds)',
    tag: 'consultation',
    body: chatRequestSchema,
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/themes': {
    summary: 'The famous-app themes a plan can name',
    tag: 'consultation',
    responses: { 200: JsonObjectSchema },
  },
  'GET /health': { summary: 'Liveness', tag: 'operations', responses: { 200: JsonObjectSchema } },
  'GET /ready': {
    summary: 'Readiness of store, workflow, architect and builder',
    tag: 'operations',
    responses: { 200: JsonObjectSchema, 503: JsonObjectSchema },
  },
  'GET /openapi.json': { summary: 'This document', tag: 'operations', responses: { 200: JsonObjectSchema } },
  'GET /docs': {
    summary: 'This document, rendered for people',
    tag: 'operations',
    responses: { 200: html('The API reference page') },
  },
  'POST /gantry/auth': {
    summary: 'Sign in with email and password (cookie, or a bearer token with mode "bearer")',
    tag: 'identity',
    body: () => LoginSchema,
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/auth/status': { summary: 'Who the session is', tag: 'identity', responses: { 200: JsonObjectSchema } },
  'POST /gantry/auth/logout': { summary: 'End the session', tag: 'identity', responses: { 200: JsonObjectSchema } },
  'POST /gantry/auth/ticket': {
    summary: 'A single-use WebSocket ticket for the session',
    tag: 'identity',
    responses: {
      201: z
        .object({ ticket: z.string(), expires_at: z.string(), websocket_query: z.string() })
        .check(z.meta({ id: 'WebSocketTicket' })),
    },
  },
  'GET /gantry/users': { summary: 'The tenant’s users', tag: 'identity', responses: { 200: JsonObjectSchema } },
  'POST /gantry/users': {
    summary: 'Add a user to the tenant',
    tag: 'identity',
    body: (p) => newUserSchema(p.auth.min_password_length),
    responses: { 201: JsonObjectSchema },
  },
  'POST /gantry/tenants': {
    summary: 'Create a tenant with its first owner',
    tag: 'identity',
    body: (p) => newTenantSchema(p.auth.min_password_length),
    responses: { 201: JsonObjectSchema },
  },
  'GET /gantry/audit': {
    summary: 'The tenant’s audit records',
    tag: 'identity',
    query: LimitQuerySchema(500, 100),
    responses: { 200: JsonObjectSchema },
  },
  'GET /gantry/devices': { summary: 'Siri device keys', tag: 'devices', responses: { 200: JsonObjectSchema } },
  'POST /gantry/devices': {
    summary: 'Create a Siri device key (the secret is in this answer only)',
    tag: 'devices',
    body: () => NewDeviceSchema,
    responses: { 201: JsonObjectSchema },
  },
  'DELETE /gantry/devices/{id}': { summary: 'Revoke a device key', tag: 'devices', responses: { 200: JsonObjectSchema } },
  'POST /gantry/siri': {
    summary: 'A signed request from a Siri Shortcut (GANTRY-SIRI-V1 signature headers)',
    tag: 'devices',
    responses: { 200: JsonObjectSchema, 202: JsonObjectSchema },
  },
};
