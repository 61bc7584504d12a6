/** Tasks whose title contains every word of the query, ignoring case. */
export function searchTasks(tasks, query) {
  const terms = cleanTitle(query).toLowerCase().split(' ').filter((term) => term !== '');
  if (terms.length === 0) return tasks.slice();
  return tasks.filter((task) => {
    const title = task.title.toLowerCase();
    return terms.every((term) => title.includes(term));
  });
}
