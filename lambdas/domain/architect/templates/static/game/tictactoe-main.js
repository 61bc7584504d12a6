// Tic-tac-toe: X is the person (or the first friend), O the computer (or the second).
const tttCells = [...document.querySelectorAll('#ttt-board .cell')];
const tttMode = byId('ttt-mode');
const tttLevel = byId('ttt-level');
let tttBoard = emptyBoard();

function tttRender() {
  const { mode } = saved.ttt;
  const outcome = outcomeOf(tttBoard);
  const winner = winnerOf(tttBoard);
  const computerToMove = mode === 'computer' && turnOf(tttBoard) === 'O';
  tttCells.forEach((cell, i) => {
    cell.textContent = tttBoard[i];
    cell.disabled = tttBoard[i] !== '' || outcome !== null || computerToMove;
    cell.classList.toggle('win', Boolean(winner && winner.line.includes(i)));
    cell.setAttribute('aria-label', 'Row ' + (Math.floor(i / 3) + 1) + ', column ' + ((i % 3) + 1) + ': ' + (tttBoard[i] || 'empty'));
  });
  const names = mode === 'computer' ? { X: 'You', O: 'The computer' } : { X: 'X', O: 'O' };
  byId('ttt-status').textContent =
    outcome === 'draw'
      ? 'A draw.'
      : outcome === 'X'
        ? (mode === 'computer' ? 'You win!' : 'X wins!')
        : outcome === 'O'
          ? names.O + ' wins.'
          : mode === 'computer'
            ? 'Your move: you are X.'
            : turnOf(tttBoard) + ' to move.';
  const scores = saved.ttt.scores[mode];
  byId('ttt-score').textContent = names.X + ' ' + scores.X + ' · ' + names.O + ' ' + scores.O + ' · Draws ' + scores.draws;
  tttMode.value = mode;
  tttLevel.value = saved.ttt.level;
  tttLevel.disabled = mode !== 'computer';
}

/** Counts a finished game once, when its last move is played. */
function tttAfterMove() {
  const outcome = outcomeOf(tttBoard);
  if (outcome !== null) {
    const { mode } = saved.ttt;
    update({ ttt: { ...saved.ttt, scores: { ...saved.ttt.scores, [mode]: addResult(saved.ttt.scores[mode], outcome) } } });
  }
}

tttCells.forEach((cell, i) => {
  cell.addEventListener('click', () => {
    if (tttBoard[i] !== '' || outcomeOf(tttBoard) !== null) return;
    tttBoard = play(tttBoard, i);
    tttAfterMove();
    if (saved.ttt.mode === 'computer' && outcomeOf(tttBoard) === null) {
      tttBoard = play(tttBoard, computerMove(tttBoard, saved.ttt.level, random));
      tttAfterMove();
    }
    tttRender();
  });
});
byId('ttt-new').addEventListener('click', () => {
  tttBoard = emptyBoard();
  tttRender();
});
tttMode.addEventListener('change', () => {
  update({ ttt: { ...saved.ttt, mode: tttMode.value === 'friend' ? 'friend' : 'computer' } });
  tttBoard = emptyBoard();
  tttRender();
});
tttLevel.addEventListener('change', () => {
  update({ ttt: { ...saved.ttt, level: tttLevel.value === 'easy' ? 'easy' : 'hard' } });
  tttRender();
});
tttRender();
