// The data model of an app compiled from its spec: records of typed fields, and the behaviours
// the spec asks for (search, filter, sort, group, totals, averages, ratios, thresholds, changes,
// goals, streaks, due today, countdowns, import/export, undo). Pure functions over plain data, so the page and the node:test tests share them.

/** A calendar day as YYYY-MM-DD in local time. */
export function isoDay(date) {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return y + '-' + m + '-' + d;
}

/** The day `n` days after `day` (YYYY-MM-DD); negative `n` goes back. */
export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return isoDay(new Date(y, m - 1, d + n));
}

export function entityOf(spec, entityId) {
  const entity = spec.entities.find((e) => e.id === entityId);
  if (!entity) throw new Error('Unknown entity ' + entityId);
  return entity;
}

export function fieldOf(spec, entityId, fieldId) {
  const field = entityOf(spec, entityId).fields.find((f) => f.id === fieldId);
  if (!field) throw new Error(entityId + ' has no field ' + fieldId);
  return field;
}

export function behavioursOf(spec, type, entityId) {
  return spec.behaviours.filter((b) => b.type === type && (entityId === undefined || b.entity === entityId));
}

export function emptyData(spec) {
  const records = {};
  for (const entity of spec.entities) records[entity.id] = [];
  // `goals`: the targets set in the app, for goals the spec leaves to the person (see goalTarget).
  return { records, nextId: 1, goals: {} };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A time of day as people write it: "18:30", "8:05", "18:30:00", "6pm", "6:30 p.m.". */
const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*(?:([ap])\.?\s?m\.?)?$/i;

/** "6:30 pm" as "18:30"; null when it is no time of day. */
export function timeOfDay(text) {
  const m = CLOCK.exec(String(text).trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (minutes > 59) return null;
  if (m[3]) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  } else if (hours > 23) return null;
  return String(hours).padStart(2, '0') + ':' + String(minutes).padStart(2, '0');
}

/** Turns one raw form or JSON value into the field's type; throws with a message a person can read. */
export function coerceValue(field, raw) {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (empty || (field.type === 'tags' && Array.isArray(raw) && raw.length === 0)) {
    if (field.required) throw new Error(field.label + ' is required');
    if (field.type === 'boolean') return false;
    if (field.type === 'tags') return [];
    return null;
  }
  switch (field.type) {
    case 'text':
    case 'longtext':
      return String(raw).trim();
    case 'number':
    case 'money': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.'));
      if (!Number.isFinite(n)) throw new Error(field.label + ' must be a number');
      return field.type === 'money' ? Math.round(n * 100) / 100 : n;
    }
    case 'rating': {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 5) throw new Error(field.label + ' must be 0 to 5 stars');
      return n;
    }
    case 'date': {
      const s = String(raw).trim();
      if (!DAY.test(s) || Number.isNaN(new Date(s + 'T00:00:00').getTime())) throw new Error(field.label + ' must be a date');
      return s;
    }
    case 'time': {
      const time = timeOfDay(raw);
      if (time === null) throw new Error(field.label + ' must be a time of day, like 18:30');
      return time;
    }
    case 'boolean':
      return raw === true || raw === 'true' || raw === 'on' || raw === 1;
    case 'tags': {
      const list = Array.isArray(raw) ? raw : String(raw).split(',');
      return [...new Set(list.map((t) => String(t).trim().toLowerCase()).filter((t) => t !== ''))];
    }
    case 'choice': {
      const s = String(raw);
      if (!field.options.includes(s)) throw new Error(field.label + ' must be one of ' + field.options.join(', '));
      return s;
    }
    case 'url':
    case 'image': {
      const s = String(raw).trim();
      let url;
      try {
        url = new URL(s);
      } catch {
        throw new Error(field.label + ' must be a web address');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(field.label + ' must start with http(s)://');
      return s;
    }
    default:
      throw new Error('Unknown field type ' + field.type);
  }
}

