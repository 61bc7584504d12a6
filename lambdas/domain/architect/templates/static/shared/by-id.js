/** The element with this id; the page and this script are generated together, so a miss is a bug. */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error('Missing element #' + id);
  return element;
}
