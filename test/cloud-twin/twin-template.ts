import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { GantryFunction } from '../../lib/constructs/gantry-function';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { createGantryApp } from '../../lib/gantry-app';
import type { GantryStack } from '../../lib/gantry-stack';

/** The account, region and partition the twin pretends to deploy into. */
export const TWIN_ACCOUNT = '123456789012';
export const TWIN_REGION = 'us-east-1';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, Json>;
}

/**
 * The synthesized Gantry template with every intrinsic the functions, the task definition and the
 * state machine use resolved to the physical names and ARNs CloudFormation would give them in
 * {@link TWIN_ACCOUNT}/{@link TWIN_REGION}. The twin reads everything it runs from here (function
 * environments, the table, the task definition, the definition substitutions), so the template
 * and the code cannot drift apart unnoticed.
 */
export class TwinTemplate {
  readonly template: Record<string, unknown>;
  readonly stack: GantryStack;
  private readonly resources: Record<string, CfnResource>;

  private constructor(stack: GantryStack) {
    this.stack = stack;
    this.template = Template.fromStack(stack).toJSON();
    this.resources = this.template.Resources as Record<string, CfnResource>;
  }

  /**
   * Synthesizes the app as `bin/gantry.ts` does (cdk.json context), minus Lambda bundling, from the
   * repository's policy.yaml or the one at `policyPath`.
   */
  static synthesize(extraContext: Record<string, unknown> = {}, policyPath?: string): TwinTemplate {
    const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    const { stack } = createGantryApp({
      context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...extraContext },
      // The template tests check the template against CloudFormation's schemas; the twin runs it.
      cloudFormationValidation: false,
      ...(policyPath ? { policyPath } : {}),
    });
    return new TwinTemplate(stack);
  }

  logicalId(construct: IConstruct): string {
    const cfn = construct.node.defaultChild as CfnElement | undefined;
    if (!cfn) throw new Error(`${construct.node.path} has no default child`);
    return Stack.of(construct).getLogicalId(cfn);
  }

  resource(logicalId: string): CfnResource {
    const r = this.resources[logicalId];
    if (!r) throw new Error(`The template has no resource ${logicalId}`);
    return r;
  }

  /** Logical ids of every resource of one type. */
  resourcesOfType(type: string): string[] {
    return Object.entries(this.resources)
      .filter(([, r]) => r.Type === type)
      .map(([id]) => id);
  }

  /**
   * Every Gantry function of the stack: handler name (e.g. `step-seal`) → logical id. Found by
   * construct type, so the functions of feature constructs (the execution watch, the log push)
   * are included with the handlers'.
   */
  functions(): Map<string, string> {
    const out = new Map<string, string>();
    for (const c of this.stack.node.findAll()) if (c instanceof GantryFunction) out.set(c.handlerName, this.logicalId(c));
    return out;
  }

  /** The handler name of a Lambda function ARN as this template resolves it. */
  handlerForArn(arn: string): string {
    for (const [name, id] of this.functions()) if (this.functionArn(id) === arn) return name;
    throw new Error(`No Gantry function has the ARN ${arn}`);
  }

  functionArn(logicalId: string): string {
    return `arn:aws:lambda:${TWIN_REGION}:${TWIN_ACCOUNT}:function:${this.physicalName(logicalId)}`;
  }

  /** The environment a function's handler runs with, resolved. */
  functionEnvironment(handlerName: string): Record<string, string> {
    const id = this.functions().get(handlerName);
    if (!id) throw new Error(`No function for handler ${handlerName}`);
    const env = (this.resource(id).Properties?.Environment as { Variables?: Record<string, Json> } | undefined)?.Variables ?? {};
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, this.resolveString(v)]));
  }

  /** `AWS::StepFunctions::StateMachine` DefinitionString (or inline body) with its substitutions applied. */
  stateMachineDefinition(): string {
    const id = this.logicalId(this.stack.workflow.stateMachine);
    const props = this.resource(id).Properties ?? {};
    const body = this.resolveString(props.DefinitionString as Json);
    const subs = (props.DefinitionSubstitutions ?? {}) as Record<string, Json>;
    return body.replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => {
      const value = subs[name];
      if (value === undefined) throw new Error(`The template binds no value for \${${name}}`);
      return this.resolveString(value);
    });
  }

  /** The builder task definition's properties, resolved. */
  taskDefinition(): { arn: string; properties: Record<string, unknown> } {
    const id = this.logicalId(this.stack.foundry.taskDefinition);
    return {
      arn: this.resolveString({ Ref: id }),
      properties: this.resolve(this.resource(id).Properties ?? {}) as Record<string, unknown>,
    };
  }

  /** The mission table's properties (keys, GSIs, TTL) and its physical name. */
  table(): { name: string; properties: Record<string, unknown> } {
    const id = this.logicalId(this.stack.store.table);
    return {
      name: this.resolveString({ Ref: id }),
      properties: this.resolve(this.resource(id).Properties ?? {}) as Record<string, unknown>,
    };
  }

  /** Physical names of every S3 bucket of the template. */
  buckets(): string[] {
    return this.resourcesOfType('AWS::S3::Bucket').map((id) => this.physicalName(id));
  }

  /** Physical names of the buckets created with Object Lock. */
  objectLockBuckets(): string[] {
    return this.resourcesOfType('AWS::S3::Bucket')
      .filter((id) => this.resource(id).Properties?.ObjectLockEnabled === true)
      .map((id) => this.physicalName(id));
  }

  /** A CloudFormation-like generated physical name: lower case, stable per logical id. */
  physicalName(logicalId: string): string {
    const r = this.resource(logicalId);
    const props = r.Properties ?? {};
    for (const key of ['BucketName', 'TableName', 'FunctionName', 'Name', 'StateMachineName', 'LogGroupName']) {
      const v = props[key];
      if (typeof v === 'string') return v;
    }
    const suffix = createHash('sha256').update(logicalId).digest('hex').slice(0, 12);
    return `gantry-${logicalId.toLowerCase().slice(0, 36)}-${suffix}`;
  }

  /** `Ref` of one resource, as CloudFormation documents it per type. */
  private ref(logicalId: string): string {
    switch (logicalId) {
      case 'AWS::Region':
        return TWIN_REGION;
      case 'AWS::AccountId':
        return TWIN_ACCOUNT;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return this.stack.stackName;
    }
    const r = this.resource(logicalId);
    const name = this.physicalName(logicalId);
    const hex = createHash('sha256').update(logicalId).digest('hex');
    switch (r.Type) {
      case 'AWS::KMS::Key':
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${TWIN_REGION}:${TWIN_ACCOUNT}:secret:${name}-${hex.slice(0, 6)}`;
      case 'AWS::ECS::TaskDefinition': {
        const family = (r.Properties?.Family as string | undefined) ?? name;
        return `arn:aws:ecs:${TWIN_REGION}:${TWIN_ACCOUNT}:task-definition/${family}:1`;
      }
      case 'AWS::ApiGatewayV2::Api':
      case 'AWS::ApiGateway::RestApi':
        return hex.slice(0, 10);
      case 'AWS::EC2::Subnet':
        return `subnet-${hex.slice(0, 17)}`;
      default:
        return name;
    }
  }

  getAtt(logicalId: string, attribute: string): string {
    const r = this.resource(logicalId);
    const name = this.physicalName(logicalId);
    const hex = createHash('sha256').update(logicalId).digest('hex');
    const arnOf: Record<string, string> = {
      'AWS::Lambda::Function': this.functionArn(logicalId),
      'AWS::KMS::Key': `arn:aws:kms:${TWIN_REGION}:${TWIN_ACCOUNT}:key/${this.ref(logicalId)}`,
      'AWS::ECS::Cluster': `arn:aws:ecs:${TWIN_REGION}:${TWIN_ACCOUNT}:cluster/${name}`,
      'AWS::IAM::Role': `arn:aws:iam::${TWIN_ACCOUNT}:role/${name}`,
      'AWS::DynamoDB::Table': `arn:aws:dynamodb:${TWIN_REGION}:${TWIN_ACCOUNT}:table/${name}`,
      'AWS::S3::Bucket': `arn:aws:s3:::${name}`,
      'AWS::Logs::LogGroup': `arn:aws:logs:${TWIN_REGION}:${TWIN_ACCOUNT}:log-group:${name}:*`,
    };
    if (attribute === 'Arn') {
      const arn = arnOf[r.Type];
      if (!arn) throw new Error(`The twin cannot resolve Fn::GetAtt ${logicalId}.Arn (${r.Type})`);
      return arn;
    }
    if (attribute === 'GroupId') return `sg-${hex.slice(0, 17)}`;
    if (attribute === 'ApiEndpoint') return `wss://${this.ref(logicalId)}.execute-api.${TWIN_REGION}.amazonaws.com`;
    if (attribute === 'KeyId') return this.ref(logicalId);
    throw new Error(`The twin cannot resolve Fn::GetAtt ${logicalId}.${attribute}`);
  }

  /** Resolves the intrinsics CDK emits (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split). */
  resolve(value: Json | Record<string, Json>): Json {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const arg = value[key] as Json;
      switch (key) {
        case 'Ref':
          return this.ref(arg as string);
        case 'Fn::GetAtt': {
          const [id, attr] = Array.isArray(arg) ? (arg as string[]) : (arg as string).split('.');
          return this.getAtt(id as string, attr as string);
        }
        case 'Fn::Join': {
          const [sep, parts] = arg as [string, Json[]];
          return parts.map((p) => this.resolveString(p)).join(sep);
        }
        case 'Fn::Select': {
          const [index, list] = arg as [number, Json];
          return (this.resolve(list) as Json[])[Number(index)] ?? null;
        }
        case 'Fn::Split': {
          const [sep, source] = arg as [string, Json];
          return this.resolveString(source).split(sep);
        }
        case 'Fn::Sub': {
          const [text, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, Json>]);
          return text.replace(/\$\{([^}]+)\}/g, (_m, ref: string) => {
            if (vars[ref] !== undefined) return this.resolveString(vars[ref] as Json);
            const [id, attr] = ref.split('.');
            return attr ? this.getAtt(id as string, attr) : this.ref(id as string);
          });
        }
      }
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
  }

  resolveString(value: Json): string {
    const out = this.resolve(value);
    if (typeof out !== 'string') throw new Error(`Expected a string, resolved ${JSON.stringify(out)}`);
    return out;
  }
}
