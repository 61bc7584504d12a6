
/** The body mass index (kg/m², one decimal) and its adult category. */
export function bodyMassIndex(weightKg, heightCm) {
  check(weightKg, 'the weight', { min: 0, max: 1000, exclusiveMin: true });
  check(heightCm, 'the height', { min: 30, max: 300 });
  const metres = heightCm / 100;
  const bmi = Math.round((weightKg / (metres * metres)) * 10) / 10;
  return { bmi, category: bmiCategory(bmi) };
}

export function bmiCategory(bmi) {
  if (bmi < 18.5) return 'Underweight';
  if (bmi < 25) return 'Healthy weight';
  if (bmi < 30) return 'Overweight';
  return 'Obesity';
}
