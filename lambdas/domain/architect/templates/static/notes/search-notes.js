/** Notes whose title or body contains every word of the query, ignoring case. */
export function searchNotes(notes, query) {
  const terms = String(query ?? '').toLowerCase().split(/\s+/).filter((term) => term !== '');
  if (terms.length === 0) return notes.slice();
  return notes.filter((note) => {
    const text = (note.title + '\n' + note.body).toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}
