byId('search').addEventListener('input', (event) => {
  {{query}} = event.target.value;
  {{render}}();
});
