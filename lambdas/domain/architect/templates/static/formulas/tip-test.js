
test('a tip, the total and each share of the bill', () => {
  assert.deepEqual(tipSplit(50, 15, 1), { tip: 7.5, total: 57.5, perPerson: 57.5 });
  assert.deepEqual(tipSplit(84.2, 18, 3), { tip: 15.16, total: 99.36, perPerson: 33.12 });
  assert.deepEqual(tipSplit(100, 0, 4), { tip: 0, total: 100, perPerson: 25 });
});

test('shares are rounded up so that together they cover the total', () => {
  const { total, perPerson } = tipSplit(100, 0, 3);
  assert.equal(perPerson, 33.34);
  assert.ok(perPerson * 3 >= total);
});

test('a bill that cannot be split is refused with a reason', () => {
  assert.throws(() => tipSplit(-5, 10, 2), /bill must be at least 0/);
  assert.throws(() => tipSplit(50, 10, 0), /number of people must be at least 1/);
  assert.throws(() => tipSplit(50, 10, 2.5), /whole number/);
  assert.throws(() => tipSplit(Number.NaN, 10, 2), FormulaError);
});
