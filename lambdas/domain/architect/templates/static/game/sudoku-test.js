import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as s from '../src/sudoku.js';

// A known puzzle with one solution, row by row.
const PUZZLE = [
  '530070000', '600195000', '098000060', '800060003', '400803001', '700020006', '060000280', '000419005', '000080079',
].join('').split('').map(Number);
const SOLUTION = [
  '534678912', '672195348', '198342567', '859761423', '426853791', '713924856', '961537284', '287419635', '345286179',
].join('').split('').map(Number);

/** A seeded stand-in for the secure random source, so a test's puzzle is the same each run. */
const seeded = (seed) => (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

test('the solver finds the one solution, tells one from many, and none from a broken grid', () => {
  assert.deepEqual(s.solve(PUZZLE), SOLUTION);
  assert.equal(s.countSolutions(PUZZLE), 1);
  assert.equal(s.countSolutions(Array(81).fill(0)), 2);
  const broken = [...PUZZLE];
  broken[2] = 5; // a second 5 in the first row
  assert.equal(s.solve(broken), null);
  assert.deepEqual(s.candidates(PUZZLE, 2), [1, 2, 4]);
  assert.deepEqual(s.candidates(PUZZLE, 0), []);
});

test('a new puzzle keeps its level of clues, has exactly one solution, and that solution is a full sudoku', () => {
  for (const [level, clues] of Object.entries(s.SUDOKU_LEVELS)) {
    const game = s.newPuzzle(level, seeded(clues));
    const kept = game.givens.filter((d) => d !== 0).length;
    assert.ok(kept >= clues && kept <= clues + 4, level + ' kept ' + kept);
    assert.equal(s.countSolutions(game.givens), 1);
    assert.ok(s.isSolved(game.solution));
    game.givens.forEach((d, i) => d !== 0 && assert.equal(d, game.solution[i]));
    assert.deepEqual(game.cells, game.givens);
  }
  assert.throws(() => s.newPuzzle('expert', seeded(1)), /No such level: expert/);
});

test('digits go only in empty cells of the puzzle; repeats are marked; the puzzle is solved when full without any', () => {
  let game = { level: 'easy', givens: PUZZLE, cells: [...PUZZLE], solution: SOLUTION };
  assert.throws(() => s.setCell(game, 0, 4), /That cell is a clue/);
  assert.throws(() => s.setCell(game, 2, 10), /digit from 1 to 9/);
  assert.throws(() => s.setCell(game, 81, 1), /No such cell/);
  game = s.setCell(game, 2, 5);
  assert.deepEqual([...s.conflicts(game.cells)].sort((a, b) => a - b), [0, 2]);
  game = s.setCell(game, 2, 0);
  assert.equal(s.conflicts(game.cells).size, 0);
  assert.equal(s.isSolved(game.cells), false);
  PUZZLE.forEach((d, i) => {
    if (d === 0) game = s.setCell(game, i, SOLUTION[i]);
  });
  assert.equal(s.isSolved(game.cells), true);
});

test('the solved count per level reads back only sound counts', () => {
  assert.deepEqual(s.normalizeSudokuSolved(null), { easy: 0, medium: 0, hard: 0 });
  assert.deepEqual(s.normalizeSudokuSolved({ easy: 2, medium: -1, hard: 1.5, expert: 4 }), { easy: 2, medium: 0, hard: 0 });
});
