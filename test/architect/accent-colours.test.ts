/**
 * Accent colours: a request (or a change in a consultation) that asks for a colour gets it, in
 * the catalog's apps and in the compiled ones, in the light and the dark scheme, readable, and
 * said in the plan and the README; colour words that name a thing ("a red wine tracker") or a
 * field's values ("colour: red or blue") change nothing.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readRequest } from '../../lambdas/domain/architect/compiler/read-request';
import { draftManifest, healManifest } from '../../lambdas/domain/architect/offline-architect';
import { accentAsked } from '../../lambdas/domain/architect/request-analysis';
import { DEFAULT_PALETTE } from '../../lambdas/domain/architect/templates/shared';
import { ACCENT_IDS, ACCENTS, THEMES, type AccentId } from '../../lambdas/domain/architect/themes';
import { planFromResponse, type ConsultationPlan } from '../../lambdas/domain/consultation';
import { consultOffline } from '../../lambdas/domain/offline-consultant';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { describeIfChromium, launchChromium } from '../helpers/chromium';
import { type AppHost, mapLimit, passedTests, removeDir, rgb, runCommand, serveBuiltApps, writeApp } from './app-workspace';

const fileOf = (m: GantryManifest, path: string): string => m.files.find((f) => f.path === path)?.content ?? '';
/** The `--accent` values a style sheet sets, in order (light first). */
const accentsIn = (css: string): string[] => [...css.matchAll(/--accent: (#[0-9a-f]{6});/g)].map((m) => m[1]!);

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
    const lin = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(bl!);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('which words ask for a colour', () => {
  test.each<[string, AccentId | null]>([
    ['a blue todo app', 'blue'],
    ['a journal app with a green theme', 'green'],
    ['a habit tracker in purple', 'purple'],
    ['a habit tracker, and make it pink please', 'pink'],
    ['accent colour: teal', 'teal'],
    ['change the colour to red', 'red'],
    ['I want the theme to be dark blue', 'blue'],
    ['blue accents and a dark header', 'blue'],
    ['a purple-themed recipe book', 'purple'],
    ['a todo app with orange buttons', 'orange'],
    ['theme: navy and white', 'blue'],
    ['make it blue. Actually, make it green', 'green'],
    // A thing, a field's values, a highlight of some records, or a colour declined: no accent.
    ['a red wine tracker', null],
    ['a tracker for my red wine collection', null],
    ['a green tea log', null],
    ['a blue belt training log', null],
    ['a car log with make, model and colour: red, blue or black', null],
    ['a log of the cars I see in red or blue', null],
    ['highlight overdue tasks in red', null],
    ['a todo app, not blue', null],
    ['a black and white photo app', null],
  ])('%s → %s', (request, accent) => {
    expect(accentAsked(request)).toBe(accent);
  });
});

test('every accent is readable: its text on it, and it on each background of its scheme (WCAG AA, 4.5:1)', () => {
  for (const id of ACCENT_IDS) {
    for (const scheme of ['light', 'dark'] as const) {
      const { accent, accentText } = ACCENTS[id][scheme];
      const p = DEFAULT_PALETTE[scheme];
      for (const [what, ratio] of [
        ['text on it', contrast(accent, accentText)],
        ...[p.bg, p.surface, p.surface2].map((bg) => [`on ${bg}`, contrast(accent, bg)] as const),
      ] as const) {
        if (ratio < 4.5) throw new Error(`${id} (${scheme}) ${what}: ${ratio.toFixed(2)}`);
      }
    }
  }
});

describe('a catalog app in the colour asked for', () => {
  const manifest = draftManifest({ prompt: 'a dark mode todo app in purple' });

  test('its styles, page, README and description carry the accent in both schemes', () => {
    expect(manifest.project_name).toBe('task-manager');
    expect(accentsIn(fileOf(manifest, 'styles.css'))).toEqual([
      ACCENTS.purple.light.accent,
      ACCENTS.purple.dark.accent,
      ACCENTS.purple.dark.accent,
    ]);
    expect(fileOf(manifest, 'index.html')).toContain('data-accent="purple"');
    expect(fileOf(manifest, 'README.md')).toContain('Accent colour: purple');
    expect(manifest.description).toContain('Accent colour: purple.');
    expect(JSON.parse(fileOf(manifest, 'package.json')).gantry.accent).toBe('purple');
  });

  test('the same request without a colour is the default look, byte for byte as before', () => {
    const plain = draftManifest({ prompt: 'a dark mode todo app' });
    expect(accentsIn(fileOf(plain, 'styles.css'))[0]).toBe(DEFAULT_PALETTE.light.accent);
    expect(fileOf(plain, 'index.html')).not.toContain('data-accent');
    expect(JSON.parse(fileOf(plain, 'package.json')).gantry).not.toHaveProperty('accent');
  });

  test('a theme keeps its look and takes the accent', () => {
    const trello = draftManifest({ prompt: 'a Trello-style board in green' });
    const css = fileOf(trello, 'styles.css');
    expect(accentsIn(css)[0]).toBe(ACCENTS.green.light.accent);
    expect(css).toContain(`--bg: ${THEMES.TRELLO.palette.light.bg};`);
  });

  test('the offline heal puts a damaged style sheet back in the same colour', () => {
    const damaged = {
      ...manifest,
      files: manifest.files.map((f) => (f.path === 'styles.css' ? { ...f, content: 'body { color: red' } : f)),
    };
    const healed = healManifest({
      manifest: damaged,
      failingCommand: 'npm run build',
      logTail: 'styles.css: unclosed block',
      prompt: 'a dark mode todo app in purple',
    });
    expect(healed && fileOf(healed, 'styles.css')).toBe(fileOf(manifest, 'styles.css'));
  });
});

describe('a compiled app in the colour asked for', () => {
  test('"a dark blue expense tracker" is blue, not dark mode', () => {
    const reading = readRequest('a dark blue expense tracker');
    if (reading.outcome !== 'spec') throw new Error(`read as ${reading.outcome}`);
    expect(reading.spec.look).toMatchObject({ accent: 'blue', dark: false });
  });

  test('its styles carry the accent in both schemes and the plan says so', () => {
    const manifest = draftManifest({ prompt: 'a habit tracker, and make it pink' });
    expect(accentsIn(fileOf(manifest, 'styles.css'))).toEqual([ACCENTS.pink.light.accent, ACCENTS.pink.dark.accent]);
    expect(fileOf(manifest, 'index.html')).toContain('data-accent="pink"');
    const reading = readRequest('a habit tracker, and make it pink');
    if (reading.outcome !== 'spec') throw new Error(`read as ${reading.outcome}`);
    expect(reading.spec.look.accent).toBe('pink');
  });

  test('a red wine tracker keeps the default colours', () => {
    const reading = readRequest('a red wine tracker');
    if (reading.outcome !== 'spec') throw new Error(`read as ${reading.outcome}`);
    expect(reading.spec.look.accent ?? null).toBeNull();
  });
});

describe('a colour asked for in a consultation', () => {
  function chat(messages: readonly string[]): { plan: ConsultationPlan | null; responses: string[] } {
    const history: Array<{ role: 'user' | 'assistant'; content: string; at: string }> = [];
    let plan: ConsultationPlan | null = null;
    const responses: string[] = [];
    for (const message of messages) {
      const r = consultOffline({ history, plan, message, designReference: null });
      responses.push(r.response);
      history.push({ role: 'user', content: message, at: '' }, { role: 'assistant', content: r.response, at: '' });
      if (r.status === 'NEEDS_CONFIRMATION') plan = planFromResponse(r);
    }
    return { plan, responses };
  }
  const build = (plan: ConsultationPlan): GantryManifest =>
    draftManifest({
      prompt: plan.build_prompt,
      ...(plan.app_spec
        ? { appSpec: plan.app_spec }
        : { kind: plan.kind as never, features: plan.features, designTarget: plan.design_target }),
    });

  test('a catalog plan changes colour, says so, and builds the last colour asked for', () => {
    const { plan, responses } = chat(['a todo app', 'make it blue', 'actually, make it green']);
    expect(responses[1]).toContain('Made the accent colour blue');
    expect(responses[2]).toContain('Made the accent colour green');
    expect(responses[2]).toMatch(/Look: .*in green/);
    expect(fileOf(build(plan!), 'index.html')).toContain('data-accent="green"');
    // A change only a spec can make keeps the colour (it was lost).
    const { plan: asSpec } = chat(['a todo app', 'make it blue', 'add a notes field']);
    expect(asSpec?.app_spec?.look.accent).toBe('blue');
  });

  test('a spec plan changes colour and goes back to the default one', () => {
    const first = chat(['a recipe book', 'make it purple']);
    expect(first.responses[1]).toContain('Made the accent colour purple');
    expect(first.plan?.app_spec?.look.accent).toBe('purple');
    expect(fileOf(build(first.plan!), 'index.html')).toContain('data-accent="purple"');
    const back = chat(['a pink habit tracker', 'use the default colours']);
    expect(back.responses[1]).toContain('Went back to the default colours');
    expect(fileOf(build(back.plan!), 'index.html')).not.toContain('data-accent');
  });
});

describeIfChromium('accent colours in Chromium', () => {
  const apps: Array<{ manifest: GantryManifest; accent: AccentId }> = [
    { manifest: draftManifest({ prompt: 'a dark mode todo app in purple' }), accent: 'purple' },
    { manifest: draftManifest({ prompt: 'a habit tracker, and make it pink' }), accent: 'pink' },
  ];
  const dists = new Map<string, string>();
  const dirs: string[] = [];
  let host: AppHost | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    await mapLimit(apps, 2, async ({ manifest }) => {
      const dir = writeApp(manifest);
      dirs.push(dir);
      const test = await runCommand(manifest.audit_command, dir);
      if (test.code !== 0 || passedTests(test.output) === 0)
        throw new Error(`tests of ${manifest.project_name} failed:\n${test.output}`);
      const build = await runCommand(manifest.build_command, dir);
      if (build.code !== 0) throw new Error(`build of ${manifest.project_name} failed:\n${build.output}`);
      dists.set(manifest.project_name, join(dir, manifest.output_dir));
    });
    host = await serveBuiltApps(dists);
    base = host.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    for (const dir of dirs) removeDir(dir);
  });

  test.each([0, 1])('app %i: its primary button is the accent, light and dark', async (i) => {
    const { manifest, accent } = apps[i]!;
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${base}/${manifest.project_name}/`);
      // Dark by the system preference where the app follows it, else by the app's own toggle.
      if (scheme === 'dark' && (await page.getAttribute('html', 'data-theme')) !== 'dark') await page.click('#theme-toggle');
      await page.waitForSelector('button.primary');
      const background = await page.evaluate("getComputedStyle(document.querySelector('button.primary')).backgroundColor");
      expect(background).toBe(rgb(ACCENTS[accent][scheme].accent));
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
