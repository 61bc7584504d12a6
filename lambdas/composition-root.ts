import { join, resolve } from 'node:path';
import type { GantryEnv } from './config';
import { loadPolicyFile } from './domain/policy-file';
import type { TaskTokens, WorkflowPort } from './domain/ports';
import type { DynamoDocumentClient } from './adapters/dynamo-client';
import { ApprovalStore } from './adapters/approval-store';
import { DynamoBuilderLineStore } from './adapters/builder-line-store';
import { FileArtifactStore } from './adapters/artifact-store';
import { LocalBuildJobIssuer } from './adapters/build-job-issuer';
import { LocalStaticDeployer } from './adapters/deployers';
import { FileEvidenceStore, LocalEvidenceSigner } from './adapters/evidence';
import { MissionStore } from './adapters/mission-store';
import { LocalGitPublisher, type StartProcess } from './adapters/publishers';
import { ApiGatewayPush, type ApiGatewayConnections } from './adapters/push';
import { DebuggerRunStore } from './adapters/debugger-runs';
import { IdentityStore } from './adapters/identity-store';
import { Argon2PasswordHasher } from './adapters/password-hasher';
import { AesGcmSecretBox, localKeyFile } from './adapters/secret-box';
import type { Services } from './app/services';
import { withArchitect, withModels } from './composition/models';

export type { Services } from './app/services';

/**
 * The local runtime's composition root: every port at once, since one process serves every
 * route and step. In AWS each function composes only its own ports (`lambdas/functions/*.ts`).
 */

/** What only the running local stack knows: its emulators' clients, workflow runner and public URLs. */
export interface LocalRuntime {
  /** A client of the embedded store (its own socket and per-start credential). */
  readonly dynamo: DynamoDocumentClient;
  /** A client of the local `@connections` API (it presents the per-start key). */
  readonly managementApi: ApiGatewayConnections;
  readonly workflow: WorkflowPort;
  /** The local runner's task tokens (what resumes a workflow waiting for a person). */
  readonly taskTokens: TaskTokens;
  readonly publicUrl: () => string;
  /** The public URL of a deployed app (each app has its own origin). */
  readonly appUrl: (slug: string) => string;
  /** Starts the local publisher's git programs (default: node's spawn, from this process). */
  readonly startProcess?: StartProcess;
}

/** Local adapters: everything under the data directory, no cloud account, no network. */
export function createLocalServices(config: GantryEnv, runtime: LocalRuntime, policy = loadPolicyFile()): Services {
  const dataDir = resolve(config.GANTRY_DATA_DIR);
  const doc = runtime.dynamo;
  return withArchitect(
    withModels({
      config,
      policy,
      debuggerRuns: new DebuggerRunStore(doc, config.GANTRY_TABLE_NAME),
      // One process writes every subscription here, so the store may remember subscribers.
      store: new MissionStore(doc, config.GANTRY_TABLE_NAME, undefined, { rememberSubscribers: true }),
      identity: new IdentityStore(doc, config.GANTRY_TABLE_NAME),
      passwords: new Argon2PasswordHasher(),
      secretBox: new AesGcmSecretBox(localKeyFile(join(dataDir, 'keys'))),
      artifacts: new FileArtifactStore(join(dataDir, 'artifacts')),
      buildJobs: new LocalBuildJobIssuer(),
      evidence: new FileEvidenceStore(join(dataDir, 'evidence'), policy.policy.evidence.retention_days),
      signer: new LocalEvidenceSigner(join(dataDir, 'keys')),
      deployer: new LocalStaticDeployer(join(dataDir, 'apps'), runtime.appUrl),
      publisher: new LocalGitPublisher(join(dataDir, 'git'), runtime.publicUrl, runtime.startProcess),
      workflow: runtime.workflow,
      taskTokens: runtime.taskTokens,
      approvals: new ApprovalStore(doc, config.GANTRY_TABLE_NAME),
      builderLine: new DynamoBuilderLineStore(doc, config.GANTRY_TABLE_NAME),
      push: new ApiGatewayPush(runtime.managementApi),
      startedAt: Date.now(),
    }),
  );
}
