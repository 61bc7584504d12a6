formula('bmi', () => {
  const { bmi, category } = bodyMassIndex(numberIn('bmi-weight'), numberIn('bmi-height'));
  return { 'bmi-value': bmi.toFixed(1), 'bmi-category': category };
});