import * as z from '../domain/zod';
import {
  buildLogKey,
  healKey,
  limitsKey,
  manifestKey,
  outputPrefix,
  patchKey,
  resultKey,
} from '../../builder-image/src/artifact-keys';
import type { Services } from './services';
import { WriteOnceError } from '../adapters/evidence';
import { budgetBreach, builderSecondsLeft, BudgetExceededError, missionSpend, type BudgetBreach } from '../domain/budget';
import { BuildResultSchema, type BuildResult } from '../domain/build-result';
import { crashedBuildResult } from '../domain/crashed-build';
import { GantryError, MissionEndedError, PolicyViolationError } from '../domain/errors';
import { canonicalJson, sha256Hex } from '../domain/event-chain';
import { buildMissionStatement, type FileDigest } from '../domain/evidence-statement';
import { sealStatement } from '../domain/evidence-envelope';
import { publicKeyId } from '../domain/dsse';
import { bestAttempt, outcomeOf, regressions } from '../domain/heal-progress';
import { GantryManifestSchema, manifestFileBytes, type GantryManifest } from '../domain/manifest';
import { diffManifests } from '../domain/manifest-diff';
import {
  isFinal,
  SYSTEM_ACTOR,
  WORKFLOW_ACTOR,
  type AttemptRecord,
  type FailureDetails,
  type Mission,
  type MissionState,
  type MissionStatus,
} from '../domain/mission';
import { buildStateTimeoutSeconds } from '../domain/mission-definition';
import { checkManifest } from '../domain/policy-gate';
import { planSha256 } from '../domain/plan-digest';
import { designReferencePath } from '../domain/design-image';
import type { LlmCallUsage } from '../domain/llm';
import { confirmedPlanOf, consultationPrLines, usageWith, withDesignReference } from './consultation-build';
import { recordEvent, type EventServices } from './mission-events';
import { leaveBuilderLine, type BuilderLineServices } from './builder-line';
import { emitMetric, METRIC_NAMES } from '../metrics';

export { MissionEndedError };

/** What every step needs: the mission, its events (and their broadcast), its artifacts, the policy. */
export type StepServices = Pick<Services, 'artifacts' | 'policy' | 'policySource'> & EventServices;
/** The gate hands each attempt its job; locally it also knows whether builds are sandboxed. */
export type PolicyGateStepServices = StepServices & Pick<Services, 'buildJobs' | 'builderIsolation'>;
/** Of the architect, the draft step calls only its draft and the heal step only its heal. */
export type DrafterServices = { readonly architect: Pick<Services['architect'], 'name' | 'draft'> };
export type HealerServices = { readonly architect: Pick<Services['architect'], 'name' | 'heal'> };
export type ArchitectStepServices = StepServices & DrafterServices;
export type HealStepServices = StepServices & HealerServices;
export type DeployStepServices = StepServices & Pick<Services, 'deployer'>;
export type PublishStepServices = StepServices & Pick<Services, 'publisher'>;
/** Sealing signs the event chain into write-once storage. */
export type SealServices = Pick<Services, 'store' | 'artifacts' | 'signer' | 'evidence'>;
export type SealStepServices = StepServices & SealServices;
/** The audit hands the attempt's builder back to the line once it has begun. */
export type AuditStepServices = StepServices & BuilderLineServices;

export class BuildResultMissingError extends GantryError {
  constructor(key: string) {
    super('BUILD_RESULT_MISSING', `The builder left no result at ${key}`, 500);
    this.name = 'BuildResultMissingError';
  }
}

export class HealUnavailableError extends GantryError {
  constructor(message: string) {
    super('HEAL_UNAVAILABLE', message, 500);
    this.name = 'HealUnavailableError';
  }
}

/** Model usage as an event (its patch sets the record's `usage`), so the log accounts for every cost. */
export async function recordUsage(
  svc: EventServices,
  state: Pick<MissionState, 'tenant_id' | 'mission_id'>,
  usage: Mission['usage'],
  key: string,
): Promise<void> {
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'llm.usage',
    message: `Model usage so far: ${usage?.calls ?? 0} call(s)`,
    actor: SYSTEM_ACTOR,
    idempotencyKey: `${state.mission_id}:usage:${key}`,
    data: { calls: usage?.calls ?? 0 },
    patch: { usage },
  });
}

