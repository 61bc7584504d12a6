function options(select, entries) {
  select.replaceChildren(
    ...entries.map(([value, label]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      return option;
    }),
  );
}

function save() {
{{saveSelection}}
}

/** Shows the converted amount; returns the value that was converted, or null when there is none. */
function showResult() {
  const value = parseAmount(selection.amount);
  if (value === null) {
    result.textContent = '–';
    errorMessage.textContent = selection.amount.trim() === '' ? '' : 'Enter a number, for example 12.5';
    return null;
  }
  try {
    const converted = convert(value, selection.category, selection.from, selection.to);
    result.textContent = formatValue(converted) + ' ' + symbolOf(selection.category, selection.to);
    errorMessage.textContent = '';
    return value;
  } catch (error) {
    result.textContent = '–';
    errorMessage.textContent = error.message;
    return null;
  }
}

function render() {
  categorySelect.value = selection.category;
  options(
    fromSelect,
    unitsOf(selection.category).map((unit) => [unit.id, unit.label + ' (' + unit.symbol + ')']),
  );
  options(
    toSelect,
    unitsOf(selection.category).map((unit) => [unit.id, unit.label + ' (' + unit.symbol + ')']),
  );
  fromSelect.value = selection.from;
  toSelect.value = selection.to;
  if (amountInput.value !== selection.amount) amountInput.value = selection.amount;
  showResult();
}

function change(next) {
  selection = normalizeSelection(next);
  save();
  render();
}

options(
  categorySelect,
  Object.entries(CATEGORIES).map(([id, entry]) => [id, entry.label]),
);
categorySelect.addEventListener('change', () => change({ category: categorySelect.value, amount: selection.amount }));
fromSelect.addEventListener('change', () => change({ ...selection, from: fromSelect.value }));
toSelect.addEventListener('change', () => change({ ...selection, to: toSelect.value }));
amountInput.addEventListener('input', () => {
  selection = { ...selection, amount: amountInput.value };
  save();
  showResult();
});
byId('swap').addEventListener('click', () => change({ ...selection, from: selection.to, to: selection.from }));
