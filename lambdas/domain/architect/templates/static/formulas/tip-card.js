formula('tip', () => {
  const { tip, total, perPerson } = tipSplit(numberIn('tip-bill'), numberIn('tip-percent'), numberIn('tip-people'));
  return { 'tip-amount': money(tip), 'tip-total': money(total), 'tip-each': money(perPerson) };
});