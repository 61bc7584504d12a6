/** Notes read back from storage: malformed entries, duplicate ids and empty notes are dropped. */
export function normalizeNotes(raw) {
  if (!Array.isArray(raw)) return [];
  const seen = new Set();
  const notes = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object' || !Number.isInteger(item.id) || item.id < 1 || seen.has(item.id)) continue;
    const title = typeof item.title === 'string' ? clip(item.title, MAX_TITLE_LENGTH) : '';
    const body = typeof item.body === 'string' ? clip(item.body, MAX_BODY_LENGTH) : '';
    if (title.trim() === '' && body.trim() === '') continue;
    const createdAt = Number.isFinite(item.createdAt) ? item.createdAt : 0;
    const updatedAt = Number.isFinite(item.updatedAt) ? item.updatedAt : createdAt;
    seen.add(item.id);
    notes.push({ id: item.id, title, body, createdAt, updatedAt });
  }
  return notes;
}
