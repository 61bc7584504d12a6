import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { Stack } from 'aws-cdk-lib';
import type { GantryStack } from '../../lib/gantry-stack';
import { GantryFunction } from '../../lib/constructs/gantry-function';
import { logicalId } from '../cdk/gantry-template';

/**
 * The IAM check: evaluates recorded AWS calls against the synthesized template's policies with a
 * real IAM policy evaluator (@cloud-copilot/iam-simulate, test-only).
 *
 * A recorded call is `{ functionId, service, action, input }`: the handler name of the function
 * (`step-seal`, `missions`, `authorizer`, …, or `builder` for the Fargate task role), the IAM
 * service prefix, the API action and the SDK command input. The template's intrinsics are
 * resolved with a fixed account, Region and partition and physical names derived from logical
 * ids, so the ARNs in a call are the ones a function would see in its resolved environment
 * ({@link TemplateIam.env}).
 *
 * What it cannot prove: service-side checks beyond IAM (KMS grants, S3 Object Lock), SCPs, the
 * real physical names CloudFormation picks, and calls a function makes that nobody recorded.
 */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const PARTITION = 'aws';

export interface RecordedCall {
  readonly functionId: string;
  readonly service: string;
  readonly action: string;
  readonly input: Record<string, unknown>;
}

export interface DeniedCall {
  readonly call: RecordedCall;
  readonly action: string;
  readonly resource: string;
  readonly reason: string;
}

export interface UnusedGrant {
  readonly functionId: string;
  readonly actions: string[];
  readonly resources: string[];
}

export interface IamReport {
  readonly denied: DeniedCall[];
  readonly unusedGrants: UnusedGrant[];
}

type Json = unknown;
interface Resource {
  Type: string;
  Properties?: Record<string, Json>;
}
interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Physical name CloudFormation would give a resource without an explicit name (stable, from its logical id). */
const generatedName = (id: string): string => `gantry-${id.toLowerCase().slice(0, 40)}`;

/** Resolves Ref / Fn::GetAtt / Fn::Join / Fn::Sub / Fn::Select / Fn::Split to strings. */
export class IntrinsicResolver {
  constructor(private readonly resources: Record<string, Resource>) {}

  private prop(id: string, name: string): string | undefined {
    const value = this.resources[id]?.Properties?.[name];
    return value === undefined ? undefined : String(this.resolve(value));
  }

  ref(id: string): string {
    switch (id) {
      case 'AWS::AccountId':
        return ACCOUNT;
      case 'AWS::Region':
        return REGION;
      case 'AWS::Partition':
        return PARTITION;
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return 'Gantry';
      case 'AWS::NoValue':
        return '';
    }
    const resource = this.resources[id];
    if (!resource) throw new Error(`Ref to unknown resource ${id}`);
    const arn = (service: string, rest: string, region = REGION, account = ACCOUNT) =>
      `arn:${PARTITION}:${service}:${region}:${account}:${rest}`;
    switch (resource.Type) {
      case 'AWS::S3::Bucket':
        return this.prop(id, 'BucketName') ?? generatedName(id);
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        return this.prop(id, 'TableName') ?? generatedName(id);
      case 'AWS::StepFunctions::StateMachine':
        return arn('states', `stateMachine:${this.prop(id, 'StateMachineName') ?? generatedName(id)}`);
      case 'AWS::ECS::TaskDefinition':
        return arn('ecs', `task-definition/${this.prop(id, 'Family') ?? generatedName(id)}:1`);
      case 'AWS::SecretsManager::Secret':
        return arn('secretsmanager', `secret:${this.prop(id, 'Name') ?? generatedName(id)}-AbCdEf`);
      case 'AWS::KMS::Key':
        return `${id.toLowerCase().slice(0, 8)}-0000-4000-8000-000000000000`;
      case 'AWS::SSM::Parameter':
        return this.prop(id, 'Name') ?? generatedName(id);
      case 'AWS::ApiGateway::RestApi':
      case 'AWS::ApiGatewayV2::Api':
        return id.toLowerCase().slice(0, 10);
      case 'AWS::ApiGatewayV2::Stage':
      case 'AWS::ApiGateway::Stage':
        return this.prop(id, 'StageName') ?? 'prod';
      case 'AWS::EC2::SecurityGroup':
        return `sg-${id.toLowerCase().slice(0, 8)}`;
      case 'AWS::EC2::Subnet':
        return `subnet-${id.toLowerCase().slice(0, 8)}`;
      default:
        return this.prop(id, 'Name') ?? generatedName(id);
    }
  }

