const BLOCK_TAGS = { heading1: 'h2', heading2: 'h3', heading3: 'h4', paragraph: 'p', quote: 'blockquote' };

/** The page body as blocks; a click on a to-do ticks it in the body itself. */
function renderPage(note) {
  const nodes = [];
  let list = null;
  for (const block of parseBlocks(note.body)) {
    if (block.type === 'bullet' || block.type === 'numbered') {
      const tag = block.type === 'bullet' ? 'UL' : 'OL';
      if (!list || list.tagName !== tag) {
        list = document.createElement(tag.toLowerCase());
        if (block.type === 'numbered') list.start = block.number;
        nodes.push(list);
      }
      const item = document.createElement('li');
      item.textContent = block.text;
      list.append(item);
      continue;
    }
    list = null;
    if (block.type === 'divider') {
      nodes.push(document.createElement('hr'));
    } else if (block.type === 'todo') {
      const label = document.createElement('label');
      label.className = 'todo-block' + (block.checked ? ' done' : '');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = block.checked;
      box.dataset.line = String(block.line);
      box.addEventListener('change', () => {
        edit({ body: toggleTodoLine(note.body, block.line) });
        renderEditor();
        const again = pageView.querySelector('input[data-line="' + block.line + '"]');
        if (again) again.focus();
      });
      const text = document.createElement('span');
      text.textContent = block.text;
      label.append(box, text);
      nodes.push(label);
    } else {
      const element = document.createElement(BLOCK_TAGS[block.type]);
      element.textContent = block.text;
      nodes.push(element);
    }
  }
  pageView.replaceChildren(...nodes);
  const progress = todoProgress(note.body);
  todoProgressText.textContent = progress.total === 0 ? '' : progress.done + ' of ' + progress.total + ' to-dos done';
}

