import { existsSync } from 'node:fs';
import { APP_FILES_PACKED } from '../../lambdas/domain/architect/app-files.generated';
import { functionEntry } from '../../lib/constructs/function-bundling';
import { bundleFunction, FUNCTION_NAMES, type FunctionBundle } from '../helpers/function-bundles';

/**
 * Each Lambda function ships one bundle holding only what it uses (issue 9: every bundle at
 * most 500 KB). Bundled here with the CDK construct's own esbuild options, so the figure is
 * the deployed one. A function that went back to a global service lookup would carry every
 * client and fail both the size and the contents checks.
 */
const LIMIT_BYTES = 500_000;
/** The functions that write apps, and so read the apps' files shipped beside their code. */
const APP_WRITERS = ['step-architect', 'step-heal'];

const bundles = new Map<string, FunctionBundle>();

beforeAll(async () => {
  for (const name of FUNCTION_NAMES) bundles.set(name, await bundleFunction(name));
});

const bundle = (name: string): FunctionBundle => {
  const b = bundles.get(name);
  if (!b) throw new Error(`no bundle for ${name}`);
  return b;
};

test('each deployed package stays small: the source map carries mappings, not the sources', () => {
  for (const name of FUNCTION_NAMES) {
    const b = bundle(name);
    // With the sources' text embedded a map is three to four times its bundle.
    expect({ name, sources: b.mapHasSources, package: b.bytes + b.mapBytes + b.dataBytes <= 1024 * 1024 }).toEqual({
      name,
      sources: false,
      package: true,
    });
  }
});

test("the functions that write apps, and only they, ship the apps' files beside their code, not in it", () => {
  expect(FUNCTION_NAMES.filter((n) => bundle(n).dataBytes > 0)).toEqual(APP_WRITERS);
  for (const name of FUNCTION_NAMES) {
    // Neither the packed files' text (from sources) nor any of it is code in a bundle.
    expect({ name, text: bundle(name).code.includes(APP_FILES_PACKED.slice(0, 40)) }).toEqual({ name, text: false });
  }
  for (const name of APP_WRITERS) expect(bundle(name).dataBytes).toBeGreaterThan(50_000);
});

test('every function has its own entry under lambdas/functions', () => {
  for (const name of FUNCTION_NAMES) expect(existsSync(functionEntry(name))).toBe(true);
});

test.each(FUNCTION_NAMES.map((name) => [name]))('%s bundle fits in 500 KB', (name) => {
  expect({ name, bytes: bundle(name).bytes }).toEqual({ name, bytes: expect.any(Number) });
  expect(bundle(name).bytes).toBeLessThanOrEqual(LIMIT_BYTES);
});

test('only the functions that publish or read pull requests carry the GitHub client, only sealing functions (and the public-key route) reach KMS', () => {
  const holders = (pkg: string): string[] => FUNCTION_NAMES.filter((n) => bundle(n).packages.has(pkg));
  expect(holders('@octokit/core')).toEqual(['pulls', 'step-publish']);
  // KMS, Step Functions, Parameter Store and ECS are reached through the JSON-protocol client of
  // lambdas/adapters/aws-json-client.ts; a service's constants (its X-Amz-Target prefix) are in a
  // bundle only when the function composes an adapter of that service.
  const reaching = (targetPrefix: string): string[] =>
    FUNCTION_NAMES.filter((n) => bundle(n).code.includes(`"${targetPrefix}"`)).sort();
  expect(reaching('TrentService')).toEqual([
    'evidence-key',
    'execution-ended',
    'mission-control',
    'step-record-failure',
    'step-record-rejection',
    'step-seal',
  ]);
  // The decisions and the approval wait answer task tokens (SendTaskSuccess/Failure), and so do the
  // steps that hand a builder of the builders' line to the next mission (SendTaskSuccess).
  expect(reaching('AWSStepFunctions')).toEqual([
    'architect',
    'consult',
    'decisions',
    'execution-ended',
    'health',
    'mission-control',
    'siri',
    'step-audit',
    'step-await-builder',
    'step-await-decision',
    'step-record-failure',
  ]);
  // Device keys and third-party tokens are SSM SecureString parameters.
  expect(reaching('AmazonSSM')).toEqual(['devices', 'pulls', 'siri', 'step-deploy', 'step-publish']);
  expect(reaching('AmazonEC2ContainerServiceV20141113')).toEqual(['builder-log-push']);
  for (const pkg of ['@aws-sdk/client-kms', '@aws-sdk/client-sfn', '@aws-sdk/client-ssm', '@aws-sdk/client-ecs'])
    expect({ pkg, holders: holders(pkg) }).toEqual({ pkg, holders: [] });
});

