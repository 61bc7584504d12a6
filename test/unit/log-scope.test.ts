import { logger, withLogScope } from '../../lambdas/observability';

/**
 * Log keys belong to the request that appended them. Two requests interleave on one process the
 * way the local stack serves them; each line must carry its own request's ids and nothing else's.
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

async function request(id: string, tenant: string, mission: string, gate: Promise<void>): Promise<void> {
  await withLogScope({}, async () => {
    logger.appendKeys({ request_id: id });
    await tick();
    logger.appendKeys({ tenant_id: tenant, mission_id: mission });
    logger.info('started');
    await gate;
    logger.warn('finished');
  });
}

test('two interleaved requests log their own ids, and nothing leaks out of either', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const a = request('req-a', 'tenant-a', 'm-aaaaaa', gate);
  const b = request('req-b', 'tenant-b', 'm-bbbbbb', gate);
  await tick();
  await tick();
  release();
  await Promise.all([a, b]);
  logger.info('outside any request');

  const byMessage = (m: string) => lines.filter((l) => l.message === m);
  expect(
    byMessage('started')
      .map((l) => l.request_id)
      .sort(),
  ).toEqual(['req-a', 'req-b']);
  expect(
    byMessage('finished')
      .map((l) => l.request_id)
      .sort(),
  ).toEqual(['req-a', 'req-b']);
  for (const line of [...byMessage('started'), ...byMessage('finished')]) {
    const suffix = String(line.request_id).slice(-1);
    expect(line).toMatchObject({ tenant_id: `tenant-${suffix}`, mission_id: `m-${suffix.repeat(6)}` });
  }
  const outside = byMessage('outside any request')[0];
  expect(outside).toBeDefined();
  expect(outside).not.toHaveProperty('request_id');
  expect(outside).not.toHaveProperty('tenant_id');
  expect(outside).not.toHaveProperty('mission_id');
});

test('keys passed to one call win over the scope; removeKeys and resetKeys act on the scope only', async () => {
  await withLogScope({ mission_id: 'm-scope1' }, async () => {
    logger.appendKeys({ tenant_id: 't-1' });
    logger.info('explicit', { mission_id: 'm-explicit' });
    logger.removeKeys(['tenant_id']);
    logger.info('removed');
    logger.resetKeys();
    logger.error('reset', new Error('boom'));
  });
  const [explicit, removed, reset] = ['explicit', 'removed', 'reset'].map((m) => lines.find((l) => l.message === m));
  expect(explicit).toMatchObject({ mission_id: 'm-explicit', tenant_id: 't-1' });
  expect(removed).toMatchObject({ mission_id: 'm-scope1' });
  expect(removed).not.toHaveProperty('tenant_id');
  expect(reset).not.toHaveProperty('mission_id');
  expect(reset).toMatchObject({ error: expect.objectContaining({ message: 'boom' }) });
});
