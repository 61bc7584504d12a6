import {
  DeleteCommand,
  type DocumentSender,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  isConditionalCheckFailed,
} from './dynamo-client';
import { createHash, randomUUID } from 'node:crypto';
import { chainHash, GENESIS_HASH } from '../domain/event-chain';
import { ConflictError, MissionEndedError, MissionNotFinalError, NotFoundError, TransientError } from '../domain/errors';
import { FINAL_STATUSES, isFinal } from '../domain/mission';
import type { Actor, Mission, MissionEvent, MissionOptions, MissionStatus } from '../domain/mission';
import { OneAtATime } from '../domain/one-at-a-time';

const missionPk = (tenant: string, mission: string): string => `T#${tenant}#M#${mission}`;
const eventSk = (seq: number): string => `E#${String(seq).padStart(10, '0')}`;
const connPk = (connectionId: string): string => `CONN#${connectionId}`;

/** Fields a caller may set on a mission besides status and seq (which only events move). */
export type MissionPatch = Partial<
  Omit<Mission, 'mission_id' | 'tenant_id' | 'status' | 'seq' | 'created_at' | 'updated_at' | 'chain_head'>
>;

export interface NewEvent {
  readonly type: string;
  readonly message: string;
  readonly actor: Actor;
  /** When set, the mission moves to this status together with the event. */
  readonly status?: MissionStatus;
  readonly data?: Record<string, unknown>;
  /** Retries with the same key do not append twice. Default: a fresh uuid. */
  readonly idempotencyKey?: string;
  readonly causationId?: string | null;
  /** Fields to set on the mission in the same update that moves its seq. */
  readonly patch?: MissionPatch;
  /**
   * Optimistic concurrency: append only if the chain's head is still at this seq, else a 409
   * ConflictError (a consultation turn computed from seq N must not overwrite one that raced it).
   */
  readonly expectedSeq?: number;
}

export interface Subscription {
  readonly connectionId: string;
}

export interface MissionStoreOptions {
  /**
   * Remember each mission's subscribers between pushes instead of querying them per push. Only
   * where every subscription write passes through this one instance (the local stack, one
   * process); in AWS many functions write subscriptions, so each push queries them.
   */
  readonly rememberSubscribers?: boolean;
}

/** What an append needs of a mission item: its seq and chain head, its status, its key index. */
interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly status: MissionStatus;
  /** The item's `ek_*` attribute names. */
  readonly keys: ReadonlySet<string>;
}
/** How many missions' heads one instance remembers. */
const REMEMBERED_HEADS = 1000;

/** How long remembered subscribers are trusted even without a write seen (rows swept elsewhere). */
const SUBSCRIBERS_TTL_MS = 30_000;

/**
 * Mission state in one DynamoDB table, single-item conditional writes only (dynalite has no
 * transactions). Every key starts with the tenant, so no query can cross tenants.
 */
export class MissionStore {
  /** Remembered subscribers per mission key, and until when (see `subscriptions`). */
  private readonly subscribers = new Map<string, { readonly subs: Subscription[]; readonly until: number }>();
  /** Bumped by every subscription write of a mission: a read that started before one is not kept. */
  private readonly subscriberGenerations = new Map<string, number>();
  /** Subscription writes of a mission in progress (see `changeSubscribers`). */
  private readonly subscriptionWrites = new Map<string, number>();
  /** Each mission item's head as this instance last moved it (see `appendFromItem`). */
  private readonly heads = new Map<string, ChainHead>();
  /** The append in progress per mission key (see `appendEvent`). */
  private readonly appending = new OneAtATime<string>();

  constructor(
    private readonly doc: DocumentSender,
    private readonly table: string,
    private readonly now: () => Date = () => new Date(),
    private readonly options: MissionStoreOptions = {},
  ) {}

