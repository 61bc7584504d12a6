import { createServer, type Server } from 'node:http';
import { createConnection, createServer as createNetServer } from 'node:net';
import { HttpConnectionPool, HttpProtocolError, parseAnswer, poolForOrigin } from '../../local/http-connection-pool';

const answer = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('parseAnswer', () => {
  it('reads a body framed by Content-Length, and waits while it is incomplete', () => {
    const whole = answer('HTTP/1.1 200 OK\r\ncontent-length: 5\r\nx-amzn-errortype: Nope:x\r\n\r\nhello');
    expect(parseAnswer(whole.subarray(0, 20))).toBeNull();
    expect(parseAnswer(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(parseAnswer(whole)).toEqual({
      answer: { status: 200, text: 'hello', errorType: 'Nope:x' },
      used: whole.length,
      close: false,
    });
  });

  it('reads a chunked body, and waits for its last chunk', () => {
    const whole = answer('HTTP/1.1 400 Bad\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n');
    expect(parseAnswer(whole.subarray(0, whole.length - 3))).toBeNull();
    expect(parseAnswer(whole)).toEqual({
      answer: { status: 400, text: 'abcde', errorType: null },
      used: whole.length,
      close: false,
    });
  });

  it('decodes a UTF-8 body by its byte length', () => {
    const body = Buffer.from('{"é":"✓"}');
    const whole = Buffer.concat([answer(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
    expect(parseAnswer(whole)?.answer.text).toBe('{"é":"✓"}');
  });

  it('takes a 204 as having no body and honours Connection: close', () => {
    const whole = answer('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
    expect(parseAnswer(whole)).toEqual({ answer: { status: 204, text: '', errorType: null }, used: whole.length, close: true });
  });

  it('refuses what is not an answer it can frame', () => {
    expect(() => parseAnswer(answer('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(HttpProtocolError);
    expect(() => parseAnswer(answer('HTTP/1.1 200 OK\r\n\r\n'))).toThrow(/neither a length nor chunks/);
    expect(() => parseAnswer(answer('HTTP/1.1 200 OK\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab'))).toThrow(
      /Content-Length/,
    );
    expect(() => parseAnswer(answer('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n'))).toThrow(/chunk size/);
  });
});

describe('HttpConnectionPool', () => {
  let server: Server;
  let port: number;
  let connections = 0;

  beforeEach(async () => {
    connections = 0;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        // Some answers chunked, some with a length, as node's server picks by how it is called.
        if (req.url === '/chunked') {
          res.write(`${req.method} `);
          res.end(`${body}|${req.headers['x-amz-target'] ?? ''}`);
        } else {
          res.setHeader('x-amzn-errortype', 'Echo');
          res.end(JSON.stringify({ method: req.method, url: req.url, body, host: req.headers.host }));
        }
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const pool = (max?: number): HttpConnectionPool =>
    poolForOrigin(`http://127.0.0.1:${port}/ignored/path`, max ? { maxConnections: max } : {});

  it('answers many requests at once over at most its connections, each with its own answer', async () => {
    const p = pool(4);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        p.send({ method: 'POST', path: `/n/${i}`, headers: { host: 'store.local' }, body: `{"i":${i},"t":"ü"}` }),
      ),
    );
    answers.forEach((a, i) => {
      expect(a.status).toBe(200);
      expect(a.errorType).toBe('Echo');
      expect(JSON.parse(a.text)).toEqual({ method: 'POST', url: `/n/${i}`, body: `{"i":${i},"t":"ü"}`, host: 'store.local' });
    });
    expect(connections).toBeLessThanOrEqual(4);
    const chunked = await p.send({ method: 'PUT', path: '/chunked', headers: { host: 'x', 'x-amz-target': 'T.Op' }, body: 'b' });
    expect(chunked).toEqual({ status: 200, text: 'PUT b|T.Op', errorType: null });
    p.close();
  });

  it('opens a new connection when the server has closed an idle one', async () => {
    const p = pool();
    expect((await p.send({ method: 'GET', path: '/a', headers: { host: 'x' } })).status).toBe(200);
    server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 100));
    expect((await p.send({ method: 'GET', path: '/b', headers: { host: 'x' } })).status).toBe(200);
    expect(connections).toBe(2);
    p.close();
  });

  it('fails a request whose server goes silent, drops that connection, and goes on with a new one', async () => {
    // Reads what it is sent and never answers.
    const silent = createNetServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    let target = silentPort;
    const p = new HttpConnectionPool({ connect: () => createConnection(target, '127.0.0.1'), silenceMs: 150 });
    const started = performance.now();
    await expect(p.send({ method: 'GET', path: '/', headers: { host: 'x' } })).rejects.toThrow(/no answer within 150 ms/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    target = port;
    expect((await p.send({ method: 'GET', path: '/after', headers: { host: 'x' } })).status).toBe(200);
    // A connection that answered is not timed out while it sits idle in the pool.
    await new Promise((r) => setTimeout(r, 300));
    expect((await p.send({ method: 'GET', path: '/later', headers: { host: 'x' } })).status).toBe(200);
    expect(connections).toBe(1);
    p.close();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('fails a request whose connection cannot be made, and one whose headers would break the request', async () => {
    const dead = new HttpConnectionPool({ connect: () => createConnection(1, '127.0.0.1') });
    await expect(dead.send({ method: 'GET', path: '/', headers: { host: 'x' } })).rejects.toThrow(/ECONNREFUSED/);
    const p = pool();
    await expect(p.send({ method: 'GET', path: '/', headers: { host: 'x', 'x-a': 'v\r\nx-injected: 1' } })).rejects.toThrow(
      HttpProtocolError,
    );
    await expect(p.send({ method: 'GET', path: '/ HTTP/1.1\r\nx: y', headers: { host: 'x' } })).rejects.toThrow(
      HttpProtocolError,
    );
    expect(connections).toBe(0);
    p.close();
  });
});
