import { test } from 'node:test';
import assert from 'node:assert/strict';
import { {{imports}} } from '../src/tasks.js';

function sample() {
  let tasks = addTask([], 'Buy milk');
  tasks = addTask(tasks, 'Write report');
  tasks = addTask(tasks, 'Call the plumber');
  return toggleTask(tasks, 2);
}

test('adding a task gives it the next id, a clean title and an open state', () => {
  const tasks = addTask(addTask([], 'First'), '  Second   task  ');
  assert.equal(tasks.length, 2);
  assert.deepEqual(
    { id: tasks[1].id, title: tasks[1].title, done: tasks[1].done },
    { id: 2, title: 'Second task', done: false },
  );
});

test('a task needs a title', () => {
  assert.throws(() => addTask([], '   '), /needs a title/);
});

test('adding does not change the original list', () => {
  const before = addTask([], 'One');
  addTask(before, 'Two');
  assert.equal(before.length, 1);
});

test('completing toggles one task only', () => {
  const tasks = sample();
  assert.deepEqual(tasks.map((task) => task.done), [false, true, false]);
  assert.equal(toggleTask(tasks, 2)[1].done, false);
  assert.equal(countRemaining(tasks), 2);
});

test('deleting removes exactly that task and ids are not reused', () => {
  const tasks = deleteTask(sample(), 3);
  assert.deepEqual(tasks.map((task) => task.id), [1, 2]);
  assert.equal(addTask(deleteTask(sample(), 1), 'New').at(-1).id, 4);
});

test('clearing completed keeps open tasks', () => {
  assert.deepEqual(clearCompleted(sample()).map((task) => task.title), ['Buy milk', 'Call the plumber']);
});

test('stored tasks are cleaned', () => {
  const tasks = normalizeTasks([{ id: 1, title: ' A ', done: true }, { id: 1, title: 'dup' }, { id: 'x', title: 'B' }, null, { id: 3, title: '' }]);
  assert.deepEqual(tasks.map((task) => [task.id, task.title, task.done]), [[1, 'A', true]]);
  assert.deepEqual(normalizeTasks({}), []);
});
