// Pure notes logic: every function returns new data; times are passed in, so tests control them.

export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 20000;

function clip(text, max) {
  return String(text ?? '').slice(0, max);
}

export function nextId(notes) {
  return notes.reduce((max, note) => Math.max(max, note.id), 0) + 1;
}

/** Adds a note; returns the new list and the note so the page can select it. */
export function createNote(notes, fields, now) {
  const note = {
    id: nextId(notes),
    title: clip(fields.title, MAX_TITLE_LENGTH),
    body: clip(fields.body, MAX_BODY_LENGTH),
    createdAt: now,
    updatedAt: now,
  };
  return { notes: [...notes, note], note };
}

/** Changes the title and/or body of one note and stamps the edit time. */
export function updateNote(notes, id, changes, now) {
  if (!notes.some((note) => note.id === id)) throw new RangeError('There is no note ' + id);
  return notes.map((note) => {
    if (note.id !== id) return note;
    return {
      ...note,
      title: changes.title === undefined ? note.title : clip(changes.title, MAX_TITLE_LENGTH),
      body: changes.body === undefined ? note.body : clip(changes.body, MAX_BODY_LENGTH),
      updatedAt: now,
    };
  });
}

export function deleteNote(notes, id) {
  return notes.filter((note) => note.id !== id);
}

/** Most recently edited first. */
export function sortNotes(notes) {
  return [...notes].sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
}

/** The title, or the first line of the body, or a placeholder for an empty note. */
export function noteTitle(note) {
  const title = note.title.trim();
  if (title !== '') return title;
  const firstLine = note.body
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  return firstLine ? firstLine.slice(0, 60) : 'Untitled note';
}

export function notePreview(note, length = 80) {
  const text = note.body.replace(/\s+/g, ' ').trim();
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}
