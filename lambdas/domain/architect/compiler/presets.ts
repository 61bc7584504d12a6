import { unpackJson } from '../packed-files';
import type { BehaviourSpec, EntitySpec, ViewSpec } from './app-spec-schema';
import { sourcePresets } from './preset-catalog';
import { WORD_LISTS } from './word-lists';

/**
 * Everyday apps the request reader recognises by their nouns ("habit", "expense", "recipe"),
 * each a starting spec: entities with typed fields, views and behaviours. A request's own words
 * ("with tags", "by category", "dark mode") change the preset afterwards.
 */

export interface Preset {
  readonly id: string;
  /** Phrases that name it (lower-case, whole words, a plural `s` accepted on the last word). */
  readonly keywords: readonly string[];
  readonly title: string;
  readonly phrase: string;
  readonly entities: readonly EntitySpec[];
  readonly views: readonly ViewSpec[];
  readonly behaviours: readonly BehaviourSpec[];
}

/**
 * The field vocabulary of "with X" and "add a X field": words → a typed field (written in
 * ./word-list-sources.ts, which function bundles carry packed).
 */
export const FIELD_WORDS = WORD_LISTS.fieldWords;

/**
 * The presets a function bundle carries: the bundling (lib/constructs/function-bundling.ts) makes
 * them from ./preset-catalog.ts at synth and puts them in as JSON, brotli-compressed
 * (../packed-files.ts), through an esbuild `define`: about a quarter of their code's size in the bundle.
 */
declare const GANTRY_BUNDLED_PRESETS: string | undefined;

/** Everyday apps, as written in ./preset-catalog.ts. */
export const PRESETS: readonly Preset[] =
  // In a bundle the condition is a constant (a string literal's type), so esbuild leaves the
  // catalog's code out.
  typeof GANTRY_BUNDLED_PRESETS === 'string' ? (unpackJson(GANTRY_BUNDLED_PRESETS) as Preset[]) : sourcePresets();

/** The everyday app of this id (null for an id the catalog lacks). */
export const presetById = (id: string): Preset | null => PRESETS.find((p) => p.id === id) ?? null;
