import Ajv2020 from 'ajv/dist/2020';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openApiDocument, type OpenApiDocument } from '../../lambdas/api/openapi';
import { ROUTE_DOCS, routeKey } from '../../lambdas/api/route-docs';
import { PROJECT_ROOT, loadPolicyFile } from '../../lambdas/domain/policy-file';
import { REST_ROUTES, type RestRoute } from '../../lambdas/routes';
import { launchChromium } from '../helpers/chromium';
import { startTestStack, type TestStack } from '../helpers/test-stack';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-artifacts', 'screenshots');
const VALIDATOR_CLI = join(PROJECT_ROOT, 'node_modules/@seriousme/openapi-schema-validator/bin/validate-api-cli.js');

const policy = loadPolicyFile().policy;
const operationsOf = (doc: OpenApiDocument): string[] =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));

/** Runs the OpenAPI 3.x schema validator (an ES module) in its own Node process. */
function validate(doc: unknown): { valid: boolean; errors?: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  // It exits 1 on an invalid document and prints its verdict as JSON either way.
  const run = spawnSync(process.execPath, [VALIDATOR_CLI, file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return JSON.parse(run.stdout) as { valid: boolean };
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument(policy);

  test('every route of lambdas/routes.ts is in the document, and every operation is a route', () => {
    expect(operationsOf(doc).sort()).toEqual(REST_ROUTES.map(routeKey).sort());
    for (const route of REST_ROUTES) {
      const op = doc.paths[route.path]![route.method.toLowerCase()]!;
      expect({
        route: routeKey(route),
        handler: op['x-gantry-handler'],
        public: (op.security as unknown[]).length === 0,
      }).toEqual({
        route: routeKey(route),
        handler: route.handler,
        public: route.public,
      });
    }
  });

  test('a route without documentation (or documentation without a route) fails the generator', () => {
    const added: RestRoute = { method: 'GET', path: '/gantry/new-thing', handler: 'missions', public: false };
    expect(() => openApiDocument(policy, { routes: [...REST_ROUTES, added] })).toThrow(
      /routes without documentation .*GET \/gantry\/new-thing/,
    );
    const { ['GET /gantry/themes']: _themes, ...fewer } = ROUTE_DOCS;
    expect(() => openApiDocument(policy, { docs: fewer })).toThrow(/GET \/gantry\/themes/);
    expect(() => openApiDocument(policy, { routes: REST_ROUTES.filter((r) => r.path !== '/gantry/themes') })).toThrow(
      /documented routes not in lambdas\/routes.ts: GET \/gantry\/themes/,
    );
  });

  test('is a valid OpenAPI 3.1 document: version, paths, components, every $ref resolves', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'MissionList', 'MissionSummary']));
    expect(validate(doc)).toEqual({ valid: true });
    // The validator itself refuses a broken document (so the line above can fail).
    expect(validate({ ...doc, paths: { '/x': { get: { responses: 'none' } } } }).valid).toBe(false);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect({ ref, defined: ref in doc.components.schemas }).toEqual({ ref, defined: true });
  });

  test('request bodies and queries come from the schemas the handlers parse with, limits from the policy', () => {
    const body = (path: string): any => (doc.paths[path]!.post as any).requestBody.content['application/json'].schema;
    expect(body('/gantry/architect').required).toEqual(['voice_memo']);
    expect(body('/gantry/missions/clear').properties.mission_ids.maxItems).toBe(100);
    expect(body('/gantry/debugger/run').properties).toHaveProperty('code');
    // A stricter policy shows in the document.
    const strict = openApiDocument({ ...policy, auth: { ...policy.auth, min_password_length: 31 } });
    expect(
      (strict.paths['/gantry/users']!.post as any).requestBody.content['application/json'].schema.properties.password.minLength,
    ).toBe(31);
    const search = (doc.paths['/gantry/search']!.get as any).parameters as Array<{
      name: string;
      required: boolean;
      schema: any;
    }>;
    expect(search.find((p) => p.name === 'q')).toMatchObject({ required: true, schema: { maxLength: 200 } });
  });
});

describe('served by the stack', () => {
  let t: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestStack();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  test('GET /openapi.json (public) is the document, and real answers match its schemas', async () => {
    const res = await t.requestAs(null, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(policy))));
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'gantry', ...res.body, $schema: undefined });
    const check = (ref: string, value: unknown) => {
      const ok = ajv.validate({ $ref: `gantry#/components/schemas/${ref}` }, value);
      expect({ ref, errors: ok ? null : ajv.errors }).toEqual({ ref, errors: null });
    };
    check('MissionList', (await t.request('GET', '/gantry/missions')).body);
    check('WebSocketTicket', (await t.request('POST', '/gantry/auth/ticket')).body);
    check('Error', (await t.request('GET', '/gantry/status/nope')).body);
    check('MissionList', (await t.request('GET', '/gantry/search?q=anything')).body);
  });

  test('GET /docs renders every operation in Chromium, offline, with nothing but the page loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const response = await page.goto(`${t.url}/docs`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Gantry API');
    const operations = await page.$$eval('main section.op h3', (hs) =>
      hs.map((h) => (h.textContent ?? '').replace(/\s+public$/, '').trim()),
    );
    expect(operations.filter((o) => /^(GET|POST|DELETE) /.test(o)).sort()).toEqual(REST_ROUTES.map(routeKey).sort());
    // A body's fields and their limits are on the page.
    const clear = await page.textContent('#op-post--gantry-missions-clear');
    expect(clear).toContain('mission_ids');
    expect(clear).toContain('..100');
    expect(problems).toEqual([]);
    expect(requests).toEqual([`${t.url}/docs`]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'docs.png') });
    expect(existsSync(join(SCREENSHOTS, 'docs.png'))).toBe(true);
    await page.close();
  });
});
