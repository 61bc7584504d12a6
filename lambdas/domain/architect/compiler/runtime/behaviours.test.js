// Tests generated from the app's spec: one test per entity for its fields and records, and one
// per behaviour the spec lists (a streak over consecutive days, a total per category, a goal, a tag
// filter...). They run with `node --test` and use the same model module as the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  addRecord,
  averageOf,
  averagesBy,
  averageText,
  balancesOf,
  balanceText,
  runningBalances,
  changeOver,
  changesOf,
  changeText,
  coerceValue,
  countdowns,
  countProgress,
  countsBy,
  createHistory,
  daysBetween,
  dayStreak,
  differenceOf,
  differenceOver,
  daysLeftText,
  deleteRecord,
  displayValue,
  dueToday,
  emptyData,
  entityOf,
  exportData,
  fieldOf,
  filterRecords,
  goalProgress,
  goalTarget,
  groupRecords,
  importData,
  nextYearly,
  pastThreshold,
  periodStart,
  PERIODS_SHOWN,
  ratioOf,
  ratioOver,
  ratioText,
  searchRecords,
  setGoal,
  sortRecords,
  startTimer,
  stepRecord,
  streaksByParent,
  tickOffToday,
  tickTimer,
  totalOf,
  totalsBy,
  updateRecord,
} from '../src/model.js';
import { SPEC } from '../src/spec.js';
import { loadData, saveData } from '../src/store.js';

const TODAY = '2024-03-15';

/**
 * A goal's target: the spec's, or, for a goal left to the person, one set in the app, after
 * checking that none is set at first, that a target of 0 or less is refused, and that a set one is
 * kept through a save and a load and through an export and an import.
 */
function targetOf(b) {
  if (b.target !== null) return b.target;
  const empty = emptyData(SPEC);
  assert.equal(goalTarget(b, empty), null);
  for (const bad of [0, -3, Number.NaN]) assert.throws(() => setGoal(empty, b, bad), /above 0/);
  const set = setGoal(empty, b, 70);
  assert.equal(goalTarget(b, set), 70);
  const items = new Map();
  const storage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v) };
  saveData(storage, SPEC, set);
  assert.equal(goalTarget(b, loadData(storage, SPEC)), 70);
  assert.equal(goalTarget(b, importData(SPEC, exportData(SPEC, set))), 70);
  return 70;
}
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

/** A valid value of `field` for the i-th sample record. */
function sampleValue(field, i) {
  switch (field.type) {
    case 'text':
      return WORDS[i % WORDS.length] + ' ' + field.id;
    case 'longtext':
      return 'Notes about ' + WORDS[i % WORDS.length];
    case 'number':
      return i + 1;
    case 'money':
      return (i + 1) * 2.5;
    case 'rating':
      return (i % 5) + 1;
    case 'date':
      return addDays(TODAY, -i);
    case 'time':
      return String(6 + (i % 17)).padStart(2, '0') + ':' + ['00', '15', '30', '45'][i % 4];
    case 'boolean':
      return i % 2 === 0;
    case 'tags':
      return [WORDS[i % WORDS.length], 'shared'];
    case 'choice':
      return field.options[i % field.options.length];
    case 'url':
    case 'image':
      return 'https://example.com/' + WORDS[i % WORDS.length] + '.png';
    default:
      throw new Error('no sample for ' + field.type);
  }
}

/** A value `field` must refuse, or undefined when every value is acceptable. */
function invalidValue(field) {
  return {
    number: 'lots',
    money: 'free',
    rating: 9,
    date: '31/02/2024',
    time: '25:61',
    choice: 'not-an-option',
    url: 'javascript:alert(1)',
    image: 'not a url',
  }[field.type];
}

/** Data with `count` records of `entityId` (and one parent record when it belongs to another entity). */
function seeded(entityId, count, override = () => ({})) {
  const entity = entityOf(SPEC, entityId);
  let data = emptyData(SPEC);
  let parentId;
  if (entity.parent) {
    const parent = entityOf(SPEC, entity.parent.entity);
    data = addRecord(SPEC, data, parent.id, sampleInput(parent, 0));
    parentId = data.records[parent.id][0].id;
  }
  for (let i = 0; i < count; i += 1) {
    const input = { ...sampleInput(entity, i), ...override(i) };
    if (entity.parent) input[entity.parent.field] = parentId;
    data = addRecord(SPEC, data, entityId, input);
  }
  return data;
}