/** A record of `entity` from raw values: every field coerced, the parent link checked. */
export function makeRecord(spec, data, entityId, input) {
  const entity = entityOf(spec, entityId);
  const record = {};
  for (const field of entity.fields) record[field.id] = coerceValue(field, input[field.id]);
  if (entity.parent) {
    const parentId = input[entity.parent.field];
    const parents = data.records[entity.parent.entity] ?? [];
    if (!parents.some((p) => p.id === parentId)) throw new Error('Pick the ' + entityOf(spec, entity.parent.entity).name);
    record[entity.parent.field] = parentId;
  }
  return record;
}

export function addRecord(spec, data, entityId, input) {
  const record = { id: 'r' + data.nextId, ...makeRecord(spec, data, entityId, input) };
  return { ...data, records: { ...data.records, [entityId]: [...data.records[entityId], record] }, nextId: data.nextId + 1 };
}

export function updateRecord(spec, data, entityId, id, input) {
  const list = data.records[entityId];
  const current = list.find((r) => r.id === id);
  if (!current) throw new Error('No such record');
  const record = { id, ...makeRecord(spec, data, entityId, { ...current, ...input }) };
  return { ...data, records: { ...data.records, [entityId]: list.map((r) => (r.id === id ? record : r)) } };
}

/** Counts a number field of one record up or down by `by` (a tally's − and +), never below zero. */
export function stepRecord(spec, data, entityId, id, fieldId, by) {
  const current = data.records[entityId].find((r) => r.id === id);
  if (!current) throw new Error('No such record');
  const value = Math.max(0, (Number(current[fieldId]) || 0) + by);
  return updateRecord(spec, data, entityId, id, { [fieldId]: value });
}

/** Deletes a record and, with it, the records that belong to it (a habit's check-ins). */
export function deleteRecord(spec, data, entityId, id) {
  const records = { ...data.records, [entityId]: data.records[entityId].filter((r) => r.id !== id) };
  for (const child of spec.entities.filter((e) => e.parent && e.parent.entity === entityId)) {
    records[child.id] = records[child.id].filter((r) => r[child.parent.field] !== id);
  }
  return { ...data, records };
}

