import { ECSClient } from '@aws-sdk/client-ecs';
import { EcsBuildTaskDirectory } from '../adapters/ecs-build-tasks';
import { pushBuilderLogs } from '../app/builder-log-push';
import { services } from '../composition-root';

let tasks: EcsBuildTaskDirectory | undefined;

/** CloudWatch Logs subscription target of the builder log group: live build logs to browsers. */
export const handler = async (event: unknown) => {
  const svc = services();
  tasks ??= new EcsBuildTaskDirectory(new ECSClient({ region: svc.config.AWS_REGION }), svc.config.GANTRY_BUILDER_CLUSTER_ARN);
  return pushBuilderLogs(svc, event, tasks);
};
