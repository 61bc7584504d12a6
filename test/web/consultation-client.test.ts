/**
 * The web client's consultation in real Chromium: a vague request gets the CTO's question, an
 * answer (with a design image attached) gets a plan, "Proceed" starts the build and the page
 * follows the mission to DEPLOYED with its links.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { tinyPng } from '../helpers/images';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let t: TestStack;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  t = await startTestStack();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('consult, attach a design image, change the plan, proceed, and follow the build to DEPLOYED', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${t.url}/`);
  await page.waitForSelector('#login:not([hidden])');
  await page.fill('#email', TEST_ADMIN.email);
  await page.fill('#password', TEST_ADMIN.password);
  await page.click('#login-submit');
  await page.waitForSelector('#app:not([hidden])');

  await page.fill('#consult-message', 'build me an app');
  await page.click('#consult-send');
  await page.waitForSelector('#conversation li.assistant');
  expect(await page.textContent('#conversation li.assistant')).toMatch(/What should the app do\?/);
  expect(await page.isHidden('#plan')).toBe(true);

  await page.fill('#consult-message', 'a Trello board for our sprint');
  await page.setInputFiles('#design-image', { name: 'mockup.png', mimeType: 'image/png', buffer: tinyPng() });
  await page.click('#consult-send');
  await page.waitForSelector('#plan:not([hidden])');
  expect(await page.textContent('#plan-theme')).toBe('(theme TRELLO)');
  expect(await page.textContent('#conversation li.assistant:last-child')).toContain('public/design-reference.png');

  await page.fill('#consult-message', 'add a dark mode');
  await page.click('#consult-send');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#conversation li').length === 6);
  expect(await page.textContent('#plan-features')).toBe('dark-mode, local-storage');

  await page.click('#proceed');
  await page.waitForSelector('#mission:not([hidden])');
  await page.waitForSelector('#mission-status[data-status="DEPLOYED"]', { timeout: 150_000 });
  await page.waitForSelector('#app-link');
  const missionId = await page.textContent('#mission-id');
  const status = (await t.request('GET', `/gantry/status/${missionId}`)).body;
  expect(status).toMatchObject({ status: 'DEPLOYED', design_target: 'TRELLO', features: ['dark-mode', 'local-storage'] });
  const committed = execFileSync('git', ['--git-dir', await t.gitRepo(), 'show', `${status.branch}:public/design-reference.png`]);
  expect(committed.equals(tinyPng())).toBe(true);
  expect(problems).toEqual([]);
  await page.close();
});