  getAtt(id: string, attribute: string): string {
    const resource = this.resources[id];
    if (!resource) throw new Error(`GetAtt of unknown resource ${id}`);
    const name = this.ref(id);
    const arn = (service: string, rest: string) => `arn:${PARTITION}:${service}:${REGION}:${ACCOUNT}:${rest}`;
    const key = `${resource.Type}.${attribute}`;
    switch (key) {
      case 'AWS::S3::Bucket.Arn':
        return `arn:${PARTITION}:s3:::${name}`;
      case 'AWS::S3::Bucket.DomainName':
      case 'AWS::S3::Bucket.RegionalDomainName':
        return `${name}.s3.${REGION}.amazonaws.com`;
      case 'AWS::DynamoDB::Table.Arn':
        return arn('dynamodb', `table/${name}`);
      case 'AWS::DynamoDB::Table.StreamArn':
        return arn('dynamodb', `table/${name}/stream/2024-01-01T00:00:00.000`);
      case 'AWS::KMS::Key.Arn':
        return arn('kms', `key/${name}`);
      case 'AWS::KMS::Key.KeyId':
        return name;
      case 'AWS::IAM::Role.Arn':
        return `arn:${PARTITION}:iam::${ACCOUNT}:role/${this.prop(id, 'RoleName') ?? generatedName(id)}`;
      case 'AWS::Lambda::Function.Arn':
        return arn('lambda', `function:${this.prop(id, 'FunctionName') ?? generatedName(id)}`);
      case 'AWS::ECS::Cluster.Arn':
        return arn('ecs', `cluster/${name}`);
      case 'AWS::StepFunctions::StateMachine.Name':
        return name.slice(name.lastIndexOf(':') + 1);
      case 'AWS::StepFunctions::StateMachine.Arn':
        return name;
      case 'AWS::Logs::LogGroup.Arn':
        return arn('logs', `log-group:${this.prop(id, 'LogGroupName') ?? generatedName(id)}:*`);
      case 'AWS::EC2::SecurityGroup.GroupId':
        return name;
      case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
        return `wss://${name}.execute-api.${REGION}.amazonaws.com`;
      case 'AWS::ApiGateway::RestApi.RootResourceId':
        return `${name}root`;
      case 'AWS::SecretsManager::Secret.Id':
        return name;
      default:
        if (attribute === 'Arn') return arn(resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown', name);
        return `${name}.${attribute}`;
    }
  }

  resolve(value: Json): Json {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, Json>);
    if (entries.length === 1) {
      const [fn, arg] = entries[0] as [string, Json];
      if (fn === 'Ref') return this.ref(String(arg));
      if (fn === 'Fn::GetAtt') {
        const [id, attr] = Array.isArray(arg) ? (arg as string[]) : String(arg).split('.');
        return this.getAtt(String(id), String(attr));
      }
      if (fn === 'Fn::Join') {
        const [sep, parts] = arg as [string, Json[]];
        return (this.resolve(parts) as Json[]).map(String).join(sep);
      }
      if (fn === 'Fn::Select') {
        const [index, list] = arg as [number, Json];
        return (this.resolve(list) as Json[])[Number(this.resolve(index))];
      }
      if (fn === 'Fn::Split') {
        const [sep, text] = arg as [string, Json];
        return String(this.resolve(text)).split(sep);
      }
      if (fn === 'Fn::Sub') {
        const [template, vars] = Array.isArray(arg) ? (arg as [string, Record<string, Json>]) : [String(arg), {}];
        return template.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
          if (name in vars) return String(this.resolve(vars[name]));
          const [id, attr] = name.split('.');
          return attr ? this.getAtt(String(id), attr) : this.ref(String(id));
        });
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(v)]));
  }
}

