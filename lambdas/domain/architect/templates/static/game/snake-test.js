import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as s from '../src/snake.js';

/** A random source that always draws the first choice. */
const first = () => 0;

function game(snake, direction, food) {
  return { snake, direction, queued: [], food, score: 0, over: false, won: false };
}

test('a new game: three cells heading right from the middle, food on a free cell', () => {
  const g = s.newSnake(first);
  assert.deepEqual(g.snake, [[8, 8], [7, 8], [6, 8]]);
  assert.equal(g.direction, 'right');
  assert.deepEqual(g.food, [0, 0]);
  assert.equal(g.score, 0);
  assert.equal(g.over, false);
});

test('each step moves the head a cell and the tail follows', () => {
  const g = s.stepSnake(game([[5, 5], [4, 5], [3, 5]], 'right', [0, 0]), first);
  assert.deepEqual(g.snake, [[6, 5], [5, 5], [4, 5]]);
  assert.equal(g.score, 0);
});

test('turns wait for the next step, and a turn straight back is ignored', () => {
  let g = game([[5, 5], [4, 5], [3, 5]], 'right', [0, 0]);
  assert.equal(s.turnSnake(g, 'left'), g, 'no turning back into the body');
  assert.equal(s.turnSnake(g, 'right'), g);
  g = s.turnSnake(g, 'up');
  g = s.turnSnake(g, 'down');
  assert.deepEqual(g.queued, ['up'], 'down after up would be straight back');
  g = s.turnSnake(g, 'left');
  g = s.stepSnake(g, first);
  assert.deepEqual([g.snake[0], g.direction], [[5, 4], 'up']);
  g = s.stepSnake(g, first);
  assert.deepEqual([g.snake[0], g.direction], [[4, 4], 'left']);
});

test('eating grows the snake, scores a point and puts new food on a free cell', () => {
  const g = s.stepSnake(game([[5, 5], [4, 5], [3, 5]], 'right', [6, 5]), first);
  assert.deepEqual(g.snake, [[6, 5], [5, 5], [4, 5], [3, 5]]);
  assert.equal(g.score, 1);
  assert.deepEqual(g.food, [0, 0]);
  const last = (n) => n - 1;
  assert.deepEqual(s.placeFood([[15, 15], [14, 15]], last), [13, 15]);
});

test('the game ends on a wall or on the snake itself, but the cell the tail leaves is free', () => {
  const wall = s.stepSnake(game([[15, 3], [14, 3], [13, 3]], 'right', [0, 0]), first);
  assert.equal(wall.over, true);
  assert.deepEqual(wall.snake, [[15, 3], [14, 3], [13, 3]], 'the snake stays where it hit');
  const curled = game([[5, 5], [6, 5], [6, 6], [5, 6], [4, 6]], 'down', [0, 0]);
  assert.equal(s.stepSnake(curled, first).over, true);
  const chasing = game([[5, 5], [6, 5], [6, 6], [5, 6]], 'down', [0, 0]);
  const moved = s.stepSnake(chasing, first);
  assert.equal(moved.over, false, 'the head may take the cell the tail leaves');
  assert.deepEqual(moved.snake[0], [5, 6]);
  assert.equal(s.turnSnake(wall, 'up'), wall);
  assert.equal(s.stepSnake(wall, first), wall);
});

test('filling the board wins', () => {
  const snake = [];
  for (let y = 0; y < s.SNAKE_SIZE; y += 1) {
    for (let x = 0; x < s.SNAKE_SIZE; x += 1) if (!(x === s.SNAKE_SIZE - 1 && y === s.SNAKE_SIZE - 1)) snake.push([x, y]);
  }
  // The head at the end of the last row but one, heading down onto the only free cell.
  const ordered = [[s.SNAKE_SIZE - 1, s.SNAKE_SIZE - 2], ...snake.filter(([x, y]) => !(x === s.SNAKE_SIZE - 1 && y === s.SNAKE_SIZE - 2))];
  const g = s.stepSnake(game(ordered, 'down', [s.SNAKE_SIZE - 1, s.SNAKE_SIZE - 1]), first);
  assert.deepEqual([g.over, g.won, g.food], [true, true, null]);
});

test('the pace quickens with the score; keys, cells and saved bests read as meant', () => {
  assert.equal(s.snakeStepMs(0), 160);
  assert.equal(s.snakeStepMs(4), 140);
  assert.equal(s.snakeStepMs(100), 70);
  assert.equal(s.directionForKey('ArrowUp'), 'up');
  assert.equal(s.directionForKey('D'), 'right');
  assert.equal(s.directionForKey('x'), null);
  const g = game([[5, 5], [4, 5]], 'right', [9, 9]);
  assert.deepEqual([s.snakeCell(g, 5, 5), s.snakeCell(g, 4, 5), s.snakeCell(g, 9, 9), s.snakeCell(g, 0, 0)], ['head', 'body', 'food', '']);
  assert.equal(s.normalizeSnakeBest(12), 12);
  assert.equal(s.normalizeSnakeBest(-1), 0);
  assert.equal(s.normalizeSnakeBest('9'), 0);
});
