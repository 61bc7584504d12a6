import { unpackJson } from '../packed-files';
import { sourceWordLists } from './word-list-sources';

/** The request reader's field vocabulary and longest word lists, as regular-expression sources (word-list-sources.ts). */
export type WordLists = ReturnType<typeof sourceWordLists>;

/**
 * The word lists a function bundle carries: the bundling (lib/constructs/function-bundling.ts)
 * makes them from ./word-list-sources.ts at synth and puts them in as JSON, brotli-compressed
 * (../packed-files.ts), through an esbuild `define`, as it does the presets (presets.ts): about half their size
 * as code.
 */
declare const GANTRY_BUNDLED_WORD_LISTS: string | undefined;

export const WORD_LISTS: WordLists =
  // In a bundle the condition is a constant, so esbuild leaves the sources' module out.
  typeof GANTRY_BUNDLED_WORD_LISTS === 'string' ? (unpackJson(GANTRY_BUNDLED_WORD_LISTS) as WordLists) : sourceWordLists();

/** The names of the lists that are one regular expression's source (all but the field vocabulary). */
export type PatternName = { [K in keyof WordLists]: WordLists[K] extends string ? K : never }[keyof WordLists];

const compiled = new Map<string, RegExp>();

/**
 * The regular expression of a word list, compiled once per set of flags, so the reader's loops
 * do not compile it again for every item. A 'g' one is only ever used whole (`matchAll` copies
 * it, `replace` starts it from the beginning), never with `exec` or `test`, which keep a position.
 */
export function wordPattern(name: PatternName, flags = ''): RegExp {
  const key = `${name}/${flags}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(WORD_LISTS[name], flags);
    compiled.set(key, pattern);
  }
  return pattern;
}
