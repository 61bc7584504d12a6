  if (key === 'equals' && state.evaluated) {
    history = addEntry(history, { input: prettify(state.expression), output: display(state) });
    renderHistory();
  }
