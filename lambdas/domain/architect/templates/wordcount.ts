import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

const TEXT_STATS = staticSource('wordcount/text-stats.js');

const TEXT_STATS_TEST = staticSource('wordcount/text-stats-test.js');

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

const CSS = staticSource('wordcount/css.css');

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
    fillSlots(staticSource('wordcount/main-rest.js'), { saveText: saves ? '  store.save(state);' : '  // Nothing is kept between visits: this build has no local storage.' }),
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
