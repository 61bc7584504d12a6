import { createHandler } from '../handlers/chat';
import { awsBase, awsIdentityStore, once } from '../composition/aws-adapters';
import { withModels } from '../composition/models';

/** AWS Lambda entry: composes only the adapters this function uses (see lambdas/composition/aws-adapters.ts). */
export const handler = createHandler(
  once(() => {
    const base = awsBase();
    return withModels({ ...base, identity: awsIdentityStore(base) });
  }),
);
