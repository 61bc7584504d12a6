import './polyfills';
import { ScanCommand, type DocumentSender } from '../lambdas/adapters/dynamo-client';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig, type GantryEnv } from '../lambdas/config';
import { createLocalServices, type Services } from '../lambdas/composition-root';
import { recoverMissions } from './mission-recovery';
import { HashAheadPasswords, hashOnWorker } from './first-owner-hash';
import { cachedPolicyDocuments } from './build-cache';
import { isFinal, type Mission } from '../lambdas/domain/mission';
import type { ArchitectPort } from '../lambdas/domain/ports';
import {
  MISSION_SUBSTITUTIONS,
  missionDefinitionJson,
  substitute,
  type MissionSubstitution,
} from '../lambdas/domain/mission-definition';
import { policyPathCandidates, PROJECT_ROOT } from '../lambdas/domain/policy-file';
import { ensureConsoleBuilt } from './console-build';
import { lockDataDir } from './data-dir-lock';
import { ensureTable } from './dynamo-table';
import { bootstrapFirstOwner, type BootstrapOutcome } from '../lambdas/app/accounts';
import { sweepExpiredItems } from './expired-items';
import { poolForOrigin } from './http-connection-pool';
import { CONNECTIONS_KEY_HEADER, newConnectionsKey } from './connections-api';
import { restrictTree, startEmbeddedStore, storeDirectory } from './embedded-store';
import { LocalGateway } from './gateway';
import { LocalAppsHost } from './static-hosting';
import { EXECUTION_ENDED_FN, installServices, STEP_HANDLER_MAP } from './handler-registry';
import { LocalBuilds } from './local-build-task';
import { BuilderSlots } from './sandbox/builder-slots';
import { HostProcesses } from './sandbox/host-processes';
import { LocalSandbox, type LocalSandboxOptions } from './sandbox/local-sandbox';
import { builderRunOptions, runBuilderJob } from './sandbox/run-builder-job';
import { WarmBuilders } from './sandbox/warm-builders';
import { runSnippet } from './sandbox/snippet';
import { FilePolicySource } from '../lambdas/adapters/policy-source';
import { ApiGatewayConnections } from '../lambdas/adapters/push';
import { LocalWorkflowRunner, type LocalTask } from './workflow-runner';
import { ApiActivity, FunctionConcurrency } from './function-concurrency';
import { LocalMetricsFile } from './metrics-file';
import { setMetricSink } from '../lambdas/metrics';
import { removeUnfinishedWrites } from './unfinished-writes';

/** State name → step handler: the local runner's overrides, keyed as aws-local-stepfunctions wants. */
const STATE_TO_STEP = {
  Architect: 'step-architect',
  AwaitBuilder: 'step-await-builder',
  PolicyGate: 'step-policy-gate',
  Audit: 'step-audit',
  Heal: 'step-heal',
  Deploy: 'step-deploy',
  Publish: 'step-publish',
  Seal: 'step-seal',
  RecordFailure: 'step-record-failure',
  ApprovalCheck: 'step-approval-check',
  AwaitDeployDecision: 'step-await-decision',
  AwaitPublishDecision: 'step-await-decision',
  DecisionTimedOut: 'step-approval-timeout',
  RecordRejection: 'step-record-rejection',
} as const;

/**
 * Lambda steps the local runner runs at once, and how long one that is only waiting (an LLM, `git`,
 * an app's first page) holds its place. Measured with twenty missions started at once on a 2-core
 * machine: with no limit an event's push took 100 ms and more; with one step at a time far less,
 * and the twenty still ended within 1.10–1.15× of the least time the machine's CPU allows, as
 * before (the builds, not the steps, set their pace).
 */
const LOCAL_FUNCTION_CONCURRENCY = 1;
const LOCAL_STEP_HOLD_MS = 100;
/**
 * A step waits at most this long for the gateway to answer no request before it starts, and a
 * request counts for at most API_BUSY_MS (see `ApiActivity`). With twenty submissions at once, the
 * first steps' events were otherwise written while the store worked through the other
 * submissions, and their pushes took 50 to 150 ms.
 */
