// The word game: type a five-letter word (keys or the buttons) and press Enter; six guesses.
const wordsCard = byId('words-title').closest('section');
const wordsGrid = byId('words-grid');
const wordsKeys = new Map();
for (const row of ['QWERTYUIOP', 'ASDFGHJKL', '+ZXCVBNM-']) {
  const line = document.createElement('div');
  for (const key of row) {
    const button = document.createElement('button');
    button.type = 'button';
    if (key === '+' || key === '-') {
      button.className = 'wide';
      button.textContent = key === '+' ? 'Enter' : '⌫';
      button.setAttribute('aria-label', key === '+' ? 'Enter' : 'Delete a letter');
      button.addEventListener('click', () => (key === '+' ? wordsEnter() : wordsType('Backspace')));
    } else {
      button.textContent = key;
      button.addEventListener('click', () => wordsType(key));
      wordsKeys.set(key, button);
    }
    line.append(button);
  }
  byId('words-keys').append(line);
}
let wordsRound = newWordRound(random);
let wordsTyped = '';
let wordsProblem = '';

function wordsRender() {
  const rows = [];
  for (let i = 0; i < MAX_GUESSES; i += 1) {
    const guess = wordsRound.guesses[i];
    const text = guess ?? (i === wordsRound.guesses.length ? wordsTyped : '');
    const marks = guess ? scoreGuess(guess, wordsRound.word) : [];
    const row = document.createElement('div');
    row.className = 'words-row';
    row.setAttribute('role', 'row');
    for (let j = 0; j < WORD_LENGTH; j += 1) {
      const tile = document.createElement('div');
      tile.className = 'words-tile' + (marks[j] ? ' ' + marks[j] : '');
      tile.setAttribute('role', 'gridcell');
      tile.textContent = text[j] ?? '';
      if (marks[j]) tile.setAttribute('aria-label', text[j] + ', ' + (marks[j] === 'right' ? 'in its place' : marks[j] === 'present' ? 'elsewhere in the word' : 'not in the word'));
      row.append(tile);
    }
    rows.push(row);
  }
  wordsGrid.replaceChildren(...rows);
  const hints = letterHints(wordsRound);
  for (const [letter, button] of wordsKeys) button.className = hints[letter] ?? '';
  const status = wordStatus(wordsRound);
  byId('words-status').textContent =
    status === 'won'
      ? 'You found it in ' + wordsRound.guesses.length + (wordsRound.guesses.length === 1 ? ' guess!' : ' guesses!')
      : status === 'lost'
        ? 'Out of guesses: the word was ' + wordsRound.word + '.'
        : wordsProblem || 'Guess ' + (wordsRound.guesses.length + 1) + ' of ' + MAX_GUESSES + '.';
  const { won, lost, streak } = saved.words.tally;
  byId('words-score').textContent = 'Won ' + won + ' · Lost ' + lost + (streak > 1 ? ' · ' + streak + ' in a row' : '');
}

function wordsType(key) {
  if (wordStatus(wordsRound) !== 'playing') return;
  wordsProblem = '';
  if (key === 'Backspace') wordsTyped = wordsTyped.slice(0, -1);
  else if (wordsTyped.length < WORD_LENGTH) wordsTyped += key;
  wordsRender();
}

function wordsEnter() {
  if (wordStatus(wordsRound) !== 'playing') return;
  try {
    wordsRound = guessWord(wordsRound, wordsTyped);
    wordsTyped = '';
    wordsProblem = '';
    if (wordStatus(wordsRound) !== 'playing') update({ words: { ...saved.words, tally: addWordRound(saved.words.tally, wordsRound) } });
  } catch (problem) {
    wordsProblem = problem.message + '.';
  }
  wordsRender();
}

// Keys play from anywhere unless another letter game (hangman) is on the page: then only in this card.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || (target instanceof Element && target.closest('input, textarea, select'))) return;
  const card = target instanceof Element ? target.closest('section.game') : null;
  if (card ? card !== wordsCard : document.getElementById('hangman-title') !== null) return;
  if (event.key === 'Enter') {
    // Enter on a focused button outside the letters (New word) presses that button instead.
    if (target instanceof HTMLButtonElement && !byId('words-keys').contains(target)) return;
    event.preventDefault();
    wordsEnter();
  } else if (event.key === 'Backspace' || /^[a-z]$/i.test(event.key)) {
    event.preventDefault();
    wordsType(event.key === 'Backspace' ? 'Backspace' : event.key.toUpperCase());
  }
});
byId('words-new').addEventListener('click', () => {
  wordsRound = newWordRound(random);
  wordsTyped = '';
  wordsProblem = '';
  wordsRender();
});
wordsRender();
