import { createHandler } from '../handlers/step-heal';
import { awsArtifacts, awsBase, awsMissionStore, awsPush, once } from '../composition/aws-adapters';
import { withHealer } from '../composition/models';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return withHealer({
    ...base,
    store: awsMissionStore(base),
    artifacts: awsArtifacts(base),
    push: awsPush(base),
  });
});

export const handler = createHandler(services);
