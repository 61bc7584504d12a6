let selectedId = null;
let query = '';

const list = byId('note-list');
const listEmpty = byId('list-empty');
const noteCount = byId('note-count');
const editor = byId('editor');
const noSelection = byId('no-selection');
const titleInput = byId('note-title');
const bodyInput = byId('note-body');
const status = byId('status');
const newButton = byId('new-note');{{pageElements}}

function commit(next) {
  notes = next;
{{save}}  renderList();
}

function selectedNote() {
  return notes.find((note) => note.id === selectedId) ?? null;
}

function renderList() {
  const shown = sortNotes({{shown}});
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
      preview.textContent = notePreview(note);{{appendButton}}
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
  if (bodyInput.value !== note.body) bodyInput.value = note.body;{{renderOnSelect}}
}

{{renderPage}}function select(id) {
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
  status.textContent = {{savedWord}};{{renderOnSave}}
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
