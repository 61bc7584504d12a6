
test('the monthly payment of a loan, the total paid and the interest', () => {
  assert.deepEqual(loanPayment(200000, 6, 30), { monthly: 1199.1, total: 431676.38, interest: 231676.38, months: 360 });
  assert.deepEqual(loanPayment(10000, 5, 5), { monthly: 188.71, total: 11322.74, interest: 1322.74, months: 60 });
});

test('at 0 % the amount is divided over the months', () => {
  assert.deepEqual(loanPayment(1200, 0, 1), { monthly: 100, total: 1200, interest: 0, months: 12 });
});

test('a loan without an amount or a term is refused', () => {
  assert.throws(() => loanPayment(0, 5, 10), /loan amount must be more than 0/);
  assert.throws(() => loanPayment(1000, 5, 0), /term in years must be more than 0/);
  assert.throws(() => loanPayment(1000, 150, 1), /interest rate must be at most 100/);
});
