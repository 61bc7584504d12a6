);
  list.replaceChildren(
    ...shown.map((note) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'note-item';
      button.setAttribute('aria-current', String(note.id === selectedId));
      const title = document.createElement('strong');
      title.textContent = noteTitle(note);
      const preview = document.createElement('span');
      preview.className = 'muted';
      preview.textContent = notePreview(note);