import { AwsJsonClient, ECS_SERVICE } from '../../lambdas/adapters/aws-json-client';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { EcsBuildTaskDirectory } from '../../lambdas/adapters/ecs-build-tasks';
import { pushBuilderLogs, type BuildTaskDirectory } from '../../lambdas/app/builder-log-push';
import { builderLogLines, decodeLogsEvent, taskIdOfStream } from '../../lambdas/domain/builder-log-events';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * Live build logs on AWS: the builder log group's subscription delivers gzip'd batches of the
 * builder's stdout protocol; the push function maps the stream to its build task, the task to its
 * mission, and sends the browsers the same `log` message the local stack sends.
 */
const TASK_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

function subscriptionEvent(messages: string[], logStream = `build/builder/${TASK_ID}`, messageType = 'DATA_MESSAGE') {
  const data = {
    messageType,
    owner: '123456789012',
    logGroup: 'Gantry-FoundryBuilderLogs-abc',
    logStream,
    subscriptionFilters: ['Gantry-BuilderLogPush'],
    logEvents: messages.map((message, i) => ({ id: String(i), timestamp: 1_700_000_000_000 + i, message })),
  };
  return { awslogs: { data: gzipSync(Buffer.from(JSON.stringify(data))).toString('base64') } };
}

const protocol = (m: Record<string, unknown>) => JSON.stringify({ v: 1, ...m });

describe('decoding the subscription payload', () => {
  test('log and error messages become lines; phases, results and stray output do not', () => {
    const data = decodeLogsEvent(
      subscriptionEvent([
        protocol({ type: 'log', line: '> npm test' }),
        protocol({ type: 'phase', phase: 'audit', command: 'npm test' }),
        'Error: a stack trace line',
        protocol({ type: 'log', line: 'ok 1 - adds' }),
        protocol({ type: 'error', message: 'dead man switch after 180 s' }),
      ]),
    );
    expect(data.logStream).toBe(`build/builder/${TASK_ID}`);
    expect(builderLogLines(data)).toEqual(['> npm test', 'ok 1 - adds', '[gantry] dead man switch after 180 s']);
  });

  test('the task id comes from the awslogs stream name only', () => {
    expect(taskIdOfStream(`build/builder/${TASK_ID}`, 'build', 'builder')).toBe(TASK_ID);
    expect(taskIdOfStream(`other/builder/${TASK_ID}`, 'build', 'builder')).toBeNull();
    expect(taskIdOfStream('build/builder/../../x', 'build', 'builder')).toBeNull();
    expect(() => decodeLogsEvent({ awslogs: { data: Buffer.from('not gzip').toString('base64') } })).toThrow();
    expect(() => decodeLogsEvent({ hello: 1 })).toThrow();
  });
});

describe('the build task directory (ECS DescribeTasks at its wire format)', () => {
  let server: Server;
  let calls = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls += 1;
        const request = JSON.parse(body) as { cluster: string; tasks: string[] };
        const target = req.headers['x-amz-target'];
        const ok = target === 'AmazonEC2ContainerServiceV20141113.DescribeTasks' && request.cluster === 'arn:cluster';
        res.writeHead(ok ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify({
            tasks: [
              {
                taskArn: `arn:aws:ecs:us-east-1:123456789012:task/gantry/${request.tasks[0]}`,
                overrides: {
                  containerOverrides: [
                    {
                      name: 'builder',
                      environment: [
                        { name: 'GANTRY_TENANT_ID', value: 't-1' },
                        { name: 'GANTRY_MISSION_ID', value: 'm-1' },
                        { name: 'GANTRY_ATTEMPT', value: '2' },
                      ],
                    },
                  ],
                },
              },
            ],
            failures: [],
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => server.close());

  test('reads tenant, mission and attempt from the container overrides, once per task', async () => {
    const ecs = new AwsJsonClient(ECS_SERVICE, {
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    const directory = new EcsBuildTaskDirectory(ecs, 'arn:cluster');
    expect(await directory.identify(TASK_ID)).toEqual({ tenantId: 't-1', missionId: 'm-1', attempt: 2 });
    expect(await directory.identify(TASK_ID)).toEqual({ tenantId: 't-1', missionId: 'm-1', attempt: 2 });
    expect(calls).toBe(1);
  });
});

describe('pushing to the browsers watching the mission', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t?.stop());

  test('a subscribed browser receives the lines in the local stack message shape; others do not', async () => {
    const svc = t.stack.services;
    const me = await t.request('GET', '/gantry/auth/status');
    const tenantId = me.body.tenant.tenant_id as string;
    const missionId = `m-logs-${process.pid}`;
    await svc.store.createMission({
      tenantId,
      missionId,
      prompt: 'Build a calculator',
      options: { deploy: false, publish: false },
      policyHash: svc.policy.hash,
      speech: '',
      status: 'BUILDING',
    });
    const received: Array<Record<string, unknown>> = [];
    const socket = new WebSocket(await t.wsUrl());
    socket.on('message', (data) => received.push(JSON.parse(data.toString()) as Record<string, unknown>));
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ action: 'subscribe', mission_id: missionId }));
    for (let i = 0; i < 100 && (await svc.store.subscriptions(tenantId, missionId)).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }

    const directory: BuildTaskDirectory = {
      identify: async (taskId) => (taskId === TASK_ID ? { tenantId, missionId, attempt: 1 } : null),
    };
    const outcome = await pushBuilderLogs(
      svc,
      subscriptionEvent([protocol({ type: 'log', line: '> node --test' }), protocol({ type: 'log', line: 'ok 1 - adds' })]),
      directory,
    );
    expect(outcome).toEqual({ mission_id: missionId, lines: 2, messages: 1 });
    for (let i = 0; i < 100 && !received.some((m) => m.type === 'log'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(received.filter((m) => m.type === 'log')).toEqual([
      { type: 'log', mission_id: missionId, attempt: 1, lines: ['> node --test', 'ok 1 - adds'] },
    ]);

    // A stream of another task, or a control message, pushes nothing.
    expect(
      (await pushBuilderLogs(svc, subscriptionEvent([protocol({ type: 'log', line: 'x' })], 'build/builder/other1'), directory))
        .lines,
    ).toBe(0);
    expect(
      (await pushBuilderLogs(svc, subscriptionEvent([], `build/builder/${TASK_ID}`, 'CONTROL_MESSAGE'), directory)).lines,
    ).toBe(0);
    await new Promise((r) => {
      socket.once('close', r);
      socket.close();
    });
  });
});
