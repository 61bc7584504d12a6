import {
  DeleteCommand,
  type DocumentSender,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  isConditionalCheckFailed,
} from './dynamo-client';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConflictError } from '../domain/errors';
import type { Actor } from '../domain/mission';
import type { Role } from '../domain/identity';
import { admitted, refused, takeBounds, type BucketRate, type TakeResult } from '../domain/token-bucket';
import { REFUSAL_TALLY_BUCKET_SECONDS, REFUSAL_TALLY_TTL_SECONDS, tallyBucketStart } from '../domain/refusal-tally';

export interface TenantRecord {
  readonly tenant_id: string;
  readonly name: string;
  readonly created_at: string;
}

export interface UserRecord {
  readonly user_id: string;
  readonly email: string;
  readonly tenant_id: string;
  readonly role: Role;
  /** Argon2id PHC string (`$argon2id$v=19$m=…`). */
  readonly password_hash: string;
  readonly created_at: string;
}

/** A session or a WebSocket ticket: who it belongs to and until when (epoch seconds). */
export interface GrantRecord {
  readonly user_id: string;
  readonly email: string;
  readonly tenant_id: string;
  readonly role: Role;
  readonly created_at: string;
  readonly expires_at: number;
  /** A WebSocket ticket: the session that issued it (a ticket dies with its session). */
  readonly session_key?: string;
}

export interface DeviceKeyRecord {
  readonly key_id: string;
  readonly tenant_id: string;
  readonly user_id: string;
  readonly email: string;
  readonly name: string;
  /** The device secret, sealed with the server's device-key secret (never stored in clear). */
  readonly secret_sealed: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
  readonly last_used_at: string | null;
  /** The mission or consultation this device last started, so a follow-up ("proceed") can continue it. */
  readonly last_mission_id: string | null;
}

export interface AuditRecord {
  readonly audit_id: string;
  /** null for refusals that cannot be tied to a tenant (an unknown device key). */
  readonly tenant_id: string | null;
  readonly at: string;
  readonly type: string;
  readonly code: string;
  readonly message: string;
  readonly actor: Actor;
  readonly data: Record<string, unknown>;
  /**
   * Set on a tally of refusals (see `tallyRefusal`): how many were counted, the first and the
   * last. `actor` and `data` then describe the last one.
   */
  readonly count?: number;
  readonly first_at?: string;
  readonly last_at?: string;
}

/** One refusal to count in a tally (see `IdentityStore.tallyRefusal`). */
export interface RefusalTallyInput extends Omit<AuditRecord, 'audit_id' | 'at' | 'count' | 'first_at' | 'last_at'> {
  /** The caller's network (`sourceNetwork`), part of the tally's key. */
  readonly source: string;
  /** The device key, part of the key only when the tally belongs to a tenant (its keys are few). */
  readonly keyId: string | null;
}

const tenantPk = (tenantId: string): string => `TENANT#${tenantId}`;
const userPk = (email: string): string => `USER#${email}`;
const sessionPk = (key: string): string => `SESS#${key}`;
const ticketPk = (key: string): string => `WST#${key}`;
const devicePk = (keyId: string): string => `DEV#${keyId}`;
const noncePk = (keyId: string, nonce: string): string => `NONCE#${keyId}#${nonce}`;
const bucketPk = (scope: string): string => `RL#${scope}`;
const goodSourcePk = (email: string, source: string): string => `LOGINSRC#${email}#${source}`;
const auditPk = (tenantId: string | null): string => (tenantId ? `T#${tenantId}#AUDIT` : 'AUDIT#UNATTRIBUTED');
const SYSTEM_KEY = { PK: 'SYSTEM', SK: 'USERS' };

/** How long audit records of unknown callers are kept (they are attacker-controlled volume). */
const UNATTRIBUTED_AUDIT_TTL_SECONDS = 30 * 86_400;

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, ...rest } = item;
  return rest as T;
}

/**
 * Tenants, users, sessions, WebSocket tickets, device keys, nonces, rate buckets and audit
 * records, in the same single table as missions. Single-item conditional writes only; items
 * that expire carry `expires_at` (epoch seconds), which DynamoDB TTL deletes in AWS and the
 * local stack sweeps itself. Expiry is always checked on read as well, since TTL is lazy.
 */