const LOCAL_STEP_GIVE_WAY_MS = 300;
const API_BUSY_MS = 1000;

export interface LocalStack {
  readonly url: string;
  readonly dataDir: string;
  readonly services: Services;
  readonly runner: LocalWorkflowRunner;
  readonly gateway: LocalGateway;
  /** Deployed apps, each on its own origin (`apps.urlFor(slug)`). */
  readonly apps: LocalAppsHost;
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

/** Missions that had not ended when the stack stopped (consultations included). */
async function unfinishedMissions(doc: DocumentSender, table: string): Promise<Mission[]> {
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
      if (!isFinal(m.status)) out.push(m);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Starts the whole local stack: DynamoDB (dynalite on disk), the gateway (REST, WebSocket,
 * @connections, static apps), the workflow runner over the same ASL, and the sandboxed builder.
 * After a restart every mission that was running is carried on from where it stopped (see
 * `recoverMissions`).
 */
export interface LocalStackOptions {
  /** Environment to read configuration from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the offline architect (scripted architects in tests, another provider later). */
  readonly architect?: ArchitectPort;
  /** Sandbox options (tests of a machine without bubblewrap: `{ bwrapPath: null }`). */
  readonly sandbox?: Omit<LocalSandboxOptions, 'root' | 'allowUnsandboxed'>;
}

/**
 * The stack's scratch folder for a data directory: builder jobs and the sandbox's own files. It is
 * under the system temp folder, not the data dir: the sandbox user must be able to traverse every
 * parent folder, and a data dir under a private home would forbid it. Named by the data
 * directory's absolute path, so each start on it finds (and sweeps) what the last one left; whoever
 * deletes a data directory for good may delete this folder with it (the tests do).
 */
export function scratchDirectory(dataDir: string): string {
  return join(tmpdir(), `gantry-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12)}`);
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const config: GantryEnv = readConfig(options.env ?? process.env);
  // Only the stack's own push client knows this key: nobody else may post to or close a socket.
  const connectionsKey = newConnectionsKey();
  const dataDir = resolve(config.GANTRY_DATA_DIR);
  // The data directory holds sessions, keys and the store: this user's only (0700, files 0600).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const releaseDataDir = lockDataDir(dataDir);
  // A data directory without a store is a first start, which creates the first owner: their
  // password's hash is begun now, on another thread, while the rest of the stack starts.
  const ownerPassword =
    config.GANTRY_ADMIN_EMAIL.trim() && !existsSync(storeDirectory(dataDir)) ? config.GANTRY_ADMIN_PASSWORD : '';
  const ownerHash = ownerPassword ? hashOnWorker(ownerPassword) : null;
  ownerHash?.catch(() => undefined);
  const metricsFile = new LocalMetricsFile(dataDir);
  // The policy file is watched: an edit applies to the next step without a restart.
  const policyPath = options.env?.GANTRY_POLICY_PATH || policyPathCandidates().find((p) => existsSync(p));
  const policySource = new FilePolicySource(policyPath ?? join(PROJECT_ROOT, 'policy.yaml'), {
    watch: true,
    documents: cachedPolicyDocuments,
  });
  const policy = policySource.current();
  const notices: string[] = [];

  // Everything taken so far is given back if a later step of the start fails.
  const undo: Array<() => Promise<void> | void> = [() => policySource.close(), releaseDataDir];
  const unwind = async (): Promise<void> => {
    for (const step of undo.splice(0).reverse()) await Promise.resolve(step()).catch(() => undefined);
  };

  let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
  let gateway: LocalGateway;
  // The requests the gateway is answering: the workflow's steps give way to them.
  const apiActivity = new ApiActivity(API_BUSY_MS);
  let apps: LocalAppsHost;
  let url: string;
  try {
    store = await startEmbeddedStore(dataDir, config.AWS_REGION);
    undo.push(() => store.close());
    await ensureTable(store.client, config.GANTRY_TABLE_NAME);
    restrictTree(dataDir);

    apps = new LocalAppsHost({
      host: config.GANTRY_HOST,
      port: config.GANTRY_APPS_PORT ?? (config.PORT === 0 ? 0 : config.PORT + 1),
      appsDir: join(dataDir, 'apps'),
      domain: config.GANTRY_APPS_DOMAIN,
    });
    try {
      await apps.listen();
    } catch (err) {
      // Only a port chosen by default may move; an explicit GANTRY_APPS_PORT in use is an error.
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || config.GANTRY_APPS_PORT !== undefined) throw err;
      apps = new LocalAppsHost({
        host: config.GANTRY_HOST,
        port: 0,
        appsDir: join(dataDir, 'apps'),
        domain: config.GANTRY_APPS_DOMAIN,
      });
      await apps.listen();
      notices.push(`Port ${config.PORT + 1} is in use: apps are served on port ${apps.port} (set GANTRY_APPS_PORT to fix it).`);
    }
    const appsHost = apps;
    undo.push(() => appsHost.close());

    // The web console is built when its sources changed since the last build (cached by their digest).
    const webDir = await ensureConsoleBuilt();
    gateway = new LocalGateway({
      host: config.GANTRY_HOST,
      port: config.PORT,
      pullsDir: join(dataDir, 'git', 'pulls'),
      webDir,
      connectionsKey,
      appUrl: (slug) => appsHost.urlFor(slug),
      metricsFile,
      activity: apiActivity,
    });
    url = await gateway.listen();
    // The console's preview pane frames apps: only the console's origin may.
    const port = new URL(url).port;
    appsHost.allowFraming([...new Set([new URL(url).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])]);
    const gw = gateway;
    undo.push(() => gw.close());
  } catch (err) {
    await unwind();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new Error(
        `Port ${config.PORT} or ${config.GANTRY_APPS_PORT ?? config.PORT + 1} on ${config.GANTRY_HOST} is already in use; ` +
          'set PORT (and GANTRY_APPS_PORT) to free ports (0 picks one)',
      );
    }
    throw err;
  }
  const rawClient = store.client;
  const publicUrl = (): string => config.GANTRY_PUBLIC_URL || url;

