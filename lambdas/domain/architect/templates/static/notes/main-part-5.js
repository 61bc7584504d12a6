
}

titleInput.addEventListener('input', () => edit({ title: titleInput.value }));
bodyInput.addEventListener('input', () => edit({ body: bodyInput.value }));
editor.addEventListener('submit', (event) => event.preventDefault());

byId('delete-note').addEventListener('click', () => {
  const note = selectedNote();
  if (note === null) return;
  selectedId = null;
  commit(deleteNote(notes, note.id));
  renderEditor();
  newButton.focus();
});
