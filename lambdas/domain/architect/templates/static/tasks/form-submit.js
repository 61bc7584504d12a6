}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    commit(addTask(tasks, titleInput.value{{priorityArg}}));
    titleInput.value = '';
    formError.textContent = '';
  } catch (error) {
    formError.textContent = error.message;
  }
  titleInput.focus();
});

clearButton.addEventListener('click', () => commit(clearCompleted(tasks)));
