import { createHandler } from '../handlers/authorizer';
import { awsConfig, awsIdentityStore, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsConfig();
  return { identity: awsIdentityStore(base) };
});

export const handler = createHandler(services);
