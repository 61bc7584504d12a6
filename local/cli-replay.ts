import { ScanCommand, type DocumentSender } from '../lambdas/adapters/dynamo-client';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig } from '../lambdas/config';
import { MissionStore } from '../lambdas/adapters/mission-store';
import type { MissionEvent } from '../lambdas/domain/mission';
import {
  checkDecisionContexts,
  diffRecords,
  replayMission,
  ReplayError,
  type MissionRecord,
} from '../lambdas/domain/mission-replay';
import { tokenFor } from './cli-identity';
import { lockDataDir } from './data-dir-lock';
import { embeddedStoreClient, readStoreAccess, startEmbeddedStore } from './embedded-store';

export const REPLAY_USAGE = 'Usage: gantry replay <mission-id> [--stack <url> | --data-dir <dir>]';

export interface ReplayIo {
  out(text: string): void;
  err(text: string): void;
}

export interface MissionLog {
  readonly record: MissionRecord;
  readonly events: MissionEvent[];
}

/** The mission's stored record and whole event log, from a stack's API (the caller's session). */
export async function logFromStack(stack: string, missionId: string): Promise<MissionLog> {
  const token = tokenFor(stack);
  let res: Response;
  try {
    res = await fetch(`${stack}/gantry/missions/${encodeURIComponent(missionId)}/log`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new Error(`No Gantry stack answers at ${stack}`);
  }
  const body = (await res.json()) as { record?: MissionRecord; events?: MissionEvent[]; error?: { message?: string } };
  if (!res.ok || !body.record || !body.events)
    throw new Error(`${stack}: HTTP ${res.status} ${body.error?.message ?? ''}`.trim());
  return { record: body.record, events: body.events };
}

/** Reads the mission from a local store, whichever tenant holds it (the id is unique). */
export async function logFromStore(doc: DocumentSender, table: string, missionId: string): Promise<MissionLog> {
  let tenant: string | null = null;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'SK = :meta AND mission_id = :id',
        ExpressionAttributeValues: { ':meta': 'META', ':id': missionId },
        ExclusiveStartKey: startKey,
      }),
    );
    tenant = (out.Items?.[0]?.tenant_id as string | undefined) ?? null;
    startKey = tenant ? undefined : out.LastEvaluatedKey;
  } while (startKey);
  if (!tenant) throw new Error(`No mission ${missionId} in this data directory`);
  const store = new MissionStore(doc, table);
  const record = (await store.requireMission(tenant, missionId)) as unknown as MissionRecord;
  const events: MissionEvent[] = [];
  for (;;) {
    const page = await store.listEvents(tenant, missionId, events.at(-1)?.seq ?? 0, 1000);
    events.push(...page);
    if (page.length < 1000) break;
  }
  return { record, events };
}

/** Opens a data directory's store: through a running stack's socket, or directly (holding its lock). */
async function logFromDataDir(dataDir: string, missionId: string): Promise<MissionLog> {
  const config = readConfig();
  const dir = resolve(dataDir);
  if (!existsSync(dir)) throw new Error(`No data directory at ${dir}`);
  const running = readStoreAccess(dir);
  if (running) {
    const client = embeddedStoreClient(running, config.AWS_REGION);
    try {
      return await logFromStore(client, config.GANTRY_TABLE_NAME, missionId);
    } finally {
      client.destroy();
    }
  }
  const release = lockDataDir(dir);
  const store = await startEmbeddedStore(dir, config.AWS_REGION).catch((err: unknown) => {
    release();
    throw err;
  });
  try {
    return await logFromStore(store.client, config.GANTRY_TABLE_NAME, missionId);
  } finally {
    await store.close();
    release();
  }
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

/** Replays a log against its record: prints the verdict (and the diff); true when they are equal. */
export function reportReplay(missionId: string, log: MissionLog, io: ReplayIo): boolean {
  let replayed: MissionRecord;
  try {
    replayed = replayMission(log.events);
  } catch (err) {
    if (!(err instanceof ReplayError)) throw err;
    io.out(`FAIL replay            ${err.message}`);
    return false;
  }
  const diff = diffRecords(replayed, log.record);
  const fields = Object.keys(log.record).length;
  if (diff.length === 0) {
    io.out(
      `ok   replay            ${log.events.length} events rebuild all ${fields} fields of the stored record (status ${String(replayed.status)})`,
    );
  } else {
    io.out(`FAIL replay            ${diff.length} field(s) differ from the stored record:`);
    for (const d of diff) io.out(`       ${d.field}: replayed ${show(d.replayed)} | stored ${show(d.stored)}`);
  }
  const decisions = checkDecisionContexts(log.events);
  for (const c of decisions) io.out(`${c.ok ? 'ok  ' : 'FAIL'} decision #${c.seq}      ${c.gate}: ${c.detail}`);
  const ok = diff.length === 0 && decisions.every((c) => c.ok);
  io.out(
    ok ? `Mission ${missionId} replays exactly from its event log.` : `Mission ${missionId} does NOT replay to its stored state.`,
  );
  return ok;
}

/** `gantry replay <mission-id> [--stack <url> | --data-dir <dir>]`; exit 0 only when the replay equals the stored mission. */
export async function replayCommand(args: string[], io: ReplayIo, defaultStack: string): Promise<number> {
  const positional = args.filter((a, i) => !a.startsWith('--') && !['--stack', '--data-dir'].includes(args[i - 1] ?? ''));
  const flag = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const stack = flag('--stack');
  const dataDir = flag('--data-dir');
  if (
    positional.length !== 1 ||
    (stack && dataDir) ||
    (args.includes('--stack') && !stack) ||
    (args.includes('--data-dir') && !dataDir)
  ) {
    io.err(REPLAY_USAGE);
    return 2;
  }
  const missionId = positional[0]!;
  let log: MissionLog;
  try {
    log = dataDir
      ? await logFromDataDir(dataDir, missionId)
      : await logFromStack((stack ?? defaultStack).replace(/\/$/, ''), missionId);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  return reportReplay(missionId, log, io) ? 0 : 1;
}
