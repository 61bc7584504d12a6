import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { HostProcesses } from '../../local/sandbox/host-processes';
import { processExists } from '../../local/sandbox/process-identity';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * The stack's process starter (local/sandbox/host-processes.ts, host-spawner.js): host programs
 * start from a small helper process, never from the stack, and behave for their callers as
 * programs started by node's spawn do.
 */

/** The parent pid of `pid` (from /proc). */
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the process starter', () => {
  const processes = new HostProcesses();
  afterAll(() => processes.close());

  it('runs a program from a helper process, not from this one, and answers its output', async () => {
    const out = await processes.run('/bin/sh', ['-c', 'echo "$PPID"; echo "$GREETING" >&2'], {
      env: { PATH: '/usr/bin:/bin', GREETING: 'hello from the env given' },
    });
    const parent = Number(out.stdout.trim());
    expect(parent).not.toBe(process.pid);
    expect(parentOf(parent)).toBe(process.pid);
    expect(out.stderr.trim()).toBe('hello from the env given');
    expect(processes.viaHelper).toBe(true);
  });

  it('fails as execFile does: the exit code and stderr of a failed program, ENOENT for a missing one', async () => {
    await expect(processes.run('/bin/sh', ['-c', 'echo broken >&2; exit 3'])).rejects.toMatchObject({
      code: 3,
      stderr: 'broken\n',
    });
    await expect(processes.run('/no/such/program', [])).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('passes stdin, extra pipes and the working folder, with spawn, exit and close in that order', async () => {
    const child = processes.spawn('/bin/sh', ['-c', 'cat; pwd >&3; exit 7'], {
      cwd: '/usr',
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const seen: string[] = [];
    let stdout = '';
    let fd3 = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    const extra = child.stdio[3];
    if (extra && 'on' in extra) extra.on('data', (c: Buffer) => (fd3 += c.toString()));
    child.once('spawn', () => seen.push(`spawn ${typeof child.pid}`));
    child.once('exit', (code: number) => seen.push(`exit ${code}`));
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.stdin?.write('one ');
    child.stdin?.end(Buffer.from('two'));
    await closed;
    seen.push('close');
    expect(seen).toEqual(['spawn number', 'exit 7', 'close']);
    expect(stdout).toBe('one two');
    expect(fd3.trim()).toBe('/usr');
  });

  it('closes only after every byte of output reached its reader, and closes when nobody reads', async () => {
    for (let i = 0; i < 5; i++) {
      const out = await processes.run('/bin/sh', ['-c', 'head -c 300000 /dev/zero | tr "\\0" a; printf end']);
      expect(out.stdout.length).toBe(300003);
      expect(out.stdout.endsWith('aend')).toBe(true);
    }
    const unread = processes.spawn('/bin/sh', ['-c', 'head -c 300000 /dev/zero'], { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(await new Promise((resolve) => unread.once('close', (code: number) => resolve(code)))).toBe(0);
  });

  it('starts a detached program as its own process group, which the stack can kill by pid', async () => {
    const child = processes.spawn('/bin/sh', ['-c', 'sleep 30 & sleep 30; wait'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) => child.once('spawn', () => resolve()));
    const pid = child.pid!;
    const closed = new Promise<string | null>((resolve) =>
      child.once('close', (_c: unknown, signal: string | null) => resolve(signal)),
    );
    process.kill(-pid, 'SIGKILL');
    expect(await closed).toBe('SIGKILL');
    expect(processExists(pid)).toBe(false);
  });

  it('a helper that dies ends its programs for the stack (SIGKILL), and the next start makes a new one', async () => {
    const child = processes.spawn('/bin/sleep', ['30'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.once('spawn', () => resolve()));
    const helper = parentOf(child.pid!);
    expect(helper).not.toBe(process.pid);
    const closed = new Promise<string | null>((resolve) =>
      child.once('close', (_c: unknown, signal: string | null) => resolve(signal)),
    );
    process.kill(helper, 'SIGKILL');
    expect(await closed).toBe('SIGKILL');
    process.kill(child.pid!, 'SIGKILL');
    const again = await processes.run('/bin/sh', ['-c', 'echo "$PPID"']);
    const next = Number(again.stdout.trim());
    expect(next).not.toBe(helper);
    expect(next).not.toBe(process.pid);
  });

  it('stops its helper on close, and starts programs itself from then on', async () => {
    const own = new HostProcesses();
    const helper = Number((await own.run('/bin/sh', ['-c', 'echo "$PPID"'])).stdout.trim());
    expect(processExists(helper)).toBe(true);
    own.close();
    await until(() => !processExists(helper) || readFileSync(`/proc/${helper}/stat`, 'utf8').includes(') Z'));
    expect(own.viaHelper).toBe(false);
    expect(Number((await own.run('/bin/sh', ['-c', 'echo "$PPID"'])).stdout.trim())).toBe(process.pid);
  });

  it('a helper that cannot start leaves nothing unstarted: its programs start here, once each, stdin kept', async () => {
    const broken = new HostProcesses({ helperScript: '/nonexistent/host-spawner.js' });
    try {
      const child = broken.spawn('/bin/sh', ['-c', 'cat; echo " $PPID"'], { stdio: ['pipe', 'pipe', 'pipe'] });
      // Written before any starter exists: it waits and goes first.
      child.stdin?.end('early');
      let out = '';
      child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('close', (c: number | null) => resolve(c)));
      expect(code).toBe(0);
      expect(out).toBe(`early ${process.pid}\n`);
      // Given up after three helpers that never got ready.
      for (let i = 0; i < 2; i++) await broken.run('/bin/true', []);
      expect(broken.viaHelper).toBe(false);
    } finally {
      broken.close();
    }
  });

  it('without the helper (GANTRY_PROCESS_HELPER=off) starts programs from this process', async () => {
    const here = new HostProcesses({ useHelper: false });
    expect(Number((await here.run('/bin/sh', ['-c', 'echo "$PPID"'])).stdout.trim())).toBe(process.pid);
  });
});

describe('a mission on the local stack', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('builds, deploys and publishes without the stack starting a single process itself', async () => {
    const submit = async (): Promise<string> => {
      const res = await t.request('POST', '/gantry/architect', { voice_memo: 'Build a unit converter' });
      expect(res.status).toBe(202);
      const done = await t.waitFor(res.body.mission_id, ['DEPLOYED', 'FAILED']);
      expect(done.status).toBe('DEPLOYED');
      return res.body.mission_id as string;
    };
    // The first mission also starts the helper (and the stack's one-time set-up).
    await submit();
    // Every process node starts (spawn, execFile, fork) goes through ChildProcess.prototype.spawn.
    const proto = ChildProcess.prototype as unknown as { spawn: (this: ChildProcess, options: { file: string }) => unknown };
    const started: string[] = [];
    const original = proto.spawn;
    proto.spawn = function (this: ChildProcess, options: { file: string }) {
      started.push(options.file);
      return original.call(this, options);
    };
    try {
      await submit();
    } finally {
      proto.spawn = original;
    }
    expect(started).toEqual([]);
  }, 180_000);
});
