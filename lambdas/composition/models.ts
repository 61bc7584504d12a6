import { createLlmWiring } from '../adapters/llm/llm-wiring';
import { OfflineArchitect } from '../adapters/offline-architect';
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
  const wiring = createLlmWiring(svc.config, () => svc.policy.policy);
  return Object.assign(svc, { architect: wiring.architect ?? new OfflineArchitect() });
}
