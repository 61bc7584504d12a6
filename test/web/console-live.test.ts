/**
 * The console's live mission pane in real Chromium:
 * - a lost connection loses nothing on the page: the WebSocket is killed mid-mission and the page's
 *   network to the API is cut while the mission goes on; once it is back, the page reconnects (with
 *   back-off), resubscribes and reads what it missed from its last seq. It ends with every event
 *   exactly once, in order, and the final state;
 * - a healed mission shows each attempt and the heal's diff.
 * The architect follows a script: "heal" drafts a broken app the heal repairs, anything else a good one.
 */
import type { Browser, WebSocketRoute } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { screenshot, signIn, watchProblems } from '../helpers/console-browser';
import { brokenMath, mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

const architect = new ScriptedArchitect(
  (prompt) => mathApp({ math: brokenMath({ multiply: /heal/.test(prompt) }) }),
  (input) => ({
    ...input.manifest,
    files: input.manifest.files.map((f) => (f.path === 'src/math.js' ? { ...f, content: brokenMath({}) } : f)),
  }),
);

let t: TestStack;
let browser: Browser;

beforeAll(async () => {
  t = await startTestStack({ architect, policy: { mission: { max_attempts: 3 } } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('killing the WebSocket and the network mid-mission, then restoring them, leaves every event once and the final state', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, t.url, TEST_ADMIN);

  // Every WebSocket of the page goes through here, so the test can cut it and refuse new ones.
  let online = true;
  let sockets = 0;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/ws(\?|$)/, (ws) => {
    sockets += 1;
    if (!online) return void ws.close({ code: 1001, reason: 'offline' });
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  // While offline, the API is unreachable too (what losing the network does).
  await page.route(/\/gantry\//, (route) => (online ? route.continue() : route.abort('internetdisconnected')));

  await page.click('.direct summary');
  await page.fill('#prompt', 'Build a calculator');
  await page.click('#submit');
  await page.waitForSelector('#timeline li[data-status="ARCHITECTING"]');
  const missionId = (await page.textContent('#mission-id'))!;
  const before = await page.locator('#timeline li').count();

  // Cut: close the open sockets from the server's side and refuse new ones.
  online = false;
  for (const ws of [...open]) await ws.close({ code: 1001, reason: 'going away' });
  await page.waitForSelector('#connection');
  // The mission goes on without the page.
  const done = await t.waitFor(missionId, ['DEPLOYED'], 180_000);
  const shownWhileAway = await page.locator('#timeline li').count();
  expect(shownWhileAway).toBeLessThan(done.seq);
  expect(await page.getAttribute('#mission-status', 'data-status')).not.toBe('DEPLOYED');

  // Restore: the page reconnects by itself and reads what it missed.
  const attemptsWhileAway = sockets;
  online = true;
  await page.waitForSelector('#mission-status[data-status="DEPLOYED"]', { timeout: 60_000 });
  await page.waitForSelector('#app-link');
  expect(sockets).toBeGreaterThan(1);
  expect(attemptsWhileAway).toBeGreaterThanOrEqual(1);

  const seqs = await page.$$eval('#timeline li', (lis) => lis.map((li) => Number(li.getAttribute('data-seq'))));
  const events = (await t.request('GET', `/gantry/missions/${missionId}/events`)).body.events as { seq: number }[];
  expect(seqs).toEqual(events.map((e) => e.seq));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs.at(-1)).toBe(done.seq);
  expect(before).toBeGreaterThan(0);
  const statuses = await page.$$eval('#timeline li[data-status]', (lis) => lis.map((li) => li.getAttribute('data-status')));
  expect(statuses.at(-1)).toBe('DEPLOYED');
  expect(await page.getAttribute('#app-link', 'href')).toBe(done.url);
  expect(errors).toEqual([]);
  await page.close();
});

test("a healed mission shows each attempt, the failing test and the heal's diff", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchProblems(page);
  await signIn(page, t.url, TEST_ADMIN);
  await page.click('.direct summary');
  await page.fill('#prompt', 'Build a calculator and heal it');
  await page.click('#submit');
  await page.waitForSelector('#mission-status[data-status="DEPLOYED"]', { timeout: 180_000 });
  await page.waitForSelector('#timeline li[data-status="HEALING"]');
  expect(await page.textContent('#timeline')).toMatch(/Build attempt 1 failed/);
  await page.waitForSelector('#attempts li.passed');
  const attempts = await page.$$eval('#attempts > ol > li', (lis) => lis.map((li) => li.className));
  expect(attempts).toEqual(['failed', 'passed']);
  expect(await page.textContent('#attempts li.failed')).toMatch(/Failing: .*multipl/i);
  await page.click('#attempts li.passed details summary');
  await page.waitForSelector('#attempts li.passed .diff .diff-line.add');
  expect(await page.textContent('#attempts li.passed .diff')).toMatch(/src\/math\.js/);
  await screenshot(page, 'desktop-1280-heal-attempts', '#attempts');
  expect(problems).toEqual([]);
  await page.close();
});
