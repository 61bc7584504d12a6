import { S3ArtifactStore } from '../adapters/artifact-store';
import { AwsJsonClient, KMS_SERVICE, SFN_SERVICE, SSM_SERVICE } from '../adapters/aws-json-client';
import { S3BuildJobIssuer } from '../adapters/build-job-issuer';
import { DebuggerRunStore } from '../adapters/debugger-runs';
import { DynamoDocumentClient } from '../adapters/dynamo-client';
import { VercelDeployer, type TokenSource } from '../adapters/deployers';
import { KmsEvidenceSigner, S3EvidenceStore } from '../adapters/evidence';
import { IdentityStore } from '../adapters/identity-store';
import { MissionStore } from '../adapters/mission-store';
import { Argon2PasswordHasher } from '../adapters/password-hasher';
import { PolicyPublisher } from '../adapters/policy-publisher';
import { TablePolicySource } from '../adapters/policy-table';
import { GitHubPublisher } from '../adapters/publishers';
import { ApiGatewayConnections, ApiGatewayPush } from '../adapters/push';
import { AesGcmSecretBox } from '../adapters/secret-box';
import { secureParameter } from '../adapters/parameter-store';
import { SignedS3Client } from '../adapters/s3-client';
import { StepFunctionsWorkflow } from '../adapters/workflow-sfn';
import { ApprovalStore } from '../adapters/approval-store';
import { DynamoBuilderLineStore } from '../adapters/builder-line-store';
import { StepFunctionsTaskTokens } from '../adapters/task-tokens-sfn';
import type { PolicyServices } from '../app/services';
import { ConfigError, readConfig, type GantryEnv } from '../config';
import { bundledPolicy } from './bundled-policy';
import type {
  ApprovalRepository,
  BuilderLineStore,
  ArtifactStore,
  BuildJobIssuer,
  DebuggerRunRepository,
  Deployer,
  EvidenceSigner,
  EvidenceStore,
  IdentityRepository,
  MissionStorePort,
  PasswordHasher,
  Publisher,
  PushPort,
  SecretBox,
  TaskTokens,
  WorkflowPort,
} from '../domain/ports';

/**
 * The AWS adapters, one small factory each. A function's entry (`lambdas/functions/<name>.ts`)
 * calls only the factories of the ports it uses; esbuild drops the rest (and their SDK clients)
 * from that function's bundle. Each client is created once per Lambda container.
 */

/** `build()` on first call, the same value afterwards: services are built on the first invocation. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** Checked configuration: all that the table, push and workflow adapters read. */
export interface AwsConfig {
  readonly config: GantryEnv;
}

/** What most functions get: configuration, the policy in force and where it reloads from. */
export interface AwsBase extends AwsConfig, PolicyServices {
  readonly startedAt: number;
}

/** Configuration only, for functions that never read the policy (no policy file, no S3 client). */
export function awsConfig(): AwsConfig {
  return { config: readConfig() };
}

// `@__PURE__` lets esbuild drop a client no factory of this bundle uses (a call at module scope
// otherwise counts as a side effect and would keep every client in every bundle).
const s3Client = /* @__PURE__ */ once(() => new SignedS3Client({ region: readConfig().AWS_REGION }));
const documentClient = /* @__PURE__ */ once(() => new DynamoDocumentClient({ region: readConfig().AWS_REGION }));
const ssmClient = /* @__PURE__ */ once(() => new AwsJsonClient(SSM_SERVICE, { region: readConfig().AWS_REGION }));

/**
 * Configuration and policy. The policy bundled with the function governs until an override is
 * published to the table (an upload of config/policy.yaml, validated by policy-publish); with
 * `GANTRY_POLICY_RELOAD_SECONDS` set, the table is looked at once per that period.
 */
export function awsBase(config: GantryEnv = readConfig()): AwsBase {
  const bundled = bundledPolicy();
  const policySource =
    config.GANTRY_POLICY_RELOAD_SECONDS > 0
      ? new TablePolicySource(documentClient(), config.GANTRY_TABLE_NAME, bundled, config.GANTRY_POLICY_RELOAD_SECONDS * 1000)
      : undefined;
  return {
    config,
    policy: bundled,
    ...(policySource ? { policySource } : {}),
    startedAt: Date.now(),
  };
}

/** Validates uploads of the policy override and publishes them to the table (the policy-publish function). */
export function awsPolicyPublisher(base: AwsConfig): PolicyPublisher {
  return new PolicyPublisher(
    s3Client(),
    base.config.GANTRY_ARTIFACT_BUCKET,
    base.config.GANTRY_POLICY_S3_KEY,
    documentClient(),
    base.config.GANTRY_TABLE_NAME,
  );
}

