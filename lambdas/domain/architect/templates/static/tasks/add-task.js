export function addTask(tasks, title, priority = 'normal') {
  const clean = cleanTitle(title);
  if (clean === '') throw new TypeError('A task needs a title');
  if (!PRIORITIES.includes(priority)) throw new RangeError('Unknown priority "' + priority + '"');
  return [...tasks, { id: nextId(tasks), title: clean, done: false, priority }];
}