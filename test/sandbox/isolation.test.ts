import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { LocalSandbox } from '../../local/sandbox/local-sandbox';
import { jobDirFor, openTempDir, SMALL_LIMITS, testSandbox, removeTempDirs } from './sandbox-fixtures';

/** Runs a node script in the sandbox and returns what it printed as JSON. */
async function probeInside(sandbox: LocalSandbox, script: string): Promise<Record<string, unknown>> {
  const jobDir = await jobDirFor(sandbox);
  const run = await sandbox.run({ argv: [sandbox.nodePath, '-e', script], jobDir, limits: SMALL_LIMITS, timeoutMs: 15_000 });
  expect(run.stderr).toBe('');
  expect(run.end_reason).toBe('exit');
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('sandbox isolation', () => {
  let sandbox: LocalSandbox;

  beforeAll(async () => {
    sandbox = await testSandbox();
  });

  afterAll(() => removeTempDirs());

  it('reports full isolation (required in CI, warned about elsewhere)', () => {
    const caps = sandbox.describe();
    if (process.env.CI === 'true') {
      expect(caps.isolation).toBe('full');
      expect(caps.warning).toBeNull();
    } else if (caps.isolation !== 'full') {
      expect(caps.warning).toMatch(/SANDBOX/);
    }
    expect(caps.summary.length).toBeGreaterThan(0);
    // On this kind of host (root, bubblewrap installed) nothing less than full is acceptable.
    if (caps.runAs && caps.bwrap) expect(caps.isolation).toBe('full');
  });

  it('cannot open a network connection: not to the host loopback, not outside, no DNS', async () => {
    const connections: number[] = [];
    const server: Server = createServer((socket) => {
      connections.push(1);
      socket.end('hello from the host');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      // Control: the server is reachable from the host.
      const control = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.on('data', (d) => resolve(String(d)));
        socket.on('error', reject);
      });
      expect(control).toBe('hello from the host');
      const seenByControl = connections.length;

      const inside = await probeInside(
        sandbox,
        `
        const net = require('net'), dns = require('dns'), os = require('os');
        const attempt = (host, p) => new Promise((resolve) => {
          const s = net.connect({ host, port: p, timeout: 3000 });
          s.on('connect', () => { s.destroy(); resolve('connected'); });
          s.on('timeout', () => { s.destroy(); resolve('timeout'); });
          s.on('error', (e) => resolve(e.code));
        });
        (async () => {
          const loopback = await attempt('127.0.0.1', ${port});
          const outbound = await attempt('1.1.1.1', 443);
          const lookup = await new Promise((r) => dns.lookup('example.com', (e, a) => r(e ? e.code : a)));
          const resolver = await new Promise((r) => dns.resolve4('example.com', (e, a) => r(e ? e.code : a)));
          process.stdout.write(JSON.stringify({ loopback, outbound, lookup, resolver, interfaces: Object.keys(os.networkInterfaces()) }));
        })();
        `,
      );
      expect(inside.loopback).toBe('ECONNREFUSED');
      expect(inside.outbound).toBe('ENETUNREACH');
      expect(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED']).toContain(inside.lookup);
      expect(typeof inside.resolver).toBe('string');
      expect(inside.resolver).not.toBe('connected');
      expect(inside.interfaces).toEqual(['lo']);
      expect(connections.length).toBe(seenByControl);
    } finally {
      server.close();
    }
  });

  it('cannot read files outside its job folder', async () => {
    const hostDir = openTempDir('gantry-secret-');
    const hostSecret = join(hostDir, 'secret.txt');
    writeFileSync(hostSecret, 'host secret', { mode: 0o644 });
    const rootSecret = join('/root', `gantry-secret-${randomUUID()}.txt`);
    writeFileSync(rootSecret, 'root secret', { mode: 0o600 });
    const otherJob = await jobDirFor(sandbox);
    writeFileSync(join(otherJob, 'other.txt'), 'another job', { mode: 0o644 });
    try {
      const runAs = sandbox.describe().runAs;
      if (runAs) {
        // Control: the same user could read the temp file on the host; only the sandbox hides it.
        const control = spawnSync(
          'setpriv',
          [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', 'cat', hostSecret],
          { encoding: 'utf8' },
        );
        expect(control.stdout).toBe('host secret');
      }
      const inside = await probeInside(
        sandbox,
        `
        const fs = require('fs');
        const read = (p) => { try { return fs.readFileSync(p, 'utf8'); } catch (e) { return e.code; } };
        const write = (p) => { try { fs.writeFileSync(p, 'x'); return 'written'; } catch (e) { return e.code; } };
        const list = (p) => { try { return fs.readdirSync(p); } catch (e) { return e.code; } };
        process.stdout.write(JSON.stringify({
          hostSecret: read(${JSON.stringify(hostSecret)}),
          rootSecret: read(${JSON.stringify(rootSecret)}),
          otherJob: read(${JSON.stringify(join(otherJob, 'other.txt'))}),
          shadow: read('/etc/shadow'),
          etc: list('/etc').sort(),
          root: list('/root'),
          project: list(${JSON.stringify(process.cwd())}),
          writeUsr: write('/usr/gantry-probe'),
          writeRoot: write('/gantry-probe'),
          writeJob: write('/job/probe.txt'),
          uid: process.getuid(),
          capEff: fs.readFileSync('/proc/self/status', 'utf8').match(/^CapEff:\\s+(\\w+)/m)[1],
          processes: fs.readdirSync('/proc').filter((n) => /^\\d+$/.test(n)).length,
        }));
        `,
      );
      expect(inside.hostSecret).toBe('ENOENT');
      expect(inside.rootSecret).toBe('ENOENT');
      expect(inside.otherJob).toBe('ENOENT');
      expect(inside.shadow).toBe('ENOENT');
      expect(inside.etc).toEqual(['group', 'hosts', 'passwd']);
      expect(inside.root).toBe('ENOENT');
      expect(inside.project).toBe('ENOENT');
      expect(inside.writeUsr).toBe('EROFS');
      expect(inside.writeRoot).toBe('EROFS');
      expect(inside.writeJob).toBe('written');
      expect(inside.uid).not.toBe(0);
      expect(inside.capEff).toBe('0000000000000000');
      // Its own pid namespace: bwrap's init and the probe, nothing of the host.
      expect(inside.processes).toBeLessThanOrEqual(3);
    } finally {
      rmSync(rootSecret, { force: true });
      rmSync(hostDir, { recursive: true, force: true });
    }
  });
});
