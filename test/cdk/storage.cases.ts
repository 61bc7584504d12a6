import { Match } from 'aws-cdk-lib/assertions';
import { logicalId, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

let g: SynthesizedGantry;
beforeAll(() => {
  g = synthesizeGantry();
});

const BLOCK_ALL = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

/** The bucket policy of `bucketId` denies every request that is not over TLS. */
function expectSslEnforced(bucketId: string): void {
  g.template.hasResourceProperties('AWS::S3::BucketPolicy', {
    Bucket: { Ref: bucketId },
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ]),
    },
  });
}

describe('evidence bucket', () => {
  let bucket: { Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
  beforeAll(() => {
    bucket = g.template.toJSON().Resources[logicalId(g.stack.evidence.bucket)];
  });

  test('Object Lock is on with COMPLIANCE retention of policy.evidence.retention_days', () => {
    expect(g.policy.evidence.retention_days).toBeGreaterThan(0);
    expect(bucket.Properties.ObjectLockEnabled).toBe(true);
    expect(bucket.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: g.policy.evidence.retention_days } },
    });
  });

  test('is versioned, encrypted (S3-managed keys: the signing key is the one KMS key), private, TLS-only and retained', () => {
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual(BLOCK_ALL);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    expect(bucket.Properties.LoggingConfiguration).toMatchObject({
      DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogsBucket/) },
    });
    expectSslEnforced(logicalId(g.stack.evidence.bucket));
  });

  test('the signing key is an asymmetric P-256 signing key that is never deleted with the stack', () => {
    const key = g.template.toJSON().Resources[logicalId(g.stack.evidence.signingKey)];
    expect(key.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect(key.DeletionPolicy).toBe('Retain');
    // One KMS key in the whole stack ($1 a month): this one.
    g.template.resourceCountIs('AWS::KMS::Key', 1);
  });
});

describe('artifact bucket', () => {
  test('is encrypted, private, TLS-only and expires objects', () => {
    const id = logicalId(g.stack.artifacts.bucket);
    const bucket = g.template.toJSON().Resources[id];
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual(BLOCK_ALL);
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 90 })]),
    );
    expectSslEnforced(id);
  });
});

describe('state table', () => {
  test('PK/SK, GSI1 on GSI1PK/GSI1SK, on-demand, PITR, encryption, TTL on expires_at', () => {
    g.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    g.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });
});

describe('integration secrets', () => {
  test('are SecureString parameters the operator creates, named after the stack; no Secrets Manager secret', () => {
    const outputs = g.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.VercelTokenParameterName?.Value).toBe('/Gantry/vercel-token');
    expect(outputs.GithubTokenParameterName?.Value).toBe('/Gantry/github-token');
    expect(outputs.DeviceKeySecretParameterName?.Value).toBe('/Gantry/device-key-secret');
    g.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });
});