/** Records whose text, tags or choices contain every word of the query (case-insensitive). */
export function searchRecords(entity, records, query) {
  const words = String(query).toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return records;
  const searchable = entity.fields.filter((f) => ['text', 'longtext', 'tags', 'choice', 'url'].includes(f.type));
  return records.filter((r) => {
    const haystack = searchable
      .map((f) => (Array.isArray(r[f.id]) ? r[f.id].join(' ') : (r[f.id] ?? '')))
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Records whose tags include `value`, whose choice equals it, or whose yes/no matches it; '' keeps all. */
export function filterRecords(field, records, value) {
  if (value === '' || value === null || value === undefined) return records;
  if (field.type === 'tags') return records.filter((r) => (r[field.id] ?? []).includes(String(value).toLowerCase()));
  if (field.type === 'boolean') return records.filter((r) => Boolean(r[field.id]) === (value === true || value === 'true'));
  return records.filter((r) => r[field.id] === value);
}

/** The values a filter on `field` offers: a choice's options, or every tag in use. */
export function filterValues(field, records) {
  if (field.type === 'choice') return [...field.options];
  if (field.type === 'boolean') return ['true', 'false'];
  return [...new Set(records.flatMap((r) => r[field.id] ?? []))].sort();
}

function compareValues(a, b) {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** A sorted copy; empty values last in both directions. */
export function sortRecords(field, records, direction) {
  const sign = direction === 'desc' ? -1 : 1;
  return [...records].sort((x, y) => {
    const a = x[field.id];
    const b = y[field.id];
    if (a === null || a === undefined || b === null || b === undefined) return compareValues(a, b);
    if (field.type === 'choice') return sign * (field.options.indexOf(a) - field.options.indexOf(b));
    return sign * compareValues(a, b);
  });
}

/** The group keys of one record: its choice, each of its tags, yes/no, or its month for a date. */
function groupKeys(field, record) {
  const value = record[field.id];
  if (field.type === 'tags') return value && value.length > 0 ? value : ['(no tags)'];
  if (field.type === 'boolean') return [value ? 'Yes' : 'No'];
  if (value === null || value === undefined || value === '') return ['(none)'];
  if (field.type === 'date') return [value.slice(0, 7)];
  return [String(value)];
}

/** Records grouped by `field`: a choice's groups in option order, others alphabetically. */
export function groupRecords(field, records) {
  const groups = new Map();
  if (field.type === 'choice') for (const option of field.options) groups.set(option, []);
  for (const record of records) {
    for (const key of groupKeys(field, record)) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(record);
    }
  }
  const entries = [...groups.entries()].map(([key, list]) => ({ key, records: list }));
  return field.type === 'choice' ? entries : entries.sort((a, b) => a.key.localeCompare(b.key));
}

function roundMoney(n) {
  return Math.round(n * 100) / 100;
}

/** The sum of a number or money field, overall. */
export function totalOf(field, records) {
  return roundMoney(records.reduce((sum, r) => sum + (typeof r[field.id] === 'number' ? r[field.id] : 0), 0));
}

/** How many periods a total per day, week, month or year shows: the latest. */
export const PERIODS_SHOWN = 12;

/** A period's name by its first day: the day, "week of" its Monday, the month (YYYY-MM) or the year. */
function periodName(per, start) {
  return per === 'week' ? 'week of ' + start : per === 'month' ? start.slice(0, 7) : per === 'year' ? start.slice(0, 4) : start;
}

/**
 * Sum and count per group; groups with no records are left out. By a date field, per day (or
 * `per` week, month or year), the latest first, at most PERIODS_SHOWN of them.
 */
export function totalsBy(field, byField, records, per = 'day') {
  if (byField.type === 'date') {
    const periods = new Map();
    for (const r of records) {
      if (typeof r[byField.id] !== 'string' || r[byField.id] === '') continue;
      const start = periodStart(per, r[byField.id]);
      if (!periods.has(start)) periods.set(start, []);
      periods.get(start).push(r);
    }
    return [...periods.entries()]
      .sort((a, b) => (a[0] < b[0] ? 1 : -1))
      .slice(0, PERIODS_SHOWN)
      .map(([start, list]) => ({ key: periodName(per, start), total: totalOf(field, list), count: list.length }));
  }
  return groupRecords(byField, records)
    .filter((g) => g.records.length > 0)
    .map((g) => ({ key: g.key, total: totalOf(field, g.records), count: g.records.length }));
}

/**
 * The mean of a number, money or rating field over the records that have a value, to two
 * decimals; with `weightField`, each record counts as many times as its weight (records without
 * a positive weight are left out). Null when no record counts.
 */
export function averageOf(field, records, weightField) {
  let sum = 0;
  let weights = 0;
  for (const record of records) {
    const value = record[field.id];
    const weight = weightField ? record[weightField.id] : 1;
    if (typeof value !== 'number' || typeof weight !== 'number' || !(weight > 0)) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? roundMoney(sum / weights) : null;
}

/** The average per group, with the records counted; groups with no records are left out. */
export function averagesBy(field, byField, records, weightField) {
  return groupRecords(byField, records)
    .filter((g) => g.records.length > 0)
    .map((g) => ({ key: g.key, average: averageOf(field, g.records, weightField), count: g.records.length }));
}

/**
 * A ratio behaviour's figure for one record: its field ÷ its divisor × the scale, to two decimals
 * ("miles per gallon" of one fill-up); null when either value is missing or the divisor is not
 * above zero.
 */
export function ratioOf(b, record) {
  const top = record[b.field];
  const bottom = record[b.divisor];
  if (typeof top !== 'number' || typeof bottom !== 'number' || !(bottom > 0)) return null;
  return roundMoney((top / bottom) * b.scale);
}

/**
 * The ratio over records: the sum of the field ÷ the sum of the divisor × the scale, over the
 * records that have both (so a long trip counts for more than a short one); null when none has.
 */
export function ratioOver(b, records) {
  let top = 0;
  let bottom = 0;
  for (const record of records) {
    if (ratioOf(b, record) === null) continue;
    top += record[b.field];
    bottom += record[b.divisor];
  }
  return bottom > 0 ? roundMoney((top / bottom) * b.scale) : null;
}

/**
 * A record's difference (a difference behaviour): its `field` less each of `b.less` ("Profit":
 * the sold price less the fees and the cost). null when the field is missing or every one of
 * `less` is; one of several left empty counts as nothing.
 */
export function differenceOf(b, record) {
  const value = record[b.field];
  const taken = b.less.map((id) => record[id]).filter((v) => typeof v === 'number');
  if (typeof value !== 'number' || taken.length === 0) return null;
  return roundMoney(taken.reduce((left, v) => left - v, value));
}

/** The differences of the records that have one, added up; null when none has. */
export function differenceOver(b, records) {
  const each = records.map((record) => differenceOf(b, record)).filter((v) => v !== null);
  return each.length ? roundMoney(each.reduce((sum, v) => sum + v, 0)) : null;
}

/** A ratio as shown: to two decimals at most, or a dash when there is none. */
export function ratioText(value) {
  return value === null ? '–' : String(value);
}

/**
 * Whether a record's number has reached its own limit (a threshold behaviour): at or below it, or
 * at or above it when `below` is false. A record missing either value has not.
 */
export function pastThreshold(b, record) {
  const value = record[b.field];
  const limit = record[b.limit];
  if (typeof value !== 'number' || typeof limit !== 'number') return false;
  return b.below ? value <= limit : value >= limit;
}

/**
 * A change behaviour's series: the records with a number in `field` and a day in `dateField`, in
 * date order (the same day as entered), one series per value of `by` when the behaviour names one
 * (each meter its own readings), else one.
 */
function changeSeries(b, dateField, records) {
  const series = new Map();
  records.forEach((record, i) => {
    const day = record[dateField.id];
    if (typeof record[b.field] !== 'number' || typeof day !== 'string' || day === '') return;
    const key = b.by ? String(record[b.by] ?? '') : '';
    if (!series.has(key)) series.set(key, []);
    series.get(key).push({ record, day, i });
  });
  return [...series].map(([key, rows]) => ({
    key,
    records: rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i)).map((row) => row.record),
  }));
}

/**
 * Each record's change (a change behaviour): its `field` less that of the record before it in
 * date order within its series ("Used 350" since the last reading of the same meter; "Change
 * −0.8" since the last weigh-in). A Map from record id to the change; null for the first of a
 * series or a record missing its number or day.
 */
export function changesOf(b, dateField, records) {
  const changes = new Map(records.map((record) => [record.id, null]));
  for (const { records: ordered } of changeSeries(b, dateField, records)) {
    ordered.forEach((record, i) => {
      if (i > 0) changes.set(record.id, roundMoney(record[b.field] - ordered[i - 1][b.field]));
    });
  }
  return changes;
}

/**
 * The change over records, per series: from the earliest record's value to the latest's, with
 * how many records the series has (the change null with fewer than two).
 */
export function changeOver(b, dateField, records) {
  return changeSeries(b, dateField, records).map(({ key, records: ordered }) => {
    const from = ordered[0][b.field];
    const to = ordered[ordered.length - 1][b.field];
    return { key, from, to, change: ordered.length > 1 ? roundMoney(to - from) : null, count: ordered.length };
  });
}

/**
 * What is left, per series of `byField` (one series without it): the sum of the records whose
 * kind adds less the sum of those whose kind is one of `b.minus`. A record missing its number or
 * its kind counts for nothing.
 */
export function balancesOf(b, byField, records) {
  const series = byField ? groupRecords(byField, records).filter((g) => g.records.length > 0) : [{ key: '', records }];
  return series.map(({ key, records: list }) => {
    let plus = 0;
    let minus = 0;
    let count = 0;
    for (const record of list) {
      const value = record[b.field];
      const kind = record[b.kind];
      if (typeof value !== 'number' || kind === null || kind === undefined || kind === '') continue;
      if (b.minus.includes(kind)) minus += value;
      else plus += value;
      count += 1;
    }
    return { key, plus: roundMoney(plus), minus: roundMoney(minus), balance: roundMoney(plus - minus), count };
  });
}

/**
 * Each record's running balance (a balance behaviour): what is left after it, from the earliest
 * record of its series on, in date order by `dateField` (the same day as entered). A Map from
 * record id to the balance; null for a record missing its number, its kind or its day.
 */
export function runningBalances(b, dateField, records) {
  const balances = new Map(records.map((record) => [record.id, null]));
  const kept = records.filter((r) => typeof r[b.kind] === 'string' && r[b.kind] !== '');
  for (const { records: ordered } of changeSeries(b, dateField, kept)) {
    let sum = 0;
    for (const record of ordered) {
      sum += b.minus.includes(record[b.kind]) ? -record[b.field] : record[b.field];
      balances.set(record.id, roundMoney(sum));
    }
  }
  return balances;
}

/** A balance as shown: money to the cent, below zero with a minus sign ("−12.50"). */
export function balanceText(field, value) {
  return (value < 0 ? '\u2212' : '') + displayValue(field, Math.abs(value));
}

/** A change as shown: signed ("+350", "−0.8", "±0"), money to the cent, or a dash when there is none. */
export function changeText(field, change) {
  if (change === null) return '–';
  const size = displayValue(field, Math.abs(change));
  return (change > 0 ? '+' : change < 0 ? '\u2212' : '\u00b1') + size;
}

/** An average as shown: money to the cent, a rating as a number of stars ("3.5 ★"), else the number. */
export function averageText(field, average) {
  if (average === null) return '–';
  if (field.type === 'money') return average.toFixed(2);
  if (field.type === 'rating') return String(average) + ' ★';
  return String(average);
}

/** The first day of the day, week (from Monday), month or year that holds `day`; null for all time. */
export function periodStart(per, day) {
  if (per === 'day') return day;
  if (per === 'month') return day.slice(0, 8) + '01';
  if (per === 'year') return day.slice(0, 5) + '01-01';
  if (per !== 'week') return null;
  const [y, m, d] = day.split('-').map(Number);
  return addDays(day, -((new Date(y, m - 1, d).getDay() + 6) % 7));
}

/**
 * How far the sum of `field` over the records of today's period (by `dateField`) has got to
 * `target`: the sum, what is left (below zero: over by that much) and the share reached in whole
 * percent, at most 100. Per `latest`: the newest record's value (by date, then as entered; null
 * without one), what is left to the target from it, and the share of the way from the oldest
 * record's value, whichever way the target lies (a weight to lose or to gain).
 */
export function goalProgress(field, dateField, records, per, target, today) {
  if (per === 'latest') {
    const values = records
      .filter((r) => typeof r[field.id] === 'number')
      .map((r, i) => ({ day: String(r[dateField.id] || ''), i, value: r[field.id] }))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i));
    if (values.length === 0) return { done: null, left: target, percent: 0 };
    const first = values[0].value;
    const now = values[values.length - 1].value;
    const way = target - first;
    const share = way === 0 ? 1 : (now - first) / way;
    return { done: now, left: roundMoney(target - now), percent: Math.max(0, Math.min(100, Math.floor(share * 100))) };
  }
  const done = totalOf(field, inPeriodOf(dateField, records, per, today));
  return { done, left: roundMoney(target - done), percent: Math.min(100, Math.floor((done / target) * 100)) };
}

