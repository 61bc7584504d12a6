import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DynamoDocumentClient } from '../lambdas/adapters/dynamo-client';

/**
 * The embedded DynamoDB (dynalite on disk) behind two locks: it listens on a Unix socket inside the
 * data directory (0700 folder, 0600 socket: other users of the machine cannot connect, and no web
 * page can reach it the way it could reach a TCP port on 127.0.0.1), and every request must be
 * SigV4-signed with a credential made at this start. A request without it is refused with 403
 * before dynalite sees it.
 */

// dynalite ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (opts: Record<string, unknown>) => Server;

export interface StoreCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** How a client on this machine reaches the running stack's store (see `store.json`). */
export interface StoreAccess {
  readonly pid: number;
  readonly socketPath: string;
  readonly credentials: StoreCredentials;
}

/** The file (0600, in the 0700 data directory) through which `gantry` commands reach a running stack's store. */
export const STORE_ACCESS_FILE = 'store.json';
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
/** SigV4 requests older or newer than this are refused (AWS allows 15 minutes). */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** Unix socket paths are limited to about 108 bytes. */
const MAX_SOCKET_PATH = 100;

/** An http.Agent whose connections go to a Unix socket. */
class UnixSocketAgent extends Agent {
  constructor(private readonly socketPath: string) {
    super({ keepAlive: true });
  }

  override createConnection(): Socket {
    return createConnection(this.socketPath);
  }
}

/** A DynamoDB client for the embedded store: same SDK calls as in AWS, over the Unix socket. */
export function embeddedStoreClient(
  access: Pick<StoreAccess, 'socketPath' | 'credentials'>,
  region: string,
): DynamoDocumentClient {
  return new DynamoDocumentClient({
    region,
    // The host name only appears in the signed Host header; the agent decides where bytes go.
    endpoint: 'http://dynamodb.local',
    credentials: access.credentials,
    agent: new UnixSocketAgent(access.socketPath),
  });
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/**
 * Checks an AWS Signature Version 4 `Authorization` header against `credentials`: the access key
 * id, the signed headers, the body hash and the signature. Returns why it fails, or null.
 */
export function sigV4Problem(
  req: { method?: string; url?: string; headers: IncomingMessage['headers'] },
  body: Buffer,
  credentials: StoreCredentials,
  nowMs = Date.now(),
): string | null {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string') return 'no Authorization header';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'malformed Authorization header';
  const [, keyId, date, region, service, signedHeaders, signature] = m as unknown as string[];
  if (!safeEqualText(keyId!, credentials.accessKeyId)) return 'unknown access key';
  const amzDate = req.headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(date!)) return 'bad x-amz-date';
  const at = Date.UTC(
    +amzDate.slice(0, 4),
    +amzDate.slice(4, 6) - 1,
    +amzDate.slice(6, 8),
    +amzDate.slice(9, 11),
    +amzDate.slice(11, 13),
    +amzDate.slice(13, 15),
  );
  if (Math.abs(nowMs - at) > MAX_CLOCK_SKEW_MS) return 'request time too far from the server clock';
  const names = signedHeaders!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return 'host and x-amz-date must be signed';
  const canonicalHeaders = names
    .map((name) => {
      const value = req.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${String(text).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const payloadHash = sha256(body);
  const declared = req.headers['x-amz-content-sha256'];
  if (typeof declared === 'string' && declared !== payloadHash) return 'body does not match x-amz-content-sha256';
  const url = new URL(req.url ?? '/', 'http://local');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [req.method ?? 'GET', url.pathname || '/', query, canonicalHeaders, signedHeaders, payloadHash].join(
    '\n',
  );
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date!), region!), service!), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return safeEqualText(expected, signature!) ? null : 'signature does not match';
}

function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeEqualText(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** Makes a folder 0700 and every file under it 0600 (sockets and folders keep their kind). */
export function restrictTree(dir: string): void {
  if (!existsSync(dir)) return;
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if ((stat.mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  };
  walk(dir);
}

export interface EmbeddedStore {
  readonly client: DynamoDocumentClient;
  readonly access: StoreAccess;
  close(): Promise<void>;
}

/**
 * Starts dynalite on `<dataDir>/dynamodb` listening on `<dataDir>/dynamodb.sock` (or a private
 * temporary folder when that path is too long for a socket), with fresh credentials, and writes
 * `store.json` for `gantry` commands run while the stack is up.
 */
export async function startEmbeddedStore(dataDir: string, region: string): Promise<EmbeddedStore> {
  chmodSync(dataDir, 0o700);
  let socketDir: string | null = null;
  let socketPath = join(dataDir, 'dynamodb.sock');
  if (socketPath.length > MAX_SOCKET_PATH) {
    socketDir = mkdtempSync(join(tmpdir(), 'gantry-store-'));
    chmodSync(socketDir, 0o700);
    socketPath = join(socketDir, 'dynamodb.sock');
  }
  // A socket file left by a crashed start would make listen fail with EADDRINUSE.
  rmSync(socketPath, { force: true });
  const credentials: StoreCredentials = {
    accessKeyId: `GANTRYLOCAL${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64url'),
  };
  const server = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const inner = server.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = (status: number, type: string, message: string): void => {
      if (refused) return;
      refused = true;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type });
      res.end(JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message }));
    };
    req.on('error', () => req.destroy());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        refuse(413, 'RequestEntityTooLarge', 'Request too large');
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const body = Buffer.concat(chunks);
      const problem = sigV4Problem(req, body, credentials);
      if (problem)
        return refuse(403, 'UnrecognizedClientException', `The request is not signed with this stack's credential (${problem})`);
      // dynalite reads the request as a stream: hand it an identical one holding the checked body.
      const replay = Object.assign(new PassThrough(), { headers: req.headers, method: req.method, url: req.url });
      inner(replay as unknown as IncomingMessage, res);
      replay.end(body);
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  chmodSync(socketPath, 0o600);
  const access: StoreAccess = { pid: process.pid, socketPath, credentials };
  const accessFile = join(dataDir, STORE_ACCESS_FILE);
  writeFileSync(accessFile, JSON.stringify(access), { mode: 0o600 });
  chmodSync(accessFile, 0o600);
  const client = embeddedStoreClient(access, region);
  let closed = false;
  return {
    client,
    access,
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
      try {
        if ((JSON.parse(readFileSync(accessFile, 'utf8')) as StoreAccess).pid === process.pid) unlinkSync(accessFile);
      } catch {
        // already gone
      }
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(socketPath, { force: true });
      if (socketDir) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** The running stack's store access for `dataDir`, if a live stack wrote one. */
export function readStoreAccess(dataDir: string): StoreAccess | null {
  try {
    const access = JSON.parse(readFileSync(join(dataDir, STORE_ACCESS_FILE), 'utf8')) as StoreAccess;
    if (!Number.isInteger(access.pid) || typeof access.socketPath !== 'string' || !access.credentials) return null;
    try {
      process.kill(access.pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
    }
    return access;
  } catch {
    return null;
  }
}
