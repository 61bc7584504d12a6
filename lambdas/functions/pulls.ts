import { createHandler } from '../handlers/pulls';
import { awsBase, awsMissionStore, awsPublisher, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return { ...base, store: awsMissionStore(base), publisher: awsPublisher(base) };
});

export const handler = createHandler(services);
