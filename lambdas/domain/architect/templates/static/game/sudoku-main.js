// Sudoku: type a digit in a cell (Backspace or Delete clears it, the arrow keys move); a new puzzle
// of the chosen level, with exactly one solution.
const sudokuCells = Array.from({ length: 81 }, (_, i) => {
  const input = document.createElement('input');
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.maxLength = 1;
  input.setAttribute('aria-label', 'Row ' + (Math.floor(i / 9) + 1) + ', column ' + ((i % 9) + 1));
  if (i % 9 === 2 || i % 9 === 5) input.classList.add('box-right');
  if (Math.floor(i / 9) === 2 || Math.floor(i / 9) === 5) input.classList.add('box-bottom');
  input.addEventListener('input', () => sudokuPut(i, input.value.replace(/[^1-9]/g, '').slice(-1)));
  input.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -9, ArrowDown: 9 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    sudokuCells[(i + step + 81) % 81].focus();
  });
  return input;
});
byId('sudoku-grid').replaceChildren(...sudokuCells);
const sudokuLevel = byId('sudoku-level');
sudokuLevel.value = saved.sudoku.level;
let sudoku = newPuzzle(saved.sudoku.level, random);

function sudokuRender() {
  const wrong = conflicts(sudoku.cells);
  sudoku.cells.forEach((digit, i) => {
    const input = sudokuCells[i];
    input.value = digit === 0 ? '' : String(digit);
    input.readOnly = sudoku.givens[i] !== 0;
    input.classList.toggle('conflict', wrong.has(i));
  });
  const empty = sudoku.cells.filter((d) => d === 0).length;
  byId('sudoku-status').textContent = isSolved(sudoku.cells)
    ? 'Solved!'
    : wrong.size > 0
      ? 'A digit repeats in its row, column or box.'
      : empty + (empty === 1 ? ' cell' : ' cells') + ' to fill.';
  const solved = saved.sudoku.solved;
  byId('sudoku-score').textContent = 'Solved: easy ' + solved.easy + ' · medium ' + solved.medium + ' · hard ' + solved.hard;
}

function sudokuPut(i, text) {
  if (sudoku.givens[i] !== 0 || isSolved(sudoku.cells)) return sudokuRender();
  sudoku = setCell(sudoku, i, text === '' ? 0 : Number(text));
  if (isSolved(sudoku.cells)) {
    const solved = saved.sudoku.solved;
    update({ sudoku: { ...saved.sudoku, solved: { ...solved, [sudoku.level]: solved[sudoku.level] + 1 } } });
  }
  sudokuRender();
}

byId('sudoku-new').addEventListener('click', () => {
  update({ sudoku: { ...saved.sudoku, level: sudokuLevel.value } });
  sudoku = newPuzzle(sudokuLevel.value, random);
  sudokuRender();
});
byId('sudoku-clear').addEventListener('click', () => {
  if (isSolved(sudoku.cells)) return;
  sudoku = { ...sudoku, cells: [...sudoku.givens] };
  sudokuRender();
});
sudokuRender();
