import * as z from './domain/zod';
import { LLM_PROVIDERS } from './domain/llm';

/**
 * The one checked configuration module. Environment is read once and validated; a bad value
 * fails at start-up with a message naming the variable.
 *
 * `GANTRY_RUNTIME=aws` selects the AWS adapters (set by the CDK stack on every function);
 * anything else is the local stack, whose endpoints the local composition root fills in.
 */
const EnvSchema = z.object({
  GANTRY_RUNTIME: z._default(z.enum(['aws', 'local']), 'local'),
  AWS_REGION: z._default(z.string(), 'us-east-1'),
  GANTRY_TABLE_NAME: z._default(z.string().check(z.minLength(1)), 'gantry'),
  /** Manifests, build results, built output and design images. */
  GANTRY_ARTIFACT_BUCKET: z._default(z.string(), ''),
  /** Object Lock bucket for sealed evidence. */
  GANTRY_EVIDENCE_BUCKET: z._default(z.string(), ''),
  /** KMS asymmetric key (ECC_NIST_P256, SIGN_VERIFY) that signs evidence. */
  GANTRY_EVIDENCE_KEY_ID: z._default(z.string(), ''),
  GANTRY_STATE_MACHINE_ARN: z._default(z.string(), ''),
  /** HTTPS endpoint of the WebSocket API's @connections management API. */
  GANTRY_WS_ENDPOINT: z._default(z.string(), ''),
  /** SSM SecureString parameter holding the Vercel token (read by the deploy step only). */
  GANTRY_VERCEL_TOKEN_PARAMETER: z._default(z.string(), ''),
  /** SSM SecureString parameter holding the GitHub token (read by the publish step only). */
  GANTRY_GITHUB_TOKEN_PARAMETER: z._default(z.string(), ''),
  /** `owner/name` of the repository pull requests are opened on. */
  GANTRY_GITHUB_REPO: z._default(z.string(), ''),
  /** Endpoint of the Vercel REST API (override only for a proxy or a test double of the API). */
  GANTRY_VERCEL_API_URL: z._default(z.string().check(z.url()), 'https://api.vercel.com'),
  /** Endpoint of the GitHub REST API; set it for GitHub Enterprise Server (`https://<host>/api/v3`). */
  GANTRY_GITHUB_API_URL: z._default(z.string(), ''),
  GANTRY_BUILDER_CLUSTER_ARN: z._default(z.string(), ''),
  /** SSM SecureString parameter whose value seals Siri device keys at rest. */
  GANTRY_DEVICE_KEY_PARAMETER: z._default(z.string(), ''),
  /**
   * Key of a policy.yaml in the artifact bucket that overrides the bundled one. Only the
   * policy-publish function reads it: it validates each upload and stores the result in the table.
   */
  GANTRY_POLICY_S3_KEY: z._default(z.string(), ''),
  /**
   * How often (seconds) a function looks in the table for a published policy override; 0 never
   * does (the bundled policy stays in force).
   */
  GANTRY_POLICY_RELOAD_SECONDS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(3600)), 0),
  /** First-run bootstrap: when no user exists yet, these create the first owner of a first tenant. */
  GANTRY_ADMIN_EMAIL: z._default(z.string(), ''),
  GANTRY_ADMIN_PASSWORD: z._default(z.string(), ''),
  /**
   * The LLM boundary: `offline` (default: deterministic consultant and architect, no model),
   * `bedrock` (Converse with tool use) or `openai` (any OpenAI-compatible /v1/chat/completions).
   */
  GANTRY_LLM_PROVIDER: z._default(z.enum(LLM_PROVIDERS), 'offline'),
  /** Model id (Bedrock model or inference profile id; the served model's name for OpenAI-compatible servers). */
  GANTRY_LLM_MODEL: z._default(z.string(), ''),
  /** Base URL of an OpenAI-compatible server; for Bedrock, an optional endpoint override (e.g. a VPC endpoint). */
  GANTRY_LLM_ENDPOINT: z._default(z.string(), ''),
  /** Bearer key of an OpenAI-compatible server, if it needs one. Never logged. */
  GANTRY_LLM_API_KEY: z._default(z.string(), ''),
  /** How an OpenAI-compatible server is asked for structured output: a forced tool call, or response_format json_schema. */
  GANTRY_LLM_STRUCTURED_OUTPUT: z._default(z.enum(['tools', 'json_schema']), 'tools'),
  /** Per request, for workflow steps (architect drafts and heals). */
  GANTRY_LLM_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.gte(1000), z.lte(900_000)), 60_000),
  /** Per request, for requests a person waits on (consult, voice, chat): API Gateway gives up after 29 s. */
  GANTRY_LLM_INTERACTIVE_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.gte(1000), z.lte(28_000)), 12_000),
  /**
   * Total time of one model answer a person waits on (retries and repair included), so consult,
   * chat, voice and Siri answer within 25 s end to end, under API Gateway's 29 s.
   */
  GANTRY_LLM_INTERACTIVE_DEADLINE_MS: z._default(z.coerce.number().check(z.int(), z.gte(3000), z.lte(25_000)), 22_000),
  /** Retries after throttling or a transient error (interactive requests retry at most once). */
  GANTRY_LLM_MAX_RETRIES: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(10)), 3),
  /** Override the list price used for cost estimates (USD per million tokens); both or neither. */
  GANTRY_LLM_INPUT_PRICE_PER_MTOK: z.optional(z.coerce.number().check(z.gte(0))),
  GANTRY_LLM_OUTPUT_PRICE_PER_MTOK: z.optional(z.coerce.number().check(z.gte(0))),
  /** `llm`: the architect drafts and heals through the model too; `offline` (default): the template architect. */
  GANTRY_ARCHITECT: z._default(z.enum(['offline', 'llm']), 'offline'),
  /** Local stack only. */
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8787),
  GANTRY_HOST: z._default(z.string(), '127.0.0.1'),
  GANTRY_DATA_DIR: z._default(z.string(), './.gantry'),
  /** Public base URL of the local stack (defaults to http://HOST:PORT). */
  GANTRY_PUBLIC_URL: z._default(z.string(), ''),
  /**
   * Port of the local apps host, where each deployed app has its own origin
   * `http://<slug>.<GANTRY_APPS_DOMAIN>:<port>/`. Unset: PORT+1 if free, else any free port (0 with PORT=0).
   */
  GANTRY_APPS_PORT: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535))),
  /** Domain under which apps get their origins; `*.localhost` resolves to loopback in browsers and curl. */
  GANTRY_APPS_DOMAIN: z._default(
    z.string().check(z.regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, 'must be a DNS domain')),
    'localhost',
  ),
  /**
   * Local builds need a working bubblewrap sandbox and are refused without one; `none` is the
   * operator's explicit opt-in to unsandboxed builds (shown as "unsandboxed" everywhere).
   */
  GANTRY_SANDBOX: z._default(z.enum(['required', 'none']), 'required'),
  /**
   * `on`: the local stack's host programs (builder sandboxes, job disks, git) start from a small
   * helper process, so no fork of the stack blocks its event loop; `off` starts them from the
   * stack itself.
   */
  GANTRY_PROCESS_HELPER: z._default(z.enum(['on', 'off']), 'on'),
});