/** What the heal step leaves next to an attempt it made (heal.json). */
export interface HealInfo {
  readonly base_attempt: number;
  /** The attempt that failed just before this heal (the base, or a discarded attempt after it). */
  readonly after_attempt: number;
  readonly diff: NonNullable<AttemptRecord['diff']>;
  readonly changed_files: readonly string[];
}

async function activeMission(svc: StepServices, state: MissionState): Promise<Mission> {
  const mission = await svc.store.requireMission(state.tenant_id, state.mission_id);
  if (isFinal(mission.status)) throw new MissionEndedError(mission.mission_id, mission.status);
  return mission;
}

async function enter(svc: StepServices, state: MissionState, status: MissionStatus, message: string): Promise<void> {
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'status',
    status,
    message,
    actor: WORKFLOW_ACTOR,
    // A retried step must not append its entry twice.
    idempotencyKey: `${state.mission_id}:${status}:${state.attempt}`,
    data: { attempt: state.attempt },
  });
}

/** The builder's queue wait of this attempt: from entering BUILDING to the builder starting. */
async function recordQueueWait(svc: StepServices, state: MissionState, startedAt: string): Promise<void> {
  const building = await svc.store.eventByIdempotencyKey(
    state.tenant_id,
    state.mission_id,
    `${state.mission_id}:BUILDING:${state.attempt}`,
  );
  const wait = Date.parse(startedAt) - Date.parse(building?.at ?? '');
  if (Number.isFinite(wait)) emitMetric(METRIC_NAMES.builderQueueWait, 'Milliseconds', Math.max(0, wait));
}

/**
 * Whether the step already did this part of its work: the event it records last is in the log. A
 * step re-run after a crash (the local runner's redrive, a Step Functions retry or redrive) then
 * returns what it returned before instead of redoing it (a second draft, deploy or pull request).
 */
async function alreadyRecorded(svc: Pick<Services, 'store'>, state: MissionState, key: string): Promise<boolean> {
  return (await svc.store.eventByIdempotencyKey(state.tenant_id, state.mission_id, key)) !== null;
}

async function loadManifest(svc: StepServices, state: MissionState, attempt = state.attempt): Promise<GantryManifest> {
  const key = manifestKey(state.tenant_id, state.mission_id, attempt);
  const raw = await svc.artifacts.get(key);
  if (!raw) throw new GantryError('MANIFEST_MISSING', `No manifest at ${key}`, 500);
  return GantryManifestSchema.parse(JSON.parse(raw.toString('utf8')));
}

async function storeManifest(svc: StepServices, state: MissionState, attempt: number, manifest: GantryManifest): Promise<string> {
  const body = JSON.stringify(manifest, null, 2);
  await svc.artifacts.put(manifestKey(state.tenant_id, state.mission_id, attempt), body, 'application/json');
  return sha256Hex(canonicalJson(manifest));
}

async function loadBuildResult(svc: StepServices, state: MissionState, attempt = state.attempt): Promise<BuildResult> {
  const key = resultKey(state.tenant_id, state.mission_id, attempt);
  const raw = await svc.artifacts.get(key);
  if (!raw) throw new BuildResultMissingError(key);
  return BuildResultSchema.parse(JSON.parse(raw.toString('utf8')));
}

const BuildStateErrorSchema = z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) });

/**
 * The attempt's result. When the build task ended without writing one (the Build state failed
 * into Audit with `$.build_error`), a failed result describing how it stopped is stored in its
 * place, so the heal step and the failure view read it like any other attempt's.
 */
async function resultOrCrash(svc: StepServices, state: MissionState): Promise<BuildResult> {
  try {
    return await loadBuildResult(svc, state);
  } catch (err) {
    const buildError = BuildStateErrorSchema.safeParse(state.build_error);
    if (!(err instanceof BuildResultMissingError) || !buildError.success) throw err;
    const result = crashedBuildResult(buildError.data, new Date().toISOString());
    const key = resultKey(state.tenant_id, state.mission_id, state.attempt);
    await svc.artifacts.put(key, JSON.stringify(result, null, 2), 'application/json');
    return result;
  }
}

async function loadHealInfo(svc: StepServices, state: MissionState, attempt: number): Promise<HealInfo | null> {
  const raw = await svc.artifacts.get(healKey(state.tenant_id, state.mission_id, attempt));
  return raw ? (JSON.parse(raw.toString('utf8')) as HealInfo) : null;
}

