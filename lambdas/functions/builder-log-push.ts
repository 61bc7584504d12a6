import { AwsJsonClient, ECS_SERVICE } from '../adapters/aws-json-client';
import { EcsBuildTaskDirectory } from '../adapters/ecs-build-tasks';
import { createHandler } from '../handlers/builder-log-push';
import { awsConfig, awsMissionStore, awsPush, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsConfig();
  return {
    store: awsMissionStore(base),
    push: awsPush(base),
    tasks: new EcsBuildTaskDirectory(
      new AwsJsonClient(ECS_SERVICE, { region: base.config.AWS_REGION }),
      base.config.GANTRY_BUILDER_CLUSTER_ARN,
    ),
  };
});

export const handler = createHandler(services);
