{{renderHistory}}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = showResult();
  if (value === null) return;
  const [input, output] = describe(value, selection.category, selection.from, selection.to).split(' = ');
  history = addEntry(history, { input, output });
  save();
  renderHistory();
});

{{clearHistory}}
renderHistory();