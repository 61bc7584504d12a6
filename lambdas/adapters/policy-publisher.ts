import { DeleteCommand, PutCommand, UpdateCommand, type DocumentSender } from './dynamo-client';
import { parsePolicy } from '../domain/policy-file';
import { logger } from '../observability';
import { isAbsentKeyError } from './artifact-store';
import { POLICY_ITEM_KEY, type PolicyItem } from './policy-table';
import type { SignedS3Client } from './s3-client';

/** What one publication did. */
export type PolicyPublication =
  | { readonly outcome: 'published'; readonly hash: string }
  | { readonly outcome: 'refused'; readonly error: string }
  | { readonly outcome: 'withdrawn' };

/**
 * Publishes the operator's policy override: reads `config/policy.yaml` from the artifact bucket,
 * parses and validates it once, and stores the validated policy (JSON, with the hash of its text)
 * in the table, where every function finds it (see TablePolicySource). It always reads the
 * object as it is now, so the order in which upload notifications arrive does not matter.
 *
 * - A valid upload replaces the stored policy (and clears a previous refusal).
 * - An invalid upload is refused: the reason is logged and recorded on the item (`last_error`),
 *   the stored policy, if any, stays in force.
 * - No object (deleted): the item is removed and the policy bundled with each function governs.
 */
export class PolicyPublisher {
  constructor(
    private readonly s3: Pick<SignedS3Client, 'getObject'>,
    private readonly bucket: string,
    private readonly key: string,
    private readonly doc: DocumentSender,
    private readonly table: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(): Promise<PolicyPublication> {
    let text: string;
    let etag: string | undefined;
    try {
      const out = await this.s3.getObject(this.bucket, this.key);
      text = out.body.toString('utf8');
      etag = out.etag;
    } catch (err) {
      if (!isAbsentKeyError(err)) throw err;
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { ...POLICY_ITEM_KEY } }));
      logger.info('Policy override withdrawn; the bundled policy is in force', { key: this.key });
      return { outcome: 'withdrawn' };
    }
    const at = this.now().toISOString();
    let hash: string;
    let policy: unknown;
    try {
      ({ hash, policy } = parsePolicy(text));
    } catch (err) {
      const error = (err as Error).message;
      logger.error('Refused an uploaded policy; the last good one stays in force', { error, key: this.key, etag });
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { ...POLICY_ITEM_KEY },
          UpdateExpression: 'SET last_error = :e, last_error_at = :t, refused_etag = :g',
          ExpressionAttributeValues: { ':e': error, ':t': at, ':g': etag ?? '' },
        }),
      );
      return { outcome: 'refused', error };
    }
    const item: PolicyItem & typeof POLICY_ITEM_KEY = {
      ...POLICY_ITEM_KEY,
      policy,
      hash,
      ...(etag ? { source_etag: etag } : {}),
      published_at: at,
    };
    await this.doc.send(new PutCommand({ TableName: this.table, Item: item }));
    logger.info('Policy override published', { key: this.key, policy_hash: hash, etag });
    return { outcome: 'published', hash };
  }
}
