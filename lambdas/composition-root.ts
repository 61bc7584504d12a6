import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { join, resolve } from 'node:path';
import { readConfig, type GantryEnv } from './config';
import { loadPolicyFile, type LoadedPolicy } from './domain/policy';
import type {
  AdvisorPort,
  ArchitectPort,
  ConsultantPort,
  ArtifactStore,
  Deployer,
  EvidenceSigner,
  EvidenceStore,
  Publisher,
  PolicySource,
  PushPort,
  SecretBox,
  SnippetRunner,
  WorkflowPort,
} from './domain/ports';
import { FileArtifactStore, S3ArtifactStore } from './adapters/artifact-store';
import { LocalStaticDeployer, VercelDeployer, type TokenSource } from './adapters/deployers';
import { FileEvidenceStore, KmsEvidenceSigner, LocalEvidenceSigner, S3EvidenceStore } from './adapters/evidence';
import { OfflineArchitect } from './adapters/offline-architect';
import { createLlmWiring } from './adapters/llm/llm-wiring';
import { MissionStore } from './adapters/mission-store';
import { GitHubPublisher, LocalGitPublisher } from './adapters/publishers';
import { ApiGatewayPush } from './adapters/push';
import { StepFunctionsWorkflow } from './adapters/workflow-sfn';
import { DebuggerRunStore } from './adapters/debugger-runs';
import { S3PolicySource } from './adapters/policy-source';
import { IdentityStore } from './adapters/identity-store';
import { Argon2PasswordHasher, type PasswordHasher } from './adapters/password-hasher';
import { AesGcmSecretBox, localKeyFile } from './adapters/secret-box';
import { secureParameter } from './adapters/parameter-store';

/** Everything a handler may use. Built once per process (Lambda container or local stack). */
export interface Services {
  readonly config: GantryEnv;
  /** The policy in force; replaced in place when `policySource` reloads (see `refreshPolicy`). */
  policy: LoadedPolicy;
  /** Where the policy is reloaded from without a redeploy (absent: fixed for the life of the process). */
  readonly policySource?: PolicySource;
  /** Runs debugger snippets in the builder's sandbox (local stack only; absent in AWS). */
  readonly snippets?: SnippetRunner;
  readonly debuggerRuns: DebuggerRunStore;
  readonly store: MissionStore;
  readonly artifacts: ArtifactStore;
  readonly evidence: EvidenceStore;
  readonly signer: EvidenceSigner;
  readonly deployer: Deployer;
  readonly publisher: Publisher;
  readonly workflow: WorkflowPort;
  readonly push: PushPort;
  readonly architect: ArchitectPort;
  /** The CTO consultant: offline (deterministic) or a model behind the LLM boundary. */
  readonly consultant: ConsultantPort;
  /** Architecture Q&A (`POST /gantry/chat`). */
  readonly advisor: AdvisorPort;
  /** Which model answers: `offline` or `provider:model`. */
  readonly llm: string;
  /** Tenants, users, sessions, tickets, device keys, nonces, rate buckets, audit records. */
  readonly identity: IdentityStore;
  readonly passwords: PasswordHasher;
  /** Seals Siri device secrets at rest. */
  readonly secretBox: SecretBox;
  readonly startedAt: number;
}

let current: Services | undefined;

/** The services of this process; on AWS they are created from the environment on first use. */
export function services(): Services {
  current ??= createAwsServices(readConfig());
  return current;
}

/** The local stack installs its services before it routes the first request. */
export function installServices(s: Services | undefined): void {
  current = s;
}

function docClient(dynamo: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
}

