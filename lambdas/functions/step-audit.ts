import { createHandler } from '../handlers/step-audit';
import {
  awsArtifacts,
  awsBase,
  awsBuilderLine,
  awsMissionStore,
  awsPush,
  awsTaskTokens,
  once,
} from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return {
    ...base,
    store: awsMissionStore(base),
    artifacts: awsArtifacts(base),
    push: awsPush(base),
    // The attempt's builder goes back to the line; its next holder's waiting task is completed.
    builderLine: awsBuilderLine(base),
    taskTokens: awsTaskTokens(base),
  };
});

export const handler = createHandler(services);
