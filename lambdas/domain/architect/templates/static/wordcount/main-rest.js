
const textArea = byId('text');
const limitInput = byId('limit');
const limitLine = byId('limit-status');
const topList = byId('top-words');

function save() {
{{saveText}}
}

function render() {
  const stats = textStats(state.text);
  byId('words').textContent = String(stats.words);
  byId('characters').textContent = String(stats.characters);
  byId('characters-no-spaces').textContent = String(stats.charactersNoSpaces);
  byId('sentences').textContent = String(stats.sentences);
  byId('paragraphs').textContent = String(stats.paragraphs);
  byId('reading-time').textContent = stats.readingTime;
  const limit = limitStatus(stats.characters, state.limit);
  limitLine.textContent = limit ? limit.text : '';
  limitLine.classList.toggle('over', Boolean(limit && limit.over));
  topList.replaceChildren(
    ...topWords(state.text).map(({ word, count }) => {
      const item = document.createElement('li');
      item.textContent = word + ' (' + count + ')';
      return item;
    }),
  );
}

function setText(text) {
  state = { ...state, text };
  if (textArea.value !== text) textArea.value = text;
  save();
  render();
}

textArea.addEventListener('input', () => setText(textArea.value));
limitInput.addEventListener('input', () => {
  state = { ...state, limit: parseLimit(limitInput.value) };
  save();
  render();
});
byId('upper').addEventListener('click', () => setText(upperCase(state.text)));
byId('lower').addEventListener('click', () => setText(lowerCase(state.text)));
byId('title-case').addEventListener('click', () => setText(titleCase(state.text)));
byId('sentence-case').addEventListener('click', () => setText(sentenceCase(state.text)));
byId('clear').addEventListener('click', () => {
  setText('');
  textArea.focus();
});

textArea.value = state.text;
limitInput.value = state.limit === null ? '' : String(state.limit);
render();