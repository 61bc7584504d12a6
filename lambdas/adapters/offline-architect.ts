import { isAppKindId, isFeatureId } from '../domain/architect/catalog';
import { draftManifest } from '../domain/architect/offline-architect';
import { ValidationError } from '../domain/errors';
import type { ArchitectPort } from '../domain/ports';
import { OfflineHealer } from './offline-healer';

/**
 * The offline architect's draft alone (the architect step is composed with this, so its bundle
 * does not carry the heal).
 */
export class OfflineDrafter implements Pick<ArchitectPort, 'name' | 'draft'> {
  readonly name: string = 'offline';

  /** Builds exactly the confirmed plan when one is given (app spec, or kind, features and theme), else what the prompt asks. */
  async draft(input: Parameters<ArchitectPort['draft']>[0]) {
    if (input.kind !== undefined && !isAppKindId(input.kind)) throw new ValidationError(`Unknown app kind "${input.kind}"`);
    const unknown = (input.features ?? []).filter((f) => !isFeatureId(f));
    if (unknown.length > 0) throw new ValidationError(`Unknown features: ${unknown.join(', ')}`);
    return draftManifest({
      prompt: input.prompt,
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.features !== undefined ? { features: input.features.filter(isFeatureId) } : {}),
      ...(input.designTarget !== undefined ? { designTarget: input.designTarget } : {}),
      ...(input.appSpec !== undefined && input.appSpec !== null ? { appSpec: input.appSpec } : {}),
    });
  }
}

/** The deterministic offline architect behind the architect port (no model, no network): draft and heal. */
export class OfflineArchitect extends OfflineDrafter implements ArchitectPort {
  private readonly healer = new OfflineHealer();

  async heal(input: Parameters<ArchitectPort['heal']>[0]) {
    return this.healer.heal(input);
  }
}