const slugFor = (projectName: string, missionId: string): string =>
  `${projectName}-${missionId.replace(/[^a-z0-9]/g, '').slice(0, 8)}`;

const failingCommandOf = (result: BuildResult) =>
  result.commands.find((c) => c.phase === result.failed_phase) ?? result.commands.at(-1);

async function stopForBudget(svc: StepServices, state: MissionState, breach: BudgetBreach, where: string): Promise<never> {
  const error = new BudgetExceededError(breach);
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'budget.exceeded',
    message: `${error.message} (${where})`,
    actor: { type: 'system', id: 'budget' },
    idempotencyKey: `${state.mission_id}:budget:${state.attempt}`,
    data: { ...breach, attempt: state.attempt, where },
  });
  throw error;
}

/** ARCHITECTING: the architect drafts the manifest for attempt 1. */
export async function architectStep(svc: ArchitectStepServices, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  if (await alreadyRecorded(svc, state, `${state.mission_id}:drafted`)) {
    return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: 1 };
  }
  // A consultation builds the plan its person confirmed, and nothing unconfirmed.
  const plan = await confirmedPlanOf(svc, mission);
  await enter(svc, state, 'ARCHITECTING', `Drafting the blueprint with the ${svc.architect.name} architect`);
  const calls: LlmCallUsage[] = [];
  const drafted = await svc.architect.draft({
    prompt: plan?.build_prompt ?? mission.prompt,
    ...(plan?.app_spec
      ? { appSpec: plan.app_spec }
      : plan
        ? { kind: plan.kind, features: plan.features, designTarget: plan.design_target }
        : {}),
    onUsage: (usage) => calls.push(usage),
  });
  const manifest = await withDesignReference(svc, mission, drafted);
  const manifestSha = await storeManifest(svc, state, 1, manifest);
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'architect.drafted',
    message: `Blueprint ${manifest.project_name}: ${manifest.files.length} files`,
    actor: { type: 'agent', id: `architect:${svc.architect.name}` },
    idempotencyKey: `${state.mission_id}:drafted`,
    data: {
      project_name: manifest.project_name,
      files: manifest.files.length,
      features: manifest.features,
      manifest_sha256: manifestSha,
      ...(plan ? { plan_sha256: planSha256(plan) } : {}),
      ...(mission.design_reference ? { design_reference: designReferencePath(mission.design_reference.ext) } : {}),
      ...(calls.length > 0 ? { usage: calls } : {}),
    },
    patch: {
      project_name: manifest.project_name,
      slug: slugFor(manifest.project_name, state.mission_id),
      features: manifest.features,
      kind: manifest.stack,
      ...(calls.length > 0 ? { usage: usageWith(mission, calls) } : {}),
    },
  });
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: 1 };
}

/**
 * POLICY_CHECK: the declarative gate on the attempt's manifest (the draft, and every heal); a
 * violation fails the mission with the rule's name, file and line. Then the budget: a mission with
 * no builder time left does not build again. The attempt's builder limits are written here, from
 * the policy in force now, with the dead man's switch shortened to the builder time left.
 */