function sampleInput(entity, i) {
  return Object.fromEntries(entity.fields.map((f) => [f.id, sampleValue(f, i)]));
}

for (const entity of SPEC.entities) {
  test(entity.name + ': every field keeps a valid value and refuses an invalid one', () => {
    for (const field of entity.fields) {
      const value = coerceValue(field, sampleValue(field, 1));
      assert.notEqual(value, null, field.id);
      assert.notEqual(displayValue(field, value), undefined);
      const bad = invalidValue(field);
      if (bad !== undefined)
        assert.throws(
          () => coerceValue(field, bad),
          (err) => err.message.startsWith(field.label),
          field.id,
        );
      if (field.required) assert.throws(() => coerceValue(field, ''), /required/);
      // A time of day is kept as 24-hour hours and minutes, however it was written.
      if (field.type === 'time') {
        assert.equal(coerceValue(field, '6:30 pm'), '18:30');
        assert.equal(coerceValue(field, '12am'), '00:00');
        assert.equal(coerceValue(field, '7:05:00'), '07:05');
        assert.throws(
          () => coerceValue(field, '7'),
          (err) => err.message.startsWith(field.label),
        );
      }
    }
  });

  test(entity.plural + ' are saved in the browser and read back', () => {
    const data = seeded(entity.id, 2);
    const items = new Map();
    const storage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v) };
    assert.equal(saveData(storage, SPEC, data), true);
    assert.deepEqual(loadData(storage, SPEC), data);
    storage.setItem(SPEC.projectName + ':data', '{broken');
    assert.deepEqual(loadData(storage, SPEC), emptyData(SPEC));
  });
}

