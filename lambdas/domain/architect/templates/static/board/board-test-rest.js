
function titles(board, listId) {
  return cardsIn(board, listId).map((card) => card.title);
}

function sample() {
  let board = createBoard();
  board = addCard(board, 1, 'Write spec');
  board = addCard(board, 1, 'Design logo');
  board = addCard(board, 1, 'Book venue');
  board = addCard(board, 2, 'Build prototype');
  return board;
}

test('a new board has To do, Doing and Done, and no cards', () => {
  assert.deepEqual(createBoard(), {
    lists: [
      { id: 1, title: 'To do' },
      { id: 2, title: 'Doing' },
      { id: 3, title: 'Done' },
    ],
    cards: [],
  });
});

test('cards are added to the end of their list with clean titles', () => {
  const board = addCard(sample(), 2, '  Test   it ');
  assert.deepEqual(titles(board, 2), ['Build prototype', 'Test it']);
  assert.equal(board.cards.at(-1).id, 5);
  assert.equal(countCards(board, 1), 3);
  assert.throws(() => addCard(board, 1, '  '), /needs a title/);
  assert.throws(() => addCard(board, 9, 'x'), /no list 9/);
});

test('moving a card to another list puts it at the requested place', () => {
  let board = moveCard(sample(), 2, 2, 0);
  assert.deepEqual(titles(board, 1), ['Write spec', 'Book venue']);
  assert.deepEqual(titles(board, 2), ['Design logo', 'Build prototype']);
  board = moveCard(board, 1, 3);
  assert.deepEqual(titles(board, 3), ['Write spec']);
  assert.equal(board.cards.length, 4);
});

test('moving within a list reorders it', () => {
  const board = moveCard(sample(), 3, 1, 0);
  assert.deepEqual(titles(board, 1), ['Book venue', 'Write spec', 'Design logo']);
  assert.deepEqual(titles(moveCard(board, 3, 1, 99), 1), ['Write spec', 'Design logo', 'Book venue']);
});

test('arrow moves go to the neighbouring list and stop at the edges', () => {
  let board = moveCardBy(sample(), 1, 1);
  assert.deepEqual(titles(board, 2), ['Build prototype', 'Write spec']);
  board = moveCardBy(moveCardBy(board, 1, 1), 1, 1);
  assert.deepEqual(titles(board, 3), ['Write spec']);
  const edge = sample();
  assert.equal(moveCardBy(edge, 2, -1), edge);
});

test('lists can be added, renamed and deleted with their cards', () => {
  let board = addList(sample(), ' Review ');
  assert.deepEqual(board.lists.at(-1), { id: 4, title: 'Review' });
  board = renameList(board, 2, 'In progress');
  assert.equal(board.lists[1].title, 'In progress');
  board = deleteList(board, 1);
  assert.deepEqual(board.lists.map((list) => list.id), [2, 3, 4]);
  assert.deepEqual(board.cards.map((card) => card.title), ['Build prototype']);
  assert.throws(() => addList(board, ''), /needs a title/);
  let full = createBoard([]);
  for (let i = 0; i < MAX_LISTS; i += 1) full = addList(full, 'L' + i);
  assert.throws(() => addList(full, 'one more'), /at most/);
});

test('cards can be renamed and deleted', () => {
  let board = renameCard(sample(), 4, 'Build the prototype');
  assert.deepEqual(titles(board, 2), ['Build the prototype']);
  board = deleteCard(board, 1);
  assert.deepEqual(titles(board, 1), ['Design logo', 'Book venue']);
  assert.throws(() => renameCard(board, 1, 'x'), /no card 1/);
});

test('a stored board is cleaned, and an unusable one starts afresh', () => {
  const board = normalizeBoard({
    lists: [{ id: 1, title: ' A ' }, { id: 1, title: 'dup' }, { id: 2, title: '' }, { id: 5, title: 'B' }],
    cards: [
      { id: 1, listId: 5, title: 'kept' },
      { id: 1, listId: 1, title: 'dup' },
      { id: 2, listId: 2, title: 'no such list' },
      { id: 3, listId: 1, title: ' ' },
      null,
    ],
  });
  assert.deepEqual(board, { lists: [{ id: 1, title: 'A' }, { id: 5, title: 'B' }], cards: [{ id: 1, listId: 5, title: 'kept' }] });
  assert.deepEqual(normalizeBoard('nope'), createBoard());
  assert.deepEqual(normalizeBoard({ lists: [] }), createBoard());
});
