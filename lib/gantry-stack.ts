import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Policy } from '../lambdas/domain/policy';
import { SECRET_HOLDING_STEPS, type StepHandlerName } from '../lambdas/routes';
import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { AccessLogs } from './constructs/access-logs';
import { ApiGatewayLogging } from './constructs/api-gateway-logging';
import { ArtifactStorage } from './constructs/artifact-storage';
import { BuilderFoundry, type BuilderNetworkMode } from './constructs/builder-foundry';
import { BuilderLogPush } from './constructs/builder-log-push';
import { EvidenceVault } from './constructs/evidence-vault';
import { ExecutionWatch } from './constructs/execution-watch';
import { PolicyOverride } from './constructs/policy-override';
import type { GantryFunction } from './constructs/gantry-function';
import { GantryHandlers } from './constructs/gantry-handlers';
import { GantryRestApi } from './constructs/gantry-rest-api';
import { IntegrationSecrets } from './constructs/integration-secrets';
import { LiveUpdatesApi } from './constructs/live-updates-api';
import { MissionStore } from './constructs/mission-store';
import { MissionWorkflow } from './constructs/mission-workflow';
import { grantModelInvocation } from './constructs/model-access';
import { OperationsDashboard } from './constructs/operations-dashboard';

/** Properties of the {@link GantryStack}. */
export interface GantryStackProps extends StackProps {
  /** The parsed `policy.yaml`: builder limits, mission timeout, evidence retention. */
  readonly policy: Policy;
  /** `owner/name` of the repository pull requests are opened on. @default '' (set it before the first mission) */
  readonly githubRepo?: string;
  /** SNS topic ARN the alarms notify. @default - a topic of the stack's own (output AlarmTopicArn) */
  readonly alarmTopicArn?: string;
  /**
   * The builders' network: `public` (no idle cost; no inbound, HTTPS out) or `isolated` (no
   * internet; VPC interface endpoints, about $44 a month). @default 'public'
   */
  readonly network?: BuilderNetworkMode;
  /** Path prefix of the SecureString parameters (`/<prefix>/vercel-token`, …). @default - the stack name */
  readonly secretNamePrefix?: string;
  /**
   * The model behind the LLM boundary (GANTRY_LLM_PROVIDER, GANTRY_LLM_MODEL, GANTRY_ARCHITECT on
   * every function). The model is a Bedrock model or cross-Region inference profile id, required
   * with the `bedrock` provider. @default - Bedrock (model required) for the consultant, chat and
   * the architect's drafts and heals
   */
  readonly llm?: { readonly provider?: 'bedrock' | 'offline'; readonly model?: string; readonly architect?: 'offline' | 'llm' };
}

/**
 * Gantry on AWS: REST and WebSocket APIs, one Lambda per handler, the DynamoDB state store,
 * artifact and evidence buckets, the mission state machine and the isolated Fargate builder,
 * plus the operator dashboard. Who may touch what is decided here, in one readable table of
 * grants; each feature construct turns a grant into IAM statements and environment variables.
 */
export class GantryStack extends Stack {
  readonly handlers: GantryHandlers;
  readonly store: MissionStore;
  readonly artifacts: ArtifactStorage;
  readonly evidence: EvidenceVault;
  readonly secrets: IntegrationSecrets;
  readonly foundry: BuilderFoundry;
  readonly workflow: MissionWorkflow;
  readonly restApi: GantryRestApi;
  readonly liveUpdates: LiveUpdatesApi;
  readonly operations: OperationsDashboard;
  readonly executionWatch: ExecutionWatch;
  readonly builderLogs: BuilderLogPush;
  readonly policyOverride: PolicyOverride;

