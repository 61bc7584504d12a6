import { healManifest } from '../domain/architect/offline-architect';
import type { ArchitectPort } from '../domain/ports';

/**
 * The offline architect's heal alone: recognise the generated app and put its damaged files
 * back. The heal step is composed with this, so its bundle carries the templates and the
 * compiler but not the reading of requests.
 */
export class OfflineHealer implements Pick<ArchitectPort, 'name' | 'heal'> {
  readonly name: string = 'offline';

  async heal(input: Parameters<ArchitectPort['heal']>[0]) {
    return healManifest(input);
  }
}
