// 2048: the board is a grid of tiles redrawn after each move; a swipe on it is a move too.
const tilesCard = byId('tiles-title').closest('section');
const tilesBoard = byId('tiles-board');
let tilesGame = newTiles(random);

function tilesRender() {
  tilesBoard.replaceChildren(
    ...tilesGame.board.flatMap((row, y) =>
      row.map((value, x) => {
        const tile = document.createElement('div');
        tile.className = 'tile' + (value ? ' tile-' + Math.min(value, 4096) : '');
        tile.textContent = value ? String(value) : '';
        tile.setAttribute('role', 'gridcell');
        tile.setAttribute('aria-label', 'Row ' + (y + 1) + ', column ' + (x + 1) + ': ' + (value || 'empty'));
        return tile;
      }),
    ),
  );
  byId('tiles-status').textContent = tilesGame.over
    ? 'No moves left. Score: ' + tilesGame.score
    : tilesGame.won
      ? 'You reached 2048! Keep going. Score: ' + tilesGame.score
      : 'Score: ' + tilesGame.score;
  byId('tiles-best').textContent = 'Best: ' + saved.tiles.best;
}

function tilesMove(direction) {
  const before = tilesGame;
  tilesGame = moveTiles(tilesGame, direction, random);
  if (tilesGame === before) return;
  if (tilesGame.score > saved.tiles.best) update({ tiles: { best: tilesGame.score } });
  tilesRender();
}

byId('tiles-new').addEventListener('click', () => {
  tilesGame = newTiles(random);
  tilesRender();
  tilesBoard.focus();
});
for (const button of tilesCard.querySelectorAll('[data-slide]')) {
  button.addEventListener('click', () => tilesMove(button.dataset.slide));
}
// The arrow keys slide the tiles when the focus is on this game's card, or anywhere when no
// other game on the page takes them (the snake does).
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const direction = tilesDirectionForKey(event.key);
  if (!direction || event.ctrlKey || event.metaKey || event.altKey) return;
  const here =
    (target instanceof Element && tilesCard.contains(target)) ||
    (target === document.body && document.getElementById('snake-title') === null);
  if (!here) return;
  event.preventDefault();
  tilesMove(direction);
});
let swipeStart = null;
tilesBoard.addEventListener('pointerdown', (event) => {
  swipeStart = { x: event.clientX, y: event.clientY };
});
tilesBoard.addEventListener('pointerup', (event) => {
  if (!swipeStart) return;
  const direction = swipeDirection(swipeStart.x, swipeStart.y, event.clientX, event.clientY);
  swipeStart = null;
  if (direction) tilesMove(direction);
});
tilesRender();
