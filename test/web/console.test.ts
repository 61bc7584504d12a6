/**
 * The web console in real Chromium, driven only through the page: a new user signs in, consults the
 * CTO to a plan (design image attached, plan changed), proceeds, sees every state as it happens,
 * reaches DEPLOYED, opens the live app in the preview and the pull request's diff, and cancels a
 * second mission. Screenshots of each pane at 1280 px and 390 px are saved as test artifacts.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { screenshot, signIn, watchProblems } from '../helpers/console-browser';
import { tinyPng } from '../helpers/images';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

let t: TestStack;
let browser: Browser;

beforeAll(async () => {
  t = await startTestStack();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const BUILD_STATES = [
  'QUEUED',
  'ARCHITECTING',
  'POLICY_CHECK',
  'BUILDING',
  'AUDITING',
  'DEPLOYING',
  'PUBLISHING',
  'SEALING',
  'DEPLOYED',
];

/** Records every status the mission badge shows, as the page shows it (a MutationObserver in the page). */
async function recordBadge(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as any;
    w.__seen = [];
    const note = () => {
      const s = w.document.querySelector('#mission-status')?.getAttribute('data-status');
      if (s && w.__seen.at(-1) !== s) w.__seen.push(s);
    };
    new w.MutationObserver(note).observe(w.document.body, { subtree: true, childList: true, attributes: true });
    note();
  });
}