export type GantryEnv = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (default: `process.env`). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): GantryEnv {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const cfg = parsed.data;
  // Every AWS function reaches the artifact bucket; the state machine only those that start, stop or
  // describe executions, which require its ARN where they compose the workflow (awsWorkflow).
  if (cfg.GANTRY_RUNTIME === 'aws' && !cfg.GANTRY_ARTIFACT_BUCKET) {
    throw new ConfigError('Configuration: GANTRY_ARTIFACT_BUCKET is required when GANTRY_RUNTIME=aws');
  }
  if (cfg.GANTRY_LLM_PROVIDER === 'openai' && (!cfg.GANTRY_LLM_ENDPOINT || !cfg.GANTRY_LLM_MODEL)) {
    throw new ConfigError('Configuration: GANTRY_LLM_ENDPOINT and GANTRY_LLM_MODEL are required when GANTRY_LLM_PROVIDER=openai');
  }
  if (cfg.GANTRY_ARCHITECT === 'llm' && cfg.GANTRY_LLM_PROVIDER === 'offline') {
    throw new ConfigError('Configuration: GANTRY_ARCHITECT=llm needs a model: set GANTRY_LLM_PROVIDER to bedrock or openai');
  }
  if ((cfg.GANTRY_LLM_INPUT_PRICE_PER_MTOK === undefined) !== (cfg.GANTRY_LLM_OUTPUT_PRICE_PER_MTOK === undefined)) {
    throw new ConfigError(
      'Configuration: set both GANTRY_LLM_INPUT_PRICE_PER_MTOK and GANTRY_LLM_OUTPUT_PRICE_PER_MTOK, or neither',
    );
  }
  return cfg;
}
