import { createHandler } from '../handlers/step-await-decision';
import { awsApprovals, awsBase, awsMissionStore, awsPush, awsTaskTokens, once } from '../composition/aws-adapters';

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
    approvals: awsApprovals(base),
    // Only to hand a decision already recorded to a re-invoked wait's new token.
    taskTokens: awsTaskTokens(base),
  };
});

export const handler = createHandler(services);
