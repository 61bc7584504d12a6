  const priority = document.createElement('select');
  priority.setAttribute('aria-label', 'Priority of ' + task.title);
  for (const value of PRIORITIES) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value[0].toUpperCase() + value.slice(1);
    priority.append(option);
  }
  priority.value = task.priority;
  priority.addEventListener('change', () => {
    commit(setPriority(tasks, task.id, priority.value));
    focusTask(task.id, 'select');
  });
  item.append(priority);
