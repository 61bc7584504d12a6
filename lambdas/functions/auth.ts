import { createHandler } from '../handlers/auth';
import { awsBase, awsIdentityStore, awsMissionStore, awsPasswordHasher, awsPush, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return {
    ...base,
    identity: awsIdentityStore(base),
    passwords: awsPasswordHasher(),
    store: awsMissionStore(base),
    push: awsPush(base),
  };
});

export const handler = createHandler(services);