export async function policyGateStep(svc: PolicyGateStepServices, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  const { policy, hash } = svc.policy;
  await enter(svc, state, 'POLICY_CHECK', `Checking attempt ${state.attempt} against policy`);
  const manifest = await loadManifest(svc, state);
  const violations = checkManifest(manifest, policy);
  if (violations.length > 0) {
    const first = violations[0]!;
    const where = first.file ? ` (${first.file}${first.line ? `:${first.line}` : ''})` : '';
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'policy.rejected',
      message: `Policy gate refused attempt ${state.attempt}: ${first.rule}${where}${more}`,
      actor: { type: 'system', id: 'policy-gate' },
      idempotencyKey: `${state.mission_id}:policy-rejected:${state.attempt}`,
      data: { attempt: state.attempt, violations: violations.slice(0, 50), policy_hash: hash },
    });
    throw new PolicyViolationError(`${first.rule}${where}: ${first.message}${more}`, { violations: violations.slice(0, 50) });
  }
  const spend = missionSpend(mission);
  const breach = budgetBreach(spend, policy.budget);
  if (breach) await stopForBudget(svc, state, breach, `before building attempt ${state.attempt}`);

  const { concurrency: _slots, ...builder } = policy.builder;
  const secondsLeft = Math.ceil(builderSecondsLeft(spend, policy.budget));
  const limits = { ...builder, dead_man_switch_seconds: Math.max(1, Math.min(builder.dead_man_switch_seconds, secondsLeft)) };
  await svc.artifacts.put(
    limitsKey(state.tenant_id, state.mission_id, state.attempt),
    JSON.stringify(limits, null, 2),
    'application/json',
  );
  const isolation = svc.builderIsolation ?? { mode: 'sandboxed', detail: 'an isolated builder' };
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'policy.passed',
    message: 'Policy gate passed',
    actor: { type: 'system', id: 'policy-gate' },
    idempotencyKey: `${state.mission_id}:policy-passed:${state.attempt}`,
    data: { attempt: state.attempt, policy_hash: hash, dead_man_switch_seconds: limits.dead_man_switch_seconds },
    ...(isolation.mode === 'unavailable' ? {} : { patch: { builder_isolation: isolation.mode } }),
  });
  if (isolation.mode === 'unavailable') throw new GantryError('SANDBOX_UNAVAILABLE', isolation.detail, 503);
  // The builder's only access to the bucket: URLs for this attempt's keys, valid for the Build state.
  const buildJobUrl = await svc.buildJobs.issue({
    tenantId: state.tenant_id,
    missionId: state.mission_id,
    attempt: state.attempt,
    validSeconds: buildStateTimeoutSeconds(policy),
  });
  await enter(
    svc,
    state,
    'BUILDING',
    isolation.mode === 'unsandboxed'
      ? `Building attempt ${state.attempt} UNSANDBOXED (GANTRY_SANDBOX=none): ${isolation.detail}`
      : `Building attempt ${state.attempt} in an isolated builder`,
  );
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt, build_job_url: buildJobUrl };
}

/**
 * AUDITING: reads the builder's result and judges the attempt. It is accepted only if every test
 * that passed in an earlier attempt still passes; otherwise it is discarded (recorded, never a
 * base). Then: deploy (passed and accepted), heal (attempts and budget left), or give up.
 */
export async function auditStep(svc: AuditStepServices, state: MissionState): Promise<MissionState> {
  // The build has ended (the Build state's failures come here too): its builder goes to the next
  // mission in line first, before anything of this mission's own, so the next build starts as
  // soon as it can. Leaving is idempotent; a mission that ended meanwhile has left already.
  await leaveBuilderLine(svc, state.tenant_id, state.mission_id);
  const mission = await activeMission(svc, state);
  const { policy, hash } = svc.policy;
  await enter(svc, state, 'AUDITING', `Auditing attempt ${state.attempt}`);
  const result = await resultOrCrash(svc, state);
  await recordQueueWait(svc, state, result.started_at);
  const log = await svc.artifacts.get(buildLogKey(state.tenant_id, state.mission_id, state.attempt));
  const heal = state.attempt > 1 ? await loadHealInfo(svc, state, state.attempt) : null;
  const earlier = mission.attempts.filter((a) => a.attempt < state.attempt);
  const earlierTests = await Promise.all(
    earlier.map((a) =>
      loadBuildResult(svc, state, a.attempt).then(
        (r) => r.tests,
        () => [],
      ),
    ),
  );
  const regressed = regressions(result.tests, earlierTests);
  const outcome = outcomeOf(result.ok, regressed);
  const record: AttemptRecord = {
    attempt: state.attempt,
    ok: result.ok,
    failed_phase: result.failed_phase,
    end_reason: result.end_reason,
    tests_passed: result.tests.filter((t) => t.ok).length,
    tests_failed: result.tests.filter((t) => !t.ok).length,
    duration_ms: result.duration_ms,
    command_ms: result.commands.reduce((sum, c) => sum + c.duration_ms, 0),
    accepted: regressed.length === 0,
    outcome,
    base_attempt: heal?.base_attempt ?? null,
    regressions: regressed.slice(0, 100),
    error: result.error ?? null,
    diff: heal?.diff ?? null,
    log: log ? { bytes: log.length, sha256: sha256Hex(log) } : null,
    policy_hash: hash,
  };
  const attempts = [...mission.attempts.filter((a) => a.attempt !== state.attempt), record].sort((a, b) => a.attempt - b.attempt);
  const maxAttempts = policy.mission.max_attempts;
  const spend = missionSpend({ ...mission, attempts });
  let breach: BudgetBreach | null = null;
  let verdict: 'PASSED' | 'HEAL' | 'EXHAUSTED';
  if (outcome === 'passed') verdict = 'PASSED';
  else if (state.attempt < maxAttempts) {
    // One more attempt is expected to take about as long as this one did.
    breach = budgetBreach(spend, policy.budget, { builder_seconds: result.duration_ms / 1000 });
    verdict = 'HEAL';
  } else verdict = 'EXHAUSTED';

  const failing = failingCommandOf(result);
  const summary =
    outcome === 'passed'
      ? `Attempt ${state.attempt} passed: ${record.tests_passed} tests, build ok`
      : outcome === 'discarded'
        ? `Attempt ${state.attempt} discarded: it broke ${regressed.length} test(s) that passed before (${regressed.slice(0, 3).join(', ')}${regressed.length > 3 ? ', …' : ''})`
        : `Attempt ${state.attempt} failed in ${result.failed_phase ?? 'the builder'} (${result.end_reason})${result.error ? `: ${result.error}` : ''}`;
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: outcome === 'passed' ? 'audit.passed' : outcome === 'discarded' ? 'audit.discarded' : 'audit.failed',
    message: summary,
    actor: { type: 'system', id: 'builder' },
    idempotencyKey: `${state.mission_id}:audit:${state.attempt}`,
    data: { ...record, log_tail: failing?.log_tail.slice(-2000) ?? '', verdict },
    patch: { attempts, builder_ms: attempts.reduce((s, a) => s + a.command_ms, 0) },
  });
  if (breach) await stopForBudget(svc, state, breach, `after attempt ${state.attempt}`);
  if (verdict === 'EXHAUSTED') {
    const best = bestAttempt(attempts);
    const bestText = best
      ? `; the best was attempt ${best.attempt} (${best.tests_passed} of ${best.tests_passed + best.tests_failed} tests passing)`
      : '';
    return {
      ...state,
      verdict,
      error: { Error: 'AuditFailed', Cause: `All ${maxAttempts} attempts failed${bestText}; last: ${summary}` },
    };
  }
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt, verdict };
}

