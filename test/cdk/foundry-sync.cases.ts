import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { createGantryApp } from '../../lib/gantry-app';
import { writePolicy } from '../helpers/test-stack';
import { grantedStatements, logicalId, rolesWithAction, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

/**
 * The foundry on AWS as the template says it: the Fargate task the Build state launches (limits
 * from policy.yaml, non-root, read-only root, no public IP, logs), the `.sync` Build state and its
 * timeouts, the stop on cancel, and the policy override every function reloads.
 */
interface BuildState {
  Type: string;
  Comment?: string;
  Resource: string;
  TimeoutSeconds?: number;
  HeartbeatSeconds?: number;
  Retry?: unknown;
  Catch: Array<{ ErrorEquals: string[]; Next: string; ResultPath: string }>;
  Parameters: {
    LaunchType: string;
    Cluster: string;
    TaskDefinition: string;
    NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: string; Subnets: string[]; SecurityGroups: string[] } };
    Overrides: { ContainerOverrides: Array<{ Name: string; Environment: Array<{ Name: string; 'Value.$': string }> }> };
  };
}

function definitionOf(template: Template): { TimeoutSeconds: number; States: Record<string, BuildState> } {
  const machine = Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0] as {
    Properties: { DefinitionString: string };
  };
  return JSON.parse(machine.Properties.DefinitionString);
}

function builderContainer(template: Template): Record<string, any> {
  const taskDef = Object.values(template.findResources('AWS::ECS::TaskDefinition'))[0] as {
    Properties: { ContainerDefinitions: Record<string, any>[]; Cpu: string; Memory: string };
  };
  return {
    ...taskDef.Properties.ContainerDefinitions[0],
    TaskCpu: taskDef.Properties.Cpu,
    TaskMemory: taskDef.Properties.Memory,
  };
}

let g: SynthesizedGantry;
let build: BuildState;
let definition: ReturnType<typeof definitionOf>;
beforeAll(() => {
  g = synthesizeGantry();
  definition = definitionOf(g.template);
  build = definition.States.Build!;
});

