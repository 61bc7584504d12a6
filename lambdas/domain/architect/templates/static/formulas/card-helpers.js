/** A number input's value, or NaN when it is empty or not a number (the formula says which). */
function numberIn(id) {
  const text = byId(id).value.trim();
  return text === '' ? Number.NaN : Number(text);
}

/** Runs compute on every change of the card's inputs; shows its results, or its error and no results. */
function formula(name, compute) {
  const form = byId(name + '-form');
  const error = byId(name + '-error');
  const outputs = Array.from(form.closest('section').querySelectorAll('output'));
  function update() {
    let results;
    try {
      results = compute();
    } catch (caught) {
      if (!(caught instanceof FormulaError)) throw caught;
      for (const output of outputs) output.textContent = '';
      error.textContent = caught.message;
      return;
    }
    for (const output of outputs) output.textContent = results[output.id] ?? '';
    error.textContent = results.error ?? '';
  }
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
}
