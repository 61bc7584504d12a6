test('search looks in titles and bodies, every word, any case', () => {
  const notes = sample();
  assert.deepEqual(searchNotes(notes, 'eggs').map((note) => note.id), [1]);
  assert.deepEqual(searchNotes(notes, 'SAM trip').map((note) => note.id), [2]);
  assert.deepEqual(searchNotes(notes, 'ideas garden').map((note) => note.id), [3]);
  assert.equal(searchNotes(notes, 'eggs garden').length, 0);
  assert.equal(searchNotes(notes, '').length, 3);
});
