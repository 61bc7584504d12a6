import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../src/storage.js';

{{fakeStorage}}

const fallback = { items: [] };

test('a saved value loads back unchanged', () => {
  const storage = new MemoryStorage();
  const store = createStore(storage, 'app:data', { fallback });
  assert.equal(store.save({ items: [1, 2, 3], label: 'x' }), true);
  assert.deepEqual(createStore(storage, 'app:data', { fallback }).load(), { items: [1, 2, 3], label: 'x' });
});

test('nothing saved yet gives the fallback', () => {
  assert.equal(createStore(new MemoryStorage(), 'app:data', { fallback }).load(), fallback);
});

test('corrupt JSON gives the fallback instead of an exception', () => {
  const storage = new MemoryStorage();
  storage.setItem('app:data', '{not json');
  assert.equal(createStore(storage, 'app:data', { fallback }).load(), fallback);
});

test('revive repairs what was stored', () => {
  const storage = new MemoryStorage();
  storage.setItem('app:data', JSON.stringify({ items: 'wrong' }));
  const store = createStore(storage, 'app:data', {
    fallback,
    revive: (raw) => ({ items: Array.isArray(raw.items) ? raw.items : [] }),
  });
  assert.deepEqual(store.load(), { items: [] });
});

test('a full or missing storage never throws', () => {
  const full = new MemoryStorage();
  full.setItem = () => {
    throw new Error('QuotaExceededError');
  };
  assert.equal(createStore(full, 'app:data', { fallback }).save({ items: [1] }), false);
  const none = createStore(null, 'app:data', { fallback });
  assert.equal(none.save({ items: [1] }), false);
  assert.equal(none.load(), fallback);
});

test('clear removes only its own key', () => {
  const storage = new MemoryStorage();
  storage.setItem('other', 'kept');
  const store = createStore(storage, 'app:data', { fallback });
  store.save({ items: [1] });
  store.clear();
  assert.equal(storage.getItem('app:data'), null);
  assert.equal(storage.getItem('other'), 'kept');
});
