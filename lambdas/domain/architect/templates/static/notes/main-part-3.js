
      button.addEventListener('click', () => select(note.id));
      item.append(button);
      return item;
    }),
  );
  listEmpty.hidden = shown.length > 0;
  listEmpty.textContent = notes.length === 0 ? 'No notes yet.' : 'No notes match your search.';
  noteCount.textContent = notes.length === 1 ? '1 note' : notes.length + ' notes';
}

function renderEditor() {
  const note = selectedNote();
  editor.hidden = note === null;
  noSelection.hidden = note !== null;
  if (note === null) return;
  // Only write changed values so the caret does not jump while typing.
  if (titleInput.value !== note.title) titleInput.value = note.title;
  if (bodyInput.value !== note.body) bodyInput.value = note.body;