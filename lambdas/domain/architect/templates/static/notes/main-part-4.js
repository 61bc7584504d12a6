function select(id) {
  selectedId = id;
  status.textContent = '';
  renderList();
  renderEditor();
  titleInput.focus();
}

newButton.addEventListener('click', () => {
  const created = createNote(notes, { title: '', body: '' }, Date.now());
  selectedId = created.note.id;
  commit(created.notes);
  renderEditor();
  titleInput.focus();
});

function edit(changes) {
  if (selectedNote() === null) return;
  commit(updateNote(notes, selectedId, changes, Date.now()));
  status.textContent = 