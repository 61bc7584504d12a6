import { dirname } from 'node:path';
import { AssetHashType, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledge, allowWithReason } from '../nag';
import { bundleFunctionSync, functionEntry, NATIVE_MODULES } from './function-bundling';

/** Properties of a {@link GantryFunction}. */
export interface GantryFunctionProps {
  /**
   * Handler file name without extension: the handler lives in `lambdas/handlers/<handlerName>.ts`
   * and the function's entry, which composes only the adapters it uses, in
   * `lambdas/functions/<handlerName>.ts`.
   */
  readonly handlerName: string;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Whether the function's log group is destroyed with the stack. Logs of a mission are part
   * of what an auditor may ask for, so they outlive the stack by default.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** Extra environment variables. The runtime selection variables are always set. @default - none */
  readonly environment?: Record<string, string>;
  /** @default 'gantry' */
  readonly serviceName?: string;
}

export { NATIVE_MODULES };

const HANDLER_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The one Lambda shape every Gantry handler uses: Node.js 22 on ARM64, X-Ray active, its own
 * log group with retention, a minified, tree-shaken CommonJS bundle of its own entry with source
 * maps, and `policy.yaml`, validated at synth, embedded in the bundle as JSON. The bundle is made
 * at synth on this machine by esbuild with the options the bundle tests use
 * (function-bundling.ts); no Docker is needed.
 *
 * The role is created here rather than by `Function`, so it carries no AWS managed policy:
 * it may write to this function's log group and nothing else until a feature construct grants
 * more.
 */
export class GantryFunction extends lambda.Function {
  /** The handler file name this function was built from, e.g. `step-deploy`. */
  readonly handlerName: string;
  /** The execution role (never undefined, unlike `Function.role`). */
  readonly executionRole: iam.Role;
  readonly functionLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: GantryFunctionProps) {
    if (!HANDLER_NAME.test(props.handlerName)) {
      throw new Error(`GantryFunction: handler name '${props.handlerName}' must be kebab-case`);
    }
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Gantry ${props.handlerName} handler`,
    });

    const handlerName = props.handlerName;
    super(scope, id, {
      // The asset is the bundle: its hash is the output's, so an unchanged bundle is not uploaded again.
      code: lambda.Code.fromAsset(dirname(functionEntry(handlerName)), {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // The bundling options are the key the CDK caches staged assets by: without the
          // function's name in them every function (same source folder, same options) would get
          // the first one's bundle.
          environment: { GANTRY_FUNCTION: handlerName },
          // Only if local bundling declined, which it never does (it throws on a failed build).
          image: lambda.Runtime.NODEJS_22_X.bundlingImage,
          local: {
            tryBundle(outputDir: string): boolean {
              bundleFunctionSync(handlerName, outputDir);
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      tracing: lambda.Tracing.ACTIVE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      logGroup,
      role,
      environment: {
        GANTRY_RUNTIME: 'aws',
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? 'gantry',
        POWERTOOLS_METRICS_NAMESPACE: 'Gantry',
        ...props.environment,
      },
    });

    this.handlerName = props.handlerName;
    this.executionRole = role;
    this.functionLogGroup = logGroup;
    logGroup.grantWrite(role);

    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 (an LTS line Lambda supports) is pinned on purpose: bundles target node22 and the same ' +
        'handlers run and are tested locally on that line. Moving on is a one-line change here.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) accept only Resource "*". ' +
        'A CDK test asserts that no other statement of a Gantry function role uses "*".',
    );
  }

  /**
   * Adds `statement` to the execution role. Each wildcard in it (action or resource) is
   * acknowledged for cdk-nag with `reason`, so a wildcard can only enter a Gantry role through a
   * call that says why it is needed.
   */
  allow(statement: iam.PolicyStatement, reason?: string): void {
    allowWithReason(this.executionRole, statement, reason);
  }
}
