import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as destinations from 'aws-cdk-lib/aws-logs-destinations';
import { Construct } from 'constructs';
import type { BuilderFoundry } from './builder-foundry';
import { GantryFunction } from './gantry-function';

/** Properties of {@link BuilderLogPush}. */
export interface BuilderLogPushProps {
  readonly foundry: BuilderFoundry;
}

/**
 * Live build logs on AWS: a subscription filter on the builder log group passes the builder's
 * `log` and `error` protocol lines to the `builder-log-push` function, which finds the mission of
 * the build task (ECS DescribeTasks, container overrides) and pushes the lines to the browsers
 * watching it, in the message the local stack sends. The stack grants it the store and the push.
 */
export class BuilderLogPush extends Construct {
  readonly fn: GantryFunction;
  readonly subscription: logs.SubscriptionFilter;

  constructor(scope: Construct, id: string, props: BuilderLogPushProps) {
    super(scope, id);
    this.fn = new GantryFunction(this, 'BuilderLogPush', { handlerName: 'builder-log-push', timeout: Duration.seconds(30) });
    props.foundry.grantDescribeBuilds(this.fn);
    this.subscription = new logs.SubscriptionFilter(this, 'Subscription', {
      logGroup: props.foundry.logGroup,
      destination: new destinations.LambdaDestination(this.fn),
      // Only what browsers are shown; phases, results and stray output stay in the log group.
      filterPattern: logs.FilterPattern.any(
        logs.FilterPattern.stringValue('$.type', '=', 'log'),
        logs.FilterPattern.stringValue('$.type', '=', 'error'),
      ),
    });
  }
}
