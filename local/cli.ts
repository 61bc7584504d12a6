import { buildCommand } from './cli-build';
import { processIo } from './cli-output';
import { missionsCommand, statusCommand } from './cli-tables';
import { deviceCommand, identityBanner, login, logout, siriSign, tenantCommand, tokenFor, userCommand } from './cli-identity';
import { POLICY_CHECK_USAGE, policyCheck } from './policy-check';
import { verifyCommand } from './cli-verify';
import { replayCommand } from './cli-replay';

const HELP = `gantry — a serverless AI software factory (local stack)

Usage:
  gantry start                      Start the local stack (PORT, default 8787; GANTRY_DATA_DIR, default ./.gantry)
  gantry build "<request>" [--no-deploy] [--no-publish] [--json]
                                    Submit a direct build and follow it live, state by state; ends with
                                    the live URL, the pull request and the evidence verdict
  gantry status <mission-id> [--json]
                                    A mission's status as a table (--json: the API's JSON)
  gantry missions [--search <words>] [--limit N] [--json]
                                    Recent missions (or those matching the words) as a table
  gantry verify <evidence.json> [--key <pem>] [--stack <url>] [--data-dir <dir>]
                                    Re-check a sealed evidence file against a trusted key (never the file's):
                                    signature, chain, decisions, published files, live deployment (exit 1 on any failure)
  gantry replay <mission-id> [--stack <url> | --data-dir <dir>]
                                    Rebuild a mission from its event log alone; exit 1 (with the diff) if it
                                    differs from the stored mission
  gantry policy check <manifest.json> [--policy <policy.yaml>] [--json]
                                    Run the policy gate on a manifest (exit 1 on any violation)
  gantry login --email <e> [--password-stdin]
                                    Sign in to a running stack; the token is kept per stack URL (0600 file)
  gantry logout                     End the session and forget the token
  gantry user add --email <e> [--role owner|admin|member|approver] [--tenant <id>|--tenant-name <n>] [--api]
                                    Add a user in the data store (stack running or stopped), or through the API as an owner
  gantry tenant add --name <n> --owner-email <e> [--api]
                                    Create a tenant with its first owner
  gantry device add <name> | device list | device revoke <key-id>
                                    Siri device keys (the secret is shown once)
  gantry siri-sign --key <key-id> [--send] "<request>"
                                    Sign a Siri request with GANTRY_SIRI_SECRET; print it as curl, or send it
  gantry help                       This text

Environment:
  GANTRY_URL   URL of a running stack for build/status/missions (default http://127.0.0.1:$PORT)
  GANTRY_WS_URL
               WebSocket URL \`gantry build\` follows missions on (default: the stack's /ws)
  GANTRY_TOKEN Session token to send instead of the one \`gantry login\` saved
  GANTRY_ADMIN_EMAIL, GANTRY_ADMIN_PASSWORD
               With no user yet, \`gantry start\` creates this first owner
`;

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function baseUrl(): string {
  return (process.env.GANTRY_URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`).replace(/\/$/, '');
}

async function api(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl()}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(tokenFor(baseUrl()) ? { authorization: `Bearer ${tokenFor(baseUrl())}` } : {}),
        ...(init?.headers ?? {}),
      },
    });
  } catch {
    throw new Error(`No Gantry stack answers at ${baseUrl()}: start it with npm start (or set GANTRY_URL)`);
  }
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body };
}

async function start(): Promise<number> {
  // Listened for from the first moment: a stop asked for while the stack starts (its /ready can
  // answer before the start has finished) stops it cleanly once it is up, instead of ending the
  // process halfway through its start.
  const stopAsked = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  // Loaded on demand (and through require, which the TypeScript hook handles) so other commands start fast.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startLocalStack } = require('./stack') as typeof import('./stack');
  const stack = await startLocalStack();
  for (const notice of stack.notices) process.stderr.write(`${notice}\n`);
  const isolation = stack.sandbox.describe();
  out(`Gantry local stack is up.`);
  out(`  Web console: ${stack.url}/`);
  out(`  API:         ${stack.url}/gantry/architect  (POST {"voice_memo": "..."})`);
  out(`  WebSocket:   ${stack.url.replace(/^http/, 'ws')}/ws`);
  out(`  Data:        ${stack.dataDir}`);
  out(`  Builder:     ${isolation.summary}`);
  for (const line of identityBanner(stack.identity)) out(line);
  out(`Press Ctrl+C to stop.`);
  await stopAsked;
  process.stderr.write('Stopping Gantry…\n');
  await stack.stop();
  return 0;
}

/** Entry point of the `gantry` command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start();
    case 'build':
      return buildCommand(rest, {
        api,
        baseUrl: baseUrl(),
        token: tokenFor(baseUrl()),
        wsUrl: process.env.GANTRY_WS_URL ?? `${baseUrl().replace(/^http/, 'ws')}/ws`,
        io: processIo(),
      });
    case 'status':
      return statusCommand(rest, api, baseUrl(), processIo());
    case 'missions':
      return missionsCommand(rest, api, baseUrl(), processIo());
    case 'verify':
      return verifyCommand(rest, { out, err: (text) => void process.stderr.write(`${text}\n`) });
    case 'replay':
      return replayCommand(rest, { out, err: (text) => void process.stderr.write(`${text}\n`) }, baseUrl());
    case 'policy':
      if (rest[0] !== 'check') {
        process.stderr.write(`${POLICY_CHECK_USAGE}\n`);
        return 2;
      }
      return policyCheck(rest.slice(1), { out, err: (text) => void process.stderr.write(`${text}\n`) });
    case undefined:
    case 'login':
      return login(rest, baseUrl(), api);
    case 'logout':
      return logout(baseUrl(), api);
    case 'user':
      return userCommand(rest, api);
    case 'tenant':
      return tenantCommand(rest, api);
    case 'device':
    case 'devices':
      return deviceCommand(command === 'devices' ? ['list'] : rest, api);
    case 'siri-sign':
      return siriSign(rest, baseUrl());
    case 'help':
    case '--help':
    case '-h':
      out(HELP);
      return 0;
    default:
      process.stderr.write(`Unknown command ${command}\n${HELP}`);
      return 2;
  }
}
