import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { restHandler } from '../../lambdas/http';
import { stepHandler } from '../../lambdas/app/step-handler';
import type { PolicyServices } from '../../lambdas/app/services';
import { logger } from '../../lambdas/observability';

/**
 * Log lines name the request or step they are about in their own call. Requests and workflow
 * steps interleave in one process the way the local stack serves them; each line must carry its
 * own ids and nothing of another's, and nothing is left on the logger for the lines after.
 */
let lines: Array<Record<string, unknown>>;
let restore: () => void;
beforeEach(() => {
  lines = [];
  const capture = (chunk: unknown): boolean => {
    for (const line of String(chunk).split('\n')) {
      if (line.trim().startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture as never);
  const level = logger.getLevelName();
  logger.setLogLevel('INFO');
  restore = () => {
    out.mockRestore();
    err.mockRestore();
    logger.setLogLevel(level);
  };
});
afterEach(() => restore());

const tick = () => new Promise((resolve) => setImmediate(resolve));
const services = (): PolicyServices => ({ policy: {} as PolicyServices['policy'], policySource: undefined });
const context = {} as Context;

function restEvent(requestId: string, tenantId: string): APIGatewayProxyEvent {
  return {
    resource: '/gantry/status/{id}',
    path: '/gantry/status/m-1',
    httpMethod: 'GET',
    headers: {},
    pathParameters: { id: 'm-1' },
    requestContext: {
      requestId,
      authorizer: { principalId: 'u-1', tenantId, userId: 'u-1', email: 'owner@example.com', role: 'owner' },
    },
  } as unknown as APIGatewayProxyEvent;
}

test('two interleaved failing requests each log their own request id and tenant, and nothing stays on the logger', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const handler = restHandler(async (event: APIGatewayProxyEvent) => {
    await tick();
    await gate;
    throw new Error(`broken in ${event.requestContext.requestId}`);
  })(services);
  const a = handler(restEvent('req-a', 't-aaaaaa'), context);
  const b = handler(restEvent('req-b', 't-bbbbbb'), context);
  await tick();
  await tick();
  release();
  const answers = await Promise.all([a, b]);
  expect(answers.map((r) => r.statusCode)).toEqual([500, 500]);
  logger.info('outside any request');

  const failed = lines.filter((l) => l.message === 'Unhandled error');
  expect(failed).toHaveLength(2);
  for (const line of failed) {
    const suffix = String(line.request_id).slice(-1);
    expect(['a', 'b']).toContain(suffix);
    expect(line).toMatchObject({ route: 'GET /gantry/status/{id}', tenant_id: `t-${suffix.repeat(6)}` });
    expect(JSON.stringify(line.error)).toContain(`broken in req-${suffix}`);
  }
  expect(failed.map((l) => l.request_id).sort()).toEqual(['req-a', 'req-b']);
  const outside = lines.find((l) => l.message === 'outside any request');
  expect(outside).toBeDefined();
  for (const key of ['request_id', 'tenant_id', 'mission_id', 'route']) expect(outside).not.toHaveProperty(key);
});

test('two interleaved failing steps each log their own mission, tenant and attempt', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const step = stepHandler(async (_svc: PolicyServices, state) => {
    await gate;
    const err = new Error(`step of ${state.mission_id} failed`);
    err.name = 'BuildFailed';
    throw err;
  })(services);
  const state = (mission: string, tenant: string, attempt: number) => ({ mission_id: mission, tenant_id: tenant, attempt });
  const a = step(state('m-aaaaaa', 't-aaaaaa', 1));
  const b = step(state('m-bbbbbb', 't-bbbbbb', 2));
  await tick();
  release();
  const settled = await Promise.allSettled([a, b]);
  expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);

  const failed = lines.filter((l) => l.message === 'Step failed');
  expect(failed).toHaveLength(2);
  const byMission = new Map(failed.map((l) => [l.mission_id, l]));
  expect(byMission.get('m-aaaaaa')).toMatchObject({
    tenant_id: 't-aaaaaa',
    attempt: 1,
    error_name: 'BuildFailed',
    error: 'step of m-aaaaaa failed',
  });
  expect(byMission.get('m-bbbbbb')).toMatchObject({
    tenant_id: 't-bbbbbb',
    attempt: 2,
    error_name: 'BuildFailed',
    error: 'step of m-bbbbbb failed',
  });
});

test('keys cannot be appended to the logger: each line names its own', () => {
  expect(() => logger.appendKeys({ mission_id: 'm-1' })).toThrow(/given with each line/);
  expect(() => logger.appendPersistentKeys({ mission_id: 'm-1' })).toThrow(/given with each line/);
  logger.info('explicit', { mission_id: 'm-explicit' });
  logger.info('plain');
  expect(lines.find((l) => l.message === 'explicit')).toMatchObject({ mission_id: 'm-explicit' });
  expect(lines.find((l) => l.message === 'plain')).not.toHaveProperty('mission_id');
});

/**
 * No code the stack or a function runs enables async hooks (AsyncLocalStorage, createHook): on
 * Node 20 they put promise hooks on every `await` of the process, about a seventh of a status
 * read's time on the stack's thread.
 */
const ASYNC_HOOKS_IMPORT = /(?:from\s*|require\(\s*|import\(\s*)['"](?:node:)?async_hooks['"]/;

test('no runtime source uses async hooks', () => {
  const root = join(__dirname, '..', '..');
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules') walk(path);
      } else if (/\.(ts|js|cjs|mjs)$/.test(name) && ASYNC_HOOKS_IMPORT.test(readFileSync(path, 'utf8'))) {
        offenders.push(path.slice(root.length + 1));
      }
    }
  };
  for (const dir of ['lambdas', 'local', 'builder-image/src']) walk(join(root, dir));
  expect(offenders).toEqual([]);
});
