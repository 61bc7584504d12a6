import type { AwsJsonClient } from './aws-json-client';
import type { BuildTaskDirectory, BuildTaskIdentity } from '../app/builder-log-push';

/**
 * Build tasks by ECS task id, read from the task's container overrides (GANTRY_TENANT_ID,
 * GANTRY_MISSION_ID, GANTRY_ATTEMPT: what the Build state passes). Remembered per function
 * instance: a build's log arrives in many small batches.
 */
export class EcsBuildTaskDirectory implements BuildTaskDirectory {
  private readonly known = new Map<string, BuildTaskIdentity | null>();

  constructor(
    private readonly ecs: AwsJsonClient,
    private readonly clusterArn: string,
    private readonly containerName = 'builder',
  ) {}

  async identify(taskId: string): Promise<BuildTaskIdentity | null> {
    if (this.known.has(taskId)) return this.known.get(taskId) ?? null;
    const out = (await this.ecs.send({ operation: 'DescribeTasks', input: { cluster: this.clusterArn, tasks: [taskId] } })) as {
      tasks?: Array<{
        overrides?: {
          containerOverrides?: Array<{ name?: string; environment?: Array<{ name?: string; value?: string }> }>;
        };
      }>;
    };
    const overrides = out.tasks?.[0]?.overrides?.containerOverrides?.find((c) => c.name === this.containerName);
    const env = new Map((overrides?.environment ?? []).map((e) => [e.name ?? '', e.value ?? '']));
    const attempt = Number(env.get('GANTRY_ATTEMPT'));
    const tenantId = env.get('GANTRY_TENANT_ID');
    const missionId = env.get('GANTRY_MISSION_ID');
    const identity = tenantId && missionId && Number.isInteger(attempt) ? { tenantId, missionId, attempt } : null;
    if (this.known.size > 1000) this.known.clear();
    this.known.set(taskId, identity);
    return identity;
  }
}
