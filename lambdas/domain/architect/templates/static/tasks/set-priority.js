export function setPriority(tasks, id, priority) {
  if (!PRIORITIES.includes(priority)) throw new RangeError('Unknown priority "' + priority + '"');
  return tasks.map((task) => (task.id === id ? { ...task, priority } : task));
}

/** High before normal before low; equal priorities keep the order they were added in. */
export function sortByPriority(tasks) {
  const rank = (task) => PRIORITIES.indexOf(task.priority);
  return [...tasks].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}
