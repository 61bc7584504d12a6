import type { RestHandlerName, StepHandlerName } from '../lambdas/routes';
import { createHandler as accounts } from '../lambdas/handlers/accounts';
import { createHandler as architect } from '../lambdas/handlers/architect';
import { createHandler as auth } from '../lambdas/handlers/auth';
import { createHandler as authorizer } from '../lambdas/handlers/authorizer';
import { createHandler as devices } from '../lambdas/handlers/devices';
import { createHandler as siri } from '../lambdas/handlers/siri';
import { createHandler as health } from '../lambdas/handlers/health';
import { createHandler as missions } from '../lambdas/handlers/missions';
import { createHandler as missionControl } from '../lambdas/handlers/mission-control';
import { createHandler as debuggerHandler } from '../lambdas/handlers/debugger';
import { createHandler as consult } from '../lambdas/handlers/consult';
import { createHandler as chat } from '../lambdas/handlers/chat';
import { createHandler as themes } from '../lambdas/handlers/themes';
import { createHandler as pulls } from '../lambdas/handlers/pulls';
import { createHandler as evidenceKey } from '../lambdas/handlers/evidence-key';
import { createHandler as docs } from '../lambdas/handlers/docs';
import { createHandler as stepArchitect } from '../lambdas/handlers/step-architect';
import { createHandler as stepAudit } from '../lambdas/handlers/step-audit';
import { createHandler as stepDeploy } from '../lambdas/handlers/step-deploy';
import { createHandler as stepHeal } from '../lambdas/handlers/step-heal';
import { createHandler as stepPolicyGate } from '../lambdas/handlers/step-policy-gate';
import { createHandler as stepPublish } from '../lambdas/handlers/step-publish';
import { createHandler as stepRecordFailure } from '../lambdas/handlers/step-record-failure';
import { createHandler as stepSeal } from '../lambdas/handlers/step-seal';
import { createHandler as ws } from '../lambdas/handlers/ws';
import { createHandler as decisions } from '../lambdas/handlers/decisions';
import { createHandler as stepApprovalCheck } from '../lambdas/handlers/step-approval-check';
import { createHandler as stepAwaitDecision } from '../lambdas/handlers/step-await-decision';
import { createHandler as stepAwaitBuilder } from '../lambdas/handlers/step-await-builder';
import { createHandler as stepApprovalTimeout } from '../lambdas/handlers/step-approval-timeout';
import { createHandler as stepRecordRejection } from '../lambdas/handlers/step-record-rejection';
import { createHandler as executionEnded } from '../lambdas/handlers/execution-ended';
import type { RestHandler } from '../lambdas/http';
import type { Services } from '../lambdas/app/services';
import { authorizerCache } from '../lambdas/app/authorizer-cache';

let current: Services | undefined;

/** The running local stack's services; every handler below reads them per request. */
export function services(): Services {
  if (!current) throw new Error('The local stack has not started (no services installed)');
  return current;
}

/** Whether the stack has finished starting: until then the gateway answers 503 `STARTING` to every API route. */
export function servicesInstalled(): boolean {
  return current !== undefined;
}

/** The local stack installs its services once it can serve every request (and removes them when it stops). */
export function installServices(s: Services | undefined): void {
  current = s;
  // Sessions checked against another stack's store mean nothing to this one.
  authorizerCache.clear();
}

/**
 * The same handler factories the AWS functions' entries call (`lambdas/functions/*.ts`), given
 * the local stack's adapters, by the names used in lambdas/routes.ts.
 */
export const REST_HANDLER_MAP: Record<RestHandlerName, RestHandler> = {
  architect: architect(services),
  missions: missions(services),
  health: health(services),
  auth: auth(services),
  accounts: accounts(services),
  devices: devices(services),
  siri: siri(services),
  'mission-control': missionControl(services),
  debugger: debuggerHandler(services),
  consult: consult(services),
  chat: chat(services),
  themes: themes(services),
  pulls: pulls(services),
  decisions: decisions(services),
  'evidence-key': evidenceKey(services),
  docs: docs(services),
};

/**
 * What the AWS stack's EventBridge rule invokes on a timed-out, stopped or failed execution; the
 * local workflow runner hands it the same event.
 */
export const EXECUTION_ENDED_FN = executionEnded(services);

/** The authorizer both APIs run before every non-public route and before WebSocket `$connect`. */
export const AUTHORIZER_FN = authorizer(services);

export const STEP_HANDLER_MAP: Record<StepHandlerName, (input: unknown) => Promise<unknown>> = {
  'step-architect': stepArchitect(services),
  'step-policy-gate': stepPolicyGate(services),
  'step-audit': stepAudit(services),
  'step-heal': stepHeal(services),
  'step-deploy': stepDeploy(services),
  'step-publish': stepPublish(services),
  'step-seal': stepSeal(services),
  'step-record-failure': stepRecordFailure(services),
  'step-approval-check': stepApprovalCheck(services),
  'step-await-decision': stepAwaitDecision(services),
  'step-await-builder': stepAwaitBuilder(services),
  'step-approval-timeout': stepApprovalTimeout(services),
  'step-record-rejection': stepRecordRejection(services),
};

export const WS_HANDLER_FN = ws(services);
