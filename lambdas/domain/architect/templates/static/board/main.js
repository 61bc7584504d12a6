let query = '';

const listsElement = byId('lists');
const listForm = byId('list-form');
const listTitle = byId('list-title');
const boardError = byId('board-error');
const cardCount = byId('card-count');

function commit(next) {
  board = next;
{{save}}  boardError.textContent = '';
  render();
}

function attempt(change) {
  try {
    commit(change());
    return true;
  } catch (problem) {
    boardError.textContent = problem.message;
    return false;
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function iconButton(label, name, onClick) {
  const button = element('button', '', label);
  button.type = 'button';
  button.setAttribute('aria-label', name);
  button.addEventListener('click', onClick);
  return button;
}

function focusLater(selector) {
  const target = listsElement.querySelector(selector);
  if (target) target.focus();
}

/** The position a dragged card would take in a list: before the first card below the pointer. */
function dropIndex(listElement, clientY) {
  const items = [...listElement.querySelectorAll('.board-card:not(.dragging)')];
  const index = items.findIndex((item) => {
    const box = item.getBoundingClientRect();
    return clientY < box.top + box.height / 2;
  });
  return index === -1 ? items.length : index;
}

function renderCard(card, listIndex) {
  const item = element('li', 'board-card');
  item.dataset.cardId = String(card.id);
  item.draggable = true;
  item.addEventListener('dragstart', (event) => {
    event.dataTransfer.setData('text/plain', String(card.id));
    event.dataTransfer.effectAllowed = 'move';
    item.classList.add('dragging');
  });
  item.addEventListener('dragend', () => item.classList.remove('dragging'));
  const left = board.lists[listIndex - 1];
  const right = board.lists[listIndex + 1];
  const back = iconButton('◀', left ? 'Move ' + card.title + ' to ' + left.title : 'Move ' + card.title + ' left', () => {
    commit(moveCardBy(board, card.id, -1));
    focusLater('li[data-card-id="' + card.id + '"] button');
  });
  back.disabled = !left;
  const forward = iconButton('▶', right ? 'Move ' + card.title + ' to ' + right.title : 'Move ' + card.title + ' right', () => {
    commit(moveCardBy(board, card.id, 1));
    focusLater('li[data-card-id="' + card.id + '"] button:nth-of-type(2)');
  });
  forward.disabled = !right;
  const remove = iconButton('×', 'Delete card ' + card.title, () => commit(deleteCard(board, card.id)));
  item.append(element('span', 'card-title', card.title), back, forward, remove);
  return item;
}

function renderList(list, listIndex, shown) {
  const section = element('section', 'list');
  section.dataset.listId = String(list.id);
  section.setAttribute('aria-label', list.title);
  const header = element('div', 'list-header');
  header.append(
    element('h2', '', list.title),
    element('span', 'list-count', String(countCards(board, list.id))),
    iconButton('…', 'Delete list ' + list.title, () => commit(deleteList(board, list.id))),
  );
  const cards = element('ul', 'cards');
  cards.append(...cardsIn(shown, list.id).map((card) => renderCard(card, listIndex)));
  cards.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    cards.classList.add('drop-target');
  });
  cards.addEventListener('dragleave', () => cards.classList.remove('drop-target'));
  cards.addEventListener('drop', (event) => {
    event.preventDefault();
    cards.classList.remove('drop-target');
    const cardId = Number(event.dataTransfer.getData('text/plain'));
    if (Number.isInteger(cardId) && cardId > 0) attempt(() => moveCard(board, cardId, list.id, dropIndex(cards, event.clientY)));
  });
  const form = element('form', 'add-card');
  const input = element('input');
  input.maxLength = 200;
  input.placeholder = {{cardPlaceholder}};
  input.setAttribute('aria-label', 'New card in ' + list.title);
  const submit = element('button', '', {{addCard}});
  submit.type = 'submit';
  form.append(input, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (attempt(() => addCard(board, list.id, input.value))) {
      focusLater('section[data-list-id="' + list.id + '"] .add-card input');
    }
  });
  section.append(header, cards, form);
  return section;
}

function render() {
  const shown = {{shown}};
  listsElement.replaceChildren(...board.lists.map((list, index) => renderList(list, index, shown)));
  const total = board.cards.length;
  cardCount.textContent = total === 1 ? '1 card' : total + ' cards';
}

listForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (attempt(() => addList(board, listTitle.value))) listTitle.value = '';
  listTitle.focus();
});
