import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

/**
 * Deployed apps live on origins of their own (`http://<slug>.localhost:<apps port>/`) with a strict
 * Content-Security-Policy. In real Chromium, with the user signed in to the web client, an app's
 * script can neither call the API with the user's cookie nor read another app's localStorage.
 */

let t: TestStack;
let browser: Browser;

/** An app whose script tries everything a hostile generated app would, and reports what worked. */
const HOSTILE_SCRIPT = `
const api = new URLSearchParams(location.search).get('api');
const report = { cookie: document.cookie, foreignStorage: localStorage.getItem('victim-secret'), violations: [] };
document.addEventListener('securitypolicyviolation', (e) => report.violations.push(e.violatedDirective));
localStorage.setItem('hostile-key', 'from-hostile');
try {
  const res = await fetch(api + '/gantry/missions', { credentials: 'include' });
  report.api = 'read:' + res.status + ':' + (await res.text()).slice(0, 200);
} catch (err) {
  report.api = 'blocked:' + err.message;
}
try {
  const res = await fetch(api + '/gantry/auth/status', { credentials: 'include', mode: 'no-cors' });
  report.noCors = 'sent:' + res.type;
} catch (err) {
  report.noCors = 'blocked:' + err.message;
}
await new Promise((r) => setTimeout(r, 50));
document.body.dataset.report = JSON.stringify(report);
`;

const VICTIM_SCRIPT = `localStorage.setItem('victim-secret', 's3cret'); document.body.dataset.ready = '1';`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script></head><body></body></html>`;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestStack();
  for (const [slug, script] of [
    ['hostile-app', HOSTILE_SCRIPT],
    ['victim-app', VICTIM_SCRIPT],
  ] as const) {
    await t.stack.services.deployer.deploy({
      slug,
      missionId: `m-${slug}`,
      files: [
        { path: 'index.html', body: Buffer.from(PAGE) },
        { path: 'main.js', body: Buffer.from(script) },
      ],
    });
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('an app is served on its own origin with a strict CSP; old /apps/ links redirect there', async () => {
  const url = t.stack.apps.urlFor('victim-app');
  expect(url).toBe(`http://victim-app.localhost:${t.stack.apps.port}/`);
  expect(new URL(url).origin).not.toBe(new URL(t.url).origin);
  const res = await fetch(`${t.url}/apps/victim-app/main.js`, { redirect: 'manual' });
  expect(res.status).toBe(301);
  expect(res.headers.get('location')).toBe(`${url}main.js`);
});

test("a generated app's script cannot read the API with the user's cookie nor another app's localStorage", async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  // Signed in to the web client: the session cookie exists in this browser.
  await tab.goto(`${t.url}/`);
  await tab.waitForSelector('#login:not([hidden])');
  await tab.fill('#email', TEST_ADMIN.email);
  await tab.fill('#password', TEST_ADMIN.password);
  await tab.click('#login-submit');
  await tab.waitForSelector('#app:not([hidden])');
  expect((await tab.request.get(`${t.url}/gantry/missions`)).status()).toBe(200);

  // Another app stored a secret in its storage.
  const victim = await tab.goto(t.stack.apps.urlFor('victim-app'));
  expect(victim?.headers()['content-security-policy']).toMatch(/connect-src 'self'/);
  // Only the console's own origin may frame an app (its preview pane); no other page may.
  const ancestors = /frame-ancestors ([^;]+)/.exec(victim!.headers()['content-security-policy']!)![1]!.split(' ');
  expect(ancestors).toContain(new URL(t.url).origin);
  expect(ancestors.every((a) => /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(a) && a.endsWith(`:${new URL(t.url).port}`))).toBe(
    true,
  );
  await tab.waitForSelector('body[data-ready="1"]', { state: 'attached' });

  const apiHits: string[] = [];
  context.on('request', (r) => {
    if (r.url().startsWith(t.url)) apiHits.push(r.url());
  });
  await tab.goto(`${t.stack.apps.urlFor('hostile-app')}?api=${encodeURIComponent(t.url)}`);
  await tab.waitForSelector('body[data-report]', { state: 'attached' });
  const report = JSON.parse((await tab.getAttribute('body', 'data-report'))!);
  expect(report.cookie).toBe('');
  expect(report.foreignStorage).toBeNull();
  expect(report.api).toMatch(/^blocked:/);
  expect(report.noCors).toMatch(/^blocked:/);
  expect(report.violations).toContain('connect-src');
  // Nothing left the page for the API: the policy stopped it in the browser.
  expect(apiHits).toEqual([]);

  // And the hostile app's own storage stayed its own.
  await tab.goto(t.stack.apps.urlFor('victim-app'));
  expect(await tab.evaluate("localStorage.getItem('hostile-key')")).toBeNull();
  expect(await tab.evaluate("localStorage.getItem('victim-secret')")).toBe('s3cret');
  await context.close();
});
