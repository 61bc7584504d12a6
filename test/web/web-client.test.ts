import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** Signs in through the page's form (the session cookie is HttpOnly: the page never sees it). */
async function signIn(page: import('playwright-core').Page): Promise<void> {
  await page.goto(`${t.url}/`);
  await page.waitForSelector('#login:not([hidden])');
  await page.fill('#email', TEST_ADMIN.email);
  await page.fill('#password', TEST_ADMIN.password);
  await page.click('#login-submit');
  await page.waitForSelector('#app:not([hidden])');
}

test('an anonymous visitor sees the sign-in form with the first-user hint; a wrong password shows the error', async () => {
  const page = await browser.newPage();
  await page.goto(`${t.url}/`);
  await page.waitForSelector('#login:not([hidden])');
  expect(await page.isHidden('#app')).toBe(true);
  expect(await page.textContent('#login-hint')).toMatch(/GANTRY_ADMIN_EMAIL/);
  await page.fill('#email', TEST_ADMIN.email);
  await page.fill('#password', 'not-the-password');
  await page.click('#login-submit');
  await page.waitForSelector('#login-error:not([hidden])');
  expect(await page.textContent('#login-error')).toMatch(/INVALID_CREDENTIALS/);
  // The cookie is not readable from the page.
  await signIn(page);
  expect(await page.evaluate('document.cookie')).toBe('');
  expect(await page.textContent('#user-email')).toBe(TEST_ADMIN.email);
  await page.click('#logout');
  await page.waitForSelector('#login:not([hidden])');
  expect((await page.request.get(`${t.url}/gantry/missions`)).status()).toBe(401);
});

test('the web client submits a request and shows every state change live, in seq order', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);
  await page.fill('#prompt', 'Build a notes app with dark mode');
  await page.click('#submit');
  await page.waitForSelector('#mission-status[data-status="DEPLOYED"]', { timeout: 90_000 });
  await page.waitForSelector('#app-link');

  const items = await page.$$eval('#timeline li', (lis) =>
    lis.map((li) => ({ seq: Number(li.getAttribute('data-seq')), status: li.getAttribute('data-status') })),
  );
  expect(items.map((i) => i.seq)).toEqual(Array.from({ length: items.length }, (_, i) => i + 1));
  const statuses = items.map((i) => i.status).filter(Boolean);
  expect(statuses).toEqual([
    'QUEUED',
    'ARCHITECTING',
    'POLICY_CHECK',
    'BUILDING',
    'AUDITING',
    'DEPLOYING',
    'PUBLISHING',
    'SEALING',
    'DEPLOYED',
  ]);

  // What the page shows matches the API, and the link opens the deployed app.
  const missionId = await page.textContent('#mission-id');
  const status = (await t.request('GET', `/gantry/status/${missionId}`)).body;
  expect(items.at(-1)!.seq).toBe(status.seq);
  const href = await page.getAttribute('#app-link', 'href');
  expect(href).toBe(status.url);
  const app = await browser.newPage();
  await app.goto(href!);
  expect(await app.textContent('h1')).toMatch(/notes/i);
  expect(errors).toEqual([]);
});

test('a bad request shows the API error on the page', async () => {
  const page = await browser.newPage();
  await signIn(page);
  await page.fill('#prompt', 'x'.repeat(5000));
  await page.click('#submit');
  await page.waitForSelector('#form-error:not([hidden])');
  expect(await page.textContent('#form-error')).toMatch(/VALIDATION_ERROR.*max_prompt_chars/);
});
