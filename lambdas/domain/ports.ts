/**
 * The small ports the domain talks to. Each has an AWS adapter and a local adapter; the
 * composition root picks one set from configuration.
 */

/** Manifests, build results, built output and design images (S3 in AWS, the data dir locally). */
export interface ArtifactStore {
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /** `null` when the key does not exist. */
  get(key: string): Promise<Buffer | null>;
  /** Keys under a prefix, in lexical order. */
  list(prefix: string): Promise<string[]>;
}

/**
 * Hands one build attempt its inputs and outputs. On AWS it writes the attempt's job document of
 * presigned URLs (builder-image/src/build-job-document.ts) and returns a presigned GET of it, the
 * builder's only way into the bucket; locally the builder reads and writes its job folder and the
 * returned value only names the attempt.
 */
export interface BuildJobIssuer {
  issue(job: {
    readonly tenantId: string;
    readonly missionId: string;
    readonly attempt: number;
    /** How long the URLs must work: the Build state's whole timeout. */
    readonly validSeconds: number;
  }): Promise<string>;
}

/** Write-once storage for sealed evidence (S3 Object Lock in AWS, a write-once folder locally). */
export interface EvidenceStore {
  /** Fails with `WriteOnceError` if the key already exists. Returns a locator for the stored object. */
  putOnce(key: string, body: string): Promise<{ location: string; retainUntil: string }>;
  get(key: string): Promise<string | null>;
}

/**
 * Signs sealed evidence (KMS in AWS, a local key file locally): ECDSA P-256 with SHA-256 over the
 * given bytes (the DSSE pre-authentication encoding), DER signature in base64.
 */
export interface EvidenceSigner {
  /** The key as the signing service names it (the KMS key ARN, or `local:…`). */
  readonly keyId: string;
  readonly algorithm: string;
  sign(message: Buffer): Promise<string>;
  /** Public key (PEM) so auditors can verify offline; its SHA-256 fingerprint is the envelope's keyid. */
  publicKeyPem(): Promise<string>;
}

export interface DeployFile {
  readonly path: string;
  readonly body: Buffer;
}

/** Puts built output on a live URL (Vercel in AWS mode, the local static host locally). */
export interface Deployer {
  readonly name: string;
  deploy(input: {
    slug: string;
    files: readonly DeployFile[];
    missionId: string;
  }): Promise<{ url: string; deploymentId: string }>;
  /** How the workflow reaches a deployed URL to check it is live (default: `fetch`). */
  probe?(url: string): Promise<{ status: number; body: string }>;
}

export interface PublishFile {
  readonly path: string;
  readonly content: Buffer;
}

/** Opens a pull request on a new branch; never writes to the default branch. */
export interface Publisher {
  readonly name: string;
  publish(input: {
    branch: string;
    title: string;
    body: string;
    files: readonly PublishFile[];
    missionId: string;
    /** The mission's tenant: the local publisher keeps one repository per tenant. */
    tenantId: string;
  }): Promise<{ branch: string; prUrl: string; prNumber: number; commitSha: string; defaultBranch: string }>;
  /**
   * The mission's pull request as people read it: title, body and every file with its unified diff
   * against the base branch. Null when the mission has no pull request here.
   */
  describePull(input: {
    tenantId: string;
    missionId: string;
    branch: string | null;
    prUrl: string | null;
  }): Promise<PullDescription | null>;
}

/** One changed file of a pull request (`patch`: its unified diff hunks, empty for a binary file). */
export interface PullFile {
  readonly path: string;
  readonly status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  readonly additions: number;
  readonly deletions: number;
  readonly patch: string;
}

/** What `GET /gantry/missions/{id}/pull` returns. */
export interface PullDescription {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly head: string;
  readonly base: string;
  readonly head_sha: string;
  readonly url: string;
  readonly files: readonly PullFile[];
}

/** Starts and stops mission workflow executions (Step Functions in AWS, the local runner locally). */
export interface WorkflowPort {
  start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }>;
  stop(executionArn: string, cause: string): Promise<void>;
  /** Readiness check. */
  ping(): Promise<boolean>;
}

/**
 * Completes a workflow task that waits for a task token (`.waitForTaskToken`): Step Functions'
 * SendTaskSuccess / SendTaskFailure on AWS, the local runner's durable token registry locally.
 * Both refuse a token that is unknown or no longer waiting (`TaskTokenClosedError`).
 */
export interface TaskTokens {
  sendSuccess(token: string, output: Record<string, unknown>): Promise<void>;
  sendFailure(token: string, error: string, cause: string): Promise<void>;
}

