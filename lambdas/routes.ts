/**
 * The one list of API routes. The CDK stack builds API Gateway from it and the local gateway
 * dispatches with it, so both runtimes expose exactly the same surface.
 * `handler` names a file `lambdas/handlers/<handler>.ts` exporting `handler`.
 */
export interface RestRoute {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** API Gateway resource path; `{name}` segments become `pathParameters.name`. */
  readonly path: string;
  readonly handler: RestHandlerName;
  /** Public routes are reachable without a session (everything else goes through the authorizer). */
  readonly public: boolean;
}

export const REST_HANDLERS = [
  'architect',
  'missions',
  'health',
  'auth',
  'accounts',
  'devices',
  'siri',
  'mission-control',
  'debugger',
  'consult',
  'chat',
  'themes',
  'pulls',
  'decisions',
  'evidence-key',
  'docs',
] as const;
export type RestHandlerName = (typeof REST_HANDLERS)[number];

export const REST_ROUTES: readonly RestRoute[] = [
  { method: 'POST', path: '/gantry/architect', handler: 'architect', public: false },
  { method: 'GET', path: '/gantry/status/{id}', handler: 'missions', public: false },
  { method: 'GET', path: '/gantry/latest', handler: 'missions', public: false },
  { method: 'GET', path: '/gantry/missions', handler: 'missions', public: false },
  // Search the tenant's missions; clear (soft: hidden from lists and search, records and evidence kept).
  { method: 'GET', path: '/gantry/search', handler: 'missions', public: false },
  { method: 'POST', path: '/gantry/missions/clear', handler: 'mission-control', public: false },
  { method: 'GET', path: '/gantry/missions/{id}/events', handler: 'missions', public: false },
  // The whole hash-chained log (hashes, patches) and the stored record: what `gantry replay` compares.
  { method: 'GET', path: '/gantry/missions/{id}/log', handler: 'missions', public: false },
  { method: 'GET', path: '/gantry/missions/{id}/failure', handler: 'missions', public: false },
  { method: 'GET', path: '/gantry/missions/{id}/evidence', handler: 'missions', public: false },
  // The key that signs evidence: public, like any public key, so an auditor without an account can pin it.
  { method: 'GET', path: '/gantry/evidence/public-key', handler: 'evidence-key', public: true },
  { method: 'GET', path: '/gantry/missions/{id}/attempts/{attempt}/log', handler: 'missions', public: false },
  // The pull request as people read it: files and unified diffs (local repository or GitHub).
  { method: 'GET', path: '/gantry/missions/{id}/pull', handler: 'pulls', public: false },
  // The foundry: stop a mission (workflow and builder), start it again, and run snippets in the sandbox.
  { method: 'POST', path: '/gantry/missions/{id}/cancel', handler: 'mission-control', public: false },
  { method: 'POST', path: '/gantry/missions/{id}/retry', handler: 'mission-control', public: false },
  // Human decisions at the workflow's approval gates.
  { method: 'GET', path: '/gantry/decisions', handler: 'decisions', public: false },
  { method: 'GET', path: '/gantry/missions/{id}/decision-context', handler: 'decisions', public: false },
  { method: 'POST', path: '/gantry/missions/{id}/decisions', handler: 'decisions', public: false },
  { method: 'POST', path: '/gantry/debugger/run', handler: 'debugger', public: false },
  { method: 'GET', path: '/gantry/debugger/logs', handler: 'debugger', public: false },
  { method: 'GET', path: '/gantry/debugger/search', handler: 'debugger', public: false },
  // The CTO consultation: start or continue one (the consultation is the mission), read it back,
  // ask architecture questions (never builds), list the famous-app themes.
  { method: 'POST', path: '/gantry/consult', handler: 'consult', public: false },
  { method: 'POST', path: '/gantry/voice', handler: 'consult', public: false },
  { method: 'GET', path: '/gantry/consultation/{id}', handler: 'consult', public: false },
  { method: 'POST', path: '/gantry/chat', handler: 'chat', public: false },
  { method: 'GET', path: '/gantry/themes', handler: 'themes', public: false },
  { method: 'GET', path: '/health', handler: 'health', public: true },
  { method: 'GET', path: '/ready', handler: 'health', public: true },
  // The API's own description (OpenAPI 3.1) and its rendered reference page.
  { method: 'GET', path: '/openapi.json', handler: 'docs', public: true },
  { method: 'GET', path: '/docs', handler: 'docs', public: true },
  // Identity. Login is public (it is how a session starts); the Siri route authenticates by its
  // device signature inside the handler, because the signature covers the body.
  { method: 'POST', path: '/gantry/auth', handler: 'auth', public: true },
  { method: 'GET', path: '/gantry/auth/status', handler: 'auth', public: false },
  { method: 'POST', path: '/gantry/auth/logout', handler: 'auth', public: false },
  { method: 'POST', path: '/gantry/auth/ticket', handler: 'auth', public: false },
  { method: 'GET', path: '/gantry/users', handler: 'accounts', public: false },
  { method: 'POST', path: '/gantry/users', handler: 'accounts', public: false },
  { method: 'POST', path: '/gantry/tenants', handler: 'accounts', public: false },
  { method: 'GET', path: '/gantry/audit', handler: 'accounts', public: false },
  { method: 'GET', path: '/gantry/devices', handler: 'devices', public: false },
  { method: 'POST', path: '/gantry/devices', handler: 'devices', public: false },
  { method: 'DELETE', path: '/gantry/devices/{id}', handler: 'devices', public: false },
  { method: 'POST', path: '/gantry/siri', handler: 'siri', public: true },
];

/** The Lambda REQUEST authorizer of both APIs (`lambdas/handlers/authorizer.ts`). */
export const AUTHORIZER_HANDLER = 'authorizer';

/** WebSocket API routes; all go to the one `ws` handler, which dispatches on `routeKey`. */
export const WS_ROUTES = ['$connect', '$disconnect', '$default', 'subscribe'] as const;
export const WS_HANDLER = 'ws';

/** Workflow step handlers, in the order the state machine usually visits them. */
export const STEP_HANDLERS = [
  'step-architect',
  'step-policy-gate',
  'step-audit',
  'step-heal',
  'step-deploy',
  'step-publish',
  'step-seal',
  'step-record-failure',
  'step-approval-check',
  'step-await-decision',
  'step-await-builder',
  'step-approval-timeout',
  'step-record-rejection',
] as const;
export type StepHandlerName = (typeof STEP_HANDLERS)[number];

/**
 * Functions started by AWS events rather than by an API or the workflow: an execution that ended
 * without its Catch (EventBridge), the builder's log lines (a log subscription), an upload of the
 * policy override (S3 notification).
 */
export const EVENT_HANDLERS = ['execution-ended', 'builder-log-push', 'policy-publish'] as const;

/**
 * Steps that hold third-party secrets (Vercel, GitHub). Besides them only the `pulls` route reads
 * one: the GitHub token, to show a mission's pull request (it calls read-only GitHub APIs).
 */
export const SECRET_HOLDING_STEPS: readonly StepHandlerName[] = ['step-deploy', 'step-publish'];
