import { createHandler } from '../handlers/step-deploy';
import { awsArtifacts, awsBase, awsDeployer, awsMissionStore, awsPush, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return {
    ...base,
    store: awsMissionStore(base),
    artifacts: awsArtifacts(base),
    push: awsPush(base),
    deployer: awsDeployer(base),
  };
});

export const handler = createHandler(services);
