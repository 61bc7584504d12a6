test('search keeps only matching cards and every list', () => {
  const board = filterCards(sample(), 'DESIGN');
  assert.deepEqual(board.cards.map((card) => card.title), ['Design logo']);
  assert.equal(board.lists.length, 3);
  assert.equal(filterCards(sample(), '  ').cards.length, 4);
  assert.equal(filterCards(sample(), 'write logo').cards.length, 0);
});
