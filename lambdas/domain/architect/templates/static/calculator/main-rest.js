function render() {
  displayElement.textContent = display(state);
  expressionElement.textContent = state.evaluated ? prettify(state.expression) + ' =' : '';
  errorElement.textContent = state.error ?? '';
}

function input(key) {
  state = press(state, key);
{{recordHistory}}{{saveState}}  render();
}

byId('keypad').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-key]');
  if (button) input(button.dataset.key);
});

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  // Let Enter and Space activate a focused button instead of being read as input twice.
  if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
{{formulaFields}}  const key = keyToInput(event.key);
  if (key === null) return;
  event.preventDefault();
  input(key);
});

render();
