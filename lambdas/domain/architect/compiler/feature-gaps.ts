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

import type { AppSpec } from './app-spec-schema';
import { WORD_LISTS, wordPattern } from './word-lists';

/** What the app being built is: a kind template (by id) or a compiled spec. */
export interface BuiltApp {
  readonly kind: string | null;
  /** True when the app exports and imports its records as a JSON file. */
  readonly exportsJson: boolean;
  /** True when the app shows an average of its records. */
  readonly averages?: boolean;
  /** True when the app shows how far its records have got to a goal or a limit. */
  readonly goals?: boolean;
  /** The periods the app totals its records per (by their date): day, week, month, year. */
  readonly periodTotals?: readonly string[];
  /** True when the app's records are one's best results, each entered as it is set. */
  readonly keepsBests?: boolean;
  /** True when the app works a figure out from two fields of each record (a ratio: miles per gallon, a pace). */
  readonly ratios?: boolean;
  /** True when the app picks out the records whose number has reached their own limit (low stock). */
  readonly thresholds?: boolean;
  /** True when the app shows what is left of money or days in and out (a balance). */
  readonly balances?: boolean;
}

/** What a compiled spec has of the parts the gaps name. */
export function specBuilt(spec: AppSpec): BuiltApp {
  const dates = new Set(spec.entities.flatMap((e) => e.fields.filter((f) => f.type === 'date').map((f) => `${e.id}.${f.id}`)));
  return {
    kind: null,
    exportsJson: spec.behaviours.some((b) => b.type === 'import-export'),
    // (A ratio over all the records is an average of its own: "my average pace" worked out.)
    averages: spec.behaviours.some((b) => b.type === 'average' || b.type === 'ratio'),
    goals: spec.behaviours.some((b) => b.type === 'goal' || b.type === 'count-goal'),
    periodTotals: spec.behaviours.flatMap((b) =>
      b.type === 'total' && b.by && dates.has(`${b.entity}.${b.by}`) ? [b.per ?? 'day'] : [],
    ),
    keepsBests: spec.entities.some((e) => e.id === 'best'),
    ratios: spec.behaviours.some((b) => b.type === 'ratio' || b.type === 'difference'),
    thresholds: spec.behaviours.some((b) => b.type === 'threshold'),
    balances: spec.behaviours.some((b) => b.type === 'balance'),
  };
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
  /** The app has the part these words ask for (one ask of several). */
  readonly hasAsked?: (app: BuiltApp, words: string) => boolean;
  readonly need: string | ((app: BuiltApp) => string);
}

const PERIOD = '(?:weekly|monthly|yearly|annual|quarterly)';
const EACH_PERIOD = '(?:per|by|for each|each|every|a) (?:week|month|year|quarter)\\b';
const SUMMARY = '(?:totals?|stats|statistics|summar(?:y|ies)|reports?|averages?|breakdowns?|overviews?)';

/** What each gap's app does instead, in plain words (packed with the word lists). */
const NEED = WORD_LISTS.gapNeeds;

