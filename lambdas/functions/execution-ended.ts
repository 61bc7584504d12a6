import { createHandler } from '../handlers/execution-ended';
import { awsSealingServices, awsBuilderLine, awsTaskTokens, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const sealing = awsSealingServices();
  // The mission leaves the builders' line; the next mission's waiting task is completed.
  return { ...sealing, builderLine: awsBuilderLine(sealing), taskTokens: awsTaskTokens(sealing) };
});

export const handler = createHandler(services);
