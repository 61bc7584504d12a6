import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_DIST, consoleSourceHash, ensureConsoleBuilt } from '../../local/console-build';

/**
 * The web console is built by Vite when its sources change and not otherwise: the build carries
 * the digest of what it was built from, and a start with the same sources reuses it.
 */
test('the console build is made once per source digest, with its assets under /web/', async () => {
  const dir = await ensureConsoleBuilt();
  expect(dir).toBe(CONSOLE_DIST);
  expect(readFileSync(join(dir, '.source-hash'), 'utf8')).toBe(consoleSourceHash());
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  expect(html).toMatch(/<script type="module" crossorigin src="\/web\/assets\/index-[\w-]+\.js"><\/script>/);
  expect(html).toContain('href="/web/favicon.svg"');
  const built = statSync(join(dir, 'index.html')).mtimeMs;
  // Same sources: nothing is built again.
  await ensureConsoleBuilt();
  expect(statSync(join(dir, 'index.html')).mtimeMs).toBe(built);
}, 120_000);
