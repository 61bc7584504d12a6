import { limitsKey, manifestKey, outputPrefix, resultKey } from '../../builder-image/src/artifact-keys';
import type { Services } from '../composition-root';
import { BuildResultSchema, type BuildResult } from '../domain/build-result';
import { GantryError, PolicyViolationError } from '../domain/errors';
import { canonicalJson, sha256Hex } from '../domain/event-chain';
import { buildEvidenceBundle, type SealedEvidence } from '../domain/evidence-bundle';
import { GantryManifestSchema, manifestFileBytes, type GantryManifest } from '../domain/manifest';
import {
  isFinal,
  WORKFLOW_ACTOR,
  type AttemptRecord,
  type FailureDetails,
  type Mission,
  type MissionState,
  type MissionStatus,
} from '../domain/mission';
import { checkManifest } from '../domain/policy-gate';
import { recordEvent } from './mission-events';

/** A step was asked to act on a mission that already ended (e.g. cancelled). */
export class MissionEndedError extends GantryError {
  constructor(missionId: string, status: MissionStatus) {
    super('MISSION_ENDED', `Mission ${missionId} already ended as ${status}`, 409);
    this.name = 'MissionEndedError';
  }
}

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

async function activeMission(svc: Services, state: MissionState): Promise<Mission> {
  const mission = await svc.store.requireMission(state.tenant_id, state.mission_id);
  if (isFinal(mission.status)) throw new MissionEndedError(mission.mission_id, mission.status);
  return mission;
}

async function enter(svc: Services, state: MissionState, status: MissionStatus, message: string): Promise<void> {
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

async function loadManifest(svc: Services, state: MissionState, attempt = state.attempt): Promise<GantryManifest> {
  const key = manifestKey(state.tenant_id, state.mission_id, attempt);
  const raw = await svc.artifacts.get(key);
  if (!raw) throw new GantryError('MANIFEST_MISSING', `No manifest at ${key}`, 500);
  return GantryManifestSchema.parse(JSON.parse(raw.toString('utf8')));
}

async function storeAttemptInputs(
  svc: Services,
  state: MissionState,
  attempt: number,
  manifest: GantryManifest,
): Promise<string> {
  const body = JSON.stringify(manifest, null, 2);
  const { concurrency: _slots, ...limits } = svc.policy.policy.builder;
  await svc.artifacts.put(manifestKey(state.tenant_id, state.mission_id, attempt), body, 'application/json');
  await svc.artifacts.put(
    limitsKey(state.tenant_id, state.mission_id, attempt),
    JSON.stringify(limits, null, 2),
    'application/json',
  );
  return sha256Hex(canonicalJson(manifest));
}

const slugFor = (projectName: string, missionId: string): string =>
  `${projectName}-${missionId.replace(/[^a-z0-9]/g, '').slice(0, 8)}`;

/** ARCHITECTING: the architect drafts the manifest for attempt 1. */
export async function architectStep(svc: Services, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  await enter(svc, state, 'ARCHITECTING', `Drafting the blueprint with the ${svc.architect.name} architect`);
  const manifest = await svc.architect.draft({ prompt: mission.prompt });
  const manifestSha = await storeAttemptInputs(svc, state, 1, manifest);
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
    },
    patch: {
      project_name: manifest.project_name,
      slug: slugFor(manifest.project_name, state.mission_id),
      features: manifest.features,
      kind: manifest.stack,
    },
  });
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: 1 };
}

/** POLICY_CHECK: the declarative gate; a violation fails the mission with the rule's name. */
export async function policyGateStep(svc: Services, state: MissionState): Promise<MissionState> {
  await activeMission(svc, state);
  await enter(svc, state, 'POLICY_CHECK', `Checking attempt ${state.attempt} against policy`);
  const manifest = await loadManifest(svc, state);
  const violations = checkManifest(manifest, svc.policy.policy);
  if (violations.length > 0) {
    const first = violations[0]!;
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'policy.rejected',
      message: `Policy gate refused: ${first.rule}${first.file ? ` in ${first.file}` : ''}`,
      actor: { type: 'system', id: 'policy-gate' },
      data: { violations, policy_hash: svc.policy.hash },
    });
    throw new PolicyViolationError(`${first.rule}${first.file ? ` (${first.file})` : ''}: ${first.message}`, { violations });
  }
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'policy.passed',
    message: 'Policy gate passed',
    actor: { type: 'system', id: 'policy-gate' },
    idempotencyKey: `${state.mission_id}:policy-passed:${state.attempt}`,
    data: { attempt: state.attempt, policy_hash: svc.policy.hash },
  });
  await enter(svc, state, 'BUILDING', `Building attempt ${state.attempt} in an isolated builder`);
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt };
}

