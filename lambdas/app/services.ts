import type { GantryEnv } from '../config';
import type { LoadedPolicy } from '../domain/policy';
import type {
  AdvisorPort,
  ApprovalRepository,
  ArchitectPort,
  ArtifactStore,
  BuilderIsolation,
  BuilderLineStore,
  BuildJobIssuer,
  ConsultantPort,
  DebuggerRunRepository,
  Deployer,
  EvidenceSigner,
  EvidenceStore,
  IdentityRepository,
  MissionStorePort,
  PasswordHasher,
  PolicySource,
  Publisher,
  PushPort,
  SecretBox,
  SnippetRunner,
  TaskTokens,
  WorkflowPort,
} from '../domain/ports';

/**
 * Every port a use case may be handed. No function receives all of them: each use case names
 * the few it needs (`Pick<Services, …>`), and each function's entry builds only those, so a
 * bundle holds only the clients its own use cases call.
 */
export interface Services {
  readonly config: GantryEnv;
  /** The policy in force; replaced in place when `policySource` reloads (see `refreshPolicy`). */
  policy: LoadedPolicy;
  /** Where the policy is reloaded from without a redeploy (absent: fixed for the life of the process). */
  readonly policySource?: PolicySource;
  /** How builds are isolated (local stack only; absent in AWS, where every build is a Fargate task). */
  builderIsolation?: BuilderIsolation;
  /** Runs debugger snippets in the builder's sandbox (local stack only; absent in AWS). */
  readonly snippets?: SnippetRunner;
  readonly debuggerRuns: DebuggerRunRepository;
  readonly store: MissionStorePort;
  readonly artifacts: ArtifactStore;
  /** Gives each build attempt its presigned job (AWS) or names its job folder (local). */
  readonly buildJobs: BuildJobIssuer;
  readonly evidence: EvidenceStore;
  readonly signer: EvidenceSigner;
  readonly deployer: Deployer;
  readonly publisher: Publisher;
  readonly workflow: WorkflowPort;
  /** Resumes or fails a workflow task waiting for a person (SendTaskSuccess/Failure, or the local runner's registry). */
  readonly taskTokens: TaskTokens;
  /** The stack-wide line for builders (`policy.builder.concurrency` at once), in the mission table. */
  readonly builderLine: BuilderLineStore;
  /** Human waits at approval gates and the decisions that close them. */
  readonly approvals: ApprovalRepository;
  readonly push: PushPort;
  readonly architect: ArchitectPort;
  /** The CTO consultant: offline (deterministic) or a model behind the LLM boundary. */
  readonly consultant: ConsultantPort;
  /** Architecture Q&A (`POST /gantry/chat`). */
  readonly advisor: AdvisorPort;
  /** Which model answers: `offline` or `provider:model`. */
  readonly llm: string;
  /** Tenants, users, sessions, tickets, device keys, nonces, rate buckets, audit records. */
  readonly identity: IdentityRepository;
  readonly passwords: PasswordHasher;
  /** Seals Siri device secrets at rest. */
  readonly secretBox: SecretBox;
  readonly startedAt: number;
}

/** The policy in force and where it is reloaded from: what every request and step reads first. */
export type PolicyServices = Pick<Services, 'policy' | 'policySource'>;

/**
 * Brings `svc.policy` up to date with its source (a cheap no-op while the source's cache is
 * fresh). Workflow steps and the foundry's routes call it first, so a policy uploaded or edited
 * without a redeploy governs the next step.
 */
export async function refreshPolicy(svc: PolicyServices): Promise<LoadedPolicy> {
  if (svc.policySource) svc.policy = await svc.policySource.refresh();
  return svc.policy;
}
