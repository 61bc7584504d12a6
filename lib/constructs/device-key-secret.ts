import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { GantryFunction } from './gantry-function';

/** Properties of {@link DeviceKeySecret}. */
export interface DeviceKeySecretProps {
  /** @default 'gantry/device-key-secret' */
  readonly secretName?: string;
}

/**
 * The server-side secret that seals Siri device keys at rest (AES-256-GCM under its SHA-256).
 * Generated at deploy time; readable only by the functions that create device keys and verify
 * signed Siri requests. Sessions and tickets need no secret: they are stored as SHA-256 hashes.
 */
export class DeviceKeySecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: DeviceKeySecretProps = {}) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      secretName: props.secretName ?? 'gantry/device-key-secret',
      description: 'Seals Gantry Siri device keys at rest',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'Rotating this value would make every sealed device key unreadable (each would have to be re-created ' +
        'on its phone); device keys are revoked and re-issued per device instead.',
    );
  }

  /** Read the secret; sets `GANTRY_DEVICE_KEY_SECRET_ARN`. */
  grantRead(fn: GantryFunction): void {
    fn.allow(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [this.secret.secretArn],
      }),
    );
    fn.addEnvironment('GANTRY_DEVICE_KEY_SECRET_ARN', this.secret.secretArn);
  }
}
