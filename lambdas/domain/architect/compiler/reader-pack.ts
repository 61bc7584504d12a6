import { unpackJson } from '../packed-files';
import type { Preset } from './presets';
import type { WordLists } from './word-lists';

/** What the request reader reads as data: its everyday-app presets and its word lists. */
export interface ReaderData {
  readonly presets: Preset[];
  readonly wordLists: WordLists;
}

/**
 * The reader's data in a function bundle: the bundling (lib/constructs/function-bundling.ts)
 * makes it from ./preset-catalog.ts and ./word-list-sources.ts at synth and puts it in as one
 * JSON object, brotli-compressed (../packed-files.ts), through an esbuild `define`. Every bundle
 * that reads one of them reads both, and one pack compresses what the two share (their words).
 * This is the only module that names the packed text, so the bundle holds it once; presets.ts and
 * word-lists.ts test the flag `GANTRY_READER_PACKED`, a constant in a bundle, and so leave their
 * sources' modules out.
 */
declare const GANTRY_BUNDLED_READER: string;

let unpacked: ReaderData | undefined;

/** The packed reader data, unpacked on first use (only ever called in a bundle). */
export function packedReaderData(): ReaderData {
  unpacked ??= unpackJson(GANTRY_BUNDLED_READER) as ReaderData;
  return unpacked;
}