/** The IAM action(s) and resource ARN(s) a recorded call needs. */
export function requiredPermissions(
  call: RecordedCall,
  env: Readonly<Record<string, string>>,
): Array<{ action: string; resource: string; context?: Record<string, string | string[]> }> {
  const input = call.input;
  const str = (k: string): string => String(input[k] ?? '');
  const arn = (service: string, rest: string, region = REGION, account = ACCOUNT) =>
    `arn:${PARTITION}:${service}:${region}:${account}:${rest}`;
  const one = (action: string, resource: string, context?: Record<string, string | string[]>) => [
    { action: `${call.service}:${action}`, resource, ...(context ? { context } : {}) },
  ];
  switch (call.service) {
    case 'dynamodb': {
      if (call.action === 'BatchWriteItem' || call.action === 'BatchGetItem') {
        return Object.keys((input.RequestItems as Record<string, unknown>) ?? {}).map((t) => ({
          action: `dynamodb:${call.action}`,
          resource: arn('dynamodb', `table/${t}`),
        }));
      }
      const table = arn('dynamodb', `table/${str('TableName')}`);
      return one(call.action, input.IndexName ? `${table}/index/${str('IndexName')}` : table);
    }
    case 's3': {
      const bucket = `arn:${PARTITION}:s3:::${str('Bucket')}`;
      switch (call.action) {
        case 'ListObjectsV2':
        case 'ListObjects':
        case 'ListBucket':
          return one('ListBucket', bucket, { 's3:prefix': str('Prefix') });
        case 'HeadObject':
        case 'GetObject':
          return one('GetObject', `${bucket}/${str('Key')}`);
        case 'PutObject': {
          const out = one('PutObject', `${bucket}/${str('Key')}`);
          if (input.ObjectLockMode || input.ObjectLockRetainUntilDate)
            out.push({ action: 's3:PutObjectRetention', resource: `${bucket}/${str('Key')}` });
          return out;
        }
        default:
          return one(call.action, input.Key === undefined ? bucket : `${bucket}/${str('Key')}`);
      }
    }
    case 'kms': {
      const key = str('KeyId');
      if (key.startsWith('arn:')) return one(call.action, key);
      return one(call.action, key.startsWith('alias/') ? arn('kms', key) : arn('kms', `key/${key}`));
    }
    case 'states': {
      if (/^Send(Task)/.test(call.action)) return one(call.action, '*');
      const target = str('executionArn') || str('stateMachineArn');
      return one(call.action, target);
    }
    case 'ecs': {
      const cluster = str('cluster');
      const clusterArn = cluster.startsWith('arn:') ? cluster : arn('ecs', `cluster/${cluster || 'default'}`);
      const clusterName = clusterArn.slice(clusterArn.indexOf('cluster/') + 'cluster/'.length);
      const context = { 'ecs:cluster': clusterArn };
      if (call.action === 'RunTask') return one('RunTask', str('taskDefinition'), context);
      const tasks = asList(input.tasks as string[] | undefined).concat(input.task ? [str('task')] : []);
      return tasks.map((t) => ({
        action: `ecs:${call.action}`,
        resource: t.startsWith('arn:') ? t : arn('ecs', `task/${clusterName}/${t}`),
        context,
      }));
    }
    case 'execute-api': {
      // The management API's endpoint is the function's GANTRY_WS_ENDPOINT: https://<api>.execute-api.<region>.amazonaws.com/<stage>
      const endpoint = /^https:\/\/([^.]+)\.execute-api\.[^/]+\/([^/]+)/.exec(env.GANTRY_WS_ENDPOINT ?? '');
      const method = call.action === 'DeleteConnection' ? 'DELETE' : call.action === 'GetConnection' ? 'GET' : 'POST';
      return [
        {
          action: 'execute-api:ManageConnections',
          resource: arn(
            'execute-api',
            `${endpoint?.[1] ?? 'unknown'}/${endpoint?.[2] ?? 'unknown'}/${method}/@connections/${str('ConnectionId')}`,
          ),
        },
      ];
    }
    case 'secretsmanager': {
      const id = str('SecretId');
      return one(call.action, id.startsWith('arn:') ? id : arn('secretsmanager', `secret:${id}-AbCdEf`));
    }
    case 'ssm': {
      const name = str('Name').replace(/^\//, '');
      return one(call.action, arn('ssm', `parameter/${name}`));
    }
    case 'bedrock': {
      const model = str('modelId');
      const action = call.action === 'ConverseStream' ? 'InvokeModelWithResponseStream' : 'InvokeModel';
      if (model.startsWith('arn:')) return one(action, model);
      if (/^(us|eu|apac|global)\./.test(model)) return one(action, arn('bedrock', `inference-profile/${model}`));
      return one(action, arn('bedrock', `foundation-model/${model}`, REGION, ''));
    }
    case 'lambda':
      return one(
        call.action,
        str('FunctionName').startsWith('arn:') ? str('FunctionName') : arn('lambda', `function:${str('FunctionName')}`),
      );
    case 'events':
      return one(call.action, arn('events', `rule/${str('Name')}`));
    case 'logs':
      return one(call.action, arn('logs', `log-group:${str('logGroupName')}:log-stream:${str('logStreamName')}`));
    case 'iam':
      return [
        {
          action: `iam:${call.action}`,
          resource: `arn:${PARTITION}:iam::${ACCOUNT}:role/${str('RoleName')}`,
          // PassRole is evaluated with the service the role is passed to.
          ...(input.PassedToService ? { context: { 'iam:PassedToService': str('PassedToService') } } : {}),
        },
      ];
    default:
      throw new Error(`IAM check: no resource mapping for service ${call.service}`);
  }
}

/** Glob match of IAM patterns (`*`, `?`), case-insensitive for actions. */
function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'i' : '').test(value);
}

