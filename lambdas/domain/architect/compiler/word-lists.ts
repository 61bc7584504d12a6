import { packedReaderData } from './reader-pack';
import { sourceWordLists } from './word-list-sources';

/** The request reader's field vocabulary and longest word lists, as regular-expression sources (word-list-sources.ts). */
export type WordLists = ReturnType<typeof sourceWordLists>;

/**
 * The word lists a function bundle carries come packed with the presets (./reader-pack.ts): about
 * half their size as code.
 */
declare const GANTRY_READER_PACKED: boolean | undefined;

export const WORD_LISTS: WordLists =
  // In a bundle the condition is a constant, so esbuild leaves the sources' module out.
  typeof GANTRY_READER_PACKED === 'boolean' ? packedReaderData().wordLists : sourceWordLists();

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
