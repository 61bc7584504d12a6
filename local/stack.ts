import './polyfills';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { readConfig, type GantryEnv } from '../lambdas/config';
import { createLocalServices, installServices, type Services } from '../lambdas/composition-root';
import { recordFailureStep } from '../lambdas/app/mission-steps';
import { isFinal, type Mission } from '../lambdas/domain/mission';
import type { ArchitectPort } from '../lambdas/domain/ports';
import {
  MISSION_SUBSTITUTIONS,
  missionDefinitionJson,
  substitute,
  type MissionSubstitution,
} from '../lambdas/domain/mission-definition';
import { policyPathCandidates, PROJECT_ROOT } from '../lambdas/domain/policy';
import { lockDataDir } from './data-dir-lock';
import { ensureTable } from './dynamo-table';
import { bootstrapFirstOwner, type BootstrapOutcome } from '../lambdas/app/accounts';
import { sweepExpiredItems } from './expired-items';
import { LocalGateway } from './gateway';
import { STEP_HANDLER_MAP } from './handler-registry';
import { LocalBuilds } from './local-build-task';
import { BuilderSlots } from './sandbox/builder-slots';
import { LocalSandbox } from './sandbox/local-sandbox';
import { runBuilderJob } from './sandbox/run-builder-job';
import { runSnippet } from './sandbox/snippet';
import { FilePolicySource } from '../lambdas/adapters/policy-source';
import { LocalWorkflowRunner, type LocalTask } from './workflow-runner';
import { handler as endedExecutionHandler } from '../lambdas/handlers/execution-ended';
// dynalite ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (opts: Record<string, unknown>) => Server;

/** State name → step handler: the local runner's overrides, keyed as aws-local-stepfunctions wants. */
const STATE_TO_STEP = {
  Architect: 'step-architect',
  PolicyGate: 'step-policy-gate',
  Audit: 'step-audit',
  Heal: 'step-heal',
  Deploy: 'step-deploy',
  Publish: 'step-publish',
  Seal: 'step-seal',
  RecordFailure: 'step-record-failure',
} as const;

export interface LocalStack {
  readonly url: string;
  readonly dataDir: string;
  readonly services: Services;
  readonly runner: LocalWorkflowRunner;
  readonly gateway: LocalGateway;
  readonly sandbox: LocalSandbox;
  /** Lines worth printing at start-up (isolation warnings, recovered missions). */
  readonly notices: string[];
  /** Whether the first owner was created at this start, users already existed, or there are none yet. */
  readonly identity: BootstrapOutcome;
  /** The local builds (queue, running, peak concurrency) and their slots. */
  readonly builds: LocalBuilds;
  readonly slots: BuilderSlots;
  /** The watched policy file: edits apply without a restart (an invalid edit is refused). */
  readonly policySource: FilePolicySource;
  stop(options?: { drain?: boolean }): Promise<void>;
}