  const scratch = scratchDirectory(dataDir);
  const jobRoot = join(scratch, 'jobs');
  // The stack's host programs (sandboxes, job disks, git) start from a small helper process, so no
  // fork of this process blocks its event loop (see sandbox/host-spawner.js).
  const processes = new HostProcesses({ useHelper: config.GANTRY_PROCESS_HELPER !== 'off' });
  undo.push(() => processes.close());
  const sandbox = new LocalSandbox({
    processes,
    ...options.sandbox,
    root: join(scratch, 'sandbox'),
    allowUnsandboxed: config.GANTRY_SANDBOX === 'none',
  });
  await sandbox.sweepLeftovers([jobRoot]);
  // Bodies a killed stack was still writing: never any key's body (see unfinished-writes.ts). The
  // walk grows with every mission kept (about 0.5 s for 45,000 files), so it runs beside the start,
  // not before it, and leaves this process's own writes alone.
  const unfinishedSweep = removeUnfinishedWrites([join(dataDir, 'artifacts'), join(dataDir, 'evidence')], process.pid).catch(
    (err: Error) => notices.push(`Removing unfinished writes failed: ${err.message}`),
  );
  const capabilities = sandbox.describe();
  if (capabilities.warning) notices.push(`WARNING: ${capabilities.warning}`);

