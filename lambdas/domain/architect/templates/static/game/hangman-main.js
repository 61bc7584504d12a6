// Hangman: letters by button or keyboard; six wrong letters lose the round.
const hangmanLetters = byId('hangman-letters');
const hangmanWords = byId('hangman-words');
const hangmanError = byId('hangman-error');
const letterButtons = new Map();
for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = letter;
  button.addEventListener('click', () => hangmanGuess(letter));
  letterButtons.set(letter, button);
}
hangmanLetters.replaceChildren(...letterButtons.values());
let round = newRound(wordList(), random);

function wordList() {
  return saved.hangman.words.length > 0 ? saved.hangman.words : WORDS;
}

function hangmanRender() {
  const status = statusOf(round);
  const wrong = wrongLetters(round);
  byId('hangman-word').textContent = maskOf(round);
  byId('hangman-status').textContent =
    status === 'won' ? 'You found it!' : status === 'lost' ? 'Out of guesses: the word was ' + round.word + '.' : 'Guess a letter.';
  byId('hangman-wrong').textContent = 'Wrong letters (' + wrong.length + ' of ' + MAX_WRONG + '): ' + (wrong.join(' ') || 'none');
  for (const part of document.querySelectorAll('#hangman-drawing .part')) {
    part.classList.toggle('shown', Number(part.dataset.step) <= wrong.length);
  }
  for (const [letter, button] of letterButtons) {
    const guessed = round.guessed.includes(letter);
    button.disabled = guessed || status !== 'playing';
    button.classList.toggle('hit', guessed && round.word.includes(letter));
    button.classList.toggle('miss', guessed && !round.word.includes(letter));
  }
  const { won, lost, streak } = saved.hangman.tally;
  byId('hangman-score').textContent = 'Won ' + won + ' · Lost ' + lost + (streak > 1 ? ' · ' + streak + ' in a row' : '');
}

function hangmanGuess(letter) {
  const before = round;
  round = guess(round, letter);
  if (round === before) return;
  const status = statusOf(round);
  if (status !== 'playing') update({ hangman: { ...saved.hangman, tally: addRound(saved.hangman.tally, status) } });
  hangmanRender();
}

document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || (target instanceof Element && target.closest('input, textarea, select'))) return;
  // A key pressed in another game's card is that game's.
  const card = target instanceof Element ? target.closest('section.game') : null;
  if (card && !card.contains(byId('hangman-title'))) return;
  if (/^[a-z]$/i.test(event.key)) hangmanGuess(event.key.toUpperCase());
});
byId('hangman-new').addEventListener('click', () => {
  round = newRound(wordList(), random);
  hangmanRender();
});
byId('hangman-use').addEventListener('click', () => {
  try {
    const words = parseWords(hangmanWords.value);
    hangmanError.textContent = '';
    update({ hangman: { ...saved.hangman, words } });
    round = newRound(wordList(), random);
    hangmanRender();
  } catch (problem) {
    hangmanError.textContent = problem.message;
  }
});
hangmanWords.value = saved.hangman.words.join('\n');
hangmanRender();
