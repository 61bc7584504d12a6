test('priorities order the list, high first, then by age', () => {
  let tasks = addTask([], 'Low one', 'low');
  tasks = addTask(tasks, 'Normal one');
  tasks = addTask(tasks, 'Urgent one', 'high');
  tasks = addTask(tasks, 'Urgent two', 'high');
  assert.deepEqual(sortByPriority(tasks).map((task) => task.id), [3, 4, 2, 1]);
  assert.deepEqual(visibleTasks(setPriority(tasks, 1, 'high')).map((task) => task.id)[0], 1);
});

test('an unknown priority is refused', () => {
  assert.throws(() => addTask([], 'x', 'critical'), /Unknown priority/);
  assert.throws(() => setPriority(addTask([], 'x'), 1, 'someday'), /Unknown priority/);
  assert.equal(normalizeTasks([{ id: 1, title: 'x', priority: 'someday' }])[0].priority, 'normal');
});
