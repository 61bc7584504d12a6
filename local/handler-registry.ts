import type { RestHandlerName, StepHandlerName } from '../lambdas/routes';
import { handler as accounts } from '../lambdas/handlers/accounts';
import { handler as architect } from '../lambdas/handlers/architect';
import { handler as auth } from '../lambdas/handlers/auth';
import { handler as authorizer } from '../lambdas/handlers/authorizer';
import { handler as devices } from '../lambdas/handlers/devices';
import { handler as siri } from '../lambdas/handlers/siri';
import { handler as health } from '../lambdas/handlers/health';
import { handler as missions } from '../lambdas/handlers/missions';
import { handler as missionControl } from '../lambdas/handlers/mission-control';
import { handler as debuggerHandler } from '../lambdas/handlers/debugger';
import { handler as consult } from '../lambdas/handlers/consult';
import { handler as chat } from '../lambdas/handlers/chat';
import { handler as themes } from '../lambdas/handlers/themes';
import { handler as stepArchitect } from '../lambdas/handlers/step-architect';
import { handler as stepAudit } from '../lambdas/handlers/step-audit';
import { handler as stepDeploy } from '../lambdas/handlers/step-deploy';
import { handler as stepHeal } from '../lambdas/handlers/step-heal';
import { handler as stepPolicyGate } from '../lambdas/handlers/step-policy-gate';
import { handler as stepPublish } from '../lambdas/handlers/step-publish';
import { handler as stepRecordFailure } from '../lambdas/handlers/step-record-failure';
import { handler as stepSeal } from '../lambdas/handlers/step-seal';
import { handler as ws } from '../lambdas/handlers/ws';
import type { RestHandler } from '../lambdas/http';

/** The same handler modules the CDK stack deploys, by the names used in lambdas/routes.ts. */
export const REST_HANDLER_MAP: Record<RestHandlerName, RestHandler> = {
  architect,
  missions,
  health,
  auth,
  accounts,
  devices,
  siri,
  'mission-control': missionControl,
  debugger: debuggerHandler,
  consult,
  chat,
  themes,
};

/** The authorizer both APIs run before every non-public route and before WebSocket `$connect`. */
export const AUTHORIZER_FN = authorizer;

export const STEP_HANDLER_MAP: Record<StepHandlerName, (input: unknown) => Promise<unknown>> = {
  'step-architect': stepArchitect,
  'step-policy-gate': stepPolicyGate,
  'step-audit': stepAudit,
  'step-heal': stepHeal,
  'step-deploy': stepDeploy,
  'step-publish': stepPublish,
  'step-seal': stepSeal,
  'step-record-failure': stepRecordFailure,
};

export const WS_HANDLER_FN = ws;
