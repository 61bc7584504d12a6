import { Duration } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  AUTHORIZER_HANDLER,
  REST_HANDLERS,
  STEP_HANDLERS,
  WS_HANDLER,
  type RestHandlerName,
  type StepHandlerName,
} from '../../lambdas/routes';
import { GantryFunction } from './gantry-function';

/** Properties of {@link GantryHandlers}. */
export interface GantryHandlersProps {
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** Environment every function receives in addition to the runtime selection. @default - none */
  readonly environment?: Record<string, string>;
}

/** Steps that wait on a model or a third party get longer than the Lambda default. */
const STEP_TIMEOUTS: Partial<Record<StepHandlerName, Duration>> = {
  'step-architect': Duration.seconds(120),
  'step-heal': Duration.seconds(120),
  'step-deploy': Duration.seconds(180),
  'step-publish': Duration.seconds(120),
};

/**
 * Routes a person waits on behind API Gateway (29 s) ask the model within
 * GANTRY_LLM_INTERACTIVE_DEADLINE_MS (22 s); the function gets a little more for its store calls.
 */
const REST_TIMEOUTS: Partial<Record<RestHandlerName, Duration>> = {
  consult: Duration.seconds(26),
  chat: Duration.seconds(26),
  siri: Duration.seconds(26),
  // Reads the pull request and its files from GitHub.
  pulls: Duration.seconds(26),
};

const toPascal = (name: string): string =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * One Lambda function per handler file named in `lambdas/routes.ts` (REST handlers, the
 * WebSocket handler and the workflow steps). The functions start with no access at all; the
 * feature constructs grant each one what its job needs.
 */
export class GantryHandlers extends Construct {
  readonly rest: Readonly<Record<RestHandlerName, GantryFunction>>;
  readonly ws: GantryFunction;
  readonly steps: Readonly<Record<StepHandlerName, GantryFunction>>;
  /** The Lambda REQUEST authorizer of both APIs. */
  readonly authorizer: GantryFunction;

  constructor(scope: Construct, id: string, props: GantryHandlersProps = {}) {
    super(scope, id);
    const make = (handlerName: string, timeout?: Duration): GantryFunction =>
      new GantryFunction(this, toPascal(handlerName), {
        handlerName,
        timeout,
        logRetention: props.logRetention,
        environment: props.environment,
      });

    this.rest = Object.fromEntries(REST_HANDLERS.map((name) => [name, make(name, REST_TIMEOUTS[name])])) as Record<
      RestHandlerName,
      GantryFunction
    >;
    this.authorizer = make(AUTHORIZER_HANDLER, Duration.seconds(10));
    this.ws = make(WS_HANDLER);
    this.steps = Object.fromEntries(STEP_HANDLERS.map((name) => [name, make(name, STEP_TIMEOUTS[name])])) as Record<
      StepHandlerName,
      GantryFunction
    >;
  }

  /** Every function, REST first, then WebSocket, then the steps in workflow order, then the authorizer. */
  all(): GantryFunction[] {
    return [...REST_HANDLERS.map((n) => this.rest[n]), this.ws, ...STEP_HANDLERS.map((n) => this.steps[n]), this.authorizer];
  }

  /** The workflow step functions in workflow order. */
  stepList(): GantryFunction[] {
    return STEP_HANDLERS.map((n) => this.steps[n]);
  }
}

/** `step-record-failure` -> `StepRecordFailureFunctionArn`: the ASL placeholder of a step's function. */
export function substitutionNameFor(step: StepHandlerName): string {
  return `${toPascal(step)}FunctionArn`;
}
