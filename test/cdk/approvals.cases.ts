import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  approvalsWorstCaseSeconds,
  AWAIT_DECISION_STATES,
  executionTimeoutSeconds,
  missionDefinitionJson,
} from '../../lambdas/domain/mission-definition';
import { checkPolicy } from '../../lambdas/domain/policy';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { grantedStatements, logicalId, rolesWithAction, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

/**
 * Approval gates on AWS: the synthesized state machine waits for a person with
 * `lambda:invoke.waitForTaskToken`, passing `$$.Task.Token` to the wait step, bounded by the gate's
 * timeout; only the decisions function and the wait step may complete such a task.
 */

type AwaitState = {
  Resource: string;
  TimeoutSeconds: number;
  HeartbeatSeconds?: number;
  Parameters: { FunctionName: string; Payload: Record<string, string> };
  Catch: Array<{ ErrorEquals: string[]; Next: string }>;
  Next: string;
};

let g: SynthesizedGantry;
let definition: { TimeoutSeconds: number; States: Record<string, unknown> };

beforeAll(() => {
  g = synthesizeGantry();
  const sm = Object.values(g.template.findResources('AWS::StepFunctions::StateMachine'))[0] as {
    Properties: { DefinitionString: string; DefinitionSubstitutions: Record<string, unknown> };
  };
  definition = JSON.parse(sm.Properties.DefinitionString);
  expect(sm.Properties.DefinitionSubstitutions.StepAwaitDecisionFunctionArn).toEqual({
    'Fn::GetAtt': [logicalId(g.stack.handlers.steps['step-await-decision']), 'Arn'],
  });
});

test('each gate waits on a .waitForTaskToken task that hands the token to the wait step, with a timeout', () => {
  for (const name of Object.values(AWAIT_DECISION_STATES)) {
    const state = definition.States[name] as AwaitState;
    expect(state.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(state.Parameters.FunctionName).toBe('${StepAwaitDecisionFunctionArn}');
    expect(state.Parameters.Payload['task_token.$']).toBe('$$.Task.Token');
    expect(state.TimeoutSeconds).toBeGreaterThan(0);
    expect(state.HeartbeatSeconds).toBeUndefined();
    expect(state.Next).toBe('AfterApproval');
    expect(state.Catch.map((c) => [c.ErrorEquals.join(','), c.Next])).toEqual([
      ['DecisionRejected', 'RecordRejection'],
      ['States.Timeout', 'DecisionTimedOut'],
      ['States.ALL', 'RecordFailure'],
    ]);
  }
  // A rejection is a sealed ending of its own.
  expect(definition.States.RecordRejection).toMatchObject({ Resource: '${StepRecordRejectionFunctionArn}', Next: 'Rejected' });
  expect(definition.States.Rejected).toMatchObject({ Type: 'Fail', Error: 'MissionRejected' });
  // The gates stand between the audit and the deploy, and between the deploy and the publish.
  expect(JSON.stringify(definition.States.AuditVerdict)).toContain('"BeforeDeploy"');
  expect((definition.States.Deploy as { Next: string }).Next).toBe('BeforePublish');
});

test("a gate's timeout_s is its wait's TimeoutSeconds, and the execution timeout leaves room for the waits", () => {
  const raw = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8')) as Record<string, unknown>;
  const policy = checkPolicy(
    {
      ...raw,
      approvals: {
        gates: [
          {
            name: 'before-publish',
            when: 'always',
            roles: ['approver'],
            timeout_s: 86400,
            on_timeout: 'escalate',
            escalate_to: ['owner'],
          },
          {
            name: 'before-deploy',
            when: 'cost_over',
            cost_usd_over: 0.5,
            roles: ['owner'],
            timeout_s: 600,
            on_timeout: 'reject',
          },
        ],
      },
    },
    'test',
  ).policy;
  const gated = JSON.parse(missionDefinitionJson(policy)) as typeof definition;
  expect((gated.States.AwaitPublishDecision as AwaitState).TimeoutSeconds).toBe(86400);
  expect((gated.States.AwaitDeployDecision as AwaitState).TimeoutSeconds).toBe(600);
  // Escalation waits twice; the execution's own timeout never cuts a wait short.
  expect(approvalsWorstCaseSeconds(gated as never, policy)).toBeGreaterThan(2 * 86400 + 600);
  expect(gated.TimeoutSeconds).toBe(executionTimeoutSeconds(gated as never, policy));
  expect(gated.TimeoutSeconds).toBeGreaterThan(2 * 86400 + 600);
  // The bundled policy has no gate: only the two checks count.
  expect(g.policy.approvals.gates).toEqual([]);
  expect(approvalsWorstCaseSeconds(definition as never, g.policy)).toBeLessThan(600);
});

test("only the decisions function and the wait step may fail a waiting task; the builders' line steps may only complete one", () => {
  const decisions = logicalId(g.stack.handlers.rest.decisions.executionRole);
  const wait = logicalId(g.stack.handlers.steps['step-await-decision'].executionRole);
  const { steps } = g.stack.handlers;
  const line = [steps['step-await-builder'], steps['step-audit'], steps['step-record-failure'], g.stack.executionWatch.fn].map(
    (fn) => logicalId(fn.executionRole),
  );
  expect(rolesWithAction(g.template, 'states:SendTaskFailure')).toEqual([decisions, wait].sort());
  expect(rolesWithAction(g.template, 'states:SendTaskSuccess')).toEqual([decisions, wait, ...line].sort());
  const statements = grantedStatements(g.template).filter((s) => s.actions.includes('states:SendTaskSuccess'));
  // CDK merges them with the X-Ray grant (the other Resource "*" statement every function has).
  for (const s of statements) {
    const lineOnly = s.roles.every((r) => line.includes(r));
    expect(s.actions.filter((a) => !a.startsWith('xray:')).sort()).toEqual(
      lineOnly ? ['states:SendTaskSuccess'] : ['states:SendTaskFailure', 'states:SendTaskSuccess'],
    );
  }
  // Neither may start or stop executions, and the other steps reach no task token.
  expect(rolesWithAction(g.template, 'states:StartExecution')).not.toContain(wait);
  expect(rolesWithAction(g.template, 'states:StopExecution')).not.toContain(decisions);
  // The rejection seals like the other endings.
  const rejection = logicalId(g.stack.handlers.steps['step-record-rejection'].executionRole);
  expect(rolesWithAction(g.template, 's3:PutObjectRetention')).toContain(rejection);
  expect(rolesWithAction(g.template, 'kms:Sign')).toContain(rejection);
});
