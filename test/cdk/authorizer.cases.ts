import { Match } from 'aws-cdk-lib/assertions';
import { REST_ROUTES } from '../../lambdas/routes';
import { environmentOf, grantedStatements, logicalId, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

let g: SynthesizedGantry;
let resources: Resources;
beforeAll(() => {
  g = synthesizeGantry();
  resources = g.template.toJSON().Resources as Resources;
});

function pathOf(resourceId: unknown): string {
  const ref = (resourceId as { Ref?: string }).Ref;
  const res = ref ? resources[ref] : undefined;
  if (!res || res.Type !== 'AWS::ApiGateway::Resource') return '';
  return `${pathOf(res.Properties.ParentId)}/${String(res.Properties.PathPart)}`;
}

const byType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('the session authorizer', () => {
  test('is one REQUEST Lambda authorizer on the REST API, backed by the authorizer function, with no caching', () => {
    const authorizers = byType('AWS::ApiGateway::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({ Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 });
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(`"${logicalId(g.stack.handlers.authorizer)}"`);
  });

  test('every non-public route has it; only /health, /ready, the API description, the login route, /gantry/siri and the evidence public key are public', () => {
    const [authorizerId] = byType('AWS::ApiGateway::Authorizer')[0]!;
    const methods = byType('AWS::ApiGateway::Method').map(([, r]) => ({
      route: `${r.Properties.HttpMethod} ${pathOf(r.Properties.ResourceId)}`,
      type: r.Properties.AuthorizationType,
      authorizer: r.Properties.AuthorizerId,
    }));
    expect(methods).toHaveLength(REST_ROUTES.length);
    const open = methods.filter((m) => m.type === 'NONE').map((m) => m.route);
    // The evidence public key is public on purpose: an auditor without an account pins it.
    expect(open.sort()).toEqual(
      [
        'GET /health',
        'GET /ready',
        'GET /openapi.json',
        'GET /docs',
        'POST /gantry/auth',
        'POST /gantry/siri',
        'GET /gantry/evidence/public-key',
      ].sort(),
    );
    for (const m of methods.filter((x) => x.type !== 'NONE')) {
      expect(m).toEqual({ route: m.route, type: 'CUSTOM', authorizer: { Ref: authorizerId } });
    }
    // The template agrees with the route list the local gateway uses.
    for (const route of REST_ROUTES) {
      const found = methods.find((m) => m.route === `${route.method} ${route.path}`);
      expect(found?.type).toBe(route.public ? 'NONE' : 'CUSTOM');
    }
  });

  test('WebSocket $connect is authorized by the same function with a ticket from the query string', () => {
    const authorizers = byType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.ticket'],
    });
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(`"${logicalId(g.stack.handlers.authorizer)}"`);
    const routes = byType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.find((r) => r.RouteKey === '$connect')).toMatchObject({
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: authorizerId },
    });
  });

  test('API Gateway may invoke the authorizer for both APIs', () => {
    const fn = logicalId(g.stack.handlers.authorizer);
    const permissions = byType('AWS::Lambda::Permission')
      .map(([, r]) => r.Properties)
      .filter((p) => JSON.stringify(p.FunctionName).includes(`"${fn}"`));
    expect(permissions.length).toBeGreaterThanOrEqual(2);
    for (const p of permissions) expect(p.Principal).toBe('apigateway.amazonaws.com');
  });

  test('its role may read the table and delete items (single-use tickets), and nothing else on it', () => {
    const role = logicalId(g.stack.handlers.authorizer.executionRole);
    const table = logicalId(g.stack.store.table);
    const onTable = grantedStatements(g.template).filter(
      (s) => s.roles.includes(role) && s.resources.some((r) => JSON.stringify(r).includes(`"${table}"`)),
    );
    const actions = onTable.flatMap((s) => s.actions).sort();
    expect(actions).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:DescribeTable',
        'dynamodb:GetItem',
        'dynamodb:Query',
      ].sort(),
    );
    // No secret at all: sessions and tickets are stored as SHA-256 hashes.
    expect(
      grantedStatements(g.template).filter(
        (s) => s.roles.includes(role) && s.actions.some((a) => a.startsWith('secretsmanager:')),
      ),
    ).toEqual([]);
  });

  test('an unauthenticated REST call gets the JSON error shape from API Gateway', () => {
    g.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"code":"UNAUTHORIZED"') },
    });
  });

  test('the device-key secret is a SecureString parameter, and the functions that need it are told where it is', () => {
    const { rest } = g.stack.handlers;
    for (const fn of [rest.devices, rest.siri]) {
      expect(environmentOf(g.template, logicalId(fn)).GANTRY_DEVICE_KEY_PARAMETER).toBe('/Gantry/device-key-secret');
    }
  });
});