async function loadBuildResult(svc: Services, state: MissionState): Promise<BuildResult> {
  const key = resultKey(state.tenant_id, state.mission_id, state.attempt);
  const raw = await svc.artifacts.get(key);
  if (!raw) throw new BuildResultMissingError(key);
  return BuildResultSchema.parse(JSON.parse(raw.toString('utf8')));
}

/** AUDITING: reads the builder's result and decides: deploy, heal, or give up. */
export async function auditStep(svc: Services, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  await enter(svc, state, 'AUDITING', `Auditing attempt ${state.attempt}`);
  const result = await loadBuildResult(svc, state);
  const commandMs = result.commands.reduce((sum, c) => sum + c.duration_ms, 0);
  const record: AttemptRecord = {
    attempt: state.attempt,
    ok: result.ok,
    failed_phase: result.failed_phase,
    end_reason: result.end_reason,
    tests_passed: result.tests.filter((t) => t.ok).length,
    tests_failed: result.tests.filter((t) => !t.ok).length,
    duration_ms: result.duration_ms,
    command_ms: commandMs,
  };
  const attempts = [...mission.attempts.filter((a) => a.attempt !== state.attempt), record];
  const maxAttempts = svc.policy.policy.mission.max_attempts;
  const verdict = result.ok ? 'PASSED' : state.attempt < maxAttempts ? 'HEAL' : 'EXHAUSTED';
  const failing = result.commands.find((c) => c.phase === result.failed_phase);
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: result.ok ? 'audit.passed' : 'audit.failed',
    message: result.ok
      ? `Attempt ${state.attempt} passed: ${record.tests_passed} tests, build ok`
      : `Attempt ${state.attempt} failed in ${result.failed_phase} (${result.end_reason})`,
    actor: { type: 'system', id: 'builder' },
    idempotencyKey: `${state.mission_id}:audit:${state.attempt}`,
    data: { ...record, log_tail: failing?.log_tail.slice(-2000) ?? '', verdict },
    patch: { attempts, builder_ms: attempts.reduce((s, a) => s + a.command_ms, 0) },
  });
  if (verdict === 'EXHAUSTED') {
    return {
      ...state,
      verdict,
      error: {
        Error: 'AuditFailed',
        Cause: `All ${maxAttempts} attempts failed; last failure in ${result.failed_phase} (${result.end_reason})`,
      },
    };
  }
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: state.attempt, verdict };
}

/** HEALING: the architect proposes a patch from the failing command and log; it goes back through the gate. */
export async function healStep(svc: Services, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  await enter(svc, state, 'HEALING', `Healing after attempt ${state.attempt}`);
  const manifest = await loadManifest(svc, state);
  const result = await loadBuildResult(svc, state);
  const failing = result.commands.find((c) => c.phase === result.failed_phase);
  const patched = await svc.architect.heal({
    manifest,
    failingCommand: failing?.command ?? '',
    logTail: failing?.log_tail ?? '',
    prompt: mission.prompt,
  });
  if (!patched) throw new HealUnavailableError(`The ${svc.architect.name} architect found no fix for attempt ${state.attempt}`);
  const next = state.attempt + 1;
  const before = new Map(manifest.files.map((f) => [f.path, f.content]));
  const changed = patched.files.filter((f) => before.get(f.path) !== f.content).map((f) => f.path);
  const manifestSha = await storeAttemptInputs(svc, state, next, patched);
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'heal.patched',
    message: `Patch for attempt ${next}: ${changed.length} file(s) changed`,
    actor: { type: 'agent', id: `architect:${svc.architect.name}` },
    idempotencyKey: `${state.mission_id}:heal:${next}`,
    data: { attempt: next, changed_files: changed, manifest_sha256: manifestSha },
  });
  return { tenant_id: state.tenant_id, mission_id: state.mission_id, attempt: next };
}

