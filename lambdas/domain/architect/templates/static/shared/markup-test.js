import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
const main = readFileSync(new URL('../src/main.js', import.meta.url), 'utf8');
const TITLE = {{title}};

function attribute(attrs, name) {
  const match = new RegExp('\\s' + name + '="([^"]*)"').exec(attrs);
  return match ? match[1] : null;
}

test('the page title and heading name the app', () => {
  assert.ok(html.includes('<title>' + TITLE + '</title>'));
  assert.ok(html.includes('<h1>' + TITLE + '</h1>'));
});

test('every element the script looks up exists in the page', () => {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
  const wanted = [...main.matchAll(/byId\('([^']+)'\)/g)].map((match) => match[1]);
  assert.ok(wanted.length > 0);
  for (const id of wanted) assert.ok(ids.has(id), 'index.html has no #' + id);
});

test('ids are unique', () => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
  assert.equal(new Set(ids).size, ids.length);
});

test('every form control has a label', () => {
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((match) => match[1]));
  for (const match of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const id = attribute(match[2], 'id');
    assert.ok(attribute(match[2], 'aria-label') || (id && labelled.has(id)), match[0] + ' has no label');
  }
});

test('every button has an accessible name', () => {
  for (const match of html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)) {
    const text = match[2].replace(/<[^>]*>/g, '').trim();
    assert.ok(text.length > 0 || attribute(match[1], 'aria-label'), match[0] + ' has no name');
  }
});

test('assets are linked relatively so the app works under a sub-path', () => {
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(refs.includes('./src/main.js'));
  for (const ref of refs) assert.ok(!ref.startsWith('/'), ref + ' is absolute');
});
