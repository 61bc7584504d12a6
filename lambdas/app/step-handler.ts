import { MissionStateSchema, type MissionState } from '../domain/mission';
import { logger } from '../observability';
import { refreshPolicy, type PolicyServices } from './services';

/** A workflow step as Step Functions invokes it: the state document in, the next one out. */
export type StepFunction<R = MissionState> = (input: unknown) => Promise<R>;

/**
 * Wraps a workflow step: parse the state document, run, and log a failure with the mission's ids.
 * Errors propagate with their `name`, which is what the ASL `Retry`/`Catch` blocks match. The
 * result is a factory: the function's entry (or the local stack) hands it the services the step
 * uses.
 */
export function stepHandler<S extends PolicyServices, R = MissionState>(step: (svc: S, state: MissionState) => Promise<R>) {
  return (services: () => S): StepFunction<R> =>
    async (input: unknown): Promise<R> => {
      const state = MissionStateSchema.parse(input);
      try {
        const svc = services();
        // A policy edited or uploaded since the last step governs this one.
        await refreshPolicy(svc);
        return await step(svc, state);
      } catch (err) {
        // Steps of other missions run in the same process locally: the line names its own.
        logger.warn('Step failed', {
          mission_id: state.mission_id,
          tenant_id: state.tenant_id,
          attempt: state.attempt,
          error: (err as Error).message,
          error_name: (err as Error).name,
        });
        throw err;
      }
    };
}