/**
 * HEALING: the architect gets the failing command, the log tail and the files of the best
 * accepted attempt (never those of a discarded one) and returns a patch. The patched manifest is
 * stored as the next attempt with its diff and goes back through the policy gate.
 */
export async function healStep(svc: HealStepServices, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  if (await alreadyRecorded(svc, state, `${state.mission_id}:heal:${state.attempt + 1}`)) {
    return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt + 1 };
  }
  await enter(svc, state, 'HEALING', `Healing after attempt ${state.attempt}`);
  const breach = budgetBreach(missionSpend(mission), svc.policy.policy.budget);
  if (breach) await stopForBudget(svc, state, breach, `before healing attempt ${state.attempt}`);

  const latest = mission.attempts.find((a) => a.attempt === state.attempt);
  const base = bestAttempt(mission.attempts) ?? latest;
  const baseAttempt = base?.attempt ?? state.attempt;
  const manifest = await loadManifest(svc, state, baseAttempt);
  const baseResult = await loadBuildResult(svc, state, baseAttempt);
  const failing = failingCommandOf(baseResult);
  let logTail = failing?.log_tail ?? baseResult.error ?? '';
  if (baseResult.error && failing) logTail = `${logTail}\n[gantry] ${baseResult.error}`;
  if (latest && latest.attempt !== baseAttempt) {
    // The latest attempt was discarded: start again from the best one, and say what went wrong.
    const note =
      latest.outcome === 'discarded'
        ? `[gantry] attempt ${latest.attempt} was discarded: it broke tests that passed before (${(latest.regressions ?? []).join(', ')}). Keep them passing. These are the files of attempt ${baseAttempt}.`
        : `[gantry] attempt ${latest.attempt} did no better; these are the files of attempt ${baseAttempt}.`;
    logTail = `${note}\n${logTail}`;
  }
  const calls: LlmCallUsage[] = [];
  const healed = await svc.architect.heal({
    manifest,
    failingCommand: failing?.command ?? manifest.audit_command,
    logTail,
    prompt: mission.prompt,
    onUsage: (usage) => calls.push(usage),
  });
  if (calls.length > 0) await recordUsage(svc, state, usageWith(mission, calls), `heal:${state.attempt}`);
  if (!healed) throw new HealUnavailableError(`The ${svc.architect.name} architect found no fix for attempt ${baseAttempt}`);
  // The design reference stays in every attempt, byte for byte, whatever the heal did.
  const patched = await withDesignReference(svc, mission, healed);
  const next = state.attempt + 1;
  const diff = diffManifests(manifest, patched);
  const changed = [...diff.files_added, ...diff.files_modified, ...diff.files_removed];
  const info: HealInfo = {
    base_attempt: baseAttempt,
    after_attempt: state.attempt,
    diff: {
      sha256: diff.sha256,
      files_changed: diff.files_changed,
      lines_added: diff.lines_added,
      lines_removed: diff.lines_removed,
    },
    changed_files: changed,
  };
  const manifestSha = await storeManifest(svc, state, next, patched);
  await svc.artifacts.put(patchKey(state.tenant_id, state.mission_id, next), diff.text, 'text/x-diff');
  await svc.artifacts.put(healKey(state.tenant_id, state.mission_id, next), JSON.stringify(info, null, 2), 'application/json');
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'heal.patched',
    message: `Patch for attempt ${next} from attempt ${baseAttempt}: ${diff.files_changed} file(s), +${diff.lines_added} −${diff.lines_removed} lines`,
    actor: { type: 'agent', id: `architect:${svc.architect.name}` },
    idempotencyKey: `${state.mission_id}:heal:${next}`,
    data: { attempt: next, ...info, manifest_sha256: manifestSha },
  });
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: next };
}