  async createMission(input: {
    tenantId: string;
    missionId: string;
    prompt: string;
    options: MissionOptions;
    policyHash: string;
    speech: string;
    status?: MissionStatus;
    /** The mission this one retries. */
    retryOf?: string;
    /** More fields for the new record (a consultation's empty conversation and plan). */
    extra?: MissionPatch;
  }): Promise<Mission> {
    const at = this.now().toISOString();
    const mission: Mission = {
      mission_id: input.missionId,
      tenant_id: input.tenantId,
      status: input.status ?? 'QUEUED',
      prompt: input.prompt,
      options: input.options,
      created_at: at,
      updated_at: at,
      seq: 0,
      speech: input.speech,
      project_name: null,
      slug: null,
      kind: null,
      features: [],
      url: null,
      pr_url: null,
      branch: null,
      execution_arn: null,
      policy_hash: input.policyHash,
      attempts: [],
      failure: null,
      chain_head: GENESIS_HASH,
      evidence_key: null,
      builder_ms: 0,
      queue_position: null,
      retry_of: input.retryOf ?? null,
      retried_by: null,
      ...input.extra,
    };
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: missionPk(input.tenantId, input.missionId),
          SK: 'META',
          GSI1PK: `T#${input.tenantId}#MISSIONS`,
          GSI1SK: `${at}#${input.missionId}`,
          ...mission,
          // Every caller-given idempotency key of this mission's events is indexed on the item.
          [KEY_INDEX_ATTRIBUTE]: 1,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return mission;
  }