const GAPS: readonly Gap[] = [
  {
    asks: wordPattern('chartAsks'),
    unless: wordPattern('chartsOtherMeaning'),
    need: NEED.charts,
  },
  {
    asks: wordPattern('spreadsheetFiles'),
    need: (app) => (app.exportsJson ? NEED.filesJson : NEED.filesNone),
  },
  {
    asks: wordPattern('reviewScheduleAsks'),
    need: NEED.spacedRepetition,
  },
  {
    // "a kanban board with columns for backlog, doing, review and done".
    // (Not the ones it has: "columns for to do, doing and done".)
    asks: wordPattern('columnsAsked'),
    // (Only a board has lists of its own.)
    has: (app) => app.kind !== 'board',
    need: NEED.boardColumns,
  },
  {
    asks: wordPattern('dragAsks'),
    hasIt: ['board'],
    need: NEED.drag,
  },
  {
    asks: new RegExp(
      `\\b${PERIOD}\\b[^.;]{0,30}?\\b${SUMMARY}\\b|\\b${SUMMARY}\\b[^.;]{0,20}?\\b${EACH_PERIOD}` +
        // The same ask as a verb: "adds up my hours per week", "counts the visits each month" (not
        // "that I add to every week", which says how often money goes in).
        `|\\b(?:adds?|adding|sums?|summing|totals|totall?ing|counts|counting) (?!to\\b)(?:up )?[^.;]{0,30}?\\b${EACH_PERIOD}` +
        // "compare them week to week", "month over month".
        `|\\b(week|month|year) (?:to|over|on) \\1\\b`,
    ),
    // Asked per a period the app totals per: "monthly totals" of an app with totals per month.
    hasAsked: (app, words) => {
      const periods = words.match(/\b(?:week|month|year|quarter|annual)/g) ?? [];
      return periods.length > 0 && periods.every((w) => app.periodTotals?.includes(w === 'annual' ? 'year' : w));
    },
    need: NEED.periodTotals,
  },
  {
    asks: /\b(averages?|averaged|avg)\b/,
    // A compiled app averages a number, money or rating field (when it has one).
    has: (app) => app.averages === true,
    need: (app) => (app.kind ? NEED.averagesKind : NEED.averagesSpec),
  },
  {
    asks: wordPattern('timelineAsks'),
    need: NEED.timeline,
  },
  {
    asks: /\bmedians?\b/,
    need: NEED.medians,
  },
  {
    // "a secret santa organizer": the draw of who gives to whom.
    asks: wordPattern('giftDrawAsks'),
    need: NEED.giftDraw,
  },
  {
    // "a package tracker that checks UPS": a carrier's own tracking, over the network.
    asks: wordPattern('carrierTrackingAsks'),
    need: NEED.carrierTracking,
  },
  {
    // "a daily journal with prompts": questions the app would ask each day.
    asks: wordPattern('writingPromptAsks'),
    need: NEED.writingPrompts,
  },
  {
    asks: wordPattern('repeatingAsks'),
    need: NEED.repeating,
  },
  {
    asks: wordPattern('nestedAsks'),
    need: NEED.nested,
  },
  {
    asks: wordPattern('progressBarAsks'),
    need: NEED.progressBars,
  },
  {
    asks: wordPattern('uploadAsks'),
    unless: wordPattern('videoAsked'),
    need: NEED.upload,
  },
  {
    asks: wordPattern('bankAsks'),
    need: NEED.bank,
  },
  {
    asks: wordPattern('otherLanguageAsks'),
    need: NEED.language,
  },
  {
    asks: wordPattern('soundAsks'),
    need: NEED.sound,
  },
  {
    asks: wordPattern('splitAsks'),
    // Who owes me is what a list of money owed keeps: it does not split.
    unless: /\bwho owes (?:me|us)\b/,
    hasIt: ['calculator'],
    need: NEED.split,
  },
  {
    asks: wordPattern('goalAsks'),
    // The same ask by its unit or period ("a page-per-day goal", "a goal each week", "a step
    // target"), or as a budget to stay within ("a monthly budget", "over budget").
    also: wordPattern('goalAlso'),
    has: (app) => app.goals === true,
    // A budget said by its period or as what is left, of money in and out, is what its balance
    // shows ("a monthly budget with income and bills"); a limit or a goal named is not.
    hasAsked: (app, words) => app.balances === true && !/\b(?:limits?|caps?|goals?|targets?)\b/.test(words),
    need: NEED.goal,
  },
  {
    asks: wordPattern('personalBestAsks'),
    // A list of personal bests keeps them as they are set; it picks none out of other records.
    has: (app) => app.keepsBests === true,
    need: NEED.personalBest,
  },
  {
    asks: wordPattern('derivedAsks'),
    hasIt: ['calculator', 'converter'],
    // (The figure it works out: "show my fuel economy" on fill-ups with miles per gallon.)
    has: (app) => app.ratios === true,
    need: NEED.derived,
  },
  {
    asks: wordPattern('madeListAsks'),
    // A shopping list beside the recipes or meals it would come from.
    also: wordPattern('madeListAlso'),
    need: NEED.madeList,
  },
  {
    asks: wordPattern('scalingAsks'),
    need: NEED.scaling,
  },
  {
    asks: wordPattern('marketPriceAsks'),
    // Stocks of food or supplies have no market price.
    unless: wordPattern('stockNotShares'),
    need: NEED.marketPrices,
  },
  {
    asks: /\bmaps?\b/,
    unless: wordPattern('mapOtherMeaning'),
    need: NEED.map,
  },
  {
    asks: /\bfamily trees?\b/,
    need: NEED.familyTree,
  },
  {
    asks: /\bpredict(?:s|ing)?\b/,
    need: NEED.predictions,
  },
  {
    // The world clock converts between zones; the converter names them as a conversion it lacks.
    asks: /\btime ?zones?\b/,
    hasIt: ['clock', 'converter'],
    need: NEED.timeZones,
  },
  {
    asks: /\bwikis?\b/,
    need: NEED.wiki,
  },
  {
    asks: wordPattern('spellCheckAsks'),
    need: NEED.spelling,
  },
  {
    asks: /\bfavou?rites?\b|\bstarred\b/,
    hasIt: ['feed'],
    specHasIt: true,
    need: NEED.favourites,
  },
  {
    asks: wordPattern('taskListBesideTimerAsks'),
    specHasIt: true,
    need: NEED.taskListTimer,
  },
  {
    asks: /\bmarkdown\b|\brich text\b/,
    need: NEED.markdown,
  },
  {
    asks: wordPattern('repaymentScheduleAsks'),
    // Only the loan calculator is asked for one: a debt list's "payment schedule" is its due dates.
    has: (app) => app.kind !== 'calculator',
    need: NEED.repayment,
  },
  {
    asks: /\bmagic (?:8|eight) balls?\b/,
    need: NEED.magic8,
  },
  {
    asks: wordPattern('teamSplitAsks'),
    need: NEED.teams,
  },
  {
    // Flashcards hold what you write on them: a drill makes up no questions and marks no answers.
    asks: wordPattern('quizAsks'),
    // (The scores of tests taken elsewhere are a log of them: "my kid's spelling test scores".)
    unless: /\b(?:spelling|times tables?|maths?|math) (?:tests? |quiz )?(?:scores?|results?|grades?|marks)\b/,
    need: NEED.quiz,
  },
  {
    // A compiled spec names it among what its records cannot do (recordsTool).
    asks: wordPattern('formAsks'),
    specHasIt: true,
    need: (app) => (app.kind === 'page' ? NEED.formPage : NEED.formApp),
  },
  {
    asks: wordPattern('lessonAsks'),
    // A log of the time spent learning asks for no lessons (read-request.ts: a practice log).
    unless: wordPattern('languageLearningTime'),
    need: NEED.lessons,
  },
];

