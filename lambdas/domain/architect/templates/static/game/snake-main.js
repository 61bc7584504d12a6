// Snake: one step per tick while playing; the board is a grid of cells whose classes change.
const snakeCard = byId('snake-title').closest('section');
const snakeBoard = byId('snake-board');
const snakeStart = byId('snake-start');
let snakeGame = newSnake(random);
let snakeTimer = null;
let snakeBegun = false;
const snakeCells = [];
for (let i = 0; i < SNAKE_SIZE * SNAKE_SIZE; i += 1) {
  const cell = document.createElement('div');
  cell.className = 'snake-cell';
  snakeCells.push(cell);
}
snakeBoard.replaceChildren(...snakeCells);

function snakeRender() {
  snakeCells.forEach((cell, i) => {
    cell.className = 'snake-cell ' + snakeCell(snakeGame, i % SNAKE_SIZE, Math.floor(i / SNAKE_SIZE));
  });
  const playing = snakeTimer !== null;
  byId('snake-status').textContent = snakeGame.won
    ? 'You filled the board! Score: ' + snakeGame.score
    : snakeGame.over
      ? 'Game over. Score: ' + snakeGame.score
      : !snakeBegun
        ? 'Press Start, an arrow key or a button to play.'
        : (playing ? 'Score: ' : 'Paused. Score: ') + snakeGame.score;
  snakeStart.textContent = playing ? 'Pause' : snakeGame.over ? 'New game' : snakeBegun ? 'Resume' : 'Start';
  byId('snake-best').textContent = 'Best: ' + saved.snake.best;
}

function snakeStop() {
  clearTimeout(snakeTimer);
  snakeTimer = null;
}

function snakeTick() {
  snakeGame = stepSnake(snakeGame, random);
  if (snakeGame.over) {
    snakeStop();
    if (snakeGame.score > saved.snake.best) update({ snake: { best: snakeGame.score } });
  } else {
    snakeTimer = setTimeout(snakeTick, snakeStepMs(snakeGame.score));
  }
  snakeRender();
}

function snakePlay() {
  if (snakeGame.over) snakeGame = newSnake(random);
  snakeStop();
  snakeBegun = true;
  snakeTimer = setTimeout(snakeTick, snakeStepMs(snakeGame.score));
  snakeRender();
}

function snakeTurn(direction) {
  if (snakeGame.over) snakeGame = newSnake(random);
  snakeGame = turnSnake(snakeGame, direction);
  if (snakeTimer === null) snakePlay();
}

snakeStart.addEventListener('click', () => {
  if (snakeTimer !== null) {
    snakeStop();
    snakeRender();
  } else snakePlay();
});
for (const button of snakeCard.querySelectorAll('[data-turn]')) {
  button.addEventListener('click', () => snakeTurn(button.dataset.turn));
}
// The keys steer while the snake plays or the focus is on its card; from nowhere in particular,
// only the arrow keys start it (letters may be another game's guesses), unless 2048 is on the page too.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || (target instanceof Element && target.closest('input, textarea, select'))) return;
  const here =
    snakeTimer !== null ||
    (target instanceof Element && snakeCard.contains(target)) ||
    (target === document.body && event.key.startsWith('Arrow') && document.getElementById('tiles-title') === null);
  if (event.key === ' ' && snakeTimer !== null && !(target instanceof Element && target.closest('button'))) {
    event.preventDefault();
    snakeStop();
    snakeRender();
    return;
  }
  const direction = directionForKey(event.key);
  if (!here || !direction) return;
  event.preventDefault();
  snakeTurn(direction);
});
snakeRender();
