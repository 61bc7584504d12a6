import { buildLogKey, jobKey, limitsKey, manifestKey, outputKey, resultKey } from '../../builder-image/src/artifact-keys';
import { synthesizeGantry, type SynthesizedGantry } from '../cdk/gantry-template';
import { TemplateIam, type RecordedCall } from './template-iam';

/**
 * The IAM check over one mission's AWS calls, per function, written from the handlers until the
 * cloud twin records them. Every call must be allowed by the synthesized template; the builder,
 * which holds no grant, must be denied another tenant's artifact.
 */
let g: SynthesizedGantry;
let iam: TemplateIam;
let calls: RecordedCall[];

beforeAll(() => {
  g = synthesizeGantry();
  iam = new TemplateIam(g.stack, g.template.toJSON() as never);
  const env = iam.env('step-policy-gate');
  const Bucket = env.GANTRY_ARTIFACT_BUCKET ?? '';
  const TableName = env.GANTRY_TABLE_NAME ?? '';
  const pk = { PK: 'T#t1#M#m1', SK: 'META' };
  const wait = { PK: 'T#t1#M#m1', SK: 'WAIT' };
  const line = { PK: 'BUILDERS', SK: 'LINE' };
  const ddb = (functionId: string): RecordedCall[] => [
    { functionId, service: 'dynamodb', action: 'GetItem', input: { TableName, Key: pk } },
    { functionId, service: 'dynamodb', action: 'PutItem', input: { TableName, Item: { PK: 'T#t1#M#m1', SK: 'E#00001' } } },
    { functionId, service: 'dynamodb', action: 'UpdateItem', input: { TableName, Key: pk } },
    { functionId, service: 'dynamodb', action: 'Query', input: { TableName, KeyConditionExpression: 'PK = :pk' } },
  ];
  const s3 = (functionId: string, action: string, Key: string, bucket = Bucket): RecordedCall => ({
    functionId,
    service: 's3',
    action,
    input: { Bucket: bucket, Key },
  });
  const seal = iam.env('step-seal');
  calls = [
    // A direct build (the architect route): the mission, its first event, the workflow start.
    ...ddb('architect'),
    // The mission list reads the tenant's index.
    { functionId: 'missions', service: 'dynamodb', action: 'Query', input: { TableName, IndexName: 'GSI1' } },
    // The console's pull-request view reads the mission, then the PR from GitHub with the token.
    { functionId: 'pulls', service: 'dynamodb', action: 'GetItem', input: { TableName, Key: pk } },
    {
      functionId: 'pulls',
      service: 'ssm',
      action: 'GetParameter',
      input: { Name: iam.env('pulls').GANTRY_GITHUB_TOKEN_PARAMETER, WithDecryption: true },
    },
    {
      functionId: 'architect',
      service: 'states',
      action: 'StartExecution',
      input: { stateMachineArn: iam.env('architect').GANTRY_STATE_MACHINE_ARN, name: 'm1' },
    },
    // Every step reloads the policy override, as published (validated) into the table.
    ...['step-architect', 'step-policy-gate', 'step-audit', 'step-seal'].map((functionId): RecordedCall => ({
      functionId,
      service: 'dynamodb',
      action: 'GetItem',
      input: { TableName, Key: { PK: 'CONFIG#policy', SK: 'CONFIG#policy' } },
    })),
    // Only the publisher reads the uploaded file.
    s3('policy-publish', 'GetObject', 'config/policy.yaml'),
    ...ddb('step-architect'),
    s3('step-architect', 'PutObject', manifestKey('t1', 'm1', 1)),
    ...ddb('step-policy-gate'),
    s3('step-policy-gate', 'GetObject', manifestKey('t1', 'm1', 1)),
    s3('step-policy-gate', 'PutObject', limitsKey('t1', 'm1', 1)),
    s3('step-policy-gate', 'PutObject', jobKey('t1', 'm1', 1)),
    // The builder's presigned requests are the signer's (the gate's) requests on the attempt's keys.
    s3('step-policy-gate', 'GetObject', jobKey('t1', 'm1', 1)),
    s3('step-policy-gate', 'GetObject', limitsKey('t1', 'm1', 1)),
    s3('step-policy-gate', 'PutObject', buildLogKey('t1', 'm1', 1)),
    s3('step-policy-gate', 'PutObject', outputKey('t1', 'm1', 1, 'index.html')),
    s3('step-policy-gate', 'PutObject', resultKey('t1', 'm1', 1)),
    ...ddb('step-audit'),
    s3('step-audit', 'GetObject', resultKey('t1', 'm1', 1)),
    s3('step-audit', 'GetObject', buildLogKey('t1', 'm1', 1)),
    ...ddb('step-seal'),
    s3('step-seal', 'GetObject', resultKey('t1', 'm1', 1)),
    {
      functionId: 'step-seal',
      service: 's3',
      action: 'PutObject',
      input: {
        Bucket: seal.GANTRY_EVIDENCE_BUCKET,
        Key: 'tenants/t1/missions/m1/evidence.json',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: '2030-01-01T00:00:00Z',
      },
    },
    { functionId: 'step-seal', service: 'kms', action: 'Sign', input: { KeyId: seal.GANTRY_EVIDENCE_KEY_ID } },
    { functionId: 'step-seal', service: 'execute-api', action: 'PostToConnection', input: { ConnectionId: 'abc=' } },
    // An approval gate: the check, the wait (its token stored with the mission), a decision that
    // resumes or fails the waiting task, a timeout, and a sealed rejection.
    ...['step-approval-check', 'step-await-decision', 'step-approval-timeout', 'step-record-rejection'].flatMap(
      (functionId): RecordedCall[] => [
        ...ddb(functionId),
        {
          functionId,
          service: 'dynamodb',
          action: 'GetItem',
          input: { TableName, Key: { PK: 'CONFIG#policy', SK: 'CONFIG#policy' } },
        },
      ],
    ),
    ...['step-await-decision', 'step-approval-timeout', 'decisions'].flatMap((functionId): RecordedCall[] => [
      { functionId, service: 'dynamodb', action: 'GetItem', input: { TableName, Key: wait } },
      { functionId, service: 'dynamodb', action: 'UpdateItem', input: { TableName, Key: wait } },
    ]),
    { functionId: 'step-await-decision', service: 'dynamodb', action: 'PutItem', input: { TableName, Item: wait } },
    { functionId: 'step-await-decision', service: 'states', action: 'SendTaskSuccess', input: { taskToken: 'AAAA' } },
    { functionId: 'step-await-decision', service: 'states', action: 'SendTaskFailure', input: { taskToken: 'AAAA' } },
    // The builders' line: the wait step takes a builder or a place (one item, a conditional put) and
    // completes its own task; a mission leaving the line completes the next one's.
    ...['step-await-builder', 'step-audit', 'step-record-failure', 'execution-ended'].flatMap((functionId): RecordedCall[] => [
      { functionId, service: 'dynamodb', action: 'GetItem', input: { TableName, Key: line } },
      { functionId, service: 'dynamodb', action: 'PutItem', input: { TableName, Item: line } },
      { functionId, service: 'dynamodb', action: 'UpdateItem', input: { TableName, Key: pk } },
      { functionId, service: 'states', action: 'SendTaskSuccess', input: { taskToken: 'AAAA' } },
    ]),
    ...ddb('decisions'),
    { functionId: 'decisions', service: 'dynamodb', action: 'Query', input: { TableName, IndexName: 'GSI1' } },
    { functionId: 'decisions', service: 'states', action: 'SendTaskSuccess', input: { taskToken: 'AAAA' } },
    { functionId: 'decisions', service: 'states', action: 'SendTaskFailure', input: { taskToken: 'AAAA' } },
    { functionId: 'decisions', service: 'execute-api', action: 'PostToConnection', input: { ConnectionId: 'abc=' } },
    s3('step-record-rejection', 'GetObject', manifestKey('t1', 'm1', 1)),
    {
      functionId: 'step-record-rejection',
      service: 's3',
      action: 'PutObject',
      input: {
        Bucket: seal.GANTRY_EVIDENCE_BUCKET,
        Key: 'tenants/t1/missions/m1/evidence-000012.json',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: '2030-01-01T00:00:00Z',
      },
    },
    { functionId: 'step-record-rejection', service: 'kms', action: 'Sign', input: { KeyId: seal.GANTRY_EVIDENCE_KEY_ID } },
  ];
});

