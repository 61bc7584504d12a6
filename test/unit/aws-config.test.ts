import { awsWorkflow } from '../../lambdas/composition/aws-adapters';
import { ConfigError, readConfig } from '../../lambdas/config';

/**
 * What an AWS function must be given: every one the artifact bucket; the state machine's ARN only
 * a function that composes the workflow (starts, stops or describes missions). A function outside
 * the workflow (e.g. policy-publish, a bucket notification's target) starts without it.
 */
const AWS = { GANTRY_RUNTIME: 'aws', AWS_REGION: 'eu-west-1', GANTRY_TABLE_NAME: 'gantry' };

test('an AWS function needs the artifact bucket', () => {
  expect(() => readConfig({ ...AWS })).toThrow(ConfigError);
  expect(() => readConfig({ ...AWS })).toThrow(/GANTRY_ARTIFACT_BUCKET/);
});

test('an AWS function outside the workflow starts without the state machine ARN; composing the workflow requires it', () => {
  const config = readConfig({ ...AWS, GANTRY_ARTIFACT_BUCKET: 'artifacts' });
  expect(config.GANTRY_STATE_MACHINE_ARN).toBe('');
  expect(() => awsWorkflow({ config })).toThrow(
    /GANTRY_STATE_MACHINE_ARN is required by a function that starts or stops missions/,
  );
  const arn = 'arn:aws:states:eu-west-1:111122223333:stateMachine:Gantry-mission';
  expect(() =>
    awsWorkflow({ config: readConfig({ ...AWS, GANTRY_ARTIFACT_BUCKET: 'artifacts', GANTRY_STATE_MACHINE_ARN: arn }) }),
  ).not.toThrow();
});
