import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directScriptRun, plainScript } from '../../builder-image/src/package-scripts';

// The builder runs `npm test` / `npm run <name>` itself, as npm would. These tests hold it to npm:
// the same output, the same exit status, the same variables, and npm itself for anything else.

const dirs: string[] = [];
function appDir(pkg: unknown, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-scripts-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), typeof pkg === 'string' ? pkg : JSON.stringify(pkg, null, 2));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const BASE_PATH = process.env.PATH ?? '/usr/bin:/bin';
const baseEnv = (dir: string): NodeJS.ProcessEnv => ({
  PATH: BASE_PATH,
  HOME: dir,
  LANG: 'C.UTF-8',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_offline: 'true',
  npm_config_userconfig: join(dir, 'no-npmrc'),
});

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
}

function run(args: readonly string[], dir: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.resume();
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

async function direct(command: string, dir: string): Promise<Ran> {
  const plan = await directScriptRun(command, dir, BASE_PATH, null);
  if (!plan) throw new Error(`${command} was not run directly`);
  return run(plan.shellArgs, dir, { ...baseEnv(dir), ...plan.env });
}

const viaNpm = (command: string, dir: string): Promise<Ran> => run(['-c', command], dir, baseEnv(dir));

describe('plainScript', () => {
  it.each([
    ['npm test', 'test', 'test'],
    ['  npm t ', 'test', 'test'],
    ['npm run build', 'build', 'run-script'],
    ['npm run-script build:prod', 'build:prod', 'run-script'],
  ])('%j runs the package script %j', (command, name, npmCommand) => {
    expect(plainScript(command)).toEqual({ name, npmCommand });
  });

  it.each([
    'npm test -- --watch',
    'npm run build && rm -rf /',
    'npm run "build"',
    'npm run $X',
    'npm install',
    'npm ci',
    'npx vitest',
    'node --test',
    'npm run',
  ])('%j goes to npm itself', (command) => {
    expect(plainScript(command)).toBeNull();
  });
});

describe('directScriptRun', () => {
  it('prints what npm prints and exits as npm does, pre and post scripts included', async () => {
    const pkg = {
      name: 'demo-app',
      version: '1.2.3',
      scripts: {
        pretest: 'echo "pre $npm_lifecycle_event"',
        test: 'echo "main $npm_lifecycle_event $npm_package_name $npm_package_version"\necho second line',
        posttest: 'echo post',
        build: 'echo building && exit 3',
        postbuild: 'echo never',
      },
    };
    const dir = appDir(pkg);
    for (const command of ['npm test', 'npm run build']) {
      const [ours, npms] = await Promise.all([direct(command, dir), viaNpm(command, dir)]);
      expect({ command, ...ours }).toEqual({ command, ...npms });
    }
    const test = await direct('npm test', dir);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('> demo-app@1.2.3 pretest\n> echo "pre $npm_lifecycle_event"\n\npre pretest\n');
    expect(test.stdout.indexOf('pre pretest')).toBeLessThan(test.stdout.indexOf('main test demo-app 1.2.3'));
    expect(test.stdout.indexOf('main test')).toBeLessThan(test.stdout.indexOf('\npost\n'));
    const build = await direct('npm run build', dir);
    expect(build.code).toBe(3);
    expect(build.stdout).not.toContain('never');
  });

  it("gives the script npm's variables and every node_modules/.bin above the app first on PATH", async () => {
    const dir = appDir(
      { name: 'vars', version: '0.0.1', scripts: { check: 'print-env' } },
      { 'node_modules/.bin/print-env': '#!/bin/sh\nenv\n' },
    );
    chmodSync(join(dir, 'node_modules/.bin/print-env'), 0o755);
    const env = new Map(
      (await direct('npm run check', dir)).stdout
        .split('\n')
        .filter((l) => /^\w+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
    );
    expect(env.get('npm_lifecycle_event')).toBe('check');
    expect(env.get('npm_lifecycle_script')).toBe('print-env');
    expect(env.get('npm_package_name')).toBe('vars');
    expect(env.get('npm_package_json')).toBe(join(dir, 'package.json'));
    expect(env.get('npm_command')).toBe('run-script');
    expect(env.get('INIT_CWD')).toBe(dir);
    expect(env.get('NODE')).toBe(process.execPath);
    const path = env.get('PATH')!.split(':');
    expect(path[0]).toBe(join(dir, 'node_modules/.bin'));
    expect(path[1]).toBe(join(dir, '..', 'node_modules/.bin'));
    expect(path.indexOf('/node_modules/.bin')).toBeLessThan(path.indexOf(BASE_PATH.split(':')[0]!));
  });

  it('leaves to npm a missing script, an .npmrc, workspaces, or a package.json that is not an object', async () => {
    expect(await directScriptRun('npm run build', appDir({ scripts: { test: 'true' } }), BASE_PATH, null)).toBeNull();
    expect(await directScriptRun('npm test', appDir({ scripts: { test: '' } }), BASE_PATH, null)).toBeNull();
    expect(
      await directScriptRun(
        'npm test',
        appDir({ scripts: { test: 'true' } }, { '.npmrc': 'ignore-scripts=true\n' }),
        BASE_PATH,
        null,
      ),
    ).toBeNull();
    expect(
      await directScriptRun('npm test', appDir({ workspaces: ['a'], scripts: { test: 'true' } }), BASE_PATH, null),
    ).toBeNull();
    expect(await directScriptRun('npm test', appDir('[1,2]'), BASE_PATH, null)).toBeNull();
    expect(await directScriptRun('npm test', appDir('{ not json'), BASE_PATH, null)).toBeNull();
    expect(await directScriptRun('npm test', appDir({ scripts: { test: 'true' } }), BASE_PATH, null)).not.toBeNull();
  });

  it('does not read through a link, a hard link, a FIFO or a file of another owner', async () => {
    const secret = appDir({ scripts: { test: 'echo builder-only' } });
    const linked = appDir({});
    rmSync(join(linked, 'package.json'));
    symlinkSync(join(secret, 'package.json'), join(linked, 'package.json'));
    expect(await directScriptRun('npm test', linked, BASE_PATH, null)).toBeNull();

    const hard = appDir({});
    rmSync(join(hard, 'package.json'));
    linkSync(join(secret, 'package.json'), join(hard, 'package.json'));
    expect(await directScriptRun('npm test', hard, BASE_PATH, null)).toBeNull();

    const fifo = appDir({});
    rmSync(join(fifo, 'package.json'));
    expect(spawnSync('mkfifo', [join(fifo, 'package.json')]).status).toBe(0);
    expect(await directScriptRun('npm test', fifo, BASE_PATH, null)).toBeNull();

    const own = appDir({ scripts: { test: 'true' } });
    const myUid = process.getuid?.() ?? 0;
    expect(await directScriptRun('npm test', own, BASE_PATH, myUid + 1)).toBeNull();
    expect(await directScriptRun('npm test', own, BASE_PATH, myUid)).not.toBeNull();
  });
});
