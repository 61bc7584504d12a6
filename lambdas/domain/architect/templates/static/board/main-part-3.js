;
  listsElement.replaceChildren(...board.lists.map((list, index) => renderList(list, index, shown)));
  const total = board.cards.length;
  cardCount.textContent = total === 1 ? '1 card' : total + ' cards';
}

listForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (attempt(() => addList(board, listTitle.value))) listTitle.value = '';
  listTitle.focus();
});
