
test('an age in years, months and days, and in days in all', () => {
  assert.deepEqual(ageOn('1990-05-15', '2024-05-15'), { years: 34, months: 0, days: 0, totalDays: 12419 });
  assert.deepEqual(ageOn('2000-01-01', '2024-05-15'), { years: 24, months: 4, days: 14, totalDays: 8901 });
  assert.equal(describeAge(ageOn('2023-04-14', '2024-05-15')), '1 year, 1 month, 1 day');
});

test('a month after the 31st or the 29th of February ends on the month’s last day', () => {
  assert.deepEqual(ageOn('2024-01-31', '2024-03-01'), { years: 0, months: 1, days: 1, totalDays: 30 });
  assert.deepEqual(ageOn('2000-02-29', '2024-02-28'), { years: 23, months: 11, days: 30, totalDays: 8765 });
});

test('a day that does not exist, or a date before the birth, is refused', () => {
  assert.throws(() => ageOn('2023-02-29', '2024-01-01'), /birth date is not a real day/);
  assert.throws(() => ageOn('', '2024-01-01'), /Enter the birth date/);
  assert.throws(() => ageOn('2024-01-02', '2024-01-01'), /must not be before the birth date/);
});