/** Where a goal's target set in the app is kept: by the records, and the field it adds up. */
export function goalKey(b) {
  return b.type === 'count-goal' ? b.entity : b.entity + '.' + b.field;
}

/** A goal's target: the spec's, or the one set in the app (null while none is). */
export function goalTarget(b, data) {
  if (typeof b.target === 'number') return b.target;
  const set = data.goals ? data.goals[goalKey(b)] : undefined;
  return typeof set === 'number' ? set : null;
}

/** Whether `value` can be a goal's target: above zero, and a whole number of records for a count. */
function validTarget(b, value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return false;
  return b.type === 'count-goal' ? Number.isInteger(value) && value <= 1000000 : value <= 1e12;
}

/** Sets the target of a goal left to the person; throws with a message to show on a bad value. */
export function setGoal(data, b, value) {
  if (!validTarget(b, value))
    throw new Error(b.type === 'count-goal' ? 'A goal is a whole number above 0' : 'A goal is a number above 0');
  return { ...data, goals: { ...(data.goals ?? {}), [goalKey(b)]: value } };
}

/** The goals set in the app that a saved or imported document holds, each checked; others are dropped. */
export function goalsFrom(spec, saved) {
  const goals = {};
  if (!saved || typeof saved !== 'object') return goals;
  for (const b of spec.behaviours) {
    if ((b.type !== 'goal' && b.type !== 'count-goal') || typeof b.target === 'number') continue;
    const value = saved[goalKey(b)];
    if (validTarget(b, value)) goals[goalKey(b)] = value;
  }
  return goals;
}