test('only the policy publisher carries the YAML parser; the S3 client only functions that use the bucket', () => {
  // The policy is embedded as validated JSON and overrides are reloaded from the table.
  expect(FUNCTION_NAMES.filter((n) => bundle(n).packages.has('yaml'))).toEqual(['policy-publish']);
  for (const name of [
    'authorizer',
    'ws',
    'themes',
    'health',
    'auth',
    'accounts',
    'devices',
    'debugger',
    'chat',
    'builder-log-push',
    'decisions',
    'step-approval-check',
    'step-await-decision',
    'step-approval-timeout',
  ])
    expect({ name, s3: bundle(name).modules.has('lambdas/adapters/s3-client.ts') }).toEqual({ name, s3: false });
  // The buckets are reached through the signed client of lambdas/adapters/s3-client.ts, not the SDK's.
  expect(FUNCTION_NAMES.filter((n) => bundle(n).packages.has('@aws-sdk/client-s3'))).toEqual([]);
  expect(FUNCTION_NAMES.filter((n) => bundle(n).modules.has('lambdas/adapters/s3-client.ts')).length).toBeGreaterThan(5);
});

test('every function embeds the bundled policy as JSON and reads no policy file', () => {
  for (const name of FUNCTION_NAMES) {
    expect({ name, embedded: bundle(name).modules.has('lambdas/composition/bundled-policy.ts') }).toEqual({
      name,
      embedded: !['authorizer', 'ws', 'builder-log-push', 'policy-publish'].includes(name),
    });
    expect({ name, loader: bundle(name).modules.has('lambdas/domain/policy-file.ts') }).toEqual({
      name,
      loader: name === 'policy-publish',
    });
  }
});

test("no bundle carries the SDK's credential providers or core; the credentials are read from the environment Lambda sets", () => {
  for (const name of FUNCTION_NAMES) {
    const sdk = [...bundle(name).packages].filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'));
    expect({ name, sdk }).toEqual({ name, sdk: [] });
  }
  // The model functions' SDK credential lookup is the environment reader of lambdas/composition/lambda-credentials.ts.
  const readers = FUNCTION_NAMES.filter((n) => bundle(n).modules.has('lambdas/composition/lambda-credentials.ts'));
  expect(readers).toEqual(expect.arrayContaining(['consult', 'siri', 'chat']));
});

test("the table is reached through the document client of lambdas/adapters/dynamo-client.ts, not the SDK's", () => {
  for (const pkg of ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'])
    expect({ pkg, holders: FUNCTION_NAMES.filter((n) => bundle(n).packages.has(pkg)) }).toEqual({ pkg, holders: [] });
  const reaching = FUNCTION_NAMES.filter((n) => bundle(n).code.includes('"DynamoDB_20120810"'));
  expect(reaching.length).toBeGreaterThan(20);
  for (const name of reaching)
    expect({ name, client: bundle(name).modules.has('lambdas/adapters/dynamo-client.ts') }).toEqual({ name, client: true });
});

test("every bundle carries Zod's small build with its English messages only: no other locale, not the full build", () => {
  for (const name of FUNCTION_NAMES) {
    const extra = [...bundle(name).modules].filter(
      (m) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(m) || /node_modules\/zod\/(v4\/)?classic\//.test(m),
    );
    expect({ name, extra, english: bundle(name).modules.has('node_modules/zod/v4/locales/en.js') }).toEqual({
      name,
      extra: [],
      english: bundle(name).packages.has('zod'),
    });
  }
});

test('only functions that record mission events carry Powertools Metrics', () => {
  for (const name of ['authorizer', 'ws', 'themes'])
    expect(bundle(name).packages.has('@aws-lambda-powertools/metrics')).toBe(false);
});

test("only the documentation function, which makes the API's JSON Schema at run time, carries Zod's converters", () => {
  const carrying = FUNCTION_NAMES.filter((n) => bundle(n).code.includes('cannot be represented in JSON Schema'));
  expect(carrying).toEqual(['docs']);
});
