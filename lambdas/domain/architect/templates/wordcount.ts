import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

const TEXT_STATS = staticSource('wordcount/text-stats.js');

const TEXT_STATS_TEST = staticSource('wordcount/text-stats-test.js');

function body(spec: AppSpec): string {
  return blocks(
    staticSource('wordcount/body.html'),
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
      ? fillSlots(staticSource('wordcount/store.js'), { key: jsString(storageKey(spec, 'text')) }).trimEnd()
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
