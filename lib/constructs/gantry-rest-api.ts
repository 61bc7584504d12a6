import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, type IDependable } from 'constructs';
import { UNAUTHORIZED_MESSAGE } from '../../lambdas/domain/identity';
import { REST_ROUTES, type RestHandlerName, type RestRoute } from '../../lambdas/routes';
import { acknowledge } from '../nag';
import type { GantryFunction } from './gantry-function';

/** Properties of {@link GantryRestApi}. */
export interface GantryRestApiProps {
  /** The function behind each REST handler name. */
  readonly handlers: Readonly<Record<RestHandlerName, GantryFunction>>;
  /** @default REST_ROUTES from lambdas/routes.ts */
  readonly routes?: readonly RestRoute[];
  /**
   * Attached to every route whose `public` is false. This is the one seam where the session
   * authorizer plugs in.
   * @default - no authorizer yet: every route is reachable without one
   */
  readonly authorizer?: apigw.IAuthorizer;
  /** Steady-state requests per second across the stage. @default 20 */
  readonly throttlingRateLimit?: number;
  /** @default 40 */
  readonly throttlingBurstLimit?: number;
  /** The account's API Gateway logging role must exist before the stage logs. @default - none */
  readonly loggingDependency?: IDependable;
  /** @default 'prod' */
  readonly stageName?: string;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly accessLogRetention?: logs.RetentionDays;
}

const PATH_PARAMETER = /\{([A-Za-z0-9_]+)\}/g;

/** Why each public route needs no session. */
const PUBLIC_REASONS: Record<string, string> = {
  '/health': 'liveness probe, no tenant data',
  '/ready': 'readiness probe, no tenant data',
  '/gantry/auth': 'the login route is how a session starts; it is throttled per account and per source IP',
  '/gantry/siri':
    'authenticated in the handler by a per-device HMAC-style signature over method, path, timestamp, nonce and body ' +
    '(an authorizer never sees the body)',
};

/** Errors produced by API Gateway itself use the same `{ "error": { code, message } }` shape as the handlers. */
const ERROR_TEMPLATE = '{"error":{"code":"$context.error.responseType","message":$context.error.messageString}}';

/**
 * The REST API, built from the one route list (`REST_ROUTES`) so AWS and the local gateway
 * expose the same surface. Each route is a Lambda proxy integration to its handler's function.
 * Access logs (JSON), error-level execution logs, X-Ray, stage throttling, and request
 * validation (path parameters present, JSON bodies are objects) are on.
 */
export class GantryRestApi extends Construct {
  readonly api: apigw.RestApi;
  readonly methods: readonly apigw.Method[];
  private readonly authorizer?: apigw.IAuthorizer;

  constructor(scope: Construct, id: string, props: GantryRestApiProps) {
    super(scope, id);
    this.authorizer = props.authorizer;
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.api = new apigw.RestApi(this, 'Api', {
      description: 'Gantry REST API',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: false,
      deployOptions: {
        stageName: props.stageName ?? 'prod',
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        // Request and response bodies carry prompts and code; they are never logged.
        dataTraceEnabled: false,
        tracingEnabled: true,
        metricsEnabled: true,
        throttlingRateLimit: props.throttlingRateLimit ?? 20,
        throttlingBurstLimit: props.throttlingBurstLimit ?? 40,
      },
    });
    if (props.loggingDependency) this.api.deploymentStage.node.addDependency(props.loggingDependency);
    // The stack declares its outputs explicitly; drop the one RestApi adds on its own.
    this.api.node.tryRemoveChild('Endpoint');

    if (props.authorizer) {
      this.api.addGatewayResponse('GatewayUNAUTHORIZED', {
        type: apigw.ResponseType.UNAUTHORIZED,
        statusCode: '401',
        templates: { 'application/json': JSON.stringify({ error: { code: 'UNAUTHORIZED', message: UNAUTHORIZED_MESSAGE } }) },
      });
    }
    for (const type of [apigw.ResponseType.DEFAULT_4XX, apigw.ResponseType.DEFAULT_5XX]) {
      this.api.addGatewayResponse(`Gateway${type.responseType}`, {
        type,
        templates: { 'application/json': ERROR_TEMPLATE },
      });
    }

    const validator = this.api.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const jsonObject = this.api.addModel('JsonObject', {
      contentType: 'application/json',
      description: 'Any JSON object; the handler validates the fields.',
      schema: { schema: apigw.JsonSchemaVersion.DRAFT4, type: apigw.JsonSchemaType.OBJECT },
    });

    const integrations = new Map<GantryFunction, apigw.LambdaIntegration>();
    const methods: apigw.Method[] = [];
    for (const route of props.routes ?? REST_ROUTES) {
      const fn = props.handlers[route.handler];
      let integration = integrations.get(fn);
      if (!integration) {
        integration = new apigw.LambdaIntegration(fn, { allowTestInvoke: false });
        integrations.set(fn, integration);
      }
      const pathParameters = [...route.path.matchAll(PATH_PARAMETER)].map((m) => m[1]);
      const method = this.api.root.resourceForPath(route.path).addMethod(route.method, integration, {
        ...this.authorizationFor(route),
        requestValidator: validator,
        requestParameters: Object.fromEntries(pathParameters.map((p) => [`method.request.path.${p}`, true])),
        requestModels: route.method === 'POST' ? { 'application/json': jsonObject } : undefined,
      });
      this.acknowledgeAuthorization(method, route);
      methods.push(method);
    }
    this.methods = methods;

    acknowledge(
      this.api.deploymentStage,
      'AwsSolutions-APIG3',
      'No WAF web ACL yet: abuse is bounded by stage throttling and per-user rate buckets in the handlers; ' +
        'a web ACL is an account-level cost decision left to the operator.',
    );
  }

  /**
   * The single place that decides how a route is authorized. Public routes never get an
   * authorizer; every other route gets `props.authorizer` once it exists.
   */
  private authorizationFor(route: RestRoute): apigw.MethodOptions {
    if (route.public || !this.authorizer) return { authorizationType: apigw.AuthorizationType.NONE };
    return { authorizer: this.authorizer, authorizationType: this.authorizer.authorizationType };
  }

  private acknowledgeAuthorization(method: apigw.Method, route: RestRoute): void {
    acknowledge(
      method,
      'AwsSolutions-COG4',
      'Gantry authenticates with its own sessions and device keys (a Lambda authorizer), not Cognito user pools.',
    );
    if (!route.public && this.authorizer) return;
    acknowledge(
      method,
      'AwsSolutions-APIG4',
      route.public
        ? `${route.method} ${route.path} is public by design: ${PUBLIC_REASONS[route.path] ?? 'no tenant data'}.`
        : `${route.method} ${route.path}: built without an authorizer (GantryRestApiProps.authorizer unset); ` +
            'the Gantry stack always attaches the session authorizer through authorizationFor().',
    );
  }
}
