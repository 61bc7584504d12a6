const view = { filter: 'all', query: '' };

const form = byId('task-form');
const titleInput = byId('task-title');
const formError = byId('form-error');
const list = byId('task-list');
const emptyState = byId('empty-state');
const remaining = byId('remaining');
const clearButton = byId('clear-completed');