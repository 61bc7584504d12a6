import * as z from '../domain/zod';
import {
  BUILDER_LINE_MAX_WAITING,
  BUILDER_WAIT_LIMIT_SECONDS,
  HOLDER_LEASE_MARGIN_SECONDS,
  enter,
  leave,
  lineKey,
  positions,
  sameLine,
  type BuilderLine,
  type HolderEntry,
  type LineChange,
} from '../domain/builder-line';
import { OneAtATime } from '../domain/one-at-a-time';
import { GantryError, MissionEndedError, TaskTokenClosedError, TransientError } from '../domain/errors';
import { isFinal, WORKFLOW_ACTOR } from '../domain/mission';
import { buildStateTimeoutSeconds } from '../domain/mission-definition';
import { logger } from '../observability';
import { broadcast, recordEvent } from './mission-events';
import type { Services } from './services';

/** What taking a place in, or leaving, the builders' line uses. */
export type BuilderLineServices = Pick<Services, 'store' | 'push' | 'taskTokens' | 'builderLine' | 'policy'>;

export const AwaitBuilderInputSchema = z.object({
  tenant_id: z.string().check(z.minLength(1)),
  mission_id: z.string().check(z.minLength(1)),
  attempt: z.number().check(z.int(), z.gte(1)),
  task_token: z.string().check(z.minLength(1)),
});

/** The mission waited longer than {@link BUILDER_WAIT_LIMIT_SECONDS} for a builder. */
export class BuilderWaitExceededError extends GantryError {
  constructor(waitedSeconds: number, capacity: number) {
    super(
      'BUILDER_WAIT_EXCEEDED',
      `No builder became free within the ${BUILDER_WAIT_LIMIT_SECONDS} s limit of the builders' line ` +
        `(waited ${waitedSeconds} s; builder.concurrency is ${capacity})`,
      503,
      { limit_seconds: BUILDER_WAIT_LIMIT_SECONDS, waited_seconds: waitedSeconds, concurrency: capacity },
    );
    this.name = 'BuilderWaitExceeded';
  }
}

/** The line already holds {@link BUILDER_LINE_MAX_WAITING} waiting missions. */
export class BuilderLineFullError extends GantryError {
  constructor(capacity: number) {
    super(
      'BUILDER_LINE_FULL',
      `The builders' line is full: ${BUILDER_LINE_MAX_WAITING} missions already wait for the ${capacity} builders ` +
        '(builder.concurrency); try again when some have finished',
      503,
      { max_waiting: BUILDER_LINE_MAX_WAITING, concurrency: capacity },
    );
    this.name = 'BuilderLineFull';
  }
}

/** Conditional writes a change of the line may lose to other writers before it gives up (retried by the workflow). */
const MAX_TRIES = 40;

const leaseSeconds = (svc: BuilderLineServices): number =>
  buildStateTimeoutSeconds(svc.policy.policy) + HOLDER_LEASE_MARGIN_SECONDS;
const capacityOf = (svc: BuilderLineServices): number => svc.policy.policy.builder.concurrency;

interface Applied<T extends LineChange> {
  readonly before: BuilderLine;
  readonly change: T;
  readonly written: boolean;
}

/**
 * Changes of the line made from this process, one at a time per line store: they wait for each
 * other instead of racing. Steps of many missions run at once in one process (the local stack; a
 * Lambda container serves one at a time), and without this a crowd of them entering together read
 * the same version, all but one lost the conditional write, and each read again after a back-off.
 * Other processes still meet at the conditional write.
 */
const changing = new OneAtATime<object>();

/**
 * Reads the line, computes the change and stores it if the line did not move meanwhile (else
 * again, from a fresh read). `proceed` may refuse a computed change (to do something first).
 * Within this process, changes are made one at a time (see `changing`).
 */
function apply<T extends LineChange>(
  svc: BuilderLineServices,
  compute: (line: BuilderLine) => T,
  proceed: (change: T, before: BuilderLine) => Promise<boolean> = async () => true,
): Promise<Applied<T>> {
  return changing.run(svc.builderLine, () => applyNow(svc, compute, proceed));
}

async function applyNow<T extends LineChange>(
  svc: BuilderLineServices,
  compute: (line: BuilderLine) => T,
  proceed: (change: T, before: BuilderLine) => Promise<boolean>,
): Promise<Applied<T>> {
  let lost = 0;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    // Jittered back-off after a race lost to another process, so a crowd of writers spreads out
    // (a change `proceed` refused is computed again at once).
    if (lost > 0) await new Promise((r) => setTimeout(r, Math.random() * 8 * Math.min(lost, 6)));
    const before = await svc.builderLine.read();
    const change = compute(before);
    if (!(await proceed(change, before))) {
      lost = 0;
      continue;
    }
    if (sameLine(before, change.line)) return { before, change, written: false };
    if (await svc.builderLine.write(change.line, before.version)) {
      return { before, change, written: true };
    }
    lost += 1;
  }
  throw new TransientError("The builders' line changed under every try; the step is retried");
}

/**
 * Tells a mission's subscribers its place in the line (null: it left the line). Nothing is
 * written: a status read derives the place from the line itself (see `withQueuePosition`), so a
 * change of the line costs one write however many missions wait, not one per mission that moved.
 */
async function show(svc: BuilderLineServices, tenantId: string, missionId: string, position: number | null) {
  await broadcast(svc, tenantId, missionId, { type: 'queue', mission_id: missionId, queue_position: position });
}

