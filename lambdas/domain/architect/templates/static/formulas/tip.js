
/**
 * The tip on a bill, the total, and each person's share of it. Each share is rounded up to the
 * cent, so the shares together always cover the total.
 */
export function tipSplit(bill, tipPercent, people) {
  check(bill, 'the bill');
  check(tipPercent, 'the tip percentage', { max: 100 });
  check(people, 'the number of people', { min: 1, max: 1000, whole: true });
  const tip = cents((bill * tipPercent) / 100);
  const total = cents(bill + tip);
  const perPerson = Math.ceil(Math.round(total * 100) / people) / 100;
  return { tip, total, perPerson };
}
