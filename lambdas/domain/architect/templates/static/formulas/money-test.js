
test('amounts are shown in whole cents and numbers with at most two decimals', () => {
  assert.equal(money(12.5), '12.50');
  assert.equal(money(0.1 + 0.2), '0.30');
  assert.equal(cents(1.005), 1.01);
  assert.equal(decimal(2 / 3), '0.67');
  assert.equal(decimal(25), '25');
});
