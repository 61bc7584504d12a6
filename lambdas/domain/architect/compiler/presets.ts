import { packedReaderData } from './reader-pack';
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
 * The presets a function bundle carries come packed with the word lists (./reader-pack.ts): about
 * a quarter of their code's size in the bundle.
 */
declare const GANTRY_READER_PACKED: boolean | undefined;

/** Everyday apps, as written in ./preset-catalog.ts. */
export const PRESETS: readonly Preset[] =
  // In a bundle the condition is a constant, so esbuild leaves the catalog's code out.
  typeof GANTRY_READER_PACKED === 'boolean' ? packedReaderData().presets : sourcePresets();

/** The everyday app of this id (null for an id the catalog lacks). */
export const presetById = (id: string): Preset | null => PRESETS.find((p) => p.id === id) ?? null;
