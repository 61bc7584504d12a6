  return shown;
}

/** Tasks read back from storage: malformed entries and duplicate ids are dropped. */
export function normalizeTasks(raw) {
  if (!Array.isArray(raw)) return [];
  const seen = new Set();
  const tasks = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const id = item.id;
    const title = cleanTitle(item.title);
    if (!Number.isInteger(id) || id < 1 || seen.has(id) || title === '') continue;
    seen.add(id);