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

/** Write-once storage for sealed evidence (S3 Object Lock in AWS, a write-once folder locally). */
export interface EvidenceStore {
  /** Fails with `WriteOnceError` if the key already exists. Returns a locator for the stored object. */
  putOnce(key: string, body: string): Promise<{ location: string; retainUntil: string }>;
  get(key: string): Promise<string | null>;
}

/** Signs evidence digests (KMS in AWS, a local key file locally). */
export interface EvidenceSigner {
  readonly keyId: string;
  readonly algorithm: string;
  sign(digestHex: string): Promise<string>;
  /** Public key (PEM) so auditors can verify offline. */
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
}

/** Starts and stops mission workflow executions (Step Functions in AWS, the local runner locally). */
export interface WorkflowPort {
  start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }>;
  stop(executionArn: string, cause: string): Promise<void>;
  /** Readiness check. */
  ping(): Promise<boolean>;
}

/** Pushes messages to WebSocket connections. Returns false when the connection is gone. */
export interface PushPort {
  post(connectionId: string, message: unknown): Promise<boolean>;
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
