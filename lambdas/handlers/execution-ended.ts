import { recordEndedExecution, type EndedExecutionServices } from '../app/execution-ended';
import { refreshPolicy } from '../app/services';

/**
 * EventBridge target of "Step Functions Execution Status Change" (TIMED_OUT, ABORTED, FAILED) of
 * the mission state machine; the local workflow runner calls it with the same event.
 */
export const createHandler = (services: () => EndedExecutionServices) => async (event: unknown) => {
  const svc = services();
  await refreshPolicy(svc);
  return recordEndedExecution(svc, event);
};
