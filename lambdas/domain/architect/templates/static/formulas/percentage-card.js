formula('percentage', () => {
  const a = numberIn('pct-a');
  const b = numberIn('pct-b');
  const results = { 'pct-of': decimal(percentOf(a, b)), 'pct-share': '', 'pct-change': '' };
  // The first result needs no more than two numbers; the others say why they have none.
  const messages = [];
  try {
    results['pct-share'] = decimal(percentShare(a, b)) + ' %';
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    messages.push(error.message);
  }
  try {
    const change = percentChange(a, b);
    results['pct-change'] = (change > 0 ? '+' : '') + decimal(change) + ' %';
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    messages.push(error.message);
  }
  if (messages.length > 0) results.error = messages.join('. ');
  return results;
});