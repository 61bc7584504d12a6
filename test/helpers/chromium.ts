/**
 * The browser the browser tests drive. Chromium's headless shell (Debian's
 * `chromium-headless-shell`) when it is installed: the same Blink and V8 as the full browser,
 * without the browser window around each page, and the tests that drive many pages take about
 * half the time in it. Otherwise the full `chromium`; `CHROMIUM_PATH` names another binary.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/**
 * `describe`, or `describe.skip` when no browser is installed outside CI (`.ci/run` installs one,
 * so a missing browser there fails the launch instead of skipping).
 */
export const describeIfChromium = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;

/** Starts the browser headless, with nothing of its own going to the network. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}; install it (apt-get install -y chromium-headless-shell, or chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
