
function sample() {
  let notes = createNote([], { title: 'Groceries', body: 'Milk\nEggs\nBread' }, 1000).notes;
  notes = createNote(notes, { title: '', body: 'Call Sam about the trip' }, 2000).notes;
  notes = createNote(notes, { title: 'Ideas', body: 'A garden planner' }, 3000).notes;
  return notes;
}

test('a new note gets the next id and both timestamps', () => {
  const { notes, note } = createNote(sample(), { title: 'Fresh', body: '' }, 5000);
  assert.equal(notes.length, 4);
  assert.deepEqual(note, { id: 4, title: 'Fresh', body: '', createdAt: 5000, updatedAt: 5000 });
});

test('editing changes only the given fields and the edit time', () => {
  const notes = updateNote(sample(), 1, { body: 'Milk' }, 9000);
  assert.deepEqual(notes[0], { id: 1, title: 'Groceries', body: 'Milk', createdAt: 1000, updatedAt: 9000 });
  assert.equal(notes[1].updatedAt, 2000);
  assert.throws(() => updateNote(notes, 42, { title: 'x' }, 1), /no note 42/);
});

test('deleting removes one note', () => {
  assert.deepEqual(deleteNote(sample(), 2).map((note) => note.id), [1, 3]);
});

test('the most recently edited note comes first', () => {
  const notes = updateNote(sample(), 1, { title: 'Groceries!' }, 4000);
  assert.deepEqual(sortNotes(notes).map((note) => note.id), [1, 3, 2]);
});

test('an untitled note is named by its first line', () => {
  const notes = sample();
  assert.equal(noteTitle(notes[1]), 'Call Sam about the trip');
  assert.equal(noteTitle({ title: '  ', body: '\n\n  Second line  \n' }), 'Second line');
  assert.equal(noteTitle({ title: '', body: '' }), 'Untitled note');
});

test('previews are one short line', () => {
  assert.equal(notePreview({ body: 'Milk\nEggs' }), 'Milk Eggs');
  assert.equal(notePreview({ body: 'x'.repeat(100) }, 10), 'xxxxxxxxx…');
});

test('stored notes are cleaned', () => {
  const notes = normalizeNotes([
    { id: 1, title: 'Kept', body: '', createdAt: 1, updatedAt: 2 },
    { id: 1, title: 'Duplicate id', body: '' },
    { id: 2, title: ' ', body: '' },
    { id: 'x', title: 'Bad id' },
    null,
  ]);
  assert.deepEqual(notes, [{ id: 1, title: 'Kept', body: '', createdAt: 1, updatedAt: 2 }]);
  assert.deepEqual(normalizeNotes('nope'), []);
});