  const slots = new BuilderSlots(policy.policy.builder.concurrency);
  // The build task and the recovery hooks need the services, which need the runner: break the cycle lazily.
  const ref: { svc?: Services } = {};
  const tasks: Record<string, LocalTask> = {};
  for (const [state, step] of Object.entries(STATE_TO_STEP)) {
    tasks[state] = STEP_HANDLER_MAP[step] as LocalTask;
  }
  // One builder per slot started ahead of its job: set-up and the builder's start are off the job's path.
  const warm = new WarmBuilders({
    sandbox,
    jobRoot,
    size: () => slots.capacity,
    runOptions: (launch, limits) => builderRunOptions(sandbox, launch, limits, 'stdin'),
  });
  undo.push(() => warm.close());
  const builds = new LocalBuilds({
    services: () => ref.svc!,
    jobRoot,
    slots,
    runJob: (opts) => runBuilderJob({ ...opts, sandbox, warm }),
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
    onEnded: (event) => EXECUTION_ENDED_FN(event),
    // One step's work at a time on the stack's thread (see function-concurrency.ts).
    functionConcurrency: new FunctionConcurrency(LOCAL_FUNCTION_CONCURRENCY, LOCAL_STEP_HOLD_MS, {
      activity: apiActivity,
      maxMs: LOCAL_STEP_GIVE_WAY_MS,
    }),
  });
  // The stack's push adapter presents the per-start key on every request.
  const managementApi = new ApiGatewayConnections({
    region: config.AWS_REGION,
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    headers: { [CONNECTIONS_KEY_HEADER]: connectionsKey },
    // Pushes reuse kept-alive connections to the gateway instead of opening one each.
    transport: poolForOrigin(url),
  });
  const base = createLocalServices(
    config,
    {
      dynamo: store.client,
      managementApi,
      workflow: runner,
      taskTokens: runner.taskTokens,
      publicUrl,
      appUrl: (slug) => apps.urlFor(slug),
      startProcess: processes.spawn,
    },
    policy,
  );
  const svc: Services = {
    ...base,
    ...(ownerHash ? { passwords: new HashAheadPasswords(base.passwords, ownerPassword, ownerHash) } : {}),
    ...(options.architect ? { architect: options.architect } : {}),
    policySource,
    // A debugger run takes a builder slot like a build, so builds and snippets together never
    // exceed policy.builder.concurrency sandboxes at once, and gets the builder's disk quota.
    snippets: {
      run: (input) =>
        slots.run(`debugger-${randomUUID()}`, () =>
          runSnippet({ ...input, limits: { ...input.limits, disk_mb: svc.policy.policy.builder.disk_mb }, sandbox }),
        ),
    },
    builderIsolation: capabilities.refusal
      ? { mode: 'unavailable', detail: capabilities.refusal }
      : capabilities.isolation === 'none'
        ? { mode: 'unsandboxed', detail: capabilities.warning ?? capabilities.summary }
        : { mode: 'sandboxed', detail: capabilities.summary },
  };
  policySource.onChange((next) => {
    svc.policy = next;
    slots.setCapacity(next.policy.builder.concurrency);
  });
  ref.svc = svc;
  // The handlers' metric records (EMF on AWS) go to the data directory, where /ops reads them.
  setMetricSink(metricsFile.sink);
  // The first owner exists before any request is routed: once /ready answers, their login works.
  const identity = await bootstrapFirstOwner(svc);
  installServices(svc);

  notices.push(...(await recoverMissions(svc, runner, await unfinishedMissions(rawClient, config.GANTRY_TABLE_NAME))));

  // DynamoDB TTL stand-in: expired sessions, tickets, nonces and buckets are swept now and every minute.
  const sweep = (): Promise<unknown> =>
    sweepExpiredItems(rawClient, config.GANTRY_TABLE_NAME)
      .then(() => restrictTree(storeDirectory(dataDir)))
      .catch((err: Error) => notices.push(`Sweeping expired items failed: ${err.message}`));
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
    apps,
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
      await unfinishedSweep;
      // An execution waiting for a person counts as settled: it is frozen and carried on by the next start.
      if (options.drain) await runner.drain({ exceptWaiting: true });
      // What still runs is frozen, not failed: the next start carries it on.
      runner.suspend();
      builds.abortAll();
      policySource.close();
      await unwind();
      installServices(undefined);
      setMetricSink(undefined);
      metricsFile.flush();
    },
  };
}
