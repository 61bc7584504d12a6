import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileEvidenceStore, WriteOnceError } from '../../lambdas/adapters/evidence';

/**
 * The local evidence store under a crash: a process killed while it writes must never leave a
 * key holding part of a body (a retried seal would take it for the earlier seal and the mission
 * would point at evidence that cannot be read).
 */

const MODULE = join(__dirname, '..', '..', 'lambdas', 'adapters', 'evidence.ts');
const BODY_BYTES = 4 * 1024 * 1024;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-evidence-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a second write of a key is refused and the first body stands, read-only', async () => {
  const store = new FileEvidenceStore(root, 1);
  await store.putOnce('t/m/evidence-000001.json', 'first\n');
  await expect(store.putOnce('t/m/evidence-000001.json', 'second\n')).rejects.toBeInstanceOf(WriteOnceError);
  expect(await store.get('t/m/evidence-000001.json')).toBe('first\n');
  expect(statSync(join(root, 't/m/evidence-000001.json')).mode & 0o777).toBe(0o444);
  expect(readdirSync(join(root, 't/m'))).toEqual(['evidence-000001.json']);
});

test('a writer killed at random moments leaves each key whole or absent, never cut short', async () => {
  const writer = `
    const { FileEvidenceStore } = require(${JSON.stringify(MODULE)});
    const store = new FileEvidenceStore(${JSON.stringify(root)}, 1);
    const body = Buffer.alloc(${BODY_BYTES}, 120);
    (async () => {
      for (let i = 0; ; i++) {
        await store.putOnce('t/m/evidence-' + String(i).padStart(6, '0') + '.json', body);
        if (i === 0) process.stdout.write('writing\\n');
      }
    })();
  `;
  let killedMidway = 0;
  // At least 12 rounds, and more (up to 40) until a kill has landed mid-write.
  for (let round = 0; round < 40 && (round < 12 || killedMidway === 0); round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', writer], { stdio: ['ignore', 'pipe', 'ignore'] });
    const dir = join(root, 't', 'm');
    // The kill lands at a random moment once the writer is writing (its start-up time varies with
    // the machine's load, so a delay from the spawn alone could always land before it).
    await new Promise((r) => child.stdout.once('data', r));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 60)));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const names = (() => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    })();
    if (names.some((n) => !n.endsWith('.json'))) killedMidway += 1;
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      expect({ name, bytes: readFileSync(join(dir, name)).length }).toEqual({ name, bytes: BODY_BYTES });
    }
    rmSync(dir, { recursive: true, force: true });
  }
  // The kills did land mid-write (a part-written body of its own was left behind) at least once.
  expect(killedMidway).toBeGreaterThan(0);
}, 120_000);
