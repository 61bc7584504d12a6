
/**
 * Savings that grow with compound interest, added monthly, with an optional deposit at the end of
 * each month: the balance after the years, what was paid in, and the interest earned.
 */
export function compoundInterest(start, yearlyRatePercent, years, monthlyDeposit) {
  check(start, 'the starting amount');
  check(yearlyRatePercent, 'the interest rate', { max: 100 });
  check(years, 'the number of years', { min: 0, max: 100, exclusiveMin: true });
  check(monthlyDeposit, 'the monthly deposit');
  const months = Math.round(years * 12);
  if (months < 1) throw new FormulaError('The time must be at least one month');
  const rate = yearlyRatePercent / 100 / 12;
  const growth = Math.pow(1 + rate, months);
  const balance = start * growth + (rate === 0 ? monthlyDeposit * months : (monthlyDeposit * (growth - 1)) / rate);
  const paidIn = start + monthlyDeposit * months;
  return { balance: cents(balance), paidIn: cents(paidIn), interest: cents(balance - paidIn), months };
}
