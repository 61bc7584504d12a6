import { randomBytes } from 'node:crypto';
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
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDocumentClient } from '../lambdas/adapters/dynamo-client';
import { HttpConnectionPool } from './http-connection-pool';
import { storeWorker, type StoreServerCredentials } from './store-server';

/**
 * The embedded DynamoDB (dynalite on disk) behind two locks: it listens on a Unix socket inside the
 * data directory (0700 folder, 0600 socket: other users of the machine cannot connect, and no web
 * page can reach it the way it could reach a TCP port on 127.0.0.1), and every request must be
 * SigV4-signed with a credential made at this start. A request without it is refused with 403
 * before dynalite sees it. The server runs on a worker thread (store-server.js).
 */

/** The per-start credential every store request is signed with (checked by store-server.js). */
export type StoreCredentials = StoreServerCredentials;

/** How a client on this machine reaches the running stack's store (see `store.json`). */
export interface StoreAccess {
  readonly pid: number;
  readonly socketPath: string;
  readonly credentials: StoreCredentials;
}

/** The file (0600, in the 0700 data directory) through which `gantry` commands reach a running stack's store. */
export const STORE_ACCESS_FILE = 'store.json';
/** Unix socket paths are limited to about 108 bytes. */
const MAX_SOCKET_PATH = 100;

/** A DynamoDB client for the embedded store: same SDK calls as in AWS, over the Unix socket. */
export function embeddedStoreClient(
  access: Pick<StoreAccess, 'socketPath' | 'credentials'>,
  region: string,
): DynamoDocumentClient {
  return new DynamoDocumentClient({
    region,
    // The host name only appears in the signed Host header; the pool decides where bytes go.
    endpoint: 'http://dynamodb.local',
    credentials: access.credentials,
    transport: new HttpConnectionPool({ connect: () => createConnection(access.socketPath) }),
  });
}

export { sigV4Problem } from './store-server';

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

/** Where the embedded store keeps its tables in a data directory (absent before the first start). */
export function storeDirectory(dataDir: string): string {
  return join(dataDir, 'dynamodb');
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
  // The store serves from a worker thread of its own (store-server.js): its work does not queue
  // behind the stack's handlers on this thread.
  const worker = storeWorker();
  worker.postMessage({ start: { dbPath: storeDirectory(dataDir), socketPath, credentials } });
  await new Promise<void>((resolveListen, reject) => {
    const onExit = (code: number): void => reject(new Error(`The embedded store stopped while starting (exit ${code})`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: { listening?: boolean; error?: string; code?: string }) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      if (message.listening) return resolveListen();
      void worker.terminate();
      reject(Object.assign(new Error(message.error ?? 'The embedded store did not start'), { code: message.code }));
    });
  });
  // An unexpected stop of the store's thread is a stop of the stack's store: say so loudly.
  worker.on('error', (err) => process.emitWarning(`The embedded store failed: ${err.message}`));
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
      await new Promise<void>((r) => {
        const done = (): void => r();
        worker.once('message', done);
        worker.once('exit', done);
        worker.postMessage('close');
      });
      await worker.terminate();
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
