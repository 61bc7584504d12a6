import { AwsJsonClient, SFN_SERVICE } from '../../lambdas/adapters/aws-json-client';
import { StepFunctionsTaskTokens } from '../../lambdas/adapters/task-tokens-sfn';
import { CallRecorder } from './call-recorder';
import { StepFunctionsTwin, type Execution } from './step-functions-twin';

/**
 * The decisions' AWS adapter (SendTaskSuccess / SendTaskFailure through the project's signed JSON-protocol client) against
 * the cloud twin's Step Functions wire server, on a `lambda:invoke.waitForTaskToken` state shaped
 * like the mission's AwaitDecision: the function receives `$$.Task.Token` in its Payload, the state
 * waits for the token, a failure's error name is what the Catch matches, and a token that no task
 * waits on any more is refused (TaskTimedOut), which the adapter reports as TaskTokenClosedError.
 *
 * What this cannot prove: the real service's token format and its throttling; IAM on these calls
 * is checked by test/iam (granted on "*", since a task token names no resource).
 */

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:gantry-mission';
const DEFINITION = JSON.stringify({
  StartAt: 'AwaitDecision',
  States: {
    AwaitDecision: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      TimeoutSeconds: 2,
      Parameters: {
        FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:await',
        Payload: { 'mission_id.$': '$.mission_id', 'task_token.$': '$$.Task.Token' },
      },
      ResultPath: '$.decision',
      Catch: [
        { ErrorEquals: ['DecisionRejected'], ResultPath: '$.rejected', Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'TimedOut' },
      ],
      End: true,
    },
    Rejected: { Type: 'Fail', Error: 'MissionRejected' },
    TimedOut: { Type: 'Fail', Error: 'TimedOut' },
  },
});

let twin: StepFunctionsTwin;
let tokens: StepFunctionsTaskTokens;
let sfn: AwsJsonClient;
const payloads: Array<{ mission_id: string; task_token: string; FunctionName?: string }> = [];

beforeAll(async () => {
  twin = new StepFunctionsTwin({
    stateMachineArn: ARN,
    definitionJson: DEFINITION,
    recorder: new CallRecorder(),
    integration: async (resource, input) => {
      expect(resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
      const { FunctionName, Payload } = input as { FunctionName: string; Payload: { mission_id: string; task_token: string } };
      payloads.push({ ...Payload, FunctionName });
      return { StatusCode: 200 };
    },
  });
  const url = await twin.start();
  sfn = new AwsJsonClient(SFN_SERVICE, {
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDTWIN', secretAccessKey: 'twin' },
  });
  tokens = new StepFunctionsTaskTokens(sfn);
});

afterAll(async () => {
  await twin?.stop();
});

async function started(missionId: string): Promise<{ execution: Execution; token: string }> {
  await sfn.send({
    operation: 'StartExecution',
    input: { stateMachineArn: ARN, name: missionId, input: JSON.stringify({ mission_id: missionId }) },
  });
  for (let i = 0; i < 200; i++) {
    const p = payloads.find((x) => x.mission_id === missionId);
    if (p) return { execution: twin.execution(missionId)!, token: p.task_token };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no payload for ${missionId}`);
}

test('SendTaskSuccess resumes the waiting state with the decision; a second answer is refused', async () => {
  const { execution, token } = await started('m-approve');
  expect(payloads.find((p) => p.mission_id === 'm-approve')?.FunctionName).toMatch(/function:await$/);
  expect(token).not.toBe('twin-task-token');
  expect(execution.status).toBe('RUNNING');
  await tokens.sendSuccess(token, { decision: 'APPROVE', actor: 'u-1' });
  await execution.done;
  expect(execution.status).toBe('SUCCEEDED');
  await expect(tokens.sendFailure(token, 'DecisionRejected', 'late')).rejects.toMatchObject({
    name: 'TaskTokenClosedError',
    code: 'TASK_TOKEN_CLOSED',
  });
});

test('SendTaskFailure with DecisionRejected is caught by name', async () => {
  const { execution, token } = await started('m-reject');
  await tokens.sendFailure(token, 'DecisionRejected', JSON.stringify({ justification: 'wrong colours' }));
  await execution.done;
  expect(execution.states).toEqual(['AwaitDecision', 'Rejected']);
});

test('after the state timed out the token is refused', async () => {
  const { execution, token } = await started('m-late');
  await execution.done;
  expect(execution.states).toEqual(['AwaitDecision', 'TimedOut']);
  await expect(tokens.sendSuccess(token, { decision: 'APPROVE' })).rejects.toMatchObject({ code: 'TASK_TOKEN_CLOSED' });
});
