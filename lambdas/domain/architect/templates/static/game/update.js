
/** Changes what is kept (scores and settings) and saves it. */
function update(change) {
  saved = { ...saved, ...change };
{{save}}
}