export function awsMissionStore(base: AwsConfig): MissionStorePort {
  return new MissionStore(documentClient(), base.config.GANTRY_TABLE_NAME);
}

/** Human waits at approval gates (the mission table). */
export function awsApprovals(base: AwsConfig): ApprovalRepository {
  return new ApprovalStore(documentClient(), base.config.GANTRY_TABLE_NAME);
}

/** The builders' line (the mission table). */
export function awsBuilderLine(base: AwsConfig): BuilderLineStore {
  return new DynamoBuilderLineStore(documentClient(), base.config.GANTRY_TABLE_NAME);
}

/** Resumes or fails the mission execution's AwaitDecision task (SendTaskSuccess / SendTaskFailure). */
export function awsTaskTokens(base: AwsConfig): TaskTokens {
  return new StepFunctionsTaskTokens(new AwsJsonClient(SFN_SERVICE, { region: base.config.AWS_REGION }));
}

export function awsIdentityStore(base: AwsConfig): IdentityRepository {
  return new IdentityStore(documentClient(), base.config.GANTRY_TABLE_NAME);
}

export function awsDebuggerRuns(base: AwsConfig): DebuggerRunRepository {
  return new DebuggerRunStore(documentClient(), base.config.GANTRY_TABLE_NAME);
}

export function awsPasswordHasher(): PasswordHasher {
  return new Argon2PasswordHasher();
}

/** Seals Siri device secrets under a key read from an SSM SecureString parameter on first use. */
export function awsSecretBox(base: AwsConfig): SecretBox {
  return new AesGcmSecretBox(secureParameter(ssmClient(), base.config.GANTRY_DEVICE_KEY_PARAMETER, 'sealing device keys'));
}

export function awsArtifacts(base: AwsConfig): ArtifactStore {
  return new S3ArtifactStore(s3Client(), base.config.GANTRY_ARTIFACT_BUCKET);
}

/** Presigns each build attempt's job document and keys: the builder's only access to the bucket. */
export function awsBuildJobs(base: AwsConfig): BuildJobIssuer {
  return new S3BuildJobIssuer(s3Client(), base.config.GANTRY_ARTIFACT_BUCKET);
}

export function awsEvidenceStore(base: AwsBase): EvidenceStore {
  return new S3EvidenceStore(s3Client(), base.config.GANTRY_EVIDENCE_BUCKET, base.policy.policy.evidence.retention_days);
}

export function awsEvidenceSigner(base: AwsConfig): EvidenceSigner {
  return new KmsEvidenceSigner(
    new AwsJsonClient(KMS_SERVICE, { region: base.config.AWS_REGION }),
    base.config.GANTRY_EVIDENCE_KEY_ID,
  );
}

/** What the functions that seal a mission's evidence use (seal, record failure, ended execution). */
export function awsSealingServices() {
  const base = awsBase();
  return {
    ...base,
    store: awsMissionStore(base),
    artifacts: awsArtifacts(base),
    push: awsPush(base),
    evidence: awsEvidenceStore(base),
    signer: awsEvidenceSigner(base),
  };
}

export function awsWorkflow(base: AwsConfig): WorkflowPort {
  if (!base.config.GANTRY_STATE_MACHINE_ARN) {
    throw new ConfigError('Configuration: GANTRY_STATE_MACHINE_ARN is required by a function that starts or stops missions');
  }
  return new StepFunctionsWorkflow(
    new AwsJsonClient(SFN_SERVICE, { region: base.config.AWS_REGION }),
    base.config.GANTRY_STATE_MACHINE_ARN,
  );
}

export function awsPush(base: AwsConfig): PushPort {
  return new ApiGatewayPush(
    new ApiGatewayConnections({ region: base.config.AWS_REGION, endpoint: base.config.GANTRY_WS_ENDPOINT }),
  );
}

/** A third-party token, read from an SSM SecureString parameter only when a deploy or publish runs. */
function secretToken(name: string, purpose: string): TokenSource {
  return secureParameter(ssmClient(), name, purpose);
}

export function awsDeployer(base: AwsBase): Deployer {
  return new VercelDeployer(secretToken(base.config.GANTRY_VERCEL_TOKEN_PARAMETER, 'the Vercel token'), {
    apiUrl: base.config.GANTRY_VERCEL_API_URL,
    timeoutMs: base.policy.policy.deploy.timeout_seconds * 1000,
  });
}

export function awsPublisher(base: AwsConfig): Publisher {
  return new GitHubPublisher(
    secretToken(base.config.GANTRY_GITHUB_TOKEN_PARAMETER, 'the GitHub token'),
    base.config.GANTRY_GITHUB_REPO,
    base.config.GANTRY_GITHUB_API_URL || undefined,
  );
}