test('a first visit asks nothing protected: no 401, no missing favicon; a wrong password shows the error; sign out', async () => {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${t.url}/`);
  await page.waitForSelector('#login');
  expect(await page.textContent('#login-hint')).toMatch(/GANTRY_ADMIN_EMAIL/);
  expect(await page.locator('#app').count()).toBe(0);
  // The favicon is served and the page asked nothing that needs a session.
  expect((await page.request.get(`${t.url}/favicon.ico`)).status()).toBe(200);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);

  await page.fill('#email', TEST_ADMIN.email);
  await page.fill('#password', 'not-the-password');
  await page.click('#login-submit');
  await page.waitForSelector('#login-error');
  expect(await page.textContent('#login-error')).toMatch(/INVALID_CREDENTIALS/);
  problems.length = 0;

  await signIn(page, t.url, TEST_ADMIN);
  // The cookie is not readable from the page.
  expect(await page.evaluate('document.cookie')).toBe('');
  expect(await page.textContent('#user-email')).toBe(TEST_ADMIN.email);
  // A reload keeps the session and still logs nothing.
  await page.reload();
  await page.waitForSelector('#app');
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
  await page.click('#logout');
  await page.waitForSelector('#login');
  expect((await page.request.get(`${t.url}/gantry/missions`)).status()).toBe(401);
  await page.close();
});

test('sign in, consult the CTO to a plan, proceed, watch it to DEPLOYED, preview the app, read the PR diff, cancel a second mission', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await signIn(page, t.url, TEST_ADMIN);
  await screenshot(page, 'desktop-1280-empty');

  // The CTO asks; an answer with a design image gets a plan; a change updates it.
  await page.fill('#consult-message', 'build me an app');
  await page.click('#consult-send');
  await page.waitForSelector('#conversation li.assistant');
  expect(await page.textContent('#conversation li.assistant')).toMatch(/What should the app do\?/);
  expect(await page.locator('#plan').count()).toBe(0);

  await page.fill('#consult-message', 'a Trello board for our sprint');
  await page.setInputFiles('#design-image', { name: 'mockup.png', mimeType: 'image/png', buffer: tinyPng() });
  await page.click('#consult-send');
  await page.waitForSelector('#plan');
  expect(await page.getAttribute('#plan-theme', 'data-theme')).toBe('TRELLO');
  expect(await page.textContent('#conversation li.assistant:last-child')).toContain('public/design-reference.png');

  await page.fill('#plan-change', 'add a dark mode');
  await page.click('#plan button[type=submit]');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#conversation li').length === 6);
  expect(await page.getAttribute('#plan-features', 'data-features')).toBe('dark-mode,local-storage');
  // Consulted projects are listed by what the person asked for, not by a template's name.
  await page.waitForSelector('#missions li[data-mission] .title');
  expect(await page.textContent('#missions li[data-mission] .title')).toBe('build me an app');
  await screenshot(page, 'desktop-1280-conversation', '.conversation-pane');
  await screenshot(page, 'desktop-1280-sidebar', '.sidebar');

  await page.click('#proceed');
  await page.waitForSelector('#mission');
  await recordBadge(page);
  await page.waitForSelector('#mission-status[data-status="DEPLOYED"]', { timeout: 180_000 });
  await page.waitForSelector('#app-link');
  const missionId = (await page.textContent('#mission-id'))!;

  // Every state shows on the timeline in order, each once, in human words (no event names, no #seq).
  const items = await page.$$eval('#timeline li', (lis) =>
    lis.map((li) => ({
      seq: Number(li.getAttribute('data-seq')),
      status: li.getAttribute('data-status'),
      text: li.textContent ?? '',
    })),
  );
  expect(items.map((i) => i.seq)).toEqual(Array.from({ length: items.length }, (_, i) => i + 1));
  const statuses = items.map((i) => i.status).filter(Boolean);
  expect(statuses.slice(statuses.indexOf('QUEUED'))).toEqual(BUILD_STATES);
  for (const item of items) {
    expect(item.text).not.toMatch(/#\d/);
    expect(item.text).not.toMatch(/\b(architect|policy|audit|deploy|publish|mission|consultation|heal|status)\.[a-z_]+/);
  }
  // The badge went through the states while they happened, in order.
  const seen: string[] = await page.evaluate('globalThis.__seen');
  expect(seen.at(-1)).toBe('DEPLOYED');
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(seen.filter((s) => BUILD_STATES.includes(s))).toEqual(BUILD_STATES.filter((s) => seen.includes(s)));

  // The live app in the preview frame (its own origin).
  await page.waitForSelector('#preview-frame');
  const src = (await page.getAttribute('#preview-frame', 'src'))!;
  expect(src).toMatch(t.appUrlPattern);
  expect(await page.getAttribute('#preview-frame', 'sandbox')).toContain('allow-scripts');
  const frame = page.frameLocator('#preview-frame');
  await frame.locator('h1').first().waitFor();
  expect((await frame.locator('h1').first().textContent())!.length).toBeGreaterThan(0);

  // The whole console as a person sees it (the picture the README shows is one of these).
  await page.evaluate(() => (globalThis as any).document.querySelector('.mission-pane').scrollTo(0, 0));
  await page.waitForTimeout(500);
  await screenshot(page, 'desktop-1280-console', 'viewport');

  // The pull request with its files and a rendered diff.
  await page.click('#pr-link');
  await page.waitForSelector('#pull-files li');
  expect(await page.textContent('#pull-title')).toMatch(/Pull request #\d+/);
  const files = await page.$$eval('#pull-files li code', (els) => els.map((e) => e.textContent));
  expect(files).toContain('index.html');
  expect(files).toContain('public/design-reference.png');
  expect(await page.locator('#pull .diff-line.add').count()).toBeGreaterThan(10);
  // The builder's log: streamed while it ran, or read from the stored log of the last attempt.
  if ((await page.locator('#log').count()) === 0) await page.click('#load-log');
  await page.waitForFunction(() => ((globalThis as any).document.querySelector('#log')?.textContent ?? '').length > 20);
  // The evidence verdict, cost and tokens.
  await page.waitForSelector('#evidence-verdict[data-verified="yes"]');
  expect(await page.textContent('#cost')).toMatch(/Estimated cost/);
  await screenshot(page, 'desktop-1280-full');
  await screenshot(page, 'desktop-1280-mission', '.mission-pane');
  await screenshot(page, 'desktop-1280-timeline', '.timeline-card');
  await screenshot(page, 'desktop-1280-preview', '#preview');
  await screenshot(page, 'desktop-1280-pull', '#pull');

  // The design image the plan carried is on the branch.
  const branch = await page.$eval('#pr-link', (a) => /\(([^)]+)\)/.exec(a.textContent ?? '')?.[1] ?? '');
  const committed = execFileSync('git', ['--git-dir', await t.gitRepo(), 'show', `${branch}:public/design-reference.png`]);
  expect(committed.equals(tinyPng())).toBe(true);

  // The PR link the API hands out (/git/pulls/<n>) opens the console's view of it in a browser.
  const pullNumber = (await page.textContent('#pull-title'))!.replace(/\D+/g, '');
  const prPage = await context.newPage();
  await prPage.goto(`${t.url}/git/pulls/${pullNumber}`);
  await prPage.waitForSelector('#pull-files li');
  expect(await prPage.textContent('#mission-id')).toBe(missionId);
  await prPage.close();

  // At 390 px the panes stack and the sidebar folds away behind a button.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.isVisible('.sidebar')).toBe(false);
  // Nothing sticks out sideways (wide content such as a diff scrolls inside its own box).
  const sticking = await page.evaluate(() => {
    const d = (globalThis as any).document;
    const clipped = (el: any): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = (globalThis as any).getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    return [...d.querySelectorAll('body *')]
      .filter((el: any) => el.getBoundingClientRect().right > 391 && !clipped(el))
      .slice(0, 5)
      .map((el: any) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  });
  expect(sticking).toEqual([]);
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'mobile-390-full');
  await screenshot(page, 'mobile-390-conversation', '.conversation-pane');
  await screenshot(page, 'mobile-390-mission', '.mission-head');
  await screenshot(page, 'mobile-390-timeline', '.timeline-card');
  await screenshot(page, 'mobile-390-preview', '#preview');
  await screenshot(page, 'mobile-390-pull', '#pull');
  await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
  await screenshot(page, 'mobile-390-top', 'viewport');
  await page.click('.topbar .menu');
  await page.waitForSelector('.sidebar', { state: 'visible' });
  await screenshot(page, 'mobile-390-sidebar', 'viewport');
  await page.click('.topbar .menu');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A second mission, built directly, cancelled from the page.
  await page.click('#new-project');
  await page.click('.direct summary');
  await page.fill('#prompt', 'Build a notes app with dark mode');
  await page.click('#submit');
  await page.waitForSelector('#cancel');
  const second = (await page.textContent('#mission-id'))!;
  expect(second).not.toBe(missionId);
  await page.click('#cancel');
  await page.waitForSelector('#mission-status[data-status="CANCELLED"]', { timeout: 60_000 });
  await page.waitForSelector(`#missions li[data-mission="${second}"] [data-status="CANCELLED"]`);
  expect(await page.locator('#cancel').count()).toBe(0);

  // Opening the consulted project shows the conversation that planned it (a direct build has none).
  expect(await page.locator('#conversation li').count()).toBe(0);
  await page.click(`#missions li[data-mission="${missionId}"] a`);
  await page.waitForSelector('#conversation li.note');
  expect(await page.locator('#conversation li.user').count()).toBe(4);
  expect(await page.textContent('#mission-id')).toBe(missionId);

  // Status filters: the live one and the cancelled one each under their own filter; search narrows.
  await page.click('[data-filter="live"]');
  expect(await page.locator(`#missions li[data-mission="${missionId}"]`).count()).toBe(1);
  expect(await page.locator(`#missions li[data-mission="${second}"]`).count()).toBe(0);
  await page.click('[data-filter="stopped"]');
  expect(await page.locator(`#missions li[data-mission="${second}"]`).count()).toBe(1);
  await page.click('[data-filter="all"]');
  await page.fill('#search', 'notes app');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#missions li[data-mission]').length === 1);

  expect(problems).toEqual([]);
  await context.close();
});

test('a bad request shows the API error on the page', async () => {
  const page = await browser.newPage();
  await signIn(page, t.url, TEST_ADMIN);
  await page.click('.direct summary');
  await page.fill('#prompt', 'x'.repeat(5000));
  await page.click('#submit');
  await page.waitForSelector('#form-error');
  expect(await page.textContent('#form-error')).toMatch(/VALIDATION_ERROR.*max_prompt_chars/);
  await page.close();
});
