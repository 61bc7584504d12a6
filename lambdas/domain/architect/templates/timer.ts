import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

const TIMER = staticSource('timer/timer.js');

const TIMER_TEST = staticSource('timer/timer-test.js');

/** The stopwatch feature: its card comes first (a stopwatch is what was asked for), the focus timer after. */
const withStopwatch = (spec: AppSpec): boolean => has(spec, 'stopwatch');

function body(spec: AppSpec): string {
  return blocks(
    withStopwatch(spec) && staticSource('timer/stopwatch.html').trimEnd(),
    '      <section class="card timer" aria-labelledby="phase">',
    '        <h2 id="phase" class="phase">Focus</h2>',
    '        <p id="clock" class="clock" role="timer" aria-live="off">25:00</p>',
    '        <progress id="progress" max="1" value="0" aria-label="Progress of this phase"></progress>',
    '        <div class="row controls">',
    '          <button id="start" type="button" class="primary">Start</button>',
    '          <button id="reset" type="button">Reset</button>',
    '          <button id="skip" type="button">Skip</button>',
    '        </div>',
    '        <p id="rounds" class="muted">0 focus rounds completed</p>',
    '        <p id="announce" class="visually-hidden" aria-live="polite"></p>',
    '      </section>',
    '      <section class="card" aria-labelledby="settings-title">',
    '        <h2 id="settings-title">Lengths</h2>',
    '        <form id="settings-form" class="row settings">',
    '          <div class="field">',
    '            <label for="focus-minutes">Focus (minutes)</label>',
    '            <input id="focus-minutes" type="number" min="1" max="180" step="1" inputmode="numeric">',
    '          </div>',
    '          <div class="field">',
    '            <label for="short-minutes">Short break (minutes)</label>',
    '            <input id="short-minutes" type="number" min="1" max="60" step="1" inputmode="numeric">',
    '          </div>',
    '          <div class="field">',
    '            <label for="long-minutes">Long break (minutes)</label>',
    '            <input id="long-minutes" type="number" min="1" max="120" step="1" inputmode="numeric">',
    '          </div>',
    '          <div class="field">',
    '            <label for="rounds-before-long">Rounds before a long break</label>',
    '            <input id="rounds-before-long" type="number" min="1" max="12" step="1" inputmode="numeric">',
    '          </div>',
    '          <button type="submit">Apply</button>',
    '        </form>',
    `        <p class="muted">${escapeHtml(
      has(spec, 'local-storage')
        ? `Lengths and completed rounds${withStopwatch(spec) ? ', and the stopwatch,' : ''} are kept in this browser.`
        : 'Changing a length restarts the current phase.',
    )}</p>`,
    '      </section>',
  );
}

const CSS = staticSource('timer/css.css');

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  return blocks(
    ...sharedImports(spec),
    js`import {
  applySettings,
  createTimer,
  formatClock,${saves ? '\n  normalizeSettings,' : ''}
  pause,
  PHASE_LABELS,
  progress,
  reset,
  skip,
  start,
  tick,
} from './timer.js';`,
    withStopwatch(spec) &&
      importLine(
        [
          'createStopwatch',
          'elapsed as stopwatchElapsed',
          'formatElapsed',
          'lap',
          'lapRows',
          saves && 'normalizeStopwatch',
          'reset as resetWatch',
          'start as startWatch',
          'stop as stopWatch',
        ],
        './stopwatch.js',
      ),
    '',
    mainPreamble(spec),
    js`const TITLE = ${jsString(spec.title)};`,
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'timer'))}, {
  fallback: { settings: createTimer().settings, completed: 0 },
  revive: (raw) => ({
    settings: normalizeSettings(raw.settings),
    completed: Number.isInteger(raw.completed) && raw.completed >= 0 ? raw.completed : 0,
  }),
});
const saved = store.load();
let timer = createTimer(saved.settings, saved.completed);`
      : js`let timer = createTimer();`,
    withStopwatch(spec) &&
      (saves
        ? js`const watchStore = createStore(storage, ${jsString(storageKey(spec, 'stopwatch'))}, {
  fallback: createStopwatch(),
  revive: (raw) => normalizeStopwatch(raw, Date.now()),
});
let watch = watchStore.load();

function saveWatch() {
  watchStore.save(watch);
}
`
        : js`let watch = createStopwatch();

function saveWatch() {
  // Nothing is kept between visits: this build has no local storage.
}
`),
    fillSlots(staticSource('timer/main-rest.js'), { saveTimer: saves ? '  if (before.completed !== timer.completed || before.settings !== timer.settings) {\n    store.save({ settings: timer.settings, completed: timer.completed });\n  }\n' : '' }),
    withStopwatch(spec) && staticSource('timer/stopwatch-main.js'),
  );
}

export function timerTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/timer.js', content: TIMER },
      { path: 'test/timer.test.js', content: TIMER_TEST },
      ...(withStopwatch(spec)
        ? [
            { path: 'src/stopwatch.js', content: staticSource('timer/stopwatch.js') },
            { path: 'test/stopwatch.test.js', content: staticSource('timer/stopwatch-test.js') },
          ]
        : []),
    ],
    layout: {
      'src/timer.js': 'the pomodoro timer as a pure state machine (time is passed in)',
      ...(withStopwatch(spec) ? { 'src/stopwatch.js': 'the stopwatch and its laps as a pure state machine (time is passed in)' } : {}),
    },
  };
}
