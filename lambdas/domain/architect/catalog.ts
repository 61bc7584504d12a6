import * as z from '../zod';
import { unpackJson } from './packed-files';
import {
  APP_KIND_IDS,
  FEATURE_IDS,
  gamesSentence,
  sourceCatalog,
  type AppKind,
  type AppKindId,
  type Feature,
  type FeatureId,
} from './catalog-data';

export { APP_KIND_IDS, FEATURE_IDS };
export type { AppKind, AppKindId, Feature, FeatureId };

/**
 * The offline architect's catalog: the app kinds it can generate and the features it can add.
 * The request analysis matches free text against the keywords; a consultant can propose plans
 * from the titles, descriptions and default features without knowing how the apps are made.
 */

export const AppKindIdSchema = z.enum(APP_KIND_IDS);
export const FeatureIdSchema = z.enum(FEATURE_IDS);

/**
 * The catalog a function bundle carries: the bundling makes it from ./catalog-data.ts at synth and
 * puts it in as packed JSON (./packed-files.ts) through an esbuild `define`.
 */
declare const GANTRY_BUNDLED_CATALOG: string | undefined;

// In a bundle the condition is a constant (a string literal's type), so esbuild leaves the data's code out.
const CATALOG =
  typeof GANTRY_BUNDLED_CATALOG === 'string'
    ? (unpackJson(GANTRY_BUNDLED_CATALOG) as ReturnType<typeof sourceCatalog>)
    : sourceCatalog();

export const APP_KINDS: Readonly<Record<AppKindId, AppKind>> = CATALOG.kinds;
export const FEATURES: Readonly<Record<FeatureId, Feature>> = CATALOG.features;

/** The games' features, each with the title of an app that has only it. */
export const GAME_TITLES: Readonly<Partial<Record<FeatureId, string>>> = {
  'tic-tac-toe': 'Tic-Tac-Toe',
  memory: 'Memory Game',
  hangman: 'Hangman',
  'word-guess': 'Word Guess',
  sudoku: 'Sudoku',
  snake: 'Snake',
  '2048': '2048',
  'rock-paper-scissors': 'Rock, Paper, Scissors',
};

/**
 * What an app of `kind` with `features` is, in one sentence: the kind's description, or for a
 * game app, what its games are.
 */
export function kindDescription(kind: AppKindId, features: readonly FeatureId[]): string {
  const games = kind === 'game' ? features.filter((f) => GAME_TITLES[f] !== undefined) : [];
  if (games.length === 1) return FEATURES[games[0]!].description;
  if (kind === 'timer' && features.includes('intervals')) {
    const stopwatch = features.includes('stopwatch')
      ? ` A stopwatch beside it: ${FEATURES.stopwatch.description.replace(/^C/, 'c')}`
      : '';
    return `An interval timer: ${FEATURES.intervals.description.replace(/^W/, 'w')}${stopwatch}`;
  }
  if (kind === 'timer' && features.includes('metronome') && !features.includes('intervals')) {
    const stopwatch = features.includes('stopwatch') ? `; a stopwatch beside it` : '';
    return `A metronome: ${FEATURES.metronome.description.replace(/^C/, 'c').replace(/\.$/, '')}${stopwatch}; below it, ${APP_KINDS.timer.description.replace(/^A /, 'a ')}`;
  }
  if (kind === 'timer' && features.includes('stopwatch')) {
    return `A stopwatch: ${FEATURES.stopwatch.description.replace(/^C/, 'c').replace(/\.$/, '')}; below it, ${APP_KINDS.timer.description.replace(/^A /, 'a ')}`;
  }
  return games.length > 1 ? gamesSentence(games) : APP_KINDS[kind].description;
}

/** The calculator's formula features, each with the title of a calculator that has only it. */
export const FORMULA_TITLES: Readonly<Partial<Record<FeatureId, string>>> = {
  tip: 'Tip Calculator',
  bmi: 'BMI Calculator',
  loan: 'Loan Calculator',
  percentage: 'Percentage Calculator',
  interest: 'Interest Calculator',
  age: 'Age Calculator',
  fuel: 'Fuel Cost Calculator',
};

/** Kind used by the direct-build path when a request names no kind: a task list is the most common small app. */
export const FALLBACK_KIND: AppKindId = 'tasks';

/** Whether the generated app of `kind` implements `feature`. */
export function supportsFeature(kind: AppKindId, feature: FeatureId): boolean {
  return FEATURES[feature].kinds.includes(kind);
}

/** Features supported by `kind`, in catalog order. */
export function supportedFeatures(kind: AppKindId): FeatureId[] {
  return FEATURE_IDS.filter((feature) => supportsFeature(kind, feature));
}

/** Deduplicates and orders feature ids as the catalog lists them, so equal sets render identically. */
export function orderFeatures(features: Iterable<FeatureId>): FeatureId[] {
  const wanted = new Set(features);
  return FEATURE_IDS.filter((feature) => wanted.has(feature));
}

export function isAppKindId(value: unknown): value is AppKindId {
  return AppKindIdSchema.safeParse(value).success;
}

export function isFeatureId(value: unknown): value is FeatureId {
  return FeatureIdSchema.safeParse(value).success;
}