  async getMission(tenantId: string, missionId: string): Promise<Mission | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: missionPk(tenantId, missionId), SK: 'META' }, ConsistentRead: true }),
    );
    return out.Item ? toMission(out.Item) : null;
  }

  async requireMission(tenantId: string, missionId: string): Promise<Mission> {
    const mission = await this.getMission(tenantId, missionId);
    if (!mission) throw new NotFoundError(`Mission ${missionId} not found`);
    return mission;
  }

  /** Newest first; cleared missions are not in the tenant's list (they moved to its cleared partition). */
  async listMissions(tenantId: string, limit = 50): Promise<Mission[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `T#${tenantId}#MISSIONS` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(toMission);
  }

  /**
   * Every listed (not cleared) mission of the tenant, newest first, at most `cap`: what a search
   * looks through. Pages through the tenant's index partition; nothing outside the tenant is read.
   */
  async listMissionsForSearch(tenantId: string, cap: number): Promise<{ missions: Mission[]; truncated: boolean }> {
    const missions: Mission[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': `T#${tenantId}#MISSIONS` },
          ScanIndexForward: false,
          Limit: Math.min(200, cap - missions.length),
          ExclusiveStartKey: start,
        }),
      );
      missions.push(...(out.Items ?? []).map(toMission));
      start = out.LastEvaluatedKey;
    } while (start && missions.length < cap);
    return { missions, truncated: Boolean(start) };
  }

  /**
   * Clears a final mission (soft): sets `cleared_at` and moves it out of the tenant's list
   * partition, so lists and search no longer show it; the record, its events and its evidence stay
   * readable by id. Refused (409 MISSION_NOT_FINAL) unless the mission is final at the moment of
   * the write; a mission cleared before keeps its first `cleared_at`.
   */
  async clearMission(tenantId: string, missionId: string): Promise<{ cleared_at: string }> {
    const at = this.now().toISOString();
    const finals = Object.fromEntries(FINAL_STATUSES.map((status, i) => [`:f${i}`, status]));
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: missionPk(tenantId, missionId), SK: 'META' },
          UpdateExpression: 'SET cleared_at = if_not_exists(cleared_at, :at), GSI1PK = :cleared',
          ConditionExpression: `attribute_exists(PK) AND #status IN (${Object.keys(finals).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':cleared': `T#${tenantId}#CLEARED`, ...finals },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { cleared_at: String(out.Attributes?.cleared_at ?? at) };
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const mission = await this.requireMission(tenantId, missionId);
      throw new MissionNotFinalError(missionId, mission.status);
    }
  }

  /**
   * Sets descriptive fields without appending an event (for data that is not a state change).
   * `updated_at` is left alone: it is the time of the mission's last event, as a replay of the
   * log rebuilds it.
   */
  async patchMission(tenantId: string, missionId: string, patch: MissionPatch): Promise<void> {
    const { expression, names, values } = setExpression(patch);
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK: missionPk(tenantId, missionId), SK: 'META' },
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ConditionExpression: 'attribute_exists(PK)',
      }),
    );
  }

  /**
   * Appends the next event to the mission's hash chain. The event item is written with
   * `attribute_not_exists(SK)`, so two writers can never fork the chain: the loser re-reads
   * the head and tries again. The mission's seq/status then move forward only.
   */
  async appendEvent(tenantId: string, missionId: string, input: NewEvent): Promise<MissionEvent> {
    // Appends to one mission from this instance wait for each other: each then starts from the
    // head the one before it left (remembered, no read). Racing, they computed the same seq, all
    // but one lost the event write and took the general path (two queries, a read, a back-off).
    // Writers elsewhere still meet at the conditional writes, so the chain never forks.
    return this.appending.run(missionPk(tenantId, missionId), () => this.appendNow(tenantId, missionId, input));
  }

  private async appendNow(tenantId: string, missionId: string, input: NewEvent): Promise<MissionEvent> {
    const pk = missionPk(tenantId, missionId);
    const idempotencyKey = input.idempotencyKey ?? randomUUID();
    // As stored and as hashed: a JSON value (no undefined), so a re-read event hashes the same.
    const patch = input.patch ? (jsonValue(input.patch) as MissionPatch) : undefined;
    const fast = await this.appendFromItem(tenantId, missionId, input, idempotencyKey, patch);
    if (fast) return fast;
    for (let tries = 0; tries < 30; tries++) {
      // Jittered back-off after a lost race so a crowd of writers spreads out.
      if (tries > 0) await new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(tries, 5)));
      const head = await this.lastEvent(tenantId, missionId);
      if (head && head.idempotency_key === idempotencyKey) {
        // The writer that appended it may have stopped before the mission item moved: finish that.
        await this.settle(tenantId, missionId, head.seq);
        return head;
      }
      // A step re-run after a crash (or a redrive) repeats appends that are deeper in the log than
      // the head: a key given by the caller is looked up in the whole chain, so none is appended twice.
      if (input.idempotencyKey && head) {
        const earlier = await this.eventByIdempotencyKey(tenantId, missionId, idempotencyKey);
        if (earlier) return earlier;
      }
      if (input.expectedSeq !== undefined && (head?.seq ?? 0) !== input.expectedSeq) {
        // A mission item left behind its log (a writer stopped between the two writes) would refuse
        // every turn computed from it: bring it up to the log, so the caller's next read is current.
        if (head) await this.settle(tenantId, missionId, head.seq);
        throw new ConflictError(
          `Mission ${missionId} moved on (seq ${head?.seq ?? 0}, expected ${input.expectedSeq}); read it again and resend`,
        );
      }
      // A final status is final: no event may move the mission on from it (a late step, the
      // result of a cancelled build). The head event is checked too, because the mission item is
      // updated just after the event that made it final is written.
      if (input.status) {
        const ended = head?.status && isFinal(head.status) ? head.status : null;
        const current = ended ? null : await this.getMission(tenantId, missionId);
        if (ended || (current && isFinal(current.status))) {
          throw new MissionEndedError(missionId, ended ?? current?.status ?? 'final');
        }
      }
      // The first event carries the record the mission started as (see `nextEvent`).
      const start = !head ? await this.getMission(tenantId, missionId) : null;
      const event = this.nextEvent(tenantId, missionId, input, idempotencyKey, patch, {
        seq: head?.seq ?? 0,
        hash: head?.hash ?? GENESIS_HASH,
        start,
      });
      if (!(await this.putEvent(pk, event))) continue;
      await this.advanceMission(tenantId, missionId, event, patch ?? {}, input.idempotencyKey !== undefined);
      return event;
    }
    throw new TransientError(`Could not append to mission ${missionId}: too much contention`);
  }

  /**
   * The usual append, read from the mission item alone: its seq, chain head and status are the
   * log's head whenever the item is not behind its log, and its key index (`ek_*` attributes, one
   * per caller-given idempotency key, naming the seq) answers whether this append was made
   * before. One read, one conditional event write, one conditional item update, instead of
   * querying the log's head and searching every event for the key. Whenever the item cannot
   * vouch for the head (it is behind its log: the event write then finds its seq taken; it
   * predates the key index; the caller's expected seq or a final status is involved), this
   * answers null and the general path decides, so the chain still never forks.
   *
   * The read is skipped when this instance moved the item itself last (`heads`): what it
   * remembers is the item as of that write. Seq only grows and every seq names a written event,
   * so a remembered head that another writer has since passed finds its next seq taken; the
   * item is then read again. A stale memory costs one refused write, never a fork.
   */
  private async appendFromItem(
    tenantId: string,
    missionId: string,
    input: NewEvent,
    idempotencyKey: string,
    patch: MissionPatch | undefined,
  ): Promise<MissionEvent | null> {
    const pk = missionPk(tenantId, missionId);
    const remembered = this.heads.get(pk);
    if (remembered) {
      const event = await this.appendOnHead(tenantId, missionId, input, idempotencyKey, patch, remembered, null);
      if (event) return event;
      this.heads.delete(pk);
    }
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: pk, SK: 'META' }, ConsistentRead: true }));
    const item = out.Item;
    if (!item || item[KEY_INDEX_ATTRIBUTE] !== 1) return null;
    const mission = toMission(item);
    const head: ChainHead = {
      seq: mission.seq,
      hash: mission.chain_head ?? GENESIS_HASH,
      status: mission.status,
      keys: new Set(Object.keys(item).filter((k) => k.startsWith(KEY_INDEX_PREFIX) && k !== KEY_INDEX_ATTRIBUTE)),
    };
    return this.appendOnHead(tenantId, missionId, input, idempotencyKey, patch, head, mission.seq === 0 ? mission : null);
  }

  /** Appends after `head` if it can vouch for this append (see `appendFromItem`), else null. */
  private async appendOnHead(
    tenantId: string,
    missionId: string,
    input: NewEvent,
    idempotencyKey: string,
    patch: MissionPatch | undefined,
    head: ChainHead,
    start: Mission | null,
  ): Promise<MissionEvent | null> {
    const pk = missionPk(tenantId, missionId);
    const indexKey = input.idempotencyKey !== undefined;
    if (indexKey && head.keys.has(keyIndexAttribute(idempotencyKey))) return null;
    if (input.expectedSeq !== undefined && head.seq !== input.expectedSeq) return null;
    if (input.status && isFinal(head.status)) return null;
    const event = this.nextEvent(tenantId, missionId, input, idempotencyKey, patch, { seq: head.seq, hash: head.hash, start });
    if (!(await this.putEvent(pk, event))) return null;
    if (await this.advanceMission(tenantId, missionId, event, patch ?? {}, indexKey)) {
      const keys = indexKey ? new Set(head.keys).add(keyIndexAttribute(idempotencyKey)) : head.keys;
      this.rememberHead(pk, { seq: event.seq, hash: event.hash, status: event.status ?? head.status, keys });
    }
    return event;
  }

  /** Keeps the item's head as this instance just wrote it, the least recently written forgotten first. */
  private rememberHead(pk: string, head: ChainHead): void {
    this.heads.delete(pk);
    if (this.heads.size >= REMEMBERED_HEADS) this.heads.delete(this.heads.keys().next().value!);
    this.heads.set(pk, head);
  }

  /**
   * The event after `head` (its seq and hash; `start`: the mission as it started, carried by the
   * first event), hashed onto the head's hash.
   */
  private nextEvent(
    tenantId: string,
    missionId: string,
    input: NewEvent,
    idempotencyKey: string,
    patch: MissionPatch | undefined,
    head: { readonly seq: number; readonly hash: string; readonly start: Mission | null },
  ): MissionEvent {
    const headSeq = head.seq;
    const prevHash = head.hash;
    const seq = headSeq + 1;
    // The first event carries the record the mission started as, and every event its patch,
    // inside the hashed body: the log alone then rebuilds the mission item (gantry replay).
    const body: Omit<MissionEvent, 'hash'> = {
      mission_id: missionId,
      tenant_id: tenantId,
      seq,
      type: input.type,
      status: input.status ?? null,
      message: input.message,
      actor: input.actor,
      at: this.now().toISOString(),
      correlation_id: missionId,
      causation_id: input.causationId ?? (headSeq > 0 ? `${missionId}#${headSeq}` : null),
      idempotency_key: idempotencyKey,
      data: input.data ?? {},
      ...(seq === 1 && head.start ? { record: jsonValue(head.start) as Record<string, unknown> } : {}),
      ...(patch ? { patch } : {}),
      prev_hash: prevHash,
    };
    return { ...body, hash: chainHash(prevHash, body as unknown as Record<string, unknown>) };
  }

  /** Writes the event at its seq unless that seq is taken (then false: another writer was first). */
  private async putEvent(pk: string, event: MissionEvent): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          // The patch travels with the event: whoever finds the mission item behind the log can
          // apply it (see `settle`).
          Item: { PK: pk, SK: eventSk(event.seq), ...event },
          ConditionExpression: 'attribute_not_exists(SK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  /**
   * Moves the mission item to the event: status, seq, chain head and the event's patch, only from
   * the seq just before it. A mission item further behind (a writer stopped between its event and
   * this update) is first brought forward event by event (`settle`). True when the item moved
   * straight from the event before.
   */
  private async advanceMission(
    tenantId: string,
    missionId: string,
    event: MissionEvent,
    patch: MissionPatch,
    indexKey: boolean,
  ): Promise<boolean> {
    if (await this.applyEvent(tenantId, missionId, event, patch, indexKey)) return true;
    await this.settle(tenantId, missionId, event.seq);
    return false;
  }

  /** One conditional update of the mission item to `event`; false when the item is not at `event.seq - 1`. */
  private async applyEvent(
    tenantId: string,
    missionId: string,
    event: MissionEvent,
    patch: MissionPatch,
    indexKey = true,
  ): Promise<boolean> {
    const fields: Record<string, unknown> = { ...patch, seq: event.seq, chain_head: event.hash, updated_at: event.at };
    if (event.status) fields.status = event.status;
    // The key index: a re-run of the step that appended this event finds it from the item alone.
    if (indexKey) fields[keyIndexAttribute(event.idempotency_key)] = event.seq;
    const { expression, names, values } = setExpression(fields);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: missionPk(tenantId, missionId), SK: 'META' },
          UpdateExpression: expression,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':prevSeq': event.seq - 1 },
          ConditionExpression: 'attribute_exists(PK) AND seq = :prevSeq',
        }),
      );
      return true;
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      return false;
    }
  }

  /**
   * Brings the mission item up to its event log (at least to `upTo`, default the head): every
   * event the item has not seen is applied in order, with the patch stored beside it. The log is
   * the record; the item is its projection, so a crash between the event write and the item
   * update loses nothing (dynalite has no transactions to make the two one write).
   * Returns the mission as it now stands.
   */
  async settle(tenantId: string, missionId: string, upTo?: number): Promise<Mission | null> {
    for (let tries = 0; tries < 30; tries++) {
      const mission = await this.getMission(tenantId, missionId);
      if (!mission) return null;
      const target = upTo ?? (await this.lastEvent(tenantId, missionId))?.seq ?? 0;
      if (mission.seq >= target) return mission;
      const items = await this.eventItems(tenantId, missionId, mission.seq, target);
      let moved = true;
      for (const item of items) {
        const event = toEvent(item);
        // Events written before patches were hashed kept theirs in a separate attribute.
        const patch = (event.patch ?? item[PATCH_ATTRIBUTE] ?? {}) as MissionPatch;
        if (!(await this.applyEvent(tenantId, missionId, event, patch))) {
          // Another writer moved the item meanwhile: read it again.
          moved = false;
          break;
        }
      }
      if (moved && items.length > 0 && items.at(-1)!.seq === target) continue;
      if (moved) return this.getMission(tenantId, missionId);
    }
    throw new TransientError(`Could not bring mission ${missionId} up to its event log: too much contention`);
  }

  /** The raw event items with `afterSeq < seq <= toSeq`, oldest first (patch attribute included). */
  private async eventItems(tenantId: string, missionId: string, afterSeq: number, toSeq: number) {
    const items: Array<Record<string, unknown> & { seq: number }> = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': missionPk(tenantId, missionId),
            ':from': eventSk(afterSeq + 1),
            ':to': eventSk(toSeq),
          },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) items.push(item as Record<string, unknown> & { seq: number });
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** The event appended with this idempotency key, if any. */
  async eventByIdempotencyKey(tenantId: string, missionId: string, key: string): Promise<MissionEvent | null> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)',
          FilterExpression: 'idempotency_key = :k',
          ExpressionAttributeValues: { ':pk': missionPk(tenantId, missionId), ':e': 'E#', ':k': key },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      const item = out.Items?.[0];
      if (item) return toEvent(item);
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return null;
  }

  async lastEvent(tenantId: string, missionId: string): Promise<MissionEvent | null> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)',
        ExpressionAttributeValues: { ':pk': missionPk(tenantId, missionId), ':e': 'E#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? toEvent(item) : null;
  }

  /** Events with seq greater than `afterSeq`, oldest first. */
  async listEvents(tenantId: string, missionId: string, afterSeq = 0, limit = 1000): Promise<MissionEvent[]> {
    const events: MissionEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND SK > :from',
          ExpressionAttributeValues: { ':pk': missionPk(tenantId, missionId), ':from': eventSk(afterSeq) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        if (String(item.SK).startsWith('E#')) events.push(toEvent(item));
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey && events.length < limit);
    return events.slice(0, limit);
  }

  // --- WebSocket connections and subscriptions -------------------------------------------

  /** Records a connection; with `sessionKey` it is listed under that session, so logout can close it. */
  async putConnection(connectionId: string, tenantId: string, sessionKey?: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: connPk(connectionId),
          SK: 'META',
          tenant_id: tenantId,
          connected_at: this.now().toISOString(),
          ...(sessionKey ? { GSI1PK: `SESS#${sessionKey}#CONNS`, GSI1SK: connectionId } : {}),
        },
      }),
    );
    await this.adjustConnectionCount(1);
  }

  /** Connection ids opened under a session (through its tickets or its token). */
  async connectionsOfSession(sessionKey: string): Promise<string[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `SESS#${sessionKey}#CONNS` },
      }),
    );
    return (out.Items ?? []).map((i) => String(i.GSI1SK));
  }

  async getConnectionTenant(connectionId: string): Promise<string | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: connPk(connectionId), SK: 'META' } }));
    return out.Item ? String(out.Item.tenant_id) : null;
  }

  async subscribe(tenantId: string, missionId: string, connectionId: string): Promise<void> {
    const pk = missionPk(tenantId, missionId);
    const added = (subs: Subscription[]): Subscription[] =>
      subs.some((s) => s.connectionId === connectionId) ? subs : [...subs, { connectionId }];
    // The two items at once: either alone is harmless (pushes to a connection whose index lacks
    // the subscription end at its first 410; an index entry without the mission's item reaches
    // nothing and is removed with the connection).
    await this.changeSubscribers(pk, added, async () => {
      await Promise.all([
        this.doc.send(
          new PutCommand({ TableName: this.table, Item: { PK: pk, SK: `SUB#${connectionId}`, connection_id: connectionId } }),
        ),
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: { PK: connPk(connectionId), SK: `SUB#${tenantId}#${missionId}`, tenant_id: tenantId, mission_id: missionId },
          }),
        ),
      ]);
    });
  }

  async subscriptions(tenantId: string, missionId: string): Promise<Subscription[]> {
    const pk = missionPk(tenantId, missionId);
    const remember = this.options.rememberSubscribers === true;
    if (remember) {
      const known = this.subscribers.get(pk);
      if (known && known.until > Date.now()) return known.subs;
    }
    const generation = this.subscriberGenerations.get(pk) ?? 0;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
        ExpressionAttributeValues: { ':pk': pk, ':s': 'SUB#' },
      }),
    );
    const subs = (out.Items ?? []).map((i) => ({ connectionId: String(i.connection_id) }));
    // A subscription written while this query ran may be missing from it: keep only a clean read.
    if (remember && (this.subscriberGenerations.get(pk) ?? 0) === generation && !this.subscriptionWrites.has(pk)) {
      if (this.subscribers.size >= 1000) {
        for (const [key, entry] of this.subscribers) if (entry.until <= Date.now()) this.subscribers.delete(key);
      }
      this.subscribers.set(pk, { subs, until: Date.now() + SUBSCRIBERS_TTL_MS });
    }
    return subs;
  }

  /**
   * Makes a subscription write of mission `pk`. Remembered subscribers are changed by `change` as
   * the write starts (a push meanwhile may reach the connection a moment early or late, never one
   * of another mission) instead of forgotten, so the next push needs no query. No query that
   * overlaps the write is kept, and a write that fails forgets them.
   */
  private async changeSubscribers(
    pk: string,
    change: (subs: Subscription[]) => Subscription[],
    write: () => Promise<void>,
  ): Promise<void> {
    if (this.options.rememberSubscribers !== true) return write();
    const bump = (): void => void this.subscriberGenerations.set(pk, (this.subscriberGenerations.get(pk) ?? 0) + 1);
    this.subscriptionWrites.set(pk, (this.subscriptionWrites.get(pk) ?? 0) + 1);
    bump();
    const known = this.subscribers.get(pk);
    if (known && known.until > Date.now()) this.subscribers.set(pk, { subs: change(known.subs), until: known.until });
    else this.subscribers.delete(pk);
    try {
      await write();
    } catch (err) {
      this.subscribers.delete(pk);
      throw err;
    } finally {
      const left = (this.subscriptionWrites.get(pk) ?? 1) - 1;
      if (left > 0) this.subscriptionWrites.set(pk, left);
      else this.subscriptionWrites.delete(pk);
      bump();
    }
  }

  /** Removes a connection and every subscription it held. */
  async removeConnection(connectionId: string): Promise<void> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': connPk(connectionId) },
      }),
    );
    const items = out.Items ?? [];
    for (const item of items) {
      if (String(item.SK).startsWith('SUB#')) {
        const pk = missionPk(String(item.tenant_id), String(item.mission_id));
        await this.changeSubscribers(
          pk,
          (subs) => subs.filter((s) => s.connectionId !== connectionId),
          async () => {
            await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: pk, SK: `SUB#${connectionId}` } }));
          },
        );
      }
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: connPk(connectionId), SK: item.SK } }));
    }
    if (items.some((i) => i.SK === 'META')) await this.adjustConnectionCount(-1);
  }

  async connectionCount(): Promise<number> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: 'STATS', SK: 'WS' } }));
    return Math.max(0, Number(out.Item?.connections ?? 0));
  }

  private async adjustConnectionCount(delta: number): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK: 'STATS', SK: 'WS' },
        UpdateExpression: 'ADD connections :d',
        ExpressionAttributeValues: { ':d': delta },
      }),
    );
  }
}

