
function commit(next) {
  tasks = next;
{{saveTasks}}  render();
}

/** Keeps keyboard focus on the same task after the list is redrawn. */
function focusTask(id, selector) {
  const element = list.querySelector('li[data-id="' + id + '"] ' + selector);
  if (element) element.focus();
}

function renderTask(task) {
  const item = document.createElement('li');
  item.className = 'task' + (task.done ? ' done' : ''){{priorityClass}};
  item.dataset.id = String(task.id);

  const label = document.createElement('label');
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.checked = task.done;
  checkbox.addEventListener('change', () => {
    commit(toggleTask(tasks, task.id));
    focusTask(task.id, 'input');
  });
  const title = document.createElement('span');
  title.className = 'task-title';
  title.textContent = task.title;
  label.append(checkbox, title);
  item.append(label);
