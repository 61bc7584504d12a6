import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { GantryFunction } from './gantry-function';

/** Properties of the {@link MissionStore}. */
export interface MissionStoreProps {
  /**
   * What happens to the table when the stack is deleted. Missions, events and the hash chain
   * live here, so it is kept by default.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * The single-table state store: missions, consultations, the mission event chain, WebSocket
 * subscriptions, users, sessions, rate buckets and nonces (`PK`/`SK`, one GSI `GSI1`).
 * Items that expire carry an epoch-seconds `expires_at` attribute, which DynamoDB TTL sweeps.
 */
export class MissionStore extends Construct {
  /** The one global secondary index (mission listing per tenant). */
  static readonly INDEX_NAME = 'GSI1';
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: MissionStoreProps = {}) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expires_at',
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: MissionStore.INDEX_NAME,
      partitionKey: { name: 'GSI1PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI1SK', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }

  /** Item reads (no Scan) on the table and its index; sets `GANTRY_TABLE_NAME`. */
  grantRead(fn: GantryFunction): void {
    this.connect(fn, READ_ACTIONS);
  }

  /**
   * Item reads plus single-item deletes: the authorizer reads sessions and uses up WebSocket
   * tickets (a conditional delete); sets `GANTRY_TABLE_NAME`.
   */
  grantReadAndDelete(fn: GantryFunction): void {
    this.connect(fn, [...READ_ACTIONS, 'dynamodb:DeleteItem']);
  }

  /** Item reads and single-item writes (no Scan, no table administration); sets `GANTRY_TABLE_NAME`. */
  grantReadWrite(fn: GantryFunction): void {
    this.connect(fn, [...READ_ACTIONS, ...WRITE_ACTIONS]);
  }

  private connect(fn: GantryFunction, actions: string[]): void {
    fn.allow(
      new iam.PolicyStatement({
        actions,
        resources: [this.table.tableArn, `${this.table.tableArn}/index/${MissionStore.INDEX_NAME}`],
      }),
    );
    fn.addEnvironment('GANTRY_TABLE_NAME', this.table.tableName);
  }
}
