import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseBuilderMessage } from '../../builder-image/src/protocol';
import { defaultEntrypointSource, ensureBuilderBundle, ensureBuilderLaunch } from '../../local/sandbox/builder-bundle';
import type { LocalSandbox } from '../../local/sandbox/local-sandbox';
import { builderRunOptions, runBuilderJob } from '../../local/sandbox/run-builder-job';
import { appManifest, BUILDER_LIMITS, openTempDir, removeTempDirs, testSandbox } from './sandbox-fixtures';

const run = promisify(execFile);

/**
 * The builder started from a V8 startup snapshot of its bundle (local/sandbox/builder-bundle.ts):
 * made once per bundle and Node binary, tried before use, and never used when it is missing or
 * did not answer as the bundle does; the bundle itself made once per machine while its inputs last.
 */
describe('the builder started from a startup snapshot', () => {
  let sandbox: LocalSandbox;
  let jobRoot: string;

  beforeAll(async () => {
    sandbox = await testSandbox();
    jobRoot = join(openTempDir('gantry-snap-'), 'jobs');
  });

  afterAll(() => removeTempDirs());

  it('is made once for the Node that runs builders, and the sandbox starts builders from it', async () => {
    const cache = join(jobRoot, '.builder');
    const launch = await ensureBuilderLaunch(cache, sandbox.nodePath);
    expect(launch.snapshot).not.toBeNull();
    expect(existsSync(launch.snapshot!)).toBe(true);
    // Asked again (the same process, or the next start): the same file, not a new one.
    expect(await ensureBuilderLaunch(cache, sandbox.nodePath)).toEqual(launch);
    expect(readdirSync(cache).filter((f) => f.endsWith('.blob'))).toHaveLength(1);

    const options = builderRunOptions(sandbox, launch, BUILDER_LIMITS);
    expect(options.argv).toEqual([sandbox.nodePath, '--snapshot-blob', '/opt/gantry/entrypoint.blob']);
    expect(options.readOnlyBinds).toEqual([{ source: launch.snapshot, target: '/opt/gantry/entrypoint.blob' }]);
  });

  it('is made once per machine: another data folder copies the tried snapshot instead of making its own', async () => {
    const shared = openTempDir('gantry-snapshots-');
    const first = await ensureBuilderLaunch(join(openTempDir('gantry-data-a-'), '.builder'), sandbox.nodePath, {
      sharedDir: shared,
    });
    const kept = readdirSync(shared).filter((f) => f.endsWith('.blob'));
    expect(kept).toHaveLength(1);
    const second = await ensureBuilderLaunch(join(openTempDir('gantry-data-b-'), '.builder'), sandbox.nodePath, {
      sharedDir: shared,
    });
    expect(second.snapshot).not.toBe(first.snapshot);
    // Two snapshots made from one bundle differ byte for byte: equal bytes mean a copy.
    expect(readFileSync(second.snapshot!).equals(readFileSync(join(shared, kept[0]!)))).toBe(true);
    expect(readFileSync(second.snapshot!).equals(readFileSync(first.snapshot!))).toBe(true);
  });

  it("is bundled once per machine: another data folder copies the machine's bundle while its record is current and whole", async () => {
    const shared = openTempDir('gantry-builder-shared-');
    const first = await ensureBuilderBundle(join(openTempDir('gantry-data-d-'), '.builder'), undefined, shared);
    const metaName = readdirSync(shared).find((f) => /^bundle-[0-9a-f]+\.meta\.json$/.test(f));
    expect(metaName).toBeDefined();
    const metaPath = join(shared, metaName!);
    const bundlePath = metaPath.replace(/\.meta\.json$/, '.js');
    expect(readFileSync(bundlePath).equals(readFileSync(first))).toBe(true);
    const record = JSON.parse(readFileSync(metaPath, 'utf8')) as { inputs: Record<string, string>; sha256: string };
    expect(record.sha256).toBe(createHash('sha256').update(readFileSync(first)).digest('hex'));
    expect(Object.keys(record.inputs)).toContain(defaultEntrypointSource());

    // esbuild makes the same bytes every time: a marked copy shows whether a folder took the machine's bundle.
    const mark = (code: Buffer): Buffer => Buffer.concat([code, Buffer.from('\n// kept by the machine\n')]);
    const marked = mark(readFileSync(first));
    writeFileSync(bundlePath, marked);
    writeFileSync(metaPath, JSON.stringify({ ...record, sha256: createHash('sha256').update(marked).digest('hex') }));
    const taken = await ensureBuilderBundle(join(openTempDir('gantry-data-e-'), '.builder'), undefined, shared);
    expect(readFileSync(taken).equals(marked)).toBe(true);

    // Half replaced by another writer (the bundle no longer has the recorded hash): bundled anew, and kept.
    writeFileSync(bundlePath, mark(marked));
    const rebuilt = await ensureBuilderBundle(join(openTempDir('gantry-data-f-'), '.builder'), undefined, shared);
    expect(readFileSync(rebuilt).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(bundlePath).equals(readFileSync(first))).toBe(true);

    // An input changed since the record was made: bundled anew.
    writeFileSync(bundlePath, marked);
    const [input] = Object.keys(record.inputs);
    writeFileSync(
      metaPath,
      JSON.stringify({
        ...record,
        inputs: { ...record.inputs, [input!]: '0'.repeat(64) },
        sha256: createHash('sha256').update(marked).digest('hex'),
      }),
    );
    const fresh = await ensureBuilderBundle(join(openTempDir('gantry-data-g-'), '.builder'), undefined, shared);
    expect(readFileSync(fresh).equals(readFileSync(first))).toBe(true);
  });

  it("removes other snapshots unused for a day and stopped processes' partial files, in the folder and the machine's cache", async () => {
    const shared = openTempDir('gantry-snapshots-');
    const cache = join(openTempDir('gantry-data-c-'), '.builder');
    mkdirSync(cache, { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const names = {
      old: 'entrypoint-0123456789abcdef01234567.blob',
      partial: `entrypoint-0123456789abcdef01234567.blob.${'ab12cd34-'.repeat(4)}ef.tmp`,
      recent: 'entrypoint-fedcba9876543210fedcba98.blob',
      other: 'notes.blob',
    };
    for (const dir of [cache, shared]) {
      for (const [kind, name] of Object.entries(names)) {
        writeFileSync(join(dir, name), 'x');
        if (kind !== 'recent') utimesSync(join(dir, name), twoDaysAgo, twoDaysAgo);
      }
    }
    const launch = await ensureBuilderLaunch(cache, sandbox.nodePath, { sharedDir: shared });
    expect(launch.snapshot).not.toBeNull();
    for (const dir of [cache, shared]) {
      const left = readdirSync(dir);
      expect(left).not.toContain(names.old);
      expect(left).not.toContain(names.partial);
      expect(left).toContain(names.recent);
      expect(left).toContain(names.other);
    }
  });

  it('runs the builder itself: it reads its environment when it starts, not when the snapshot was made', async () => {
    const launch = await ensureBuilderLaunch(join(jobRoot, '.builder'), sandbox.nodePath);
    // The environment the snapshot was made in had no GANTRY_BUILDER_MODE: this one is read now.
    const refused = await run(sandbox.nodePath, ['--snapshot-blob', launch.snapshot!], {
      env: { GANTRY_BUILDER_MODE: 'neither' },
    }).then(
      (ok) => ({ ...ok, code: 0 }),
      (err: { stdout: string; code: number }) => err,
    );
    expect(refused.code).toBe(2);
    const message = parseBuilderMessage(refused.stdout.trim().split('\n').at(-1)!);
    expect(message).toMatchObject({ type: 'error', message: expect.stringMatching(/^invalid environment/) });
  });

  it('builds an app as the bundle does', async () => {
    const lines: string[] = [];
    const { result } = await runBuilderJob({
      jobRoot,
      jobId: 'snap-1',
      manifest: appManifest(),
      limits: BUILDER_LIMITS,
      sandbox,
      onLog: (line) => lines.push(line),
    });
    expect(result.ok).toBe(true);
    expect(result.tests).toEqual([{ name: 'adds', ok: true }]);
    expect(result.output_files).toEqual(['index.html']);
    expect(lines).toContain('ok 1 - adds');
  });

  it('is not used when it cannot be made or does not answer, nor once it is gone', async () => {
    const cache = openTempDir('gantry-nosnap-');
    // A "Node" that makes no snapshot and answers nothing: builders start from the bundle.
    const launch = await ensureBuilderLaunch(cache, '/bin/true');
    expect(launch.snapshot).toBeNull();
    expect(readdirSync(cache).filter((f) => f.includes('.blob'))).toEqual([]);
    expect(builderRunOptions(sandbox, launch, BUILDER_LIMITS).argv).toEqual([sandbox.nodePath, '/opt/gantry/entrypoint.js']);

    const made = await ensureBuilderLaunch(join(jobRoot, '.builder'), sandbox.nodePath);
    const copy = { ...made, snapshot: join(cache, 'entrypoint-gone.blob') };
    expect(builderRunOptions(sandbox, copy, BUILDER_LIMITS)).toMatchObject({
      argv: [sandbox.nodePath, '/opt/gantry/entrypoint.js'],
      readOnlyBinds: [{ source: made.bundle, target: '/opt/gantry/entrypoint.js' }],
    });
    rmSync(cache, { recursive: true, force: true });
  });
});
