// A short list of recent results, newest first.

export const HISTORY_LIMIT = 20;

/** Adds an entry on top; an entry equal to the newest one is not repeated. */
export function addEntry(history, entry, limit = HISTORY_LIMIT) {
  const first = history[0];
  if (first && first.input === entry.input && first.output === entry.output) return history;
  return [{ input: String(entry.input), output: String(entry.output) }, ...history].slice(0, limit);
}

/** Keeps only well-formed entries of stored history. */
export function normalizeHistory(raw, limit = HISTORY_LIMIT) {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((entry) => entry && typeof entry.input === 'string' && typeof entry.output === 'string')
    .map((entry) => ({ input: entry.input, output: entry.output }))
    .slice(0, limit);
}
