import { createHandler } from '../handlers/ws';
import { awsConfig, awsMissionStore, awsPush, once } from '../composition/aws-adapters';

/** AWS Lambda entry: composes only the adapters this function uses (see lambdas/composition/aws-adapters.ts). */
export const handler = createHandler(
  once(() => {
    const base = awsConfig();
    return { store: awsMissionStore(base), push: awsPush(base) };
  }),
);
