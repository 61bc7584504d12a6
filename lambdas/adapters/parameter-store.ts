import type { AwsJsonClient } from './aws-json-client';

/** A SecureString parameter is not there or has no value: the operator has not stored it yet. */
export class ParameterMissingError extends Error {
  readonly code = 'PARAMETER_MISSING';
  constructor(name: string) {
    super(`The SecureString parameter ${name} is not set: store it with aws ssm put-parameter (docs/deploy-aws.md)`);
    this.name = 'ParameterMissingError';
  }
}

/**
 * Reads one SecureString parameter of SSM Parameter Store, decrypted (with the AWS managed
 * `aws/ssm` key: standard parameters cost nothing at rest, unlike a Secrets Manager secret).
 * Operators create the parameters; CloudFormation cannot create SecureString parameters.
 */
export function secureParameter(client: AwsJsonClient, name: string, purpose: string): () => Promise<string> {
  return async () => {
    if (!name) throw new Error(`No parameter is configured for ${purpose} in this function`);
    try {
      const out = (await client.send({ operation: 'GetParameter', input: { Name: name, WithDecryption: true } })) as {
        Parameter?: { Value?: string };
      };
      const value = out.Parameter?.Value ?? '';
      if (!value) throw new ParameterMissingError(name);
      return value;
    } catch (err) {
      if ((err as Error).name === 'ParameterNotFound') throw new ParameterMissingError(name);
      throw err;
    }
  };
}