async function verifyLive(svc: Pick<Services, 'deployer'>, url: string, attempts: number): Promise<void> {
  const probe =
    svc.deployer.probe?.bind(svc.deployer) ??
    (async (target: string) => {
      const res = await fetch(target, { signal: AbortSignal.timeout(10_000) });
      return { status: res.status, body: await res.text() };
    });
  let last = '';
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await probe(url);
      if (res.status >= 200 && res.status < 300 && res.body.length > 0) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500 * (i + 1)));
  }
  throw new GantryError('DEPLOY_NOT_LIVE', `${url} is not serving the app after ${attempts} checks (${last})`, 502);
}

/** DEPLOYING: puts the built output on a live URL and checks it really answers. */
export async function deployStep(svc: DeployStepServices, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  if (!mission.options.deploy) {
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'deploy.skipped',
      message: 'Deploy not requested',
      actor: WORKFLOW_ACTOR,
      idempotencyKey: `${state.mission_id}:deploy-skipped`,
    });
    return state;
  }
  if (await alreadyRecorded(svc, state, `${state.mission_id}:deployed`)) {
    return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
  }
  await enter(svc, state, 'DEPLOYING', `Deploying with ${svc.deployer.name}`);
  const prefix = outputPrefix(state.tenant_id, state.mission_id, state.attempt);
  const keys = await svc.artifacts.list(prefix);
  const files = await Promise.all(
    keys.map(async (key) => ({ path: key.slice(prefix.length), body: (await svc.artifacts.get(key)) ?? Buffer.alloc(0) })),
  );
  const slug = mission.slug ?? slugFor(mission.project_name ?? 'app', mission.mission_id);
  const { url, deploymentId } = await svc.deployer.deploy({ slug, files, missionId: mission.mission_id });
  await verifyLive(svc, url, svc.policy.policy.deploy.verify_attempts);
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'deploy.live',
    message: `Live at ${url}`,
    actor: { type: 'integration', id: svc.deployer.name },
    idempotencyKey: `${state.mission_id}:deployed`,
    data: { url, deployment_id: deploymentId, files: files.length },
    patch: { url },
  });
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
}

