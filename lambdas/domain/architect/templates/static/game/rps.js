// Rock, paper, scissors: who wins a throw, the computer's throw and the tally, as pure functions.

/** The three throws, in the order the page shows them. */
export const THROWS = ['rock', 'paper', 'scissors'];

/** What each throw beats: rock blunts scissors, paper wraps rock, scissors cut paper. */
const BEATS = { rock: 'scissors', paper: 'rock', scissors: 'paper' };

/** 'win', 'lose' or 'draw' for the player's throw against the computer's; a throw that is none is refused. */
export function throwOutcome(player, computer) {
  for (const t of [player, computer]) if (!Object.hasOwn(BEATS, t)) throw new RangeError('No such throw: ' + t);
  if (player === computer) return 'draw';
  return BEATS[player] === computer ? 'win' : 'lose';
}

/** The computer's throw, each of the three as likely: `random(n)` is a whole number below n. */
export function computerThrow(random) {
  return THROWS[random(THROWS.length)];
}

const KEYS = { r: 'rock', p: 'paper', s: 'scissors', 1: 'rock', 2: 'paper', 3: 'scissors' };

/** The throw a key asks for (R, P or S, or 1, 2 or 3); null for any other key. */
export function throwForKey(key) {
  const k = String(key).toLowerCase();
  return Object.hasOwn(KEYS, k) ? KEYS[k] : null;
}

const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);

/** A saved tally read back: whole counts of zero or more, zero for anything else. */
export function normalizeRpsTally(raw) {
  const value = raw && typeof raw === 'object' ? raw : {};
  return { wins: count(value.wins), losses: count(value.losses), draws: count(value.draws) };
}

/** The tally after a throw that ended in `outcome`. */
export function addThrow(tally, outcome) {
  const key = { win: 'wins', lose: 'losses', draw: 'draws' }[outcome];
  if (!key) throw new RangeError('No such outcome: ' + outcome);
  return { ...tally, [key]: tally[key] + 1 };
}
