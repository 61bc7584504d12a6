import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';

const TEXT_STATS = js`// Counts and case changes for a piece of text, as pure functions. Words and characters are read
// the way a person counts them: "don't" and "well-known" are one word each, an emoji or an accented
// letter is one character, and numbers count as words.

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Words commonly left out of a "most used words" list. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there they this to too up us was we were what when which who will with you your'
  ).split(' '),
);

/** The words of the text, in order, as written. */
export function words(text) {
  return String(text ?? '').match(WORD) ?? [];
}

/** Characters as a person sees them (one per emoji or accented letter), spaces included. */
export function characters(text, segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null) {
  const value = String(text ?? '');
  if (segmenter) {
    let count = 0;
    for (const _ of segmenter.segment(value)) count += 1;
    return count;
  }
  return [...value].length;
}

/** Sentences: runs of text ending in . ! ? (or the end of the text) that hold at least one word. */
export function sentences(text) {
  return String(text ?? '')
    .split(/(?<=[.!?…])\s+|\n+/)
    .filter((part) => words(part).length > 0).length;
}

/** Paragraphs: blocks of text separated by a blank line. */
export function paragraphs(text) {
  return String(text ?? '')
    .split(/\n\s*\n/)
    .filter((part) => part.trim() !== '').length;
}

/** Minutes to read at an average 200 words a minute: "under a minute", "1 min", "4 min". */
export function readingTime(wordCount, wordsPerMinute = 200) {
  if (wordCount === 0) return '0 min';
  if (wordCount < wordsPerMinute / 2) return 'under a minute';
  return Math.max(1, Math.round(wordCount / wordsPerMinute)) + ' min';
}

/** Everything the page shows about the text. */
export function textStats(text) {
  const list = words(text);
  const value = String(text ?? '');
  return {
    words: list.length,
    characters: characters(value),
    charactersNoSpaces: characters(value.replace(/\s+/g, '')),
    sentences: sentences(value),
    paragraphs: paragraphs(value),
    readingTime: readingTime(list.length),
  };
}

/** The most used words, stop words left out: [{ word, count }], most used first, then A–Z. */
export function topWords(text, limit = 5) {
  const counts = new Map();
  for (const word of words(text)) {
    const key = word.toLocaleLowerCase();
    if (STOP_WORDS.has(key) || /^\d+$/.test(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, limit);
}

/** How the text stands against a character limit: null without a limit. */
export function limitStatus(characterCount, limit) {
  if (!Number.isInteger(limit) || limit <= 0) return null;
  const left = limit - characterCount;
  const count = (n) => n + (n === 1 ? ' character' : ' characters');
  return { left, over: left < 0, text: left >= 0 ? count(left) + ' left' : count(-left) + ' over the limit' };
}

export function upperCase(text) {
  return String(text ?? '').toLocaleUpperCase();
}

export function lowerCase(text) {
  return String(text ?? '').toLocaleLowerCase();
}

/** Every word with a capital first letter and the rest lower case. */
export function titleCase(text) {
  return String(text ?? '').replace(WORD, (word) => word.charAt(0).toLocaleUpperCase() + word.slice(1).toLocaleLowerCase());
}

/** Lower case, with a capital at the start of each sentence. */
export function sentenceCase(text) {
  return lowerCase(text).replace(/(^\s*|[.!?…]\s+|\n\s*)(\p{L})/gu, (_, before, letter) => before + letter.toLocaleUpperCase());
}

/** A stored limit as a positive whole number, or null. */
export function parseLimit(raw) {
  const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
  return Number.isInteger(value) && value > 0 && value <= 1000000 ? value : null;
}
`;

const TEXT_STATS_TEST = js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  characters,
  limitStatus,
  lowerCase,
  paragraphs,
  parseLimit,
  readingTime,
  sentenceCase,
  sentences,
  textStats,
  titleCase,
  topWords,
  upperCase,
  words,
} from '../src/text-stats.js';

test('words are counted as a person counts them', () => {
  assert.equal(words('').length, 0);
  assert.equal(words('   ').length, 0);
  assert.equal(words('Hello, world!').length, 2);
  assert.equal(words("Don't stop: a well-known fact.").length, 5);
  assert.equal(words('Café au lait costs 3 euros').length, 6);
  assert.equal(words('one\ntwo\tthree — four').length, 4);
});

