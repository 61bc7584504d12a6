test('search matches every word, ignoring case', () => {
  const tasks = sample();
  assert.deepEqual(searchTasks(tasks, 'MILK').map((task) => task.id), [1]);
  assert.deepEqual(searchTasks(tasks, 'the call').map((task) => task.id), [3]);
  assert.equal(searchTasks(tasks, 'milk report').length, 0);
  assert.equal(searchTasks(tasks, '  ').length, 3);
  assert.deepEqual(visibleTasks(tasks, { query: 'report' }).map((task) => task.id), [2]);
});