  constructor(scope: Construct, id: string, props: GantryStackProps) {
    super(scope, id, props);
    const { policy } = props;

    this.store = new MissionStore(this, 'MissionStore');
    const accessLogs = new AccessLogs(this, 'AccessLogs');
    this.artifacts = new ArtifactStorage(this, 'Artifacts', { accessLogsBucket: accessLogs.bucket });
    this.evidence = new EvidenceVault(this, 'Evidence', {
      retentionDays: policy.evidence.retention_days,
      accessLogsBucket: accessLogs.bucket,
    });
    this.secrets = new IntegrationSecrets(this, 'Secrets', { namePrefix: props.secretNamePrefix });
    this.foundry = new BuilderFoundry(this, 'Foundry', {
      limits: policy.builder,
      artifacts: this.artifacts,
      network: props.network,
    });

    const llmProvider = props.llm?.provider ?? 'bedrock';
    const llmModel = props.llm?.model;
    if (llmProvider === 'bedrock' && !llmModel) {
      throw new Error(
        'GantryStack: the Bedrock model is required: set the context value gantry:llmModel to a model or ' +
          'cross-Region inference profile id (e.g. us.anthropic.claude-sonnet-4-5-20250929-v1:0), or gantry:llmProvider=offline',
      );
    }
    this.handlers = new GantryHandlers(this, 'Handlers', {
      environment: {
        GANTRY_LLM_PROVIDER: llmProvider,
        ...(llmModel ? { GANTRY_LLM_MODEL: llmModel } : {}),
        // On AWS the architect drafts and heals with the model unless told otherwise (offline needs no model).
        GANTRY_ARCHITECT: llmProvider === 'offline' ? 'offline' : (props.llm?.architect ?? 'llm'),
      },
    });
    const { rest, ws, steps } = this.handlers;
    const all = this.handlers.all();
    const step = (name: StepHandlerName) => steps[name];

    // --- Grants: who may touch what. Everything not granted here is denied. ---
    for (const fn of all) this.artifacts.exposeName(fn);

    // Health reads the store; the API reference reads only the policy in force (from the table).
    const readers = [rest.health, rest.docs];
    for (const fn of readers) this.store.grantRead(fn);
    // The authorizer reads sessions and users and uses up single-use WebSocket tickets (a delete).
    this.store.grantReadAndDelete(this.handlers.authorizer);
    for (const fn of all.filter((f) => !readers.includes(f) && f !== this.handlers.authorizer)) this.store.grantReadWrite(fn);

    // Siri device keys are sealed at rest; only the functions that create them or verify signatures read the key.
    for (const fn of [rest.devices, rest.siri]) this.secrets.grantDeviceKeySecret(fn);

    // Artifacts: the steps that write a mission's manifest and limits, and the steps that read them.
    for (const fn of [step('step-architect'), step('step-heal')]) this.artifacts.grantReadWrite(fn);
    // The audit also writes: for a build task that ended without a result it stores one describing the stop.
    this.artifacts.grantReadWrite(step('step-audit'));
    for (const name of ['step-policy-gate', 'step-deploy', 'step-publish', 'step-seal', 'step-record-failure'] as const) {
      this.artifacts.grantRead(step(name));
    }

    this.evidence.grantSeal(step('step-seal'));
    this.evidence.grantSeal(step('step-record-failure'));
    // A rejection at an approval gate is a sealed ending too (it names the attempt's manifest).
    this.artifacts.grantRead(step('step-record-rejection'));
    this.evidence.grantSeal(step('step-record-rejection'));
    this.evidence.grantRead(rest.missions);
    this.evidence.grantPublicKey(rest['evidence-key']);

    this.grantSecret('step-deploy', (fn) => this.secrets.grantVercel(fn));
    this.grantSecret('step-publish', (fn) => this.secrets.grantGithub(fn));
    step('step-publish').addEnvironment('GANTRY_GITHUB_REPO', props.githubRepo ?? '');
    // The console reads a mission's pull request (PR and files) from GitHub with the same token.
    this.secrets.grantGithub(rest.pulls);
    rest.pulls.addEnvironment('GANTRY_GITHUB_REPO', props.githubRepo ?? '');

    // The architect port drafts and heals code; on AWS it is backed by Bedrock. The consultation
    // asks the model, stores design images with their mission, starts the confirmed mission's
    // workflow (starters below) and pushes its events (pushers below); chat only asks. Siri
    // continues a consultation, so it asks the same model.
    if (llmProvider === 'bedrock' && llmModel) {
      for (const fn of [step('step-architect'), step('step-heal'), rest.consult, rest.chat, rest.siri]) {
        grantModelInvocation(fn, llmModel);
      }
    }
    this.artifacts.grantReadWrite(rest.consult);

    // A build killed by its limits (OOM, dead man's switch) leaves no result; the audit reads its stop
    // reason from the Build state's error (the task description .sync returns), not from ECS.

    this.workflow = new MissionWorkflow(this, 'Workflow', {
      policy,
      steps,
      foundry: this.foundry,
      starters: [rest.architect, rest.siri, rest.consult],
      describers: [rest.health],
      consumers: all,
    });

    // Executions that end without their Catch (timed out, stopped, or a failed failure step).
    this.executionWatch = new ExecutionWatch(this, 'ExecutionWatch', { stateMachineArn: this.workflow.stateMachineArn });
    const ended = this.executionWatch.fn;
    this.store.grantReadWrite(ended);
    this.artifacts.grantRead(ended);
    this.evidence.grantSeal(ended);

    // The builder's log lines reach the browsers watching its mission, as they do locally.
    this.builderLogs = new BuilderLogPush(this, 'BuilderLogs', { foundry: this.foundry });
    const logPush = this.builderLogs.fn;
    this.store.grantReadWrite(logPush);
    this.artifacts.exposeName(logPush);
    this.workflow.exposeArn(logPush);

    this.policyOverride = new PolicyOverride(this, 'PolicyOverride', { artifacts: this.artifacts, store: this.store });

    const apiLogging = new ApiGatewayLogging(this, 'ApiGatewayLogging');
    // One authorizer for both APIs. No API Gateway result caching (browsers send a cookie, other
    // clients a bearer header, and a cache keyed on a missing header answers 401); the function
    // itself trusts a checked session for 10 s (lambdas/app/authorizer-cache.ts).
    const authorizer = new apigw.RequestAuthorizer(this, 'SessionAuthorizer', {
      handler: this.handlers.authorizer,
      identitySources: [],
      resultsCacheTtl: Duration.seconds(0),
    });
    this.restApi = new GantryRestApi(this, 'RestApi', {
      handlers: rest,
      authorizer,
      loggingDependency: apiLogging.account,
    });
    this.liveUpdates = new LiveUpdatesApi(this, 'LiveUpdates', {
      handler: ws,
      // Browsers cannot set headers on a WebSocket: $connect carries a single-use ticket in the query.
      connectAuthorizer: new WebSocketLambdaAuthorizer('TicketAuthorizer', this.handlers.authorizer, {
        identitySource: ['route.request.querystring.ticket'],
      }),
      // mission-control pushes CANCELLED (and a retry's first events) to the browsers watching.
      // decisions pushes each decision to the browsers watching its mission.
      pushers: [
        rest.architect,
        rest.siri,
        rest.consult,
        rest['mission-control'],
        rest.decisions,
        ended,
        logPush,
        ...this.handlers.stepList(),
      ],
      loggingDependency: apiLogging.account,
    });

    this.operations = new OperationsDashboard(this, 'Operations', {
      stateMachine: this.workflow.stateMachine,
      stepFunctions: this.handlers.stepList(),
      functions: [...this.handlers.all(), this.executionWatch.fn, this.builderLogs.fn, this.policyOverride.fn],
      restApi: this.restApi.api,
      foundry: this.foundry,
      table: this.store.table,
      alarmTopic: props.alarmTopicArn ? sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn) : undefined,
    });

