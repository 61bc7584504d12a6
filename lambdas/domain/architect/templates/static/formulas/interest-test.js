
test('savings with compound interest: the balance, what was paid in and the interest', () => {
  assert.deepEqual(compoundInterest(1000, 5, 10, 0), { balance: 1647.01, paidIn: 1000, interest: 647.01, months: 120 });
  assert.deepEqual(compoundInterest(0, 6, 1, 100), { balance: 1233.56, paidIn: 1200, interest: 33.56, months: 12 });
});

test('at 0 % the balance is what was paid in', () => {
  assert.deepEqual(compoundInterest(500, 0, 2, 50), { balance: 1700, paidIn: 1700, interest: 0, months: 24 });
});

test('savings without time, or with a negative deposit, are refused', () => {
  assert.throws(() => compoundInterest(1000, 5, 0, 0), /number of years must be more than 0/);
  assert.throws(() => compoundInterest(1000, 5, 1, -10), /monthly deposit must be at least 0/);
  assert.throws(() => compoundInterest(1000, 101, 1, 0), /interest rate must be at most 100/);
});