/**
 * After a stored change: completes the tasks of the missions it gave a builder, tells them they
 * left the line, and tells every waiting mission whose place moved its new place.
 */
async function announce(svc: BuilderLineServices, applied: Applied<LineChange>): Promise<void> {
  const { before, change } = applied;
  if (!applied.written) return;
  const was = positions(before);
  const now = positions(change.line);
  // Every mission granted here was waiting in line (the entering one is answered by its own step).
  const granted = change.granted.map(async (holder) => {
    await grant(svc, holder);
    await show(svc, holder.tenant_id, holder.mission_id, null);
  });
  const moved = change.line.waiting
    .filter((w) => was.get(lineKey(w)) !== now.get(lineKey(w)))
    .map((w) => show(svc, w.tenant_id, w.mission_id, now.get(lineKey(w)) as number));
  for (const holder of change.expired) {
    logger.warn('A builder holder never released its builder; its lease ran out', {
      mission_id: holder.mission_id,
      granted_at: holder.granted_at,
    });
  }
  await Promise.all([...granted, ...moved]);
}

/** Completes a granted mission's waiting task. A token no task waits on is fine: the task, entered again, finds its builder. */
async function grant(svc: BuilderLineServices, holder: HolderEntry): Promise<void> {
  try {
    await svc.taskTokens.sendSuccess(holder.task_token, {
      granted_at: holder.granted_at,
      waited_ms: Math.max(0, Date.parse(holder.granted_at) - Date.parse(holder.joined_at)),
    });
  } catch (err) {
    if (err instanceof TaskTokenClosedError) return;
    // Its task is entered again within the state's timeout and then sees the grant.
    logger.warn('Could not hand a builder to a waiting mission', {
      mission_id: holder.mission_id,
      error: (err as Error).message,
    });
  }
}

/**
 * Workflow step AwaitBuilder (`lambda:invoke.waitForTaskToken`): takes a builder for the attempt
 * or a place in the line. A mission that must wait is first moved to QUEUED (so that status can
 * never land after its build began) and shown its position; a grant later completes the task.
 * The state times out every minute and enters again: that keeps the token fresh, sees a grant
 * that was not heard, takes back the builders of holders whose lease ran out, and fails the
 * mission with `BuilderWaitExceeded` once it has waited {@link BUILDER_WAIT_LIMIT_SECONDS}.
 */
export async function awaitBuilderStep(svc: BuilderLineServices, input: unknown): Promise<Record<string, unknown>> {
  const { tenant_id, mission_id, attempt, task_token } = AwaitBuilderInputSchema.parse(input);
  const mission = await svc.store.requireMission(tenant_id, mission_id);
  if (isFinal(mission.status)) throw new MissionEndedError(mission.mission_id, mission.status);
  const capacity = capacityOf(svc);
  const me = lineKey({ tenant_id, mission_id });
  // Recorded at most once per attempt (its idempotency key), before the mission joins the line.
  let queued = false;
  const applied = await apply(
    svc,
    (line) => enter(line, { tenant_id, mission_id, attempt, task_token }, capacity, new Date(), leaseSeconds(svc)),
    async (change, before) => {
      if (change.outcome.state !== 'waiting' || before.waiting.some((w) => lineKey(w) === me)) return true;
      // A newcomer to a full line is refused, with the limit named, before it joins or is QUEUED.
      if (before.waiting.length >= BUILDER_LINE_MAX_WAITING) throw new BuilderLineFullError(capacity);
      if (queued) return true;
      const ahead = change.outcome.position - 1;
      await recordEvent(svc, tenant_id, mission_id, {
        type: 'status',
        status: 'QUEUED',
        message: `Waiting for a builder for attempt ${attempt}: all ${capacity} are busy${ahead > 0 ? `, ${ahead} ahead in line` : ''}`,
        actor: WORKFLOW_ACTOR,
        idempotencyKey: `${mission_id}:QUEUED:${attempt}`,
        data: { attempt, concurrency: capacity },
      });
      queued = true;
      return false;
    },
  );
  const { outcome } = applied.change;
  await announce(svc, applied);
  if (outcome.state === 'holding') {
    if (outcome.holder.waited) await show(svc, tenant_id, mission_id, null);
    await grant(svc, outcome.holder);
    return { builder: 'granted', granted_at: outcome.holder.granted_at };
  }
  const waited = Math.floor((Date.now() - Date.parse(outcome.joined_at)) / 1000);
  if (waited >= BUILDER_WAIT_LIMIT_SECONDS) {
    await leaveBuilderLine(svc, tenant_id, mission_id);
    throw new BuilderWaitExceededError(waited, capacity);
  }
  await show(svc, tenant_id, mission_id, outcome.position);
  return { builder: 'waiting', queue_position: outcome.position, joined_at: outcome.joined_at };
}

/**
 * The mission leaves the builders' line, holding a builder or waiting for one: its build ended
 * (audit), it failed, or its execution ended. The next in line gets the builder. Idempotent.
 */
export async function leaveBuilderLine(svc: BuilderLineServices, tenantId: string, missionId: string): Promise<void> {
  const applied = await apply(svc, (line) =>
    leave(line, { tenant_id: tenantId, mission_id: missionId }, capacityOf(svc), new Date(), leaseSeconds(svc)),
  );
  if (!applied.written) return;
  const wasWaiting = applied.before.waiting.some((w) => w.tenant_id === tenantId && w.mission_id === missionId);
  await Promise.all([announce(svc, applied), wasWaiting ? show(svc, tenantId, missionId, null) : Promise.resolve()]);
}
