import type { Services } from './services';
import { FEATURES, isFeatureId } from '../domain/architect/catalog';
import { THEMES } from '../domain/architect/themes';
import { describeSpec } from '../domain/architect/compiler/describe-spec';
import { planSubject, type ConsultationPlan } from '../domain/consultation';
import { planSha256 } from '../domain/plan-digest';
import { designReferencePath } from '../domain/design-image';
import { GantryError } from '../domain/errors';
import { sha256Hex } from '../domain/event-chain';
import { addUsage, type LlmCallUsage, type MissionUsage } from '../domain/llm';
import type { GantryManifest } from '../domain/manifest';
import type { Mission } from '../domain/mission';

export type ConsultationBuildServices = Pick<Services, 'artifacts' | 'store'>;

/**
 * What the workflow takes from a consultation: the plan the person confirmed (checked against
 * the confirmation event), the design reference (injected into the app byte for byte), and the
 * model usage of the architect (added to the mission's total).
 */

/** A consultation mission reached the workflow without a recorded confirmation of its plan. */
export class PlanNotConfirmedError extends GantryError {
  constructor(message: string) {
    super('PLAN_NOT_CONFIRMED', message, 409);
    this.name = 'PlanNotConfirmedError';
  }
}

export class DesignReferenceMissingError extends GantryError {
  constructor(message: string) {
    super('DESIGN_REFERENCE_MISSING', message, 500);
    this.name = 'DesignReferenceMissingError';
  }
}

/**
 * The confirmed plan of a consultation mission, or null for a direct build. Refuses a
 * consultation whose chain holds no `consultation.confirmed` event by a person (or their
 * device) for exactly this plan: a mission never builds what nobody confirmed.
 */
export async function confirmedPlanOf(svc: ConsultationBuildServices, mission: Mission): Promise<ConsultationPlan | null> {
  if (mission.source !== 'consultation') return null;
  const plan = mission.plan;
  if (!plan) throw new PlanNotConfirmedError(`Mission ${mission.mission_id} is a consultation without a plan`);
  const fingerprint = planSha256(plan);
  const events = await svc.store.listEvents(mission.tenant_id, mission.mission_id);
  const confirmation = events.find(
    (e) =>
      e.type === 'consultation.confirmed' &&
      (e.actor.type === 'human' || e.actor.type === 'integration') &&
      e.data.plan_sha256 === fingerprint,
  );
  if (!confirmation) {
    throw new PlanNotConfirmedError(
      `Mission ${mission.mission_id} has no consultation.confirmed event by a person for its plan (${fingerprint.slice(0, 12)})`,
    );
  }
  return plan;
}

/** The app's files plus the mission's design reference at public/design-reference.<ext>, exactly as sent. */
export async function withDesignReference(
  svc: ConsultationBuildServices,
  mission: Mission,
  manifest: GantryManifest,
): Promise<GantryManifest> {
  const ref = mission.design_reference;
  if (!ref) return manifest;
  const bytes = await svc.artifacts.get(ref.key);
  if (!bytes) throw new DesignReferenceMissingError(`The design reference ${ref.key} is missing from the artifact store`);
  if (sha256Hex(bytes) !== ref.sha256) {
    throw new DesignReferenceMissingError(`The design reference ${ref.key} does not match the image that was sent`);
  }
  const path = designReferencePath(ref.ext);
  return {
    ...manifest,
    files: [
      ...manifest.files.filter((f) => f.path !== path),
      { path, content: bytes.toString('base64'), encoding: 'base64' as const },
    ],
  };
}

/** The mission's usage with the given calls added (unchanged when there were none). */
export function usageWith(mission: Mission, calls: readonly LlmCallUsage[]): MissionUsage | null {
  return calls.reduce<MissionUsage | null>((total, call) => addUsage(total, call), mission.usage ?? null);
}

/** Lines for the pull request: the plan the person confirmed and the design reference. */
export function consultationPrLines(mission: Mission): string[] {
  const lines: string[] = [];
  const plan = mission.plan;
  if (mission.source === 'consultation' && plan) {
    const features = plan.features.filter(isFeatureId).map((f) => FEATURES[f].title.toLowerCase());
    lines.push(
      `Built from a plan confirmed in a CTO consultation: ${planSubject(plan)}` +
        `${features.length > 0 ? ` with ${features.join(', ')}` : ''}` +
        `${plan.design_target ? ` (theme ${THEMES[plan.design_target].name} v${THEMES[plan.design_target].version})` : ''}.`,
    );
  }
  const interpretedAs = mission.interpreted_as ?? plan?.interpreted_as ?? null;
  const leftOut = mission.left_out ?? plan?.left_out ?? [];
  if (interpretedAs) lines.push(`Interpreted as: ${interpretedAs} (the request, read as closely as a static web app allows).`);
  if (leftOut.length > 0) lines.push(`Left out (the app built here cannot do it): ${leftOut.join('; ')}.`);
  if (plan?.app_spec) lines.push(`App spec: ${describeSpec(plan.app_spec).lines.join('. ')}.`);
  const ref = mission.design_reference;
  if (ref) {
    lines.push(
      `Design reference: \`${designReferencePath(ref.ext)}\` (${ref.filename}, ${ref.bytes} bytes, sha256 ${ref.sha256.slice(0, 16)}…), the image sent with the request.`,
    );
  }
  if (mission.usage && mission.usage.calls > 0) {
    lines.push(
      `Model usage: ${mission.usage.total_tokens} tokens in ${mission.usage.calls} call(s), estimated $${mission.usage.estimated_cost_usd.toFixed(4)}.`,
    );
  }
  return lines;
}
