// A typing test as pure functions: the passage, what was typed and how long it took give the speed
// (words per minute, a word being five characters, as typing tests count it), the accuracy and the
// mistakes. Times are passed in, so tests control them.

export const PASSAGES = [
  'The quick brown fox jumps over the lazy dog while the farmer watches from the old wooden gate.',
  'A good cup of tea needs fresh water, a warm pot and a few minutes of patience before it is poured.',
  'Rain tapped on the window all afternoon, so we stayed inside and played cards until the lights came on.',
  'Every city has a street where the bakeries open early and the smell of bread drifts into the morning air.',
  'She packed a map, two apples and a notebook, then set off along the river path toward the hills.',
  'Learning to type well takes practice: keep your eyes on the screen and let your fingers find the keys.',
  'The library was quiet except for the turning of pages and the soft hum of the lamps above the tables.',
  'On clear nights the stars over the lake are so bright that you can see them reflected in the water.',
  'Our team met on Monday to plan the week, and by Friday every task on the board had been finished.',
  'He planted tomatoes, beans and a row of sunflowers that grew taller than the fence by the end of summer.',
  'A small boat rocked gently in the harbor as the fishermen sorted their nets and talked about the weather.',
  'Good software is tested often, explained clearly and changed in small steps that are easy to undo.',
];

/** Character by character: how many typed characters match the passage, and how many do not. */
export function compare(target, typed) {
  let correct = 0;
  let errors = 0;
  for (let i = 0; i < typed.length; i += 1) {
    if (i < target.length && typed[i] === target[i]) correct += 1;
    else errors += 1;
  }
  return { correct, errors, typed: typed.length };
}

/** Words per minute from correct characters and elapsed ms; 0 before a full second has passed. */
export function wordsPerMinute(correctChars, ms) {
  if (!Number.isFinite(ms) || ms < 1000) return 0;
  return Math.round(correctChars / 5 / (ms / 60000));
}

/** The share of typed characters that were right, in whole percent (100 before anything is typed). */
export function accuracy(correct, typed) {
  return typed === 0 ? 100 : Math.round((correct / typed) * 100);
}

/** Where a test stands: speed, accuracy, mistakes, and whether the passage has been typed to its end. */
export function progress(target, typed, ms) {
  const { correct, errors } = compare(target, typed);
  return {
    wpm: wordsPerMinute(correct, ms),
    accuracy: accuracy(correct, typed.length),
    errors,
    done: typed.length >= target.length,
  };
}

/** Another passage than the one at `previous` (when there are two or more); `random(n)` is below n. */
export function nextPassage(passages, previous, random) {
  if (passages.length === 0) throw new RangeError('There are no passages');
  if (passages.length === 1) return 0;
  const pick = random(passages.length - 1);
  return pick >= previous && previous >= 0 ? pick + 1 : pick;
}

/** The results after a finished test: newest first, at most ten. */
export function addResult(results, result) {
  return [result, ...results].slice(0, 10);
}

/** Saved results, keeping only readable ones. */
export function normalizeResults(raw) {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (r) =>
        r &&
        Number.isSafeInteger(r.wpm) &&
        r.wpm >= 0 &&
        Number.isSafeInteger(r.accuracy) &&
        r.accuracy >= 0 &&
        r.accuracy <= 100 &&
        typeof r.date === 'string',
    )
    .slice(0, 10);
}

/** The best speed among results with at least `minAccuracy` percent accuracy, or null. */
export function bestSpeed(results, minAccuracy = 90) {
  const good = results.filter((r) => r.accuracy >= minAccuracy).map((r) => r.wpm);
  return good.length > 0 ? Math.max(...good) : null;
}
