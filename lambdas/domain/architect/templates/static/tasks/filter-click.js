byId('filters').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-filter]');
  if (!button) return;
  view.filter = button.dataset.filter;
  render();
});
