// Tic-tac-toe as pure functions of a board: nine cells, each 'X', 'O' or '' (empty), row by row.
// X always moves first. The computer's best move looks at every way the game can go on, so it
// never loses; its easy level plays at random, but still takes a win it can see.

/** The rows, columns and diagonals that win. */
export const LINES = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
  [2, 5, 8],
  [0, 4, 8],
  [2, 4, 6],
];

export function emptyBoard() {
  return ['', '', '', '', '', '', '', '', ''];
}

/** The winner and the cells of the winning line, or null. */
export function winnerOf(board) {
  for (const line of LINES) {
    const [a, b, c] = line;
    if (board[a] !== '' && board[a] === board[b] && board[a] === board[c]) return { player: board[a], line };
  }
  return null;
}

/** 'X' or 'O' when someone has won, 'draw' when the board is full, null while the game goes on. */
export function outcomeOf(board) {
  const winner = winnerOf(board);
  if (winner) return winner.player;
  return board.every((cell) => cell !== '') ? 'draw' : null;
}

/** Whose turn it is: X when both have played as often, else O. */
export function turnOf(board) {
  const xs = board.filter((cell) => cell === 'X').length;
  const os = board.filter((cell) => cell === 'O').length;
  return xs === os ? 'X' : 'O';
}

export function emptyCells(board) {
  const cells = [];
  board.forEach((cell, index) => {
    if (cell === '') cells.push(index);
  });
  return cells;
}

/** The board after the player whose turn it is takes `index`. */
export function play(board, index) {
  if (!Number.isInteger(index) || index < 0 || index > 8) throw new RangeError('There is no cell ' + index);
  if (outcomeOf(board) !== null) throw new RangeError('The game is over; start a new one');
  if (board[index] !== '') throw new RangeError('That cell is taken');
  const next = board.slice();
  next[index] = turnOf(board);
  return next;
}

/** The score of a board for `me` when both sides play their best: sooner wins and later losses count more. */
function score(board, me, depth) {
  const outcome = outcomeOf(board);
  if (outcome === me) return 10 - depth;
  if (outcome === 'draw') return 0;
  if (outcome !== null) return depth - 10;
  const mine = turnOf(board) === me;
  let best = mine ? -Infinity : Infinity;
  for (const cell of emptyCells(board)) {
    const value = score(play(board, cell), me, depth + 1);
    best = mine ? Math.max(best, value) : Math.min(best, value);
  }
  return best;
}

/** A cell that wins at once for the player to move, or null. */
export function winningCell(board) {
  const me = turnOf(board);
  return emptyCells(board).find((cell) => outcomeOf(play(board, cell)) === me) ?? null;
}

/**
 * The computer's move for the player whose turn it is. 'hard' plays perfectly (of equal moves,
 * the first in reading order); 'easy' takes a win it can see and otherwise plays at random.
 * `random(n)` answers a whole number below n.
 */
export function computerMove(board, level, random) {
  const cells = emptyCells(board);
  if (cells.length === 0 || outcomeOf(board) !== null) throw new RangeError('The game is over');
  if (level === 'easy') return winningCell(board) ?? cells[random(cells.length)];
  const me = turnOf(board);
  let best = cells[0];
  let bestValue = -Infinity;
  for (const cell of cells) {
    const value = score(play(board, cell), me, 1);
    if (value > bestValue) {
      best = cell;
      bestValue = value;
    }
  }
  return best;
}

const count = (value) => (Number.isSafeInteger(value) && value >= 0 ? value : 0);

/** Wins of X and O and draws, from saved data (anything unreadable counts as none). */
export function normalizeScores(raw) {
  const value = raw && typeof raw === 'object' ? raw : {};
  return { X: count(value.X), O: count(value.O), draws: count(value.draws) };
}

/** The scores after a game that ended with `outcome` ('X', 'O' or 'draw'). */
export function addResult(scores, outcome) {
  const key = outcome === 'draw' ? 'draws' : outcome;
  if (key !== 'X' && key !== 'O' && key !== 'draws') throw new RangeError('No such result: ' + outcome);
  return { ...scores, [key]: scores[key] + 1 };
}
