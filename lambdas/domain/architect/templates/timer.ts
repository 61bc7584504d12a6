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
    staticSource('timer/pomodoro.html'),
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
      ? fillSlots(staticSource('timer/store.js'), { key: jsString(storageKey(spec, 'timer')) }).trimEnd()
      : js`let timer = createTimer();`,
    withStopwatch(spec) &&
      (saves
        ? fillSlots(staticSource('timer/watch-store.js'), { key: jsString(storageKey(spec, 'stopwatch')) })
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
