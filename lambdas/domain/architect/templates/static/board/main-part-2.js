);
  submit.type = 'submit';
  form.append(input, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (attempt(() => addCard(board, list.id, input.value))) {
      focusLater('section[data-list-id="' + list.id + '"] .add-card input');
    }
  });
  section.append(header, cards, form);
  return section;
}

function render() {
  const shown = 