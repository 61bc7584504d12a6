import { parseModelReference } from '../../lib/constructs/model-access';
import { environmentOf, grantedStatements, logicalId, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

/**
 * What a first deploy needs at run time and only a template can show before one: the ended-
 * execution watch, live builder logs, the Bedrock grant of the configured inference profile,
 * the interactive functions' timeouts, listing where S3 would otherwise answer 403, and names
 * that let a stack be deployed again after a destroy.
 */
let g: SynthesizedGantry;
const resources = () =>
  g.template.toJSON().Resources as Record<string, { Type: string; Properties?: any; DeletionPolicy?: string }>;
beforeAll(() => {
  g = synthesizeGantry();
});

test('timed-out, aborted and failed executions of the mission state machine go to the execution-ended function', () => {
  const fn = logicalId(g.stack.executionWatch.fn);
  const rule = logicalId(g.stack.executionWatch.rule);
  const props = resources()[rule]!.Properties;
  expect(props.EventPattern).toMatchObject({
    source: ['aws.states'],
    'detail-type': ['Step Functions Execution Status Change'],
    detail: { status: ['TIMED_OUT', 'ABORTED', 'FAILED'] },
  });
  expect(JSON.stringify(props.EventPattern.detail.stateMachineArn)).toContain(':stateMachine:Gantry-mission');
  expect(props.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] } })]);
  expect(environmentOf(g.template, fn)).toMatchObject({
    GANTRY_TABLE_NAME: expect.anything(),
    GANTRY_EVIDENCE_BUCKET: expect.anything(),
    GANTRY_WS_ENDPOINT: expect.anything(),
    GANTRY_POLICY_RELOAD_SECONDS: '30',
  });
});

test('the builder log group is subscribed by the log push function, which may describe build tasks and push', () => {
  const fn = g.stack.builderLogs.fn;
  const filter = resources()[logicalId(g.stack.builderLogs.subscription)]!.Properties;
  expect(filter.LogGroupName).toEqual({ Ref: logicalId(g.stack.foundry.logGroup) });
  expect(filter.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalId(fn), 'Arn'] });
  expect(filter.FilterPattern).toContain('$.type = "log"');
  const role = logicalId(fn.executionRole);
  const actions = grantedStatements(g.template)
    .filter((s) => s.roles.includes(role))
    .flatMap((s) => s.actions);
  expect(actions).toEqual(expect.arrayContaining(['ecs:DescribeTasks', 'execute-api:ManageConnections', 'dynamodb:Query']));
  expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('kms:') || a.startsWith('states:'))).toEqual([]);
});

describe('Bedrock', () => {
  const model = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

  test('the model id is a cross-Region inference profile; parsing tells profile, model and destinations apart', () => {
    expect(parseModelReference(model)).toEqual({
      profilePrefix: 'us',
      foundationModelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      destinations: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
    });
    expect(parseModelReference('anthropic.claude-3-haiku-20240307-v1:0').profilePrefix).toBeNull();
    expect(parseModelReference('global.anthropic.claude-sonnet-4-5-20250929-v1:0').destinations).toBe('*');
  });

  test('the model users may call: the profile in this Region and its model in every destination Region, nothing else', () => {
    const { rest, steps } = g.stack.handlers;
    const callers = [rest.consult, rest.chat, rest.siri, steps['step-architect'], steps['step-heal']].map((f) =>
      logicalId(f.executionRole),
    );
    const invoke = grantedStatements(g.template).filter((s) => s.actions.includes('bedrock:InvokeModel'));
    expect([...new Set(invoke.flatMap((s) => s.roles))].sort()).toEqual([...callers].sort());
    for (const statement of invoke) {
      const arns = statement.resources.map((r) => JSON.stringify(r));
      expect(arns.some((a) => a.includes(`:inference-profile/${model}`))).toBe(true);
      for (const region of ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']) {
        expect(arns).toContain(
          JSON.stringify({
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                `:bedrock:${region}::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0`,
              ],
            ],
          }),
        );
      }
      expect(arns.join()).not.toContain('foundation-model/*');
      expect(arns.join()).not.toContain('inference-profile/*');
    }
  });

  test('a Bedrock stack without a model id is refused; the offline provider needs none', () => {
    expect(() => synthesizeGantry({ 'gantry:llmModel': '' })).toThrow(/gantry:llmModel/);
  });
});

test('the interactive functions end before API Gateway (29 s) and after the model deadline (22 s)', () => {
  const { rest } = g.stack.handlers;
  for (const fn of [rest.consult, rest.chat, rest.siri]) {
    const timeout = resources()[logicalId(fn)]!.Properties.Timeout as number;
    expect(timeout).toBeGreaterThan(22);
    expect(timeout).toBeLessThan(29);
  }
});

test('every role that reads the artifact bucket may list the prefix it reads (S3 then answers 404, not 403)', () => {
  const bucket = logicalId(g.stack.artifacts.bucket);
  const statements = grantedStatements(g.template);
  const readers = new Set(
    statements
      .filter((s) => s.actions.includes('s3:GetObject') && s.resources.some((r) => JSON.stringify(r).includes(`"${bucket}"`)))
      .flatMap((s) => s.roles),
  );
  expect(readers.size).toBeGreaterThan(10);
  for (const role of readers) {
    const lists = statements.filter(
      (s) =>
        s.roles.includes(role) &&
        s.actions.includes('s3:ListBucket') &&
        s.resources.some((r) => JSON.stringify(r).includes(`"${bucket}"`)),
    );
    expect({ role, lists: lists.length > 0 }).toEqual({ role, lists: true });
  }
});

test('no retained resource has a fixed physical name: a deploy after a destroy never collides', () => {
  const NAME_KEYS = [
    'LogGroupName',
    'BucketName',
    'TableName',
    'Name',
    'SecretName',
    'AliasName',
    'RepositoryName',
    'ClusterName',
  ];
  const retained = Object.entries(resources()).filter(([, r]) => r.DeletionPolicy === 'Retain');
  expect(retained.length).toBeGreaterThan(10);
  const fixed: string[] = [];
  for (const [id, resource] of retained) {
    for (const key of NAME_KEYS) {
      const value = resource.Properties?.[key];
      if (value === undefined) continue;
      // A name is fresh per stack creation only if it is derived from the stack id.
      if (!JSON.stringify(value).includes('AWS::StackId')) fixed.push(`${id}.${key}=${JSON.stringify(value)}`);
    }
  }
  expect(fixed).toEqual([]);
  // The state machine's log group keeps the vendedlogs prefix and a suffix fresh at each stack creation.
  const group = Object.values(resources()).find(
    (r) =>
      r.Type === 'AWS::Logs::LogGroup' && JSON.stringify(r.Properties?.LogGroupName ?? '').includes('/aws/vendedlogs/states/'),
  );
  expect(JSON.stringify(group?.Properties.LogGroupName)).toContain('AWS::StackId');
});
