import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, type IDependable } from 'constructs';
import { WS_ROUTES } from '../../lambdas/routes';
import { acknowledge } from '../nag';
import type { GantryFunction } from './gantry-function';

/** Properties of {@link LiveUpdatesApi}. */
export interface LiveUpdatesApiProps {
  /** The `ws` function: every route goes to it and it dispatches on `routeKey`. */
  readonly handler: GantryFunction;
  /** Functions that push to connected browsers (`execute-api:ManageConnections`). The handler is always one. @default - the handler only */
  readonly pushers?: readonly GantryFunction[];
  /**
   * Attached to `$connect` (the only WebSocket route API Gateway authorizes). The one seam where
   * the session authorizer plugs in.
   * @default - no authorizer yet
   */
  readonly connectAuthorizer?: apigwv2.IWebSocketRouteAuthorizer;
  /** @default 'prod' */
  readonly stageName?: string;
  /** @default 20 */
  readonly throttlingRateLimit?: number;
  /** @default 40 */
  readonly throttlingBurstLimit?: number;
  /** The account's API Gateway logging role must exist before the stage logs. @default - none */
  readonly loggingDependency?: IDependable;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly accessLogRetention?: logs.RetentionDays;
}

/**
 * The WebSocket API browsers subscribe on for live mission updates. Routes come from
 * `WS_ROUTES`; the `prod` stage deploys automatically. Every pushing function gets the stage's
 * `@connections` callback URL as `GANTRY_WS_ENDPOINT` and may manage connections of this API
 * and stage only.
 */
export class LiveUpdatesApi extends Construct {
  readonly api: apigwv2.WebSocketApi;
  readonly stage: apigwv2.WebSocketStage;
  readonly routes: readonly apigwv2.WebSocketRoute[];

  constructor(scope: Construct, id: string, props: LiveUpdatesApiProps) {
    super(scope, id);
    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      description: 'Gantry live mission updates',
      routeSelectionExpression: '$request.body.action',
    });
    const integration = new WebSocketLambdaIntegration('Handler', props.handler);
    this.routes = WS_ROUTES.map((routeKey) => {
      const route = this.api.addRoute(routeKey, {
        integration,
        ...(routeKey === '$connect' && props.connectAuthorizer ? { authorizer: props.connectAuthorizer } : {}),
      });
      if (routeKey === '$connect' && !props.connectAuthorizer) {
        acknowledge(
          route,
          'AwsSolutions-APIG4',
          'The session authorizer lands in a later issue and will be attached to $connect through ' +
            'LiveUpdatesApiProps.connectAuthorizer. Until then the handler only sends events for missions a ' +
            'connection subscribed to.',
        );
      } else if (routeKey !== '$connect') {
        acknowledge(
          route,
          'AwsSolutions-APIG4',
          `API Gateway authorizes WebSocket connections on $connect only; ${routeKey} runs on an already-accepted connection.`,
        );
      }
      return route;
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: props.stageName ?? 'prod',
      autoDeploy: true,
      throttle: { rateLimit: props.throttlingRateLimit ?? 20, burstLimit: props.throttlingBurstLimit ?? 40 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            connectionId: '$context.connectionId',
            routeKey: '$context.routeKey',
            eventType: '$context.eventType',
            status: '$context.status',
            requestTime: '$context.requestTime',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    if (props.loggingDependency) this.stage.node.addDependency(props.loggingDependency);

    for (const fn of new Set([props.handler, ...(props.pushers ?? [])])) this.grantPush(fn);
  }

  /** `execute-api:ManageConnections` on this API's stage; sets `GANTRY_WS_ENDPOINT`. */
  grantPush(fn: GantryFunction): void {
    fn.allow(
      new iam.PolicyStatement({
        actions: ['execute-api:ManageConnections'],
        resources: [
          Stack.of(this).formatArn({
            service: 'execute-api',
            resource: this.api.apiId,
            resourceName: `${this.stage.stageName}/*/@connections/*`,
          }),
        ],
      }),
      'Connection ids are assigned by API Gateway when a browser connects; the grant is limited to this API and stage.',
    );
    fn.addEnvironment('GANTRY_WS_ENDPOINT', this.stage.callbackUrl);
  }
}
