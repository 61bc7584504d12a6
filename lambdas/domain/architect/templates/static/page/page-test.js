import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
const sections = [...html.matchAll(/<section id="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)].map((m) => ({ id: m[1], inner: m[2] }));

test('the page has an introduction and sections, each with its heading', () => {
  assert.ok(sections.length >= 4);
  assert.equal(sections[0].id, 'intro');
  for (const section of sections.slice(1)) assert.match(section.inner, /<h2 id="[^"]+">[^<]+<\/h2>/, section.id + ' has no heading');
});

test('every menu link leads to a section of the page, and every section is in the menu', () => {
  const links = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
  const ids = sections.map((s) => s.id);
  for (const link of links) assert.ok(ids.includes(link), '#' + link + ' is not on the page');
  assert.deepEqual(links, ids.slice(1));
});

test('a visitor can get in touch: the contact section has an e-mail link', () => {
  const contact = sections.find((s) => s.id === 'contact');
  assert.ok(contact);
  assert.match(contact.inner, /href="mailto:[^"@]+@[^"]+"/);
});

test('the page loads nothing from other sites', () => {
  for (const m of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
    assert.ok(!/^(?:https?:)?\/\//i.test(m[1]), m[1] + ' is on another site');
  }
});