/** Pushes messages to WebSocket connections. Returns false when the connection is gone. */
export interface PushPort {
  post(connectionId: string, message: unknown): Promise<boolean>;
  /** Closes a connection (false when it was already gone). */
  disconnect(connectionId: string): Promise<boolean>;
}

/** Drafts and heals app manifests (Bedrock or an OpenAI-compatible model in the cloud, the offline generator locally). */
export interface ArchitectPort {
  readonly name: string;
  /**
   * `kind`, `features` and `designTarget` come from a confirmed consultation plan: the draft must
   * build exactly that. `onUsage` receives the token usage of every model call the draft made.
   */
  draft(input: {
    prompt: string;
    kind?: string;
    features?: readonly string[];
    designTarget?: string | null;
    /** The app spec of a confirmed plan (unknown data: each architect parses it with AppSpecSchema). */
    appSpec?: unknown;
    onUsage?: (usage: import('./llm').LlmCallUsage) => void;
  }): Promise<import('./manifest').GantryManifest>;
  /** A patched manifest, or null when no fix can be proposed. */
  heal(input: {
    manifest: import('./manifest').GantryManifest;
    failingCommand: string;
    logTail: string;
    prompt: string;
    onUsage?: (usage: import('./llm').LlmCallUsage) => void;
  }): Promise<import('./manifest').GantryManifest | null>;
}

/** One turn of the CTO consultation: the offline consultant, or a model behind the LLM boundary. */
export interface ConsultantPort {
  readonly name: string;
  consult(input: import('./consultation').ConsultantInput): Promise<{
    response: import('./consultation').ConsultantResponse;
    /** Null for the offline consultant (no model, no cost). */
    usage: import('./llm').LlmCallUsage | null;
  }>;
}

/** Architecture questions and answers (`POST /gantry/chat`); never builds anything. */
export interface AdvisorPort {
  readonly name: string;
  answer(input: { message: string }): Promise<{ answer: string; topics: string[]; usage: import('./llm').LlmCallUsage | null }>;
}

