import type { IncomingMessage, Server } from 'node:http';
import type { Worker } from 'node:worker_threads';

export interface StoreServerCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Why a request's SigV4 signature does not hold for `credentials`, or null when it does. */
export function sigV4Problem(
  req: { method?: string; url?: string; headers: IncomingMessage['headers'] },
  body: Buffer,
  credentials: StoreServerCredentials,
  nowMs?: number,
): string | null;

/** dynalite on `dbPath` behind the SigV4 check, listening on `socketPath`. */
export function startStoreServer(options: {
  dbPath: string;
  socketPath: string;
  credentials: StoreServerCredentials;
}): Promise<Server>;

/** Starts booting the store's worker thread ahead of the store (it waits, unreferenced). */
export function prewarmStoreWorker(): Worker;

/** The pre-warmed store worker if one waits, else a new one; referenced. */
export function storeWorker(): Worker;
