
/** Collapses whitespace and trims; titles are single lines of at most MAX_TITLE_LENGTH characters. */
export function cleanTitle(title) {
  return String(title ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

export function nextId(tasks) {
  return tasks.reduce((max, task) => Math.max(max, task.id), 0) + 1;
}
