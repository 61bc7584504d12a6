// The age today, until another date is chosen.
if (byId('age-on').value === '') {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  byId('age-on').value = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
}
formula('age', () => {
  const age = ageOn(byId('age-birth').value, byId('age-on').value);
  return { 'age-value': describeAge(age), 'age-days': String(age.totalDays) };
});