// Counts and case changes for a piece of text, as pure functions. Words and characters are read
// the way a person counts them: "don't" and "well-known" are one word each, an emoji or an accented
// letter is one character, and numbers count as words.

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Words commonly left out of a "most used words" list. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there they this to too up us was we were what when which who will with you your'
  ).split(' '),
);

/** The words of the text, in order, as written. */
export function words(text) {
  return String(text ?? '').match(WORD) ?? [];
}

/** Characters as a person sees them (one per emoji or accented letter), spaces included. */
export function characters(text, segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null) {
  const value = String(text ?? '');
  if (segmenter) {
    let count = 0;
    for (const _ of segmenter.segment(value)) count += 1;
    return count;
  }
  return [...value].length;
}

/** Sentences: runs of text ending in . ! ? (or the end of the text) that hold at least one word. */
export function sentences(text) {
  return String(text ?? '')
    .split(/(?<=[.!?…])\s+|\n+/)
    .filter((part) => words(part).length > 0).length;
}

/** Paragraphs: blocks of text separated by a blank line. */
export function paragraphs(text) {
  return String(text ?? '')
    .split(/\n\s*\n/)
    .filter((part) => part.trim() !== '').length;
}

/** Minutes to read at an average 200 words a minute: "under a minute", "1 min", "4 min". */
export function readingTime(wordCount, wordsPerMinute = 200) {
  if (wordCount === 0) return '0 min';
  if (wordCount < wordsPerMinute / 2) return 'under a minute';
  return Math.max(1, Math.round(wordCount / wordsPerMinute)) + ' min';
}

/** Everything the page shows about the text. */
export function textStats(text) {
  const list = words(text);
  const value = String(text ?? '');
  return {
    words: list.length,
    characters: characters(value),
    charactersNoSpaces: characters(value.replace(/\s+/g, '')),
    sentences: sentences(value),
    paragraphs: paragraphs(value),
    readingTime: readingTime(list.length),
  };
}

/** The most used words, stop words left out: [{ word, count }], most used first, then A–Z. */
export function topWords(text, limit = 5) {
  const counts = new Map();
  for (const word of words(text)) {
    const key = word.toLocaleLowerCase();
    if (STOP_WORDS.has(key) || /^\d+$/.test(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, limit);
}

/** How the text stands against a character limit: null without a limit. */
export function limitStatus(characterCount, limit) {
  if (!Number.isInteger(limit) || limit <= 0) return null;
  const left = limit - characterCount;
  const count = (n) => n + (n === 1 ? ' character' : ' characters');
  return { left, over: left < 0, text: left >= 0 ? count(left) + ' left' : count(-left) + ' over the limit' };
}

export function upperCase(text) {
  return String(text ?? '').toLocaleUpperCase();
}

export function lowerCase(text) {
  return String(text ?? '').toLocaleLowerCase();
}

/** Every word with a capital first letter and the rest lower case. */
export function titleCase(text) {
  return String(text ?? '').replace(WORD, (word) => word.charAt(0).toLocaleUpperCase() + word.slice(1).toLocaleLowerCase());
}

/** Lower case, with a capital at the start of each sentence. */
export function sentenceCase(text) {
  return lowerCase(text).replace(/(^\s*|[.!?…]\s+|\n\s*)(\p{L})/gu, (_, before, letter) => before + letter.toLocaleUpperCase());
}

/** A stored limit as a positive whole number, or null. */
export function parseLimit(raw) {
  const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
  return Number.isInteger(value) && value > 0 && value <= 1000000 ? value : null;
}
