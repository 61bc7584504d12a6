import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nextMenuState } from '../src/menu.js';

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');

test('the menu button opens and closes the menu, and starts closed', () => {
  assert.equal(nextMenuState(false), true);
  assert.equal(nextMenuState(true), false);
  assert.match(html, /id="menu-toggle"[^>]*aria-expanded="false"[^>]*aria-controls="site-nav"/);
});
