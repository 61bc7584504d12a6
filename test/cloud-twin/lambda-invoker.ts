import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import type { CallRecorder } from './call-recorder';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** The error a failed invocation surfaces, named as Lambda reports it (`errorType`), which ASL Retry/Catch match. */
export class LambdaFunctionError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

/**
 * Invokes the real handlers the way Lambda does: one execution environment per function, created
 * on first use with exactly the environment the template gives that function (plus what Lambda
 * itself sets), the handler's exported function called with a JSON round-tripped event and a
 * Lambda `Context`, the result JSON round-tripped back.
 *
 * Each function gets its own module registry (`jest.isolateModules`), so its composition root,
 * its config and its SDK clients are its own, as in separate Lambda functions; the SDK of that
 * registry (and the project's own signed clients) is wrapped so every AWS call is recorded under the
 * function's name.
 */
export class LambdaTwin {
  private readonly environments = new Map<string, Handler>();

  constructor(
    private readonly functionEnvironment: (handlerName: string) => Record<string, string>,
    /** What every execution environment shares: credentials, region, endpoint routing of the twin. */
    private readonly runtimeEnvironment: Record<string, string>,
    private readonly recorder: CallRecorder,
  ) {}

  private load(handlerName: string): Handler {
    const existing = this.environments.get(handlerName);
    if (existing) return existing;
    const saved = process.env;
    process.env = {
      ...this.runtimeEnvironment,
      AWS_LAMBDA_FUNCTION_NAME: handlerName,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      ...this.functionEnvironment(handlerName),
    };
    let handler: Handler | undefined;
    try {
      jest.isolateModules(() => {
        const smithy = require('@smithy/core/client') as { Client: { prototype: { send: (...a: unknown[]) => unknown } } };
        this.recorder.instrument(smithy.Client.prototype, handlerName);
        // The artifact and evidence buckets are reached through a signed client of our own,
        const s3 = require(join(PROJECT_ROOT, 'lambdas', 'adapters', 's3-client.ts')) as {
          SignedS3Client: { prototype: { send: (...a: unknown[]) => unknown } };
        };
        this.recorder.instrument(s3.SignedS3Client.prototype, handlerName);
        // And Parameter Store, KMS, Step Functions and ECS through a JSON-protocol client of our own.
        const json = require(join(PROJECT_ROOT, 'lambdas', 'adapters', 'aws-json-client.ts')) as {
          AwsJsonClient: { prototype: { send: (...a: unknown[]) => unknown } };
        };
        this.recorder.instrument(json.AwsJsonClient.prototype, handlerName);
        // And Bedrock Runtime's Converse through a client of our own.
        const bedrock = require(join(PROJECT_ROOT, 'lambdas', 'adapters', 'llm', 'bedrock-runtime-client.ts')) as {
          BedrockRuntime: { prototype: { send: (...a: unknown[]) => unknown } };
        };
        this.recorder.instrument(bedrock.BedrockRuntime.prototype, handlerName);
        // And the WebSocket API's management endpoint through a client of our own.
        const push = require(join(PROJECT_ROOT, 'lambdas', 'adapters', 'push.ts')) as {
          ApiGatewayConnections: { prototype: { send: (...a: unknown[]) => unknown } };
        };
        this.recorder.instrument(push.ApiGatewayConnections.prototype, handlerName);

        // The function's own entry, as its bundle starts from it.
        const mod = require(join(PROJECT_ROOT, 'lambdas', 'functions', `${handlerName}.ts`)) as {
          handler: Handler;
          services: () => unknown;
        };
        // Cold start: the entry composes its adapters from this function's environment now, as on its first invocation.
        mod.services();
        handler = mod.handler;
      });
    } finally {
      process.env = saved;
    }
    if (!handler) throw new Error(`lambdas/functions/${handlerName}.ts exports no handler`);
    this.environments.set(handlerName, handler);
    return handler;
  }

  /** A cold start without an invocation: loads the entry and composes its adapters from its environment. */
  coldStart(handlerName: string): void {
    this.load(handlerName);
  }

  /** Invokes a function; a thrown error becomes a {@link LambdaFunctionError} named by its errorType. */
  async invoke(handlerName: string, event: unknown): Promise<unknown> {
    const handler = this.load(handlerName);
    const deadline = Date.now() + 120_000;
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: handlerName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${handlerName}`,
      memoryLimitInMB: '512',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${handlerName}`,
      logStreamName: `twin/${handlerName}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    const payload: unknown = JSON.parse(JSON.stringify(event ?? null));
    let result: unknown;
    try {
      result = await this.recorder.as(handlerName, () => handler(payload, context));
    } catch (err) {
      const e = err as Error;
      throw new LambdaFunctionError(e.name || 'Error', e.message);
    }
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }
}
