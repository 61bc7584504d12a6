// A word-guessing game of five-letter words, as pure functions of a round: the secret word and the
// guesses so far. Each guess is scored letter by letter: in its place, in the word elsewhere, or
// not in it (a letter the guess repeats counts only as often as the word has it). Six guesses.

export const WORD_LENGTH = 5;
export const MAX_GUESSES = 6;

/** The secret words a round draws from: common five-letter words. */
export const SECRET_WORDS = [
  'ABOUT', 'ACTOR', 'ADULT', 'AGAIN', 'ALARM', 'ALBUM', 'APPLE', 'ARENA', 'BEACH', 'BEARD',
  'BENCH', 'BIRTH', 'BLACK', 'BLADE', 'BLANK', 'BLOOM', 'BOARD', 'BRAIN', 'BRAVE', 'BREAD',
  'BRICK', 'BRUSH', 'CABIN', 'CANDY', 'CHAIR', 'CHALK', 'CHARM', 'CHEST', 'CHILD', 'CLEAN',
  'CLIMB', 'CLOCK', 'CLOUD', 'COAST', 'CRANE', 'CREAM', 'CROWN', 'DANCE', 'DREAM', 'DRINK',
  'EAGLE', 'EARTH', 'EMPTY', 'FAIRY', 'FEAST', 'FIELD', 'FLAME', 'FLOOR', 'FRESH', 'FRUIT',
  'GHOST', 'GIANT', 'GLASS', 'GRAPE', 'GRASS', 'GREEN', 'HAPPY', 'HEART', 'HONEY', 'HORSE',
  'HOTEL', 'HOUSE', 'JELLY', 'JUICE', 'KNIFE', 'LASER', 'LEMON', 'LIGHT', 'LUCKY', 'MAGIC',
  'MANGO', 'MAPLE', 'MARCH', 'MONEY', 'MOUSE', 'MUSIC', 'NIGHT', 'NOBLE', 'OCEAN', 'OLIVE',
  'PAINT', 'PAPER', 'PARTY', 'PEACH', 'PEARL', 'PIANO', 'PILOT', 'PIZZA', 'PLANT', 'PLATE',
  'QUEEN', 'QUIET', 'RADIO', 'RIVER', 'ROBOT', 'ROUND', 'SALAD', 'SHARK', 'SHEEP', 'SHELF',
  'SHINE', 'SKATE', 'SMILE', 'SNAKE', 'SPACE', 'SPOON', 'STAIR', 'STORM', 'SUGAR', 'SWEET',
  'TABLE', 'TIGER', 'TOAST', 'TORCH', 'TOWER', 'TRAIN', 'TRUCK', 'UNCLE', 'VOICE', 'WATER',
  'WHALE', 'WHEEL', 'WORLD', 'YOUTH', 'ZEBRA',
];

/** A new round with a word drawn from SECRET_WORDS; `random(n)` answers a whole number below n. */
export function newWordRound(random) {
  return { word: SECRET_WORDS[random(SECRET_WORDS.length)], guesses: [] };
}

/**
 * Each letter of `guess` against `word`: 'right' (in its place), 'present' (in the word, elsewhere)
 * or 'absent'. Places come first, then the other letters left to left, each letter of the word
 * used once: guessing GEESE for HEART marks the first E right and the other two absent.
 */
export function scoreGuess(guess, word) {
  const marks = Array.from(guess, () => 'absent');
  const left = new Map();
  for (let i = 0; i < word.length; i += 1) {
    if (guess[i] === word[i]) marks[i] = 'right';
    else left.set(word[i], (left.get(word[i]) ?? 0) + 1);
  }
  for (let i = 0; i < guess.length; i += 1) {
    const n = left.get(guess[i]) ?? 0;
    if (marks[i] === 'right' || n === 0) continue;
    marks[i] = 'present';
    left.set(guess[i], n - 1);
  }
  return marks;
}

/** 'won' once a guess is the word, 'lost' after MAX_GUESSES other guesses, else 'playing'. */
export function wordStatus(round) {
  if (round.guesses.includes(round.word)) return 'won';
  return round.guesses.length >= MAX_GUESSES ? 'lost' : 'playing';
}

/**
 * The round after guessing `text`: five letters A to Z (any case, spaces around ignored), not a
 * word already guessed. A guess that is not one is refused with the reason; once the round is
 * over a guess changes nothing.
 */
export function guessWord(round, text) {
  const word = String(text ?? '').trim().toUpperCase();
  if (!/^[A-Z]+$/.test(word) || word.length !== WORD_LENGTH) throw new RangeError('A guess is ' + WORD_LENGTH + ' letters A to Z');
  if (wordStatus(round) !== 'playing') return round;
  if (round.guesses.includes(word)) throw new RangeError(word + ' was guessed already');
  return { ...round, guesses: [...round.guesses, word] };
}

const RANK = { absent: 1, present: 2, right: 3 };

/** What the guesses tell of each letter guessed so far (its best mark), for the keyboard. */
export function letterHints(round) {
  const hints = {};
  for (const guess of round.guesses) {
    scoreGuess(guess, round.word).forEach((mark, i) => {
      const letter = guess[i];
      if (!hints[letter] || RANK[mark] > RANK[hints[letter]]) hints[letter] = mark;
    });
  }
  return hints;
}

const count = (value) => (Number.isSafeInteger(value) && value >= 0 ? value : 0);

/** Rounds won and lost, the current run of wins and how many guesses each win took, from saved data. */
export function normalizeWordTally(raw) {
  const value = raw && typeof raw === 'object' ? raw : {};
  const wins = Array.isArray(value.wins) ? value.wins : [];
  return {
    won: count(value.won),
    lost: count(value.lost),
    streak: count(value.streak),
    wins: Array.from({ length: MAX_GUESSES }, (_, i) => count(wins[i])),
  };
}

/** The tally after a round that is over. */
export function addWordRound(tally, round) {
  const status = wordStatus(round);
  if (status === 'won') {
    const wins = [...tally.wins];
    wins[round.guesses.length - 1] += 1;
    return { won: tally.won + 1, lost: tally.lost, streak: tally.streak + 1, wins };
  }
  if (status === 'lost') return { ...tally, lost: tally.lost + 1, streak: 0 };
  throw new RangeError('The round is not over');
}
