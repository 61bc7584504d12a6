// 2048: tiles slide as far as they go, two equal tiles that meet merge once per move, and a new
// 2 (or sometimes a 4) appears after every move that changed the board, as pure functions.

export const TILES_SIZE = 4;
export const TILES_GOAL = 2048;

const emptyBoard = () => Array.from({ length: TILES_SIZE }, () => Array(TILES_SIZE).fill(0));

/** One row slid to the left: its tiles packed, each pair of equal neighbours merged once, and the points that made. */
export function slideRow(row) {
  const tiles = row.filter((value) => value !== 0);
  const out = [];
  let points = 0;
  for (let i = 0; i < tiles.length; i += 1) {
    if (i + 1 < tiles.length && tiles[i] === tiles[i + 1]) {
      out.push(tiles[i] * 2);
      points += tiles[i] * 2;
      i += 1;
    } else {
      out.push(tiles[i]);
    }
  }
  while (out.length < row.length) out.push(0);
  return { row: out, points };
}

/** The board turned so that `direction` becomes a move to the left, and back. */
function turned(board, direction) {
  const n = board.length;
  if (direction === 'left') return board.map((row) => [...row]);
  if (direction === 'right') return board.map((row) => [...row].reverse());
  if (direction === 'up') return board[0].map((_, x) => board.map((row) => row[x]));
  return board[0].map((_, x) => board.map((row) => row[x]).reverse()).map((col) => col.slice(0, n));
}

function turnedBack(board, direction) {
  if (direction === 'left') return board;
  if (direction === 'right') return board.map((row) => [...row].reverse());
  if (direction === 'up') return board[0].map((_, y) => board.map((col) => col[y]));
  return board[0].map((_, y) => board.map((col) => [...col].reverse()[y]));
}

/** A new tile on a free cell drawn with `random(n)`: a 2 nine times in ten, else a 4. */
export function addTile(board, random) {
  const free = [];
  board.forEach((row, y) => row.forEach((value, x) => value === 0 && free.push([x, y])));
  if (free.length === 0) return board;
  const [x, y] = free[random(free.length)];
  const next = board.map((row) => [...row]);
  next[y][x] = random(10) === 0 ? 4 : 2;
  return next;
}

export function newTiles(random) {
  return { board: addTile(addTile(emptyBoard(), random), random), score: 0, won: false, over: false };
}

/** True while some move changes the board: a free cell, or two equal neighbours. */
export function canMoveTiles(board) {
  for (let y = 0; y < TILES_SIZE; y += 1) {
    for (let x = 0; x < TILES_SIZE; x += 1) {
      const value = board[y][x];
      if (value === 0) return true;
      if (x + 1 < TILES_SIZE && board[y][x + 1] === value) return true;
      if (y + 1 < TILES_SIZE && board[y + 1][x] === value) return true;
    }
  }
  return false;
}

/**
 * One move: every tile slides `direction` ('up', 'down', 'left' or 'right'), merges score their
 * value, and a new tile appears if anything moved. Reaching 2048 wins (play may go on); a board
 * where nothing can move ends the game. A move that changes nothing changes nothing.
 */
export function moveTiles(game, direction, random) {
  if (game.over || !['up', 'down', 'left', 'right'].includes(direction)) return game;
  let points = 0;
  const slid = turned(game.board, direction).map((row) => {
    const result = slideRow(row);
    points += result.points;
    return result.row;
  });
  const board = turnedBack(slid, direction);
  if (board.every((row, y) => row.every((value, x) => value === game.board[y][x]))) return game;
  const next = addTile(board, random);
  return {
    board: next,
    score: game.score + points,
    won: game.won || next.some((row) => row.some((value) => value >= TILES_GOAL)),
    over: !canMoveTiles(next),
  };
}

/** The direction a key asks for (the arrow keys), or null. */
export function tilesDirectionForKey(key) {
  return { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }[key] ?? null;
}

/** The direction of a swipe from (x1, y1) to (x2, y2), or null when it is too short to be one. */
export function swipeDirection(x1, y1, x2, y2, least = 24) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  if (Math.max(Math.abs(dx), Math.abs(dy)) < least) return null;
  return Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'down' : 'up';
}

/** The best score: a saved whole number, else 0. */
export function normalizeTilesBest(raw) {
  return Number.isInteger(raw) && raw >= 0 ? raw : 0;
}
