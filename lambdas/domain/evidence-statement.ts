import { verifyChain } from './event-chain';
import type { Mission, MissionEvent, MissionStatus } from './mission';

/**
 * A mission's sealed evidence, in standard formats: an in-toto Statement v1 whose subjects are
 * the files the mission produced (by SHA-256) and the pull-request commit, with a SLSA Provenance
 * v1 predicate. Gantry's own record (the hash-chained event log, its head, the outcome, the human
 * decisions) travels inside the predicate under `gantry`, so one signature covers it all.
 */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** What a Gantry mission build is: the SLSA `buildType` (documents externalParameters). */
export const GANTRY_BUILD_TYPE = 'https://gantry.dev/buildtypes/mission/v1';
export const GANTRY_EVIDENCE_FORMAT = 'gantry-evidence/2';
/** The event type of a human decision (see the decisions contract). */
export const DECISION_EVENT = 'decision.recorded';
/** ECDSA over NIST P-256 with SHA-256, DER signature: what every Gantry evidence signature is. */
export const EVIDENCE_SIGNATURE_SCHEME = 'ECDSA_P256_SHA256';

/** Subject names: `src/<path>` is a source file of the pull request, `dist/<path>` a built (deployed) file. */
export const SOURCE_PREFIX = 'src/';
export const BUILT_PREFIX = 'dist/';

export interface ResourceDescriptor {
  readonly name?: string;
  readonly uri?: string;
  readonly digest?: Record<string, string>;
  readonly annotations?: Record<string, unknown>;
}

export interface GantryEvidence {
  readonly format: typeof GANTRY_EVIDENCE_FORMAT;
  readonly mission_id: string;
  readonly tenant_id: string;
  /** The mission's final status (DEPLOYED, FAILED, CANCELLED, REJECTED…). */
  readonly outcome: MissionStatus;
  readonly sealed_at: string;
  /**
   * The key that signs this statement (hex SHA-256 of its DER SubjectPublicKeyInfo) and the
   * signature scheme, inside the signed bytes: editing the envelope's keyid cannot go unnoticed.
   */
  readonly signer: { readonly keyid: string; readonly algorithm: typeof EVIDENCE_SIGNATURE_SCHEME };
  readonly policy_hash: string;
  /** Head hash and length of the event chain below, as computed when sealing. */
  readonly chain: { readonly count: number; readonly head: string };
  readonly events: MissionEvent[];
  /** Every `decision.recorded` event of the log, as recorded (a verifier checks they agree). */
  readonly decisions: MissionEvent[];
  /** Where the built files were deployed (each `dist/<path>` subject is served at `url` + path). */
  readonly deployment: { readonly url: string; readonly deployment_id: string | null } | null;
  /** The pull request: its branch holds each `src/<path>` subject at `commit`. */
  readonly publication: { readonly branch: string; readonly commit: string; readonly pr_url: string | null } | null;
  readonly mission: Pick<
    Mission,
    'prompt' | 'options' | 'url' | 'pr_url' | 'branch' | 'attempts' | 'failure' | 'slug' | 'kind' | 'features'
  > & {
    /** `unsandboxed` when the operator ran builds without a sandbox (GANTRY_SANDBOX=none). */
    readonly builder_isolation: 'sandboxed' | 'unsandboxed' | null;
    /** What the request was built as, when not literally what it said, and what the build left out. */
    readonly interpreted_as: string | null;
    readonly left_out: string[];
  };
}

export interface ProvenancePredicate {
  readonly buildDefinition: {
    readonly buildType: string;
    readonly externalParameters: Record<string, unknown>;
    readonly internalParameters: Record<string, unknown>;
    readonly resolvedDependencies: ResourceDescriptor[];
  };
  readonly runDetails: {
    readonly builder: { readonly id: string };
    readonly metadata: { readonly invocationId: string; readonly startedOn: string; readonly finishedOn: string };
    readonly byproducts: ResourceDescriptor[];
  };
  readonly gantry: GantryEvidence;
}

export interface MissionStatement {
  readonly _type: typeof STATEMENT_TYPE;
  readonly subject: ResourceDescriptor[];
  readonly predicateType: typeof SLSA_PROVENANCE_V1;
  readonly predicate: ProvenancePredicate;
}

export interface FileDigest {
  readonly path: string;
  readonly sha256: string;
}

/** The builder a mission ran on: the ECS Fargate task on AWS, the local sandbox (or none) locally. */
export function builderIdOf(mission: Pick<Mission, 'builder_isolation'>): string {
  return mission.builder_isolation
    ? `https://gantry.dev/builders/local/${mission.builder_isolation}`
    : 'https://gantry.dev/builders/aws/ecs-fargate';
}

