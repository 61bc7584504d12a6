import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as t from '../src/tiles.js';

/** Draws the first free cell, and a 2. */
const first = (n) => (n === 10 ? 1 : 0);

const game = (board, score = 0) => ({ board, score, won: false, over: false });

test('a row slides left, and equal neighbours merge once, scoring the new tile', () => {
  assert.deepEqual(t.slideRow([0, 2, 0, 2]), { row: [4, 0, 0, 0], points: 4 });
  assert.deepEqual(t.slideRow([2, 2, 2, 2]), { row: [4, 4, 0, 0], points: 8 });
  assert.deepEqual(t.slideRow([2, 2, 4, 0]), { row: [4, 4, 0, 0], points: 4 }, 'a merged tile does not merge again');
  assert.deepEqual(t.slideRow([4, 2, 2, 2]), { row: [4, 4, 2, 0], points: 4 });
  assert.deepEqual(t.slideRow([2, 4, 8, 16]), { row: [2, 4, 8, 16], points: 0 });
});

test('moves go every way, and a new tile appears on a free cell', () => {
  const board = [
    [2, 0, 0, 2],
    [0, 4, 0, 0],
    [0, 4, 0, 0],
    [8, 0, 0, 0],
  ];
  assert.deepEqual(t.moveTiles(game(board), 'left', first).board, [
    [4, 2, 0, 0],
    [4, 0, 0, 0],
    [4, 0, 0, 0],
    [8, 0, 0, 0],
  ]);
  assert.deepEqual(t.moveTiles(game(board), 'right', first).board, [
    [2, 0, 0, 4],
    [0, 0, 0, 4],
    [0, 0, 0, 4],
    [0, 0, 0, 8],
  ]);
  const up = t.moveTiles(game(board), 'up', first);
  assert.deepEqual(up.board, [
    [2, 8, 2, 2],
    [8, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ]);
  assert.equal(up.score, 8);
  assert.deepEqual(t.moveTiles(game(board), 'down', first).board, [
    [2, 0, 0, 0],
    [0, 0, 0, 0],
    [2, 0, 0, 0],
    [8, 8, 0, 2],
  ]);
});

test('a move that changes nothing adds no tile and scores nothing', () => {
  const g = game([
    [2, 4, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ]);
  assert.equal(t.moveTiles(g, 'left', first), g);
  assert.equal(t.moveTiles(g, 'up', first), g);
  assert.equal(t.moveTiles(g, 'sideways', first), g);
});

test('2048 wins and play goes on; a full board with no equal neighbours is over', () => {
  const won = t.moveTiles(game([[1024, 1024, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], 100), 'left', first);
  assert.equal(won.won, true);
  assert.equal(won.score, 2148);
  assert.equal(won.over, false);
  const stuck = game([
    [2, 4, 2, 4],
    [4, 2, 4, 2],
    [2, 4, 2, 4],
    [8, 16, 8, 0],
  ]);
  // The new tile is a 4 on the only free cell, and no two neighbours are equal.
  const last = t.moveTiles(stuck, 'right', () => 0);
  assert.deepEqual(last.board[3], [4, 8, 16, 8]);
  assert.equal(last.over, true);
  assert.equal(t.moveTiles(last, 'left', first), last);
  assert.equal(t.canMoveTiles([[2, 2, 4, 8], [4, 8, 16, 32], [8, 16, 32, 64], [16, 32, 64, 128]]), true);
});

test('a new game has two tiles of 2 or 4; new tiles are 2 nine times in ten', () => {
  const g = t.newTiles(first);
  const tiles = g.board.flat().filter((value) => value !== 0);
  assert.deepEqual(tiles, [2, 2]);
  assert.deepEqual([g.score, g.won, g.over], [0, false, false]);
  const four = t.addTile(g.board, (n) => 0);
  assert.equal(four.flat().filter((value) => value === 4).length, 1);
});

test('keys, swipes and saved bests read as meant', () => {
  assert.equal(t.tilesDirectionForKey('ArrowLeft'), 'left');
  assert.equal(t.tilesDirectionForKey('a'), null);
  assert.equal(t.swipeDirection(0, 0, 80, 10), 'right');
  assert.equal(t.swipeDirection(0, 0, -5, -60), 'up');
  assert.equal(t.swipeDirection(0, 0, 10, 10), null, 'a tap is no swipe');
  assert.equal(t.normalizeTilesBest(512), 512);
  assert.equal(t.normalizeTilesBest('512'), 0);
});
