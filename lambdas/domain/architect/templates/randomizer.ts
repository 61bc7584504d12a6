import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { clearHistoryScript, mainPreamble, renderHistoryScript, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';
import { RANDOM_TOOLS, randomToolOf, type RandomTool } from './titles';

const RANDOM = staticSource('randomizer/random.js');

const RANDOM_TEST = staticSource('randomizer/random-test.js');

/** A labelled input of a tool card. */
const input = (id: string, label: string, attrs: string, grow = false): string =>
  blocks(
    `          <div class="field${grow ? ' grow' : ''}">`,
    `            <label for="${id}">${label}</label>`,
    `            <input id="${id}" ${attrs}>`,
    '          </div>',
  );
const whole = (min: number, max: number, value: number): string =>
  `type="number" min="${min}" max="${max}" step="1" value="${value}" inputmode="numeric"`;
const check = (id: string, label: string): string =>
  `          <span class="check"><input id="${id}" type="checkbox" checked><label for="${id}">${label}</label></span>`;

/** One card per tool: its inputs, its button, its result and its error. */
function card(tool: RandomTool, title: string, fields: string, button: string, extra = ''): string {
  return blocks(
    `      <form id="${tool}-form" class="card tool" autocomplete="off">`,
    `        <h2>${title}</h2>`,
    fields,
    button,
    `        <p class="result"><output id="${tool}-result"${tool === 'password' ? ' class="password"' : ''} aria-live="polite">–</output></p>`,
    extra,
    `        <p id="${tool}-error" class="error" role="alert"></p>`,
    '      </form>',
  );
}

const submit = (label: string): string => `          <button type="submit" class="primary">${label}</button>`;
const row = (...parts: string[]): string => blocks('        <div class="row">', ...parts, '        </div>');

const CARDS: Readonly<Record<RandomTool, string>> = {
  dice: card('dice', 'Dice', row(input('dice', 'Dice (2d6, d20, 3d8+2)', 'value="2d6" spellcheck="false"', true), submit('Roll')), ''),
  coin: card('coin', 'Coins', row(input('coins', 'How many', whole(1, 100, 1)), submit('Flip')), ''),
  number: card(
    'number',
    'Number',
    row(input('min', 'From', 'value="1" inputmode="numeric"'), input('max', 'To', 'value="100" inputmode="numeric"'), submit('Draw')),
    '',
  ),
  pick: card(
    'pick',
    'Pick one',
    blocks(
      '        <div class="field">',
      '          <label for="choices">Choices (one per line or between commas)</label>',
      '          <textarea id="choices" rows="4"></textarea>',
      '        </div>',
    ),
    submit('Pick').replace(/^ {2}/, ''),
  ),
  password: card(
    'password',
    'Password',
    row(
      input('length', 'Length', whole(4, 128, 16)),
      check('lower', 'a–z'),
      check('upper', 'A–Z'),
      check('digits', '0–9'),
      check('symbols', '!#$…'),
    ),
    row(submit('Make one'), '          <button id="copy-password" type="button" disabled>Copy</button>'),
    '        <p id="password-strength" class="muted"></p>',
  ),
};

function toolOrder(spec: AppSpec): RandomTool[] {
  const lead = randomToolOf(spec.title).tool;
  return [lead, ...RANDOM_TOOLS.filter((tool) => tool !== lead)];
}

function body(spec: AppSpec): string {
  return blocks(
    ...toolOrder(spec).map((tool) => CARDS[tool]),
    `      <p class="muted">${escapeHtml(
      'Every draw uses this browser’s secure random generator. Passwords are made here and never saved' +
        (has(spec, 'local-storage') ? '; the settings are kept in this browser.' : '.'),
    )}</p>`,
    has(spec, 'history') &&
      blocks(
        '      <section class="card" aria-labelledby="history-title">',
        '        <div class="row spread">',
        '          <h2 id="history-title">Recent results</h2>',
        '          <button id="history-clear" type="button" class="danger">Clear history</button>',
        '        </div>',
        '        <p id="history-empty" class="muted">Nothing here yet. Every roll, flip, draw and pick is listed here.</p>',
        '        <ol id="history-list"></ol>',
        '      </section>',
      ),
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
/** Every result is its own entry, numbered: two equal rolls in a row are two rolls. */
function remember(what, result) {
  draws += 1;
  history = addEntry(history, { input: '#' + draws + ' ' + what, output: result });
  save();
  renderHistory();
}
`
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
