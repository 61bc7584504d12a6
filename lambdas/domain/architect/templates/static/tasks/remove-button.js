  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'danger';
  remove.textContent = 'Delete';
  remove.setAttribute('aria-label', 'Delete ' + task.title);
  remove.addEventListener('click', () => {
    commit(deleteTask(tasks, task.id));
    titleInput.focus();
  });
  item.append(remove);
  return item;
}

function render() {
  const shown = visibleTasks(tasks, view);
  list.replaceChildren(...shown.map(renderTask));
  emptyState.hidden = shown.length > 0;
  emptyState.textContent = tasks.length === 0 ? 'No tasks yet. Add one above.' : 'No tasks match.';
  const left = countRemaining(tasks);
  remaining.textContent = left + (left === 1 ? ' task left' : ' tasks left');
  clearButton.disabled = tasks.every((task) => !task.done);