/** The records dated in today's day, week, month or year (by `dateField`); all of them per `all`. */
function inPeriodOf(dateField, records, per, today) {
  const start = periodStart(per, today);
  if (start === null) return records;
  return records.filter((r) => typeof r[dateField.id] === 'string' && periodStart(per, r[dateField.id]) === start);
}

/**
 * How far the number of records of today's period (by `dateField`), or of all of them, has got to
 * `target`: the count, what is left (below zero: past it by that many) and the share in whole
 * percent, at most 100.
 */
export function countProgress(dateField, records, per, target, today) {
  const done = inPeriodOf(dateField, records, per, today).length;
  return { done, left: target - done, percent: Math.min(100, Math.floor((done / target) * 100)) };
}

export function countsBy(byField, records) {
  return groupRecords(byField, records)
    .filter((g) => g.records.length > 0)
    .map((g) => ({ key: g.key, count: g.records.length }));
}

/**
 * Consecutive days with at least one of `days`, ending today (or yesterday, so a streak is not
 * lost before today's tick), and the longest run ever.
 */
export function streakOf(days, today) {
  const set = new Set(days.filter(Boolean));
  let current = 0;
  let day = set.has(today) ? today : addDays(today, -1);
  while (set.has(day)) {
    current += 1;
    day = addDays(day, -1);
  }
  let longest = 0;
  for (const start of set) {
    if (set.has(addDays(start, -1))) continue;
    let run = 0;
    for (let d = start; set.has(d); d = addDays(d, 1)) run += 1;
    longest = Math.max(longest, run);
  }
  return { current, longest, doneToday: set.has(today) };
}

