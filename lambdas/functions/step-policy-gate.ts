import { createHandler } from '../handlers/step-policy-gate';
import { awsArtifacts, awsBase, awsMissionStore, awsPush, once } from '../composition/aws-adapters';

/** AWS Lambda entry: composes only the adapters this function uses (see lambdas/composition/aws-adapters.ts). */
export const handler = createHandler(
  once(() => {
    const base = awsBase();
    return { ...base, store: awsMissionStore(base), artifacts: awsArtifacts(base), push: awsPush(base) };
  }),
);
