import * as z from './zod';
import { BuilderLimitsSchema } from './builder-limits';
import { isValidGlob } from './path-glob';
import { compileGuardrailPattern } from './guardrails';
import { RoleSchema } from './identity';

/** A token bucket: at most `capacity` requests at once, `refill_per_minute` more per minute. */
const BucketSchema = z.strictObject({
  capacity: z.number().check(z.int(), z.gte(1), z.lte(100_000)),
  refill_per_minute: z.number().check(z.gte(0), z.lte(100_000)),
});

/** Sessions, WebSocket tickets, passwords and login throttling. */
const AuthPolicySchema = z.strictObject({
  session_ttl_seconds: z.number().check(z.int(), z.gte(1), z.lte(2_592_000)),
  ws_ticket_ttl_seconds: z.number().check(z.int(), z.gte(1), z.lte(600)),
  min_password_length: z.number().check(z.int(), z.gte(8), z.lte(1024)),
  /** Login attempts per account (a success refills it). */
  login_per_account: BucketSchema,
  /** Login attempts per source IP. */
  login_per_source: BucketSchema,
});

/**
 * Per-user buckets on the routes that spend model tokens or builder time, by name
 * (`architect`, `siri`, `consult`, `voice`, `retry`, …); `default` covers a name not listed.
 */
const RateLimitsSchema = z.catchall(z.object({ default: BucketSchema }), BucketSchema);

/** The content deny list: named categories, each with patterns (regular expressions) and the reason given to the caller. */
const GuardrailsSchema = z.strictObject({
  categories: z
    .array(
      z.strictObject({
        name: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'category names are kebab-case')),
        reason: z.string().check(z.minLength(10)),
        patterns: z
          .array(
            z.string().check(
              z.refine(
                (p) => {
                  try {
                    compileGuardrailPattern(p);
                    return true;
                  } catch {
                    return false;
                  }
                },
                { message: 'not a valid regular expression' },
              ),
            ),
          )
          .check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});

/** The signed Siri endpoint. */
const SiriPolicySchema = z
  .strictObject({
    max_body_bytes: z.number().check(z.int(), z.gte(64), z.lte(65_536)),
    timestamp_tolerance_seconds: z.number().check(z.int(), z.gte(10), z.lte(3600)),
    /** How long a used nonce is remembered; must cover the whole timestamp window on both sides. */
    nonce_ttl_seconds: z.number().check(z.int(), z.gte(20), z.lte(86_400)),
  })
  .check(
    z.refine((s) => s.nonce_ttl_seconds >= 2 * s.timestamp_tolerance_seconds, {
      message: 'nonce_ttl_seconds must be at least twice timestamp_tolerance_seconds',
      path: ['nonce_ttl_seconds'],
    }),
  );

const RuleNameSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'rule names are kebab-case'));
const GlobSchema = z.string().check(z.minLength(1), z.refine(isValidGlob, { message: 'not a valid glob' }));

/**
 * A forbidden code pattern: a named regular expression (JavaScript syntax, matched against each
 * text file whose path matches one of `files`) and the reason the gate gives when it matches.
 */
const ForbiddenPatternSchema = z
  .strictObject({
    name: RuleNameSchema,
    reason: z.string().check(z.minLength(10)),
    regex: z.string().check(z.minLength(1)),
    /** Extra flags: any of `i`, `s`, `u` (the gate always adds `g` and `m`). */
    flags: z._default(z.string().check(z.regex(/^[isu]*$/, 'flags may only be i, s, u')), ''),
    files: z.array(GlobSchema).check(z.minLength(1)),
    /** Also scan the manifest's audit, build and run commands. */
    commands: z._default(z.boolean(), false),
  })
  .check(
    z.refine(
      (p) => {
        try {
          new RegExp(p.regex, `gm${p.flags}`);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'regex is not a valid regular expression', path: ['regex'] },
    ),
  );

/** Dependencies a generated app may declare, each at exactly this version (the builder installs offline from a cache warmed with them). */
const DependencyPolicySchema = z.strictObject({
  allowed: z.record(
    z.string().check(z.regex(/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/)),
    z.string().check(z.minLength(1)),
  ),
  /** Refuse package.json lifecycle scripts that run at install time (preinstall, install, postinstall, prepare). */
  forbid_install_scripts: z.boolean(),
});

const ExtensionSchema = z.string().check(z.regex(/^[a-z0-9]{1,16}$/, 'extensions are lowercase, without the dot'));

/**
 * The files a stack needs, by type. Anything else (shell scripts, binaries, `.so`, `.exe`, `.py`)
 * is refused: a static web app has no use for them, and a payload hides best in a file nothing
 * reads. Text types are scanned (a base64-encoded text file is decoded first); binary types are
 * checked by content so an executable cannot pass as an image.
 */
const StackProfileSchema = z
  .strictObject({
    text_extensions: z.array(ExtensionSchema).check(z.minLength(1)),
    binary_extensions: z.array(ExtensionSchema),
    /** Whole file names allowed without one of the extensions (`LICENSE`, `.gitignore`). */
    file_names: z._default(z.array(z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/))), []),
    /**
     * Programs a package.json script may start (first word of each command of the script);
     * the builder runs `npm test` and `npm run build`, which run these scripts in the sandbox.
     */
    script_programs: z.array(z.string().check(z.regex(/^[a-z0-9._-]{1,32}$/))).check(z.minLength(1)),
  })
  .check(
    z.refine((p) => !p.text_extensions.some((e) => p.binary_extensions.includes(e)), {
      message: 'an extension may be text or binary, not both',
    }),
  );