/** PUBLISHING: the accepted source goes to a new branch with a pull request (never the default branch). */
export async function publishStep(svc: PublishStepServices, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  if (!mission.options.publish) {
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'publish.skipped',
      message: 'Publish not requested',
      actor: WORKFLOW_ACTOR,
      idempotencyKey: `${state.mission_id}:publish-skipped`,
    });
    return state;
  }
  if (await alreadyRecorded(svc, state, `${state.mission_id}:published`)) {
    return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
  }
  await enter(svc, state, 'PUBLISHING', `Opening a pull request with ${svc.publisher.name}`);
  const manifest = await loadManifest(svc, state);
  const slug = mission.slug ?? slugFor(manifest.project_name, mission.mission_id);
  const branch = `gantry/${slug}`;
  const body = [
    `Mission \`${mission.mission_id}\`: ${mission.prompt}`,
    '',
    mission.url ? `Live preview: ${mission.url}` : 'Not deployed.',
    `Attempts: ${mission.attempts.length}; tests passed on the accepted attempt: ${mission.attempts.at(-1)?.tests_passed ?? 0}.`,
    `Policy: ${svc.policy.hash.slice(0, 12)}. Evidence is sealed when this mission completes.`,
    ...consultationPrLines(mission),
  ].join('\n');
  const out = await svc.publisher.publish({
    branch,
    title: `Gantry: ${manifest.project_name}`,
    body,
    files: manifest.files.map((f) => ({ path: f.path, content: manifestFileBytes(f) })),
    missionId: mission.mission_id,
    tenantId: mission.tenant_id,
  });
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'publish.opened',
    message: `Pull request #${out.prNumber} on ${out.branch}`,
    actor: { type: 'integration', id: svc.publisher.name },
    idempotencyKey: `${state.mission_id}:published`,
    data: { branch: out.branch, pr_url: out.prUrl, commit: out.commitSha, base: out.defaultBranch },
    patch: { branch: out.branch, pr_url: out.prUrl },
  });
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
}

/**
 * Seals the mission's evidence into write-once storage and returns its key: an in-toto statement
 * (subjects: the accepted attempt's source and built files, the pull-request commit; SLSA
 * provenance with the event chain) in a DSSE envelope signed by the evidence key. Generic over
 * the final status, so every ending seals the same way.
 */
export async function sealMission(svc: SealServices, mission: Mission, outcome: MissionStatus, attempt: number): Promise<string> {
  const events = await svc.store.listEvents(mission.tenant_id, mission.mission_id);
  let manifestSha: string | null = null;
  let sourceFiles: FileDigest[] = [];
  let builtFiles: FileDigest[] = [];
  const raw = attempt > 0 ? await svc.artifacts.get(manifestKey(mission.tenant_id, mission.mission_id, attempt)) : null;
  if (raw) {
    manifestSha = sha256Hex(raw);
    const manifest = GantryManifestSchema.parse(JSON.parse(raw.toString('utf8')));
    sourceFiles = manifest.files.map((f) => ({ path: f.path, sha256: sha256Hex(manifestFileBytes(f)) }));
    const prefix = outputPrefix(mission.tenant_id, mission.mission_id, attempt);
    const keys = (await svc.artifacts.list(prefix)).sort();
    builtFiles = await Promise.all(
      keys.map(async (key) => ({
        path: key.slice(prefix.length),
        sha256: sha256Hex((await svc.artifacts.get(key)) ?? Buffer.alloc(0)),
      })),
    );
  }
  const keyid = publicKeyId(await svc.signer.publicKeyPem());
  const statement = buildMissionStatement({
    mission,
    signerKeyid: keyid,
    events,
    outcome,
    sourceFiles,
    builtFiles,
    manifestSha256: manifestSha,
    sealedAt: new Date().toISOString(),
  });
  const envelope = await sealStatement(statement, {
    keyid,
    sign: (message) => svc.signer.sign(message),
  });
  const key = `tenants/${mission.tenant_id}/missions/${mission.mission_id}/evidence-${String(events.length).padStart(6, '0')}.json`;
  try {
    await svc.evidence.putOnce(key, `${JSON.stringify(envelope, null, 2)}\n`);
  } catch (err) {
    // A retried step finds this exact chain already sealed: the earlier seal stands.
    if (!(err instanceof WriteOnceError)) throw err;
  }
  return key;
}

