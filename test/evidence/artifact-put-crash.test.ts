import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileArtifactStore } from '../../lambdas/adapters/artifact-store';
import { FileEvidenceStore } from '../../lambdas/adapters/evidence';
import { removeUnfinishedWrites } from '../../local/unfinished-writes';

/**
 * The local artifact store under a crash: a step re-run after a kill reads the artifacts the
 * killed run wrote (a manifest, a build result), so a put cut short must never be what a key
 * holds. A key holds one whole body, the earlier one or the new one.
 */

const MODULE = join(__dirname, '..', '..', 'lambdas', 'adapters', 'artifact-store.ts');
const BODY_BYTES = 4 * 1024 * 1024;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-artifacts-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('an overwrite replaces the body whole, and list shows only keys', async () => {
  const store = new FileArtifactStore(root);
  await store.put('t/m/manifest.json', 'first');
  await store.put('t/m/manifest.json', 'second');
  expect((await store.get('t/m/manifest.json'))?.toString()).toBe('second');
  expect(await store.list('t/m/')).toEqual(['t/m/manifest.json']);
  expect(readdirSync(join(root, 't/m'))).toEqual(['manifest.json']);
});

test('a writer killed at random moments while it overwrites a key leaves one whole body there', async () => {
  // Each body is one repeated letter, a different one each write: a whole body is all one letter.
  const writer = `
    const { FileArtifactStore } = require(${JSON.stringify(MODULE)});
    const store = new FileArtifactStore(${JSON.stringify(root)});
    // Made before the loop, so the writer spends its time writing (a kill lands mid-write often).
    const bodies = [0, 1, 2, 3].map((k) => Buffer.alloc(${BODY_BYTES}, 97 + k));
    (async () => {
      for (let i = 0; ; i++) {
        await store.put('t/m/result.json', bodies[i % bodies.length]);
        if (i === 0) process.stdout.write('writing\\n');
      }
    })();
  `;
  const dir = join(root, 't', 'm');
  let killedMidway = 0;
  // At least 12 rounds, and more (up to 40) until a kill has landed mid-write.
  for (let round = 0; round < 40 && (round < 12 || killedMidway === 0); round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', writer], { stdio: ['ignore', 'pipe', 'ignore'] });
    // The kill lands at a random moment once the writer is overwriting (its start-up time varies
    // with the machine's load, so a delay from the spawn alone could always land before it).
    await new Promise((r) => child.stdout.once('data', r));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 60)));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // killed before the first write began
    }
    if (names.some((n) => n.endsWith('.partial'))) killedMidway += 1;
    if (names.includes('result.json')) {
      const body = readFileSync(join(dir, 'result.json'));
      const whole = body.length === BODY_BYTES && body.every((b) => b === body[0]);
      expect({ round, bytes: body.length, whole }).toEqual({ round, bytes: BODY_BYTES, whole: true });
    }
    expect(await new FileArtifactStore(root).list('t/m/')).toEqual(names.includes('result.json') ? ['t/m/result.json'] : []);
    // The next start removes what the killed writer left half-written, and only that.
    await removeUnfinishedWrites([root]);
    expect(readdirSync(dir)).toEqual(names.filter((n) => !n.endsWith('.partial')));
    rmSync(dir, { recursive: true, force: true });
  }
  // The kills did land mid-write at least once (a body of its own was left half-written).
  expect(killedMidway).toBeGreaterThan(0);
}, 120_000);

test('a start removes only the bodies a killed writer left unfinished, in the artifact and the evidence stores', async () => {
  const artifacts = new FileArtifactStore(join(root, 'artifacts'));
  const evidence = new FileEvidenceStore(join(root, 'evidence'), 1);
  await artifacts.put('t/m/manifest.json', '{}');
  await evidence.putOnce('t/m/evidence-000001.json', '{}');
  const left = [
    join(root, 'artifacts/t/m/manifest.json.4242.0f5c2a7e-1b2c-4d3e-8f90-123456789abc.partial'),
    join(root, 'evidence/t/m/evidence-000002.json.4242.1f5c2a7e-1b2c-4d3e-8f90-123456789abc.partial'),
  ];
  for (const path of left) writeFileSync(path, 'half', { mode: 0o444 });
  // A key that merely ends in ".partial" is somebody's data, not a leftover.
  await artifacts.put('t/m/notes.partial', 'kept');
  expect(await removeUnfinishedWrites([join(root, 'artifacts'), join(root, 'evidence'), join(root, 'none')])).toBe(2);
  expect(readdirSync(join(root, 'artifacts/t/m')).sort()).toEqual(['manifest.json', 'notes.partial']);
  // And it is listed as the key it is.
  expect(await artifacts.list('t/m/')).toEqual(['t/m/manifest.json', 't/m/notes.partial']);
  expect(readdirSync(join(root, 'evidence/t/m'))).toEqual(['evidence-000001.json']);
});
