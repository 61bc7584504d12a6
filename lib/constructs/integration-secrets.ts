import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { GantryFunction } from './gantry-function';

/** Properties of {@link IntegrationSecrets}. */
export interface IntegrationSecretsProps {
  /**
   * Prefix of the secret names: the secrets are `<prefix>/vercel-token` and `<prefix>/github-token`.
   * @default 'gantry'
   */
  readonly namePrefix?: string;
}

const ROTATION_REASON =
  'A third-party API token: it is issued and revoked in Vercel/GitHub, where Secrets Manager cannot ' +
  'rotate it. Operators replace the value with put-secret-value (docs/deploy-aws.md).';

/**
 * The two third-party tokens. Each is readable by exactly one workflow step: the Vercel token
 * by `step-deploy`, the GitHub token by `step-publish`. No other function, and never the
 * builder sandbox, can read either.
 */
export class IntegrationSecrets extends Construct {
  readonly vercelToken: secretsmanager.Secret;
  readonly githubToken: secretsmanager.Secret;
  /** Name of the Vercel token secret, e.g. `gantry/vercel-token`. */
  readonly vercelTokenName: string;
  /** Name of the GitHub token secret, e.g. `gantry/github-token`. */
  readonly githubTokenName: string;

  constructor(scope: Construct, id: string, props: IntegrationSecretsProps = {}) {
    super(scope, id);
    const prefix = props.namePrefix ?? 'gantry';
    if (!/^[A-Za-z0-9/_+=.@-]+$/.test(prefix)) {
      throw new Error(`IntegrationSecrets: invalid secret name prefix '${prefix}'`);
    }
    this.vercelTokenName = `${prefix}/vercel-token`;
    this.githubTokenName = `${prefix}/github-token`;
    this.vercelToken = this.tokenSecret('VercelToken', this.vercelTokenName, 'Vercel API token used by step-deploy');
    this.githubToken = this.tokenSecret('GithubToken', this.githubTokenName, 'GitHub token used by step-publish');
  }

  /** Read the Vercel token; sets `GANTRY_VERCEL_SECRET_ARN`. */
  grantVercel(fn: GantryFunction): void {
    this.grant(fn, this.vercelToken, 'GANTRY_VERCEL_SECRET_ARN');
  }

  /** Read the GitHub token; sets `GANTRY_GITHUB_SECRET_ARN`. */
  grantGithub(fn: GantryFunction): void {
    this.grant(fn, this.githubToken, 'GANTRY_GITHUB_SECRET_ARN');
  }

  private tokenSecret(id: string, secretName: string, description: string): secretsmanager.Secret {
    // The generated value is a placeholder until the operator stores the real token.
    const secret = new secretsmanager.Secret(this, id, {
      secretName,
      description: `${description} (set the real value after deploying)`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(secret, 'AwsSolutions-SMG4', ROTATION_REASON);
    return secret;
  }

  private grant(fn: GantryFunction, secret: secretsmanager.Secret, envName: string): void {
    fn.allow(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [secret.secretArn],
      }),
    );
    fn.addEnvironment(envName, secret.secretArn);
  }
}