/** Missions left in a running status with no execution behind them (e.g. a crash right after creation). */
async function strandedMissions(client: DynamoDBClient, table: string): Promise<Mission[]> {
  const doc = DynamoDBDocumentClient.from(client);
  const out: Mission[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'SK = :meta AND begins_with(PK, :t)',
        ExpressionAttributeValues: { ':meta': 'META', ':t': 'T#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const m = item as Mission;
      if (!isFinal(m.status) && !['NEEDS_INPUT', 'NEEDS_CONFIRMATION', 'READY_TO_BUILD'].includes(m.status)) out.push(m);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Starts the whole local stack: DynamoDB (dynalite on disk), the gateway (REST, WebSocket,
 * @connections, static apps), the workflow runner over the same ASL, and the sandboxed builder.
 * After a restart every mission that was running is failed with reason `interrupted`.
 */
export interface LocalStackOptions {
  /** Environment to read configuration from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the offline architect (scripted architects in tests, another provider later). */
  readonly architect?: ArchitectPort;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const config: GantryEnv = readConfig(options.env ?? process.env);
  const dataDir = resolve(config.GANTRY_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const releaseDataDir = lockDataDir(dataDir);
  // The policy file is watched: an edit applies to the next step without a restart.
  const policyPath = options.env?.GANTRY_POLICY_PATH || policyPathCandidates().find((p) => existsSync(p));
  const policySource = new FilePolicySource(policyPath ?? join(PROJECT_ROOT, 'policy.yaml'), { watch: true });
  const policy = policySource.current();
  const notices: string[] = [];

  const dynamoServer = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((r, j) => {
    dynamoServer.once('error', j);
    dynamoServer.listen(0, '127.0.0.1', () => r());
  });
  const dynPort = (dynamoServer.address() as { port: number }).port;
  const dynamoEndpoint = `http://127.0.0.1:${dynPort}`;
  const rawClient = new DynamoDBClient({
    region: config.AWS_REGION,
    endpoint: dynamoEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(rawClient, config.GANTRY_TABLE_NAME);

  const gateway = new LocalGateway({
    host: config.GANTRY_HOST,
    port: config.PORT,
    appsDir: join(dataDir, 'apps'),
    pullsDir: join(dataDir, 'git', 'pulls'),
    webDir: join(PROJECT_ROOT, 'web'),
  });
  let url: string;
  try {
    url = await gateway.listen();
  } catch (err) {
    await new Promise<void>((r) => dynamoServer.close(() => r()));
    rawClient.destroy();
    policySource.close();
    releaseDataDir();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${config.PORT} on ${config.GANTRY_HOST} is already in use; set PORT to another port (PORT=0 picks a free one)`,
      );
    }
    throw err;
  }
  const publicUrl = (): string => config.GANTRY_PUBLIC_URL || url;

  // Builder jobs live under the system temp folder, not the data dir: the sandbox user must be
  // able to traverse every parent folder, and a data dir under a private home would forbid it.
  const scratch = join(tmpdir(), `gantry-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
  const jobRoot = join(scratch, 'jobs');
  const sandbox = new LocalSandbox({ root: join(scratch, 'sandbox') });
  await sandbox.sweepLeftovers([jobRoot]);
  const capabilities = sandbox.describe();
  if (capabilities.warning) notices.push(`WARNING: ${capabilities.warning}`);

  const slots = new BuilderSlots(policy.policy.builder.concurrency);
  // The build task and the recovery hooks need the services, which need the runner: break the cycle lazily.
  const ref: { svc?: Services } = {};
  const tasks: Record<string, LocalTask> = {};
  for (const [state, step] of Object.entries(STATE_TO_STEP)) {
    tasks[state] = STEP_HANDLER_MAP[step] as LocalTask;
  }
  const builds = new LocalBuilds({
    services: () => ref.svc!,
    jobRoot,
    slots,
    runJob: (opts) => runBuilderJob({ ...opts, sandbox }),
  });
  tasks.Build = builds.task() as unknown as LocalTask;

  const values = Object.fromEntries(
    MISSION_SUBSTITUTIONS.map((name) => [name, `arn:aws:lambda:local:000000000000:function:${name}`]),
  ) as Record<MissionSubstitution, string>;
  const runner = new LocalWorkflowRunner({
    definitionJson: substitute(missionDefinitionJson(policy.policy), values),
    dir: join(dataDir, 'executions'),
    tasks,
    // Stopping an execution stops its build at once, as Step Functions stops a .sync ECS task.
    onStop: async (record) => {
      await builds.stop(String(record.input.mission_id));
    },
    // The EventBridge rule of the AWS stack: a timed-out, stopped or failed execution whose
    // mission is not final yet is recorded FAILED and sealed by the same handler.
    onEnded: (event) => endedExecutionHandler(event),
  });
  const base = createLocalServices(config, { dynamoEndpoint, workflow: runner, publicUrl }, policy);
  const svc: Services = {
    ...base,
    ...(options.architect ? { architect: options.architect } : {}),
    policySource,
    snippets: { run: (input) => runSnippet({ ...input, limits: input.limits, sandbox }) },
  };
  policySource.onChange((next) => {
    svc.policy = next;
    slots.setCapacity(next.policy.builder.concurrency);
  });
  ref.svc = svc;
  installServices(svc);

  const interrupted = async (tenantId: string, missionId: string, status: string): Promise<void> => {
    await recordFailureStep(svc, {
      tenant_id: tenantId,
      mission_id: missionId,
      attempt: 1,
      error: { Error: 'Interrupted', Cause: `interrupted: the local stack stopped while the mission was ${status}` },
    });
  };
  const recovered = await runner.recover(async (record) => {
    const tenant = String(record.input.tenant_id);
    const mission = String(record.input.mission_id);
    const m = await svc.store.getMission(tenant, mission);
    if (m && !isFinal(m.status)) await interrupted(tenant, mission, m.status);
  });
  for (const m of await strandedMissions(rawClient, config.GANTRY_TABLE_NAME)) {
    await interrupted(m.tenant_id, m.mission_id, m.status);
  }
  if (recovered.length)
    notices.push(`Recovered ${recovered.length} interrupted execution(s); their missions are FAILED (interrupted).`);

  const identity = await bootstrapFirstOwner(svc);
  // DynamoDB TTL stand-in: expired sessions, tickets, nonces and buckets are swept now and every minute.
  const sweep = (): Promise<unknown> =>
    sweepExpiredItems(rawClient, config.GANTRY_TABLE_NAME).catch((err: Error) =>
      notices.push(`Sweeping expired items failed: ${err.message}`),
    );
  await sweep();
  const sweeper = setInterval(() => void sweep(), 60_000);
  sweeper.unref();

  let stopped = false;
  return {
    url,
    dataDir,
    services: svc,
    runner,
    gateway,
    sandbox,
    notices,
    identity,
    builds,
    slots,
    policySource,
    async stop(options = {}) {
      if (stopped) return;
      stopped = true;
      clearInterval(sweeper);
      if (options.drain) await runner.drain();
      builds.abortAll();
      policySource.close();
      await gateway.close();
      await new Promise<void>((r) => dynamoServer.close(() => r()));
      rawClient.destroy();
      installServices(undefined);
      releaseDataDir();
    },
  };
}
