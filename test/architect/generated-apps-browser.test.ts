/**
 * The generated apps work in a real browser, served from a sub-path as the local host serves
 * them (`/apps/<slug>/`): each kind with every feature it supports is built, loaded in headless
 * Chromium, used, reloaded (to prove local storage), and watched for script errors. The interval
 * timer takes the focus timer's place, so the timer is built twice: with the stopwatch and the
 * focus timer, and as an interval timer.
 * Skipped when Chromium is not installed.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { APP_KIND_IDS, supportedFeatures, type AppKindId } from '../../lambdas/domain/architect/catalog';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { describeIfChromium, launchChromium } from '../helpers/chromium';
import { type AppHost, mapLimit, removeDir, runCommand, serveBuiltApps, writeApp } from './app-workspace';

describeIfChromium('generated apps in Chromium', () => {
  type AppKey = AppKindId | 'intervals';
  const apps: { key: AppKey; manifest: GantryManifest }[] = [
    ...APP_KIND_IDS.map((kind) => ({
      key: kind,
      manifest: draftManifest({ prompt: 'x', kind, features: supportedFeatures(kind).filter((f) => f !== 'intervals') }),
    })),
    {
      key: 'intervals',
      manifest: draftManifest({
        prompt: 'a tabata timer',
        kind: 'timer',
        features: supportedFeatures('timer').filter((f) => f !== 'stopwatch'),
      }),
    },
  ];
  const distBySlug = new Map<string, string>();
  const dirs: string[] = [];
  let host: AppHost | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    await mapLimit(apps, 2, async ({ manifest }) => {
      const dir = writeApp(manifest);
      dirs.push(dir);
      const build = await runCommand(manifest.build_command, dir);
      if (build.code !== 0) throw new Error(`build of ${manifest.project_name} failed:\n${build.output}`);
      distBySlug.set(manifest.project_name, join(dir, manifest.output_dir));
    });
    host = await serveBuiltApps(distBySlug);
    base = host.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    for (const dir of dirs) removeDir(dir);
  });

  /** Opens the app in a fresh browser context and collects every script error and failed request. */
  async function open(
    kind: AppKey,
    colorScheme: 'light' | 'dark' = 'light',
    timezoneId?: string,
  ): Promise<{ page: Page; problems: string[] }> {
    const app = apps.find((a) => a.key === kind);
    if (!app) throw new Error(kind);
    const context = await browser.newContext({ colorScheme, ...(timezoneId ? { timezoneId } : {}) });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(`${base}/${app.manifest.project_name}/`);
    return { page, problems };
  }

  /**
   * Opens the app with its timers on a clock of the test's own, paused, so they move one step at
   * a time as the test runs it. An installed clock still moves with real time until it is paused:
   * on a busy machine the snake took two steps where the test ran the clock for one.
   */
  async function openOnPausedClock(key: AppKey): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
    const app = apps.find((a) => a.key === key)!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.clock.install();
    await page.goto(`${base}/${app.manifest.project_name}/`);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    return { page, context, problems };
  }

  async function expectThemeToggleRemembered(page: Page): Promise<void> {
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.click('#theme-toggle');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('#theme-toggle', 'aria-pressed')).toBe('true');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
  }

  it('every app follows a dark system preference before any choice', async () => {
    for (const { key: kind } of apps) {
      const { page, problems } = await open(kind, 'dark');
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      expect(await page.getAttribute('#theme-toggle', 'aria-pressed')).toBe('true');
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('calculator: keypad, keyboard, history, saved state and theme', async () => {
    const { page, problems } = await open('calculator');
    expect(await page.textContent('h1')).toBe('Calculator');
    for (const key of ['1', '2', '+', '3', '*', '4', 'equals']) await page.click(`button[data-key="${key}"]`);
    expect(await page.textContent('#display')).toBe('24');
    await page.keyboard.type('(2+3)*4');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#display')).toBe('20');
    await page.keyboard.type('7/0');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#error')).toBe('Cannot divide by zero');
    await page.keyboard.press('Escape');
    expect(await page.textContent('#display')).toBe('0');
    expect(await page.$$eval('#history-list li', (items) => items.map((i) => i.textContent))).toEqual([
      '(2+3)×4 = 20',
      '12+3×4 = 24',
    ]);
    await page.reload();
    expect(await page.$$eval('#history-list li', (items) => items.length)).toBe(2);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('calculator: the tip, BMI, loan, percentage, interest, age and fuel cost cards recompute as their fields change', async () => {
    const { page, problems } = await open('calculator');
    const text = (id: string) => page.textContent(`#${id}`);
    // The defaults are worked out on load.
    expect([await text('tip-amount'), await text('tip-total'), await text('tip-each')]).toEqual(['7.50', '57.50', '28.75']);
    expect([await text('bmi-value'), await text('bmi-category')]).toEqual(['22.9', 'Healthy weight']);
    expect([await text('loan-monthly'), await text('loan-total'), await text('loan-interest')]).toEqual([
      '1199.10',
      '431676.38',
      '231676.38',
    ]);
    expect([await text('pct-of'), await text('pct-share'), await text('pct-change')]).toEqual(['30', '13.33 %', '+650 %']);
    expect([await text('interest-balance'), await text('interest-paid'), await text('interest-earned')]).toEqual([
      '17175.24',
      '13000.00',
      '4175.24',
    ]);
    expect([await text('fuel-amount'), await text('fuel-cost'), await text('fuel-each')]).toEqual(['21', '37.80', '37.80']);
    await page.fill('#fuel-people', '4');
    expect(await text('fuel-each')).toBe('9.45');
    await page.fill('#fuel-consumption', '0');
    expect([await text('fuel-error'), await text('fuel-cost')]).toEqual(['The consumption must be more than 0', '']);
    // The age is today's until another date is chosen.
    expect(await page.inputValue('#age-on')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.fill('#age-on', '2024-05-15');
    expect([await text('age-value'), await text('age-days')]).toEqual(['24 years, 4 months, 14 days', '8901']);
    await page.fill('#age-on', '1999-12-31');
    expect([await text('age-error'), await text('age-value')]).toEqual(['The date must not be before the birth date', '']);
    // Typing into a field changes the card, not the keypad's display.
    await page.fill('#tip-people', '3');
    expect(await text('tip-each')).toBe('19.17');
    await page.click('#tip-bill');
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    expect([await text('tip-total'), await text('display')]).toEqual(['575.00', '0']);
    // A value no formula takes: its reason, and no numbers.
    await page.fill('#tip-people', '0');
    expect([await text('tip-error'), await text('tip-each')]).toEqual(['The number of people must be at least 1', '']);
    await page.fill('#pct-a', '0');
    expect([await text('pct-of'), await text('pct-change'), await text('percentage-error')]).toEqual([
      '0',
      '',
      'A change from 0 has no percentage',
    ]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('tasks: add, prioritise, complete, filter, search, delete, and keep them after a reload', async () => {
    const { page, problems } = await open('tasks');
    const titles = () => page.$$eval('#task-list .task-title', (items) => items.map((i) => i.textContent));
    await page.fill('#task-title', 'Buy milk');
    await page.press('#task-title', 'Enter');
    await page.fill('#task-title', 'Write report');
    await page.selectOption('#task-priority', 'high');
    await page.click('#task-form button[type="submit"]');
    // An empty title is stopped by the browser (required); blanks reach the app's own check.
    await page.fill('#task-title', '   ');
    await page.press('#task-title', 'Enter');
    expect(await page.textContent('#form-error')).toBe('A task needs a title');
    expect(await titles()).toEqual(['Write report', 'Buy milk']);
    await page.check('li[data-id="1"] input[type="checkbox"]');
    expect(await page.textContent('#remaining')).toBe('1 task left');
    await page.click('button[data-filter="done"]');
    expect(await titles()).toEqual(['Buy milk']);
    await page.click('button[data-filter="all"]');
    await page.fill('#search', 'report');
    expect(await titles()).toEqual(['Write report']);
    await page.fill('#search', '');
    await page.reload();
    expect(await titles()).toEqual(['Write report', 'Buy milk']);
    expect(await page.isChecked('li[data-id="1"] input[type="checkbox"]')).toBe(true);
    await page.click('button[aria-label="Delete Write report"]');
    expect(await titles()).toEqual(['Buy milk']);
    const download = page.waitForEvent('download');
    await page.click('#export');
    expect((await download).suggestedFilename()).toMatch(/^task-manager-\d{4}-\d{2}-\d{2}\.json$/);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('notes: create, edit, search, delete, and keep them after a reload', async () => {
    const { page, problems } = await open('notes');
    const listed = () => page.$$eval('#note-list strong', (items) => items.map((i) => i.textContent));
    expect(await page.isVisible('#editor')).toBe(false);
    await page.click('#new-note');
    await page.fill('#note-title', 'Groceries');
    await page.fill('#note-body', 'Milk\nEggs');
    await page.click('#new-note');
    await page.fill('#note-body', 'Garden idea');
    expect(await listed()).toEqual(['Garden idea', 'Groceries']);
    await page.fill('#search', 'eggs');
    expect(await listed()).toEqual(['Groceries']);
    await page.fill('#search', '');
    await page.reload();
    expect(await listed()).toEqual(['Garden idea', 'Groceries']);
    await page.click('#note-list button:has-text("Groceries")');
    expect(await page.inputValue('#note-body')).toBe('Milk\nEggs');
    await page.click('#delete-note');
    expect(await listed()).toEqual(['Garden idea']);
    expect(await page.textContent('#note-count')).toBe('1 note');
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('timer: runs, pauses, skips, and keeps its lengths after a reload; the stopwatch counts up with laps and keeps them; the metronome beats and keeps its tempo', async () => {
    const { page, problems } = await open('timer');
    expect(await page.textContent('h1')).toBe('Stopwatch');
    // The metronome: its tempo by the buttons, the slider and taps; its beats shown while it plays.
    expect(await page.textContent('#metronome-bpm')).toBe('100');
    expect(await page.textContent('#metronome-name')).toBe('Andante');
    await page.click('#metronome-faster');
    expect(await page.textContent('#metronome-bpm')).toBe('101');
    await page.fill('#metronome-tempo', '240');
    expect(await page.textContent('#metronome-bpm')).toBe('240');
    expect(await page.textContent('#metronome-name')).toBe('Presto');
    await page.selectOption('#metronome-beats', '3');
    expect(await page.$$eval('#metronome-dots span', (dots) => dots.length)).toBe(3);
    await page.click('#metronome-start');
    expect(await page.textContent('#metronome-start')).toBe('Stop');
    // At 240 BPM a beat is 250 ms: the bar's second and third beats come within a second.
    for (const beat of ['2', '3', '1'])
      await page.waitForFunction(`document.getElementById('metronome-dots').dataset.beat === '${beat}'`, undefined, {
        timeout: 3000,
      });
    expect(await page.$$eval('#metronome-dots span.on', (dots) => dots.length)).toBe(1);
    await page.click('#metronome-start');
    expect(await page.textContent('#metronome-start')).toBe('Start');
    expect(await page.$$eval('#metronome-dots span.on', (dots) => dots.length)).toBe(0);
    for (let i = 0; i < 4; i++) {
      await page.click('#metronome-tap');
      await page.waitForTimeout(400);
    }
    const tapped = Number(await page.textContent('#metronome-bpm'));
    expect(tapped).toBeGreaterThan(90);
    expect(tapped).toBeLessThan(160);
    await page.reload();
    expect(await page.textContent('#metronome-bpm')).toBe(String(tapped));
    expect(await page.inputValue('#metronome-beats')).toBe('3');
    expect(await page.textContent('#metronome-start')).toBe('Start');
    expect(await page.textContent('#stopwatch-clock')).toBe('00:00.00');
    expect(await page.isDisabled('#stopwatch-lap')).toBe(true);
    await page.click('#stopwatch-start');
    expect(await page.textContent('#stopwatch-start')).toBe('Stop');
    expect(await page.isDisabled('#stopwatch-reset')).toBe(true);
    await page.waitForFunction("document.getElementById('stopwatch-clock').textContent >= '00:00.20'");
    await page.click('#stopwatch-lap');
    await page.waitForFunction("document.getElementById('stopwatch-clock').textContent >= '00:00.50'");
    await page.click('#stopwatch-lap');
    await page.click('#stopwatch-start');
    expect(await page.textContent('#stopwatch-start')).toBe('Resume');
    const stopped = (await page.textContent('#stopwatch-clock'))!;
    const laps = await page.$$eval('#stopwatch-laps tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    // Newest first; each lap's total is the sum of the lap times before it; the faster one is marked.
    const hundredths = (t: string) => Number(t.replace(/[^0-9]/g, ''));
    expect(hundredths(laps[0]![2]!)).toBe(hundredths(laps[0]![1]!) + hundredths(laps[1]![2]!));
    const [second, first] = [hundredths(laps[0]![1]!), hundredths(laps[1]![1]!)];
    expect(laps.map((l) => l[0])).toEqual(
      second === first
        ? ['Lap 2', 'Lap 1']
        : second < first
          ? ['Lap 2 (fastest)', 'Lap 1 (slowest)']
          : ['Lap 2 (slowest)', 'Lap 1 (fastest)'],
    );
    await page.waitForTimeout(150);
    expect(await page.textContent('#stopwatch-clock')).toBe(stopped);
    await page.reload();
    expect(await page.textContent('#stopwatch-clock')).toBe(stopped);
    expect(await page.$$eval('#stopwatch-laps tr', (rows) => rows.length)).toBe(2);
    await page.click('#stopwatch-reset');
    expect(await page.textContent('#stopwatch-clock')).toBe('00:00.00');
    expect(await page.$$eval('#stopwatch-laps tr', (rows) => rows.length)).toBe(0);
    expect(await page.textContent('#clock')).toBe('25:00');
    await page.click('#start');
    expect(await page.textContent('#start')).toBe('Pause');
    await page.waitForSelector('#clock:text-is("24:59")', { timeout: 5000 });
    await page.click('#start');
    expect(await page.textContent('#start')).toBe('Start');
    await page.fill('#focus-minutes', '1');
    await page.click('#settings-form button[type="submit"]');
    expect(await page.textContent('#clock')).toBe('01:00');
    await page.click('#skip');
    expect(await page.textContent('#phase')).toBe('Short break');
    await page.reload();
    expect(await page.inputValue('#focus-minutes')).toBe('1');
    expect(await page.textContent('#clock')).toBe('01:00');
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('interval timer: gets ready, works and rests by rounds on the clock, pauses, skips, and keeps the workout after a reload', async () => {
    // Each phase ends when the test runs the clock.
    const { page, context, problems } = await openOnPausedClock('intervals');
    expect(await page.textContent('h1')).toBe('Interval Timer');
    // A tabata: 20 s of work and 10 s of rest, 8 rounds, after 10 s to get ready.
    expect(await page.textContent('#intervals-clock')).toBe('04:00');
    expect(await page.textContent('#intervals-round')).toBe('8 rounds');
    expect(await page.inputValue('#intervals-work')).toBe('20');
    expect(await page.isVisible('#clock')).toBe(false);
    await page.fill('#intervals-prepare', '2');
    await page.fill('#intervals-work', '5');
    await page.fill('#intervals-rest', '3');
    await page.fill('#intervals-rounds', '2');
    await page.click('#intervals-form button[type="submit"]');
    expect(await page.textContent('#intervals-total')).toBe('The whole workout: 00:15.');
    await page.click('#intervals-start');
    expect([await page.textContent('#intervals-phase'), await page.textContent('#intervals-clock')]).toEqual([
      'Get ready',
      '00:02',
    ]);
    await page.clock.runFor(2000);
    expect([await page.textContent('#intervals-phase'), await page.textContent('#intervals-round')]).toEqual([
      'Work',
      'Round 1 of 2',
    ]);
    await page.clock.runFor(5000);
    expect(await page.textContent('#intervals-phase')).toBe('Rest');
    await page.click('#intervals-start');
    expect(await page.textContent('#intervals-start')).toBe('Resume');
    await page.clock.runFor(10_000);
    expect(await page.textContent('#intervals-phase')).toBe('Rest');
    await page.click('#intervals-skip');
    expect([await page.textContent('#intervals-phase'), await page.textContent('#intervals-round')]).toEqual([
      'Work',
      'Round 2 of 2',
    ]);
    await page.click('#intervals-start');
    await page.clock.runFor(5000);
    expect([await page.textContent('#intervals-phase'), await page.textContent('#intervals-start')]).toEqual(['Done', 'Start']);
    expect(await page.textContent('#intervals-announce')).toBe('Workout done.');
    await page.reload();
    expect(await page.inputValue('#intervals-work')).toBe('5');
    expect(await page.textContent('#intervals-clock')).toBe('00:15');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('converter: converts, swaps, refuses nonsense, keeps history and selection', async () => {
    const { page, problems } = await open('converter');
    await page.fill('#amount', '5');
    expect(await page.textContent('#result')).toBe('3.106856 mi');
    await page.click('#swap');
    expect(await page.textContent('#result')).toBe('8.04672 km');
    await page.click('#converter-form button[type="submit"]');
    await page.selectOption('#category', 'temperature');
    await page.selectOption('#from-unit', 'C');
    await page.selectOption('#to-unit', 'F');
    await page.fill('#amount', '100');
    expect(await page.textContent('#result')).toBe('212 °F');
    await page.press('#amount', 'Enter');
    await page.fill('#amount', '-500');
    expect(await page.textContent('#convert-error')).toBe('That is below absolute zero');
    await page.fill('#amount', 'abc');
    expect(await page.textContent('#convert-error')).toContain('Enter a number');
    await page.fill('#amount', '100');
    await page.reload();
    expect(await page.inputValue('#category')).toBe('temperature');
    expect(await page.textContent('#result')).toBe('212 °F');
    expect(await page.$$eval('#history-list li', (items) => items.map((i) => i.textContent))).toEqual([
      '100 °C = 212 °F',
      '5 mi = 8.04672 km',
    ]);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });
  it('randomizer: rolls, flips, draws, picks and makes passwords; refuses nonsense; keeps settings and history', async () => {
    const { page, problems } = await open('randomizer');
    expect(await page.textContent('h1')).toBe('Randomizer');
    await page.fill('#dice', '3d6+2');
    await page.click('#dice-form button[type="submit"]');
    const roll = /^3d6\+2: ([1-6]) \+ ([1-6]) \+ ([1-6]) \+ 2 = (\d+)$/.exec((await page.textContent('#dice-result')) ?? '');
    expect(roll).not.toBeNull();
    expect(Number(roll![4])).toBe(Number(roll![1]) + Number(roll![2]) + Number(roll![3]) + 2);
    await page.fill('#dice', 'three dice');
    await page.press('#dice', 'Enter');
    expect(await page.textContent('#dice-error')).toContain('Write dice as');
    await page.fill('#coins', '10');
    await page.click('#coin-form button[type="submit"]');
    expect(await page.textContent('#coin-result')).toMatch(/^(\d+) heads, (\d+) tails$/);
    await page.fill('#min', '7');
    await page.fill('#max', '7');
    await page.click('#number-form button[type="submit"]');
    expect(await page.textContent('#number-result')).toBe('7');
    await page.fill('#max', '3');
    await page.click('#number-form button[type="submit"]');
    expect(await page.textContent('#number-error')).toContain('must not be above');
    await page.fill('#choices', 'pizza, sushi');
    await page.click('#pick-form button[type="submit"]');
    expect(['pizza', 'sushi']).toContain(await page.textContent('#pick-result'));
    await page.fill('#length', '24');
    await page.uncheck('#symbols');
    await page.click('#password-form button[type="submit"]');
    const password = (await page.textContent('#password-result')) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(await page.textContent('#password-strength')).toMatch(/very strong/);
    // Passwords are neither saved nor listed; every other result is, numbered.
    const history = await page.$$eval('#history-list li', (items) => items.map((i) => i.textContent ?? ''));
    expect(history).toHaveLength(4);
    expect(history[0]).toMatch(/^#4 pick → (pizza|sushi)$/);
    expect(history[3]).toBe(`#1 3d6+2 → ${roll![1]} + ${roll![2]} + ${roll![3]} + 2 = ${roll![4]}`);
    expect(history.join('\n')).not.toContain(password);
    await page.reload();
    expect(await page.inputValue('#dice')).toBe('three dice');
    expect(await page.inputValue('#length')).toBe('24');
    expect(await page.isChecked('#symbols')).toBe(false);
    expect(await page.$$eval('#history-list li', (items) => items.length)).toBe(4);
    expect(
      await page.evaluate(() => JSON.stringify((globalThis as unknown as { localStorage: object }).localStorage)),
    ).not.toContain(password);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });
  it('wordcount: counts as you type, warns over a limit, changes case and keeps the text', async () => {
    const { page, problems } = await open('wordcount');
    expect(await page.textContent('h1')).toBe('Word Counter');
    await page.fill('#text', "Don't panic. The café is open!\n\nThe cat sat.");
    expect(await page.textContent('#words')).toBe('9');
    expect(await page.textContent('#characters')).toBe('44');
    expect(await page.textContent('#characters-no-spaces')).toBe('35');
    expect(await page.textContent('#sentences')).toBe('3');
    expect(await page.textContent('#paragraphs')).toBe('2');
    expect(await page.textContent('#reading-time')).toBe('under a minute');
    expect(await page.$$eval('#top-words li', (items) => items.map((i) => i.textContent))).toContain('cat (1)');
    await page.fill('#limit', '40');
    expect(await page.textContent('#limit-status')).toBe('4 characters over the limit');
    expect(await page.getAttribute('#limit-status', 'class')).toContain('over');
    await page.click('#upper');
    expect(await page.inputValue('#text')).toBe("DON'T PANIC. THE CAFÉ IS OPEN!\n\nTHE CAT SAT.");
    await page.click('#sentence-case');
    expect(await page.inputValue('#text')).toBe("Don't panic. The café is open!\n\nThe cat sat.");
    await page.reload();
    expect(await page.inputValue('#text')).toBe("Don't panic. The café is open!\n\nThe cat sat.");
    expect(await page.inputValue('#limit')).toBe('40');
    expect(await page.textContent('#words')).toBe('9');
    await page.click('#clear');
    expect(await page.textContent('#words')).toBe('0');
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('color: reads a typed color in every notation, grades its contrast, picks a shade, keeps a palette', async () => {
    const { page, problems } = await open('color');
    expect(await page.textContent('h1')).toBe('Color Picker');
    await page.fill('#color-text', 'teal');
    expect([await page.textContent('#hex'), await page.textContent('#rgb'), await page.textContent('#hsl')]).toEqual([
      '#008080',
      'rgb(0, 128, 128)',
      'hsl(180, 100%, 25%)',
    ]);
    expect(await page.inputValue('#color-input')).toBe('#008080');
    expect(await page.textContent('#contrast-white')).toBe('4.77:1 · AA');
    expect(await page.textContent('#contrast-black')).toBe('4.40:1 · AA large text');
    expect(await page.getAttribute('#sample-white', 'style')).toContain('background: rgb(0, 128, 128)');
    await page.fill('#color-text', 'rgb(300, 0, 0)');
    expect(await page.textContent('#color-error')).toBe('Each of red, green and blue is 0 to 255');
    expect(await page.textContent('#hex')).toBe('#008080');
    // The darkest shade becomes the color.
    const shades = await page.$$eval('#shades .swatch', (all) => all.map((s) => s.getAttribute('aria-label')));
    expect(shades).toHaveLength(5);
    await page.click('#shades .swatch >> nth=0');
    expect([
      await page.textContent('#hex'),
      await page.inputValue('#color-text'),
      await page.textContent('#color-error'),
    ]).toEqual([shades[0], shades[0], '']);
    expect(await page.isHidden('#palette-clear')).toBe(true);
    await page.click('#save-color');
    await page.fill('#color-text', '#ffcc00');
    await page.click('#save-color');
    expect(await page.$$eval('#palette .swatch', (all) => all.map((s) => s.getAttribute('aria-label')))).toEqual([
      '#ffcc00',
      shades[0],
    ]);
    await page.reload();
    expect(await page.textContent('#hex')).toBe('#ffcc00');
    expect(await page.$$eval('#palette .swatch', (all) => all.length)).toBe(2);
    await page.click('#palette-clear');
    expect(await page.isVisible('#palette-empty')).toBe(true);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('clock: the time here and in chosen cities, a time converted between zones, the hours to meet; cities kept', async () => {
    const { page, problems } = await open('clock', 'light', 'Europe/Berlin');
    expect(await page.textContent('h1')).toBe('World Clock');
    expect(await page.textContent('#here-time')).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(await page.textContent('#here-zone')).toMatch(/^Europe\/Berlin · UTC\+[12]$/);
    const zones = async (list: string): Promise<string[]> =>
      page.$$eval(`${list} li`, (all) => all.map((li) => li.getAttribute('data-zone')));
    expect(await zones('#cities')).toEqual(['Europe/London', 'America/New_York', 'Asia/Tokyo']);
    await page.selectOption('#city-select', 'Australia/Sydney');
    await page.click('#city-add');
    expect(await zones('#cities')).toEqual(['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney']);
    const sydney = page.locator('#cities li[data-zone="Australia/Sydney"]');
    expect(await sydney.locator('.city-time').textContent()).toMatch(/^\d\d:\d\d$/);
    expect(await sydney.locator('.city-detail').textContent()).toMatch(/UTC\+1[01] · (?:9|10) h ahead$/);
    await page.click('button[aria-label="Remove London"]');
    expect(await zones('#cities')).toEqual(['America/New_York', 'Asia/Tokyo', 'Australia/Sydney']);
    expect(await page.$$eval('#city-select option', (all) => all.map((o) => o.getAttribute('value')))).toContain('Europe/London');
    // 14:00 in London on a winter day, on each clock.
    await page.selectOption('#convert-zone', 'Europe/London');
    await page.fill('#convert-date', '2026-01-15');
    await page.fill('#convert-time', '14:00');
    expect(await page.textContent('#convert-note')).toBe('14:00 on Thu 2026-01-15 in London (UTC) is:');
    const converted = await page.$$eval('#convert-results li', (all) =>
      all.map((li) => [
        li.getAttribute('data-zone'),
        li.querySelector('.city-time')!.textContent,
        li.querySelector('.city-detail')!.textContent,
      ]),
    );
    expect(converted).toEqual([
      ['Europe/Berlin', '15:00', 'the same day · working hours'],
      ['America/New_York', '09:00', 'the same day · working hours'],
      ['Asia/Tokyo', '23:00', 'the same day · night'],
      ['Australia/Sydney', '01:00', 'the next day · night'],
    ]);
    expect(await page.textContent('#convert-meet')).toBe(
      'No whole hour of this day is within working hours (9:00 to 18:00) everywhere.',
    );
    await page.click('button[aria-label="Remove Tokyo"]');
    await page.click('button[aria-label="Remove Sydney"]');
    expect(await page.textContent('#convert-meet')).toBe(
      'Within working hours (9:00 to 18:00) everywhere, in London time: 14:00, 15:00, 16:00.',
    );
    // A time the clocks skip does not exist.
    await page.selectOption('#convert-zone', 'America/New_York');
    await page.fill('#convert-date', '2026-03-08');
    await page.fill('#convert-time', '02:30');
    expect(await page.textContent('#convert-note')).toBe('That time does not exist in New York: the clocks go forward then.');
    expect(await page.$$eval('#convert-results li', (all) => all.length)).toBe(0);
    await page.reload();
    expect(await zones('#cities')).toEqual(['America/New_York']);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('drawing: the pen paints, the eraser takes away, undo, redo and clear step back and forth; kept and saved as a picture', async () => {
    const { page, problems } = await open('drawing');
    expect(await page.textContent('h1')).toBe('Sketch Pad');
    const box = (await page.locator('#canvas').boundingBox())!;
    // The color of the canvas under a point of the page (the canvas is scaled to fit).
    const pixel = async (x: number, y: number): Promise<number[]> =>
      page.$eval(
        '#canvas',
        (element, point) => {
          const canvas = element as unknown as {
            width: number;
            height: number;
            getBoundingClientRect(): { left: number; top: number; width: number; height: number };
            getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
          };
          const r = canvas.getBoundingClientRect();
          const cx = Math.floor(((point.x - r.left) / r.width) * canvas.width);
          const cy = Math.floor(((point.y - r.top) / r.height) * canvas.height);
          return Array.from(canvas.getContext('2d').getImageData(cx, cy, 1, 1).data);
        },
        { x, y },
      );
    const stroke = async (x1: number, x2: number, y: number): Promise<void> => {
      await page.mouse.move(box.x + x1, box.y + y);
      await page.mouse.down();
      await page.mouse.move(box.x + x2, box.y + y, { steps: 8 });
      await page.mouse.up();
    };
    const middle = { x: box.x + 100, y: box.y + 60 };
    expect(await pixel(middle.x, middle.y)).toEqual([0, 0, 0, 0]);
    await stroke(40, 160, 60);
    expect(await pixel(middle.x, middle.y)).toEqual([17, 17, 17, 255]);
    await page.click('#undo');
    expect(await pixel(middle.x, middle.y)).toEqual([0, 0, 0, 0]);
    await page.click('#redo');
    expect(await pixel(middle.x, middle.y)).toEqual([17, 17, 17, 255]);
    // The eraser takes the paint away; undone, the line is whole again.
    await page.click('#tool-eraser');
    expect(await page.getAttribute('#tool-eraser', 'aria-pressed')).toBe('true');
    await stroke(90, 110, 60);
    expect((await pixel(middle.x, middle.y))[3]).toBe(0);
    await page.keyboard.press('Control+z');
    expect(await pixel(middle.x, middle.y)).toEqual([17, 17, 17, 255]);
    // A red swatch takes the pen back; a click is a dot.
    await page.click('button[aria-label="Color #e03131"]');
    expect(await page.getAttribute('#tool-pen', 'aria-pressed')).toBe('true');
    await page.mouse.click(box.x + 200, box.y + 120);
    expect(await pixel(box.x + 200, box.y + 120)).toEqual([224, 49, 49, 255]);
    await page.click('#clear');
    expect(await pixel(middle.x, middle.y)).toEqual([0, 0, 0, 0]);
    expect(await page.isDisabled('#clear')).toBe(true);
    await page.click('#undo');
    expect(await pixel(box.x + 200, box.y + 120)).toEqual([224, 49, 49, 255]);
    await page.reload();
    expect(await pixel(middle.x, middle.y)).toEqual([17, 17, 17, 255]);
    expect(await pixel(box.x + 200, box.y + 120)).toEqual([224, 49, 49, 255]);
    expect(await page.inputValue('#brush-color')).toBe('#e03131');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-picture')]);
    expect(download.suggestedFilename()).toMatch(/^sketch-pad-\d{4}-\d{2}-\d{2}\.png$/);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('devtools: formats and minifies JSON keeping every digit, points at an error, encodes Base64 and URLs, hashes', async () => {
    const { page, problems } = await open('devtools');
    expect(await page.textContent('h1')).toBe('Developer Tools');
    await page.fill('#json-input', '{"b":1,"a":[12345678901234567890,2.50]}');
    await page.click('#json-format');
    expect(await page.inputValue('#json-output')).toBe('{\n  "b": 1,\n  "a": [\n    12345678901234567890,\n    2.50\n  ]\n}');
    expect(await page.textContent('#json-status')).toMatch(/^Valid JSON, formatted: \d+ characters\.$/);
    await page.check('#json-sort');
    await page.click('#json-minify');
    expect(await page.inputValue('#json-output')).toBe('{"a":[12345678901234567890,2.50],"b":1}');
    await page.fill('#json-input', '{\n  "a": 1,\n}');
    await page.click('#json-format');
    expect(await page.textContent('#json-status')).toBe('A comma before } at line 3, column 1.');
    expect(await page.inputValue('#json-output')).toBe('');
    // The spot is selected in the input.
    expect(await page.$eval('#json-input', (el) => (el as unknown as { selectionStart: number }).selectionStart)).toBe(12);
    await page.fill('#b64-input', 'héllo ✓');
    await page.click('#b64-encode');
    expect(await page.inputValue('#b64-output')).toBe('aMOpbGxvIOKckw==');
    await page.fill('#b64-input', 'not base64!');
    await page.click('#b64-decode');
    expect(await page.textContent('#b64-error')).toMatch(/^This is not Base64/);
    await page.fill('#url-input', 'a b&c');
    await page.click('#url-encode');
    expect(await page.inputValue('#url-output')).toBe('a%20b%26c');
    await page.fill('#hash-input', 'abc');
    await page.waitForFunction("document.getElementById('hash-output').textContent.startsWith('ba7816bf')");
    await page.selectOption('#hash-algorithm', 'SHA-1');
    await page.waitForFunction(
      "document.getElementById('hash-output').textContent === 'a9993e364706816aba3e25717850c26c9cd0d89d'",
    );
    await page.reload();
    expect(await page.inputValue('#json-input')).toBe('{\n  "a": 1,\n}');
    expect(await page.isChecked('#json-sort')).toBe(true);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('typing: marks each character, measures speed and accuracy, offers another passage, keeps the results', async () => {
    const { page, problems } = await open('typing');
    expect(await page.textContent('h1')).toBe('Typing Test');
    const passage = (await page.textContent('#passage'))!;
    expect(passage.length).toBeGreaterThan(40);
    // One wrong character in the first word, then the rest as written.
    const wrong = passage[0] === 'X' ? 'Y' : 'X';
    await page.click('#typing-input');
    await page.keyboard.type(wrong + passage.slice(1, 10));
    expect(await page.$$eval('#passage span.wrong', (all) => all.length)).toBe(1);
    expect(await page.$$eval('#passage span.ok', (all) => all.length)).toBe(9);
    expect(await page.textContent('#typing-errors')).toBe('1');
    expect(await page.textContent('#typing-accuracy')).toBe('90');
    await page.waitForTimeout(1100);
    await page.keyboard.type(passage.slice(10));
    const done = (await page.textContent('#typing-result'))!;
    expect(done).toMatch(/^Done: \d+ words per minute at 99% accuracy, 1 mistake\.$/);
    expect(Number(/(\d+) words/.exec(done)![1])).toBeGreaterThan(0);
    expect(await page.getAttribute('#typing-input', 'readonly')).not.toBeNull();
    expect(await page.$$eval('#typing-results li', (all) => all.length)).toBe(1);
    expect(await page.textContent('#typing-best')).toMatch(/^Best speed: \d+ wpm/);
    // A new passage is another one, and the box is empty again.
    await page.click('#typing-new');
    expect(await page.textContent('#passage')).not.toBe(passage);
    expect(await page.inputValue('#typing-input')).toBe('');
    await page.reload();
    expect(await page.$$eval('#typing-results li', (all) => all.length)).toBe(1);
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('game: snake moves a cell per step, turns, pauses, ends on a wall and keeps the best score', async () => {
    const { page, context, problems } = await openOnPausedClock('game');
    const head = async (): Promise<[number, number]> => {
      const i = await page.$$eval('#snake-board .snake-cell', (cells) => cells.findIndex((c) => c.classList.contains('head')));
      return [i % 16, Math.floor(i / 16)];
    };
    expect(await head()).toEqual([8, 8]);
    expect(await page.$$eval('#snake-board .snake-cell.body', (cells) => cells.length)).toBe(2);
    expect(await page.$$eval('#snake-board .snake-cell.food', (cells) => cells.length)).toBe(1);
    expect(await page.textContent('#snake-start')).toBe('Start');
    await page.click('#snake-start');
    expect(await page.textContent('#snake-start')).toBe('Pause');
    await page.clock.runFor(160);
    expect(await head()).toEqual([9, 8]);
    await page.keyboard.press('ArrowUp');
    await page.clock.runFor(160);
    expect((await head())[1]).toBe(7);
    // Space pauses: the snake stays put.
    await page.keyboard.press('Space');
    expect(await page.textContent('#snake-status')).toMatch(/^Paused\. Score: \d+$/);
    const paused = await head();
    await page.clock.runFor(2000);
    expect(await head()).toEqual(paused);
    // Resumed, it goes on up into the wall.
    await page.click('#snake-start');
    await page.clock.runFor(3000);
    const status = (await page.textContent('#snake-status'))!;
    expect(status).toMatch(/^Game over\. Score: \d+$/);
    expect(await page.textContent('#snake-start')).toBe('New game');
    const score = Number(/(\d+)$/.exec(status)![1]);
    await page.reload();
    expect(await page.textContent('#snake-best')).toBe(`Best: ${score}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('game: rock-paper-scissors throws from its buttons and keys, says who won by the rules, and keeps the tally', async () => {
    const { page, problems } = await open('game');
    const score = async (): Promise<string> => (await page.textContent('#rps-score')) ?? '';
    expect(await score()).toBe('You 0 · The computer 0 · Draws 0');
    const beats: Record<string, string> = { rock: 'scissors', paper: 'rock', scissors: 'paper' };
    const checkThrow = async (player: string): Promise<void> => {
      const status = (await page.textContent('#rps-status')) ?? '';
      const m = /^You threw (\w+), the computer (\w+): (you win!|the computer wins\.|a draw\.)$/.exec(status);
      expect(m?.[1]).toBe(player);
      const computer = m![2]!;
      const expected = computer === player ? 'a draw.' : beats[player] === computer ? 'you win!' : 'the computer wins.';
      expect(m![3]).toBe(expected);
    };
    for (const player of ['rock', 'paper', 'scissors']) {
      await page.click(`#rps-throws [data-throw="${player}"]`);
      await checkThrow(player);
    }
    // A key pressed in its card throws, and is no hangman guess (hangman is on this page too).
    const wrongBefore = await page.textContent('#hangman-wrong');
    const lettersBefore = await page.$$eval('#hangman-letters button:disabled', (b) => b.length);
    await page.focus('#rps-throws [data-throw="rock"]');
    await page.keyboard.press('s');
    await checkThrow('scissors');
    expect(await page.textContent('#hangman-wrong')).toBe(wrongBefore);
    expect(await page.$$eval('#hangman-letters button:disabled', (b) => b.length)).toBe(lettersBefore);
    const counts = ((await score()).match(/\d+/g) ?? []).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    // Kept in this browser, and reset on asking.
    const kept = await score();
    await page.reload();
    expect(await score()).toBe(kept);
    await page.click('#rps-reset');
    expect(await score()).toBe('You 0 · The computer 0 · Draws 0');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('game: the word game marks each guess by the rules, refuses what is no guess, ends after six, and keeps the tally', async () => {
    const { page, problems } = await open('game');
    const marks = (guess: string, word: string): string[] => {
      const out = [...guess].map((c, i) => (c === word[i] ? 'right' : ''));
      const left = [...word].filter((c, i) => guess[i] !== c);
      return out.map((m, i) => {
        if (m) return m;
        const at = left.indexOf(guess[i]!);
        if (at < 0) return 'absent';
        left.splice(at, 1);
        return 'present';
      });
    };
    const rows = async (): Promise<{ text: string; marks: string[] }[]> =>
      page.$$eval('#words-grid .words-row', (all) =>
        all.map((row) => {
          const tiles = [...row.querySelectorAll('.words-tile')];
          return {
            text: tiles.map((t) => t.textContent).join(''),
            marks: tiles.map((t) => ['right', 'present', 'absent'].find((m) => t.classList.contains(m)) ?? ''),
          };
        }),
      );
    const status = async (): Promise<string> => (await page.textContent('#words-status')) ?? '';
    expect(await status()).toBe('Guess 1 of 6.');
    expect(await page.textContent('#words-score')).toBe('Won 0 · Lost 0');
    // Typed in its card (hangman is on this page too and takes letters elsewhere): too short is refused.
    await page.click('#words-keys button:text-is("Q")');
    await page.keyboard.type('uic');
    await page.keyboard.press('Enter');
    expect(await status()).toBe('A guess is 5 letters A to Z.');
    expect((await rows())[0]!.text).toBe('QUIC');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect((await rows())[0]!.text).toBe('QU');
    await page.keyboard.type('ICK');
    await page.keyboard.press('Enter');
    // The same word twice is refused; six guesses end the round (none is the word, or the round is won).
    await page.keyboard.type('QUICK');
    await page.keyboard.press('Enter');
    expect(await status()).toBe('QUICK was guessed already.');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Backspace');
    for (const guess of ['BLIMP', 'FJORD', 'GAWKY', 'VEXES', 'NYMPH']) {
      if (/^You found it/.test(await status())) break;
      await page.keyboard.type(guess);
      await page.click('#words-keys button:text-is("Enter")');
    }
    const end = await status();
    const word = /^Out of guesses: the word was ([A-Z]{5})\.$/.exec(end)?.[1];
    const played = (await rows()).filter((r) => r.text.length === 5);
    if (word) {
      expect(played.map((r) => r.text)).toEqual(['QUICK', 'BLIMP', 'FJORD', 'GAWKY', 'VEXES', 'NYMPH']);
      for (const row of played)
        expect({ guess: row.text, marks: row.marks }).toEqual({ guess: row.text, marks: marks(row.text, word) });
      // The keyboard shows what is known of each letter.
      expect(await page.getAttribute('#words-keys button:text-is("Q")', 'class')).toBe(
        word[0] === 'Q' ? 'right' : word.includes('Q') ? 'present' : 'absent',
      );
      expect(await page.textContent('#words-score')).toBe('Won 0 · Lost 1');
    } else {
      expect(end).toMatch(/^You found it in \d guess/);
    }
    // A round whose word is known: the random source returns 0, so the word is the list's first.
    const source = apps.find((a) => a.key === 'game')!.manifest.files.find((f) => f.path === 'src/words.js')!.content;
    const first = /SECRET_WORDS = \[\s*'([A-Z]{5})'/.exec(source)![1]!;
    await page.addInitScript(() => {
      crypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
        if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0);
        return array;
      };
    });
    await page.reload();
    const before = await page.textContent('#words-score');
    await page.click('#words-keys button:text-is("A")');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(first.toLowerCase());
    await page.keyboard.press('Enter');
    expect(await status()).toBe('You found it in 1 guess!');
    expect((await rows())[0]!.marks).toEqual(['right', 'right', 'right', 'right', 'right']);
    const [won, lost] = (before!.match(/\d+/g) ?? []).map(Number);
    expect(await page.textContent('#words-score')).toBe(`Won ${won! + 1} · Lost ${lost}`);
    // New word: an empty grid.
    await page.click('#words-new');
    expect((await rows()).every((r) => r.text === '')).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('game: sudoku deals a puzzle with one solution, marks repeats, is solved by its solution, and keeps the count and level', async () => {
    const { page, problems } = await open('game');
    const grid = async (): Promise<{ digits: number[]; given: boolean[]; conflict: boolean[] }> =>
      page.$$eval('#sudoku-grid input', (cells) => ({
        digits: cells.map((c) => Number((c as unknown as { value: string }).value || 0)),
        given: cells.map((c) => (c as unknown as { readOnly: boolean }).readOnly),
        conflict: cells.map((c) => c.classList.contains('conflict')),
      }));
    // The test's own solver, counting solutions up to two.
    const solutions = (start: number[]): number[][] => {
      const found: number[][] = [];
      const g = [...start];
      const fits = (i: number, d: number): boolean =>
        g.every((v, j) => {
          if (j === i || v !== d) return true;
          const [r1, c1, r2, c2] = [Math.floor(i / 9), i % 9, Math.floor(j / 9), j % 9];
          return (
            r1 !== r2 && c1 !== c2 && (Math.floor(r1 / 3) !== Math.floor(r2 / 3) || Math.floor(c1 / 3) !== Math.floor(c2 / 3))
          );
        });
      const walk = (): void => {
        const i = g.indexOf(0);
        if (i < 0) return void found.push([...g]);
        for (let d = 1; d <= 9 && found.length < 2; d += 1)
          if (fits(i, d)) {
            g[i] = d;
            walk();
            g[i] = 0;
          }
      };
      walk();
      return found;
    };
    const dealt = await grid();
    expect(dealt.digits).toHaveLength(81);
    const clues = dealt.digits.filter((d) => d > 0).length;
    expect(clues).toBeGreaterThanOrEqual(40);
    expect(dealt.given).toEqual(dealt.digits.map((d) => d > 0));
    const found = solutions(dealt.digits);
    expect(found).toHaveLength(1);
    const solution = found[0]!;
    expect(await page.textContent('#sudoku-status')).toBe(`${81 - clues} cells to fill.`);
    // A digit that repeats a clue of its row is marked, with the clue.
    const empty = dealt.digits.indexOf(0);
    const row = Math.floor(empty / 9);
    const clue = dealt.digits.findIndex((d, i) => d > 0 && Math.floor(i / 9) === row);
    const cell = (i: number): string => `#sudoku-grid input:nth-child(${i + 1})`;
    await page.fill(cell(empty), String(dealt.digits[clue]));
    let now = await grid();
    expect(now.conflict[empty] && now.conflict[clue]).toBe(true);
    expect(await page.textContent('#sudoku-status')).toBe('A digit repeats in its row, column or box.');
    // A clue cannot be changed; a letter is no digit.
    await page.focus(cell(clue));
    await page.keyboard.press('Backspace');
    await page.keyboard.press(String((dealt.digits[clue]! % 9) + 1));
    expect((await grid()).digits[clue]).toBe(dealt.digits[clue]);
    await page.fill(cell(empty), 'x');
    expect((await grid()).digits[empty]).toBe(0);
    for (let i = 0; i < 81; i += 1) if (!dealt.given[i]) await page.fill(cell(i), String(solution[i]));
    expect(await page.textContent('#sudoku-status')).toBe('Solved!');
    expect(await page.textContent('#sudoku-score')).toBe('Solved: easy 1 · medium 0 · hard 0');
    now = await grid();
    expect(now.digits).toEqual(solution);
    // The level chosen for a new puzzle is kept, as is the count.
    await page.selectOption('#sudoku-level', 'hard');
    await page.click('#sudoku-new');
    const hard = (await grid()).digits.filter((d) => d > 0).length;
    expect(hard).toBeLessThan(clues);
    await page.reload();
    expect(await page.inputValue('#sudoku-level')).toBe('hard');
    expect(await page.textContent('#sudoku-score')).toBe('Solved: easy 1 · medium 0 · hard 0');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('game: 2048 slides and merges tiles from the keys or buttons, counts the score and keeps the best', async () => {
    const { page, problems } = await open('game');
    const board = async (): Promise<number[][]> =>
      page.$$eval('#tiles-board .tile', (tiles) => {
        const values = tiles.map((tile) => Number(tile.textContent || 0));
        return [0, 1, 2, 3].map((row) => values.slice(row * 4, row * 4 + 4));
      });
    const start = (await board()).flat().filter((value) => value > 0);
    expect(start).toHaveLength(2);
    for (const value of start) expect([2, 4]).toContain(value);
    // After a move to the left every row is packed to the left, but for the one new tile.
    const holes = (rows: number[][]): number =>
      rows.reduce((n, row) => n + row.filter((v, i) => v > 0 && row.slice(0, i).includes(0)).length, 0);
    await page.click('#tiles-board');
    let moved = false;
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowLeft']) {
      const before = await board();
      await page.keyboard.press(key);
      const after = await board();
      if (key === 'ArrowLeft' && JSON.stringify(after) !== JSON.stringify(before)) {
        expect(holes(after)).toBeLessThanOrEqual(1);
        moved = true;
      }
    }
    expect(moved).toBe(true);
    // Moves from the buttons until two tiles have merged and scored.
    for (let i = 0; i < 200 && (await page.textContent('#tiles-status')) === 'Score: 0'; i += 1) {
      await page.click(`button[data-slide="${['left', 'up', 'right', 'down'][i % 4]}"]`);
    }
    const status = (await page.textContent('#tiles-status'))!;
    const score = Number(/Score: (\d+)$/.exec(status)![1]);
    expect(score).toBeGreaterThan(0);
    expect(score % 2).toBe(0);
    expect(await page.textContent('#tiles-best')).toBe(`Best: ${score}`);
    await page.click('#tiles-new');
    expect(await page.textContent('#tiles-status')).toBe('Score: 0');
    expect((await board()).flat().filter((value) => value > 0)).toHaveLength(2);
    await page.reload();
    expect(await page.textContent('#tiles-best')).toBe(`Best: ${score}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('game: tic-tac-toe the computer never loses, a memory game played to the end, hangman with own words; scores kept', async () => {
    const { page, problems } = await open('game');
    expect(await page.textContent('h1')).toBe('Classic Games');
    const cells = () => page.$$eval('#ttt-board .cell', (all) => all.map((c) => c.textContent ?? ''));

    // Against the computer: whatever X plays (here always the first free cell), O answers at once and never loses.
    for (let move = 0; move < 5; move++) {
      const board = await cells();
      if (/win|draw/i.test((await page.textContent('#ttt-status')) ?? '')) break;
      await page.click(`#ttt-board .cell[data-cell="${board.indexOf('')}"]`);
      const after = await cells();
      const xs = after.filter((c) => c === 'X').length;
      const os = after.filter((c) => c === 'O').length;
      expect(xs - os).toBeLessThanOrEqual(1);
    }
    expect(await page.textContent('#ttt-status')).toMatch(/^(The computer wins\.|A draw\.)$/);
    expect(await page.$$eval('#ttt-board .cell:not(:disabled)', (free) => free.length)).toBe(0);
    // Two friends on one device: X takes the top row.
    await page.selectOption('#ttt-mode', 'friend');
    expect(await page.isDisabled('#ttt-level')).toBe(true);
    for (const cell of [0, 3, 1, 4, 2]) await page.click(`#ttt-board .cell[data-cell="${cell}"]`);
    expect(await page.textContent('#ttt-status')).toBe('X wins!');
    expect(await page.$$eval('#ttt-board .cell.win', (won) => won.map((c) => c.getAttribute('data-cell')))).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(await page.textContent('#ttt-score')).toBe('X 1 · O 0 · Draws 0');

    // Memory, played by remembering what each card showed.
    await page.selectOption('#memory-size', 'small');
    const cards = page.locator('#memory-grid .memory-card');
    expect(await cards.count()).toBe(12);
    const face = async (i: number) => ((await cards.nth(i).getAttribute('aria-label')) ?? '').replace(/^Card \d+: /, '');
    const seen = new Map<number, string>();
    const matched = new Set<number>();
    const turn = async (i: number) => {
      await cards.nth(i).click();
      seen.set(i, await face(i));
    };
    for (let i = 0; i < 12; i++) {
      if (matched.has(i)) continue;
      await turn(i);
      const symbol = seen.get(i)!;
      const known = [...seen].find(([j, s]) => j !== i && s === symbol && !matched.has(j));
      const other = known ? known[0] : [...Array(12).keys()].find((j) => j !== i && !seen.has(j) && !matched.has(j))!;
      await turn(other);
      if (seen.get(other) === symbol) matched.add(i).add(other);
    }
    // Any pair still face down was seen whole by now.
    for (const [i, symbol] of seen) {
      if (matched.has(i)) continue;
      const j = [...seen].find(([k, s]) => k !== i && s === symbol && !matched.has(k))![0];
      await turn(i);
      await turn(j);
      matched.add(i).add(j);
    }
    expect(await page.textContent('#memory-status')).toMatch(/^All 6 pairs found in \d+ moves!$/);
    const moves = Number(/in (\d+) moves/.exec((await page.textContent('#memory-status')) ?? '')![1]);
    expect(moves).toBeGreaterThanOrEqual(6);
    expect(await page.textContent('#memory-best')).toBe(`Best: ${moves} moves`);

    // Hangman with words of one's own.
    await page.click('summary');
    await page.fill('#hangman-words', 'ice cream');
    await page.click('#hangman-use');
    expect(await page.textContent('#hangman-error')).toBe('"ice cream" is not a word of 2 to 20 letters A to Z');
    await page.fill('#hangman-words', 'cat');
    await page.click('#hangman-use');
    expect(await page.textContent('#hangman-word')).toBe('_ _ _');
    await page.keyboard.press('t');
    await page.click('#hangman-letters button:text-is("B")');
    expect(await page.textContent('#hangman-word')).toBe('_ _ T');
    expect(await page.textContent('#hangman-wrong')).toBe('Wrong letters (1 of 6): B');
    expect(await page.$$eval('#hangman-drawing .part.shown', (parts) => parts.length)).toBe(1);
    for (const letter of ['C', 'A']) await page.click(`#hangman-letters button:text-is("${letter}")`);
    expect(await page.textContent('#hangman-status')).toBe('You found it!');
    await page.click('#hangman-new');
    for (const letter of 'BDEFGH') await page.click(`#hangman-letters button:text-is("${letter}")`);
    expect(await page.textContent('#hangman-status')).toBe('Out of guesses: the word was CAT.');
    expect(await page.isDisabled('#hangman-letters button:text-is("C")')).toBe(true);
    expect(await page.textContent('#hangman-score')).toBe('Won 1 · Lost 1');

    // Scores, settings and the words are kept.
    await page.reload();
    expect(await page.inputValue('#ttt-mode')).toBe('friend');
    expect(await page.textContent('#ttt-score')).toBe('X 1 · O 0 · Draws 0');
    expect(await page.inputValue('#memory-size')).toBe('small');
    expect(await page.textContent('#memory-best')).toBe(`Best: ${moves} moves`);
    expect(await page.textContent('#hangman-score')).toBe('Won 1 · Lost 1');
    expect(await page.inputValue('#hangman-words')).toBe('CAT');
    await expectThemeToggleRemembered(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