/** What the check needs of a resolver of the template's intrinsics (the cloud twin brings its own naming). */
export interface TemplateResolver {
  resolve(value: Json): Json;
  getAtt(logicalId: string, attribute: string): string;
}

/**
 * The template's identities: each function's role, the builder's task role (`builder`) and the
 * state machine's role (`state-machine`: the Task integrations it calls itself), with resolved
 * policies.
 */
export class TemplateIam {
  private readonly resolver: TemplateResolver;
  private readonly roleOf = new Map<string, string>();
  private readonly envOf = new Map<string, Record<string, string>>();
  private readonly resources: Record<string, Resource>;

  constructor(
    stack: GantryStack,
    template: { Resources: Record<string, Resource> },
    private readonly removed: ReadonlySet<string> = new Set(),
    resolver?: TemplateResolver,
  ) {
    this.resources = template.Resources;
    this.resolver = resolver ?? new IntrinsicResolver(this.resources);
    // Every Gantry function, the feature constructs' (execution watch, log push) with the handlers'.
    const functions = stack.node.findAll().filter((c): c is GantryFunction => c instanceof GantryFunction);
    for (const fn of functions) {
      this.roleOf.set(fn.handlerName, logicalId(fn.executionRole));
      const cfn = Stack.of(fn).getLogicalId(fn.node.defaultChild as never);
      const variables = (this.resources[cfn]?.Properties?.Environment as { Variables?: Record<string, Json> } | undefined)
        ?.Variables;
      this.envOf.set(fn.handlerName, this.resolver.resolve(variables ?? {}) as Record<string, string>);
    }
    this.roleOf.set('builder', logicalId(stack.foundry.taskDefinition.taskRole));
    this.envOf.set('builder', {});
    const stateMachineRole = stack.workflow.stateMachine.role;
    this.roleOf.set('state-machine', logicalId(stateMachineRole));
    this.envOf.set('state-machine', {});
  }

  /** A copy without the function's statements that grant any of the listed `<functionId>|<action>` (to prove the check can fail). */
  without(keys: readonly string[], stack: GantryStack): TemplateIam {
    return new TemplateIam(stack, { Resources: this.resources }, new Set([...this.removed, ...keys]), this.resolver);
  }

  functionIds(): string[] {
    return [...this.roleOf.keys()];
  }

  /** The function's environment with intrinsics resolved: where its table, bucket and ARNs come from. */
  env(functionId: string): Readonly<Record<string, string>> {
    const env = this.envOf.get(functionId);
    if (!env) throw new Error(`IAM check: unknown function ${functionId}`);
    return env;
  }

  roleArn(functionId: string): string {
    const role = this.roleOf.get(functionId);
    if (!role) throw new Error(`IAM check: unknown function ${functionId}`);
    return this.resolver.getAtt(role, 'Arn');
  }

