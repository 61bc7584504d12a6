/** Saved words of a person's own, kept only while they still read as words. */
function readWords(raw) {
  try {
    return Array.isArray(raw) ? parseWords(raw.join('\n')) : [];
  } catch {
    return [];
  }
}
