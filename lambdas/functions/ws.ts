import { createHandler } from '../handlers/ws';
import { awsBuilderLine, awsConfig, awsMissionStore, awsPush, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsConfig();
  return { store: awsMissionStore(base), push: awsPush(base), builderLine: awsBuilderLine(base) };
});

export const handler = createHandler(services);
