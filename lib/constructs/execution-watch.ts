import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ENDED_WITHOUT_CATCH, EXECUTION_STATUS_CHANGE } from '../../lambdas/domain/execution-status-event';
import { GantryFunction } from './gantry-function';

/** Properties of {@link ExecutionWatch}. */
export interface ExecutionWatchProps {
  /** ARN of the mission state machine whose ended executions are watched. */
  readonly stateMachineArn: string;
}

/**
 * Step Functions runs no Catch when an execution times out or is stopped, and a failure of the
 * RecordFailure step itself leaves a mission where it was. This rule sends every TIMED_OUT,
 * ABORTED or FAILED execution of the mission state machine to the `execution-ended` function,
 * which records the failure and seals the evidence if the mission is not final yet. The grants
 * (store, artifacts, evidence, push) are given by the stack like any function's.
 */
export class ExecutionWatch extends Construct {
  readonly fn: GantryFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ExecutionWatchProps) {
    super(scope, id);
    this.fn = new GantryFunction(this, 'ExecutionEnded', { handlerName: 'execution-ended', timeout: Duration.seconds(60) });
    this.fn.addEnvironment('GANTRY_STATE_MACHINE_ARN', props.stateMachineArn);
    this.rule = new events.Rule(this, 'Rule', {
      description: 'Gantry: record and seal missions whose workflow execution timed out, was stopped or failed',
      eventPattern: {
        source: ['aws.states'],
        detailType: [EXECUTION_STATUS_CHANGE],
        detail: { status: [...ENDED_WITHOUT_CATCH], stateMachineArn: [props.stateMachineArn] },
      },
      targets: [new targets.LambdaFunction(this.fn, { retryAttempts: 8, maxEventAge: Duration.hours(6) })],
    });
  }
}
