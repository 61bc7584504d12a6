import { createLlmWiring, createModelArchitect } from '../adapters/llm/llm-wiring';
import { OfflineArchitect, OfflineDrafter } from '../adapters/offline-architect';
import { OfflineHealer } from '../adapters/offline-healer';
import type { DrafterServices, HealerServices } from '../app/mission-steps';
import type { Services } from '../app/services';

/** What the model wiring reads: configuration, and the policy in force at each call. */
export type ModelSettings = Pick<Services, 'config' | 'policy'>;
export type ModelServices = Pick<Services, 'consultant' | 'advisor' | 'llm'>;

/**
 * Adds the consultant and the advisor chosen by GANTRY_LLM_PROVIDER to `svc` (in place, so the
 * offline ones read `svc.policy` as it is reloaded).
 */
export function withModels<T extends ModelSettings>(svc: T): T & ModelServices {
  const wiring = createLlmWiring(svc.config, () => svc.policy.policy);
  return Object.assign(svc, { consultant: wiring.consultant, advisor: wiring.advisor, llm: wiring.description });
}

/** Adds the architect: the model (GANTRY_ARCHITECT=llm) or the offline template architect. */
export function withArchitect<T extends ModelSettings>(svc: T): T & Pick<Services, 'architect'> {
  return Object.assign(svc, { architect: createModelArchitect(svc.config) ?? new OfflineArchitect() });
}

/** Adds what the heal step calls of the architect: the model's heal, or the offline one. */
export function withHealer<T extends ModelSettings>(svc: T): T & HealerServices {
  return Object.assign(svc, { architect: createModelArchitect(svc.config) ?? new OfflineHealer() });
}

/** Adds what the architect step calls of the architect: the model's draft, or the offline one. */
export function withDrafter<T extends ModelSettings>(svc: T): T & DrafterServices {
  return Object.assign(svc, { architect: createModelArchitect(svc.config) ?? new OfflineDrafter() });
}
