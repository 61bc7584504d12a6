import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { GantryFunction } from './gantry-function';

/** Properties of the {@link EvidenceVault}. */
export interface EvidenceVaultProps {
  /** Days every evidence object version is locked in COMPLIANCE mode (`policy.evidence.retention_days`). */
  readonly retentionDays: number;
  /** Receives the bucket's server access logs. */
  readonly accessLogsBucket: s3.IBucket;
}

const EVIDENCE_OBJECT_REASON =
  'Evidence keys are one object per mission and step, named at run time; Object Lock (COMPLIANCE) ' +
  'makes every version immutable whatever the writer, so object-level IAM scoping adds nothing.';

/**
 * Write-once storage for sealed evidence: an S3 bucket with Object Lock in COMPLIANCE mode
 * (nobody, root included, can shorten or remove a lock), encrypted with S3-managed keys, plus
 * the asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) that signs each evidence record: the one
 * KMS key of the stack ($1 a month). A second key for bucket encryption would add a dollar a
 * month and no proof: integrity comes from the lock and the signature, not from who may decrypt.
 * Only functions given {@link grantSeal} may sign. Bucket and key outlive the stack.
 */
export class EvidenceVault extends Construct {
  readonly bucket: s3.Bucket;
  readonly signingKey: kms.Key;

  constructor(scope: Construct, id: string, props: EvidenceVaultProps) {
    super(scope, id);
    if (!Number.isInteger(props.retentionDays) || props.retentionDays < 1) {
      throw new Error(`EvidenceVault: retentionDays must be a positive integer, got ${props.retentionDays}`);
    }

    this.signingKey = new kms.Key(this, 'SigningKey', {
      description: 'Gantry evidence signing (ECDSA P-256)',
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(props.retentionDays)),
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'evidence/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Write and read evidence and sign it with the evidence key (`kms:Sign`). Sets
   * `GANTRY_EVIDENCE_BUCKET` and `GANTRY_EVIDENCE_KEY_ID`.
   */
  grantSeal(fn: GantryFunction): void {
    this.grantObjects(fn, ['s3:GetObject', 's3:PutObject', 's3:PutObjectRetention']);
    fn.allow(new iam.PolicyStatement({ actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [this.signingKey.keyArn] }));
  }

  /** Read evidence. No signing. Sets `GANTRY_EVIDENCE_BUCKET` and `GANTRY_EVIDENCE_KEY_ID`. */
  grantRead(fn: GantryFunction): void {
    this.grantObjects(fn, ['s3:GetObject']);
  }

  /**
   * Read only the public half of the signing key (served to auditors to pin; never a signature,
   * never an object). Sets `GANTRY_EVIDENCE_KEY_ID`.
   */
  grantPublicKey(fn: GantryFunction): void {
    fn.allow(new iam.PolicyStatement({ actions: ['kms:GetPublicKey'], resources: [this.signingKey.keyArn] }));
    fn.addEnvironment('GANTRY_EVIDENCE_KEY_ID', this.signingKey.keyArn);
  }

  private grantObjects(fn: GantryFunction, objectActions: string[]): void {
    fn.allow(
      new iam.PolicyStatement({ actions: objectActions, resources: [this.bucket.arnForObjects('*')] }),
      EVIDENCE_OBJECT_REASON,
    );
    fn.allow(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    fn.addEnvironment('GANTRY_EVIDENCE_BUCKET', this.bucket.bucketName);
    fn.addEnvironment('GANTRY_EVIDENCE_KEY_ID', this.signingKey.keyArn);
  }
}