/**
 * Days in a row with at least one record of a log (a streak on an entity of its own, with no
 * parent): over all its records, whatever a search or filter shows, by `behaviour.field`.
 */
export function dayStreak(behaviour, records, today) {
  return streakOf(
    records.map((r) => r[behaviour.field]),
    today,
  );
}

/** The streak of every parent record, keyed by its id. */
export function streaksByParent(spec, data, behaviour, today) {
  const entity = entityOf(spec, behaviour.entity);
  const result = {};
  for (const parent of data.records[entity.parent.entity]) {
    const days = data.records[entity.id].filter((r) => r[entity.parent.field] === parent.id).map((r) => r[behaviour.field]);
    result[parent.id] = streakOf(days, today);
  }
  return result;
}

/** Adds today's record for a parent ("tick off today"); does nothing when it is already there. */
export function tickOffToday(spec, data, behaviour, parentId, today) {
  const entity = entityOf(spec, behaviour.entity);
  const done = data.records[entity.id].some((r) => r[entity.parent.field] === parentId && r[behaviour.field] === today);
  if (done) return data;
  const input = { [entity.parent.field]: parentId, [behaviour.field]: today };
  for (const field of entity.fields) if (field.required && input[field.id] === undefined) input[field.id] = sampleFill(field);
  return addRecord(spec, data, entity.id, input);
}

function sampleFill(field) {
  if (field.type === 'choice') return field.options[0];
  if (field.type === 'number' || field.type === 'money' || field.type === 'rating') return 1;
  // A time ticked off is the time of ticking it off.
  if (field.type === 'time') return timeOfDay(new Date().toTimeString().slice(0, 5));
  return 'done';
}

