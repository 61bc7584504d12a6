import { ArnFormat, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { MISSION_SUBSTITUTIONS, missionDefinitionJson, type MissionSubstitution } from '../../lambdas/domain/mission-definition';
import type { Policy } from '../../lambdas/domain/policy';
import { STEP_HANDLERS, type StepHandlerName } from '../../lambdas/routes';
import { acknowledge, allowWithReason } from '../nag';
import type { BuilderFoundry } from './builder-foundry';
import type { GantryFunction } from './gantry-function';
import { substitutionNameFor } from './gantry-handlers';

/** Properties of the {@link MissionWorkflow}. */
export interface MissionWorkflowProps {
  /** The policy whose timeouts are written into the definition. */
  readonly policy: Policy;
  /** The function behind each workflow step. */
  readonly steps: Readonly<Record<StepHandlerName, GantryFunction>>;
  /** Where the Build state launches the builder task. */
  readonly foundry: BuilderFoundry;
  /** Functions that may start missions (`states:StartExecution`). @default - none */
  readonly starters?: readonly GantryFunction[];
  /** Functions that may read the state machine's status (`states:DescribeStateMachine`, readiness probe). @default - none */
  readonly describers?: readonly GantryFunction[];
  /**
   * Functions that receive `GANTRY_STATE_MACHINE_ARN` (required where a function composes the
   * workflow port; the others ignore it). Starters and describers always receive it.
   * @default - only the starters
   */
  readonly consumers?: readonly GantryFunction[];
  /**
   * Functions that may stop mission executions (`states:StopExecution`, the cancel route). Stopping
   * an execution also stops the build task of a running `.sync` Build state.
   * @default - none
   */
  readonly stoppers?: readonly GantryFunction[];
  /** @default '<stack name>-mission' */
  readonly stateMachineName?: string;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
}

/** The Step Functions managed rule that `ecs:runTask.sync` uses to learn when a task stops. */
const ECS_SYNC_RULE = 'StepFunctionsGetEventsForECSTaskRule';

/**
 * The mission workflow: a Standard state machine whose definition is
 * `statemachines/mission.asl.json` with the policy's timeouts applied, kept inline in the
 * template, with every `${...}` placeholder bound to a step function or a builder resource.
 *
 * Its role may invoke exactly the step functions and run, watch and stop builder tasks
 * of the one task definition on the one cluster; nothing else.
 */
export class MissionWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  /**
   * The ARN built from the fixed name. Functions read it from their environment; using the
   * name rather than a reference keeps the step functions (which the state machine references)
   * free of a dependency on the state machine.
   */
  readonly stateMachineArn: string;
  readonly definitionSubstitutions: Readonly<Record<MissionSubstitution, string>>;
  /** The fixed name of the state machine. */
  readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: MissionWorkflowProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const name = props.stateMachineName ?? `${stack.stackName}-mission`;
    this.stateMachineName = name;
    this.stateMachineArn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const { foundry } = props;
    const substitutions: Record<string, string> = {
      BuilderClusterArn: foundry.cluster.clusterArn,
      BuilderTaskDefinitionArn: foundry.taskDefinition.taskDefinitionArn,
      BuilderSubnetA: foundry.subnetIds[0],
      BuilderSubnetB: foundry.subnetIds[1],
      BuilderSecurityGroupId: foundry.securityGroup.securityGroupId,
      BuilderAssignPublicIp: foundry.assignPublicIp,
    };
    for (const step of STEP_HANDLERS) substitutions[substitutionNameFor(step)] = props.steps[step].functionArn;
    this.definitionSubstitutions = checkSubstitutions(substitutions);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      // The vendedlogs prefix keeps CloudWatch's resource policy from growing per log group. The
      // group is retained, so its name carries the stack's creation id: a stack deployed again
      // after a destroy gets a new group instead of colliding with the kept one.
      logGroupName: `/aws/vendedlogs/states/${name}-${stackCreationId(stack)}`,
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: name,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(missionDefinitionJson(props.policy)),
      definitionSubstitutions: this.definitionSubstitutions,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    this.grantTaskPermissions(props);

    for (const fn of new Set([...(props.consumers ?? []), ...(props.starters ?? []), ...(props.describers ?? [])])) {
      fn.addEnvironment('GANTRY_STATE_MACHINE_ARN', this.stateMachineArn);
    }
    for (const fn of props.starters ?? []) {
      fn.allow(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachineArn] }));
    }
    for (const fn of props.describers ?? []) {
      fn.allow(new iam.PolicyStatement({ actions: ['states:DescribeStateMachine'], resources: [this.stateMachineArn] }));
    }

    for (const fn of props.stoppers ?? []) this.grantStopExecution(fn);

    acknowledge(
      this.stateMachine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'CloudWatch Logs vended-log delivery (logs:CreateLogDelivery and friends) and X-Ray trace writes accept ' +
        'only Resource "*". A CDK test asserts that every other statement of this role names its resource.',
    );
  }

  /** Sets `GANTRY_STATE_MACHINE_ARN` only, with no permission on the state machine. */
  exposeArn(fn: GantryFunction): void {
    fn.addEnvironment('GANTRY_STATE_MACHINE_ARN', this.stateMachineArn);
  }

  /**
   * Lets `fn` start missions (`states:StartExecution` on this state machine only) and sets
   * `GANTRY_STATE_MACHINE_ARN`.
   */
  grantStartExecution(fn: GantryFunction): void {
    fn.addEnvironment('GANTRY_STATE_MACHINE_ARN', this.stateMachineArn);
    fn.allow(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachineArn] }));
  }

  /**
   * Lets `fn` stop executions of this state machine (cancel). Step Functions then stops the ECS
   * task of a running `.sync` Build state itself (its role holds `ecs:StopTask`), so the caller
   * needs no ECS permission.
   */
  grantStopExecution(fn: GantryFunction): void {
    fn.addEnvironment('GANTRY_STATE_MACHINE_ARN', this.stateMachineArn);
    fn.allow(
      new iam.PolicyStatement({ actions: ['states:StopExecution'], resources: [this.executionArnPattern()] }),
      'Execution ARNs carry the mission id chosen at run time; the pattern is limited to executions of the one mission state machine.',
    );
  }

  /**
   * Lets `fn` complete the tasks of this workflow that wait for a task token (SendTaskSuccess,
   * SendTaskFailure: the decisions at approval gates).
   */
  grantTaskResponse(fn: GantryFunction): void {
    fn.addEnvironment('GANTRY_STATE_MACHINE_ARN', this.stateMachineArn);
    fn.allow(
      new iam.PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: ['*'] }),
      'IAM cannot scope the task tokens of a service-integration Task state (.waitForTaskToken) to a state machine: ' +
        'SendTaskSuccess/Failure name no resource. Only the decisions function and the wait step hold this; a token ' +
        'is only ever read from the mission table under the caller tenant.',
    );
  }

  /**
   * Lets `fn` complete (never fail) the tasks of this workflow that wait for a task token: the
   * grants of the builders' line (SendTaskSuccess only).
   */
  grantTaskSuccess(fn: GantryFunction): void {
    fn.allow(
      new iam.PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: ['*'] }),
      'IAM cannot scope the task tokens of a service-integration Task state (.waitForTaskToken) to a state machine: ' +
        "SendTaskSuccess names no resource. Only the steps of the builders' line hold it alone; a token is only " +
        "ever read from the builders' line item of the mission table.",
    );
  }

  /** ARN pattern of this state machine's executions. */
  executionArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  private grantTaskPermissions(props: MissionWorkflowProps): void {
    const { foundry } = props;
    const role = this.stateMachine.role;
    const stack = Stack.of(this);

    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: STEP_HANDLERS.map((step) => props.steps[step].functionArn),
      }),
    );
    // Any revision of the builder family: an execution in flight during a deploy still launches the
    // revision its definition named, and a redeploy must not turn its next build into AccessDenied.
    allowWithReason(
      role,
      new iam.PolicyStatement({
        actions: ['ecs:RunTask'],
        resources: [foundry.taskDefinitionFamilyArnPattern()],
        conditions: { ArnEquals: { 'ecs:cluster': foundry.cluster.clusterArn } },
      }),
      'Task definition revisions are numbered by ECS at each deploy; the pattern is the one builder family, on the builder cluster only.',
    );
    // Tags of the task definition propagate to the task (PropagateTags), which needs TagResource on create.
    allowWithReason(
      role,
      new iam.PolicyStatement({
        actions: ['ecs:StopTask', 'ecs:DescribeTasks', 'ecs:TagResource'],
        resources: [foundry.taskArnPattern()],
      }),
      'Build task ids are assigned by ECS at launch; watching, tagging and stopping them is limited to tasks of the builder cluster.',
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [foundry.taskDefinition.taskRole.roleArn, foundry.executionRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        resources: [stack.formatArn({ service: 'events', resource: 'rule', resourceName: ECS_SYNC_RULE })],
      }),
    );
  }
}

/**
 * The unique part of the stack id (`arn:...:stack/<name>/<uuid>`): new at every stack creation,
 * unlike the stack name, so names built from it never collide with resources a destroyed stack kept.
 */
export function stackCreationId(stack: Stack): string {
  return Fn.select(2, Fn.split('/', stack.stackId));
}

/** Every placeholder the definition expects must be bound, and nothing else. */
function checkSubstitutions(values: Record<string, string>): Record<MissionSubstitution, string> {
  const expected = new Set<string>(MISSION_SUBSTITUTIONS);
  const missing = MISSION_SUBSTITUTIONS.filter((k) => values[k] === undefined);
  const unknown = Object.keys(values).filter((k) => !expected.has(k));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`Mission definition substitutions: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`);
  }
  return values as Record<MissionSubstitution, string>;
}
