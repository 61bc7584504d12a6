import { blocks, has, importLine, js, type AppSpec, type KindTemplate } from './app-spec';
import { exportHandler, mainPreamble, recordsStore, searchHandler, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

function tasksModule(spec: AppSpec): string {
  const priorities = has(spec, 'priorities');
  return blocks(
    staticSource('tasks/module-head.js').trimEnd(),
    priorities && js`export const PRIORITIES = ['high', 'normal', 'low'];`,
    has(spec, 'filter') && js`export const FILTERS = ['all', 'active', 'done'];`,
    staticSource('tasks/clean-title.js'),
    priorities
      ? staticSource('tasks/add-task.js')
      : staticSource('tasks/add-task-plain.js').trimEnd(),
    staticSource('tasks/toggle-task.js'),
    has(spec, 'filter') && staticSource('tasks/filter-tasks.js'),
    has(spec, 'search') &&
      staticSource('tasks/search-tasks.js'),
    priorities &&
      staticSource('tasks/set-priority.js'),
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
    staticSource('tasks/normalize-tasks.js'),
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
    fillSlots(staticSource('tasks/tasks-test.js'), { imports: imports.join(', ') }),
    has(spec, 'filter') &&
      staticSource('tasks/filter-test.js'),
    has(spec, 'search') &&
      staticSource('tasks/search-test.js'),
    priorities &&
      staticSource('tasks/priority-test.js'),
  );
}

function body(spec: AppSpec): string {
  const filter = has(spec, 'filter');
  const search = has(spec, 'search');
  return fillSlots(staticSource('tasks/body.html'), {
    priority: has(spec, 'priorities') ? staticSource('tasks/priority-field.html') : '',
    toolbar:
      filter || search
        ? `        <div class="row spread toolbar">\n${filter ? staticSource('tasks/filter-buttons.html') : ''}${
            search ? staticSource('tasks/search-field.html') : ''
          }        </div>\n`
        : '',
    export: has(spec, 'export') ? '            <button id="export" type="button">Export JSON</button>\n' : '',
  });
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
      ? recordsStore(spec, 'tasks', 'tasks', '[]', 'normalizeTasks')
      : js`let tasks = [];`,
    staticSource('tasks/page-elements.js'),
    priorities && js`const prioritySelect = byId('task-priority');`,
    has(spec, 'filter') && js`const filterButtons = [...byId('filters').querySelectorAll('button[data-filter]')];`,
    fillSlots(staticSource('tasks/main-rest.js'), { saveTasks: saves ? '  store.save(tasks);\n' : '', priorityClass: priorities ? " + ' priority-' + task.priority" : '' }),
    priorities &&
      staticSource('tasks/priority-select.js'),
    staticSource('tasks/remove-button.js'),
    has(spec, 'filter') &&
      js`  for (const button of filterButtons) button.setAttribute('aria-pressed', String(button.dataset.filter === view.filter));`,
    fillSlots(staticSource('tasks/form-submit.js'), { priorityArg: priorities ? ', prioritySelect.value' : '' }),
    has(spec, 'filter') &&
      staticSource('tasks/filter-click.js'),
    has(spec, 'search') &&
      searchHandler('view.query', 'render'),
    has(spec, 'export') &&
      exportHandler(spec, 'tasks', 'tasks'),
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
