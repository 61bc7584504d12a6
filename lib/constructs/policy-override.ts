import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { POLICY_ITEM_KEY } from '../../lambdas/adapters/policy-table';
import { acknowledge } from '../nag';
import { POLICY_OBJECT_KEY, type ArtifactStorage } from './artifact-storage';
import { GantryFunction } from './gantry-function';
import type { MissionStore } from './mission-store';

/** How often (seconds) a function looks for a newly published policy override. */
export const POLICY_RELOAD_SECONDS = 30;

/** Properties of {@link PolicyOverride}. */
export interface PolicyOverrideProps {
  readonly artifacts: ArtifactStorage;
  readonly store: MissionStore;
}

/**
 * The operator's policy override without a redeploy. An upload (or removal) of
 * `config/policy.yaml` in the artifact bucket notifies the `policy-publish` function, which
 * parses and validates the object once and stores the validated policy in the table (item
 * `CONFIG#policy`), or records why it refused it; every function that {@link follow}s the
 * override reads that item with its table client at most once per {@link POLICY_RELOAD_SECONDS}.
 * So a valid upload applies within a minute, an invalid one changes nothing, and no other
 * function carries a YAML parser or an S3 client for the policy.
 */
export class PolicyOverride extends Construct {
  readonly fn: GantryFunction;

  constructor(scope: Construct, id: string, props: PolicyOverrideProps) {
    super(scope, id);
    const { artifacts, store } = props;
    this.fn = new GantryFunction(this, 'PolicyPublish', { handlerName: 'policy-publish', timeout: Duration.seconds(30) });
    artifacts.grantPolicyRead(this.fn);
    // Writes the one policy item and nothing else of the table.
    this.fn.allow(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [store.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [POLICY_ITEM_KEY.PK] } },
      }),
    );
    this.fn.addEnvironment('GANTRY_TABLE_NAME', store.table.tableName);
    for (const event of [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED]) {
      artifacts.bucket.addEventNotification(event, new s3n.LambdaDestination(this.fn), { prefix: POLICY_OBJECT_KEY });
    }
    // The notification configuration is applied by the CDK's own singleton custom resource.
    const notifications = Stack.of(this).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notifications) {
      acknowledge(
        notifications,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The CDK handler that applies the bucket notification configuration at deploy time; it only writes its own logs.',
      );
      acknowledge(
        notifications,
        'AwsSolutions-IAM5[Resource::*]',
        's3:PutBucketNotification for the CDK notification handler, which runs only during deploys.',
      );
    }
  }

  /** Makes `fn` adopt a published override (within {@link POLICY_RELOAD_SECONDS}). */
  follow(fn: GantryFunction): void {
    fn.addEnvironment('GANTRY_POLICY_RELOAD_SECONDS', String(POLICY_RELOAD_SECONDS));
  }
}
