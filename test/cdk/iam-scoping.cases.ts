import { REST_HANDLERS, SECRET_HOLDING_STEPS, STEP_HANDLERS } from '../../lambdas/routes';
import type { GantryFunction } from '../../lib/constructs/gantry-function';
import {
  environmentOf,
  grantedStatements,
  logicalId,
  rolesAllowed,
  rolesWithAction,
  synthesizeGantry,
  type SynthesizedGantry,
} from './gantry-template';

let g: SynthesizedGantry;
let all: GantryFunction[];
const roleOf = (fn: GantryFunction): string => logicalId(fn.executionRole);

beforeAll(() => {
  g = synthesizeGantry();
  all = g.stack.handlers.all();
});

test('one function per handler name, each built from its entry lambdas/functions/<name>.ts on Node 22 ARM64 with tracing', () => {
  expect(all.map((fn) => fn.handlerName).sort()).toEqual([...REST_HANDLERS, 'ws', ...STEP_HANDLERS, 'authorizer'].sort());
  for (const fn of all) {
    g.template.hasResource('AWS::Lambda::Function', {
      Properties: {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Role: { 'Fn::GetAtt': [roleOf(fn), 'Arn'] },
        LoggingConfig: { LogGroup: { Ref: logicalId(fn.functionLogGroup) } },
      },
    });
  }
});

test('every function gets the runtime selection and the variables the checked config requires', () => {
  for (const fn of all) {
    const env = environmentOf(g.template, logicalId(fn));
    expect(env).toMatchObject({
      GANTRY_RUNTIME: 'aws',
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'gantry',
      GANTRY_ARTIFACT_BUCKET: { Ref: logicalId(g.stack.artifacts.bucket) },
      GANTRY_TABLE_NAME: { Ref: logicalId(g.stack.store.table) },
    });
    expect(JSON.stringify(env.GANTRY_STATE_MACHINE_ARN)).toContain(':stateMachine:Gantry-mission');
  }
});

test('only step-deploy can read the Vercel token, only step-publish and the pull-request reader the GitHub token', () => {
  const { steps, rest } = g.stack.handlers;
  const readersOf = (name: string) =>
    [
      ...new Set(
        grantedStatements(g.template)
          .filter((s) => s.actions.includes('ssm:GetParameter'))
          .filter((s) => s.resources.some((r) => JSON.stringify(r).includes(`:parameter${name}"`)))
          .flatMap((s) => s.roles),
      ),
    ].sort();
  expect(SECRET_HOLDING_STEPS).toEqual(expect.arrayContaining(['step-deploy', 'step-publish']));
  expect(g.stack.secrets.vercelTokenName).toBe('/Gantry/vercel-token');
  expect(readersOf(g.stack.secrets.vercelTokenName)).toEqual([roleOf(steps['step-deploy'])]);
  expect(readersOf(g.stack.secrets.githubTokenName)).toEqual([roleOf(steps['step-publish']), roleOf(rest.pulls)].sort());
  // Besides them, only the device-key and Siri handlers read a secret: the one that seals device keys.
  expect(readersOf(g.stack.secrets.deviceKeySecretName)).toEqual([roleOf(rest.devices), roleOf(rest.siri)].sort());
  expect(rolesWithAction(g.template, 'ssm:GetParameter')).toEqual(
    [
      roleOf(steps['step-deploy']),
      roleOf(steps['step-publish']),
      roleOf(rest.devices),
      roleOf(rest.siri),
      roleOf(rest.pulls),
    ].sort(),
  );
  // No Secrets Manager at all: a secret costs $0.40 a month and lingers in its recovery window after a destroy.
  expect(rolesWithAction(g.template, 'secretsmanager:GetSecretValue')).toEqual([]);
  g.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  for (const fn of all) {
    const env = environmentOf(g.template, logicalId(fn));
    expect(env.GANTRY_VERCEL_TOKEN_PARAMETER !== undefined).toBe(fn === steps['step-deploy']);
    expect(env.GANTRY_GITHUB_TOKEN_PARAMETER !== undefined).toBe(fn === steps['step-publish'] || fn === rest.pulls);
  }
  expect(environmentOf(g.template, logicalId(steps['step-publish'])).GANTRY_GITHUB_REPO).toBe('');
  expect(environmentOf(g.template, logicalId(rest.pulls)).GANTRY_GITHUB_REPO).toBe('');
});

test('only the sealing steps, cancel and the ended-execution handler may sign with the evidence key', () => {
  const { steps } = g.stack.handlers;
  const key = logicalId(g.stack.evidence.signingKey);
  // The cancel route seals the evidence of a CANCELLED mission (no workflow step runs after a stop).
  const sealers = [
    roleOf(steps['step-seal']),
    roleOf(steps['step-record-failure']),
    // A rejection at an approval gate is a sealed ending (REJECTED).
    roleOf(steps['step-record-rejection']),
    roleOf(g.stack.handlers.rest['mission-control']),
    // A timed-out or stopped execution runs no step: the execution-ended function seals its FAILED evidence.
    roleOf(g.stack.executionWatch.fn),
  ].sort();
  expect(rolesAllowed(g.template, 'kms:Sign', key)).toEqual(sealers);
  expect(rolesWithAction(g.template, 'kms:Sign')).toEqual(sealers);
  // And only they may write evidence.
  expect(rolesAllowed(g.template, 's3:PutObject', logicalId(g.stack.evidence.bucket))).toEqual(sealers);
});

