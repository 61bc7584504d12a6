import { createHandler } from '../handlers/chat';
import { awsBase, awsIdentityStore, once } from '../composition/aws-adapters';
import { withModels } from '../composition/models';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return withModels({ ...base, identity: awsIdentityStore(base) });
});

export const handler = createHandler(services);
