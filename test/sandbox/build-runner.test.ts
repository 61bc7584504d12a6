import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRegularFiles, unsafePathReason } from '../../builder-image/src/app-files';
import { LOG_TAIL_BYTES, runBuild } from '../../builder-image/src/build-runner';
import { appManifest, BUILDER_LIMITS, openTempDir, removeTempDirs } from './sandbox-fixtures';

// runBuild on the host, without the sandbox: the builder's own logic (paths, phases, logs, parsing).
function freshAppDir(): string {
  return join(openTempDir('gantry-build-'), 'app');
}

describe('runBuild', () => {
  afterAll(() => removeTempDirs());

  it.each([
    ['/etc/passwd', 'is absolute'],
    ['../escape.js', 'contains ".."'],
    ['src/../../escape.js', 'contains ".."'],
    ['src\\\\win.js', 'contains a backslash'],
    ['nul\\u0000.js', 'contains NUL'],
    ['a//b.js', 'contains an empty or "." segment'],
    ['./a.js', 'contains an empty or "." segment'],
  ])('refuses %j before writing anything', async (raw, reason) => {
    const path = JSON.parse(`"${raw}"`) as string;
    expect(unsafePathReason(path)).toBe(reason);
    const appDir = freshAppDir();
    const manifest = appManifest();
    const result = await runBuild({
      appDir,
      manifest: { ...manifest, files: [manifest.files[0]!, { path, content: 'x' }] },
      limits: BUILDER_LIMITS,
    });
    expect(result.ok).toBe(false);
    expect(result.end_reason).toBe('error');
    expect(result.failed_phase).toBeNull();
    expect(result.error).toContain('refused unsafe path');
    expect(existsSync(appDir) ? readdirSync(appDir) : []).toEqual([]);
    expect(existsSync(join(appDir, '..', 'escape.js'))).toBe(false);
  });

  it('refuses an output_dir outside the app', async () => {
    const result = await runBuild({
      appDir: freshAppDir(),
      manifest: appManifest({ output_dir: '../..' }),
      limits: BUILDER_LIMITS,
    });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/refused output_dir/);
  });

  it('skips install without dependencies, runs audit then build, lists the output', async () => {
    const lines: string[] = [];
    const result = await runBuild({
      appDir: freshAppDir(),
      manifest: appManifest(),
      limits: BUILDER_LIMITS,
      onLog: (l) => lines.push(l),
    });
    expect(result.ok).toBe(true);
    expect(result.commands.map((c) => c.phase)).toEqual(['audit', 'build']);
    expect(result.tests).toEqual([{ name: 'adds', ok: true }]);
    expect(result.output_files).toEqual(['index.html']);
    expect(lines).toContain('[gantry] install: skipped (package.json declares no dependencies)');
    expect(Date.parse(result.started_at)).not.toBeNaN();
  });

  it('runs an offline install when dependencies are declared (and fails it when the cache lacks them)', async () => {
    const manifest = appManifest();
    const pkg = {
      name: 'tiny-app',
      version: '1.0.0',
      scripts: { test: 'node --test' },
      dependencies: { 'gantry-no-such-package-zz': '1.0.0' },
    };
    const result = await runBuild({
      appDir: freshAppDir(),
      manifest: { ...manifest, files: [{ path: 'package.json', content: JSON.stringify(pkg) }, ...manifest.files.slice(1)] },
      limits: BUILDER_LIMITS,
    });
    expect(result.ok).toBe(false);
    expect(result.failed_phase).toBe('install');
    expect(result.commands).toHaveLength(1);
    expect(result.commands[0]?.command).toBe('npm install --offline --no-audit --no-fund --ignore-scripts');
    expect(result.commands[0]?.log_tail).toMatch(/ENOTCACHED|offline/i);
  });

  it('fails the build when output_dir is missing after a successful build command', async () => {
    const result = await runBuild({
      appDir: freshAppDir(),
      manifest: appManifest({ build_command: 'true' }),
      limits: BUILDER_LIMITS,
    });
    expect(result.ok).toBe(false);
    expect(result.failed_phase).toBe('build');
    expect(result.error).toMatch(/output_dir "dist" does not exist/);
  });

  it('caps the streamed log at max_log_bytes and keeps a ~4 KB tail per command', async () => {
    const lines: string[] = [];
    const result = await runBuild({
      appDir: freshAppDir(),
      manifest: appManifest({
        audit_command: 'i=0; while [ $i -lt 3000 ]; do echo "line $i of noisy output"; i=$((i+1)); done; echo last-line',
      }),
      limits: { ...BUILDER_LIMITS, max_log_bytes: 4096 },
      onLog: (l) => lines.push(l),
    });
    const streamed = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    expect(streamed).toBeLessThan(4096 + 200);
    expect(lines.at(-1)).toMatch(/log limit of 4096 bytes reached/);
    const tail = result.commands[0]?.log_tail ?? '';
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(LOG_TAIL_BYTES);
    expect(Buffer.byteLength(tail)).toBeGreaterThan(LOG_TAIL_BYTES - 100);
    expect(tail.endsWith('last-line')).toBe(true);
  });

  it('stops at a timeout, killing the whole process group', async () => {
    const appDir = freshAppDir();
    const started = Date.now();
    const result = await runBuild({
      appDir,
      manifest: appManifest({ audit_command: 'sleep 30 & sleep 30; echo never' }),
      limits: { ...BUILDER_LIMITS, command_timeout_seconds: 1 },
    });
    expect(result.failed_phase).toBe('audit');
    expect(result.end_reason).toBe('timeout');
    expect(result.commands[0]?.exit_code).toBeNull();
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result.commands[0]?.log_tail).toContain('timed out after 1 s');
  });

  it('ends with killed when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const result = await runBuild({
      appDir: freshAppDir(),
      manifest: appManifest({ audit_command: 'sleep 30' }),
      limits: BUILDER_LIMITS,
      signal: controller.signal,
    });
    expect(result.end_reason).toBe('killed');
    expect(result.failed_phase).toBe('audit');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lists only regular files of the output, never following links', async () => {
    const dir = openTempDir('gantry-out-');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), 'x');
    writeFileSync(join(dir, 'assets', 'app.js'), 'x');
    symlinkSync('/etc/passwd', join(dir, 'passwd'));
    symlinkSync('/etc', join(dir, 'etc'));
    expect(await listRegularFiles(dir)).toEqual(['assets/app.js', 'index.html']);
    expect(await listRegularFiles(join(dir, 'missing'))).toBeNull();
  });
});
