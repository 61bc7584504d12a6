import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';

/** The keys of one request or one workflow step (request_id, mission_id, tenant_id, attempt). */
type ScopeKeys = Record<string, unknown>;

/**
 * A Powertools Logger whose appended keys belong to the request being served, not to the process.
 * Powertools keeps `appendKeys` process-wide, so on the local stack (one process, many requests
 * and workflow steps interleaved) a log line could carry the previous request's tenant and
 * mission. Inside `withLogScope` the keys live in an AsyncLocalStorage store that follows the
 * request's own async work; outside any scope the logger behaves as Powertools does.
 */
class RequestScopedLogger extends Logger {
  private readonly scopes = new AsyncLocalStorage<ScopeKeys>();

  /** Runs `fn` with a fresh set of keys (plus `keys`); nothing appended inside leaks out of it. */
  withScope<T>(keys: ScopeKeys, fn: () => T): T {
    return this.scopes.run({ ...keys }, fn);
  }

  /** The keys of the current scope (a copy), or undefined outside any scope. */
  scopeKeys(): ScopeKeys | undefined {
    const store = this.scopes.getStore();
    return store ? { ...store } : undefined;
  }

  override appendKeys(attributes: LogAttributes): void {
    const store = this.scopes.getStore();
    if (store) Object.assign(store, attributes);
    else super.appendKeys(attributes);
  }

  override removeKeys(keys: string[]): void {
    const store = this.scopes.getStore();
    if (store) for (const key of keys) delete store[key];
    else super.removeKeys(keys);
  }

  override resetKeys(): void {
    const store = this.scopes.getStore();
    if (store) for (const key of Object.keys(store)) delete store[key];
    else super.resetKeys();
  }

  // The scope's keys go first, so keys passed to one call (`logger.warn('…', { mission_id })`) win.
  protected override createAndPopulateLogItem(logLevel: number, input: LogItemMessage, extraInput: LogItemExtraInput) {
    const store = this.scopes.getStore();
    if (!store) return super.createAndPopulateLogItem(logLevel, input, extraInput);
    // The same keys Powertools gives a lone Error or string argument.
    const items: LogAttributes[] = (extraInput as Array<LogAttributes | Error | string>).map((item) =>
      item instanceof Error ? { error: item } : typeof item === 'string' ? { extra: item } : item,
    );
    return super.createAndPopulateLogItem(logLevel, input, [{ ...store }, ...items]);
  }
}

/** The one structured (JSON) logger. Handlers append mission_id, tenant_id and request_id per request. */
export const logger = new RequestScopedLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gantry' });

/**
 * Runs one request or workflow step in its own log scope: keys appended inside (and `keys`
 * themselves) tag only its own log lines, however many requests interleave in the process.
 */
export function withLogScope<T>(keys: ScopeKeys, fn: () => T): T {
  return logger.withScope(keys, fn);
}
