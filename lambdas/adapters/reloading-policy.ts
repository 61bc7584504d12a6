import type { LoadedPolicy } from '../domain/policy';
import type { PolicySource } from '../domain/ports';
import { logger } from '../observability';

type Listener = (policy: LoadedPolicy) => void;

/**
 * Keeps the last good policy and tells listeners about each new one. Parsing is the subclass's
 * business (YAML for the local file, the stored JSON form on AWS), so this module pulls in no parser.
 */
export abstract class ReloadingPolicy implements PolicySource {
  private listeners: Listener[] = [];
  protected loaded: LoadedPolicy;
  /** Why the newest policy was refused (the last good policy stays in force), or null. */
  lastError: string | null = null;

  constructor(
    readonly location: string,
    initial: LoadedPolicy,
  ) {
    this.loaded = initial;
  }

  current(): LoadedPolicy {
    return this.loaded;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  abstract refresh(): Promise<LoadedPolicy>;

  close(): void {
    this.listeners = [];
  }

  /** Adopts what `load` returns if it is a valid policy different from the current one; a throw refuses it. */
  protected adopt(load: () => LoadedPolicy): LoadedPolicy {
    let next: LoadedPolicy;
    try {
      next = load();
    } catch (err) {
      this.refuse((err as Error).message);
      return this.loaded;
    }
    this.lastError = null;
    if (next.hash === this.loaded.hash) return this.loaded;
    logger.info('Policy reloaded', { location: this.location, policy_hash: next.hash, previous_hash: this.loaded.hash });
    this.loaded = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** Records why a new policy was refused (logged once per distinct reason); the one in force stays. */
  protected refuse(message: string): void {
    if (message !== this.lastError)
      logger.error('Refused a new policy; the last good one stays in force', { error: message, location: this.location });
    this.lastError = message;
  }
}