/** The JSON value of `value`: undefined members dropped, undefined array entries null (as stored). */
const jsonValue = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function setExpression(fields: Record<string, unknown>): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .forEach(([key, value], i) => {
      names[`#f${i}`] = key;
      values[`:v${i}`] = value;
      parts.push(`#f${i} = :v${i}`);
    });
  return { expression: `SET ${parts.join(', ')}`, names, values };
}

/** The attribute in which events written before patches were hashed kept theirs (not part of the event). */
const PATCH_ATTRIBUTE = 'mission_patch';
/** Marks a mission item whose events' idempotency keys are indexed on it (`ek_<digest>`: seq). */
const KEY_INDEX_ATTRIBUTE = 'ek_index';
const KEY_INDEX_PREFIX = 'ek_';
const keyIndexAttribute = (key: string): string =>
  `${KEY_INDEX_PREFIX}${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
/**
 * The builders' line version that placed a queue position written on the item (store bookkeeping,
 * not a mission field): items written before positions were read from the line may carry it.
 */
const QUEUE_VERSION_ATTRIBUTE = 'queue_version';
const STORE_KEY_SET: ReadonlySet<string> = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', PATCH_ATTRIBUTE, QUEUE_VERSION_ATTRIBUTE]);
function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  // Copied field by field rather than copied and deleted from: an object that loses properties
  // turns into a slow dictionary, and this runs on every item read (every status read).
  const indexed = KEY_INDEX_ATTRIBUTE in item; // only mission items carry the key index
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(item)) {
    if (STORE_KEY_SET.has(k) || (indexed && k.startsWith(KEY_INDEX_PREFIX))) continue;
    copy[k] = item[k];
  }
  return copy;
}
const toMission = (item: Record<string, unknown>): Mission => stripKeys(item) as unknown as Mission;
const toEvent = (item: Record<string, unknown>): MissionEvent => stripKeys(item) as unknown as MissionEvent;
