import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * The human CLI run as a child process against one test stack: `gantry build` follows a mission
 * live (over the WebSocket, or by polling when the socket is unavailable; redrawn on a terminal,
 * plain lines elsewhere) and ends with the URL, the pull request and the evidence verdict;
 * `missions` and `status` print tables, `--json` the API's JSON; errors say what to do.
 */
const CLI = join(PROJECT_ROOT, 'local', 'gantry-cli.js');
let t: TestStack;
let configDir: string;

function gantry(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], extra);
}

function run(cmd: string, args: string[], extra: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, GANTRY_URL: t.url, GANTRY_CONFIG_DIR: configDir, GANTRY_TOKEN: t.token, ...extra };
    const child = spawn(cmd, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.toString()));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

/** The statuses the mission went through, in order, from its event log. */
async function statusesOf(missionId: string): Promise<string[]> {
  const events = (await t.request('GET', `/gantry/missions/${missionId}/events`)).body.events as Array<{ status?: string }>;
  return events
    .map((e) => e.status)
    .filter((s): s is string => Boolean(s))
    .filter((s, i, all) => s !== all[i - 1]);
}

let deployedId = '';

beforeAll(async () => {
  t = await startTestStack();
  configDir = mkdtempSync(join(tmpdir(), 'gantry-cli-human-'));
});
afterAll(async () => {
  await t?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

test('`gantry build` follows over the WebSocket: a plain line per state, then URL, pull request and verdict', async () => {
  const res = await gantry(['build', 'Build a calculator']);
  expect(res.stderr).toBe('');
  const lines = res.stdout.split('\n');
  deployedId = /^Mission (\S+):/.exec(lines[0]!)?.[1] ?? '';
  expect(deployedId).not.toBe('');
  expect(lines[1]).toMatch(/^Following live over the WebSocket/);
  const states = await statusesOf(deployedId);
  expect(states).toEqual(expect.arrayContaining(['QUEUED', 'BUILDING', 'DEPLOYING', 'PUBLISHING', 'SEALING', 'DEPLOYED']));
  // One line per state, in order, each with the time since the mission started.
  const progress = lines.filter((l) => /^\s+\+\S+s\s+[A-Z_]+\s/.test(l));
  expect(progress.map((l) => /^\s+\+\S+\s+([A-Z_]+)\s/.exec(l)![1])).toEqual(states);
  expect(progress.find((l) => /\sBUILDING\s/.test(l))).toMatch(/Building and testing/);
  expect(res.stdout).not.toMatch(/\x1b\[/);
  expect(res.stdout).toMatch(/^Done: DEPLOYED in \S+ \(QUEUED \S+, /m);
  const status = (await t.request('GET', `/gantry/status/${deployedId}`)).body;
  expect(res.stdout).toContain(`  Live URL:      ${status.url}`);
  expect(status.url).toMatch(t.appUrlPattern);
  expect(res.stdout).toContain(`  Pull request:  ${status.pr_url}`);
  expect(res.stdout).toMatch(/^ {2}Evidence: {6}verified \(.*\bsignature\b.*\bevent-chain\b.*\blive-deployment\)$/m);
  expect(res.code).toBe(0);
});

test('on a terminal the lines are redrawn; without the WebSocket it polls and still shows every state', async () => {
  // `script` gives the CLI a pseudo-terminal; the WebSocket URL points at nothing that answers.
  const command = `${process.execPath} ${CLI} build --no-deploy --no-publish "Build a countdown timer"`;
  const res = await run('script', ['-qefc', command, '/dev/null'], { GANTRY_WS_URL: 'ws://127.0.0.1:9/ws', COLUMNS: '160' });
  const text = res.stdout.replace(/\r\n/g, '\n');
  expect(text).toMatch(/Following live over REST polling/);
  expect(text).toContain('\r\x1b[2K');
  const id = /Mission (\S+):/.exec(text)?.[1] ?? '';
  const states = await statusesOf(id);
  expect(states.at(-1)).toBe('DEPLOYED');
  // Each state but the last settles with a check mark and its duration.
  for (const state of states.slice(0, -1)) expect(text).toMatch(new RegExp(`✓ +\\S+s +${state} `));
  expect(text).toMatch(/Live URL: {6}— \(not deployed\)/);
  expect(text).toMatch(/Evidence: {6}verified/);
});

test('`gantry missions` prints a table; `--json` is the API’s JSON', async () => {
  const res = await gantry(['missions']);
  expect(res.code).toBe(0);
  const lines = res.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^MISSION\s+STATUS\s+CREATED\s+PROJECT\s+URL\s+PROMPT$/);
  expect(lines.some((l) => l.startsWith(deployedId) && /\sDEPLOYED\s/.test(l))).toBe(true);
  const json = await gantry(['missions', '--json']);
  expect(JSON.parse(json.stdout)).toEqual((await t.request('GET', '/gantry/missions')).body);
  const search = await gantry(['missions', '--search', 'calculator']);
  expect(search.stdout.split('\n').filter((l) => l.startsWith(deployedId))).toHaveLength(1);
});

test('`gantry status <id>` prints a table; `--json` is the API’s JSON', async () => {
  const res = await gantry(['status', deployedId]);
  expect(res.code).toBe(0);
  const lines = res.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^FIELD\s+VALUE$/);
  expect(lines).toContainEqual(expect.stringMatching(/^Status\s+DEPLOYED — Live$/));
  expect(lines).toContainEqual(expect.stringMatching(/^Live URL\s+http:\/\//));
  const json = await gantry(['status', deployedId, '--json']);
  expect(JSON.parse(json.stdout)).toEqual((await t.request('GET', `/gantry/status/${deployedId}`)).body);
});

test('errors say what to do: sign in, start the stack, list missions', async () => {
  const unsigned = await gantry(['missions'], { GANTRY_TOKEN: '' });
  expect(unsigned.code).toBe(1);
  expect(unsigned.stderr).toMatch(/Not signed in to .* \(UNAUTHORIZED\)\. Run: gantry login --email/);
  const down = await gantry(['status', deployedId], { GANTRY_URL: 'http://127.0.0.1:9' });
  expect(down.code).toBe(1);
  expect(down.stderr).toMatch(/No Gantry stack answers at http:\/\/127\.0\.0\.1:9: start it with npm start/);
  const missing = await gantry(['status', 'm-nope']);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/not found \(NOT_FOUND\)\. List your missions with: gantry missions/);
  const build = await gantry(['build', 'Build a timer'], { GANTRY_TOKEN: '' });
  expect(build.stderr).toMatch(/Run: gantry login/);
});
