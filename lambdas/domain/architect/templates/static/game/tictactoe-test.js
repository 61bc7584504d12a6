import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as t from '../src/tictactoe.js';

const board = (rows) => [...rows.replace(/\s/g, '')].map((c) => (c === '.' ? '' : c));

test('every row, column and diagonal wins, and a full board without a line is a draw', () => {
  for (const line of t.LINES) {
    const b = t.emptyBoard();
    for (const cell of line) b[cell] = 'O';
    assert.deepEqual(t.winnerOf(b), { player: 'O', line });
    assert.equal(t.outcomeOf(b), 'O');
  }
  assert.equal(t.winnerOf(t.emptyBoard()), null);
  assert.equal(t.outcomeOf(board('XOX XOO OXX')), 'draw');
  assert.equal(t.outcomeOf(board('XO. ... ...')), null);
});

test('X moves first, the players alternate, and a taken cell or a finished game is refused', () => {
  let b = t.emptyBoard();
  b = t.play(b, 4);
  b = t.play(b, 0);
  assert.deepEqual(b, board('O.. .X. ...'));
  assert.equal(t.turnOf(b), 'X');
  assert.throws(() => t.play(b, 4), /taken/);
  assert.throws(() => t.play(b, 9), /no cell/);
  assert.throws(() => t.play(board('XXX OO. ...'), 8), /over/);
});

test('the computer takes a win, and otherwise blocks one', () => {
  // O to move can win on 5 (middle row); X threatens 2 as well.
  assert.equal(t.computerMove(board('XX. OO. X..'), 'hard', () => 0), 5);
  // X threatens the top row; O must block at 2.
  assert.equal(t.computerMove(board('XX. .O. ...'), 'hard', () => 0), 2);
  assert.equal(t.winningCell(board('XX. OO. X..')), 5);
  assert.equal(t.computerMove(board('XX. OO. X..'), 'easy', () => 0), 5);
});

test('the computer never loses, whatever the other player does', () => {
  let games = 0;
  // Every game a person can play as X against the computer as O, and as O against the computer as X.
  const explore = (b, computer) => {
    const outcome = t.outcomeOf(b);
    if (outcome !== null) {
      games += 1;
      assert.notEqual(outcome, computer === 'O' ? 'X' : 'O', 'the computer lost: ' + b.join(','));
      return;
    }
    if (t.turnOf(b) === computer) explore(t.play(b, t.computerMove(b, 'hard', () => 0)), computer);
    else for (const cell of t.emptyCells(b)) explore(t.play(b, cell), computer);
  };
  explore(t.emptyBoard(), 'O');
  explore(t.emptyBoard(), 'X');
  assert.ok(games > 100, 'only ' + games + ' games');
});

test('the easy level plays a free cell', () => {
  const b = board('X.. .O. ..X');
  const free = t.emptyCells(b);
  for (let i = 0; i < free.length; i += 1) assert.equal(t.computerMove(b, 'easy', () => i), free[i]);
  assert.throws(() => t.computerMove(board('XXX OO. ...'), 'hard', () => 0), /over/);
});

test('scores count wins and draws, and unreadable saved scores count as none', () => {
  let scores = t.normalizeScores(null);
  assert.deepEqual(scores, { X: 0, O: 0, draws: 0 });
  scores = t.addResult(t.addResult(t.addResult(scores, 'X'), 'draw'), 'X');
  assert.deepEqual(scores, { X: 2, O: 0, draws: 1 });
  assert.deepEqual(t.normalizeScores({ X: -1, O: 2.5, draws: '3' }), { X: 0, O: 0, draws: 0 });
  assert.throws(() => t.addResult(scores, 'Z'), RangeError);
});
