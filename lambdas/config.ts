import { z } from 'zod';

/**
 * The one checked configuration module. Environment is read once and validated; a bad value
 * fails at start-up with a message naming the variable.
 *
 * `GANTRY_RUNTIME=aws` selects the AWS adapters (set by the CDK stack on every function);
 * anything else is the local stack, whose endpoints the local composition root fills in.
 */
const EnvSchema = z.object({
  GANTRY_RUNTIME: z.enum(['aws', 'local']).default('local'),
  AWS_REGION: z.string().default('us-east-1'),
  GANTRY_TABLE_NAME: z.string().min(1).default('gantry'),
  /** Manifests, build results, built output and design images. */
  GANTRY_ARTIFACT_BUCKET: z.string().default(''),
  /** Object Lock bucket for sealed evidence. */
  GANTRY_EVIDENCE_BUCKET: z.string().default(''),
  /** KMS asymmetric key (ECC_NIST_P256, SIGN_VERIFY) that signs evidence. */
  GANTRY_EVIDENCE_KEY_ID: z.string().default(''),
  GANTRY_STATE_MACHINE_ARN: z.string().default(''),
  /** HTTPS endpoint of the WebSocket API's @connections management API. */
  GANTRY_WS_ENDPOINT: z.string().default(''),
  GANTRY_VERCEL_SECRET_ARN: z.string().default(''),
  GANTRY_GITHUB_SECRET_ARN: z.string().default(''),
  /** `owner/name` of the repository pull requests are opened on. */
  GANTRY_GITHUB_REPO: z.string().default(''),
  GANTRY_BUILDER_CLUSTER_ARN: z.string().default(''),
  /** Secrets Manager secret whose value seals Siri device keys at rest. */
  GANTRY_DEVICE_KEY_SECRET_ARN: z.string().default(''),
  /** Key of a policy.yaml in the artifact bucket that overrides the bundled one (reloaded with a short cache). */
  GANTRY_POLICY_S3_KEY: z.string().default(''),
  /** First-run bootstrap: when no user exists yet, these create the first owner of a first tenant. */
  GANTRY_ADMIN_EMAIL: z.string().default(''),
  GANTRY_ADMIN_PASSWORD: z.string().default(''),
  /** Local stack only. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  GANTRY_HOST: z.string().default('127.0.0.1'),
  GANTRY_DATA_DIR: z.string().default('./.gantry'),
  /** Public base URL of the local stack (defaults to http://HOST:PORT). */
  GANTRY_PUBLIC_URL: z.string().default(''),
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
  if (cfg.GANTRY_RUNTIME === 'aws') {
    for (const key of ['GANTRY_ARTIFACT_BUCKET', 'GANTRY_STATE_MACHINE_ARN'] as const) {
      if (!cfg[key]) throw new ConfigError(`Configuration: ${key} is required when GANTRY_RUNTIME=aws`);
    }
  }
  return cfg;
}