test('characters count an emoji or an accented letter once, with and without spaces', () => {
  assert.equal(characters('abc'), 3);
  assert.equal(characters('café'), 4);
  assert.equal(characters('e\u0301'), 1);
  assert.equal(characters('👍🏽 ok'), 4);
  const stats = textStats('a b  c');
  assert.equal(stats.characters, 6);
  assert.equal(stats.charactersNoSpaces, 3);
});

test('sentences and paragraphs', () => {
  assert.equal(sentences('One. Two! Three? Four'), 4);
  assert.equal(sentences('...'), 0);
  assert.equal(sentences(''), 0);
  assert.equal(paragraphs('First line\nstill first\n\nSecond\n\n\n  \nThird'), 3);
  assert.equal(paragraphs('   '), 0);
});

test('reading time at 200 words a minute', () => {
  assert.equal(readingTime(0), '0 min');
  assert.equal(readingTime(50), 'under a minute');
  assert.equal(readingTime(200), '1 min');
  assert.equal(readingTime(900), '5 min');
});

test('the most used words leave out common words and numbers', () => {
  const top = topWords('The cat and the dog. The CAT sat; a dog ran, the cat ran 3 3 3.', 3);
  assert.deepEqual(top, [
    { word: 'cat', count: 3 },
    { word: 'dog', count: 2 },
    { word: 'ran', count: 2 },
  ]);
  assert.deepEqual(topWords(''), []);
});

test('a character limit says what is left or how far over', () => {
  assert.equal(limitStatus(10, null), null);
  assert.deepEqual(limitStatus(270, 280), { left: 10, over: false, text: '10 characters left' });
  assert.deepEqual(limitStatus(285, 280), { left: -5, over: true, text: '5 characters over the limit' });
  assert.equal(limitStatus(279, 280).text, '1 character left');
  assert.equal(parseLimit('280'), 280);
  assert.equal(parseLimit(' 0 '), null);
  assert.equal(parseLimit('abc'), null);
  assert.equal(parseLimit('2.5'), null);
});

test('case changes keep the words and change only their letters', () => {
  assert.equal(upperCase('Hello world'), 'HELLO WORLD');
  assert.equal(lowerCase('Hello World'), 'hello world');
  assert.equal(titleCase("the QUICK brown fox's den"), "The Quick Brown Fox's Den");
  assert.equal(sentenceCase('HELLO THERE. how are you? fine!\nnew line'), 'Hello there. How are you? Fine!\nNew line');
});
`;

function body(spec: AppSpec): string {
  return blocks(
    '      <section class="card" aria-labelledby="text-title">',
    '        <h2 id="text-title" class="visually-hidden">Your text</h2>',
    '        <div class="field">',
    '          <label for="text">Type or paste your text</label>',
    '          <textarea id="text" rows="10" spellcheck="true"></textarea>',
    '        </div>',
    '        <div class="row case">',
    '          <button id="upper" type="button">UPPER CASE</button>',
    '          <button id="lower" type="button">lower case</button>',
    '          <button id="title-case" type="button">Title Case</button>',
    '          <button id="sentence-case" type="button">Sentence case</button>',
    '          <button id="clear" type="button" class="danger">Clear</button>',
    '        </div>',
    '      </section>',
    '      <section class="card" aria-labelledby="stats-title">',
    '        <h2 id="stats-title">Counts</h2>',
    '        <dl class="stats">',
    '          <div><dt>Words</dt><dd id="words">0</dd></div>',
    '          <div><dt>Characters</dt><dd id="characters">0</dd></div>',
    '          <div><dt>Without spaces</dt><dd id="characters-no-spaces">0</dd></div>',
    '          <div><dt>Sentences</dt><dd id="sentences">0</dd></div>',
    '          <div><dt>Paragraphs</dt><dd id="paragraphs">0</dd></div>',
    '          <div><dt>Reading time</dt><dd id="reading-time">0 min</dd></div>',
    '        </dl>',
    '        <div class="row">',
    '          <div class="field">',
    '            <label for="limit">Character limit (optional)</label>',
    '            <input id="limit" type="number" min="1" step="1" inputmode="numeric" placeholder="e.g. 280">',
    '          </div>',
    '          <p id="limit-status" class="limit-status" aria-live="polite"></p>',
    '        </div>',
    '      </section>',
    '      <section class="card" aria-labelledby="top-title">',
    '        <h2 id="top-title">Most used words</h2>',
    '        <p id="top-empty" class="muted">Common words such as “the” and “and” are left out.</p>',
    '        <ol id="top-words"></ol>',
    '      </section>',
    `      <p class="muted">${escapeHtml(
      has(spec, 'local-storage')
        ? 'Your text stays in this browser and is there again when you come back.'
        : 'Your text stays on this page and is not saved.',
    )}</p>`,
  );
}

const CSS = js`.stats {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
  gap: 0.75rem;
  margin: 0;
}

