import { createHandler } from '../handlers/step-await-builder';
import { awsBase, awsBuilderLine, awsMissionStore, awsPush, awsTaskTokens, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return {
    ...base,
    store: awsMissionStore(base),
    push: awsPush(base),
    builderLine: awsBuilderLine(base),
    // Completes its own task at once when a builder is free, and the tasks of missions it admits.
    taskTokens: awsTaskTokens(base),
  };
});

export const handler = createHandler(services);