  /** Identity policies attached to the function's role (inline policies, AWS::IAM::Policy, customer managed). */
  identityPolicies(functionId: string): Array<{ name: string; policy: PolicyDocument }> {
    const role = this.roleOf.get(functionId);
    if (!role) throw new Error(`IAM check: unknown function ${functionId}`);
    const out: Array<{ name: string; policy: PolicyDocument }> = [];
    const roleProps = this.resources[role]?.Properties ?? {};
    for (const inline of asList(roleProps.Policies as Array<{ PolicyName: string; PolicyDocument: Json }> | undefined)) {
      out.push({ name: inline.PolicyName, policy: this.resolver.resolve(inline.PolicyDocument) as PolicyDocument });
    }
    for (const [id, resource] of Object.entries(this.resources)) {
      const attached =
        (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') &&
        asList(resource.Properties?.Roles as Array<{ Ref?: string }> | undefined).some((r) => r.Ref === role);
      const managedArns = asList(roleProps.ManagedPolicyArns as Json[] | undefined).map((a) => JSON.stringify(a));
      const viaManaged = resource.Type === 'AWS::IAM::ManagedPolicy' && managedArns.includes(JSON.stringify({ Ref: id }));
      if (attached || viaManaged) {
        out.push({ name: id, policy: this.resolver.resolve(resource.Properties?.PolicyDocument) as PolicyDocument });
      }
    }
    return out.map(({ name, policy }) => ({
      name,
      policy: {
        ...policy,
        Statement: asList(policy.Statement).filter((s) => !asList(s.Action).some((a) => this.removed.has(`${functionId}|${a}`))),
      },
    }));
  }

  /** The resource-based policy that governs a resource, where the template has one (bucket and key policies). */
  resourcePolicy(resourceArn: string): PolicyDocument | undefined {
    for (const resource of Object.values(this.resources)) {
      if (resource.Type === 'AWS::S3::BucketPolicy') {
        const bucket = String(this.resolver.resolve(resource.Properties?.Bucket));
        if (resourceArn === `arn:${PARTITION}:s3:::${bucket}` || resourceArn.startsWith(`arn:${PARTITION}:s3:::${bucket}/`))
          return this.resolver.resolve(resource.Properties?.PolicyDocument) as PolicyDocument;
      }
    }
    for (const [id, resource] of Object.entries(this.resources)) {
      if (resource.Type === 'AWS::KMS::Key' && resourceArn === this.resolver.getAtt(id, 'Arn'))
        return this.resolver.resolve(resource.Properties?.KeyPolicy) as PolicyDocument;
    }
    return undefined;
  }

  /** Evaluates every call; lists denied calls with the reason and the Allow statements no allowed call used. */
  async check(calls: readonly RecordedCall[]): Promise<IamReport> {
    const denied: DeniedCall[] = [];
    const used: Array<{ functionId: string; action: string; resource: string }> = [];
    for (const call of calls) {
      for (const need of requiredPermissions(call, this.env(call.functionId))) {
        const resourcePolicy = this.resourcePolicy(need.resource);
        const simulation: Simulation = {
          request: {
            principal: this.roleArn(call.functionId),
            action: need.action,
            resource: { resource: need.resource, accountId: ACCOUNT },
            contextVariables: { 'aws:SecureTransport': 'true', ...(need.context ?? {}) },
          },
          identityPolicies: this.identityPolicies(call.functionId),
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          ...(resourcePolicy ? { resourcePolicy } : {}),
        };
        const response = await runSimulation(simulation, {});
        if (response.resultType === 'error') {
          denied.push({ call, ...need, reason: `simulation error: ${JSON.stringify(response.errors)}` });
          continue;
        }
        if (response.overallResult !== 'Allowed') {
          denied.push({ call, ...need, reason: response.overallResult });
          continue;
        }
        used.push({ functionId: call.functionId, action: need.action, resource: need.resource });
      }
    }
    const unusedGrants: UnusedGrant[] = [];
    for (const functionId of this.functionIds()) {
      for (const { policy } of this.identityPolicies(functionId)) {
        for (const s of policy.Statement) {
          if (s.Effect !== 'Allow' || !s.Action) continue;
          const actions = asList(s.Action);
          const resources = asList(s.Resource).map(String);
          // X-Ray tracing and log delivery happen outside recorded SDK calls.
          if (actions.every((a) => a.startsWith('xray:') || a.startsWith('logs:'))) continue;
          const exercised = used.some(
            (u) =>
              u.functionId === functionId &&
              actions.some((a) => globMatch(a, u.action, true)) &&
              resources.some((r) => globMatch(r, u.resource)),
          );
          if (!exercised) unusedGrants.push({ functionId, actions, resources });
        }
      }
    }
    return { denied, unusedGrants };
  }
}
