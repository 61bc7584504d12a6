
/**
 * A loan or mortgage repaid in equal monthly payments: the payment, the total paid and the
 * interest in it. The yearly rate is a percentage; at 0 % the amount is simply divided.
 */
export function loanPayment(amount, yearlyRatePercent, years) {
  check(amount, 'the loan amount', { min: 0, exclusiveMin: true });
  check(yearlyRatePercent, 'the interest rate', { max: 100 });
  check(years, 'the term in years', { min: 0, max: 100, exclusiveMin: true });
  const months = Math.round(years * 12);
  if (months < 1) throw new FormulaError('The term must be at least one month');
  const rate = yearlyRatePercent / 100 / 12;
  const monthly = rate === 0 ? amount / months : (amount * rate) / (1 - Math.pow(1 + rate, -months));
  const total = monthly * months;
  return { monthly: cents(monthly), total: cents(total), interest: cents(total - amount), months };
}
