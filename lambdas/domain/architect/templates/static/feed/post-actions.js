  const actions = element('div', 'post-actions');
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', 'Post actions');
