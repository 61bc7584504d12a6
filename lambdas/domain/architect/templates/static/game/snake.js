// Snake: the snake moves one cell per step, turns (never straight back), grows by eating and
// ends on a wall or its own body, as pure functions of the game's state.

export const SNAKE_SIZE = 16;
export const DIRECTIONS = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] };
const OPPOSITE = { up: 'down', down: 'up', left: 'right', right: 'left' };
/** Turns pressed faster than the snake moves wait their step; more than this many are dropped. */
const MAX_QUEUED = 2;

const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/** A free cell for the food, drawn evenly with `random(n)` (a whole number below n); null when the board is full. */
export function placeFood(snake, random) {
  const free = [];
  for (let y = 0; y < SNAKE_SIZE; y += 1) {
    for (let x = 0; x < SNAKE_SIZE; x += 1) if (!snake.some((cell) => cell[0] === x && cell[1] === y)) free.push([x, y]);
  }
  return free.length === 0 ? null : free[random(free.length)];
}

/** A new game: a snake of three cells heading right from the middle, and food somewhere free. */
export function newSnake(random) {
  const middle = Math.floor(SNAKE_SIZE / 2);
  const snake = [
    [middle, middle],
    [middle - 1, middle],
    [middle - 2, middle],
  ];
  return { snake, direction: 'right', queued: [], food: placeFood(snake, random), score: 0, over: false, won: false };
}

/** Asks the snake to turn; a turn straight back, or the way it already goes, is ignored. */
export function turnSnake(game, direction) {
  if (game.over || !DIRECTIONS[direction]) return game;
  const last = game.queued.length > 0 ? game.queued[game.queued.length - 1] : game.direction;
  if (direction === last || direction === OPPOSITE[last] || game.queued.length >= MAX_QUEUED) return game;
  return { ...game, queued: [...game.queued, direction] };
}

/**
 * One step: the snake moves a cell the way it heads. On the food it grows and scores a point, and
 * new food appears (a full board wins); into a wall or its own body, the game is over.
 */
export function stepSnake(game, random) {
  if (game.over) return game;
  const [direction, ...queued] = game.queued.length > 0 ? game.queued : [game.direction];
  const [dx, dy] = DIRECTIONS[direction];
  const head = [game.snake[0][0] + dx, game.snake[0][1] + dy];
  const eats = game.food !== null && same(head, game.food);
  // The tail moves on unless the snake grows, so the cell it leaves is free to enter.
  const body = eats ? game.snake : game.snake.slice(0, -1);
  const outside = head[0] < 0 || head[1] < 0 || head[0] >= SNAKE_SIZE || head[1] >= SNAKE_SIZE;
  if (outside || body.some((cell) => same(cell, head))) {
    return { ...game, direction, queued: game.queued.length > 0 ? queued : [], over: true };
  }
  const snake = [head, ...body];
  const food = eats ? placeFood(snake, random) : game.food;
  return {
    ...game,
    snake,
    direction,
    queued: game.queued.length > 0 ? queued : [],
    food,
    score: game.score + (eats ? 1 : 0),
    over: food === null,
    won: food === null,
  };
}

/** Milliseconds between steps: quicker with each point, down to a limit. */
export function snakeStepMs(score) {
  return Math.max(70, 160 - score * 5);
}

/** What a cell shows: 'head', 'body', 'food' or ''. */
export function snakeCell(game, x, y) {
  if (same(game.snake[0], [x, y])) return 'head';
  if (game.snake.some((cell) => cell[0] === x && cell[1] === y)) return 'body';
  if (game.food !== null && same(game.food, [x, y])) return 'food';
  return '';
}

/** The direction a key asks for: the arrow keys and W, A, S, D; null for any other key. */
export function directionForKey(key) {
  const keys = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', w: 'up', s: 'down', a: 'left', d: 'right' };
  return keys[key.length === 1 ? key.toLowerCase() : key] ?? null;
}

/** The best score: a saved whole number, else 0. */
export function normalizeSnakeBest(raw) {
  return Number.isInteger(raw) && raw >= 0 && raw <= SNAKE_SIZE * SNAKE_SIZE ? raw : 0;
}