describe('the Build state (ecs:runTask.sync)', () => {
  test('waits for the Fargate task (.sync) of the builder task definition on the builder cluster', () => {
    expect(build.Type).toBe('Task');
    expect(build.Resource).toBe('arn:aws:states:::ecs:runTask.sync');
    expect(build.Parameters.LaunchType).toBe('FARGATE');
    expect(build.Parameters.Cluster).toBe('${BuilderClusterArn}');
    expect(build.Parameters.TaskDefinition).toBe('${BuilderTaskDefinitionArn}');
    const env = build.Parameters.Overrides.ContainerOverrides[0]!.Environment.map((e) => e.Name);
    expect(env).toEqual(['GANTRY_TENANT_ID', 'GANTRY_MISSION_ID', 'GANTRY_ATTEMPT', 'GANTRY_JOB_URL']);
  });

  test('runs in the builder subnets behind the builder security group, with a public IP only in public network mode', () => {
    expect(build.Parameters.NetworkConfiguration.AwsvpcConfiguration).toEqual({
      AssignPublicIp: '${BuilderAssignPublicIp}',
      Subnets: ['${BuilderSubnetA}', '${BuilderSubnetB}'],
      SecurityGroups: ['${BuilderSecurityGroupId}'],
    });
    // The default (public) mode: reachable out, never in (the security group has no inbound rule).
    expect(g.stack.foundry.assignPublicIp).toBe('ENABLED');
  });

  test('TimeoutSeconds is the dead man switch plus a start margin, inside the mission timeout', () => {
    expect(build.TimeoutSeconds).toBe(g.policy.builder.dead_man_switch_seconds + 120);
    expect(build.TimeoutSeconds! * g.policy.mission.max_attempts).toBeLessThan(definition.TimeoutSeconds);
    expect(definition.TimeoutSeconds).toBeGreaterThanOrEqual(g.policy.mission.timeout_seconds);
  });

  test('no HeartbeatSeconds, and the state says why; only ECS launch refusals are retried; a crashed build is audited', () => {
    expect(build.HeartbeatSeconds).toBeUndefined();
    expect(build.Comment).toMatch(/No HeartbeatSeconds: an ECS task sends no heartbeats/);
    expect(build.Comment).toMatch(/dead man's switch/);
    const retry = build.Retry as Array<{ ErrorEquals: string[] }>;
    expect(retry).toHaveLength(1);
    expect(retry[0]!.ErrorEquals).toEqual(expect.arrayContaining(['ECS.AmazonECSException', 'ECS.ServerException']));
    for (const error of retry[0]!.ErrorEquals) expect(error).toMatch(/^ECS\./);
    const catches = build.Catch as Array<{ ErrorEquals: string[]; Next: string; ResultPath: string }>;
    expect(catches.map((c) => c.Next)).toEqual(['RecordFailure', 'Audit', 'RecordFailure']);
    expect(catches[1]).toEqual({
      ErrorEquals: ['States.TaskFailed', 'States.Timeout'],
      ResultPath: '$.build_error',
      Next: 'Audit',
    });
    // States.TaskFailed matches every task error, so launch failures must be caught before it.
    expect(catches[0]!.ErrorEquals).toEqual(expect.arrayContaining(retry[0]!.ErrorEquals));
    expect(catches[0]!.ErrorEquals).toContain('States.Permissions');
    expect(catches[2]).toEqual({ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' });
  });

  test('the state machine role may run, watch and stop the builder tasks (the .sync integration stops the task on a stop)', () => {
    const role = (Object.values(g.template.findResources('AWS::StepFunctions::StateMachine'))[0] as any).Properties.RoleArn[
      'Fn::GetAtt'
    ][0];
    const statements = grantedStatements(g.template).filter((s) => s.roles.includes(role));
    const stop = statements.find((s) => s.actions.includes('ecs:StopTask'));
    expect(JSON.stringify(stop?.resources)).toContain(`{"Ref":"${logicalId(g.stack.foundry.cluster)}"},"/*"`);
    expect(statements.some((s) => s.actions.includes('events:PutRule'))).toBe(true);
  });
});

describe('cancel', () => {
  test('only the cancel route may stop executions, and only of the mission state machine', () => {
    const control = logicalId(g.stack.handlers.rest['mission-control'].executionRole);
    expect(rolesWithAction(g.template, 'states:StopExecution')).toEqual([control]);
    const stop = grantedStatements(g.template).find((s) => s.actions.includes('states:StopExecution'));
    expect(JSON.stringify(stop?.resources)).toContain(':execution:Gantry-mission:*');
    expect(rolesWithAction(g.template, 'ecs:StopTask').includes(control)).toBe(false);
  });
});

describe('the Fargate builder task', () => {
  test('limits, user, filesystem, logs and stop timeout as the hardening requires', () => {
    const c = builderContainer(g.template);
    expect(c).toMatchObject({
      Name: 'builder',
      Memory: g.policy.builder.memory_mb,
      // root only for the entry point's exec, which drops to 1000 (foundry.test.ts checks the argv)
      User: '0:0',
      EntryPoint: expect.arrayContaining(['/usr/bin/setpriv', '--reuid=1000', '--no-new-privs']),
      ReadonlyRootFilesystem: true,
      StopTimeout: 30,
      LinuxParameters: {
        Capabilities: { Drop: expect.arrayContaining(['SYS_ADMIN', 'DAC_OVERRIDE']) },
        InitProcessEnabled: true,
      },
      LogConfiguration: { LogDriver: 'awslogs' },
    });
    expect(c.Privileged).toBeUndefined();
    // No secret reaches the builder: plain environment only, and none of it a token.
    expect(c.Secrets).toBeUndefined();
    for (const e of c.Environment as Array<{ Name: string }>) expect(e.Name).not.toMatch(/TOKEN|SECRET|KEY/);
  });

  test('task and container sizes follow policy.yaml when it changes (a redeploy)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cdk-policy-'));
    try {
      const policyPath = writePolicy(dir, { builder: { memory_mb: 1536, cpu_percent: 100, dead_man_switch_seconds: 90 } });
      const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8'));
      const { stack } = createGantryApp({ policyPath, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
      const template = Template.fromStack(stack);
      const c = builderContainer(template);
      expect(c).toMatchObject({ Memory: 1536, TaskCpu: '1024', TaskMemory: '2048' });
      expect(definitionOf(template).States.Build!.TimeoutSeconds).toBe(90 + 120);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('policy reload without a redeploy', () => {
  test('only the publisher reads the override object; it is notified of each upload and removal', () => {
    const bucket = logicalId(g.stack.artifacts.bucket);
    const policyObject = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/config/policy.yaml']] };
    const publisher = g.stack.policyOverride.fn;
    const readers = grantedStatements(g.template)
      .filter(
        (s) => s.actions.includes('s3:GetObject') && s.resources.some((r) => JSON.stringify(r) === JSON.stringify(policyObject)),
      )
      .flatMap((s) => s.roles);
    expect(readers).toEqual([logicalId(publisher.executionRole)]);
    const env = g.template.toJSON().Resources[logicalId(publisher)].Properties.Environment.Variables;
    expect(env.GANTRY_POLICY_S3_KEY).toBe('config/policy.yaml');
    const [notifications] = Object.values(g.template.findResources('Custom::S3BucketNotifications')) as Array<{
      Properties: { NotificationConfiguration: { LambdaFunctionConfigurations: Array<Record<string, unknown>> } };
    }>;
    const configs = notifications!.Properties.NotificationConfiguration.LambdaFunctionConfigurations;
    expect(configs.map((c) => c.Events).sort()).toEqual([['s3:ObjectCreated:*'], ['s3:ObjectRemoved:*']]);
    for (const c of configs) {
      expect(c.LambdaFunctionArn).toEqual({ 'Fn::GetAtt': [logicalId(publisher), 'Arn'] });
      expect(c.Filter).toEqual({ Key: { FilterRules: [{ Name: 'prefix', Value: 'config/policy.yaml' }] } });
    }
  });

  test('the publisher writes only the policy item; every function that reads the policy follows it', () => {
    const publisher = logicalId(g.stack.policyOverride.fn.executionRole);
    const writes = grantedStatements(g.template).filter(
      (s) => s.roles.includes(publisher) && s.actions.includes('dynamodb:PutItem'),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]!.statement.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['CONFIG#policy'] },
    });
    for (const fn of [...g.stack.handlers.all(), g.stack.executionWatch.fn]) {
      const env = g.template.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
      expect({ fn: fn.handlerName, reload: env.GANTRY_POLICY_RELOAD_SECONDS }).toEqual({ fn: fn.handlerName, reload: '30' });
      expect(env.GANTRY_POLICY_S3_KEY).toBeUndefined();
    }
  });

  test('the override never expires with the artifacts (the expiry rule covers tenants/ only)', () => {
    const bucket = g.template.toJSON().Resources[logicalId(g.stack.artifacts.bucket)];
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Array<{ Prefix?: string; ExpirationInDays?: number }>;
    for (const rule of rules.filter((r) => r.ExpirationInDays !== undefined)) expect(rule.Prefix).toBe('tenants/');
  });
});

test('cdk-nag: no unacknowledged finding with the foundry resources in place', () => {
  expect(new AwsSolutionsChecks().validateScope(g.app).violations).toEqual([]);
});
