import { createHandler } from '../handlers/missions';
import { awsArtifacts, awsBase, awsBuilderLine, awsEvidenceStore, awsMissionStore, once } from '../composition/aws-adapters';

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
    evidence: awsEvidenceStore(base),
    builderLine: awsBuilderLine(base),
  };
});

export const handler = createHandler(services);
