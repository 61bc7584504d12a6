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
