// Pure kanban logic. A board is { lists, cards }; a card's place within its list is its order in
// board.cards. Every function returns a new board and never touches the page.

export const MAX_LIST_TITLE_LENGTH = 60;
export const MAX_CARD_TITLE_LENGTH = 200;
export const MAX_LISTS = 12;
export const DEFAULT_LISTS = ['To do', 'Doing', 'Done'];

export function cleanTitle(title, max) {
  return String(title ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

export function nextId(items) {
  return items.reduce((max, item) => Math.max(max, item.id), 0) + 1;
}

export function addList(board, title) {
  const clean = cleanTitle(title, MAX_LIST_TITLE_LENGTH);
  if (clean === '') throw new TypeError('A list needs a title');
  if (board.lists.length >= MAX_LISTS) throw new RangeError('A board can have at most ' + MAX_LISTS + ' lists');
  return { ...board, lists: [...board.lists, { id: nextId(board.lists), title: clean }] };
}

/** A new board with the given lists (by default: To do, Doing, Done). */
export function createBoard(titles = DEFAULT_LISTS) {
  return titles.reduce((board, title) => addList(board, title), { lists: [], cards: [] });
}

function findList(board, listId) {
  const list = board.lists.find((candidate) => candidate.id === listId);
  if (!list) throw new RangeError('There is no list ' + listId);
  return list;
}

function findCard(board, cardId) {
  const card = board.cards.find((candidate) => candidate.id === cardId);
  if (!card) throw new RangeError('There is no card ' + cardId);
  return card;
}

export function renameList(board, listId, title) {
  findList(board, listId);
  const clean = cleanTitle(title, MAX_LIST_TITLE_LENGTH);
  if (clean === '') throw new TypeError('A list needs a title');
  return { ...board, lists: board.lists.map((list) => (list.id === listId ? { ...list, title: clean } : list)) };
}

/** Removes a list together with its cards. */
export function deleteList(board, listId) {
  findList(board, listId);
  return {
    lists: board.lists.filter((list) => list.id !== listId),
    cards: board.cards.filter((card) => card.listId !== listId),
  };
}

export function addCard(board, listId, title) {
  findList(board, listId);
  const clean = cleanTitle(title, MAX_CARD_TITLE_LENGTH);
  if (clean === '') throw new TypeError('A card needs a title');
  return { ...board, cards: [...board.cards, { id: nextId(board.cards), listId, title: clean }] };
}

export function cardsIn(board, listId) {
  return board.cards.filter((card) => card.listId === listId);
}

export function countCards(board, listId) {
  return cardsIn(board, listId).length;
}

/** Moves a card to position index of a list (default: the end); every other card keeps its order. */
export function moveCard(board, cardId, listId, index = Number.POSITIVE_INFINITY) {
  const card = findCard(board, cardId);
  findList(board, listId);
  const others = board.cards.filter((candidate) => candidate.id !== cardId);
  const target = others.filter((candidate) => candidate.listId === listId);
  const at = Number.isFinite(index) ? Math.max(0, Math.min(Math.floor(index), target.length)) : target.length;
  let position = others.length;
  if (at < target.length) position = others.indexOf(target[at]);
  else if (target.length > 0) position = others.indexOf(target[target.length - 1]) + 1;
  const moved = { ...card, listId };
  return { ...board, cards: [...others.slice(0, position), moved, ...others.slice(position)] };
}

/** Moves a card to the neighbouring list (step -1: left, +1: right); at the edge nothing changes. */
export function moveCardBy(board, cardId, step) {
  const card = findCard(board, cardId);
  const index = board.lists.findIndex((list) => list.id === card.listId);
  const target = board.lists[index + step];
  return target ? moveCard(board, cardId, target.id) : board;
}

export function renameCard(board, cardId, title) {
  findCard(board, cardId);
  const clean = cleanTitle(title, MAX_CARD_TITLE_LENGTH);
  if (clean === '') throw new TypeError('A card needs a title');
  return { ...board, cards: board.cards.map((card) => (card.id === cardId ? { ...card, title: clean } : card)) };
}

export function deleteCard(board, cardId) {
  return { ...board, cards: board.cards.filter((card) => card.id !== cardId) };
}
