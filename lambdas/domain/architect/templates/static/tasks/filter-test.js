test('filters show all, active or done tasks', () => {
  const tasks = sample();
  assert.equal(filterTasks(tasks, 'all').length, 3);
  assert.deepEqual(filterTasks(tasks, 'active').map((task) => task.id), [1, 3]);
  assert.deepEqual(filterTasks(tasks, 'done').map((task) => task.id), [2]);
  assert.deepEqual(visibleTasks(tasks, { filter: 'done' }).map((task) => task.id), [2]);
});
