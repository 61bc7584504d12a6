import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTheme, hasSavedTheme, loadTheme, resolveTheme, saveTheme, toggleTheme } from '../src/theme.js';

{{fakeStorage}}

test('the system preference applies until a theme is chosen', () => {
  assert.equal(resolveTheme(null, true), 'dark');
  assert.equal(resolveTheme(null, false), 'light');
  assert.equal(resolveTheme('light', true), 'light');
  assert.equal(resolveTheme('purple', true), 'dark');
});

test('toggling switches between light and dark', () => {
  assert.equal(toggleTheme('light'), 'dark');
  assert.equal(toggleTheme('dark'), 'light');
  assert.equal(toggleTheme(toggleTheme('dark')), 'dark');
});

test('a chosen theme is remembered', () => {
  const storage = new MemoryStorage();
  assert.equal(hasSavedTheme(storage, 'app:theme'), false);
  assert.equal(saveTheme(storage, 'app:theme', toggleTheme(loadTheme(storage, 'app:theme', false))), true);
  assert.equal(hasSavedTheme(storage, 'app:theme'), true);
  assert.equal(loadTheme(storage, 'app:theme', false), 'dark');
});

test('an invalid theme is neither saved nor loaded', () => {
  const storage = new MemoryStorage();
  assert.equal(saveTheme(storage, 'app:theme', 'neon'), false);
  storage.setItem('app:theme', 'neon');
  assert.equal(loadTheme(storage, 'app:theme', false), 'light');
});

test('broken storage falls back to the system preference', () => {
  const broken = {
    getItem() {
      throw new Error('denied');
    },
    setItem() {
      throw new Error('denied');
    },
  };
  assert.equal(loadTheme(broken, 'app:theme', true), 'dark');
  assert.equal(saveTheme(broken, 'app:theme', 'dark'), false);
  assert.equal(loadTheme(null, 'app:theme', false), 'light');
});

test('applying a theme marks the root element', () => {
  const root = { dataset: {} };
  applyTheme(root, 'dark');
  assert.equal(root.dataset.theme, 'dark');
});
