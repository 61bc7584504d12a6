import { DynamoDocumentClient } from '../lambdas/adapters/dynamo-client';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readConfig } from '../lambdas/config';
import { addTenant, addUser, type AccountServices } from '../lambdas/app/accounts';
import { IdentityStore } from '../lambdas/adapters/identity-store';
import { Argon2PasswordHasher } from '../lambdas/adapters/password-hasher';
import { RoleSchema, type Role } from '../lambdas/domain/identity';
import { loadPolicyFile } from '../lambdas/domain/policy-file';
import { SIRI_PATH, signRequest } from '../lambdas/domain/siri-signature';
import { lockDataDir } from './data-dir-lock';
import { ensureTable } from './dynamo-table';
import { embeddedStoreClient, readStoreAccess, startEmbeddedStore, type EmbeddedStore } from './embedded-store';

/**
 * The identity side of the `gantry` command: logging in (the token is kept per stack URL in a
 * 0600 file, or taken from GANTRY_TOKEN), adding users and tenants straight in the data store,
 * device keys, and signing Siri requests.
 */

export type ApiCall = (path: string, init?: RequestInit) => Promise<{ status: number; body: Record<string, unknown> }>;

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

function credentialsFile(): string {
  return join(process.env.GANTRY_CONFIG_DIR ?? join(homedir(), '.config', 'gantry'), 'credentials.json');
}

type Saved = Record<string, { token: string; email: string; expires_at: string }>;

function readSaved(): Saved {
  try {
    return JSON.parse(readFileSync(credentialsFile(), 'utf8')) as Saved;
  } catch {
    return {};
  }
}

