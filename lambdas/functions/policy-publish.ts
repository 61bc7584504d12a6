import { createHandler } from '../handlers/policy-publish';
import { awsConfig, awsPolicyPublisher, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsConfig();
  return { ...base, publisher: awsPolicyPublisher(base) };
});

export const handler = createHandler(services);
