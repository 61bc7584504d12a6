import { readFileSync } from 'node:fs';
import { MISSION_ASL_PATH, MISSION_SUBSTITUTIONS } from '../../lambdas/domain/mission-definition';
import { STEP_HANDLERS } from '../../lambdas/routes';
import { grantedStatements, logicalId, rolesWithAction, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

interface StateMachineResource {
  Properties: {
    DefinitionString: unknown;
    DefinitionSubstitutions: Record<string, unknown>;
    StateMachineType: string;
    StateMachineName: string;
    LoggingConfiguration: { Level: string; IncludeExecutionData: boolean };
    TracingConfiguration: { Enabled: boolean };
    RoleArn: { 'Fn::GetAtt': [string, string] };
  };
}

let g: SynthesizedGantry;
let sm: StateMachineResource;
let definition: { TimeoutSeconds: number; States: Record<string, { Resource?: string; TimeoutSeconds?: number }> };
const asl = JSON.parse(readFileSync(MISSION_ASL_PATH, 'utf8')) as { States: Record<string, unknown> };

beforeAll(() => {
  g = synthesizeGantry();
  const machines = Object.values(g.template.findResources('AWS::StepFunctions::StateMachine'));
  expect(machines).toHaveLength(1);
  sm = machines[0] as StateMachineResource;
  if (typeof sm.Properties.DefinitionString !== 'string') throw new Error('definition is not inline');
  definition = JSON.parse(sm.Properties.DefinitionString);
});

test('the definition is statemachines/mission.asl.json, inline', () => {
  const text = sm.Properties.DefinitionString as string;
  const names = Object.keys(asl.States);
  expect(names.length).toBeGreaterThanOrEqual(10);
  for (const name of names) expect(text).toContain(`"${name}"`);
  expect(Object.keys(definition.States).sort()).toEqual([...names].sort());
  expect(text).toContain('arn:aws:states:::ecs:runTask.sync');
  expect(definition.States.Build?.Resource).toBe('arn:aws:states:::ecs:runTask.sync');
});

test('the Build state overrides the container the task definition actually has', () => {
  const build = definition.States.Build as { Parameters: { Overrides: { ContainerOverrides: { Name: string }[] } } };
  const names = build.Parameters.Overrides.ContainerOverrides.map((o) => o.Name);
  const taskDef = Object.values(g.template.findResources('AWS::ECS::TaskDefinition'))[0] as {
    Properties: { ContainerDefinitions: { Name: string }[] };
  };
  expect(names).toEqual(['builder']);
  expect(taskDef.Properties.ContainerDefinitions.map((c) => c.Name)).toEqual(names);
});

test('timeouts come from policy.yaml', () => {
  expect(definition.TimeoutSeconds).toBeGreaterThanOrEqual(g.policy.mission.timeout_seconds);
  expect(definition.States.Build?.TimeoutSeconds).toBe(g.policy.builder.dead_man_switch_seconds + 120);
  expect(definition.States.Deploy?.TimeoutSeconds).toBe(g.policy.deploy.timeout_seconds + 60);
});

test('every placeholder is substituted, each step with its own function', () => {
  expect(Object.keys(sm.Properties.DefinitionSubstitutions).sort()).toEqual([...MISSION_SUBSTITUTIONS].sort());
  for (const placeholder of MISSION_SUBSTITUTIONS) {
    expect(sm.Properties.DefinitionString).toContain(`\${${placeholder}}`);
  }
  expect(sm.Properties.DefinitionSubstitutions.StepDeployFunctionArn).toEqual({
    'Fn::GetAtt': [logicalId(g.stack.handlers.steps['step-deploy']), 'Arn'],
  });
  expect(sm.Properties.DefinitionSubstitutions.StepRecordFailureFunctionArn).toEqual({
    'Fn::GetAtt': [logicalId(g.stack.handlers.steps['step-record-failure']), 'Arn'],
  });
});

test('Standard type, full logging without execution data, tracing on', () => {
  expect(sm.Properties.StateMachineType).toBe('STANDARD');
  expect(sm.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
  expect(sm.Properties.TracingConfiguration).toEqual({ Enabled: true });
});

describe('state machine role', () => {
  let role: string;
  let statements: ReturnType<typeof grantedStatements>;
  beforeAll(() => {
    role = sm.Properties.RoleArn['Fn::GetAtt'][0];
    statements = grantedStatements(g.template).filter((s) => s.roles.includes(role));
  });

  test('may invoke exactly the step functions', () => {
    const invoke = statements.filter((s) => s.actions.includes('lambda:InvokeFunction'));
    const targets = invoke.flatMap((s) => s.resources);
    const expected = STEP_HANDLERS.map((step) => ({ 'Fn::GetAtt': [logicalId(g.stack.handlers.steps[step]), 'Arn'] }));
    expect(targets).toHaveLength(STEP_HANDLERS.length);
    expect(targets).toEqual(expect.arrayContaining(expected));
    expect(rolesWithAction(g.template, 'lambda:InvokeFunction')).toEqual([role]);
  });

  test('runs only the builder task definition family (any revision) on the builder cluster and passes only its roles', () => {
    const run = statements.find((s) => s.actions.includes('ecs:RunTask'));
    expect(run?.resources).toHaveLength(1);
    const arn = JSON.stringify(run?.resources[0]);
    expect(arn).toContain(':task-definition/');
    expect(arn).toContain(`:task-definition/${g.stack.foundry.taskDefinition.family}:*"`);
    expect(arn).not.toContain(':task-definition/*');
    expect(run?.statement.Condition).toEqual({
      ArnEquals: { 'ecs:cluster': { 'Fn::GetAtt': [logicalId(g.stack.foundry.cluster), 'Arn'] } },
    });
    const pass = statements.find((s) => s.actions.includes('iam:PassRole'));
    expect(pass?.resources).toHaveLength(2);
    expect(pass?.resources).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [logicalId(g.stack.foundry.taskDefinition.taskRole), 'Arn'] },
        { 'Fn::GetAtt': [logicalId(g.stack.foundry.executionRole), 'Arn'] },
      ]),
    );
    const stop = statements.find((s) => s.actions.includes('ecs:StopTask'));
    expect(stop?.actions).toEqual(expect.arrayContaining(['ecs:StopTask', 'ecs:DescribeTasks']));
    expect(JSON.stringify(stop?.resources)).toContain(`{"Ref":"${logicalId(g.stack.foundry.cluster)}"},"/*"`);
  });

  test('may manage only the Step Functions ECS event rule', () => {
    const events = statements.find((s) => s.actions.includes('events:PutRule'));
    expect(events?.actions.sort()).toEqual(['events:DescribeRule', 'events:PutRule', 'events:PutTargets']);
    expect(JSON.stringify(events?.resources)).toContain(':rule/StepFunctionsGetEventsForECSTaskRule"');
  });

  test('uses "*" only for log delivery and X-Ray, which accept nothing else', () => {
    const star = statements.filter((s) => s.resources.includes('*'));
    for (const action of star.flatMap((s) => s.actions)) expect(action).toMatch(/^(logs|xray):/);
  });
});
