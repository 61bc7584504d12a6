import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { clearHistoryScript, historySection, mainPreamble, renderHistoryScript, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';
import { RANDOM_TOOLS, randomToolOf, type RandomTool } from './titles';

const RANDOM = staticSource('randomizer/random.js');

const RANDOM_TEST = staticSource('randomizer/random-test.js');

function toolOrder(spec: AppSpec): RandomTool[] {
  const lead = randomToolOf(spec.title).tool;
  return [lead, ...RANDOM_TOOLS.filter((tool) => tool !== lead)];
}

function body(spec: AppSpec): string {
  return blocks(
    // One card per tool, fixed: its inputs, its button, its result and its error.
    ...toolOrder(spec).map((tool) => staticSource(`randomizer/card-${tool}.html`).trimEnd()),
    `      <p class="muted">${escapeHtml(
      'Every draw uses this browser’s secure random generator. Passwords are made here and never saved' +
        (has(spec, 'local-storage') ? '; the settings are kept in this browser.' : '.'),
    )}</p>`,
    has(spec, 'history') && historySection('Recent results', 'Nothing here yet. Every roll, flip, draw and pick is listed here.'),
  );
}

const CSS = staticSource('randomizer/css.css');

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const history = has(spec, 'history');
  return blocks(
    ...sharedImports(spec),
    importLine(
      [
        'cryptoSource',
        'DEFAULT_SETTINGS',
        'flipCoins',
        'makePassword',
        'normalizeSettings',
        'parseChoices',
        'parseWhole',
        'passwordStrength',
        'pickOne',
        'poolSize',
        'randomBetween',
        'rollDice',
      ],
      './random.js',
    ),
    history && js`import { addEntry${saves ? ', normalizeHistory' : ''} } from './history.js';`,
    '',
    mainPreamble(spec),
    saves
      ? fillSlots(staticSource('randomizer/store.js'), {
          key: jsString(storageKey(spec, 'randomizer')),
          revivedHistory: history ? 'normalizeHistory(raw.history)' : '[]',
          historyLet: history ? '\nlet history = saved.history;' : '',
        }).trimEnd()
      : js`let settings = normalizeSettings(DEFAULT_SETTINGS);
let draws = 0;${history ? '\nlet history = [];' : ''}`,
    staticSource('randomizer/elements.js'),
    history &&
      staticSource('shared/history-elements.js'),
    fillSlots(staticSource('randomizer/save-settings.js'), {
      saveLine: saves
        ? `  store.save({ settings, draws${history ? ', history' : ''} });`
        : '  // Nothing is kept between visits: this build has no local storage.',
    }),
    history
      ? js`${renderHistoryScript(' → ')}
${clearHistoryScript('  save();\n')}
${staticSource('randomizer/remember-history.js')}`
      : js`function remember() {
  draws += 1;
  save();
}
`,
    staticSource('randomizer/tools-main.js'),
    history && 'renderHistory();',
    '',
  );
}

export function randomizerTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/random.js', content: RANDOM },
      { path: 'test/random.test.js', content: RANDOM_TEST },
    ],
    layout: {
      'src/random.js': 'dice, coins, numbers, picks and passwords as pure functions of a random source (crypto on the page)',
    },
  };
}
