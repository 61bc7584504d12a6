import { createHandler } from '../handlers/health';
import { awsBase, awsMissionStore, awsWorkflow, once } from '../composition/aws-adapters';
import { architectName } from '../composition/architect-name';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return {
    ...base,
    store: awsMissionStore(base),
    workflow: awsWorkflow(base),
    architect: { name: architectName(base.config) },
  };
});

export const handler = createHandler(services);
