import {
  type DocumentSender,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  isConditionalCheckFailed,
} from './dynamo-client';
import type { ApprovalRepository, ApprovalWait } from '../domain/ports';

const missionPk = (tenant: string, mission: string): string => `T#${tenant}#M#${mission}`;
/** The one wait item of a mission, next to its META and events. */
const WAIT_SK = 'WAIT';
/** Open waits are indexed per tenant (GSI1) so `GET /gantry/decisions` is one query; closing one drops it from the index. */
const waitsIndexPk = (tenant: string): string => `T#${tenant}#WAITS`;

const isConditionFailure = (err: unknown): boolean => isConditionalCheckFailed(err);

function toWait(item: Record<string, unknown>): ApprovalWait {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, ...rest } = item;
  return rest as unknown as ApprovalWait;
}

/** Human waits in the mission table: single-item conditional writes, every key under the tenant. */
export class ApprovalStore implements ApprovalRepository {
  constructor(
    private readonly doc: DocumentSender,
    private readonly table: string,
  ) {}

  async putWait(wait: ApprovalWait): Promise<void> {
    const key = { PK: missionPk(wait.tenant_id, wait.mission_id), SK: WAIT_SK };
    try {
      // The same wait (a re-invoked step, a redrive): only the task token changes, and only while
      // it still waits; a decided wait keeps its decision.
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'SET task_token = :t',
          ConditionExpression: 'wait_id = :w AND #s = :waiting',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':t': wait.task_token, ':w': wait.wait_id, ':waiting': 'waiting' },
        }),
      );
      return;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...key,
            GSI1PK: waitsIndexPk(wait.tenant_id),
            GSI1SK: `${wait.requested_at}#${wait.mission_id}`,
            ...wait,
          },
          // A new wait never replaces one that still waits or that already decided this same wait.
          ConditionExpression: 'attribute_not_exists(PK) OR (#s <> :waiting AND wait_id <> :w)',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':waiting': 'waiting', ':w': wait.wait_id },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // Lost to a concurrent writer of the same wait or to a decision of it: what is stored stands.
    }
  }

  async getWait(tenantId: string, missionId: string): Promise<ApprovalWait | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: missionPk(tenantId, missionId), SK: WAIT_SK }, ConsistentRead: true }),
    );
    return out.Item ? toWait(out.Item) : null;
  }

  async claimDecision(
    tenantId: string,
    missionId: string,
    taskToken: string,
    decision: NonNullable<ApprovalWait['decision']>,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: missionPk(tenantId, missionId), SK: WAIT_SK },
          UpdateExpression: 'SET #s = :decided, decision = :d REMOVE GSI1PK, GSI1SK',
          ConditionExpression: '#s = :waiting AND task_token = :t',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':decided': 'decided', ':waiting': 'waiting', ':d': decision, ':t': taskToken },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async closeWait(tenantId: string, missionId: string, state: 'timed_out' | 'cancelled'): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: missionPk(tenantId, missionId), SK: WAIT_SK },
          UpdateExpression: 'SET #s = :state REMOVE GSI1PK, GSI1SK',
          ConditionExpression: '#s = :waiting',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':state': state, ':waiting': 'waiting' },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async listWaits(tenantId: string): Promise<ApprovalWait[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': waitsIndexPk(tenantId) },
        Limit: 200,
      }),
    );
    return (out.Items ?? []).map(toWait).filter((w) => w.state === 'waiting');
  }
}
