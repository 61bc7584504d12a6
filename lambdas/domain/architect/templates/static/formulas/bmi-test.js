
test('the body mass index and its category', () => {
  assert.deepEqual(bodyMassIndex(70, 175), { bmi: 22.9, category: 'Healthy weight' });
  assert.deepEqual(bodyMassIndex(50, 175), { bmi: 16.3, category: 'Underweight' });
  assert.deepEqual(bodyMassIndex(85, 175), { bmi: 27.8, category: 'Overweight' });
  assert.deepEqual(bodyMassIndex(110, 175), { bmi: 35.9, category: 'Obesity' });
});

test('the categories change at 18.5, 25 and 30', () => {
  assert.equal(bmiCategory(18.4), 'Underweight');
  assert.equal(bmiCategory(18.5), 'Healthy weight');
  assert.equal(bmiCategory(25), 'Overweight');
  assert.equal(bmiCategory(30), 'Obesity');
});

test('a weight or height that is not a body is refused', () => {
  assert.throws(() => bodyMassIndex(0, 175), /weight must be more than 0/);
  assert.throws(() => bodyMassIndex(70, 10), /height must be at least 30/);
});
