import { createHandler } from '../handlers/missions';
import { awsArtifacts, awsBase, awsEvidenceStore, awsMissionStore, once } from '../composition/aws-adapters';

/** AWS Lambda entry: composes only the adapters this function uses (see lambdas/composition/aws-adapters.ts). */
export const handler = createHandler(
  once(() => {
    const base = awsBase();
    return { ...base, store: awsMissionStore(base), artifacts: awsArtifacts(base), evidence: awsEvidenceStore(base) };
  }),
);
