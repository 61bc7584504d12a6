/** The board with only the cards whose title contains every word of the query, ignoring case. */
export function filterCards(board, query) {
  const terms = cleanTitle(query, 200).toLowerCase().split(' ').filter((term) => term !== '');
  if (terms.length === 0) return board;
  return {
    ...board,
    cards: board.cards.filter((card) => terms.every((term) => card.title.toLowerCase().includes(term))),
  };
}
