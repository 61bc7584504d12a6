'use strict';
/**
 * The embedded store's server: dynalite on disk behind a SigV4 check, listening on a Unix socket.
 * It runs on a worker thread of its own (see embedded-store.ts), so that the store's work (JSON,
 * validation, LevelDB) does not queue behind the stack's handlers on the main thread, nor they
 * behind it. Plain JavaScript: a worker thread loads it directly, whichever way the stack itself
 * was loaded (prebuilt, tsx or a test runner).
 */
const { createHash, createHmac, timingSafeEqual } = require('node:crypto');
const { join } = require('node:path');
const { PassThrough } = require('node:stream');
const { isMainThread, parentPort, Worker, workerData } = require('node:worker_threads');

const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
/** SigV4 requests older or newer than this are refused (AWS allows 15 minutes). */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

function encodeRfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeEqualText(a, b) {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** The signing key of one day, region and service (HMAC chain), kept while they repeat. */
let lastKey = { secret: '', scope: '', key: Buffer.alloc(0) };
function signingKey(secret, date, region, service) {
  const scope = `${date}/${region}/${service}`;
  if (lastKey.secret !== secret || lastKey.scope !== scope) {
    lastKey = { secret, scope, key: hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request') };
  }
  return lastKey.key;
}

/**
 * Checks an AWS Signature Version 4 `Authorization` header against `credentials`: the access key
 * id, the signed headers, the body hash and the signature. Returns why it fails, or null.
 */
function sigV4Problem(req, body, credentials, nowMs = Date.now()) {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string') return 'no Authorization header';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'malformed Authorization header';
  const [, keyId, date, region, service, signedHeaders, signature] = m;
  if (!safeEqualText(keyId, credentials.accessKeyId)) return 'unknown access key';
  const amzDate = req.headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(date)) return 'bad x-amz-date';
  const at = Date.UTC(
    +amzDate.slice(0, 4),
    +amzDate.slice(4, 6) - 1,
    +amzDate.slice(6, 8),
    +amzDate.slice(9, 11),
    +amzDate.slice(11, 13),
    +amzDate.slice(13, 15),
  );
  if (Math.abs(nowMs - at) > MAX_CLOCK_SKEW_MS) return 'request time too far from the server clock';
  const names = signedHeaders.split(';');
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
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)])
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [req.method ?? 'GET', url.pathname || '/', query, canonicalHeaders, signedHeaders, payloadHash].join(
    '\n',
  );
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const expected = createHmac('sha256', signingKey(credentials.secretAccessKey, date, region, service))
    .update(stringToSign)
    .digest('hex');
  return safeEqualText(expected, signature) ? null : 'signature does not match';
}

const TABLES_REMEMBERED = Symbol.for('gantry.storeTablesRemembered');

/**
 * Makes dynalite's stores remember their active tables' descriptions. dynalite reads a table's
 * description from LevelDB and decodes it at the start of every item request (a tenth of the
 * store's work under load); a table changes only through dynalite's own table actions, which
 * write its description with `tableDb.put` or `tableDb.del`. Each such write forgets what was
 * remembered, and a read that overlapped a write is not kept, so a request never sees a
 * description older than the last table write. Every caller gets its own copy (dynalite's
 * actions may change the object they are given), parsed from the description's JSON text: dynalite
 * keeps descriptions JSON-encoded in LevelDB, so the text gives back exactly what a read would,
 * in under half of structuredClone's time (6 against 14 to 18 us for this stack's table).
 */
function rememberTables() {
  const db = require('dynalite/db');
  if (db.create[TABLES_REMEMBERED]) return;
  const create = db.create;
  const remembering = function (options) {
    const store = create(options);
    const known = new Map();
    let writes = 0;
    const tableDb = store.tableDb;
    for (const method of ['put', 'del']) {
      const write = tableDb[method];
      tableDb[method] = function (...args) {
        writes += 1;
        known.clear();
        return write.apply(this, args);
      };
    }
    const read = store.getTable;
    store.getTable = function (name, checkStatus, cb) {
      const done = typeof checkStatus === 'function' ? checkStatus : cb;
      const text = known.get(name);
      if (text !== undefined) {
        const copy = JSON.parse(text);
        process.nextTick(() => done(null, copy));
        return;
      }
      const before = writes;
      read(name, typeof checkStatus === 'function' ? false : checkStatus, (err, found) => {
        if (!err && found && found.TableStatus === 'ACTIVE' && writes === before) known.set(name, JSON.stringify(found));
        done(err, found);
      });
    };
    return store;
  };
  remembering[TABLES_REMEMBERED] = true;
  db.create = remembering;
}

/**
 * dynalite on `dbPath`, every request first checked against `credentials` (403 before dynalite
 * sees it), listening on `socketPath`. Resolves once it listens.
 */
async function startStoreServer({ dbPath, socketPath, credentials }) {
  // dynalite ships no types and is loaded only where the server runs.
  const dynalite = require('dynalite');
  rememberTables();
  const server = dynalite({ path: dbPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const inner = server.listeners('request')[0];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const chunks = [];
    let size = 0;
    let refused = false;
    const refuse = (status, type, message) => {
      if (refused) return;
      refused = true;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type });
      res.end(JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message }));
    };
    req.on('error', () => req.destroy());
    req.on('data', (chunk) => {
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
      inner(replay, res);
      replay.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Where a worker started ahead of the store (see `prewarmStoreWorker`) waits to be taken. */
const PREWARMED = Symbol.for('gantry.prewarmedStoreWorker');

/**
 * A worker thread for the store, booting (thread, dynalite's modules) while the caller goes on
 * loading the rest of the stack; `startEmbeddedStore` then tells it where to serve. It holds
 * nothing open until then, so an unused one does not keep the process alive.
 */
function prewarmStoreWorker() {
  if (!globalThis[PREWARMED]) {
    const worker = newWorker();
    worker.unref();
    // One that fails before it is taken is dropped (and a new one made then); it must not crash this.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (globalThis[PREWARMED] === worker) globalThis[PREWARMED] = undefined;
    });
    globalThis[PREWARMED] = worker;
  }
  return globalThis[PREWARMED];
}

// By its folder, not `__filename`: bundled into the prebuilt stack, this file keeps its own folder only.
const newWorker = () => new Worker(join(__dirname, 'store-server.js'), { workerData: { gantryStoreWorker: true } });

/** The pre-warmed worker, if one is waiting (each is taken once), else a new one. */
function storeWorker() {
  const worker = globalThis[PREWARMED] || newWorker();
  globalThis[PREWARMED] = undefined;
  worker.ref();
  return worker;
}

// On the store's worker thread: load dynalite at once, start when told where, say so, close when asked.
if (!isMainThread && workerData && workerData.gantryStoreWorker) {
  require('dynalite');
  let server = null;
  parentPort.on('message', (message) => {
    if (message && message.start && !server) {
      startStoreServer(message.start).then(
        (started) => {
          server = started;
          parentPort.postMessage({ listening: true });
        },
        (err) => parentPort.postMessage({ error: err && err.message ? err.message : String(err), code: err && err.code }),
      );
    } else if (message === 'close') {
      if (server) server.close(() => parentPort.postMessage({ closed: true }));
      else parentPort.postMessage({ closed: true });
    }
  });
}

module.exports = { prewarmStoreWorker, sigV4Problem, startStoreServer, storeWorker };
