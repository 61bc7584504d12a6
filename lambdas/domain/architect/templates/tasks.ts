import { blocks, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

function tasksModule(spec: AppSpec): string {
  const priorities = has(spec, 'priorities');
  return blocks(
    js`// Pure task-list logic: every function returns new data and never touches the page.

export const MAX_TITLE_LENGTH = 200;`,
    priorities && js`export const PRIORITIES = ['high', 'normal', 'low'];`,
    has(spec, 'filter') && js`export const FILTERS = ['all', 'active', 'done'];`,
    js`
/** Collapses whitespace and trims; titles are single lines of at most MAX_TITLE_LENGTH characters. */
export function cleanTitle(title) {
  return String(title ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

export function nextId(tasks) {
  return tasks.reduce((max, task) => Math.max(max, task.id), 0) + 1;
}
`,
    priorities
      ? js`export function addTask(tasks, title, priority = 'normal') {
  const clean = cleanTitle(title);
  if (clean === '') throw new TypeError('A task needs a title');
  if (!PRIORITIES.includes(priority)) throw new RangeError('Unknown priority "' + priority + '"');
  return [...tasks, { id: nextId(tasks), title: clean, done: false, priority }];
}`
      : js`export function addTask(tasks, title) {
  const clean = cleanTitle(title);
  if (clean === '') throw new TypeError('A task needs a title');
  return [...tasks, { id: nextId(tasks), title: clean, done: false }];
}`,
    js`
export function toggleTask(tasks, id) {
  return tasks.map((task) => (task.id === id ? { ...task, done: !task.done } : task));
}

export function deleteTask(tasks, id) {
  return tasks.filter((task) => task.id !== id);
}

export function clearCompleted(tasks) {
  return tasks.filter((task) => !task.done);
}

export function countRemaining(tasks) {
  return tasks.filter((task) => !task.done).length;
}
`,
    has(spec, 'filter') &&
      js`/** all, active (not done) or done. */
export function filterTasks(tasks, filter) {
  if (filter === 'active') return tasks.filter((task) => !task.done);
  if (filter === 'done') return tasks.filter((task) => task.done);
  return tasks.slice();
}
`,
    has(spec, 'search') &&
      js`/** Tasks whose title contains every word of the query, ignoring case. */
export function searchTasks(tasks, query) {
  const terms = cleanTitle(query).toLowerCase().split(' ').filter((term) => term !== '');
  if (terms.length === 0) return tasks.slice();
  return tasks.filter((task) => {
    const title = task.title.toLowerCase();
    return terms.every((term) => title.includes(term));
  });
}
`,
    priorities &&
      js`export function setPriority(tasks, id, priority) {
  if (!PRIORITIES.includes(priority)) throw new RangeError('Unknown priority "' + priority + '"');
  return tasks.map((task) => (task.id === id ? { ...task, priority } : task));
}

/** High before normal before low; equal priorities keep the order they were added in. */
export function sortByPriority(tasks) {
  const rank = (task) => PRIORITIES.indexOf(task.priority);
  return [...tasks].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}
`,
    js`/** The tasks to show for a view: ${
      [has(spec, 'filter') && 'view.filter', has(spec, 'search') && 'view.query', priorities && 'sorted by priority']
        .filter((x) => x)
        .join(', ') || 'all of them, in order'
    }. */
export function visibleTasks(tasks, view = {}) {
  let shown = tasks.slice();`,
    has(spec, 'filter') && js`  shown = filterTasks(shown, view.filter ?? 'all');`,
    has(spec, 'search') && js`  shown = searchTasks(shown, view.query ?? '');`,
    priorities && js`  shown = sortByPriority(shown);`,
    js`  return shown;
}

/** Tasks read back from storage: malformed entries and duplicate ids are dropped. */
export function normalizeTasks(raw) {
  if (!Array.isArray(raw)) return [];
  const seen = new Set();
  const tasks = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const id = item.id;
    const title = cleanTitle(item.title);
    if (!Number.isInteger(id) || id < 1 || seen.has(id) || title === '') continue;
    seen.add(id);`,
    priorities
      ? js`    const priority = PRIORITIES.includes(item.priority) ? item.priority : 'normal';
    tasks.push({ id, title, done: item.done === true, priority });`
      : js`    tasks.push({ id, title, done: item.done === true });`,
    js`  }
  return tasks;
}
`,
  );
}

function tasksTest(spec: AppSpec): string {
  const priorities = has(spec, 'priorities');
  const imports = [
    'addTask',
    'clearCompleted',
    'countRemaining',
    'deleteTask',
    has(spec, 'filter') && 'filterTasks',
    'normalizeTasks',
    has(spec, 'search') && 'searchTasks',
    priorities && 'setPriority',
    priorities && 'sortByPriority',
    'toggleTask',
    'visibleTasks',
  ].filter((x): x is string => typeof x === 'string');
  return blocks(
    js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ${imports.join(', ')} } from '../src/tasks.js';
` + staticSource('tasks/tasks-test-rest.js'),
    has(spec, 'filter') &&
      js`test('filters show all, active or done tasks', () => {
  const tasks = sample();
  assert.equal(filterTasks(tasks, 'all').length, 3);
  assert.deepEqual(filterTasks(tasks, 'active').map((task) => task.id), [1, 3]);
  assert.deepEqual(filterTasks(tasks, 'done').map((task) => task.id), [2]);
  assert.deepEqual(visibleTasks(tasks, { filter: 'done' }).map((task) => task.id), [2]);
});
`,
    has(spec, 'search') &&
      js`test('search matches every word, ignoring case', () => {
  const tasks = sample();
  assert.deepEqual(searchTasks(tasks, 'MILK').map((task) => task.id), [1]);
  assert.deepEqual(searchTasks(tasks, 'the call').map((task) => task.id), [3]);
  assert.equal(searchTasks(tasks, 'milk report').length, 0);
  assert.equal(searchTasks(tasks, '  ').length, 3);
  assert.deepEqual(visibleTasks(tasks, { query: 'report' }).map((task) => task.id), [2]);
});
`,
    priorities &&
      staticSource('tasks/priority-test.js'),
  );
}

function body(spec: AppSpec): string {
  return blocks(
    '      <section class="card">',
    '        <form id="task-form" class="row" autocomplete="off">',
    '          <div class="field grow">',
    '            <label for="task-title">New task</label>',
    '            <input id="task-title" name="title" maxlength="200" placeholder="What needs doing?" required>',
    '          </div>',
    has(spec, 'priorities') &&
      blocks(
        '          <div class="field">',
        '            <label for="task-priority">Priority</label>',
        '            <select id="task-priority" name="priority">',
        '              <option value="high">High</option>',
        '              <option value="normal" selected>Normal</option>',
        '              <option value="low">Low</option>',
        '            </select>',
        '          </div>',
      ),
    '          <button type="submit" class="primary">Add task</button>',
    '        </form>',
    '        <p id="form-error" class="error" role="alert"></p>',
    '      </section>',
    '      <section class="card" aria-labelledby="list-title">',
    '        <h2 id="list-title" class="visually-hidden">Task list</h2>',
    (has(spec, 'filter') || has(spec, 'search')) && '        <div class="row spread toolbar">',
    has(spec, 'filter') &&
      blocks(
        '          <div id="filters" class="row" role="group" aria-label="Show">',
        '            <button type="button" data-filter="all" aria-pressed="true">All</button>',
        '            <button type="button" data-filter="active" aria-pressed="false">Active</button>',
        '            <button type="button" data-filter="done" aria-pressed="false">Done</button>',
        '          </div>',
      ),
    has(spec, 'search') &&
      blocks(
        '          <div class="field">',
        '            <label for="search" class="visually-hidden">Search tasks</label>',
        '            <input id="search" type="search" placeholder="Search tasks">',
        '          </div>',
      ),
    (has(spec, 'filter') || has(spec, 'search')) && '        </div>',
    '        <ul id="task-list" class="task-list"></ul>',
    '        <p id="empty-state" class="muted">No tasks yet. Add one above.</p>',
    '        <div class="row spread">',
    '          <p id="remaining" class="muted" aria-live="polite"></p>',
    '          <div class="row">',
    has(spec, 'export') && '            <button id="export" type="button">Export JSON</button>',
    '            <button id="clear-completed" type="button" class="danger">Clear completed</button>',
    '          </div>',
    '        </div>',
    '      </section>',
  );
}

const CSS = staticSource('tasks/css.css');

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const priorities = has(spec, 'priorities');
  const imports = [
    'addTask',
    'clearCompleted',
    'countRemaining',
    'deleteTask',
    saves && 'normalizeTasks',
    priorities && 'PRIORITIES',
    priorities && 'setPriority',
    'toggleTask',
    'visibleTasks',
  ].filter((x): x is string => typeof x === 'string');
  return blocks(
    ...sharedImports(spec),
    importLine(imports, './tasks.js'),
    '',
    mainPreamble(spec),
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'tasks'))}, { fallback: [], revive: normalizeTasks });
let tasks = store.load();`
      : js`let tasks = [];`,
    js`const view = { filter: 'all', query: '' };

const form = byId('task-form');
const titleInput = byId('task-title');
const formError = byId('form-error');
const list = byId('task-list');
const emptyState = byId('empty-state');
const remaining = byId('remaining');
const clearButton = byId('clear-completed');`,
    priorities && js`const prioritySelect = byId('task-priority');`,
    has(spec, 'filter') && js`const filterButtons = [...byId('filters').querySelectorAll('button[data-filter]')];`,
    fillSlots(staticSource('tasks/main-rest.js'), { saveTasks: saves ? '  store.save(tasks);\n' : '', priorityClass: priorities ? " + ' priority-' + task.priority" : '' }),
    priorities &&
      staticSource('tasks/priority-select.js'),
    staticSource('tasks/remove-button.js'),
    has(spec, 'filter') &&
      js`  for (const button of filterButtons) button.setAttribute('aria-pressed', String(button.dataset.filter === view.filter));`,
    js`}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    commit(addTask(tasks, titleInput.value${priorities ? ', prioritySelect.value' : ''}));
    titleInput.value = '';
    formError.textContent = '';
  } catch (error) {
    formError.textContent = error.message;
  }
  titleInput.focus();
});

clearButton.addEventListener('click', () => commit(clearCompleted(tasks)));
`,
    has(spec, 'filter') &&
      js`byId('filters').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-filter]');
  if (!button) return;
  view.filter = button.dataset.filter;
  render();
});
`,
    has(spec, 'search') &&
      js`byId('search').addEventListener('input', (event) => {
  view.query = event.target.value;
  render();
});
`,
    has(spec, 'export') &&
      js`byId('export').addEventListener('click', () => {
  const data = buildExport(${jsString(spec.title)}, 'tasks', tasks);
  downloadText(document, exportFileName(${jsString(spec.projectName)}, new Date()), serializeExport(data));
});
`,
    js`render();`,
    '',
  );
}

export function tasksTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/tasks.js', content: tasksModule(spec) },
      { path: 'test/tasks.test.js', content: tasksTest(spec) },
    ],
    layout: {
      'src/tasks.js': `the task list as pure functions: ${[
        'add, complete, delete',
        has(spec, 'filter') && 'filter',
        has(spec, 'search') && 'search',
        has(spec, 'priorities') && 'priorities',
      ]
        .filter((x) => x)
        .join(', ')}`,
    },
  };
}