/** Seals small secrets at rest (device keys): AES-GCM under a key from Secrets Manager in AWS, a local key file locally. */
export interface SecretBox {
  /** `context` is bound to the sealed value; `open` fails unless it is given the same context. */
  seal(plaintext: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
}

/**
 * Where the policy in force comes from, reloaded without a redeploy: the policy file, watched
 * (local), or an object in S3 fetched with a short cache (AWS). An invalid new policy is refused
 * and the last good one stays in force.
 */
export interface PolicySource {
  /** Where the policy is read from (a path or an s3:// URL). */
  readonly location: string;
  current(): import('./policy').LoadedPolicy;
  /** Re-reads the source when its cache is stale; resolves with the policy in force. */
  refresh(): Promise<import('./policy').LoadedPolicy>;
  /** Hears every new valid policy. */
  onChange(listener: (policy: import('./policy').LoadedPolicy) => void): void;
  close(): void;
}

/** Runs a code snippet in the builder's sandbox (the debugger, seed 003). */
export interface SnippetRunner {
  run(input: {
    code: string;
    language: 'javascript' | 'shell';
    timeoutMs: number;
    limits: { memory_mb: number; cpu_percent: number; max_pids: number };
    maxOutputBytes: number;
  }): Promise<{
    stdout: string;
    stderr: string;
    exit_code: number | null;
    end_reason: import('./build-result').EndReason;
    duration_ms: number;
  }>;
}

/**
 * How builds are isolated in this deployment. `sandboxed`: a Fargate task (AWS) or the bubblewrap
 * sandbox (local). `unsandboxed`: no working sandbox, and the operator opted in to plain processes
 * (`GANTRY_SANDBOX=none`). `unavailable`: no working sandbox and no opt-in: builds are refused.
 */
export interface BuilderIsolation {
  readonly mode: 'sandboxed' | 'unsandboxed' | 'unavailable';
  /** One line for people: what isolates builds, or what is missing and how to fix it. */
  readonly detail: string;
}

// --- Repositories ---------------------------------------------------------------------------
// The record shapes below are still declared next to their DynamoDB adapters; these are
// type-only imports (erased at build time), so no bundle pulls an adapter through a port.
type MissionPatch = import('../adapters/mission-store').MissionPatch;
type BuilderLine = import('./builder-line').BuilderLine;
type NewEvent = import('../adapters/mission-store').NewEvent;
type Subscription = import('../adapters/mission-store').Subscription;
type Mission = import('./mission').Mission;
type MissionEvent = import('./mission').MissionEvent;
type TenantRecord = import('../adapters/identity-store').TenantRecord;
type UserRecord = import('../adapters/identity-store').UserRecord;
type GrantRecord = import('../adapters/identity-store').GrantRecord;
type DeviceKeyRecord = import('../adapters/identity-store').DeviceKeyRecord;
type AuditRecord = import('../adapters/identity-store').AuditRecord;
type RefusalTallyInput = import('../adapters/identity-store').RefusalTallyInput;
type DebuggerRun = import('../adapters/debugger-runs').DebuggerRun;

/** Missions and their hash-chained events, every key under the tenant. */
export interface MissionRepository {
  createMission(input: {
    tenantId: string;
    missionId: string;
    prompt: string;
    options: import('./mission').MissionOptions;
    policyHash: string;
    speech: string;
    status?: import('./mission').MissionStatus;
    /** The mission this one retries. */
    retryOf?: string;
    /** More fields for the new record (a consultation's empty conversation and plan). */
    extra?: MissionPatch;
  }): Promise<Mission>;
  getMission(tenantId: string, missionId: string): Promise<Mission | null>;
  /** Fails with `NotFoundError` when the tenant has no such mission. */
  requireMission(tenantId: string, missionId: string): Promise<Mission>;
  listMissions(tenantId: string, limit?: number): Promise<Mission[]>;
  /** The tenant's listed (not cleared) missions, newest first, at most `cap`: what a search looks through. */
  listMissionsForSearch(tenantId: string, cap: number): Promise<{ missions: Mission[]; truncated: boolean }>;
  /** Hides a final mission from lists and search (soft); 409 MISSION_NOT_FINAL unless it ended. */
  clearMission(tenantId: string, missionId: string): Promise<{ cleared_at: string }>;
  patchMission(tenantId: string, missionId: string, patch: MissionPatch): Promise<void>;
  /** Appends the next event of the chain (never forks it); may move the mission's status. */
  appendEvent(tenantId: string, missionId: string, input: NewEvent): Promise<MissionEvent>;
  lastEvent(tenantId: string, missionId: string): Promise<MissionEvent | null>;
  listEvents(tenantId: string, missionId: string, afterSeq?: number, limit?: number): Promise<MissionEvent[]>;
  /** The event appended with this idempotency key, if any (a re-run step finds its own work). */
  eventByIdempotencyKey(tenantId: string, missionId: string, key: string): Promise<MissionEvent | null>;
  /**
   * Brings the mission item forward to its event log (a writer stopped between appending an
   * event and moving the item). Returns the mission as it now stands.
   */
  settle(tenantId: string, missionId: string, upTo?: number): Promise<Mission | null>;
}

/** A mission's current human wait: one item per mission, replaced by each new wait. */
export interface ApprovalWait {
  readonly tenant_id: string;
  readonly mission_id: string;
  /** Names the wait (gate, attempt, first or escalated): a re-invoked step finds its own wait. */
  readonly wait_id: string;
  readonly gate: string;
  readonly roles: string[];
  readonly requested_at: string;
  readonly expires_at: string;
  readonly on_timeout: 'reject' | 'approve' | 'escalate';
  readonly escalated: boolean;
  /** The workflow task token that resumes the mission (never shown to API callers). */
  readonly task_token: string;
  readonly context_digest: string;
  readonly prompt: string;
  /** `waiting` until a decision, a timeout or a cancel closes it. */
  readonly state: 'waiting' | 'decided' | 'timed_out' | 'cancelled';
  readonly decision?: {
    readonly decision: import('./approval').Decision;
    readonly actor: string;
    readonly actor_email: string;
    readonly role: string;
    readonly justification: string;
    readonly decided_at: string;
    readonly context_digest: string;
  };
}

/** The one stored line for builders (see domain/builder-line.ts). */
export interface BuilderLineStore {
  read(): Promise<BuilderLine>;
  /** Stores `line` as version `expected + 1` if the stored version is still `expected`; false when it moved. */
  write(line: BuilderLine, expected: number): Promise<boolean>;
}

/** Human waits and the decisions that close them. */
export interface ApprovalRepository {
  /** Stores a new wait (replacing a closed one) or, for the same `wait_id`, the fresh task token. */
  putWait(wait: ApprovalWait): Promise<void>;
  getWait(tenantId: string, missionId: string): Promise<ApprovalWait | null>;
  /**
   * Closes a waiting wait with a decision, only if it still waits on `taskToken`: exactly one of
   * two racing decisions wins (true); the other finds it closed (false).
   */
  claimDecision(
    tenantId: string,
    missionId: string,
    taskToken: string,
    decision: NonNullable<ApprovalWait['decision']>,
  ): Promise<boolean>;
  /** Closes a waiting wait without a decision (timed out, cancelled); false when it was not waiting. */
  closeWait(tenantId: string, missionId: string, state: 'timed_out' | 'cancelled'): Promise<boolean>;
  /** The tenant's open waits, oldest first. */
  listWaits(tenantId: string): Promise<ApprovalWait[]>;
}

/** WebSocket connections and the missions they follow. */
export interface SubscriptionRepository {
  /** Records a connection under its tenant and, when it was opened with one, its session. */
  putConnection(connectionId: string, tenantId: string, sessionKey?: string): Promise<void>;
  /** The connections a session opened (logging out closes them). */
  connectionsOfSession(sessionKey: string): Promise<string[]>;
  getConnectionTenant(connectionId: string): Promise<string | null>;
  subscribe(tenantId: string, missionId: string, connectionId: string): Promise<void>;
  subscriptions(tenantId: string, missionId: string): Promise<Subscription[]>;
  removeConnection(connectionId: string): Promise<void>;
  connectionCount(): Promise<number>;
}

/** The mission store as the handlers see it: missions, events and live subscriptions. */
export type MissionStorePort = MissionRepository & SubscriptionRepository;

export interface TenantRepository {
  createTenant(name: string): Promise<TenantRecord>;
  getTenant(tenantId: string): Promise<TenantRecord | null>;
}

export interface UserRepository {
  createUser(input: {
    email: string;
    tenantId: string;
    role: import('./identity').Role;
    passwordHash: string;
  }): Promise<UserRecord>;
  getUser(email: string): Promise<UserRecord | null>;
  listUsers(tenantId: string): Promise<UserRecord[]>;
  userSummary(): Promise<{ userCount: number; operatorTenantId: string | null }>;
}

/** Sessions and single-use WebSocket tickets, keyed by the hash of their secret. */
export interface SessionRepository {
  putSession(key: string, grant: GrantRecord): Promise<void>;
  getSession(key: string): Promise<GrantRecord | null>;
  deleteSession(key: string): Promise<void>;
  putTicket(key: string, grant: GrantRecord): Promise<void>;
  /** The ticket's grant, at most once. */
  consumeTicket(key: string): Promise<GrantRecord | null>;
  /** Remembers that `email` logged in successfully from `source` (for `ttlSeconds`). */
  rememberGoodSource(email: string, source: string, ttlSeconds: number): Promise<void>;
  /** Whether `email` logged in successfully from `source` recently. */
  isGoodSource(email: string, source: string): Promise<boolean>;
}

/** Siri device keys and the nonces that make each signed request single-use. */
export interface DeviceKeyRepository {
  putDevice(device: DeviceKeyRecord): Promise<void>;
  getDevice(keyId: string): Promise<DeviceKeyRecord | null>;
  listDevices(tenantId: string): Promise<DeviceKeyRecord[]>;
  revokeDevice(input: { tenantId: string; keyId: string; userId: string; anyUser: boolean }): Promise<boolean>;
  touchDevice(keyId: string, lastMissionId: string | null): Promise<void>;
  /** True the first time a nonce is seen within `ttlSeconds`. */
  claimNonce(keyId: string, nonce: string, ttlSeconds: number): Promise<boolean>;
}

/** Token buckets of the rate limiter. */
export interface RateBucketRepository {
  takeToken(scope: string, rate: import('./token-bucket').BucketRate): Promise<import('./token-bucket').TakeResult>;
  resetBucket(scope: string): Promise<void>;
}

/** Security-relevant decisions, per tenant (or unattributed). */
export interface AuditLog {
  putAudit(input: Omit<AuditRecord, 'audit_id' | 'at'>): Promise<AuditRecord>;
  /** Counts a refusal of an unproven caller in a short-lived tally instead of an item of its own. */
  tallyRefusal(input: RefusalTallyInput): Promise<AuditRecord>;
  listAudit(tenantId: string | null, limit?: number): Promise<AuditRecord[]>;
}

/** Tenants, users, sessions, tickets, device keys, nonces, rate buckets and audit records. */
export type IdentityRepository = TenantRepository &
  UserRepository &
  SessionRepository &
  DeviceKeyRepository &
  RateBucketRepository &
  AuditLog;

/** Debugger runs, per tenant, newest first. */
export interface DebuggerRunRepository {
  /** Stores a run (long output cut to what a record may hold) and returns it as stored. */
  put(run: Omit<DebuggerRun, 'truncated'>): Promise<DebuggerRun>;
  list(tenantId: string, limit: number): Promise<DebuggerRun[]>;
  search(tenantId: string, query: string, limit: number): Promise<DebuggerRun[]>;
}

/** Hashes and verifies passwords (Argon2id). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time inside the library; false for a malformed hash too. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Burns the time of one verification, so an unknown email answers as slowly as a wrong password. */
  verifyDummy(password: string): Promise<void>;
}
