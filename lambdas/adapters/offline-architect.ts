import { draftManifest, healManifest } from '../domain/architect/offline-architect';
import type { ArchitectPort } from '../domain/ports';

/** The deterministic offline architect behind the architect port (no model, no network). */
export class OfflineArchitect implements ArchitectPort {
  readonly name = 'offline';
  async draft(input: { prompt: string }) {
    return draftManifest({ prompt: input.prompt });
  }
  async heal(input: Parameters<ArchitectPort['heal']>[0]) {
    return healManifest(input);
  }
}
