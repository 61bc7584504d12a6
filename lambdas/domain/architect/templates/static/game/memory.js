// The memory game as pure functions of its state: cards face down in a grid, two turned over per
// move; a pair stays face up, two different cards are turned back before the next move.
// `random(n)` answers a whole number below n: the browser's crypto on the page, a fixed one in tests.

// Symbols every common font draws (an emoji needs a colour font some systems lack).
export const SYMBOLS = ['★', '♥', '♦', '♣', '♠', '●', '▲', '■', '☀', '☂', '♪', '☾'];

export const SIZES = { small: 6, medium: 8, large: 12 };

/** A shuffled copy of `items` (Fisher–Yates: every order equally likely when `random` is fair). */
export function shuffle(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A new game of `pairs` pairs, dealt face down. */
export function newGame(pairs, random) {
  if (!Number.isInteger(pairs) || pairs < 2 || pairs > SYMBOLS.length) {
    throw new RangeError('A game has 2 to ' + SYMBOLS.length + ' pairs');
  }
  const symbols = SYMBOLS.slice(0, pairs);
  return { cards: shuffle([...symbols, ...symbols], random), up: [], matched: [], moves: 0 };
}

/** Whether card `index` shows its face. */
export function isFaceUp(state, index) {
  return state.up.includes(index) || state.matched.includes(index);
}

/**
 * The state after turning card `index` over. Two different cards face up are turned back first,
 * so any card (one of them too) begins the next move; a card of a pair, or the first card of this
 * move, does nothing. The second card of a move counts the move, and keeps the pair face up when
 * the two match.
 */
export function turn(state, index) {
  if (!Number.isInteger(index) || index < 0 || index >= state.cards.length) throw new RangeError('There is no card ' + index);
  const open = state.up.length === 2 ? [] : state.up;
  if (state.matched.includes(index) || open.includes(index)) return state;
  const up = [...open, index];
  if (up.length < 2) return { ...state, up };
  const [a, b] = up;
  const moves = state.moves + 1;
  if (state.cards[a] === state.cards[b]) return { ...state, up: [], matched: [...state.matched, a, b], moves };
  return { ...state, up, moves };
}

/** Two different cards are face up, waiting to be turned back. */
export function isMismatch(state) {
  return state.up.length === 2;
}

/** The state with the two different cards turned back. */
export function turnBack(state) {
  return isMismatch(state) ? { ...state, up: [] } : state;
}

export function isWon(state) {
  return state.matched.length === state.cards.length;
}

/** The fewest moves per size, from saved data (anything unreadable is forgotten). */
export function normalizeBest(raw) {
  const best = {};
  for (const size of Object.keys(SIZES)) {
    const value = raw && typeof raw === 'object' ? raw[size] : undefined;
    if (Number.isSafeInteger(value) && value >= SIZES[size]) best[size] = value;
  }
  return best;
}

/** The best scores after a game of `size` won in `moves`. */
export function recordBest(best, size, moves) {
  const previous = best[size];
  return previous === undefined || moves < previous ? { ...best, [size]: moves } : best;
}
