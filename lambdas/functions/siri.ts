import { createHandler } from '../handlers/siri';
import {
  awsArtifacts,
  awsBase,
  awsIdentityStore,
  awsMissionStore,
  awsPush,
  awsSecretBox,
  awsWorkflow,
  once,
} from '../composition/aws-adapters';
import { withModels } from '../composition/models';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  return withModels({
    ...base,
    store: awsMissionStore(base),
    identity: awsIdentityStore(base),
    secretBox: awsSecretBox(base),
    artifacts: awsArtifacts(base),
    workflow: awsWorkflow(base),
    push: awsPush(base),
  });
});

export const handler = createHandler(services);
