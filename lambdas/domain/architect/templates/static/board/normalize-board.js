/** A board read back from storage: bad lists and cards are dropped; an unusable board starts afresh. */
export function normalizeBoard(raw) {
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.lists)) return createBoard();
  const lists = [];
  for (const item of raw.lists) {
    if (lists.length >= MAX_LISTS) break;
    if (!item || !Number.isInteger(item.id) || item.id < 1 || lists.some((list) => list.id === item.id)) continue;
    const title = cleanTitle(item.title, MAX_LIST_TITLE_LENGTH);
    if (title !== '') lists.push({ id: item.id, title });
  }
  if (lists.length === 0) return createBoard();
  const cards = [];
  for (const item of Array.isArray(raw.cards) ? raw.cards : []) {
    if (!item || !Number.isInteger(item.id) || item.id < 1 || cards.some((card) => card.id === item.id)) continue;
    if (!lists.some((list) => list.id === item.listId)) continue;
    const title = cleanTitle(item.title, MAX_CARD_TITLE_LENGTH);
    if (title !== '') cards.push({ id: item.id, listId: item.listId, title });
  }
  return { lists, cards };
}
