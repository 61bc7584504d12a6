/**
 * Parts of a request that a static app could have but the offline architect's apps do not: a
 * chart, a CSV file, spaced repetition, totals per month, a goal, subtasks, sound. The app is still built from the
 * rest of the request, and each such part is named in the reading's `left_out`, so the person is
 * told what their app lacks instead of finding out.
 *
 * Each entry names what was asked and what the app does instead. A part the app does have is never
 * named: the kanban board's cards move by drag and drop, and JSON export and import are a
 * behaviour of their own.
 */

import { wordPattern } from './word-lists';

/** What the app being built is: a kind template (by id) or a compiled spec. */
export interface BuiltApp {
  readonly kind: string | null;
  /** True when the app exports and imports its records as a JSON file. */
  readonly exportsJson: boolean;
  /** True when the app shows an average of its records. */
  readonly averages?: boolean;
}

interface Gap {
  /** The words that ask for the part. */
  readonly asks: RegExp;
  /** More words that ask for it (kept apart only to stay readable). */
  readonly also?: RegExp;
  /** The same words meaning something else ("a chore chart" is a tracker, not a graph), read where they were found. */
  readonly unless?: RegExp;
  /** Kinds whose template has the part. */
  readonly hasIt?: readonly string[];
  /** A compiled spec has the part (as a field of its own), so only kind templates lack it. */
  readonly specHasIt?: boolean;
  /** The app has the part (decided from what was built). */
  readonly has?: (app: BuiltApp) => boolean;
  readonly need: string | ((app: BuiltApp) => string);
}

const PERIOD = '(?:weekly|monthly|yearly|annual|quarterly)';
const EACH_PERIOD = '(?:per|by|for each|each|every|a) (?:week|month|year|quarter)\\b';
const SUMMARY = '(?:totals?|stats|statistics|summar(?:y|ies)|reports?|averages?|breakdowns?|overviews?)';