function writeSaved(saved: Saved): void {
  const file = credentialsFile();
  mkdirSync(resolve(file, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The bearer token for `baseUrl`: GANTRY_TOKEN, else the one `gantry login` saved. */
export function tokenFor(baseUrl: string): string | undefined {
  return process.env.GANTRY_TOKEN || readSaved()[baseUrl]?.token;
}

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Reads a password: --password-stdin, GANTRY_PASSWORD, or a prompt that does not echo. */
async function readPassword(args: string[], prompt: string): Promise<string> {
  if (args.includes('--password-stdin')) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  if (process.env.GANTRY_PASSWORD) return process.env.GANTRY_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('No password: use --password-stdin or GANTRY_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let asked = false;
  muted._writeToOutput = (s: string) => {
    if (!asked) muted.output.write(s);
  };
  return new Promise((done) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      done(answer);
    });
    asked = true;
  });
}

export async function login(args: string[], baseUrl: string, api: ApiCall): Promise<number> {
  const email = flag(args, '--email') ?? process.env.GANTRY_EMAIL;
  if (!email) {
    err('Usage: gantry login --email <you@example.com> [--password-stdin]');
    return 2;
  }
  const password = await readPassword(args, `Password for ${email}: `);
  const res = await api('/gantry/auth', { method: 'POST', body: JSON.stringify({ email, password }) });
  if (res.status !== 200) {
    err(JSON.stringify(res.body));
    return 1;
  }
  const saved = readSaved();
  saved[baseUrl] = { token: String(res.body.token), email, expires_at: String(res.body.expires_at) };
  writeSaved(saved);
  out(`Logged in to ${baseUrl} as ${email} until ${String(res.body.expires_at)}.`);
  return 0;
}

export async function logout(baseUrl: string, api: ApiCall): Promise<number> {
  const res = await api('/gantry/auth/logout', { method: 'POST' });
  const saved = readSaved();
  delete saved[baseUrl];
  writeSaved(saved);
  out(res.status === 200 ? 'Logged out.' : 'Forgot the local token (the session had already ended).');
  return 0;
}

/** Opens the identity store the way the running system would: the local data dir, or AWS (GANTRY_RUNTIME=aws). */
async function withAccountServices<T>(fn: (svc: AccountServices) => Promise<T>): Promise<T> {
  const config = readConfig();
  const policy = loadPolicyFile();
  if (config.GANTRY_RUNTIME === 'aws') {
    const client = new DynamoDocumentClient({ region: config.AWS_REGION });
    const identity = new IdentityStore(client, config.GANTRY_TABLE_NAME);
    try {
      return await fn({ identity, passwords: new Argon2PasswordHasher(), policy });
    } finally {
      client.destroy();
    }
  }
  const dataDir = resolve(config.GANTRY_DATA_DIR);
  // A running stack owns the store: ask it through its socket with the credential it left for us.
  const running = readStoreAccess(dataDir);
  if (running) {
    const client = embeddedStoreClient(running, config.AWS_REGION);
    try {
      const identity = new IdentityStore(client, config.GANTRY_TABLE_NAME);
      return await fn({ identity, passwords: new Argon2PasswordHasher(), policy });
    } finally {
      client.destroy();
    }
  }
  // No stack: open the store ourselves, holding the data directory's lock so none starts meanwhile.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = lockDataDir(dataDir);
  let store: EmbeddedStore | undefined;
  try {
    store = await startEmbeddedStore(dataDir, config.AWS_REGION);
    await ensureTable(store.client, config.GANTRY_TABLE_NAME);
    const identity = new IdentityStore(store.client, config.GANTRY_TABLE_NAME);
    return await fn({ identity, passwords: new Argon2PasswordHasher(), policy });
  } finally {
    await store?.close();
    release();
  }
}

/**
 * `gantry user add --email <e> [--role owner|admin|member|approver] [--tenant <id> | --tenant-name <n>] [--api]`.
 * Without --api it writes to the data store directly (the first owner of a fresh install, a
 * running local stack's store through its socket, or an operator on AWS with GANTRY_RUNTIME=aws); with --api it asks the running stack as the
 * logged-in owner, for the owner's own tenant.
 */
export async function userCommand(args: string[], api: ApiCall): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') {
    err('Usage: gantry user add --email <e> [--role owner|admin|member|approver] [--tenant <id>|--tenant-name <name>] [--api]');
    return 2;
  }
  const email = flag(rest, '--email');
  const role = RoleSchema.safeParse(flag(rest, '--role') ?? 'member');
  if (!email || !role.success) {
    err('Usage: gantry user add --email <e> [--role owner|admin|member|approver] [--tenant <id>|--tenant-name <name>] [--api]');
    return 2;
  }
  const password = await readPassword(rest, `Password for ${email}: `);
  if (rest.includes('--api')) {
    const res = await api('/gantry/users', { method: 'POST', body: JSON.stringify({ email, password, role: role.data }) });
    out(JSON.stringify(res.body, null, 2));
    return res.status === 201 ? 0 : 1;
  }
  const { user, tenant } = await withAccountServices((svc) =>
    addUser(svc, {
      by: null,
      email,
      password,
      role: role.data as Role,
      tenantId: flag(rest, '--tenant'),
      tenantName: flag(rest, '--tenant-name'),
    }),
  );
  out(`Added ${user.email} (${user.role}) to tenant ${tenant.tenant_id} (${tenant.name}).`);
  return 0;
}

/** `gantry tenant add --name <n> --owner-email <e>`: a new tenant with its first owner (data store, or --api). */
export async function tenantCommand(args: string[], api: ApiCall): Promise<number> {
  const [sub, ...rest] = args;
  const name = flag(rest, '--name');
  const ownerEmail = flag(rest, '--owner-email');
  if (sub !== 'add' || !name || !ownerEmail) {
    err('Usage: gantry tenant add --name <name> --owner-email <e> [--password-stdin] [--api]');
    return 2;
  }
  const password = await readPassword(rest, `Password for ${ownerEmail}: `);
  if (rest.includes('--api')) {
    const res = await api('/gantry/tenants', {
      method: 'POST',
      body: JSON.stringify({ name, owner_email: ownerEmail, owner_password: password }),
    });
    out(JSON.stringify(res.body, null, 2));
    return res.status === 201 ? 0 : 1;
  }
  const { user, tenant } = await withAccountServices((svc) =>
    addTenant(svc, { by: null, name, ownerEmail, ownerPassword: password }),
  );
  out(`Created tenant ${tenant.tenant_id} (${tenant.name}) with owner ${user.email}.`);
  return 0;
}

