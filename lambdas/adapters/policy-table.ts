import { GetCommand, type DocumentSender } from './dynamo-client';
import { checkPolicy, type LoadedPolicy } from '../domain/policy';
import { logger } from '../observability';
import { ReloadingPolicy } from './reloading-policy';

/** The table item holding the published policy override (written only by the policy-publish function). */
export const POLICY_ITEM_KEY = { PK: 'CONFIG#policy', SK: 'CONFIG#policy' } as const;

/**
 * The published override as stored: the validated policy (JSON, defaults applied), the SHA-256
 * of the YAML text it came from, and why the newest upload was refused, if it was.
 */
export interface PolicyItem {
  readonly policy?: unknown;
  readonly hash?: string;
  /** S3 ETag of the uploaded object the policy came from. */
  readonly source_etag?: string;
  readonly published_at?: string;
  /** Why the newest upload was refused (the stored policy stays in force); absent after a good one. */
  readonly last_error?: string;
  readonly last_error_at?: string;
}

/**
 * The policy in force on AWS: the one bundled with the function until an override is published
 * to the table (policy-publish validates each upload of `config/policy.yaml` and stores it there),
 * then that one. The item is read at most once per `ttlMs` (one small GetItem per function per
 * period) with the document client the function already has, so no function carries a YAML
 * parser or an S3 client to follow the policy. The stored policy is checked against the schema
 * again before it is adopted; one that does not pass is refused and the last good policy stays.
 */
export class TablePolicySource extends ReloadingPolicy {
  private checkedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<LoadedPolicy> | null = null;

  constructor(
    private readonly doc: DocumentSender,
    private readonly table: string,
    private readonly bundled: LoadedPolicy,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {
    super(`dynamodb://${table}/${POLICY_ITEM_KEY.PK}`, bundled);
  }

  refresh(): Promise<LoadedPolicy> {
    if (this.now() - this.checkedAt < this.ttlMs) return Promise.resolve(this.loaded);
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<LoadedPolicy> {
    let item: PolicyItem | undefined;
    try {
      const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { ...POLICY_ITEM_KEY } }));
      item = out.Item as PolicyItem | undefined;
    } catch (err) {
      // The table briefly unreachable: keep the policy in force and try again on the next call.
      logger.warn('Could not read the published policy; the one in force stays', {
        error: (err as Error).message,
        location: this.location,
      });
      return this.loaded;
    }
    this.checkedAt = this.now();
    // Nothing published (or the override withdrawn): the bundled policy governs.
    const found = item;
    const published = found?.policy !== undefined && typeof found.hash === 'string';
    const adopted =
      found && published
        ? this.adopt(() => (found.hash === this.loaded.hash ? this.loaded : checkPolicy(found.policy, found.hash!)))
        : this.adopt(() => this.bundled);
    // A refused upload is reported by the publisher; it shows here too while the last good one governs.
    if (this.lastError === null && item?.last_error) this.lastError = item.last_error;
    return adopted;
  }
}