/** SEALING: signs the event chain into write-once storage, then the mission is DEPLOYED. */
export async function sealStep(svc: SealStepServices, state: MissionState): Promise<MissionState> {
  const sealed = await svc.store.requireMission(state.tenant_id, state.mission_id);
  // Re-run after the mission was sealed and DEPLOYED: that is this step's work, done.
  if (sealed.status === 'DEPLOYED' && (await alreadyRecorded(svc, state, `${state.mission_id}:DEPLOYED`))) {
    return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
  }
  // The read above is this step's check that the mission is still going (final statuses never change).
  if (isFinal(sealed.status)) throw new MissionEndedError(sealed.mission_id, sealed.status);
  const mission = sealed;
  await enter(svc, state, 'SEALING', 'Sealing evidence');
  const fresh = await svc.store.requireMission(state.tenant_id, state.mission_id);
  const key = await sealMission(svc, fresh, 'DEPLOYED', state.attempt);
  const speech = mission.options.deploy
    ? `Your ${fresh.project_name ?? 'app'} is live${fresh.pr_url ? ' and a pull request is open for review' : ''}.`
    : `Your ${fresh.project_name ?? 'app'} passed its tests${fresh.pr_url ? '; a pull request is open for review' : ''}.`;
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'status',
    status: 'DEPLOYED',
    message: speech,
    actor: WORKFLOW_ACTOR,
    idempotencyKey: `${state.mission_id}:DEPLOYED`,
    data: { evidence_key: key, url: fresh.url, pr_url: fresh.pr_url },
    patch: { evidence_key: key, speech },
  });
  // Time to a live URL, from the request to the mission that deployed it.
  if (fresh.url) emitMetric(METRIC_NAMES.timeToLiveUrl, 'Milliseconds', Date.now() - Date.parse(fresh.created_at));
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
}

/** Turns a Step Functions error object into failure details (Lambda errors carry JSON in Cause). */
export function failureFrom(error: MissionState['error'], step: string, at: string): FailureDetails {
  const name = error?.Error ?? 'Error';
  let message = error?.Cause ?? 'Unknown failure';
  let details: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(message) as { errorMessage?: string; message?: string; details?: Record<string, unknown> };
    message = parsed.errorMessage ?? parsed.message ?? message;
    details = parsed.details;
  } catch {
    // Cause was plain text.
  }
  const code =
    name === 'States.Timeout'
      ? 'TIMEOUT'
      : name
          .replace(/Error$/, '')
          .replace(/([a-z])([A-Z])/g, '$1_$2')
          .toUpperCase();
  return { code, message, step, at, ...(details ? { details } : {}) };
}

/**
 * RecordFailure (FAILED): the mission leaves the builders' line (a refused gate, a failed launch or a wait
 * that ran out may leave it holding or waiting), then its failure is recorded and sealed.
 */
export async function recordFailureStep(svc: SealStepServices & BuilderLineServices, state: MissionState): Promise<MissionState> {
  await leaveBuilderLine(svc, state.tenant_id, state.mission_id);
  return recordFailure(svc, state);
}

/** Keeps the failure details (`state.error`) and seals FAILED evidence, unless the mission already ended. */
export async function recordFailure(svc: SealStepServices, state: MissionState): Promise<MissionState> {
  const mission = await svc.store.requireMission(state.tenant_id, state.mission_id);
  if (isFinal(mission.status)) return state;
  const base = failureFrom(state.error, mission.status, new Date().toISOString());
  // What the builder said about the last attempt travels with the failure (it is not always in a log).
  const last = mission.attempts.at(-1);
  const builderError = last?.error ?? null;
  const failure: FailureDetails =
    builderError || last
      ? {
          ...base,
          details: {
            ...base.details,
            attempts: mission.attempts.length,
            ...(last ? { last_attempt: last.attempt, last_end_reason: last.end_reason } : {}),
            ...(builderError ? { builder_error: builderError } : {}),
          },
        }
      : base;
  const message = `Failed during ${failure.step}: ${failure.message}`;
  try {
    // The failure is recorded first and sealed with the chain; FAILED is entered only once the
    // evidence exists, so a client that sees FAILED can always fetch it (as with DEPLOYED).
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'mission.failure',
      message,
      actor: WORKFLOW_ACTOR,
      idempotencyKey: `${state.mission_id}:failure-recorded`,
      data: { failure },
      patch: { failure, speech: `The mission failed during ${failure.step.toLowerCase()}: ${failure.message}` },
    });
    const failed = await svc.store.requireMission(state.tenant_id, state.mission_id);
    if (isFinal(failed.status)) return state;
    const key = await sealMission(svc, failed, 'FAILED', state.attempt);
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'status',
      status: 'FAILED',
      message,
      actor: WORKFLOW_ACTOR,
      idempotencyKey: `${state.mission_id}:FAILED`,
      data: { failure, evidence_key: key },
      patch: { evidence_key: key },
    });
    emitMetric(METRIC_NAMES.missionErrors, 'Count', 1, { step: failure.step });
  } catch (err) {
    // Cancelled (or otherwise ended) in the meantime: the first final status stands.
    if (err instanceof MissionEndedError) return state;
    throw err;
  }
  return state;
}