/** Records whose date is today, and those overdue (before today), for a "due today" view. */
export function dueToday(field, records, today) {
  const dated = records.filter((r) => typeof r[field.id] === 'string');
  return {
    today: dated.filter((r) => r[field.id] === today),
    overdue: dated.filter((r) => r[field.id] < today),
  };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from, to) {
  const utc = (day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86400000);
}

function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The first day on or after `today` with the month and day of `day` (a 29 February is the 28th in other years). */
export function nextYearly(day, today) {
  const monthDay = day.slice(5);
  const inYear = (year) => String(year).padStart(4, '0') + '-' + (monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay);
  const year = Number(today.slice(0, 4));
  const thisYear = inYear(year);
  return thisYear >= today ? thisYear : inYear(year + 1);
}

/**
 * The records whose date (by `field`) is today or ahead, soonest first, each with its days left.
 * `yearly`: the date comes round every year (a birthday), so each record's next one counts, with
 * the years it will have been since the date as written (`years`, null when not after it).
 */
export function countdowns(field, records, today, yearly) {
  const ahead = [];
  for (const record of records) {
    const value = record[field.id];
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    const date = yearly ? nextYearly(value, today) : value;
    const days = daysBetween(today, date);
    if (days < 0) continue;
    const years = yearly ? Number(date.slice(0, 4)) - Number(value.slice(0, 4)) : 0;
    ahead.push({ record, date, days, years: years > 0 ? years : null });
  }
  return ahead.sort((a, b) => a.days - b.days);
}

/** "today", "tomorrow", "in 12 days". */
export function daysLeftText(days) {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'in ' + days + ' days';
}

/** Everything as a JSON document another copy of the app can import. */
export function exportData(spec, data) {
  return JSON.stringify({ app: spec.projectName, version: 1, records: data.records, goals: data.goals ?? {} }, null, 2);
}

/** Reads an exported document back, checking every record against the spec; throws on anything else. */
export function importData(spec, text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('That file is not JSON');
  }
  if (!doc || typeof doc !== 'object' || !doc.records || typeof doc.records !== 'object') {
    throw new Error('That file is not an export of this app');
  }
  let data = emptyData(spec);
  const idMap = {};
  // Parents first, so children can be linked to their new ids.
  const ordered = [...spec.entities].sort((a, b) => (a.parent ? 1 : 0) - (b.parent ? 1 : 0));
  for (const entity of ordered) {
    const list = doc.records[entity.id] ?? [];
    if (!Array.isArray(list)) throw new Error(entity.plural + ' must be a list');
    for (const raw of list) {
      const input = { ...raw };
      if (entity.parent) input[entity.parent.field] = idMap[raw[entity.parent.field]];
      data = addRecord(spec, data, entity.id, input);
      idMap[raw.id] = 'r' + (data.nextId - 1);
    }
  }
  return { ...data, goals: goalsFrom(spec, doc.goals) };
}

/** An undo history: the states before each change, newest last, at most `limit` kept. */
export function createHistory(limit = 50) {
  const past = [];
  return {
    record(state) {
      past.push(state);
      if (past.length > limit) past.shift();
    },
    undo(current) {
      return past.length > 0 ? past.pop() : current;
    },
    get size() {
      return past.length;
    },
  };
}

/** A countdown: seconds left, running or not. */
export function startTimer(minutes) {
  return { total: minutes * 60, left: minutes * 60, running: false };
}

export function tickTimer(state, seconds) {
  if (!state.running) return state;
  const left = Math.max(0, state.left - seconds);
  return { ...state, left, running: left > 0 };
}

export function formatClock(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
}

/** How a value reads on the page. */
export function displayValue(field, value) {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'money') return Number(value).toFixed(2);
  if (field.type === 'boolean') return value ? 'Yes' : 'No';
  if (field.type === 'rating') return '★'.repeat(value) + '☆'.repeat(5 - value);
  if (field.type === 'tags') return value.map((t) => '#' + t).join(' ');
  return String(value);
}
