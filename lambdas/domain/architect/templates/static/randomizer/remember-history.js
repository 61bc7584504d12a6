/** Every result is its own entry, numbered: two equal rolls in a row are two rolls. */
function remember(what, result) {
  draws += 1;
  history = addEntry(history, { input: '#' + draws + ' ' + what, output: result });
  save();
  renderHistory();
}
