import { createHandler } from '../handlers/step-approval-check';
import { awsApprovals, awsBase, awsMissionStore, awsPush, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return { ...base, store: awsMissionStore(base), push: awsPush(base), approvals: awsApprovals(base) };
});

export const handler = createHandler(services);