.stats div {
  padding: 0.5rem 0.75rem;
  border-radius: 0.5rem;
  background: color-mix(in srgb, currentColor 6%, transparent);
}

.stats dt {
  font-size: 0.85rem;
  opacity: 0.8;
}

.stats dd {
  margin: 0;
  font-size: 1.5rem;
  font-variant-numeric: tabular-nums;
}

#text {
  width: 100%;
  min-height: 12rem;
  resize: vertical;
}

.case {
  margin-top: 0.75rem;
  flex-wrap: wrap;
}

.limit-status.over {
  color: #c62828;
  font-weight: 600;
}
`;

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  return blocks(
    ...sharedImports(spec),
    importLine(
      ['limitStatus', 'lowerCase', 'parseLimit', 'sentenceCase', 'textStats', 'titleCase', 'topWords', 'upperCase'],
      './text-stats.js',
    ),
    '',
    mainPreamble(spec),
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'text'))}, {
  fallback: { text: '', limit: null },
  revive: (raw) => ({ text: typeof raw.text === 'string' ? raw.text : '', limit: parseLimit(raw.limit) }),
});
let state = store.load();`
      : js`let state = { text: '', limit: null };`,
    js`
const textArea = byId('text');
const limitInput = byId('limit');
const limitLine = byId('limit-status');
const topList = byId('top-words');

function save() {
${saves ? '  store.save(state);' : '  // Nothing is kept between visits: this build has no local storage.'}
}

function render() {
  const stats = textStats(state.text);
  byId('words').textContent = String(stats.words);
  byId('characters').textContent = String(stats.characters);
  byId('characters-no-spaces').textContent = String(stats.charactersNoSpaces);
  byId('sentences').textContent = String(stats.sentences);
  byId('paragraphs').textContent = String(stats.paragraphs);
  byId('reading-time').textContent = stats.readingTime;
  const limit = limitStatus(stats.characters, state.limit);
  limitLine.textContent = limit ? limit.text : '';
  limitLine.classList.toggle('over', Boolean(limit && limit.over));
  topList.replaceChildren(
    ...topWords(state.text).map(({ word, count }) => {
      const item = document.createElement('li');
      item.textContent = word + ' (' + count + ')';
      return item;
    }),
  );
}

function setText(text) {
  state = { ...state, text };
  if (textArea.value !== text) textArea.value = text;
  save();
  render();
}

textArea.addEventListener('input', () => setText(textArea.value));
limitInput.addEventListener('input', () => {
  state = { ...state, limit: parseLimit(limitInput.value) };
  save();
  render();
});
byId('upper').addEventListener('click', () => setText(upperCase(state.text)));
byId('lower').addEventListener('click', () => setText(lowerCase(state.text)));
byId('title-case').addEventListener('click', () => setText(titleCase(state.text)));
byId('sentence-case').addEventListener('click', () => setText(sentenceCase(state.text)));
byId('clear').addEventListener('click', () => {
  setText('');
  textArea.focus();
});

textArea.value = state.text;
limitInput.value = state.limit === null ? '' : String(state.limit);
render();`,
    '',
  );
}

export function wordcountTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/text-stats.js', content: TEXT_STATS },
      { path: 'test/text-stats.test.js', content: TEXT_STATS_TEST },
    ],
    layout: { 'src/text-stats.js': 'word, character, sentence and paragraph counts and case changes as pure functions' },
  };
}
