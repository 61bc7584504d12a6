import { createHandler } from '../handlers/authorizer';
import { awsConfig, awsIdentityStore, once } from '../composition/aws-adapters';

/** AWS Lambda entry: composes only the adapters this function uses (see lambdas/composition/aws-adapters.ts). */
export const handler = createHandler(
  once(() => {
    const base = awsConfig();
    return { identity: awsIdentityStore(base) };
  }),
);
