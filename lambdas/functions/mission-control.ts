import { createHandler } from '../handlers/mission-control';
import {
  awsApprovals,
  awsArtifacts,
  awsBase,
  awsEvidenceSigner,
  awsEvidenceStore,
  awsIdentityStore,
  awsMissionStore,
  awsPush,
  awsWorkflow,
  once,
} from '../composition/aws-adapters';
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
    identity: awsIdentityStore(base),
    artifacts: awsArtifacts(base),
    evidence: awsEvidenceStore(base),
    signer: awsEvidenceSigner(base),
    workflow: awsWorkflow(base),
    approvals: awsApprovals(base),
    push: awsPush(base),
    // A direct build is read before it is recorded when the offline architect will build it.
    architect: { name: architectName(base.config) },
  };
});

export const handler = createHandler(services);
