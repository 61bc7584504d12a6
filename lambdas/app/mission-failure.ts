import { buildLogKey, patchKey, resultKey } from '../../builder-image/src/artifact-keys';
import type { Services } from './services';
import { missionSpend } from '../domain/budget';
import { BuildResultSchema } from '../domain/build-result';
import { NotFoundError } from '../domain/errors';
import { bestAttempt } from '../domain/heal-progress';
import type { Mission } from '../domain/mission';

export type FailureViewServices = Pick<Services, 'artifacts' | 'policy'>;

/** Bytes of a heal diff included inline in the failure view (the whole diff stays an artifact). */
const DIFF_INLINE_BYTES = 64 * 1024;

async function text(svc: FailureViewServices, key: string): Promise<string | null> {
  const raw = await svc.artifacts.get(key);
  return raw ? raw.toString('utf8') : null;
}

/**
 * What `GET /gantry/missions/{id}/failure` returns: the final failure and every attempt, each with
 * its outcome (passed, failed, discarded), the attempt it was healed from, the tests it broke, the
 * heal's diff, the failing command's log tail, the digest of its full log and where to get it.
 */
export async function failureView(svc: FailureViewServices, mission: Mission): Promise<Record<string, unknown>> {
  const attempts = await Promise.all(
    mission.attempts.map(async (record) => {
      const [diff, resultText] = await Promise.all([
        record.attempt > 1 ? text(svc, patchKey(mission.tenant_id, mission.mission_id, record.attempt)) : null,
        text(svc, resultKey(mission.tenant_id, mission.mission_id, record.attempt)),
      ]);
      const parsed = resultText ? BuildResultSchema.safeParse(JSON.parse(resultText)) : null;
      const result = parsed?.success ? parsed.data : null;
      const failing = result?.commands.find((c) => c.phase === result.failed_phase) ?? null;
      const diffBytes = diff === null ? 0 : Buffer.byteLength(diff);
      return {
        ...record,
        failing_command: failing?.command ?? null,
        log_tail: failing?.log_tail ?? null,
        failing_tests: result ? result.tests.filter((t) => !t.ok).map((t) => t.name) : [],
        patch:
          diff === null
            ? null
            : {
                text: diffBytes > DIFF_INLINE_BYTES ? Buffer.from(diff).subarray(0, DIFF_INLINE_BYTES).toString('utf8') : diff,
                truncated: diffBytes > DIFF_INLINE_BYTES,
              },
        log_url: `/gantry/missions/${mission.mission_id}/attempts/${record.attempt}/log`,
      };
    }),
  );
  return {
    mission_id: mission.mission_id,
    status: mission.status,
    failure: mission.failure,
    attempts,
    best_attempt: bestAttempt(mission.attempts)?.attempt ?? null,
    spend: missionSpend(mission),
    budget: svc.policy.policy.budget,
    policy_hash: mission.policy_hash,
    retry_of: mission.retry_of ?? null,
    retried_by: mission.retried_by ?? null,
  };
}

/** The full build log of one attempt, as the builder stored it (a build still running has none yet). */
export async function attemptLog(svc: FailureViewServices, mission: Mission, attempt: number): Promise<Buffer> {
  const raw = await svc.artifacts.get(buildLogKey(mission.tenant_id, mission.mission_id, attempt));
  if (!raw) throw new NotFoundError(`Mission ${mission.mission_id} has no build log for attempt ${attempt} (yet)`);
  return raw;
}