    this.grantFoundry();
    this.addOutputs();
  }

  /** The foundry's grants: the policy override, attempt limits, failure views, cancel and retry. */
  private grantFoundry(): void {
    const { rest, steps } = this.handlers;
    // An upload of config/policy.yaml is validated once and published to the table; every function
    // that reads the policy adopts it from there with a short cache.
    for (const fn of [...this.handlers.all(), this.executionWatch.fn]) this.policyOverride.follow(fn);
    // The gate writes each attempt's builder limits (the policy in force, the dead man's switch cut to the budget left).
    this.artifacts.grantReadWrite(steps['step-policy-gate']);
    // The failure view shows every attempt's diff and log tail, and serves its full build log.
    this.artifacts.grantRead(rest.missions);
    // Cancel stops the execution (Step Functions then stops the running build task) and seals the
    // evidence of a CANCELLED mission; retry starts a new execution.
    const control = rest['mission-control'];
    this.workflow.grantStopExecution(control);
    this.workflow.grantStartExecution(control);
    this.artifacts.grantRead(control);
    this.evidence.grantSeal(control);
    // A decision resumes or fails the waiting AwaitDecision task; the wait step hands a decision
    // already recorded to a re-invoked wait's new token.
    for (const fn of [rest.decisions, steps['step-await-decision']]) this.workflow.grantTaskResponse(fn);
    // The builders' line: the wait step completes its own task when a builder is free, and a
    // mission leaving the line (audit, failure, ended execution) completes the next one's.
    for (const fn of [steps['step-await-builder'], steps['step-audit'], steps['step-record-failure'], this.executionWatch.fn]) {
      this.workflow.grantTaskSuccess(fn);
    }
  }

  private grantSecret(stepName: StepHandlerName, grant: (fn: GantryFunction) => void): void {
    if (!SECRET_HOLDING_STEPS.includes(stepName)) {
      throw new Error(`${stepName} is not in SECRET_HOLDING_STEPS and may not hold a third-party secret`);
    }
    grant(this.handlers.steps[stepName]);
  }

  private addOutputs(): void {
    const out = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    out('RestApiUrl', this.restApi.api.url, 'Base URL of the REST API (ends in /prod/)');
    out('WebSocketUrl', this.liveUpdates.stage.url, 'wss:// URL browsers connect to for live updates');
    out('WebSocketCallbackUrl', this.liveUpdates.stage.callbackUrl, '@connections endpoint (GANTRY_WS_ENDPOINT)');
    out('StateMachineArn', this.workflow.stateMachineArn, 'Mission state machine');
    out('TableName', this.store.table.tableName, 'DynamoDB state store');
    out('ArtifactBucketName', this.artifacts.bucket.bucketName, 'Manifests, build results, built output');
    out('EvidenceBucketName', this.evidence.bucket.bucketName, 'Object Lock (COMPLIANCE) evidence bucket');
    out('EvidenceSigningKeyArn', this.evidence.signingKey.keyArn, 'KMS key that signs evidence (ECC_NIST_P256)');
    out('VercelTokenParameterName', this.secrets.vercelTokenName, 'SecureString parameter to create with the Vercel token');
    out('GithubTokenParameterName', this.secrets.githubTokenName, 'SecureString parameter to create with the GitHub token');
    out(
      'DeviceKeySecretParameterName',
      this.secrets.deviceKeySecretName,
      'SecureString parameter to create with a random secret (Siri)',
    );
    out('BuilderClusterArn', this.foundry.cluster.clusterArn, 'ECS cluster of the builder tasks');
    out('DashboardName', this.operations.dashboard.dashboardName, 'CloudWatch dashboard for operators');
    out('AlarmTopicArn', this.operations.alarmTopic.topicArn, 'SNS topic every alarm notifies (subscribe the on-call address)');
  }
}