const lastOfType = (events: readonly MissionEvent[], type: string): MissionEvent | undefined =>
  [...events].reverse().find((e) => e.type === type);

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Builds the statement of a mission that ended with `outcome`. Pure: the caller gathers the digests. */
export function buildMissionStatement(input: {
  mission: Mission;
  events: MissionEvent[];
  outcome: MissionStatus;
  /** The source files of the accepted attempt (what the pull request holds). */
  sourceFiles: readonly FileDigest[];
  /** The built output of the accepted attempt (what was, or would be, deployed). */
  builtFiles: readonly FileDigest[];
  /** SHA-256 of the accepted attempt's manifest file, when there is one. */
  manifestSha256: string | null;
  sealedAt: string;
  /** keyid (see `publicKeyId`) of the key that will sign the statement. */
  signerKeyid: string;
  /** Digest of the builder image, when the runtime knows it. */
  builderImage?: ResourceDescriptor | null;
}): MissionStatement {
  const m = input.mission;
  const chain = verifyChain(input.events as unknown as Parameters<typeof verifyChain>[0]);
  const deployed = lastOfType(input.events, 'deploy.live');
  const published = lastOfType(input.events, 'publish.opened');
  const deployment =
    deployed && text(deployed.data.url)
      ? { url: deployed.data.url as string, deployment_id: text(deployed.data.deployment_id) }
      : null;
  const publication =
    published && text(published.data.branch) && text(published.data.commit)
      ? {
          branch: published.data.branch as string,
          commit: published.data.commit as string,
          pr_url: text(published.data.pr_url),
        }
      : null;
  const subject: ResourceDescriptor[] = [
    ...input.sourceFiles.map((f) => ({ name: `${SOURCE_PREFIX}${f.path}`, digest: { sha256: f.sha256 } })),
    ...input.builtFiles.map((f) => ({ name: `${BUILT_PREFIX}${f.path}`, digest: { sha256: f.sha256 } })),
    ...(publication
      ? [
          {
            name: `git:${publication.branch}`,
            ...(publication.pr_url ? { uri: publication.pr_url } : {}),
            digest: { gitCommit: publication.commit },
          },
        ]
      : []),
  ];
  const byproducts: ResourceDescriptor[] = [
    ...(input.manifestSha256 ? [{ name: 'gantry-manifest.json', digest: { sha256: input.manifestSha256 } }] : []),
    ...m.attempts.flatMap((a) =>
      a.log
        ? [
            {
              name: `attempt-${a.attempt}.log`,
              digest: { sha256: a.log.sha256 },
              annotations: { ok: a.ok, end_reason: a.end_reason },
            },
          ]
        : [],
    ),
  ];
  return {
    _type: STATEMENT_TYPE,
    subject,
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GANTRY_BUILD_TYPE,
        externalParameters: {
          request: { prompt: m.prompt, options: m.options },
          source: m.source ?? 'direct',
          // The plan the person confirmed (consultations); a direct build has only its request.
          plan: m.plan ?? null,
        },
        internalParameters: { policy_hash: m.policy_hash, builder_isolation: m.builder_isolation ?? null },
        resolvedDependencies: input.builderImage ? [input.builderImage] : [],
      },
      runDetails: {
        builder: { id: builderIdOf(m) },
        metadata: { invocationId: m.mission_id, startedOn: m.created_at, finishedOn: input.sealedAt },
        byproducts,
      },
      gantry: {
        format: GANTRY_EVIDENCE_FORMAT,
        mission_id: m.mission_id,
        tenant_id: m.tenant_id,
        outcome: input.outcome,
        sealed_at: input.sealedAt,
        signer: { keyid: input.signerKeyid, algorithm: EVIDENCE_SIGNATURE_SCHEME },
        policy_hash: m.policy_hash,
        chain: { count: input.events.length, head: chain.head },
        events: input.events,
        decisions: input.events.filter((e) => e.type === DECISION_EVENT),
        deployment,
        publication,
        mission: {
          prompt: m.prompt,
          options: m.options,
          url: m.url,
          pr_url: m.pr_url,
          branch: m.branch,
          attempts: m.attempts,
          failure: m.failure,
          slug: m.slug,
          kind: m.kind,
          features: m.features,
          builder_isolation: m.builder_isolation ?? null,
          interpreted_as: m.interpreted_as ?? m.plan?.interpreted_as ?? null,
          left_out: m.left_out ?? m.plan?.left_out ?? [],
        },
      },
    },
  };
}
