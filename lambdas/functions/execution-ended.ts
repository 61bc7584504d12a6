import { createHandler } from '../handlers/execution-ended';
import { awsSealingServices, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(awsSealingServices);

export const handler = createHandler(services);