async function verifyLive(url: string, attempts: number): Promise<void> {
  let last = '';
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (res.ok && (await res.text()).length > 0) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500 * (i + 1)));
  }
  throw new GantryError('DEPLOY_NOT_LIVE', `${url} is not serving the app after ${attempts} checks (${last})`, 502);
}

/** DEPLOYING: puts the built output on a live URL and checks it really answers. */
export async function deployStep(svc: Services, state: MissionState): Promise<MissionState> {
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
  await enter(svc, state, 'DEPLOYING', `Deploying with ${svc.deployer.name}`);
  const prefix = outputPrefix(state.tenant_id, state.mission_id, state.attempt);
  const keys = await svc.artifacts.list(prefix);
  const files = await Promise.all(
    keys.map(async (key) => ({ path: key.slice(prefix.length), body: (await svc.artifacts.get(key)) ?? Buffer.alloc(0) })),
  );
  const slug = mission.slug ?? slugFor(mission.project_name ?? 'app', mission.mission_id);
  const { url, deploymentId } = await svc.deployer.deploy({ slug, files, missionId: mission.mission_id });
  await verifyLive(url, svc.policy.policy.deploy.verify_attempts);
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
export async function publishStep(svc: Services, state: MissionState): Promise<MissionState> {
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
  ].join('\n');
  const out = await svc.publisher.publish({
    branch,
    title: `Gantry: ${manifest.project_name}`,
    body,
    files: manifest.files.map((f) => ({ path: f.path, content: manifestFileBytes(f) })),
    missionId: mission.mission_id,
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

async function seal(svc: Services, mission: Mission, outcome: 'DEPLOYED' | 'FAILED', attempt: number): Promise<string> {
  const events = await svc.store.listEvents(mission.tenant_id, mission.mission_id);
  let manifestSha: string | null = null;
  const raw = await svc.artifacts.get(manifestKey(mission.tenant_id, mission.mission_id, attempt));
  if (raw) manifestSha = sha256Hex(raw);
  const { bundle, digest } = buildEvidenceBundle({
    mission,
    events,
    outcome,
    manifestSha256: manifestSha,
    sealedAt: new Date().toISOString(),
  });
  const sealed: SealedEvidence = {
    bundle,
    digest,
    signature: await svc.signer.sign(digest),
    algorithm: svc.signer.algorithm,
    key_id: svc.signer.keyId,
    public_key_pem: await svc.signer.publicKeyPem(),
  };
  const key = `tenants/${mission.tenant_id}/missions/${mission.mission_id}/evidence-${String(bundle.chain.length).padStart(6, '0')}.json`;
  await svc.evidence.putOnce(key, JSON.stringify(sealed, null, 2));
  return key;
}

/** SEALING: signs the event chain into write-once storage, then the mission is DEPLOYED. */
export async function sealStep(svc: Services, state: MissionState): Promise<MissionState> {
  const mission = await activeMission(svc, state);
  await enter(svc, state, 'SEALING', 'Sealing evidence');
  const fresh = await svc.store.requireMission(state.tenant_id, state.mission_id);
  const key = await seal(svc, fresh, 'DEPLOYED', state.attempt);
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

/** FAILED: keeps the failure details and seals the evidence of what happened. */
export async function recordFailureStep(svc: Services, state: MissionState): Promise<MissionState> {
  const mission = await svc.store.requireMission(state.tenant_id, state.mission_id);
  if (isFinal(mission.status)) return state;
  const failure = failureFrom(state.error, mission.status, new Date().toISOString());
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'status',
    status: 'FAILED',
    message: `Failed during ${failure.step}: ${failure.message}`,
    actor: WORKFLOW_ACTOR,
    idempotencyKey: `${state.mission_id}:FAILED`,
    data: { failure },
    patch: { failure, speech: `The mission failed during ${failure.step.toLowerCase()}: ${failure.message}` },
  });
  const failed = await svc.store.requireMission(state.tenant_id, state.mission_id);
  const key = await seal(svc, failed, 'FAILED', state.attempt);
  await svc.store.patchMission(state.tenant_id, state.mission_id, { evidence_key: key });
  return state;
}