/** A negation just before the words ("no charts", "without a monthly report"). */
const NEGATED_BEFORE = wordPattern('negatedBefore');

/** Each gap's words, to find every place they occur (made once; `matchAll` copies its regex). */
const EVERY_ASK = GAPS.map((gap) => new RegExp(gap.also ? `${gap.asks.source}|${gap.also.source}` : gap.asks.source, 'g'));

/** The parts of `text` (normalised request text) that `app` will not have, in plain words. */
export function featureGaps(request: string, app: BuiltApp): string[] {
  const gaps: string[] = [];
  // (What a threshold picks out is no goal or alert the app lacks: "tell me when stock is low".)
  const text = app.thresholds ? request.replace(wordPattern('lowStockAsks', 'g'), ' ') : request;
  for (const [i, gap] of GAPS.entries()) {
    if (app.kind ? gap.hasIt?.includes(app.kind) : gap.specHasIt) continue;
    if (gap.has?.(app)) continue;
    const asked = [...text.matchAll(EVERY_ASK[i]!)].some((match) => {
      const end = match.index + match[0].length;
      if (gap.unless?.test(text.slice(Math.max(0, match.index - 24), end + 12))) return false;
      if (gap.hasAsked?.(app, match[0])) return false;
      return !NEGATED_BEFORE.test(text.slice(0, match.index));
    });
    if (asked) gaps.push(typeof gap.need === 'string' ? gap.need : gap.need(app));
  }
  return gaps;
}