export class IdentityStore {
  constructor(
    private readonly doc: DocumentSender,
    private readonly table: string,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  private iso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  // --- Tenants and users ------------------------------------------------------------------

  async createTenant(name: string): Promise<TenantRecord> {
    const tenant: TenantRecord = {
      tenant_id: `t-${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`,
      name,
      created_at: this.iso(),
    };
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { PK: tenantPk(tenant.tenant_id), SK: 'META', ...tenant },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return tenant;
  }

  async getTenant(tenantId: string): Promise<TenantRecord | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: tenantPk(tenantId), SK: 'META' } }));
    return out.Item ? strip<TenantRecord>(out.Item) : null;
  }

  /** Creates a user; an email can exist once across all tenants (it is the login name). */
  async createUser(input: { email: string; tenantId: string; role: Role; passwordHash: string }): Promise<UserRecord> {
    const user: UserRecord = {
      user_id: `u-${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      email: input.email,
      tenant_id: input.tenantId,
      role: input.role,
      password_hash: input.passwordHash,
      created_at: this.iso(),
    };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: userPk(user.email),
            SK: 'META',
            GSI1PK: `T#${user.tenant_id}#USERS`,
            GSI1SK: user.email,
            ...user,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw new ConflictError(`A user ${user.email} already exists`);
      throw err;
    }
    // The first tenant that ever gets a user is the operator tenant (its owners may create tenants).
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: SYSTEM_KEY,
        UpdateExpression: 'ADD user_count :one SET operator_tenant_id = if_not_exists(operator_tenant_id, :t)',
        ExpressionAttributeValues: { ':one': 1, ':t': user.tenant_id },
      }),
    );
    return user;
  }

  async getUser(email: string): Promise<UserRecord | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: userPk(email), SK: 'META' }, ConsistentRead: true }),
    );
    return out.Item ? strip<UserRecord>(out.Item) : null;
  }

  /** The users of one tenant, by email. */
  async listUsers(tenantId: string): Promise<UserRecord[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `T#${tenantId}#USERS` },
      }),
    );
    return (out.Items ?? []).map((i) => strip<UserRecord>(i));
  }

  /** How many users were ever created, and the operator tenant (the first one that got a user). */
  async userSummary(): Promise<{ userCount: number; operatorTenantId: string | null }> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: SYSTEM_KEY, ConsistentRead: true }));
    return {
      userCount: Number(out.Item?.user_count ?? 0),
      operatorTenantId: typeof out.Item?.operator_tenant_id === 'string' ? out.Item.operator_tenant_id : null,
    };
  }

  // --- Sessions and WebSocket tickets -----------------------------------------------------

  async putSession(key: string, grant: GrantRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { PK: sessionPk(key), SK: 'META', ...grant },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /** The session, or null when unknown or expired (expired items may linger until swept). */
  async getSession(key: string): Promise<GrantRecord | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: sessionPk(key), SK: 'META' }, ConsistentRead: true }),
    );
    if (!out.Item) return null;
    const grant = strip<GrantRecord>(out.Item);
    return grant.expires_at > this.nowMs() / 1000 ? grant : null;
  }

  async deleteSession(key: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: sessionPk(key), SK: 'META' } }));
  }

  async putTicket(key: string, grant: GrantRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { PK: ticketPk(key), SK: 'META', ...grant },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /**
   * Uses a ticket up: one conditional delete, so of two connections presenting the same ticket
   * exactly one gets it. Null when unknown, already used or expired.
   */
  async consumeTicket(key: string): Promise<GrantRecord | null> {
    try {
      const out = await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { PK: ticketPk(key), SK: 'META' },
          ConditionExpression: 'attribute_exists(PK)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (!out.Attributes) return null;
      const grant = strip<GrantRecord>(out.Attributes);
      return grant.expires_at > this.nowMs() / 1000 ? grant : null;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return null;
      throw err;
    }
  }

  // --- Device keys and nonces -------------------------------------------------------------

  async putDevice(device: DeviceKeyRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: devicePk(device.key_id),
          SK: 'META',
          GSI1PK: `T#${device.tenant_id}#DEVICES`,
          GSI1SK: `${device.created_at}#${device.key_id}`,
          ...device,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getDevice(keyId: string): Promise<DeviceKeyRecord | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: devicePk(keyId), SK: 'META' }, ConsistentRead: true }),
    );
    return out.Item ? strip<DeviceKeyRecord>(out.Item) : null;
  }

  /** A tenant's device keys, newest first. */
  async listDevices(tenantId: string): Promise<DeviceKeyRecord[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `T#${tenantId}#DEVICES` },
        ScanIndexForward: false,
      }),
    );
    return (out.Items ?? []).map((i) => strip<DeviceKeyRecord>(i));
  }

  /** Revokes a key of this tenant (and, unless `anyUser`, of this user); false when there is no such key. */
  async revokeDevice(input: { tenantId: string; keyId: string; userId: string; anyUser: boolean }): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: devicePk(input.keyId), SK: 'META' },
          // revoked_at starts as NULL (not absent), so if_not_exists would keep the NULL.
          UpdateExpression: 'SET revoked_at = :at',
          ConditionExpression: input.anyUser
            ? 'attribute_exists(PK) AND tenant_id = :t'
            : 'attribute_exists(PK) AND tenant_id = :t AND user_id = :u',
          ExpressionAttributeValues: {
            ':at': this.iso(),
            ':t': input.tenantId,
            ...(input.anyUser ? {} : { ':u': input.userId }),
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async touchDevice(keyId: string, lastMissionId: string | null): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK: devicePk(keyId), SK: 'META' },
        UpdateExpression: 'SET last_used_at = :at, last_mission_id = :m',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': this.iso(), ':m': lastMissionId },
      }),
    );
  }

  /** Records a nonce as used (put-if-absent). False when it was already used: a replay. */
  async claimNonce(keyId: string, nonce: string, ttlSeconds: number): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: noncePk(keyId, nonce),
            SK: 'META',
            used_at: this.iso(),
            expires_at: Math.ceil(this.nowMs() / 1000) + ttlSeconds,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  // --- Token buckets ----------------------------------------------------------------------

  /**
   * Takes one token from the bucket `scope` with one atomic conditional update (see
   * domain/token-bucket): `tat + interval` while the bucket is busy, `now + interval` while it is
   * full. The two conditions exclude each other, so concurrent callers never overwrite each
   * other's take; a caller only tries the other form when the bucket changed between the two
   * (it can, each way, at most a few times). A refused take writes nothing.
   */
  async takeToken(scope: string, rate: BucketRate): Promise<TakeResult> {
    const key = { PK: bucketPk(scope), SK: 'META' };
    for (let tries = 0; tries < 4; tries++) {
      const now = this.nowMs();
      const { interval, busyLimit, expiresAt } = takeBounds(rate, now);
      const busy = await this.updateBucket(key, {
        UpdateExpression: 'SET tat = tat + :interval, expires_at = :expires',
        ConditionExpression: 'tat > :now AND tat <= :limit',
        ExpressionAttributeValues: { ':interval': interval, ':expires': expiresAt, ':now': now, ':limit': busyLimit },
      });
      if (busy !== null) return admitted(rate, now, busy);
      const full = await this.updateBucket(key, {
        UpdateExpression: 'SET tat = :next, expires_at = :expires',
        ConditionExpression: 'attribute_not_exists(tat) OR tat <= :now',
        ExpressionAttributeValues: { ':next': now + interval, ':expires': expiresAt, ':now': now },
      });
      if (full !== null) return admitted(rate, now, full);
      // Neither: the bucket is empty, or another caller moved it between the two updates.
      const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
      const tat = Number(out.Item?.tat ?? 0);
      if (tat > busyLimit) return refused(rate, now, tat);
    }
    // The bucket kept changing under this caller: contention this heavy is itself a sign of abuse.
    return { allowed: false, retryAfterSeconds: 1 };
  }

  /** One conditional update of a bucket; its new `tat`, or null when the condition failed. */
  private async updateBucket(
    key: { PK: string; SK: string },
    update: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeValues: Record<string, number> },
  ): Promise<number | null> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({ TableName: this.table, Key: key, ...update, ReturnValues: 'UPDATED_NEW' }),
      );
      return Number(out.Attributes?.tat);
    } catch (err) {
      if (isConditionalCheckFailed(err)) return null;
      throw err;
    }
  }

  /** Remembers that `email` logged in successfully from `source` (for `ttlSeconds`). */
  async rememberGoodSource(email: string, source: string, ttlSeconds: number): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: goodSourcePk(email, source),
          SK: 'META',
          at: this.iso(),
          expires_at: Math.ceil(this.nowMs() / 1000) + ttlSeconds,
        },
      }),
    );
  }

  /** Whether `email` logged in successfully from `source` recently. */
  async isGoodSource(email: string, source: string): Promise<boolean> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: goodSourcePk(email, source), SK: 'META' }, ConsistentRead: true }),
    );
    return Boolean(out.Item && Number(out.Item.expires_at) > this.nowMs() / 1000);
  }

  /** Forgets a bucket (a successful login refills its account's bucket). */
  async resetBucket(scope: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: bucketPk(scope), SK: 'META' } }));
  }

  // --- Audit ------------------------------------------------------------------------------

  async putAudit(input: Omit<AuditRecord, 'audit_id' | 'at'>): Promise<AuditRecord> {
    const at = this.iso();
    const record: AuditRecord = { ...input, audit_id: randomUUID(), at };
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: auditPk(record.tenant_id),
          SK: `${at}#${record.audit_id}`,
          ...record,
          ...(record.tenant_id ? {} : { expires_at: Math.ceil(this.nowMs() / 1000) + UNATTRIBUTED_AUDIT_TTL_SECONDS }),
        },
      }),
    );
    return record;
  }

  /**
   * Counts one refusal in its tally: one item per (tenant or unattributed, type, code, device of
   * the tenant, source network, hour), updated with an atomic ADD, so any number of refusals
   * writes a bounded number of items. The item sorts among the audit records at the start of its
   * hour and expires `REFUSAL_TALLY_TTL_SECONDS` after the hour ends.
   */
  async tallyRefusal(input: RefusalTallyInput): Promise<AuditRecord> {
    const nowMs = this.nowMs();
    const bucket = tallyBucketStart(nowMs);
    const bucketIso = new Date(bucket).toISOString();
    const device = input.tenant_id && input.keyId ? input.keyId : '-';
    const tallyKey = `${input.type}#${input.code}#${device}#${input.source}`;
    const audit_id = `tally-${createHash('sha256').update(`${bucketIso}#${tallyKey}`).digest('hex').slice(0, 24)}`;
    const now = this.iso();
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK: auditPk(input.tenant_id), SK: `${bucketIso}#TALLY#${tallyKey}` },
        UpdateExpression:
          'SET audit_id = :id, tenant_id = :t, #type = :type, code = :code, message = :msg, actor = :actor, #data = :data, ' +
          '#at = if_not_exists(#at, :now), first_at = if_not_exists(first_at, :now), last_at = :now, expires_at = :exp ' +
          'ADD #count :one',
        ExpressionAttributeNames: { '#type': 'type', '#data': 'data', '#at': 'at', '#count': 'count' },
        ExpressionAttributeValues: {
          ':id': audit_id,
          ':t': input.tenant_id,
          ':type': input.type,
          ':code': input.code,
          ':msg': input.message,
          ':actor': input.actor,
          ':data': { ...input.data, source: input.source },
          ':now': now,
          ':exp': Math.ceil(bucket / 1000) + REFUSAL_TALLY_BUCKET_SECONDS + REFUSAL_TALLY_TTL_SECONDS,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const { expires_at: _e, ...record } = strip<AuditRecord & { expires_at?: number }>(out.Attributes ?? {});
    return record;
  }

  /** Audit records of a tenant (or the unattributed ones for null), newest first. */
  async listAudit(tenantId: string | null, limit = 100): Promise<AuditRecord[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': auditPk(tenantId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => {
      const { expires_at: _e, ...rest } = strip<AuditRecord & { expires_at?: number }>(i);
      return rest;
    });
  }
}
