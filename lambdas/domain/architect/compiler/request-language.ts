/**
 * Requests in other languages: the offline architect recognises a few European languages by their
 * small words and reads their everyday app words ("una calculadora", "mes habitudes avec mode
 * sombre"). What it cannot read it says so plainly instead of guessing.
 */

import { WORD_LISTS } from './word-lists';

export interface LanguageInfo {
  readonly code: 'es' | 'fr' | 'de' | 'pt' | 'it';
  readonly name: string;
  /** A short sentence in the language: "I only understand a few words of Spanish". */
  readonly sorry: string;
  readonly markers: readonly string[];
  /** Phrases (normalised, no accents) and their English reading; longer phrases first. */
  readonly words: ReadonlyArray<readonly [string, string]>;
}

/** The languages read, with their small words and app words (word-list-sources.ts; bundles carry them packed). */
const LANGUAGES = WORD_LISTS.languages as readonly LanguageInfo[];

/** English words that rule a request in as English even when it shares small words with others. */
const ENGLISH_MARKERS = new Set([
  'a',
  'an',
  'the',
  'with',
  'for',
  'my',
  'i',
  'where',
  'and',
  'to',
  'that',
  'build',
  'make',
  'want',
  'app',
  'of',
  'me',
  'can',
]);

export interface LanguageReading {
  /** The request's language when it is not English, else null. */
  readonly language: LanguageInfo | null;
  /** The request with the words this module knows put into English. */
  readonly text: string;
  /** Whether at least one app word was read. */
  readonly understood: boolean;
  /** The words read, as "calculadora → calculator". */
  readonly read: readonly string[];
}

/** Detects a non-English request and puts its known app words into English; `text` is normalised. */
export function readLanguage(text: string): LanguageReading {
  const words = text.split(' ').filter(Boolean);
  const english = words.filter((w) => ENGLISH_MARKERS.has(w)).length;
  let best: { lang: LanguageInfo; hits: number } | null = null;
  for (const lang of LANGUAGES) {
    const markerHits = words.filter((w) => lang.markers.includes(w)).length;
    const wordHits = lang.words.filter(([phrase]) => ` ${text} `.includes(` ${phrase} `)).length;
    const hits = markerHits + wordHits * 2;
    if (hits > english && hits >= 2 && (best === null || hits > best.hits)) best = { lang, hits };
  }
  if (!best) return { language: null, text, understood: false, read: [] };
  let translated = ` ${text} `;
  const read: string[] = [];
  for (const [phrase, english] of best.lang.words) {
    if (translated.includes(` ${phrase} `)) {
      translated = translated.split(` ${phrase} `).join(` ${english} `);
      read.push(`${phrase} → ${english}`);
    }
  }
  return { language: best.lang, text: translated.trim(), understood: read.length > 0, read };
}
