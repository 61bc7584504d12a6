import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { REST_ROUTES } from '../../lambdas/routes';
import { TEST_ADMIN, removeStackDirs } from '../helpers/test-stack';

/**
 * The edge holds against malformed input: over ten thousand requests with broken percent-escapes,
 * over-long ids, NUL bytes, odd methods and bad bodies, on every route and on the WebSocket
 * upgrade, answer with no 5xx, and the stack process never exits.
 */

const MALFORMED_SEGMENTS = [
  '%E0%A4%A',
  '%',
  '%zz',
  '%00',
  'a%00b',
  '%C0%AF',
  '%F0%9F%98',
  '%ED%A0%80',
  'x'.repeat(3000),
  'm-' + 'f'.repeat(300),
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%F0%9F%98%80',
  '%25',
  '%u0041',
  'm-%20space',
  '-leading-dash',
  'a'.repeat(129),
];
const MALFORMED_QUERIES = [
  '',
  '?a=%E0%A4%A',
  '?%=1',
  '?limit=-1',
  '?limit=abc',
  '?after=1e400',
  '?ticket=%',
  '?mission_id=%zz',
  '?&&=&',
  '?q=%00',
];
const BODIES = [
  '',
  '{',
  '[]',
  'null',
  '"str"',
  '{"prompt":42}',
  '{"a":' + '['.repeat(500) + ']'.repeat(500) + '}',
  '\u0000',
  '{"x":"%E0%A4%A"}',
];
const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function targets(r: () => number): string {
  const route = pick(r, REST_ROUTES);
  let path = route.path.replace(/\{[a-z]+\}/g, () => pick(r, MALFORMED_SEGMENTS));
  if (!route.path.includes('{')) path = r() < 0.5 ? path + '/' + pick(r, MALFORMED_SEGMENTS) : path;
  return path + pick(r, MALFORMED_QUERIES);
}

function send(agent: Agent, port: number, method: string, path: string, token: string | null, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(body || undefined);
  });
}

function rawUpgrade(port: number, target: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const done = (line: string): void => {
      socket.destroy();
      resolve(line);
    };
    socket.setTimeout(5000, () => done('timeout'));
    socket.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n')) done(data.split('\r\n')[0]!);
    });
    socket.on('error', () => done('error'));
    socket.on('close', () => done(data.split('\r\n')[0] || 'closed'));
    socket.write(
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

let child: ChildProcess;
let port = 0;
let dataDir = '';
let exited: number | null | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gantry-fuzz-'));
  port = await freePort();
  child = spawn(process.execPath, [join(PROJECT_ROOT, 'local', 'gantry-cli.js'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      GANTRY_DATA_DIR: dataDir,
      GANTRY_ADMIN_EMAIL: TEST_ADMIN.email,
      GANTRY_ADMIN_PASSWORD: TEST_ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', (code) => (exited = code));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d.toString();
      if (out.includes('Gantry local stack is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`stack exited ${code}: ${out}`)));
  });
}, 90_000);

afterAll(async () => {
  if (exited === undefined) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  removeStackDirs(dataDir);
});

test('10,000+ malformed requests on every route and the WebSocket upgrade: no 5xx, no exit', async () => {
  const login = await fetch(`http://127.0.0.1:${port}/gantry/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  const token = ((await login.json()) as { token: string }).token;

  const ticket = async (): Promise<string> => {
    const res = await fetch(`http://127.0.0.1:${port}/gantry/auth/ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    return encodeURIComponent(((await res.json()) as { ticket: string }).ticket);
  };

  // The request that used to end the process, first and alone: a signed-in user's upgrade whose
  // path holds a malformed escape. It is refused (or opens and answers with an error), and the
  // stack stays up.
  expect(await rawUpgrade(port, `/gantry/ws/%E0%A4%A?ticket=${await ticket()}`)).toMatch(/^HTTP\/1\.1 (4\d\d|101)/);
  expect(await rawUpgrade(port, `/gantry/ws?ticket=${await ticket()}&mission_id=%E0%A4%A`)).toMatch(/^HTTP\/1\.1 (4\d\d|101)/);
  await new Promise((r) => setTimeout(r, 200));
  expect(exited).toBeUndefined();

  const r = rng(20261122);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const statuses = new Map<number, number>();
  const fiveHundreds: string[] = [];
  const TOTAL = 10_000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < TOTAL) {
      next++;
      const method = r() < 0.7 ? pick(r, ['GET', 'POST', 'DELETE']) : pick(r, METHODS);
      const path = targets(r);
      const body = method === 'POST' ? pick(r, BODIES) : '';
      const status = await send(agent, port, method, path, r() < 0.6 ? token : null, body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || status < 0) fiveHundreds.push(`${status} ${method} ${path.slice(0, 120)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();

  const upgrades: string[] = [];
  for (let i = 0; i < 300; i++) {
    const signed = i % 5 === 0;
    const query = pick(r, MALFORMED_QUERIES);
    const withTicket = signed ? `${query ? query + '&' : '?'}ticket=${await ticket()}` : query;
    const target = `${pick(r, ['/ws', '/gantry/ws', '/gantry/ws/'])}${pick(r, ['', pick(r, MALFORMED_SEGMENTS)])}${withTicket}`;
    const line = await rawUpgrade(port, target);
    // A signed upgrade on a well-formed target may open (101); nothing may answer 5xx or hang.
    if (!/^HTTP\/1\.1 (4\d\d|101)/.test(line)) upgrades.push(`${line} ← ${target.slice(0, 120)}`);
  }

  const health = await fetch(`http://127.0.0.1:${port}/health`);
  expect({ fiveHundreds: fiveHundreds.slice(0, 20), upgrades: upgrades.slice(0, 20), exited }).toEqual({
    fiveHundreds: [],
    upgrades: [],
    exited: undefined,
  });
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(TOTAL);
  expect(health.status).toBe(200);
}, 600_000);

/** Sends bytes as they are and answers everything the server wrote before it closed. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(data));
    socket.write(bytes);
  });
}

test('requests the HTTP parser refuses are answered in the error shape, and the stack stays up', async () => {
  const cases: Array<[string, string, number, string]> = [
    ['garbage request line', 'HELLO\r\n\r\n', 400, 'BAD_REQUEST'],
    ['space in the target', 'GET /gantry/status/a b HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'BAD_REQUEST'],
    [
      'Content-Length with Transfer-Encoding',
      'POST /gantry/architect HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'BAD_REQUEST',
    ],
    [
      'two Content-Lengths',
      'POST /gantry/architect HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      400,
      'BAD_REQUEST',
    ],
    ['a control character in a header', 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: b\u0001c\r\n\r\n', 400, 'BAD_REQUEST'],
    [
      'a broken chunk size',
      'POST /gantry/architect HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      400,
      'BAD_REQUEST',
    ],
    [
      'headers over the limit',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
    ],
  ];
  const seen: Array<[string, number, string]> = [];
  for (const [name, bytes] of cases) {
    const answer = await rawExchange(bytes);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    let code = `no JSON body: ${JSON.stringify(answer.slice(0, 200))}`;
    try {
      const parsed = JSON.parse(body) as { error: { code: string; message: string } };
      code = parsed.error.message ? parsed.error.code : 'no message';
    } catch {
      // keeps the description above
    }
    seen.push([name, status, code]);
  }
  expect(seen).toEqual(cases.map(([name, , status, code]) => [name, status, code]));
  expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  expect(exited).toBeUndefined();
}, 60_000);
