import { pushBuilderLogs } from '../app/builder-log-push';
import type { EventServices } from '../app/mission-events';
import type { BuildTaskDirectory } from '../app/builder-log-push';

/** What the log push uses: live subscriptions, the push channel and the builder tasks' missions. */
export type BuilderLogPushServices = EventServices & { readonly tasks: BuildTaskDirectory };

/** CloudWatch Logs subscription target of the builder log group: live build logs to browsers. */
export const createHandler = (services: () => BuilderLogPushServices) => async (event: unknown) => {
  const svc = services();
  return pushBuilderLogs(svc, event, svc.tasks);
};
