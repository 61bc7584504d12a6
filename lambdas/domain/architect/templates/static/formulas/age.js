
/** A calendar day from an ISO date ("2000-02-29"), checked to be a real day. */
function day(text, name) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!match) throw new FormulaError('Enter ' + name);
  const value = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (value.month < 1 || value.month > 12 || value.day < 1 || value.day > daysInMonth(value.year, value.month)) {
    throw new FormulaError(capital(name) + ' is not a real day');
  }
  return value;
}

/** Days in a month (1 to 12) of a year. */
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day `months` months after `from`, on the same day of the month or the month's last day. */
function addMonths(from, months) {
  const index = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(from.day, daysInMonth(year, month)) };
}

function utc(value) {
  return Date.UTC(value.year, value.month - 1, value.day);
}

/**
 * An age on a date, from the birth date: whole years, months and days (a month after the 31st is
 * the month's last day), and the days in all.
 */
export function ageOn(birthDate, onDate) {
  const birth = day(birthDate, 'the birth date');
  const on = day(onDate, 'the date');
  if (utc(on) < utc(birth)) throw new FormulaError('The date must not be before the birth date');
  let months = (on.year - birth.year) * 12 + (on.month - birth.month);
  if (utc(addMonths(birth, months)) > utc(on)) months -= 1;
  const days = Math.round((utc(on) - utc(addMonths(birth, months))) / 86400000);
  return {
    years: Math.floor(months / 12),
    months: months % 12,
    days,
    totalDays: Math.round((utc(on) - utc(birth)) / 86400000),
  };
}

/** An age for display: "34 years, 1 month, 0 days". */
export function describeAge(age) {
  const part = (n, unit) => n + ' ' + unit + (n === 1 ? '' : 's');
  return [part(age.years, 'year'), part(age.months, 'month'), part(age.days, 'day')].join(', ');
}
