
test('the fuel of a trip, its cost and each share', () => {
  assert.deepEqual(tripFuelCost(300, 7, 1.8, 1), { fuel: 21, cost: 37.8, perPerson: 37.8 });
  assert.deepEqual(tripFuelCost(450, 6.5, 1.75, 3), { fuel: 29.25, cost: 51.19, perPerson: 17.07 });
  assert.deepEqual(tripFuelCost(0, 6, 2, 2), { fuel: 0, cost: 0, perPerson: 0 });
});

test('a trip that cannot be costed is refused with a reason', () => {
  assert.throws(() => tripFuelCost(100, 0, 2, 1), /consumption must be more than 0/);
  assert.throws(() => tripFuelCost(-1, 6, 2, 1), /distance must be at least 0/);
  assert.throws(() => tripFuelCost(100, 6, 2, 0), /number of people must be at least 1/);
  assert.throws(() => tripFuelCost(100, Number.NaN, 2, 1), FormulaError);
});
