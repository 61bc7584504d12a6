import { createHandler } from '../handlers/auth';
import { awsBase, awsIdentityStore, awsPasswordHasher, once } from '../composition/aws-adapters';

/** AWS Lambda entry: composes only the adapters this function uses (see lambdas/composition/aws-adapters.ts). */
export const handler = createHandler(
  once(() => {
    const base = awsBase();
    return { ...base, identity: awsIdentityStore(base), passwords: awsPasswordHasher() };
  }),
);
