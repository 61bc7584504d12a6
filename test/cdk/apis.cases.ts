import { REST_ROUTES, STEP_HANDLERS, WS_ROUTES } from '../../lambdas/routes';
import type { GantryFunction } from '../../lib/constructs/gantry-function';
import { environmentOf, logicalId, rolesAllowed, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

let g: SynthesizedGantry;
let resources: Resources;
beforeAll(() => {
  g = synthesizeGantry();
  resources = g.template.toJSON().Resources as Resources;
});

/** Full path of an AWS::ApiGateway::Resource, walking ParentId up to the root. */
function pathOf(resourceId: unknown): string {
  const ref = (resourceId as { Ref?: string }).Ref;
  if (!ref) return '';
  const res = resources[ref];
  if (!res || res.Type !== 'AWS::ApiGateway::Resource') return '';
  return `${pathOf(res.Properties.ParentId)}/${String(res.Properties.PathPart)}`;
}

describe('REST API', () => {
  test('every route of REST_ROUTES exists with its method and a proxy integration to its handler', () => {
    const methods = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGateway::Method')
      .map((r) => ({
        method: r.Properties.HttpMethod,
        path: pathOf(r.Properties.ResourceId),
        integration: r.Properties.Integration as { Type: string; Uri: unknown },
        requestParameters: r.Properties.RequestParameters,
        authorizationType: r.Properties.AuthorizationType,
      }));
    expect(methods).toHaveLength(REST_ROUTES.length);
    for (const route of REST_ROUTES) {
      const found = methods.find((m) => m.method === route.method && m.path === route.path);
      expect(found).toBeDefined();
      expect(found?.integration.Type).toBe('AWS_PROXY');
      expect(JSON.stringify(found?.integration.Uri)).toContain(`"${logicalId(g.stack.handlers.rest[route.handler])}"`);
      const pathParameters = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => `method.request.path.${m[1]}`);
      if (pathParameters.length > 0) {
        expect(found?.requestParameters).toEqual(Object.fromEntries(pathParameters.map((p) => [p, true])));
      }
      // Every non-public route goes through the session authorizer (test/cdk/authorizer.cases.ts).
      expect(found?.authorizationType).toBe(route.public ? 'NONE' : 'CUSTOM');
    }
  });

  test('stage prod with access logs, throttling, tracing and request validation', () => {
    const stages = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Stage');
    expect(stages).toHaveLength(1);
    expect(stages[0]?.Properties).toMatchObject({
      StageName: 'prod',
      TracingEnabled: true,
      MethodSettings: [
        expect.objectContaining({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 20,
          ThrottlingBurstLimit: 40,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        }),
      ],
    });
    const accessLogs = JSON.stringify((stages[0]?.Properties.AccessLogSetting as { DestinationArn: unknown }).DestinationArn);
    expect(accessLogs).toMatch(/"Ref":"RestApiAccessLogs[0-9A-F]+"/);
    g.template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });
});

describe('WebSocket API', () => {
  test('every route of WS_ROUTES exists and goes to the ws function', () => {
    const routes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([...WS_ROUTES].sort());
    const integrations = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(1);
    expect(JSON.stringify(integrations[0]?.Properties.IntegrationUri)).toContain(`"${logicalId(g.stack.handlers.ws)}"`);
    g.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
    g.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'prod', AutoDeploy: true });
  });

  test('pushing functions get the callback URL and ManageConnections; the others get neither', () => {
    const { rest, ws, steps } = g.stack.handlers;
    // mission-control pushes CANCELLED to subscribers when a mission is cancelled.
    const pushers: GantryFunction[] = [
      ws,
      rest.architect,
      rest.siri,
      rest.consult,
      rest['mission-control'],
      rest.decisions,
      g.stack.executionWatch.fn,
      g.stack.builderLogs.fn,
      ...STEP_HANDLERS.map((s) => steps[s]),
    ];
    const apiId = logicalId(g.stack.liveUpdates.api);
    const callback = {
      'Fn::Join': [
        '',
        ['https://', { Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod'],
      ],
    };
    for (const fn of pushers) expect(environmentOf(g.template, logicalId(fn)).GANTRY_WS_ENDPOINT).toEqual(callback);
    for (const fn of [rest.missions, rest.health]) {
      expect(environmentOf(g.template, logicalId(fn)).GANTRY_WS_ENDPOINT).toBeUndefined();
    }
    expect(rolesAllowed(g.template, 'execute-api:ManageConnections', apiId)).toEqual(
      pushers.map((fn) => logicalId(fn.executionRole)).sort(),
    );
  });
});

describe('the LLM boundary on AWS', () => {
  test('every function is told the provider (Bedrock), the model from cdk.json, and the architect uses the model', () => {
    const { rest, steps } = g.stack.handlers;
    for (const fn of [rest.consult, rest.chat, steps['step-architect'], steps['step-heal']]) {
      expect(environmentOf(g.template, logicalId(fn))).toMatchObject({
        GANTRY_LLM_PROVIDER: 'bedrock',
        GANTRY_LLM_MODEL: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
        GANTRY_ARCHITECT: 'llm',
      });
    }
  });

  test('the consultation routes are behind the session authorizer', () => {
    const consultation = REST_ROUTES.filter((r) => ['consult', 'chat', 'themes'].includes(r.handler));
    expect(consultation.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'GET /gantry/consultation/{id}',
        'GET /gantry/themes',
        'POST /gantry/chat',
        'POST /gantry/consult',
        'POST /gantry/voice',
      ].sort(),
    );
    expect(consultation.every((r) => !r.public)).toBe(true);
    const methods = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Method');
    const consultMethods = methods.filter((m) =>
      JSON.stringify(m.Properties.Integration).includes(logicalId(g.stack.handlers.rest.consult)),
    );
    expect(consultMethods).toHaveLength(3);
    for (const m of consultMethods) expect(m.Properties.AuthorizationType).toBe('CUSTOM');
  });
});
