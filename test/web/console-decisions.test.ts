/**
 * Deciding at an approval gate from the console, in real Chromium: a mission stops at the gate
 * the policy declares; the page shows who may decide and what they are deciding on; an approval
 * with a justification carries it on to DEPLOYED, a rejection ends the next one REJECTED. The
 * decisions are the API's own (the page holds only the signed-in session).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { screenshot, signIn } from '../helpers/console-browser';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

let t: TestStack;
let browser: Browser;

beforeAll(async () => {
  t = await startTestStack({
    policy: {
      approvals: {
        gates: [{ name: 'before-publish', when: 'always', roles: ['owner', 'approver'], timeout_s: 600, on_timeout: 'reject' }],
      },
    },
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function build(page: Page, prompt: string): Promise<string> {
  await page.click('.direct summary');
  await page.fill('#prompt', prompt);
  await page.click('#submit');
  await page.waitForSelector('#timeline li[data-status="ARCHITECTING"]');
  return (await page.textContent('#mission-id'))!;
}

async function decide(page: Page, button: '#approve' | '#reject', justification: string): Promise<void> {
  await page.waitForSelector('#decision', { timeout: 300_000 });
  // What the approver decides on: the gate, the preview of the deployed app.
  await page.waitForSelector('#decision >> text=before-publish');
  await page.fill('#justification', justification);
  await page.click(button);
}

test('an owner approves one mission at the gate and rejects another, from the console', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, t.url, TEST_ADMIN);

  const approved = await build(page, 'Build a calculator');
  await decide(page, '#approve', 'The diff and the preview look right');
  await page.waitForSelector('#timeline li[data-status="DEPLOYED"]', { timeout: 300_000 });
  const a = (await t.request('GET', `/gantry/status/${approved}`)).body;
  expect(a.status).toBe('DEPLOYED');
  expect(a.pr_url).toBeTruthy();
  await screenshot(page, 'decision-approved', '.mission-pane');

  await page.goto(`${t.url}/`);
  const rejected = await build(page, 'Build a tip calculator');
  await decide(page, '#reject', 'Not what the team asked for');
  await page.waitForSelector('#timeline li[data-status="REJECTED"]', { timeout: 300_000 });
  const r = (await t.request('GET', `/gantry/status/${rejected}`)).body;
  expect(r.status).toBe('REJECTED');
  expect(r.pr_url).toBeNull();
  const events = (await t.request('GET', `/gantry/missions/${rejected}/events`)).body.events as Array<{
    event_type: string;
    data: Record<string, unknown>;
  }>;
  expect(events.find((e) => e.event_type === 'decision.recorded')?.data).toMatchObject({
    decision: 'REJECT',
    role: 'owner',
    justification: 'Not what the team asked for',
  });
}, 900_000);
