import { GetCommand, PutCommand } from '../../lambdas/adapters/dynamo-client';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { newToken, SESSION_TOKEN_PREFIX, tokenKey } from '../../lambdas/domain/identity';
import { CONNECTIONS_KEY_HEADER } from '../../local/connections-api';
import { embeddedStoreClient, readStoreAccess, sigV4Problem } from '../../local/embedded-store';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

/**
 * The local stack's inner doors are closed to everyone but the stack: the `@connections` API needs
 * the per-start key only the stack's push client holds, and the embedded store listens on a
 * private Unix socket and refuses requests not signed with the per-start credential.
 */

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

async function openSocket(): Promise<{ ws: WebSocket; received: string[]; id: string }> {
  const before = new Set(t.stack.gateway.websocketIds());
  const ws = new WebSocket(await t.wsUrl());
  const received: string[] = [];
  ws.on('message', (d) => received.push(d.toString()));
  await new Promise((r) => ws.once('open', r));
  let id: string | undefined;
  for (let i = 0; i < 100 && !id; i++) {
    id = t.stack.gateway.websocketIds().find((x) => !before.has(x));
    if (!id) await new Promise((r) => setTimeout(r, 10));
  }
  return { ws, received, id: id! };
}

function outside(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return fetch(`${t.url}${path}`, { method, headers, body });
}

describe('@connections', () => {
  test('an outside POST, GET or DELETE is refused with 403 and neither injects nor disconnects', async () => {
    const { ws, received, id } = await openSocket();
    const fake = JSON.stringify({ type: 'status', status: 'DEPLOYED', url: 'https://evil.example' });
    const path = `/@connections/${encodeURIComponent(id)}`;
    for (const [method, headers] of [
      ['POST', {}],
      ['POST', { [CONNECTIONS_KEY_HEADER]: 'guessed-key' }],
      ['GET', {}],
      ['DELETE', {}],
      ['DELETE', { [CONNECTIONS_KEY_HEADER]: '' }],
    ] as const) {
      const res = await outside(method, path, headers, method === 'POST' ? fake : undefined);
      expect({ method, status: res.status }).toEqual({ method, status: 403 });
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe('ACCESS_DENIED');
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
    // An unknown id gives the outsider no hint either (403, not 410).
    expect((await outside('GET', '/@connections/nope')).status).toBe(403);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.join('\n')).not.toContain('evil.example');
    expect(ws.readyState).toBe(WebSocket.OPEN);

    // The stack's own push adapter (holding the key) still reaches the socket.
    expect(await t.stack.services.push.post(id, { type: 'hello-from-the-stack' })).toBe(true);
    for (let i = 0; i < 100 && !received.some((m) => m.includes('hello-from-the-stack')); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(received.some((m) => m.includes('hello-from-the-stack'))).toBe(true);
    ws.close();
  });
});

describe('the embedded store', () => {
  const forgedToken = newToken(SESSION_TOKEN_PREFIX);
  const forgedSession = (): PutCommand =>
    new PutCommand({
      TableName: 'gantry',
      Item: {
        PK: `SESS#${tokenKey(forgedToken)}`,
        SK: 'META',
        user_id: 'u-forged',
        email: TEST_ADMIN.email,
        tenant_id: 't-forged',
        role: 'owner',
        created_at: new Date().toISOString(),
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      },
    });

  test('the data directory is 0700, the socket, the access file and the store files 0600', () => {
    const access = readStoreAccess(t.dataDir)!;
    expect(access.pid).toBe(process.pid);
    expect(statSync(t.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(access.socketPath).isSocket()).toBe(true);
    expect(statSync(access.socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(t.dataDir, 'store.json')).mode & 0o777).toBe(0o600);
    const storeDir = join(t.dataDir, 'dynamodb');
    const files = readdirSync(storeDir, { recursive: true }) as string[];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const st = statSync(join(storeDir, f));
      expect({ f, mode: (st.mode & 0o777).toString(8) }).toEqual({ f, mode: st.isDirectory() ? '700' : '600' });
    }
  });

  test('a PutItem of a session item with a wrong credential is refused, and the forged token opens nothing', async () => {
    const access = readStoreAccess(t.dataDir)!;
    const wrong = embeddedStoreClient(
      { socketPath: access.socketPath, credentials: { accessKeyId: access.credentials.accessKeyId, secretAccessKey: 'guess' } },
      'us-east-1',
    );
    const otherKey = embeddedStoreClient(
      { socketPath: access.socketPath, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
      'us-east-1',
    );
    try {
      await expect(wrong.send(forgedSession())).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      await expect(otherKey.send(forgedSession())).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    } finally {
      wrong.destroy();
      otherKey.destroy();
    }
    expect((await t.requestAs(forgedToken, 'GET', '/gantry/missions')).status).toBe(401);
  });

  test('a request with no signature at all is refused with 403', async () => {
    const access = readStoreAccess(t.dataDir)!;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          socketPath: access.socketPath,
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  test('with the right credential the same request works (the refusal above is the credential’s doing)', async () => {
    const access = readStoreAccess(t.dataDir)!;
    const right = embeddedStoreClient(access, 'us-east-1');
    const key = { PK: `SESS#${tokenKey(forgedToken)}`, SK: 'META' };
    try {
      expect((await right.send(new GetCommand({ TableName: 'gantry', Key: key }))).Item).toBeUndefined();
      await right.send(forgedSession());
      expect((await right.send(new GetCommand({ TableName: 'gantry', Key: key }))).Item?.user_id).toBe('u-forged');
    } finally {
      right.destroy();
    }
  });

  test('the signature check refuses a changed body and a stale date', () => {
    const creds = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
    expect(sigV4Problem({ method: 'POST', url: '/', headers: {} }, Buffer.from('{}'), creds)).toBe('no Authorization header');
    const headers = {
      host: 'dynamodb.local',
      'x-amz-date': '20200101T000000Z',
      authorization: `AWS4-HMAC-SHA256 Credential=AKID/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    };
    expect(sigV4Problem({ method: 'POST', url: '/', headers }, Buffer.from('{}'), creds)).toMatch(/clock/);
  });

  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  test('another user of the machine cannot even connect to the socket', () => {
    const access = readStoreAccess(t.dataDir)!;
    // Switching users needs root; otherwise the socket's mode is what keeps them out.
    if (process.getuid?.() !== 0 || !setpriv) {
      expect(statSync(access.socketPath).mode & 0o077).toBe(0);
      return;
    }
    const probe = spawnSync(
      setpriv!,
      [
        '--reuid=61001',
        '--regid=61001',
        '--clear-groups',
        process.execPath,
        '-e',
        `require('net').connect(${JSON.stringify(access.socketPath)}).on('connect',()=>{console.log('CONNECTED');process.exit(0)}).on('error',e=>{console.log(e.code);process.exit(0)})`,
      ],
      { encoding: 'utf8', timeout: 10_000 },
    );
    expect(probe.stdout.trim()).toBe('EACCES');
  });
});
