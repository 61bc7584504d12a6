import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleDefine } from '../../lib/constructs/function-bundling';
import { unpackJson } from '../../lambdas/domain/architect/packed-files';
import { sourcePresets } from '../../lambdas/domain/architect/compiler/preset-catalog';
import { sourceThemes } from '../../lambdas/domain/architect/theme-data';
import { sourceCatalog } from '../../lambdas/domain/architect/catalog-data';
import { sourceWordLists } from '../../lambdas/domain/architect/compiler/word-list-sources';
import { OfflineArchitect } from '../../lambdas/adapters/offline-architect';
import { bundleFunction, runInLambdaEnvironment } from '../helpers/function-bundles';

/**
 * The offline architect's everyday-app presets ship in each bundle as compressed JSON, made from
 * preset-catalog.ts at bundling; the catalog's code is left out. A real step-architect bundle,
 * loaded the way Lambda loads it in a fresh process, drafts the same apps as the sources do.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-bundled-presets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROMPTS = [
  'a habit tracker where I see my streaks',
  // Read with the packed word lists: a countdown to a date, fields after "with", a measure.
  'a countdown to my wedding',
  'a vinyl collection with artist, album, year and condition, in dark mode',
  'a recipe book with tags',
  'a stock portfolio tracker',
  'a restaurant menu',
  'things I want to buy',
  'a tracker for my board games',
  // Read with the packed themes, and an accent colour over one.
  'a Trello-style board in green',
  'a LinkedIn-style feed',
];

test('the step-architect bundle drafts from the presets it was bundled with, and carries no catalog code', async () => {
  const bundle = await bundleFunction('step-architect', dir);
  expect([...bundle.modules].filter((m) => m.endsWith('preset-catalog.ts') || m.endsWith('word-list-sources.ts'))).toEqual([]);
  const script =
    'const a = require(process.argv[1]).services().architect;' +
    'Promise.all(JSON.parse(process.argv[2]).map((prompt) => a.draft({ prompt, onUsage() {} })))' +
    '.then((drafts) => console.log(JSON.stringify(drafts)));';
  const out = runInLambdaEnvironment(script, [bundle.file!, JSON.stringify(PROMPTS)]);
  const fromSources = new OfflineArchitect();
  const expected = await Promise.all(PROMPTS.map((prompt) => fromSources.draft({ prompt, onUsage: () => undefined })));
  expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(expected)));
});

test("the step-architect bundle reads the apps' files from beside its code: without them it drafts nothing, and says so", async () => {
  const bundle = await bundleFunction('step-architect', dir);
  expect(readdirSync(join(dir, 'step-architect')).sort()).toEqual(['app-files.br', 'index.js', 'index.js.map']);
  const alone = join(dir, 'code-alone');
  mkdirSync(alone, { recursive: true });
  copyFileSync(bundle.file!, join(alone, 'index.js'));
  const script =
    'const said = (e) => console.log(String(e.message));' +
    'try { require(process.argv[1]).services().architect.draft({ prompt: process.argv[2], onUsage() {} })' +
    '.then(() => console.log("drafted"), said); } catch (e) { said(e); }';
  expect(runInLambdaEnvironment(script, [join(alone, 'index.js'), 'a habit tracker']).trim()).toMatch(/ENOENT.*app-files\.br/);
  expect(runInLambdaEnvironment(script, [bundle.file!, 'a habit tracker']).trim()).toBe('drafted');
});

test("the define holds the request reader's word lists and presets exactly, in one pack, and says it is packed", () => {
  const define = bundleDefine();
  const packed = JSON.parse(define.GANTRY_BUNDLED_READER!) as string;
  expect(unpackJson(packed)).toEqual(JSON.parse(JSON.stringify({ wordLists: sourceWordLists(), presets: sourcePresets() })));
  expect(define.GANTRY_READER_PACKED).toBe('true');
});

test("the step-architect bundle holds the reader's pack once", async () => {
  const bundle = await bundleFunction('step-architect', dir);
  const packed = JSON.parse(bundleDefine().GANTRY_BUNDLED_READER!) as string;
  expect(bundle.code.split(packed.slice(0, 40)).length - 1).toBe(1);
});

test('the define holds the catalog of app kinds and features exactly, and the bundle none of its code', async () => {
  const packed = JSON.parse(bundleDefine().GANTRY_BUNDLED_CATALOG!) as string;
  expect(unpackJson(packed)).toEqual(JSON.parse(JSON.stringify(sourceCatalog())));
  const bundle = await bundleFunction('consult', dir);
  // The data's module is in (its ids), its kinds' sentences are not code: they come from the define.
  expect(bundle.code).not.toContain('A calculator for everyday arithmetic');
});

test('the define holds the themes exactly, and the bundle none of their code', async () => {
  const packed = JSON.parse(bundleDefine().GANTRY_BUNDLED_THEMES!) as string;
  expect(unpackJson(packed)).toEqual(JSON.parse(JSON.stringify(sourceThemes())));
  const bundle = await bundleFunction('step-architect', dir);
  // A theme's sentences come from the define, not from code.
  expect(bundle.code).not.toContain('a profile card with name and headline');
});
