
test('a percentage of a number, a share as a percentage and a percentage change', () => {
  assert.equal(percentOf(20, 150), 30);
  assert.equal(decimal(percentShare(1, 3)), '33.33');
  assert.equal(percentChange(80, 100), 25);
  assert.equal(percentChange(100, 80), -20);
  assert.equal(percentChange(-50, -25), 50);
});

test('a share of nothing and a change from 0 are refused', () => {
  assert.throws(() => percentShare(5, 0), /whole cannot be 0/);
  assert.throws(() => percentChange(0, 10), /change from 0/);
});
