import { createHandler } from '../handlers/siri';
import { awsSecretBox, once } from '../composition/aws-adapters';
import { services as consultationServices } from './consult';

/**
 * AWS Lambda entry: Siri continues a consultation, so it composes what the consult function does,
 * plus the box that opens device secrets (see lambdas/composition/aws-adapters.ts).
 */
export const services = once(() => {
  const consultation = consultationServices();
  return { ...consultation, secretBox: awsSecretBox(consultation) };
});

export const handler = createHandler(services);