/**
 * The policy gate's syntax-tree rules for JavaScript (parsed with a real parser, so code that
 * builds a module name or a piece of code at run time is seen for what it is).
 */
const CodeAnalysisSchema = z.strictObject({
  /** Files parsed as JavaScript: `.mjs` as a module, `.cjs` as a script, anything else as either. */
  files: z.array(GlobSchema).check(z.minLength(1)),
  /** Pages whose inline `<script>` bodies are parsed the same way. */
  html_files: z.array(GlobSchema),
  /** Modules refused by name (a `node:` prefix and subpaths are ignored), grouped under the rule that names them. */
  forbidden_modules: z
    .array(
      z.strictObject({
        rule: RuleNameSchema,
        reason: z.string().check(z.minLength(10)),
        modules: z.array(z.string().check(z.regex(/^[a-z0-9_.-]{1,64}$/))).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
  /** Environment variables generated code may read by name; any other read (or a computed one, or the whole object) is refused. */
  allowed_env: z.array(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/))),
});

/** Per-mission spending caps; a mission that would pass one stops with BUDGET_EXCEEDED. */
const BudgetPolicySchema = z.strictObject({
  max_tokens: z.number().check(z.int(), z.gte(0)),
  max_cost_usd: z.number().check(z.gte(0)),
  max_builder_seconds: z.number().check(z.int(), z.gte(1)),
});

/** Limits of the debugger's snippet runs (seed 003). */
const DebuggerPolicySchema = z.strictObject({
  timeout_seconds: z.number().check(z.int(), z.gte(1), z.lte(60)),
  memory_mb: z.number().check(z.int(), z.gte(16), z.lte(2048)),
  cpu_percent: z.number().check(z.int(), z.gte(5), z.lte(200)),
  max_pids: z.number().check(z.int(), z.gte(4), z.lte(1024)),
  max_code_bytes: z.number().check(z.int(), z.gte(64), z.lte(1_000_000)),
  max_output_bytes: z.number().check(z.int(), z.gte(256), z.lte(1_000_000)),
});

/** Where a human gate stands in the workflow: before the Deploy state or before the Publish state. */
export const APPROVAL_GATE_NAMES = ['before-deploy', 'before-publish'] as const;
export type ApprovalGateName = (typeof APPROVAL_GATE_NAMES)[number];

/**
 * One human gate. `when` says which missions it stops: all of them, those that needed a heal,
 * those for which a policy rule was overridden, or those whose spend so far passes `cost_usd_over`.
 * Only a user whose role is listed may decide. When nobody decides within `timeout_s`, the gate
 * rejects, approves, or waits again for the `escalate_to` roles (and rejects if they too are silent).
 */
const ApprovalGateSchema = z
  .strictObject({
    name: z.enum(APPROVAL_GATE_NAMES),
    when: z.enum(['always', 'healed', 'overridden_rule', 'cost_over']),
    cost_usd_over: z.optional(z.number().check(z.gte(0))),
    roles: z.array(RoleSchema).check(z.minLength(1)),
    /** Step Functions waits at most a year for a task token; a gate may not ask for longer. */
    timeout_s: z.number().check(z.int(), z.gte(1), z.lte(31_536_000)),
    on_timeout: z.enum(['reject', 'approve', 'escalate']),
    escalate_to: z.optional(z.array(RoleSchema).check(z.minLength(1))),
  })
  .check(
    z.refine((g) => g.when !== 'cost_over' || g.cost_usd_over !== undefined, {
      message: 'a cost_over gate needs cost_usd_over',
      path: ['cost_usd_over'],
    }),
    z.refine((g) => g.on_timeout !== 'escalate' || g.escalate_to !== undefined, {
      message: 'on_timeout: escalate needs escalate_to',
      path: ['escalate_to'],
    }),
  );
export type ApprovalGate = z.infer<typeof ApprovalGateSchema>;

/** Human gates inside the workflow; none by default (the workflow runs through). */
const ApprovalsSchema = z.strictObject({ gates: z.array(ApprovalGateSchema) }).check(
  z.refine((a) => new Set(a.gates.map((g) => g.name)).size === a.gates.length, {
    message: 'each gate name may appear once',
    path: ['gates'],
  }),
);

/** Schema of `policy.yaml`. Unknown keys are refused so a typo never silently disables a rule. */
export const PolicySchema = z
  .strictObject({
    version: z.literal(1),
    builder: z.strictObject({ ...BuilderLimitsSchema.shape, concurrency: z.number().check(z.int(), z.gte(1), z.lte(32)) }),
    mission: z.strictObject({
      timeout_seconds: z.number().check(z.int(), z.gte(10), z.lte(86400)),
      max_attempts: z.number().check(z.int(), z.gte(1), z.lte(10)),
    }),
    api: z.strictObject({
      max_body_bytes: z.number().check(z.int(), z.gte(256), z.lte(6_000_000)),
      max_prompt_chars: z.number().check(z.int(), z.gte(10)),
      /**
       * A design image sent with a consultation (decoded bytes). Its base64 form rides in the
       * request, and Lambda's synchronous payload is at most 6 MB, hence the cap.
       */
      max_image_bytes: z.number().check(z.int(), z.gte(1024), z.lte(4_000_000)),
    }),
    stacks: z
      .strictObject({
        allowed: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
        /** What files each stack may hold; every allowed stack needs one. */
        profiles: z.record(z.string().check(z.minLength(1)), StackProfileSchema),
      })
      .check(
        z.refine((s) => s.allowed.every((name) => Object.hasOwn(s.profiles, name)), {
          message: 'every stack in stacks.allowed needs a profile in stacks.profiles',
          path: ['profiles'],
        }),
      ),
    code_analysis: CodeAnalysisSchema,
    files: z.strictObject({
      max_count: z.number().check(z.int(), z.gte(1)),
      max_total_bytes: z.number().check(z.int(), z.gte(1)),
      max_file_bytes: z.number().check(z.int(), z.gte(1)),
      /** Path rules: globs no manifest file may match (CI configuration, git hooks, package-manager settings). */
      protected_paths: z.array(GlobSchema),
    }),
    evidence: z.strictObject({ retention_days: z.number().check(z.int(), z.gte(1), z.lte(36500)) }),
    deploy: z.strictObject({
      timeout_seconds: z.number().check(z.int(), z.gte(5), z.lte(900)),
      verify_attempts: z.number().check(z.int(), z.gte(1), z.lte(10)),
    }),
    forbidden_patterns: z.array(ForbiddenPatternSchema),
    dependencies: DependencyPolicySchema,
    budget: BudgetPolicySchema,
    debugger: DebuggerPolicySchema,
    auth: AuthPolicySchema,
    rate_limits: RateLimitsSchema,
    guardrails: GuardrailsSchema,
    siri: SiriPolicySchema,
    approvals: z._default(ApprovalsSchema, { gates: [] }),
  })
  .check(
    z.refine((p) => p.api.max_image_bytes <= p.files.max_file_bytes, {
      message: 'api.max_image_bytes must not exceed files.max_file_bytes (the image is committed with the app)',
      path: ['api', 'max_image_bytes'],
    }),
  );

export type Policy = z.infer<typeof PolicySchema>;

/** A policy together with the SHA-256 of the exact text it was parsed from (recorded on every mission). */
export interface LoadedPolicy {
  readonly policy: Policy;
  readonly hash: string;
}

export class PolicyConfigError extends Error {
  readonly code = 'POLICY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'PolicyConfigError';
  }
}

/**
 * Validates an already-parsed policy document (from YAML, or the JSON form a function was bundled
 * with or reloads from the table) and pairs it with `hash`; the error names the offending key path.
 */
export function checkPolicy(raw: unknown, hash: string): LoadedPolicy {
  const result = PolicySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.join('.') || '(root)';
    throw new PolicyConfigError(`policy.yaml: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return { policy: result.data, hash };
}
