/**
 * Every function of the synthesized stack starts under exactly the environment its template gives
 * it: the entry loads and composes its adapters (a cold start), with no call made. The scenarios of
 * the twin only start the functions they exercise; a function none of them reaches (a notification
 * target, a rule's target) would otherwise first fail on AWS, at its first event.
 */
import { CallRecorder } from './call-recorder';
import { LambdaTwin } from './lambda-invoker';
import { TWIN_REGION, TwinTemplate } from './twin-template';

let template: TwinTemplate;

beforeAll(() => {
  // The context of cdk.json, as `npx cdk deploy` synthesizes it.
  template = TwinTemplate.synthesize();
}, 120_000);

test('each function of the template composes from its own environment', () => {
  const names = [...template.functions().keys()].sort();
  // Feature constructs' functions are included with the handlers'.
  expect(names).toEqual(expect.arrayContaining(['policy-publish', 'execution-ended', 'builder-log-push', 'authorizer']));
  const runtime = { PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_REGION: TWIN_REGION, POWERTOOLS_METRICS_DISABLED: 'true' };
  const lambdas = new LambdaTwin((name) => template.functionEnvironment(name), runtime, new CallRecorder());
  const failures = names.flatMap((name) => {
    try {
      lambdas.coldStart(name);
      return [];
    } catch (err) {
      return [`${name}: ${(err as Error).message}`];
    }
  });
  expect(failures).toEqual([]);
});