/** AWS adapters. Secrets are fetched only when a deploy or publish actually runs. */
export function createAwsServices(config: GantryEnv): Services {
  const region = config.AWS_REGION;
  const s3 = new S3Client({ region });
  // The bundled policy.yaml until an override is uploaded to the artifact bucket (then reloaded within a minute).
  const policySource = config.GANTRY_POLICY_S3_KEY
    ? new S3PolicySource(s3, config.GANTRY_ARTIFACT_BUCKET, config.GANTRY_POLICY_S3_KEY, loadPolicyFile())
    : undefined;
  const policy = policySource?.current() ?? loadPolicyFile();
  // Tokens and the device-key secret are SecureString parameters, read only when a step needs them.
  const ssm = new SSMClient({ region });
  const secret = (name: string, purpose: string): TokenSource => secureParameter(ssm, name, purpose);
  const doc = docClient(new DynamoDBClient({ region }));
  return withModels({
    config,
    policy,
    ...(policySource ? { policySource } : {}),
    debuggerRuns: new DebuggerRunStore(doc, config.GANTRY_TABLE_NAME),
    store: new MissionStore(doc, config.GANTRY_TABLE_NAME),
    identity: new IdentityStore(doc, config.GANTRY_TABLE_NAME),
    passwords: new Argon2PasswordHasher(),
    secretBox: new AesGcmSecretBox(secret(config.GANTRY_DEVICE_KEY_PARAMETER, 'sealing device keys')),
    artifacts: new S3ArtifactStore(s3, config.GANTRY_ARTIFACT_BUCKET),
    evidence: new S3EvidenceStore(s3, config.GANTRY_EVIDENCE_BUCKET, policy.policy.evidence.retention_days),
    signer: new KmsEvidenceSigner(new KMSClient({ region }), config.GANTRY_EVIDENCE_KEY_ID),
    deployer: new VercelDeployer(secret(config.GANTRY_VERCEL_TOKEN_PARAMETER, 'the Vercel token'), {
      timeoutMs: policy.policy.deploy.timeout_seconds * 1000,
    }),
    publisher: new GitHubPublisher(secret(config.GANTRY_GITHUB_TOKEN_PARAMETER, 'the GitHub token'), config.GANTRY_GITHUB_REPO),
    workflow: new StepFunctionsWorkflow(new SFNClient({ region }), config.GANTRY_STATE_MACHINE_ARN),
    push: new ApiGatewayPush(new ApiGatewayManagementApiClient({ region, endpoint: config.GANTRY_WS_ENDPOINT })),
    architect: new OfflineArchitect(),
    startedAt: Date.now(),
  });
}

/** What only the running local stack knows: its emulator endpoint, workflow runner and public URL. */
export interface LocalRuntime {
  readonly dynamoEndpoint: string;
  readonly workflow: WorkflowPort;
  readonly publicUrl: () => string;
}

/** Local adapters: everything under the data directory, no cloud account, no network. */
export function createLocalServices(config: GantryEnv, runtime: LocalRuntime, policy = loadPolicyFile()): Services {
  const dataDir = resolve(config.GANTRY_DATA_DIR);
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamo = new DynamoDBClient({ region: config.AWS_REGION, endpoint: runtime.dynamoEndpoint, credentials });
  const doc = docClient(dynamo);
  return withModels({
    config,
    policy,
    debuggerRuns: new DebuggerRunStore(doc, config.GANTRY_TABLE_NAME),
    store: new MissionStore(doc, config.GANTRY_TABLE_NAME),
    identity: new IdentityStore(doc, config.GANTRY_TABLE_NAME),
    passwords: new Argon2PasswordHasher(),
    secretBox: new AesGcmSecretBox(localKeyFile(join(dataDir, 'keys'))),
    artifacts: new FileArtifactStore(join(dataDir, 'artifacts')),
    evidence: new FileEvidenceStore(join(dataDir, 'evidence'), policy.policy.evidence.retention_days),
    signer: new LocalEvidenceSigner(join(dataDir, 'keys')),
    deployer: new LocalStaticDeployer(join(dataDir, 'apps'), runtime.publicUrl),
    publisher: new LocalGitPublisher(join(dataDir, 'git'), runtime.publicUrl),
    workflow: runtime.workflow,
    push: new ApiGatewayPush(
      new ApiGatewayManagementApiClient({ region: config.AWS_REGION, endpoint: runtime.publicUrl(), credentials }),
    ),
    architect: new OfflineArchitect(),
    startedAt: Date.now(),
  });
}

/**
 * Adds the consultant, the advisor and (with GANTRY_ARCHITECT=llm) the model architect chosen
 * by GANTRY_LLM_PROVIDER. The offline ones read the policy in force at each call.
 */
function withModels(base: Omit<Services, 'consultant' | 'advisor' | 'llm'>): Services {
  const svc = base as Services;
  const wiring = createLlmWiring(base.config, () => svc.policy.policy);
  return Object.assign(svc, {
    consultant: wiring.consultant,
    advisor: wiring.advisor,
    llm: wiring.description,
    architect: wiring.architect ?? base.architect,
  });
}

/**
 * Brings `svc.policy` up to date with its source (a cheap no-op while the source's cache is
 * fresh). Workflow steps and the foundry's routes call it first, so a policy uploaded or edited
 * without a redeploy governs the next step.
 */
export async function refreshPolicy(svc: Services): Promise<LoadedPolicy> {
  if (svc.policySource) svc.policy = await svc.policySource.refresh();
  return svc.policy;
}
