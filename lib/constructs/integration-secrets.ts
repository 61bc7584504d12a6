import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { GantryFunction } from './gantry-function';

/** Properties of {@link IntegrationSecrets}. */
export interface IntegrationSecretsProps {
  /**
   * Path prefix of the parameter names: `/<prefix>/vercel-token`, `/<prefix>/github-token` and
   * `/<prefix>/device-key-secret`.
   * @default - the stack name
   */
  readonly namePrefix?: string;
}

const NAME_PREFIX = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/**
 * The secrets Gantry reads at run time, kept as SSM Parameter Store SecureString parameters
 * (standard tier, encrypted with the AWS managed `aws/ssm` key): free at rest, unlike a Secrets
 * Manager secret ($0.40 a month each), and nothing here needs rotation by AWS — the tokens are
 * issued and revoked in Vercel and GitHub, and the device-key secret must stay stable. The
 * operator creates them (CloudFormation cannot create SecureString parameters), so the stack
 * owns no named resource that could outlive it: a destroy and a new deploy reuse them.
 *
 * Each is readable by exactly the functions that need it: the Vercel token by `step-deploy`, the
 * GitHub token by `step-publish`, the device-key secret by the functions that create and verify
 * Siri device keys. Never the builder.
 */
export class IntegrationSecrets extends Construct {
  /** `/<prefix>/vercel-token`. */
  readonly vercelTokenName: string;
  /** `/<prefix>/github-token`. */
  readonly githubTokenName: string;
  /** `/<prefix>/device-key-secret`. */
  readonly deviceKeySecretName: string;

  constructor(scope: Construct, id: string, props: IntegrationSecretsProps = {}) {
    super(scope, id);
    const prefix = props.namePrefix ?? Stack.of(this).stackName;
    if (!NAME_PREFIX.test(prefix)) throw new Error(`IntegrationSecrets: invalid parameter name prefix '${prefix}'`);
    this.vercelTokenName = `/${prefix}/vercel-token`;
    this.githubTokenName = `/${prefix}/github-token`;
    this.deviceKeySecretName = `/${prefix}/device-key-secret`;
  }

  /** Read the Vercel token; sets `GANTRY_VERCEL_TOKEN_PARAMETER`. */
  grantVercel(fn: GantryFunction): void {
    this.grant(fn, this.vercelTokenName, 'GANTRY_VERCEL_TOKEN_PARAMETER');
  }

  /** Read the GitHub token; sets `GANTRY_GITHUB_TOKEN_PARAMETER`. */
  grantGithub(fn: GantryFunction): void {
    this.grant(fn, this.githubTokenName, 'GANTRY_GITHUB_TOKEN_PARAMETER');
  }

  /** Read the secret that seals Siri device keys; sets `GANTRY_DEVICE_KEY_PARAMETER`. */
  grantDeviceKeySecret(fn: GantryFunction): void {
    this.grant(fn, this.deviceKeySecretName, 'GANTRY_DEVICE_KEY_PARAMETER');
  }

  /** ARN of a parameter of this construct. */
  parameterArn(name: string): string {
    return Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: name.replace(/^\//, '') });
  }

  private grant(fn: GantryFunction, name: string, envName: string): void {
    // The AWS managed aws/ssm key lets any principal of the account decrypt through SSM, so
    // GetParameter on the one parameter is all the function holds.
    fn.allow(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [this.parameterArn(name)] }));
    fn.addEnvironment(envName, name);
  }
}