test('only the REST architect, the consultation and the Siri handler may start missions, on the mission state machine only', () => {
  const starters = grantedStatements(g.template).filter((s) => s.actions.includes('states:StartExecution'));
  expect(starters.flatMap((s) => s.roles).sort()).toEqual(
    // mission-control starts the new execution of a retry; consult starts a confirmed consultation.
    [
      roleOf(g.stack.handlers.rest.architect),
      roleOf(g.stack.handlers.rest.siri),
      roleOf(g.stack.handlers.rest.consult),
      roleOf(g.stack.handlers.rest['mission-control']),
    ].sort(),
  );
  expect(JSON.stringify(starters[0]?.resources)).toContain(':stateMachine:Gantry-mission"');
});

test('health and the API reference only read the table; no function may scan it or delete it', () => {
  const table = logicalId(g.stack.store.table);
  for (const fn of [g.stack.handlers.rest.health, g.stack.handlers.rest.docs]) {
    expect(rolesAllowed(g.template, 'dynamodb:GetItem', table)).toContain(roleOf(fn));
    expect(rolesAllowed(g.template, 'dynamodb:PutItem', table)).not.toContain(roleOf(fn));
    expect(rolesAllowed(g.template, 'dynamodb:UpdateItem', table)).not.toContain(roleOf(fn));
  }
  expect(rolesWithAction(g.template, 'dynamodb:Scan')).toEqual([]);
  expect(rolesWithAction(g.template, 'dynamodb:DeleteTable')).toEqual([]);
});

test('Bedrock is callable only by the steps that draft or heal code, the consultation (web and Siri) and chat', () => {
  const { steps, rest } = g.stack.handlers;
  expect(rolesWithAction(g.template, 'bedrock:InvokeModel')).toEqual(
    [steps['step-architect'], steps['step-heal'], rest.consult, rest.chat, rest.siri].map(roleOf).sort(),
  );
});

test('artifacts: only the drafting steps and the consultation write, all access is under tenants/', () => {
  const { steps, rest } = g.stack.handlers;
  const bucket = logicalId(g.stack.artifacts.bucket);
  expect(rolesAllowed(g.template, 's3:PutObject', bucket)).toEqual(
    // The gate writes each attempt's limits.json and job.json, and signs the builder's uploads; the
    // audit stores a result describing a build task that ended without one; the consultation
    // stores a mission's design image. The builder task role is not among them.
    [
      roleOf(steps['step-architect']),
      roleOf(steps['step-heal']),
      roleOf(steps['step-policy-gate']),
      roleOf(steps['step-audit']),
      roleOf(rest.consult),
    ].sort(),
  );
  const artifactStatements = grantedStatements(g.template).filter((s) =>
    s.resources.some((r) => JSON.stringify(r).includes(`"${bucket}"`)),
  );
  expect(artifactStatements.length).toBeGreaterThan(0);
  for (const s of artifactStatements) {
    if (s.actions.includes('s3:PutBucketNotification')) {
      // The CDK's deploy-time handler that points the policy override's notifications at policy-publish.
      expect(s.actions).toEqual(['s3:PutBucketNotification']);
      expect(s.resources).toEqual([{ 'Fn::GetAtt': [bucket, 'Arn'] }]);
    } else if (s.actions.includes('s3:ListBucket')) {
      // Listing (which makes S3 answer 404, not 403, for a missing key) only under tenants/ or of the policy key.
      expect([
        { StringLike: { 's3:prefix': ['tenants/*'] } },
        { StringEquals: { 's3:prefix': ['config/policy.yaml'] } },
      ]).toContainEqual(s.statement.Condition);
    } else {
      const tenants = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/tenants/*']] };
      // The one object outside tenants/ is the policy override, and it is only ever read.
      const policyObject = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/config/policy.yaml']] };
      const ofBucket = s.resources.filter((r) => JSON.stringify(r).includes(`"${bucket}"`));
      for (const r of ofBucket) expect([tenants, policyObject]).toContainEqual(r);
      if (s.resources.some((r) => JSON.stringify(r) === JSON.stringify(policyObject)))
        expect(s.actions).toEqual(['s3:GetObject']);
    }
  }
});

test('health may only describe the state machine; nothing may stop or delete it', () => {
  expect(rolesWithAction(g.template, 'states:DescribeStateMachine')).toEqual([roleOf(g.stack.handlers.rest.health)]);
  expect(rolesWithAction(g.template, 'states:DeleteStateMachine')).toEqual([]);
});

test('function roles use "*" only for X-Ray and for completing a waiting task, and carry no AWS managed policy', () => {
  const functionRoles = new Set(all.map(roleOf));
  const star = grantedStatements(g.template).filter(
    (s) => s.roles.some((r) => functionRoles.has(r)) && s.resources.includes('*'),
  );
  expect(star.length).toBe(all.length);
  // SendTaskSuccess/Failure name no resource (a task token is not an ARN): only the two functions
  // that complete an approval gate's wait hold them, and the steps of the builders' line hold
  // SendTaskSuccess alone.
  const { steps } = g.stack.handlers;
  const taskResponders = [g.stack.handlers.rest.decisions, steps['step-await-decision']].map(roleOf);
  const lineSteps = [
    steps['step-await-builder'],
    steps['step-audit'],
    steps['step-record-failure'],
    g.stack.executionWatch.fn,
  ].map(roleOf);
  for (const s of star) {
    const expected = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
    if (s.roles.every((r) => taskResponders.includes(r))) expected.push('states:SendTaskFailure', 'states:SendTaskSuccess');
    if (s.roles.every((r) => lineSteps.includes(r))) expected.push('states:SendTaskSuccess');
    expect(s.actions.sort()).toEqual(expected.sort());
  }
  for (const role of functionRoles) {
    expect(g.template.toJSON().Resources[role].Properties.ManagedPolicyArns).toBeUndefined();
  }
});
