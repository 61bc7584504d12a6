import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type IntervalSettings, type KindTemplate } from './app-spec';
import { INTERVAL_DEFAULTS } from './interval-workout';
import { mainPreamble, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

const TIMER = staticSource('timer/timer.js');

const TIMER_TEST = staticSource('timer/timer-test.js');

/** The stopwatch feature: its card comes first (a stopwatch is what was asked for), the focus timer after. */
const withStopwatch = (spec: AppSpec): boolean => has(spec, 'stopwatch');
/** The interval timer feature: it takes the focus timer's place (a workout's rounds are what was asked for). */
const withIntervals = (spec: AppSpec): boolean => has(spec, 'intervals');
/** The metronome feature: its card comes first of all (a metronome is what was asked for). */
const withMetronome = (spec: AppSpec): boolean => has(spec, 'metronome');

function body(spec: AppSpec): string {
  const also = [withMetronome(spec) && "the metronome's tempo", withStopwatch(spec) && 'the stopwatch'].filter(Boolean).join(' and ');
  const kept = withIntervals(spec)
    ? `The workout${also ? `, ${also},` : ''} ${also ? 'are' : 'is'} kept in this browser.`
    : `Lengths and completed rounds${also ? `, and ${also},` : ''} are kept in this browser.`;
  return blocks(
    withMetronome(spec) && staticSource('timer/metronome.html').trimEnd(),
    withStopwatch(spec) && staticSource('timer/stopwatch.html').trimEnd(),
    withIntervals(spec) ? staticSource('timer/intervals.html').trimEnd() : staticSource('timer/pomodoro.html'),
    `        <p class="muted">${escapeHtml(
      has(spec, 'local-storage')
        ? kept
        : withIntervals(spec)
          ? 'Changing the workout starts it again from the top.'
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
    withIntervals(spec)
      ? importLine(
          [
            'applySettings as applyIntervalSettings',
            'createIntervals',
            'formatClock as formatIntervalClock',
            saves && 'normalizeSettings as normalizeIntervalSettings',
            'pause as pauseIntervals',
            'PHASE_LABELS as INTERVAL_LABELS',
            'progress as intervalsProgressOf',
            'reset as resetIntervals',
            'roundLabel',
            'skip as skipIntervals',
            'start as startIntervals',
            'tick as tickIntervals',
            'totalMs',
          ],
          './intervals.js',
        )
      : js`import {
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
    withMetronome(spec) &&
      importLine(
        [
          'BEAT_CHOICES',
          'beatAt',
          'beatMs',
          'createMetronome',
          saves && 'normalizeMetronome',
          'setBeats',
          'setBpm',
          'start as startMetronome',
          'stop as stopMetronome',
          'tapTempo',
          'tempoName',
        ],
        './metronome.js',
      ),
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
    withIntervals(spec)
      ? saves
        ? fillSlots(staticSource('timer/intervals-store.js'), { key: jsString(storageKey(spec, 'intervals')) }).trimEnd()
        : js`let intervals = createIntervals();

function saveIntervals() {
  // Nothing is kept between visits: this build has no local storage.
}`
      : saves
        ? fillSlots(staticSource('timer/store.js'), { key: jsString(storageKey(spec, 'timer')) }).trimEnd()
        : js`let timer = createTimer();`,
    withMetronome(spec) &&
      (saves
        ? fillSlots(staticSource('timer/metronome-store.js'), { key: jsString(storageKey(spec, 'metronome')) })
        : js`let metronome = createMetronome();

function saveMetronome() {
  // Nothing is kept between visits: this build has no local storage.
}
`),
    withStopwatch(spec) &&
      (saves
        ? fillSlots(staticSource('timer/watch-store.js'), { key: jsString(storageKey(spec, 'stopwatch')) })
        : js`let watch = createStopwatch();

function saveWatch() {
  // Nothing is kept between visits: this build has no local storage.
}
`),
    withIntervals(spec)
      ? staticSource('timer/intervals-main.js')
      : fillSlots(staticSource('timer/main-rest.js'), { saveTimer: saves ? '  if (before.completed !== timer.completed || before.settings !== timer.settings) {\n    store.save({ settings: timer.settings, completed: timer.completed });\n  }\n' : '' }),
    withStopwatch(spec) && staticSource('timer/stopwatch-main.js'),
    withMetronome(spec) && staticSource('timer/metronome-main.js'),
  );
}

/** The interval timer's module with the workout asked for as its defaults. */
function intervalsModule(settings: IntervalSettings): string {
  const { prepareSeconds, workSeconds, restSeconds, rounds } = settings;
  return fillSlots(staticSource('timer/intervals.js'), {
    defaults: `{ prepareSeconds: ${prepareSeconds}, workSeconds: ${workSeconds}, restSeconds: ${restSeconds}, rounds: ${rounds} }`,
  });
}

export function timerTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      ...(withIntervals(spec)
        ? [
            { path: 'src/intervals.js', content: intervalsModule(spec.intervals ?? INTERVAL_DEFAULTS) },
            { path: 'test/intervals.test.js', content: staticSource('timer/intervals-test.js') },
          ]
        : [
            { path: 'src/timer.js', content: TIMER },
            { path: 'test/timer.test.js', content: TIMER_TEST },
          ]),
      ...(withMetronome(spec)
        ? [
            { path: 'src/metronome.js', content: staticSource('timer/metronome.js') },
            { path: 'test/metronome.test.js', content: staticSource('timer/metronome-test.js') },
          ]
        : []),
      ...(withStopwatch(spec)
        ? [
            { path: 'src/stopwatch.js', content: staticSource('timer/stopwatch.js') },
            { path: 'test/stopwatch.test.js', content: staticSource('timer/stopwatch-test.js') },
          ]
        : []),
    ],
    layout: {
      ...(withIntervals(spec)
        ? { 'src/intervals.js': 'the interval timer (get ready, work and rest by rounds) as a pure state machine (time is passed in)' }
        : { 'src/timer.js': 'the pomodoro timer as a pure state machine (time is passed in)' }),
      ...(withStopwatch(spec) ? { 'src/stopwatch.js': 'the stopwatch and its laps as a pure state machine (time is passed in)' } : {}),
      ...(withMetronome(spec)
        ? { 'src/metronome.js': 'the metronome (tempo, bar, tap tempo and the beat due at a moment) as pure functions' }
        : {}),
    },
  };
}
