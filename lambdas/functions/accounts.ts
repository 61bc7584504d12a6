import { createHandler } from '../handlers/accounts';
import { awsBase, awsIdentityStore, awsPasswordHasher, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return { ...base, identity: awsIdentityStore(base), passwords: awsPasswordHasher() };
});

export const handler = createHandler(services);
