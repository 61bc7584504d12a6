import { has, type AppSpec, type KindTemplate } from './app-spec';
import { fixedBody, fixedMain } from './shared';
import { staticSource } from './static-sources';

/**
 * The clock kind: a world clock. The time here and in the cities chosen, each with its offset from
 * UTC, its day and how far ahead or behind it is, and a converter from a date and time in one zone
 * to every city's clock with the hours that are working hours everywhere. It reads the browser's
 * own time-zone data (Intl), so summer time is right without a table of rules. The logic is
 * `static/clock/zones.js` with its tests; the page script and markup are fixed too.
 */

function body(spec: AppSpec): string {
  return fixedBody(spec, 'clock', 'Your cities are kept in this browser.', 'Your cities last until the page is closed.');
}

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  return fixedMain(spec, {
    names: [
      'addCity',
      'CITIES',
      'cityName',
      'dayShift',
      'DEFAULT_CITIES',
      'difference',
      'formatDate',
      'formatOffset',
      'formatTime',
      'instantAt',
      'isWorkingHour',
      'MAX_CITIES',
      saves && 'normalizeCities',
      'offsetMinutes',
      'partOfDay',
      'removeCity',
      'sharedWorkingHours',
      'wallClock',
    ],
    module: 'zones.js',
    state: ['clock', '{ cities: [...DEFAULT_CITIES] }', '(raw) => ({ cities: normalizeCities(raw.cities) })'],
    script: 'clock/main.js',
  });
}

export function clockTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: staticSource('clock/css.css'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/zones.js', content: staticSource('clock/zones.js') },
      { path: 'test/zones.test.js', content: staticSource('clock/zones-test.js') },
    ],
    layout: { 'src/zones.js': "cities and their time zones, offsets, conversions and shared working hours, from the browser's Intl data" },
  };
}