const GAPS: readonly Gap[] = [
  {
    asks: wordPattern('chartAsks'),
    unless: wordPattern('chartsOtherMeaning'),
    need: 'charts and graphs (the app shows its records in lists, tables, cards, boards or calendars, with totals and counts)',
  },
  {
    asks: /\b(csv|excel|xlsx|pdfs?|google sheets)\b/,
    need: (app) =>
      app.exportsJson
        ? 'CSV, Excel or PDF files (the app exports and imports its records as a JSON file instead)'
        : 'CSV, Excel or PDF files (the app writes no files)',
  },
  {
    asks: /\b(spaced[- ]repetition|leitner|review schedule)\b/,
    need: 'spaced repetition (the cards flip and can be filtered, but are not scheduled for review)',
  },
  {
    asks: wordPattern('dragAsks'),
    hasIt: ['board'],
    need: 'drag and drop (nothing in the app moves by dragging)',
  },
  {
    asks: new RegExp(
      `\\b${PERIOD}\\b[^.;]{0,30}?\\b${SUMMARY}\\b|\\b${SUMMARY}\\b[^.;]{0,20}?\\b${EACH_PERIOD}` +
        // The same ask as a verb: "adds up my hours per week", "counts the visits each month".
        `|\\b(?:adds?|adding|sums?|summing|totals|totall?ing|counts|counting) (?:up )?[^.;]{0,30}?\\b${EACH_PERIOD}`,
    ),
    need: 'totals or statistics per week, month or year (its totals cover all the records shown, or each day or value of a field)',
  },
  {
    asks: /\b(averages?|averaged|avg)\b/,
    // A compiled app averages a number, money or rating field (when it has one).
    has: (app) => app.averages === true,
    need: (app) =>
      app.kind
        ? 'averages (the app sums and counts its records)'
        : 'averages (the records have no number, amount or rating to average)',
  },
  {
    asks: wordPattern('timelineAsks'),
    need: 'a week, hour or timeline view (a calendar lists the records by month and day)',
  },
  {
    asks: /\bmedians?\b/,
    need: 'medians (the app sums, counts and averages its records)',
  },
  {
    asks: wordPattern('repeatingAsks'),
    need: 'records that repeat on a schedule (each record is entered once)',
  },
  {
    asks: wordPattern('nestedAsks'),
    need: 'records inside records, such as subtasks (each record stands on its own)',
  },
  {
    asks: wordPattern('progressBarAsks'),
    need: 'progress bars (the app shows counts and totals)',
  },
  {
    asks: wordPattern('soundAsks'),
    need: 'sounds, voice and audio (the app is silent)',
  },
  {
    asks: wordPattern('splitAsks'),
    // Who owes me is what a list of money owed keeps: it does not split.
    unless: /\bwho owes (?:me|us)\b/,
    hasIt: ['calculator'],
    need: 'working out who owes whom (the app adds the amounts up; it does not split them)',
  },
  {
    asks: wordPattern('goalAsks'),
    // The same ask by its unit or period ("a page-per-day goal", "a goal each week", "a step
    // target"), or as a budget to stay within ("a monthly budget", "over budget").
    also: wordPattern('goalAlso'),
    need: 'a goal or a limit and the progress towards it (the app shows totals, not how far they are from a target)',
  },
  {
    asks: wordPattern('personalBestAsks'),
    need: 'best results such as personal records (the app sums and counts its records; it does not pick out the best one)',
  },
  {
    asks: wordPattern('madeListAsks'),
    // A shopping list beside the recipes or meals it would come from.
    also: wordPattern('madeListAlso'),
    need: 'a list built from other records, such as a shopping list from the recipes (you enter each record yourself)',
  },
  {
    asks: wordPattern('scalingAsks'),
    need: 'scaling a recipe to more or fewer servings (each recipe keeps the amounts written in it)',
  },
  {
    asks: wordPattern('marketPriceAsks'),
    // Stocks of food or supplies have no market price.
    unless: wordPattern('stockNotShares'),
    need: 'current market prices and gains (the app keeps what you paid; it fetches no prices)',
  },
  {
    asks: /\bmaps?\b/,
    unless: wordPattern('mapOtherMeaning'),
    need: 'a map (the app keeps the places as a list; it draws no map)',
  },
  {
    // The world clock converts between zones; the converter names them as a conversion it lacks.
    asks: /\btime ?zones?\b/,
    hasIt: ['clock', 'converter'],
    need: 'time zones (times are kept as entered; a world clock converts between zones)',
  },
  {
    asks: /\bwikis?\b/,
    need: 'pages that link to each other and that other people edit (each note stands alone, in this browser)',
  },
  {
    asks: wordPattern('spellCheckAsks'),
    need: 'checking spelling or grammar (the app has no dictionary)',
  },
  {
    asks: /\bfavou?rites?\b|\bstarred\b/,
    hasIt: ['feed'],
    specHasIt: true,
    need: 'favourites (nothing in the app can be marked as a favourite)',
  },
  {
    asks: wordPattern('taskListBesideTimerAsks'),
    specHasIt: true,
    need: 'a task list beside the timer (the timer counts down focus and break phases)',
  },
  {
    asks: /\bmarkdown\b|\brich text\b/,
    need: 'markdown or rich text formatting (the text is shown as written)',
  },
  {
    asks: wordPattern('repaymentScheduleAsks'),
    // Only the loan calculator is asked for one: a debt list's "payment schedule" is its due dates.
    has: (app) => app.kind !== 'calculator',
    need: 'a payment-by-payment schedule (the calculator works out the monthly payment, the total paid and the interest)',
  },
  {
    asks: /\bmagic (?:8|eight) balls?\b/,
    need: "the magic 8-ball's own answers (the picker draws from a list you write)",
  },
  {
    asks: wordPattern('teamSplitAsks'),
    need: 'splitting names into teams (the picker draws one name from a list at a time)',
  },
  {
    // Flashcards hold what you write on them: a drill makes up no questions and marks no answers.
    asks: wordPattern('quizAsks'),
    need: 'questions made up and answers marked for you (you write each card, and the game flips them)',
  },
  {
    // A compiled spec names it among what its records cannot do (recordsTool).
    asks: wordPattern('formAsks'),
    specHasIt: true,
    need: (app) =>
      app.kind === 'page'
        ? 'a form that sends what visitors fill in (the page has no server to receive it; visitors get in touch by its e-mail link)'
        : 'a form that sends what visitors fill in (the app has no server to receive it)',
  },
  {
    asks: wordPattern('lessonAsks'),
    need: 'lessons, exercises and grading (the app is a deck of flashcards you write yourself)',
  },
];

/** A negation just before the words ("no charts", "without a monthly report"). */
const NEGATED_BEFORE = wordPattern('negatedBefore');

/** Each gap's words, to find every place they occur (made once; `matchAll` copies its regex). */
const EVERY_ASK = GAPS.map((gap) => new RegExp(gap.also ? `${gap.asks.source}|${gap.also.source}` : gap.asks.source, 'g'));

/** The parts of `text` (normalised request text) that `app` will not have, in plain words. */
export function featureGaps(text: string, app: BuiltApp): string[] {
  const gaps: string[] = [];
  for (const [i, gap] of GAPS.entries()) {
    if (app.kind ? gap.hasIt?.includes(app.kind) : gap.specHasIt) continue;
    if (gap.has?.(app)) continue;
    const asked = [...text.matchAll(EVERY_ASK[i]!)].some((match) => {
      const end = match.index + match[0].length;
      if (gap.unless?.test(text.slice(Math.max(0, match.index - 24), end + 12))) return false;
      return !NEGATED_BEFORE.test(text.slice(0, match.index));
    });
    if (asked) gaps.push(typeof gap.need === 'string' ? gap.need : gap.need(app));
  }
  return gaps;
}
