// Memory: two cards turned per move; two different ones are turned back after a moment.
const memoryGrid = byId('memory-grid');
const memorySize = byId('memory-size');
let memoryGame = newGame(SIZES[saved.memory.size], random);
let memoryButtons = [];
let memoryTimer = null;

function memoryDeal() {
  clearTimeout(memoryTimer);
  memoryTimer = null;
  memoryGame = newGame(SIZES[saved.memory.size], random);
  memoryGrid.style.setProperty('--columns', String(memoryGame.cards.length > 16 ? 6 : 4));
  memoryButtons = memoryGame.cards.map((_, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'memory-card';
    button.addEventListener('click', () => memoryTurn(i));
    return button;
  });
  memoryGrid.replaceChildren(...memoryButtons);
  memoryRender();
}

function memoryRender() {
  memoryButtons.forEach((button, i) => {
    const up = isFaceUp(memoryGame, i);
    const matched = memoryGame.matched.includes(i);
    button.textContent = up ? memoryGame.cards[i] : '';
    button.classList.toggle('up', up);
    button.classList.toggle('matched', matched);
    button.disabled = matched;
    button.setAttribute('aria-label', 'Card ' + (i + 1) + ': ' + (up ? memoryGame.cards[i] : 'face down'));
  });
  const pairs = memoryGame.cards.length / 2;
  const found = memoryGame.matched.length / 2;
  byId('memory-status').textContent = isWon(memoryGame)
    ? 'All ' + pairs + ' pairs found in ' + memoryGame.moves + ' moves!'
    : 'Moves: ' + memoryGame.moves + ' · Pairs found: ' + found + ' of ' + pairs;
  const best = saved.memory.best[saved.memory.size];
  byId('memory-best').textContent = best === undefined ? 'No best score yet' : 'Best: ' + best + ' moves';
  memorySize.value = saved.memory.size;
}

function memoryTurn(i) {
  clearTimeout(memoryTimer);
  memoryTimer = null;
  const before = memoryGame;
  memoryGame = turn(memoryGame, i);
  if (memoryGame === before) return;
  if (isWon(memoryGame)) {
    update({ memory: { ...saved.memory, best: recordBest(saved.memory.best, saved.memory.size, memoryGame.moves) } });
  } else if (isMismatch(memoryGame)) {
    memoryTimer = setTimeout(() => {
      memoryTimer = null;
      memoryGame = turnBack(memoryGame);
      memoryRender();
    }, 900);
  }
  memoryRender();
}

byId('memory-new').addEventListener('click', memoryDeal);
memorySize.addEventListener('change', () => {
  update({ memory: { ...saved.memory, size: Object.hasOwn(SIZES, memorySize.value) ? memorySize.value : 'medium' } });
  memoryDeal();
});
memoryDeal();
