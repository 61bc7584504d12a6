import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { allowWithReason } from '../nag';
import type { GantryFunction } from './gantry-function';

/** Properties of {@link ArtifactStorage}. */
export interface ArtifactStorageProps {
  /** Receives the bucket's server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /**
   * How long manifests, build results, built output and design images are kept. Sealed
   * evidence keeps their hashes, not the files, so expiring them never breaks a proof.
   * @default Duration.days(90)
   */
  readonly expiration?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** Key prefix under which every tenant's artifacts live (`tenants/<tenant>/missions/<mission>/...`). */
export const TENANT_PREFIX = 'tenants/';

/**
 * Key of the policy override: upload a policy.yaml here and every function adopts it within the
 * policy source's cache time, without a redeploy (until then the bundled policy.yaml is in force).
 */
export const POLICY_OBJECT_KEY = 'config/policy.yaml';

const TENANT_OBJECTS_REASON =
  'Every artifact key is tenants/<tenant>/missions/<mission>/..., chosen per mission at run time; access is ' +
  'limited to that prefix (the tenant comes from the session or the workflow state, never from a parameter).';

/** The artifact bucket: manifests, build results, built output and design images. */
export class ArtifactStorage extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ArtifactStorageProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'artifacts/',
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-artifacts',
          // Only tenant data expires; the policy override under config/ stays until replaced.
          prefix: TENANT_PREFIX,
          expiration: props.expiration ?? Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
  }

  /** Sets `GANTRY_ARTIFACT_BUCKET` only: the checked config requires it of every AWS function. */
  exposeName(fn: GantryFunction): void {
    fn.addEnvironment('GANTRY_ARTIFACT_BUCKET', this.bucket.bucketName);
  }

  /** Reads and listing under `tenants/`; sets `GANTRY_ARTIFACT_BUCKET`. */
  grantRead(fn: GantryFunction): void {
    this.grantTenantObjects(fn.executionRole, ['s3:GetObject']);
    this.exposeName(fn);
  }

  /** Reads, writes and listing under `tenants/` (no deletes: artifacts expire by lifecycle); sets `GANTRY_ARTIFACT_BUCKET`. */
  grantReadWrite(fn: GantryFunction): void {
    this.grantTenantObjects(fn.executionRole, ['s3:GetObject', 's3:PutObject']);
    this.exposeName(fn);
  }

  /**
   * Lets a function read the policy override (that one object, nothing else under `config/`) and
   * sets `GANTRY_POLICY_S3_KEY`: the policy-publish function, which validates each upload.
   */
  grantPolicyRead(fn: GantryFunction): void {
    fn.allow(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(POLICY_OBJECT_KEY)] }));
    // Without ListBucket S3 answers a missing key with 403, not 404: "no override uploaded" would
    // look like an error on every reload. Listing is limited to that one key.
    fn.allow(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringEquals: { 's3:prefix': [POLICY_OBJECT_KEY] } },
      }),
    );
    fn.addEnvironment('GANTRY_POLICY_S3_KEY', POLICY_OBJECT_KEY);
    this.exposeName(fn);
  }

  private grantTenantObjects(role: iam.IRole, objectActions: string[]): void {
    allowWithReason(
      role,
      new iam.PolicyStatement({ actions: objectActions, resources: [this.bucket.arnForObjects(`${TENANT_PREFIX}*`)] }),
      TENANT_OBJECTS_REASON,
    );
    allowWithReason(
      role,
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${TENANT_PREFIX}*`] } },
      }),
    );
  }
}
