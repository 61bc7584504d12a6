import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildExport, EXPORT_FORMAT, exportFileName, serializeExport } from '../src/export.js';

test('an export describes itself and counts its items', () => {
  const data = buildExport('My App', 'tasks', [{ id: 1 }, { id: 2 }]);
  assert.equal(data.app, 'My App');
  assert.equal(data.kind, 'tasks');
  assert.equal(data.format, EXPORT_FORMAT);
  assert.equal(data.count, 2);
});

test('an export is a copy, not a view of live data', () => {
  const items = [{ id: 1, title: 'before' }];
  const data = buildExport('App', 'notes', items);
  items[0].title = 'after';
  assert.equal(data.items[0].title, 'before');
});

test('the serialized export parses back to the same data', () => {
  const data = buildExport('App', 'tasks', [{ id: 1, title: 'Write "quotes" & <tags>' }]);
  assert.deepEqual(JSON.parse(serializeExport(data)), data);
});

test('the file name carries the project and the day', () => {
  assert.equal(exportFileName('my-app', new Date(Date.UTC(2024, 4, 1, 12))), 'my-app-2024-05-01.json');
});