/** `gantry device add <name>` | `gantry device list` | `gantry device revoke <key-id>` (Siri keys, through the API). */
export async function deviceCommand(args: string[], api: ApiCall): Promise<number> {
  const [sub, ...rest] = args;
  let res;
  if (sub === 'add' && rest[0]) {
    res = await api('/gantry/devices', { method: 'POST', body: JSON.stringify({ name: rest.join(' ') }) });
    if (res.status === 201) {
      out(JSON.stringify(res.body, null, 2));
      out('The secret is shown this once. Put it in your Shortcut (see README: Siri Shortcut).');
      return 0;
    }
  } else if (sub === 'list') {
    res = await api('/gantry/devices');
  } else if (sub === 'revoke' && rest[0]) {
    res = await api(`/gantry/devices/${encodeURIComponent(rest[0])}`, { method: 'DELETE' });
  } else {
    err('Usage: gantry device add <name> | gantry device list | gantry device revoke <key-id>');
    return 2;
  }
  out(JSON.stringify(res.body, null, 2));
  return res.status === 200 ? 0 : 1;
}

/**
 * `gantry siri-sign --key <key-id> [--send] [--timestamp <t>] [--nonce <n>] "<message>"`: signs a
 * Siri request with the secret in GANTRY_SIRI_SECRET (kept out of the shell history), prints the
 * headers and a curl command, or sends it and prints the answer.
 */
export async function siriSign(args: string[], baseUrl: string): Promise<number> {
  const keyId = flag(args, '--key') ?? process.env.GANTRY_SIRI_KEY;
  const secret = process.env.GANTRY_SIRI_SECRET;
  const skip = new Set(['--key', '--timestamp', '--nonce']);
  const words = args.filter((a, i) => !a.startsWith('--') && !skip.has(args[i - 1] ?? ''));
  const body = words.join(' ').trim();
  if (!keyId || !secret || !body) {
    err('Usage: GANTRY_SIRI_SECRET=<secret> gantry siri-sign --key <key-id> [--send] "<what to build>"');
    return 2;
  }
  const headers = signRequest({ keyId, secret, body, timestamp: flag(args, '--timestamp'), nonce: flag(args, '--nonce') });
  const url = `${baseUrl}${SIRI_PATH}`;
  if (!args.includes('--send')) {
    out(
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
    );
    const quoted = body.replace(/'/g, `'\\''`);
    out(
      `\ncurl -s -X POST '${url}' -H 'content-type: text/plain' ${Object.entries(headers)
        .map(([k, v]) => `-H '${k}: ${v}'`)
        .join(' ')} --data-binary '${quoted}'`,
    );
    return 0;
  }
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body });
  const text = await res.text();
  out(text);
  return res.status < 300 ? 0 : 1;
}

/** What `gantry start` prints about accounts. */
export function identityBanner(identity: { kind: string; email?: string; tenantId?: string; userCount?: number }): string[] {
  if (identity.kind === 'created') {
    return [`  Accounts:    created the first owner ${identity.email} (tenant ${identity.tenantId}); sign in with it`];
  }
  if (identity.kind === 'users-exist')
    return [`  Accounts:    ${identity.userCount} user(s); sign in at the web console or with \`npx gantry login\``];
  return [
    '',
    '  No user exists yet, so nobody can sign in. Create the first owner, either:',
    '    - restart with GANTRY_ADMIN_EMAIL=you@example.com GANTRY_ADMIN_PASSWORD=<12+ characters> npm start',
    '    - or stop the stack and run: npx gantry user add --email you@example.com --role owner',
    '  (There is no default password.)',
  ];
}
