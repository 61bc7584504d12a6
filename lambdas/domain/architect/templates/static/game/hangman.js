// Hangman as pure functions of a round: the secret word and the letters guessed so far. Six wrong
// letters lose the round. Words are A to Z only; a person may play with words of their own.

export const MAX_WRONG = 6;

export const WORDS = [
  'APPLE', 'BANANA', 'BASKET', 'BEACH', 'BICYCLE', 'BLANKET', 'BRIDGE', 'BUTTER', 'CAMERA', 'CANDLE',
  'CASTLE', 'CHEESE', 'CHERRY', 'CIRCUS', 'CLOUD', 'COFFEE', 'COOKIE', 'COTTON', 'DESERT', 'DIAMOND',
  'DOCTOR', 'DRAGON', 'ELEPHANT', 'ENGINE', 'FAMILY', 'FEATHER', 'FOREST', 'FRIEND', 'GARDEN', 'GIRAFFE',
  'GUITAR', 'HAMMER', 'HARBOR', 'HONEY', 'ISLAND', 'JACKET', 'JUNGLE', 'KETTLE', 'KITCHEN', 'LADDER',
  'LANTERN', 'LEMON', 'LIBRARY', 'LIZARD', 'MAGNET', 'MARKET', 'MEADOW', 'MIRROR', 'MONKEY', 'MOUNTAIN',
  'NAPKIN', 'NEEDLE', 'OCEAN', 'ORANGE', 'PALACE', 'PANDA', 'PARROT', 'PENCIL', 'PEPPER', 'PICNIC',
  'PILLOW', 'PIRATE', 'PLANET', 'POCKET', 'PUZZLE', 'RABBIT', 'RAINBOW', 'RIVER', 'ROCKET', 'SADDLE',
  'SALMON', 'SCHOOL', 'SPIDER', 'SPONGE', 'SQUIRREL', 'STAMP', 'SUMMER', 'SUNSET', 'TEACHER', 'THUNDER',
  'TICKET', 'TIGER', 'TOMATO', 'TRAIN', 'TURTLE', 'UMBRELLA', 'VALLEY', 'VIOLIN', 'VOLCANO', 'WAGON',
  'WALNUT', 'WINDOW', 'WINTER', 'WIZARD', 'YELLOW', 'ZEBRA',
];

/** Words of a person's own, one per line or between commas: A to Z only, 2 to 20 letters, no repeats. */
export function parseWords(text) {
  const words = [];
  for (const raw of String(text ?? '').split(/[\n,;]+/)) {
    const word = raw.trim().toUpperCase();
    if (word === '') continue;
    if (!/^[A-Z]{2,20}$/.test(word)) throw new RangeError('"' + raw.trim() + '" is not a word of 2 to 20 letters A to Z');
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

/** A new round with a word drawn from `words`; `random(n)` answers a whole number below n. */
export function newRound(words, random) {
  if (!Array.isArray(words) || words.length === 0) throw new RangeError('There are no words to play with');
  return { word: words[random(words.length)], guessed: [] };
}

/** The letters guessed that the word does not have, in the order they were guessed. */
export function wrongLetters(round) {
  return round.guessed.filter((letter) => !round.word.includes(letter));
}

/** 'won' when every letter is found, 'lost' after MAX_WRONG wrong letters, else 'playing'. */
export function statusOf(round) {
  if ([...round.word].every((letter) => round.guessed.includes(letter))) return 'won';
  return wrongLetters(round).length >= MAX_WRONG ? 'lost' : 'playing';
}

/** The round after guessing `letter`; a repeat, or a guess once the round is over, changes nothing. */
export function guess(round, letter) {
  const upper = String(letter ?? '').toUpperCase();
  if (!/^[A-Z]$/.test(upper)) throw new RangeError('Guess one letter A to Z');
  if (statusOf(round) !== 'playing' || round.guessed.includes(upper)) return round;
  return { ...round, guessed: [...round.guessed, upper] };
}

/** The word as shown: found letters in place, a blank for each other one. */
export function maskOf(round) {
  const over = statusOf(round) !== 'playing';
  return [...round.word].map((letter) => (over || round.guessed.includes(letter) ? letter : '_')).join(' ');
}

const count = (value) => (Number.isSafeInteger(value) && value >= 0 ? value : 0);

/** Rounds won and lost, and the current run of wins, from saved data. */
export function normalizeTally(raw) {
  const value = raw && typeof raw === 'object' ? raw : {};
  return { won: count(value.won), lost: count(value.lost), streak: count(value.streak) };
}

/** The tally after a round that ended 'won' or 'lost'. */
export function addRound(tally, status) {
  if (status === 'won') return { won: tally.won + 1, lost: tally.lost, streak: tally.streak + 1 };
  if (status === 'lost') return { won: tally.won, lost: tally.lost + 1, streak: 0 };
  throw new RangeError('The round is not over');
}
