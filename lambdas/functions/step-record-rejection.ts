import { createHandler } from '../handlers/step-record-rejection';
import { awsApprovals, awsSealingServices, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const sealing = awsSealingServices();
  return { ...sealing, approvals: awsApprovals(sealing) };
});

export const handler = createHandler(services);
