export function addTask(tasks, title) {
  const clean = cleanTitle(title);
  if (clean === '') throw new TypeError('A task needs a title');
  return [...tasks, { id: nextId(tasks), title: clean, done: false }];
}