test("a mission's calls are all allowed by the synthesized policies", async () => {
  const report = await iam.check(calls);
  expect(report.denied.map((d) => `${d.call.functionId} ${d.action} ${d.resource}: ${d.reason}`)).toEqual([]);
  // Grants never exercised are listed (with hand-written calls many are: the report is for reading).
  expect(report.unusedGrants.length).toBeGreaterThan(0);
  expect(report.unusedGrants.some((u) => u.functionId === 'step-seal' && u.actions.includes('s3:PutObjectRetention'))).toBe(
    false,
  );
  // The task-response grants of an approval gate are each exercised.
  expect(
    report.unusedGrants.filter((u) => u.actions.some((a) => a.startsWith('states:SendTask'))).map((u) => u.functionId),
  ).toEqual([]);
});

test('removing one grant makes the check fail, naming the call', async () => {
  const report = await iam.without(['step-seal|kms:Sign'], g.stack).check(calls);
  expect(report.denied.map((d) => [d.call.functionId, d.action, d.reason])).toEqual([
    ['step-seal', 'kms:Sign', 'ImplicitlyDenied'],
  ]);
});

test("the builder's reach: denied every artifact (it holds no grant), including another tenant's", async () => {
  const Bucket = iam.env('step-policy-gate').GANTRY_ARTIFACT_BUCKET;
  expect(iam.identityPolicies('builder').flatMap((p) => p.policy.Statement)).toEqual([]);
  const report = await iam.check([
    { functionId: 'builder', service: 's3', action: 'GetObject', input: { Bucket, Key: resultKey('tenantB', 'm9', 1) } },
    {
      functionId: 'builder',
      service: 's3',
      action: 'PutObject',
      input: { Bucket, Key: outputKey('tenantB', 'm9', 1, 'index.html') },
    },
    { functionId: 'builder', service: 's3', action: 'GetObject', input: { Bucket, Key: manifestKey('t1', 'm1', 1) } },
  ]);
  expect(report.denied.map((d) => d.reason)).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied']);
});

test('the artifact bucket policy (TLS-only deny) is the resource policy of artifact calls', async () => {
  const Bucket = iam.env('step-audit').GANTRY_ARTIFACT_BUCKET ?? '';
  const denyTls = iam.resourcePolicy(`arn:aws:s3:::${Bucket}/x`);
  expect(JSON.stringify(denyTls)).toContain('aws:SecureTransport');
});
