// Sudoku as pure functions of a 9×9 grid (81 numbers, row by row, 0 for an empty cell): a
// solver that counts solutions, puzzles made from a random full grid with cells taken away while
// exactly one solution is left, and the moves and checks of a game.

export const SUDOKU_LEVELS = { easy: 40, medium: 32, hard: 27 };

const rowOf = (i) => Math.floor(i / 9);
const colOf = (i) => i % 9;
const boxOf = (i) => Math.floor(rowOf(i) / 3) * 3 + Math.floor(colOf(i) / 3);

/** The other cells that share a row, a column or a box with cell i. */
const PEERS = Array.from({ length: 81 }, (_, i) =>
  Array.from({ length: 81 }, (_, j) => j).filter(
    (j) => j !== i && (rowOf(j) === rowOf(i) || colOf(j) === colOf(i) || boxOf(j) === boxOf(i)),
  ),
);

/** The digits cell i may take in `grid` (none if it holds one already). */
export function candidates(grid, i) {
  if (grid[i] !== 0) return [];
  const used = new Set(PEERS[i].map((j) => grid[j]));
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => !used.has(d));
}

/**
 * How many ways `grid` can be completed, counting up to `limit`. The cell with the fewest digits
 * left is tried first; `order(digits)` may reorder the digits tried (a random fill).
 */
function search(grid, limit, order, found) {
  let best = -1;
  let bestDigits = null;
  for (let i = 0; i < 81; i += 1) {
    if (grid[i] !== 0) continue;
    const digits = candidates(grid, i);
    if (digits.length === 0) return 0;
    if (bestDigits === null || digits.length < bestDigits.length) [best, bestDigits] = [i, digits];
    if (digits.length === 1) break;
  }
  if (best < 0) {
    found?.(grid);
    return 1;
  }
  let count = 0;
  for (const d of order(bestDigits)) {
    grid[best] = d;
    count += search(grid, limit - count, order, found);
    if (count >= limit) break;
  }
  grid[best] = 0;
  return count;
}

/** The number of solutions of `grid`, counted up to `limit` (2 tells one from many). */
export function countSolutions(grid, limit = 2) {
  return search([...grid], limit, (digits) => digits);
}

/** The solution of `grid`, or null when it has none. */
export function solve(grid) {
  let solution = null;
  search([...grid], 1, (digits) => digits, (g) => (solution = [...g]));
  return solution;
}

const shuffled = (items, random) => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/**
 * A new puzzle of `level` (easy, medium or hard: the clues it keeps): a full grid filled at
 * random, then cells emptied in a random order, each only while the puzzle keeps one solution.
 * `random(n)` answers a whole number below n.
 */
export function newPuzzle(level, random) {
  if (!Object.hasOwn(SUDOKU_LEVELS, level)) throw new RangeError('No such level: ' + level);
  let solution = null;
  search(Array(81).fill(0), 1, (digits) => shuffled(digits, random), (g) => (solution = [...g]));
  const puzzle = [...solution];
  let clues = 81;
  for (const i of shuffled(Array.from({ length: 81 }, (_, k) => k), random)) {
    if (clues <= SUDOKU_LEVELS[level]) break;
    const kept = puzzle[i];
    puzzle[i] = 0;
    if (countSolutions(puzzle) === 1) clues -= 1;
    else puzzle[i] = kept;
  }
  return { level, givens: puzzle, cells: [...puzzle], solution };
}

/** The game after putting `value` (1–9, or 0 to clear) in cell i; a given cell is refused. */
export function setCell(game, i, value) {
  if (!Number.isInteger(i) || i < 0 || i > 80) throw new RangeError('No such cell: ' + i);
  if (!Number.isInteger(value) || value < 0 || value > 9) throw new RangeError('A cell takes a digit from 1 to 9');
  if (game.givens[i] !== 0) throw new RangeError('That cell is a clue');
  const cells = [...game.cells];
  cells[i] = value;
  return { ...game, cells };
}

/** The cells whose digit another cell of its row, column or box repeats. */
export function conflicts(cells) {
  const out = new Set();
  for (let i = 0; i < 81; i += 1) {
    if (cells[i] !== 0 && PEERS[i].some((j) => cells[j] === cells[i])) out.add(i);
  }
  return out;
}

/** Whether every cell is filled and no digit repeats in a row, a column or a box. */
export function isSolved(cells) {
  return cells.every((d) => d !== 0) && conflicts(cells).size === 0;
}

/** Puzzles solved per level, from saved data: whole counts, zero for anything else. */
export function normalizeSudokuSolved(raw) {
  const value = raw && typeof raw === 'object' ? raw : {};
  return Object.fromEntries(
    Object.keys(SUDOKU_LEVELS).map((level) => [level, Number.isSafeInteger(value[level]) && value[level] >= 0 ? value[level] : 0]),
  );
}