const behaviourTests = {
  crud(b) {
    const entity = entityOf(SPEC, b.entity);
    let data = seeded(b.entity, 2);
    const [first, second] = data.records[b.entity];
    const field = entity.fields[0];
    data = updateRecord(SPEC, data, b.entity, first.id, { [field.id]: sampleValue(field, 3) });
    assert.deepEqual(data.records[b.entity][0][field.id], coerceValue(field, sampleValue(field, 3)));
    data = deleteRecord(SPEC, data, b.entity, first.id);
    assert.deepEqual(
      data.records[b.entity].map((r) => r.id),
      [second.id],
    );
    for (const child of SPEC.entities.filter((e) => e.parent && e.parent.entity === b.entity)) {
      let withChild = seeded(b.entity, 1);
      const parentId = withChild.records[b.entity][0].id;
      withChild = addRecord(SPEC, withChild, child.id, { ...sampleInput(child, 0), [child.parent.field]: parentId });
      assert.equal(
        deleteRecord(SPEC, withChild, b.entity, parentId).records[child.id].length,
        0,
        'children go with their parent',
      );
    }
  },
  search(b) {
    const entity = entityOf(SPEC, b.entity);
    const data = seeded(b.entity, 3);
    const records = data.records[b.entity];
    assert.equal(searchRecords(entity, records, '').length, 3);
    const searchable = entity.fields.find((f) => ['text', 'longtext', 'tags'].includes(f.type));
    if (searchable) {
      const found = searchRecords(entity, records, WORDS[1].toUpperCase());
      assert.deepEqual(
        found.map((r) => r.id),
        [records[1].id],
      );
      assert.equal(searchRecords(entity, records, 'zzz-nothing').length, 0);
    }
  },
  filter(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    const records = seeded(b.entity, 3).records[b.entity];
    const wanted = field.type === 'tags' ? WORDS[2] : field.type === 'boolean' ? 'true' : field.options[1];
    const kept = filterRecords(field, records, wanted);
    assert.ok(kept.length >= 1 && kept.length < records.length, 'the filter keeps some records and hides others');
    for (const r of kept) {
      if (field.type === 'tags') assert.ok(r[field.id].includes(wanted));
      else if (field.type === 'boolean') assert.equal(r[field.id], true);
      else assert.equal(r[field.id], wanted);
    }
    assert.equal(filterRecords(field, records, '').length, 3);
  },
  sort(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    const records = seeded(b.entity, 4).records[b.entity];
    const asc = sortRecords(field, records, 'asc').map((r) => r[field.id]);
    const desc = sortRecords(field, records, 'desc').map((r) => r[field.id]);
    assert.deepEqual([...desc].reverse(), asc);
    if (field.type === 'number' || field.type === 'money' || field.type === 'date' || field.type === 'time') {
      for (let i = 1; i < asc.length; i += 1) assert.ok(asc[i - 1] <= asc[i]);
    }
  },
  group(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    const records = seeded(b.entity, 4).records[b.entity];
    const groups = groupRecords(field, records);
    const grouped = groups.reduce((n, g) => n + g.records.length, 0);
    if (field.type === 'tags') assert.ok(groups.find((g) => g.key === 'shared').records.length === 4);
    else assert.equal(grouped, 4);
    if (field.type === 'choice')
      assert.deepEqual(
        groups.map((g) => g.key),
        field.options,
      );
  },
  total(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    const data = seeded(b.entity, 3, (i) => ({ [field.id]: [10, 5.5, 2][i] }));
    const records = data.records[b.entity];
    assert.equal(totalOf(field, records), 17.5);
    if (b.by) {
      const by = fieldOf(SPEC, b.entity, b.by);
      const key = (i) => (by.type === 'choice' ? by.options[i === 2 ? 1 : 0] : null);
      if (by.type === 'choice') {
        const regrouped = seeded(b.entity, 3, (i) => ({ [field.id]: [10, 5.5, 2][i], [by.id]: key(i) }));
        const rows = totalsBy(field, by, regrouped.records[b.entity]);
        assert.deepEqual(rows, [
          { key: by.options[0], total: 15.5, count: 2 },
          { key: by.options[1], total: 2, count: 1 },
        ]);
      } else if (by.type === 'date') {
        // Per day, or per week, month or year: two records today and one forty days before.
        const per = b.per ?? 'day';
        const start = periodStart(per, TODAY);
        const key = { day: start, week: 'week of ' + start, month: '2024-03', year: '2024' }[per];
        const dated = seeded(b.entity, 3, (i) => ({ [field.id]: [10, 5.5, 2][i], [by.id]: addDays(TODAY, i < 2 ? 0 : -40) }));
        const rows = totalsBy(field, by, dated.records[b.entity], b.per);
        if (per === 'year') assert.deepEqual(rows, [{ key, total: 17.5, count: 3 }]);
        else assert.deepEqual(rows, [{ key, total: 15.5, count: 2 }, rows[1]]);
        // The latest first, at most PERIODS_SHOWN of them.
        const many = seeded(b.entity, PERIODS_SHOWN + 2, (i) => ({ [field.id]: 1, [by.id]: addDays(TODAY, -400 * i) }));
        const latest = totalsBy(field, by, many.records[b.entity], b.per);
        assert.equal(latest.length, PERIODS_SHOWN);
        assert.deepEqual(latest[0], { key, total: 1, count: 1 });
      } else {
        const rows = totalsBy(field, by, records);
        assert.equal(rows.reduce((n, r) => n + r.count, 0) >= 3, true);
      }
    }
  },
  goal(b) {
    const target = targetOf(b);
    const field = fieldOf(SPEC, b.entity, b.field);
    const date = entityOf(SPEC, b.entity).fields.find((f) => f.type === 'date');
    const on = (day) => (date ? { [date.id]: day } : {});
    if (b.per === 'latest') {
      // Entered out of order: the oldest (40 days before) starts 10 from the target, the newest
      // (today) is 5 from it: half way, 5 to go, whichever way the target lies.
      const from = target + 10;
      const records = [
        { [field.id]: target + 5, ...on(TODAY) },
        { [field.id]: from, ...on(addDays(TODAY, -40)) },
        { [field.id]: target + 7, ...on(addDays(TODAY, -20)) },
      ];
      assert.deepEqual(goalProgress(field, date, records, b.per, target, TODAY), { done: target + 5, left: -5, percent: 50 });
      // Past the target: all the way; back beyond where it started: none of it.
      const past = [records[1], { [field.id]: target - 1, ...on(TODAY) }];
      assert.equal(goalProgress(field, date, past, b.per, target, TODAY).percent, 100);
      const back = [records[1], { [field.id]: from + 3, ...on(TODAY) }];
      assert.equal(goalProgress(field, date, back, b.per, target, TODAY).percent, 0);
      assert.equal(goalProgress(field, date, [], b.per, target, TODAY).done, null);
      return;
    }
    // Two records today and one forty days before: a goal per day, week or month counts today's two.
    const data = seeded(b.entity, 3, (i) => ({ [field.id]: [10, 5.5, 2][i], ...on(i < 2 ? TODAY : addDays(TODAY, -40)) }));
    const done = b.per === 'all' ? 17.5 : 15.5;
    const progress = goalProgress(field, date, data.records[b.entity], b.per, target, TODAY);
    assert.deepEqual(progress, {
      done,
      left: Math.round((target - done) * 100) / 100,
      percent: Math.min(100, Math.floor((done / target) * 100)),
    });
    // Past the target: at most 100 %, and less than nothing left.
    const over = goalProgress(field, date, [{ [field.id]: target + 1, ...on(TODAY) }], b.per, target, TODAY);
    assert.equal(over.percent, 100);
    assert.equal(over.left, -1);
    assert.equal(goalProgress(field, date, [], b.per, target, TODAY).done, 0);
    // 2024-03-15 is a Friday: its week runs from Monday the 11th to Sunday the 17th.
    assert.equal(periodStart('week', TODAY), '2024-03-11');
    assert.equal(periodStart('week', '2024-03-17'), '2024-03-11');
    assert.equal(periodStart('week', '2024-03-18'), '2024-03-18');
    assert.equal(periodStart('month', TODAY), '2024-03-01');
    assert.equal(periodStart('year', TODAY), '2024-01-01');
  },
  average(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    // Ratings go from 1 to 5; numbers and money take any value.
    const values = field.type === 'rating' ? [1, 3, 5] : [2, 4, 9];
    const records = seeded(b.entity, 3, (i) => ({ [field.id]: values[i] })).records[b.entity];
    if (b.weight) {
      const weight = fieldOf(SPEC, b.entity, b.weight);
      const weighted = seeded(b.entity, 3, (i) => ({ [field.id]: values[i], [weight.id]: [1, 1, 2][i] })).records[b.entity];
      // Each record counts as many times as its weight: (v0 + v1 + 2 × v2) / 4.
      assert.equal(averageOf(field, weighted, weight), field.type === 'rating' ? 3.5 : 6);
      assert.equal(averageOf(field, [{ [field.id]: 4, [weight.id]: 0 }], weight), null, 'a zero weight counts for nothing');
    }
    assert.equal(averageOf(field, records, null), field.type === 'rating' ? 3 : 5);
    assert.equal(
      averageOf(field, [...records, { id: 'blank' }], null),
      field.type === 'rating' ? 3 : 5,
      'a record with no value is left out',
    );
    assert.equal(averageOf(field, [], null), null);
    assert.equal(averageText(field, null), '–');
    assert.equal(averageOf(field, [{ [field.id]: 1 }, { [field.id]: 2 }, { [field.id]: 2 }], null), 1.67);
    if (b.by) {
      const by = fieldOf(SPEC, b.entity, b.by);
      if (by.type === 'choice') {
        const regrouped = seeded(b.entity, 3, (i) => ({ [field.id]: values[i], [by.id]: by.options[i === 2 ? 1 : 0] }));
        const weight = b.weight ? fieldOf(SPEC, b.entity, b.weight) : null;
        const withWeights = weight
          ? regrouped.records[b.entity].map((r) => ({ ...r, [weight.id]: 1 }))
          : regrouped.records[b.entity];
        assert.deepEqual(averagesBy(field, by, withWeights, weight), [
          { key: by.options[0], average: (values[0] + values[1]) / 2, count: 2 },
          { key: by.options[1], average: values[2], count: 1 },
        ]);
      } else {
        const rows = averagesBy(field, by, records, null);
        assert.equal(rows.reduce((n, r) => n + r.count, 0) >= 3, true);
      }
    }
  },
  threshold(b) {
    // 2 against a limit of 5, 5 against 5, 9 against 5: at or below picks the first two, at or above the last two.
    const records = seeded(b.entity, 3, (i) => ({ [b.field]: [2, 5, 9][i], [b.limit]: 5 })).records[b.entity];
    assert.deepEqual(
      records.map((r) => pastThreshold(b, r)),
      b.below ? [true, true, false] : [false, true, true],
    );
    // A record missing its number or its limit has not reached it.
    assert.equal(pastThreshold(b, { [b.field]: 0 }), false);
    assert.equal(pastThreshold(b, { [b.limit]: 3 }), false);
  },
  change(b) {
    // Entered out of date order: 10 on the 3rd, 4 on the 1st, 7.5 on the 2nd. Each changes from the
    // one the day before (not from the one entered before it); overall from the 1st's to the 3rd's.
    const entity = entityOf(SPEC, b.entity);
    const date = entity.fields.find((f) => f.type === 'date');
    const field = fieldOf(SPEC, b.entity, b.field);
    const byField = b.by ? fieldOf(SPEC, b.entity, b.by) : null;
    const series = (i) => (byField ? { [b.by]: sampleValue(byField, i) } : {});
    const days = ['2026-03-03', '2026-03-01', '2026-03-02'];
    const records = seeded(b.entity, 3, (i) => ({ [date.id]: days[i], [b.field]: [10, 4, 7.5][i], ...series(0) })).records[
      b.entity
    ];
    const changes = changesOf(b, date, records);
    assert.deepEqual(
      records.map((r) => changes.get(r.id)),
      [2.5, null, 3.5],
    );
    assert.deepEqual(
      changeOver(b, date, records).map((s) => [s.from, s.to, s.change, s.count]),
      [[4, 10, 6, 3]],
    );
    assert.equal(changeText(field, 6), '+' + displayValue(field, 6));
    assert.equal(changeText(field, -0.8), '\u2212' + displayValue(field, 0.8));
    assert.equal(changeText(field, null), '\u2013');
    // Another series (a second meter) starts on its own and changes no figure of the first.
    if (byField && sampleValue(byField, 1) !== sampleValue(byField, 0)) {
      const other = { id: 'other', [date.id]: '2026-03-02', [b.field]: 100, ...series(1) };
      const both = changesOf(b, date, [...records, other]);
      assert.equal(both.get('other'), null);
      assert.deepEqual(
        records.map((r) => both.get(r.id)),
        [2.5, null, 3.5],
      );
      assert.equal(changeOver(b, date, [...records, other]).length, 2);
    }
    // A record missing its number or its day has no change and is passed over.
    const gap = [...records, { id: 'blank', [date.id]: '2026-03-04' }];
    assert.equal(changesOf(b, date, gap).get('blank'), null);
  },
  balance(b) {
    // 20 and 5.5 in, 7.25 out: 18.25 left, whatever order they were entered in.
    const field = fieldOf(SPEC, b.entity, b.field);
    const kind = fieldOf(SPEC, b.entity, b.kind);
    const adds = kind.options.find((o) => !b.minus.includes(o));
    const byField = b.by ? fieldOf(SPEC, b.entity, b.by) : null;
    const series = (i) => (byField ? { [b.by]: byField.type === 'tags' ? [WORDS[i]] : sampleValue(byField, i) } : {});
    const records = seeded(b.entity, 3, (i) => ({
      [b.field]: [20, 7.25, 5.5][i],
      [b.kind]: [adds, b.minus[0], adds][i],
      ...series(0),
    })).records[b.entity];
    assert.deepEqual(
      balancesOf(b, byField, records).map((r) => [r.plus, r.minus, r.balance, r.count]),
      [[25.5, 7.25, 18.25, 3]],
    );
    // Every kind taken off is out: more out than in is below zero, shown with a minus sign.
    const out = b.minus.map((m, i) => ({ id: 'out' + i, [b.field]: 10, [b.kind]: m, ...series(0) }));
    const [row] = balancesOf(b, byField, [...records, ...out]);
    assert.equal(row.minus, 7.25 + 10 * b.minus.length);
    assert.equal(row.balance, 18.25 - 10 * b.minus.length);
    assert.equal(balanceText(field, -11.75), '\u2212' + displayValue(field, 11.75));
    assert.equal(balanceText(field, 3), displayValue(field, 3));
    // A record missing its number or its kind counts for nothing.
    const gaps = [...records, { id: 'a', [b.kind]: b.minus[0], ...series(0) }, { id: 'b', [b.field]: 100, ...series(0) }];
    assert.equal(balancesOf(b, byField, gaps)[0].balance, 18.25);
    // Each record's running balance, in date order whatever order they were entered in: 20 on
    // the 1st, 7.25 out on the 3rd, 5.5 on the 2nd: 20, then 25.5, then 18.25.
    const date = entityOf(SPEC, b.entity).fields.find((f) => f.type === 'date');
    if (date) {
      const days = ['2026-03-01', '2026-03-03', '2026-03-02'];
      const dated = records.map((r, i) => ({ ...r, [date.id]: days[i] }));
      const running = runningBalances(b, date, [...dated, { id: 'undated', [b.field]: 3, [b.kind]: adds, ...series(0) }]);
      assert.deepEqual(
        dated.map((r) => running.get(r.id)),
        [20, 18.25, 25.5],
      );
      assert.equal(running.get('undated'), null);
    }
    // Another series (a second kid) has a balance of its own.
    if (byField && byField.type !== 'date' && String(sampleValue(byField, 1)) !== String(sampleValue(byField, 0))) {
      const other = { id: 'other', [b.field]: 4, [b.kind]: adds, ...series(1) };
      const rows = balancesOf(b, byField, [...records, other]);
      assert.deepEqual(
        rows.map((r) => r.balance).sort((x, y) => x - y),
        [4, 18.25],
      );
      if (date)
        assert.equal(
          runningBalances(b, date, [...records, { ...other, [date.id]: '2026-03-05' }]).get('other'),
          4,
          'a series of its own starts from nothing',
        );
    }
  },
  difference(b) {
    // 50 less 12.5 (and less 7.5 where two are taken off): 37.5 (30); 20 less 25: −5 (−12.5).
    const [first, second] = b.less;
    const records = seeded(b.entity, 2, (i) => ({
      [b.field]: [50, 20][i],
      [first]: [12.5, 25][i],
      ...(second ? { [second]: 7.5 } : {}),
    })).records[b.entity];
    const taken = second ? 7.5 : 0;
    assert.deepEqual(
      records.map((r) => differenceOf(b, r)),
      [37.5 - taken, -5 - taken],
    );
    assert.equal(differenceOver(b, records), 32.5 - 2 * taken);
    // Without the field, or with nothing to take off, a record has none and counts for nothing.
    const blank = [
      { id: 'a', [first]: 3 },
      { id: 'b', [b.field]: 9 },
    ];
    assert.deepEqual(
      blank.map((r) => differenceOf(b, r)),
      [null, null],
    );
    assert.equal(differenceOver(b, [...records, ...blank]), 32.5 - 2 * taken);
    assert.equal(differenceOver(b, []), null);
    // One of several left empty counts as nothing.
    if (second) assert.equal(differenceOf(b, { id: 'c', [b.field]: 10, [second]: 4 }), 6);
  },
  ratio(b) {
    // 300 over 10 and 100 over 5: 30 and 20 each, and 400 over 15 together (not the mean of 30 and 20).
    const records = seeded(b.entity, 2, (i) => ({ [b.field]: [300, 100][i], [b.divisor]: [10, 5][i] })).records[b.entity];
    const each = (n) => Math.round(n * b.scale * 100) / 100;
    assert.deepEqual(
      records.map((r) => ratioOf(b, r)),
      [each(30), each(20)],
    );
    assert.equal(ratioOver(b, records), each(400 / 15));
    // A record without either value, or with nothing to divide by, has no figure and counts for nothing.
    const blank = [{ [b.field]: 50 }, { [b.field]: 50, [b.divisor]: 0 }, { [b.divisor]: 4 }];
    assert.deepEqual(
      blank.map((r) => ratioOf(b, r)),
      [null, null, null],
    );
    assert.equal(ratioOver(b, [...records, ...blank]), each(400 / 15));
    assert.equal(ratioOver(b, []), null);
    assert.equal(ratioText(null), '–');
  },
  count(b) {
    const by = fieldOf(SPEC, b.entity, b.by);
    const records = seeded(b.entity, 3).records[b.entity];
    const rows = countsBy(by, records);
    if (by.type === 'choice') {
      const expected = by.options.map((o) => [o, records.filter((r) => r[by.id] === o).length]).filter(([, n]) => n > 0);
      assert.deepEqual(
        rows.map((r) => [r.key, r.count]),
        expected,
      );
    } else {
      assert.ok(rows.length > 0);
    }
  },
  streak(b) {
    const entity = entityOf(SPEC, b.entity);
    if (!entity.parent) {
      // A log's own streak: days with any record, two on one day counting once, entered in any order.
      const days = [
        addDays(TODAY, -1),
        TODAY,
        addDays(TODAY, -1),
        addDays(TODAY, -2),
        addDays(TODAY, -5),
        addDays(TODAY, -6),
        addDays(TODAY, -4),
        addDays(TODAY, -7),
      ];
      const records = seeded(b.entity, days.length, (i) => ({ [b.field]: days[i] })).records[b.entity];
      assert.deepEqual(dayStreak(b, records, TODAY), { current: 3, longest: 4, doneToday: true });
      // Nothing yet today: yesterday's run still counts; a missed day ends it.
      assert.deepEqual(dayStreak(b, records, addDays(TODAY, 1)), { current: 3, longest: 4, doneToday: false });
      assert.equal(dayStreak(b, records, addDays(TODAY, 2)).current, 0);
      // A record without a day is passed over.
      assert.equal(dayStreak(b, [...records, { id: 'undated' }], TODAY).current, 3);
      assert.deepEqual(dayStreak(b, [], TODAY), { current: 0, longest: 0, doneToday: false });
      return;
    }
    const days = [
      TODAY,
      addDays(TODAY, -1),
      addDays(TODAY, -2),
      addDays(TODAY, -4),
      addDays(TODAY, -5),
      addDays(TODAY, -6),
      addDays(TODAY, -7),
    ];
    let data = seeded(b.entity, days.length, (i) => ({ [b.field]: days[i] }));
    const parentId = data.records[entity.parent.entity][0].id;
    let streak = streaksByParent(SPEC, data, b, TODAY)[parentId];
    assert.deepEqual(streak, { current: 3, longest: 4, doneToday: true });
    // Not ticked yet today: yesterday's run still counts.
    streak = streaksByParent(SPEC, data, b, addDays(TODAY, 1))[parentId];
    assert.deepEqual(streak, { current: 3, longest: 4, doneToday: false });
    // A missed day ends it.
    assert.equal(streaksByParent(SPEC, data, b, addDays(TODAY, 2))[parentId].current, 0);
    const before = data.records[b.entity].length;
    data = tickOffToday(SPEC, data, b, parentId, addDays(TODAY, 1));
    data = tickOffToday(SPEC, data, b, parentId, addDays(TODAY, 1));
    assert.equal(data.records[b.entity].length, before + 1, 'ticking twice adds one record');
    assert.equal(streaksByParent(SPEC, data, b, addDays(TODAY, 1))[parentId].current, 4);
  },
  step(b) {
    let data = seeded(b.entity, 2, () => ({ [b.field]: 2 }));
    const [first, second] = data.records[b.entity];
    data = stepRecord(SPEC, data, b.entity, first.id, b.field, 1);
    data = stepRecord(SPEC, data, b.entity, first.id, b.field, 1);
    assert.equal(data.records[b.entity][0][b.field], 4, 'plus counts up by one');
    data = stepRecord(SPEC, data, b.entity, first.id, b.field, -1);
    assert.equal(data.records[b.entity][0][b.field], 3, 'minus counts down by one');
    assert.equal(data.records[b.entity][1][b.field], 2, 'another record keeps its count');
    for (let i = 0; i < 4; i += 1) data = stepRecord(SPEC, data, b.entity, second.id, b.field, -1);
    assert.equal(data.records[b.entity][1][b.field], 0, 'never below zero');
    for (const key of Object.keys(first)) {
      if (key !== b.field) assert.deepEqual(data.records[b.entity][0][key], first[key], 'only the count changes');
    }
  },
  'due-today'(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    const dates = [TODAY, addDays(TODAY, -1), addDays(TODAY, 1)];
    const records = seeded(b.entity, 3, (i) => ({ [field.id]: dates[i] })).records[b.entity];
    const due = dueToday(field, records, TODAY);
    assert.deepEqual(
      due.today.map((r) => r.id),
      [records[0].id],
    );
    assert.deepEqual(
      due.overdue.map((r) => r.id),
      [records[1].id],
    );
  },
  countdown(b) {
    const field = fieldOf(SPEC, b.entity, b.field);
    // In three days, two days ago, today.
    const dates = [addDays(TODAY, 3), addDays(TODAY, -2), TODAY];
    const records = seeded(b.entity, 3, (i) => ({ [field.id]: dates[i] })).records[b.entity];
    const rows = countdowns(field, records, TODAY, b.yearly);
    if (b.yearly) {
      // Two days ago comes round again next year.
      assert.deepEqual(
        rows.map((r) => [r.record.id, r.days]),
        [
          [records[2].id, 0],
          [records[0].id, 3],
          [records[1].id, daysBetween(TODAY, nextYearly(dates[1], TODAY))],
        ],
      );
      assert.equal(rows[2].date, addDays(TODAY, -2).replace(/^\d{4}/, String(Number(TODAY.slice(0, 4)) + 1)));
      assert.equal(nextYearly('2020-02-29', '2023-01-10'), '2023-02-28');
      assert.equal(nextYearly('2020-02-29', '2024-01-10'), '2024-02-29');
      assert.equal(countdowns(field, [{ id: 'x', [field.id]: '1990-12-31' }], '2024-12-31', true)[0].years, 34);
    } else {
      // What is past is no longer ahead.
      assert.deepEqual(
        rows.map((r) => [r.record.id, r.days]),
        [
          [records[2].id, 0],
          [records[0].id, 3],
        ],
      );
    }
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2024-03-01', '2024-02-28'), -2);
    assert.deepEqual([0, 1, 12].map(daysLeftText), ['today', 'tomorrow', 'in 12 days']);
  },
  timer(b) {
    let state = { ...startTimer(b.minutes), running: true };
    assert.equal(state.left, b.minutes * 60);
    state = tickTimer(state, 30);
    assert.equal(state.left, b.minutes * 60 - 30);
    state = tickTimer(state, b.minutes * 60);
    assert.deepEqual([state.left, state.running], [0, false]);
    assert.equal(tickTimer({ ...state, left: 10, running: false }, 5).left, 10, 'a paused timer does not move');
  },
  flip(b) {
    const front = fieldOf(SPEC, b.entity, b.front);
    const back = fieldOf(SPEC, b.entity, b.back);
    const [card] = seeded(b.entity, 1).records[b.entity];
    assert.notEqual(displayValue(front, card[front.id]), '');
    assert.notEqual(displayValue(back, card[back.id]), '');
    assert.notEqual(card[front.id], card[back.id]);
  },
  'count-goal'(b) {
    const target = targetOf(b);
    const date = entityOf(SPEC, b.entity).fields.find((f) => f.type === 'date');
    const on = (day) => (date ? { [date.id]: day } : {});
    // Two records today and one in the year before: a goal per day, week, month or year counts today's two.
    const data = seeded(b.entity, 3, (i) => on(i < 2 ? TODAY : addDays(TODAY, -400)));
    const done = b.per === 'all' ? 3 : 2;
    assert.deepEqual(countProgress(date, data.records[b.entity], b.per, target, TODAY), {
      done,
      left: target - done,
      percent: Math.min(100, Math.floor((done / target) * 100)),
    });
    assert.equal(countProgress(date, [], b.per, target, TODAY).done, 0);
  },
  'import-export'() {
    for (const entity of SPEC.entities) {
      const data = seeded(entity.id, 2);
      assert.deepEqual(importData(SPEC, exportData(SPEC, data)), data, entity.plural + ' survive an export and an import');
    }
    assert.throws(() => importData(SPEC, 'not json'), /not JSON/);
    assert.throws(() => importData(SPEC, '{"hello":1}'), /not an export/);
  },
  undo() {
    const history = createHistory();
    const first = emptyData(SPEC);
    const entity = SPEC.entities.find((e) => !e.parent);
    const second = addRecord(SPEC, first, entity.id, sampleInput(entity, 0));
    history.record(first);
    assert.equal(history.undo(second), first);
    assert.equal(history.undo(first), first, 'nothing left to undo');
  },
};

for (const behaviour of SPEC.behaviours) {
  const name =
    behaviour.type +
    ('entity' in behaviour ? ' on ' + behaviour.entity : '') +
    ('field' in behaviour ? ' by ' + behaviour.field : '');
  test('behaviour: ' + name, () => behaviourTests[behaviour.type](behaviour));
}
