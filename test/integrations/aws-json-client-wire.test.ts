import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsJsonClient, SSM_SERVICE } from '../../lambdas/adapters/aws-json-client';
import { ParameterMissingError, secureParameter } from '../../lambdas/adapters/parameter-store';
import { ApiGatewayConnections, ApiGatewayPush } from '../../lambdas/adapters/push';
import { SdkSha256 } from '../helpers/sdk-sha256';

/**
 * The functions' own JSON-protocol and WebSocket management clients at their wire format: a local
 * server re-signs every request with the SDK's signer and compares, checks the target and content
 * type, and answers as the services do (errors named by `__type` or `x-amzn-errortype`).
 * What this cannot prove: the IAM decision (test/iam does) or the services' real error texts.
 */

const CREDENTIALS = { accessKeyId: 'AKIDWIRE', secretAccessKey: 'wire-secret', sessionToken: 'wire-token' };

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly target: string;
  readonly contentType: string;
  readonly body: string;
  readonly signatureMatches: boolean;
}

/** Re-signs the request as the SDK would, with the signed headers and date the client chose. */
async function sdkSignatureMatches(
  req: IncomingMessage,
  body: string,
  service: string,
  uriEscapePath: boolean,
): Promise<boolean> {
  const auth = String(req.headers.authorization ?? '');
  const names = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(names.map((n) => [n, String(req.headers[n] ?? '')]));
  const date = String(req.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
  const signed = await new SignatureV4({
    credentials: CREDENTIALS,
    region: 'eu-west-1',
    service,
    sha256: SdkSha256,
    uriEscapePath,
    applyChecksum: false,
  }).sign(
    { method: req.method ?? '', protocol: 'http:', hostname: headers.host ?? '', path: req.url ?? '/', headers, body },
    { signingDate: new Date(date) },
  );
  return signed.headers.authorization === auth;
}

class WireServer {
  readonly seen: Seen[] = [];
  private server: Server | undefined;
  constructor(
    private readonly service: string,
    private readonly answer: (seen: Seen, index: number) => { status: number; headers?: Record<string, string>; body: string },
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        void sdkSignatureMatches(req, body, this.service, true).then((signatureMatches) => {
          const seen: Seen = {
            method: req.method ?? '',
            path: req.url ?? '',
            target: String(req.headers['x-amz-target'] ?? ''),
            contentType: String(req.headers['content-type'] ?? ''),
            body,
            signatureMatches,
          };
          this.seen.push(seen);
          const out = this.answer(seen, this.seen.length - 1);
          res.writeHead(out.status, { 'content-length': Buffer.byteLength(out.body), ...out.headers });
          res.end(out.body);
        });
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

describe('Parameter Store through the JSON-protocol client', () => {
  let server: WireServer;
  let client: AwsJsonClient;
  beforeAll(async () => {
    server = new WireServer('ssm', (seen, index) => {
      const { Name } = JSON.parse(seen.body) as { Name: string };
      if (Name === '/missing')
        return { status: 400, body: JSON.stringify({ __type: 'com.amazonaws.ssm#ParameterNotFound', message: 'not found' }) };
      // The first request for /busy is throttled, as the service does under load.
      if (Name === '/busy' && index === server.seen.findIndex((s) => s.body.includes('/busy')))
        return { status: 400, body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }) };
      return { status: 200, body: JSON.stringify({ Parameter: { Name, Type: 'SecureString', Value: `value of ${Name}` } }) };
    });
    client = new AwsJsonClient(SSM_SERVICE, { region: 'eu-west-1', endpoint: await server.start(), credentials: CREDENTIALS });
  });
  afterAll(() => server.stop());

  test('reads a SecureString with decryption, signed as the SDK signs, with the JSON 1.1 target', async () => {
    expect(await secureParameter(client, '/gantry/token', 'a test')()).toBe('value of /gantry/token');
    expect(server.seen[0]).toEqual({
      method: 'POST',
      path: '/',
      target: 'AmazonSSM.GetParameter',
      contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify({ Name: '/gantry/token', WithDecryption: true }),
      signatureMatches: true,
    });
  });

  test('a missing parameter is named as the SDK names it, and becomes ParameterMissingError', async () => {
    await expect(secureParameter(client, '/missing', 'a test')()).rejects.toBeInstanceOf(ParameterMissingError);
    await expect(client.send({ operation: 'GetParameter', input: { Name: '/missing' } })).rejects.toMatchObject({
      name: 'ParameterNotFound',
      $metadata: { httpStatusCode: 400 },
    });
  });

  test('throttling is retried', async () => {
    expect(await secureParameter(client, '/busy', 'a test')()).toBe('value of /busy');
    expect(server.seen.filter((s) => s.body.includes('/busy'))).toHaveLength(2);
  });
});

describe('the WebSocket management API through its own client', () => {
  let server: WireServer;
  let push: ApiGatewayPush;
  beforeAll(async () => {
    server = new WireServer('execute-api', (seen) =>
      seen.path.endsWith('/gone%3D')
        ? { status: 410, headers: { 'x-amzn-errortype': 'GoneException' }, body: '{"message":null}' }
        : { status: 200, body: '' },
    );
    const endpoint = `${await server.start()}/prod`;
    push = new ApiGatewayPush(new ApiGatewayConnections({ region: 'eu-west-1', endpoint, credentials: CREDENTIALS }));
  });
  afterAll(() => server.stop());

  test('posts to and deletes a connection, signed as the SDK signs (path segments encoded twice)', async () => {
    expect(await push.post('abc=', { type: 'hello' })).toBe(true);
    expect(await push.disconnect('abc=')).toBe(true);
    expect(server.seen.map(({ method, path, body, signatureMatches }) => ({ method, path, body, signatureMatches }))).toEqual([
      { method: 'POST', path: '/prod/@connections/abc%3D', body: '{"type":"hello"}', signatureMatches: true },
      { method: 'DELETE', path: '/prod/@connections/abc%3D', body: '', signatureMatches: true },
    ]);
  });

  test('a connection that is gone answers false, not an error', async () => {
    expect(await push.post('gone=', { type: 'hello' })).toBe(false);
    expect(await push.disconnect('gone=')).toBe(false);
  });
});
