const passageView = byId('passage');
const input = byId('typing-input');
let passageIndex = nextPassage(PASSAGES, -1, random);
let startedAt = null;
let finished = false;
let ticker = null;

function showPassage() {
  passageView.replaceChildren(
    ...[...PASSAGES[passageIndex]].map((ch) => {
      const span = document.createElement('span');
      span.textContent = ch;
      return span;
    }),
  );
}

function elapsedMs() {
  return startedAt === null ? 0 : Date.now() - startedAt;
}

function render() {
  const target = PASSAGES[passageIndex];
  const typed = input.value;
  const spans = passageView.children;
  for (let i = 0; i < spans.length; i += 1) {
    spans[i].className = i < typed.length ? (typed[i] === target[i] ? 'ok' : 'wrong') : i === typed.length ? 'next' : '';
  }
  const now = progress(target, typed, elapsedMs());
  byId('typing-wpm').textContent = String(now.wpm);
  byId('typing-accuracy').textContent = String(now.accuracy);
  byId('typing-errors').textContent = String(now.errors);
  byId('typing-time').textContent = (elapsedMs() / 1000).toFixed(1);
  const best = bestSpeed(state.results);
  byId('typing-best').textContent =
    best === null ? 'No results yet: finish a passage with at least 90% accuracy.' : 'Best speed: ' + best + ' wpm (90% accuracy or more)';
  byId('typing-results').replaceChildren(
    ...state.results.map((r) => {
      const item = document.createElement('li');
      item.textContent = r.wpm + ' wpm, ' + r.accuracy + '% accuracy (' + r.date + ')';
      return item;
    }),
  );
}

function stopClock() {
  if (ticker !== null) clearInterval(ticker);
  ticker = null;
}

function finish() {
  finished = true;
  stopClock();
  input.readOnly = true;
  const result = progress(PASSAGES[passageIndex], input.value, elapsedMs());
  state = { ...state, results: addResult(state.results, { wpm: result.wpm, accuracy: result.accuracy, date: new Date().toISOString().slice(0, 10) }) };
  save();
  byId('typing-result').textContent =
    'Done: ' + result.wpm + ' words per minute at ' + result.accuracy + '% accuracy, ' + result.errors + (result.errors === 1 ? ' mistake.' : ' mistakes.');
}

function newPassage() {
  stopClock();
  passageIndex = nextPassage(PASSAGES, passageIndex, random);
  startedAt = null;
  finished = false;
  input.readOnly = false;
  input.value = '';
  byId('typing-result').textContent = '';
  showPassage();
  render();
  input.focus();
}

input.addEventListener('input', () => {
  if (finished) return;
  if (startedAt === null && input.value.length > 0) {
    startedAt = Date.now();
    ticker = setInterval(render, 200);
  }
  if (progress(PASSAGES[passageIndex], input.value, elapsedMs()).done) finish();
  render();
});
// A pasted passage is no typing.
input.addEventListener('paste', (event) => event.preventDefault());
byId('typing-new').addEventListener('click', newPassage);

showPassage();
render();
