/**
 * Real Chromium for the web console's browser tests (launched by ./chromium.ts): sign in through
 * the page, and save screenshots as test artifacts (test-artifacts/screenshots/, not committed).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';

export const SCREENSHOTS = join(PROJECT_ROOT, 'test-artifacts', 'screenshots');

/** Signs in through the console's form (the session cookie is HttpOnly: the page never sees it). */
export async function signIn(page: Page, url: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForSelector('#login');
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.click('#login-submit');
  await page.waitForSelector('#app');
}

/**
 * Saves a screenshot under test-artifacts/screenshots/<name>.png: of one element (a selector), of
 * what the window shows (`viewport`), or of the whole page.
 */
export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (selector === 'viewport') await page.screenshot({ path, animations: 'disabled' });
  else if (selector) await page.locator(selector).first().screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * Routes the console asks for once and hides its control for when the stack answers 404 (they come
 * with other parts of the API): their 404 is expected until then, and is not a problem.
 */
const OPTIONAL_ROUTES = /\/gantry\/(search|missions\/clear|decisions)(\?|$)/;

/** Problems a page reports: uncaught errors, console errors and failed responses (a 401, a missing favicon). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  const optional = (url: string, status: number) => status === 404 && OPTIONAL_ROUTES.test(new URL(url).pathname + '?');
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location().url;
    if (/status of 404/.test(m.text()) && url && optional(url, 404)) return;
    problems.push(`console: ${m.text()} ${url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !optional(r.url(), r.status())) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}
