/**
 * The apps the compiler makes for the request corpus work in a real browser, served from a
 * sub-path as the local host serves them (every kind of behaviour, view and field the corpus
 * holds, and every sixth of the other apps): each behaviour its spec lists is driven once (add,
 * edit, delete, search, filter, sort, group, totals, averages, counts, streak tick, tally − and +, due today,
 * countdown, goal, timer, flip, export/import, undo), the views render, the records survive a reload, and
 * dark mode toggles.
 * Skipped when Chromium is not installed.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AppSpec, EntitySpec, FieldSpec } from '../../lambdas/domain/architect/compiler/app-spec-schema';
import { draftManifest, readRequest } from '../../lambdas/domain/architect/offline-architect';
import { describeIfChromium, launchChromium } from '../helpers/chromium';
import { type AppHost, mapLimit, removeDir, runCommand, serveBuiltApps, writeApp } from './app-workspace';
import { BUILDABLE_REQUESTS } from './app-request-corpus';
import { corpusSample } from './corpus-sample';

jest.setTimeout(600_000);

const WORDS = ['alpha', 'bravo', 'charlie'];
/** Apps driven at once, each in its own browser context. */
const DRIVES_AT_ONCE = 2;

function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Fills the entity's form with the i-th sample record and submits it. The fields in `shared` take
 * the first record's value in the second record too: two records in one group, whose order a sort
 * can then change (each record in a group of its own would show no sort).
 */
async function addRecord(page: Page, entity: EntitySpec, i: number, shared: ReadonlySet<string> = new Set()): Promise<void> {
  const form = `form[data-form="${entity.id}"]`;
  for (const field of entity.fields) {
    const control = `${form} [name="${field.id}"]`;
    const value = sample(field, i === 1 && shared.has(field.id) ? 0 : i);
    if (field.type === 'boolean') {
      if (value === 'true') await page.check(control);
      else await page.uncheck(control);
    } else if (field.type === 'choice') await page.selectOption(control, value);
    else await page.fill(control, value);
  }
  await page.click(`${form} [data-submit]`);
}

/** A worked-out figure as the app shows it: money to the cent, below zero with a minus sign. */
function signed(field: FieldSpec): (n: number) => string {
  return (n) => (n < 0 ? '\u2212' : '') + (field.type === 'money' ? Math.abs(n).toFixed(2) : String(Math.abs(n)));
}

/** The records of an entity as the app saved them in this browser (whatever edits came before). */
async function savedRecords(page: Page, spec: AppSpec, entityId: string): Promise<Record<string, unknown>[]> {
  const saved = (await page.evaluate(`JSON.parse(localStorage.getItem(${JSON.stringify(`${spec.projectName}:data`)}))`)) as {
    records: Record<string, Record<string, unknown>[]>;
  };
  return saved.records[entityId] ?? [];
}

function sample(field: FieldSpec, i: number): string {
  switch (field.type) {
    case 'text':
      return `${WORDS[i % 3]} ${field.label.toLowerCase()}`;
    case 'longtext':
      return `About ${WORDS[i % 3]}`;
    case 'number':
      return String(i + 1);
    case 'money':
      return String((i + 1) * 2.5);
    case 'rating':
      return String(i + 3);
    case 'date':
      return day(-i);
    case 'time':
      return `${String(7 + (i % 12)).padStart(2, '0')}:${i % 2 ? '45' : '05'}`;
    case 'boolean':
      return i % 2 === 0 ? 'true' : 'false';
    case 'tags':
      return `${WORDS[i % 3]}, shared`;
    case 'choice':
      return field.options![i % field.options!.length]!;
    case 'url':
    case 'image':
      return `http://127.0.0.1:9/${WORDS[i % 3]}.png`;
  }
}

const section = (entity: EntitySpec) => `section[data-entity="${entity.id}"]`;
const recordCount = (page: Page, entity: EntitySpec) =>
  page.$$eval(
    `${section(entity)} [data-body] [data-record]`,
    (els) => new Set(els.map((e) => e.getAttribute('data-record'))).size,
  );

describeIfChromium('compiled corpus apps in Chromium', () => {
  // Each app that brings a behaviour (with the type of its field), a view, a field type or an
  // entity count no earlier one brought, and every sixth of the rest (corpus-sample.ts;
  // GANTRY_CORPUS=all drives them all).
  const apps = corpusSample(
    6,
    BUILDABLE_REQUESTS.filter((r) => r.builds === 'spec'),
  ).map((r) => {
    const reading = readRequest(r.prompt);
    if (reading.outcome !== 'spec') throw new Error(r.prompt);
    return { prompt: r.prompt, spec: reading.spec, manifest: draftManifest({ prompt: r.prompt }) };
  });
  // Served under a path of its own: two requests can make apps of the same name ("a task list").
  const pathOf = (app: (typeof apps)[number]): string => `${apps.indexOf(app)}-${app.manifest.project_name}`;
  const distBySlug = new Map<string, string>();
  const dirs: string[] = [];
  let host: AppHost | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    await mapLimit(apps, 2, async (app) => {
      const { manifest } = app;
      const dir = writeApp(manifest);
      dirs.push(dir);
      const build = await runCommand(manifest.build_command, dir);
      if (build.code !== 0) throw new Error(`build of ${manifest.project_name} failed:\n${build.output}`);
      distBySlug.set(pathOf(app), join(dir, manifest.output_dir));
    });
    host = await serveBuiltApps(distBySlug);
    base = host.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    for (const dir of dirs) removeDir(dir);
  });

  /** Drives one app in `page`, which holds nothing of another app's (see `driveAll`). */
  async function drive(page: Page, spec: AppSpec, slug: string): Promise<string[]> {
    const problems: string[] = [];
    const onError = (error: Error) => problems.push(`page error: ${error.message}`);
    page.on('pageerror', onError);
    try {
      await driveApp(page, spec, slug, problems);
    } finally {
      page.off('pageerror', onError);
    }
    return problems;
  }

  async function driveApp(page: Page, spec: AppSpec, slug: string, problems: string[]): Promise<void> {
    await page.goto(`${base}/${slug}/`);
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    check((await page.getAttribute('html', 'data-theme')) === (spec.look.dark ? 'dark' : 'light'), 'initial theme');
    const roots = spec.entities.filter((e) => !e.parent);
    const ordered = [...roots, ...spec.entities.filter((e) => e.parent)];
    // create: three records of every entity (children go to the first parent).
    // The fields an entity's records are grouped by (a board's columns are groups too).
    const groupedBy = (entity: EntitySpec) =>
      new Set([
        ...spec.behaviours.flatMap((b) => (b.type === 'group' && b.entity === entity.id ? [b.field] : [])),
        // (The first two records in one series of a change by a field: each meter its own readings.)
        ...spec.behaviours.flatMap((b) =>
          (b.type === 'change' || b.type === 'balance') && b.entity === entity.id && b.by ? [b.by] : [],
        ),
        ...spec.views.flatMap((v) => (v.type === 'board' && v.entity === entity.id && v.field ? [v.field] : [])),
      ]);
    for (const entity of ordered) {
      for (let i = 0; i < 3; i += 1) await addRecord(page, entity, i, groupedBy(entity));
      check((await recordCount(page, entity)) === 3, `${entity.id}: three records after adding three`);
      check((await page.textContent(`${section(entity)} [data-error]`)) === '', `${entity.id}: no form error`);
    }
    // A goal's target: the spec's, or (a goal left to the person) set in the app after it says none
    // is set yet and refuses a target of 0.
    const targetOf = async (given: number | null, goal: string): Promise<number> => {
      if (given !== null) return given;
      const said = (await page.textContent(`${goal} [data-goal-text]`)) ?? '';
      check(said.includes('not set yet'), `a goal left to the person says it is not set yet: "${said}"`);
      await page.fill(`${goal} [data-goal-form] [name="target"]`, '0');
      await page.click(`${goal} [data-goal-form] [type="submit"]`);
      check(((await page.textContent(`${goal} [data-goal-error]`)) ?? '') !== '', 'a goal of 0 is refused with a message');
      await page.fill(`${goal} [data-goal-form] [name="target"]`, '10');
      await page.click(`${goal} [data-goal-form] [type="submit"]`);
      return 10;
    };
    for (const b of spec.behaviours) {
      const entity = 'entity' in b ? spec.entities.find((e) => e.id === b.entity)! : roots[0]!;
      const s = section(entity);
      switch (b.type) {
        case 'search': {
          const searchable = entity.fields.some((f) => ['text', 'longtext', 'tags'].includes(f.type));
          await page.fill(`${s} [data-search]`, searchable ? WORDS[1]! : '');
          check((await recordCount(page, entity)) === (searchable ? 1 : 3), 'search keeps the matching record');
          await page.fill(`${s} [data-search]`, '');
          break;
        }
        case 'filter': {
          const field = entity.fields.find((f) => f.id === b.field)!;
          const value = field.type === 'tags' ? WORDS[0]! : field.type === 'boolean' ? 'true' : field.options![0]!;
          // The "no filter" choice names the field: "Category: any".
          const anyText = await page.textContent(`${s} [data-filter="${b.field}"] option[value=""]`);
          check(anyText === `${field.label}: any`, `the filter by ${b.field} offers "${field.label}: any" (${anyText})`);
          await page.selectOption(`${s} [data-filter="${b.field}"]`, value);
          const n = await recordCount(page, entity);
          check(n >= 1 && n < 3, `filter by ${b.field} keeps some records (${n})`);
          await page.selectOption(`${s} [data-filter="${b.field}"]`, '');
          break;
        }
        case 'sort': {
          // The records in the order shown (within their groups, when grouped).
          const order = () =>
            page.$$eval(`${s} [data-body] [data-record]`, (els) => els.map((e) => e.getAttribute('data-record')).join());
          await page.selectOption(`${s} [data-sort]`, `${b.field}:asc`);
          const asc = await order();
          await page.selectOption(`${s} [data-sort]`, `${b.field}:desc`);
          check(asc !== (await order()), `sort by ${b.field} changes the order`);
          break;
        }
        case 'group':
          check((await page.$$(`${s} [data-group]`)).length >= 2, `grouped by ${b.field}`);
          break;
        case 'total': {
          const text = (await page.textContent(`${s} [data-totals="${b.field}"] [data-total-all]`)) ?? '';
          const field = entity.fields.find((f) => f.id === b.field)!;
          const expected = field.type === 'money' ? '15.00' : '6';
          check(text.includes(expected), `total of ${b.field} is ${expected}: "${text}"`);
          if (b.by) check((await page.$$(`${s} [data-totals="${b.field}"] li[data-key]`)).length >= 1, `totals per ${b.by}`);
          // By a date: the latest period first, today's day or month.
          const by = entity.fields.find((f) => f.id === b.by);
          if (by?.type === 'date' && b.per !== 'week') {
            const keys = await page.$$eval(`${s} [data-totals="${b.field}"][data-by="${b.by}"] li[data-key]`, (els) =>
              els.map((e) => e.getAttribute('data-key')),
            );
            const today = { day: day(0), month: day(0).slice(0, 7), year: day(0).slice(0, 4) }[b.per ?? 'day'] ?? '';
            check(keys[0] === today, `totals per ${b.per ?? 'day'} start with today's: ${keys.join(', ')}`);
          }
          break;
        }
        case 'average': {
          // The three sample records hold 1, 2, 3 (numbers), 2.5, 5, 7.5 (money) or 3, 4, 5 stars,
          // and weights of 1, 2, 3: a weighted average leans to the last.
          const text = (await page.textContent(`${s} [data-averages="${b.field}"] [data-average-all]`)) ?? '';
          const field = entity.fields.find((f) => f.id === b.field)!;
          const values = field.type === 'money' ? [2.5, 5, 7.5] : field.type === 'rating' ? [3, 4, 5] : [1, 2, 3];
          const weights = b.weight ? [1, 2, 3] : [1, 1, 1];
          const mean = values.reduce((sum, v, i) => sum + v * weights[i]!, 0) / weights.reduce((a, w) => a + w, 0);
          const expected = field.type === 'money' ? mean.toFixed(2) : String(Math.round(mean * 100) / 100);
          check(text.includes(`: ${expected}`), `average of ${b.field} is ${expected}: "${text}"`);
          if (b.by) check((await page.$$(`${s} [data-averages="${b.field}"] li[data-key]`)).length >= 1, `averages per ${b.by}`);
          break;
        }
        case 'threshold': {
          // The i-th sample record holds i + 1 in a number and 2.5 × (i + 1) in an amount: a number
          // against a number is at its limit on every record, so all three are picked out.
          const unit = (id: string) => (entity.fields.find((f) => f.id === id)!.type === 'money' ? 2.5 : 1);
          const past = [0, 1, 2].filter((i) => {
            const value = unit(b.field) * (i + 1);
            const limit = unit(b.limit) * (i + 1);
            return b.below ? value <= limit : value >= limit;
          }).length;
          const text = (await page.textContent(`${s} [data-thresholds="${b.field}"] [data-threshold-all]`)) ?? '';
          check(text === `${b.label}: ${past}`, `${b.label}: ${past} records past their limit: "${text}"`);
          check(
            (await page.$$(`${s} [data-thresholds="${b.field}"] li[data-key]`)).length === past,
            `the ${past} past their limit are named`,
          );
          check((await page.$$(`${s} [data-body] [data-past="${b.field}"]`)).length === past, `each one past its limit says so`);
          break;
        }
        case 'change': {
          // The i-th record holds i + 1 (or 2.5 × (i + 1)), dated i days ago: in date order 3, 2, 1,
          // each less by 1 than the one the day before. By a field, each value is a series of its
          // own (the first two records share one unless an edit above changed it): a series of two
          // shows one change, a series of one none.
          const field = entity.fields.find((f) => f.id === b.field)!;
          const unit = field.type === 'money' ? 2.5 : 1;
          const shown = (n: number) => (field.type === 'money' ? n.toFixed(2) : String(n));
          const step = `\u2212${shown(unit)}`;
          const each = await page.$$eval(`${s} [data-body] [data-change="${b.field}"]`, (els) =>
            els.map((e) => e.textContent ?? '').filter((t) => t !== ''),
          );
          const text = (await page.textContent(`${s} [data-changes="${b.field}"] [data-change-all]`)) ?? '';
          if (b.by) {
            const rows = await page.$$eval(`${s} [data-changes="${b.field}"] li[data-key]`, (els) =>
              els.map((e) => e.textContent ?? ''),
            );
            const counts = rows.map((r) => Number(/\((\d+)\)$/.exec(r)?.[1] ?? NaN));
            const pairs = rows.filter((_row, i) => counts[i] === 2);
            check(
              counts.reduce((a, n) => a + n, 0) === 3 &&
                pairs.every((r) => r.includes(`${step} (${shown(2 * unit)} \u2192 ${shown(unit)})`)) &&
                rows.every((r, i) => counts[i] !== 1 || r.includes(': \u2013 (')),
              `${b.label} per ${b.by}, a series each: ${rows.join(' | ')}`,
            );
            check(
              each.length === pairs.length && each.every((t) => t.endsWith(step)),
              `a record of each series of two shows its ${b.label.toLowerCase()}: ${each.join(', ')}`,
            );
          } else {
            check(
              each.length === 2 && each.every((t) => t.endsWith(step)),
              `2 records show their ${b.label.toLowerCase()} of ${step}: ${each.join(', ')}`,
            );
            check(
              text === `${b.label}: \u2212${shown(2 * unit)} (${shown(3 * unit)} \u2192 ${shown(unit)})`,
              `${b.label} over all from the earliest to the newest: "${text}"`,
            );
          }
          break;
        }
        case 'difference': {
          // Worked out here from the records the app saved: the field less each of the others, on
          // each record and added up (a record without the field, or without all of the others, has none).
          const shown = signed(entity.fields.find((f) => f.id === b.field)!);
          const saved = await savedRecords(page, spec, entity.id);
          let sum = 0;
          let any = false;
          const got: string[] = [];
          const expected: string[] = [];
          for (const r of saved) {
            const taken = b.less.map((id) => r[id]).filter((v): v is number => typeof v === 'number');
            if (typeof r[b.field] !== 'number' || taken.length === 0) continue;
            const value = Math.round(taken.reduce((left, v) => left - v, r[b.field] as number) * 100) / 100;
            sum += value;
            any = true;
            expected.push(shown(value));
            got.push(
              (await page.textContent(`${s} [data-body] [data-record="${String(r.id)}"] [data-difference="${b.field}"]`)) ?? '',
            );
          }
          check(
            any && got.every((t, i) => t === expected[i] || t === `${b.label} ${expected[i]}`),
            `each record's ${b.label.toLowerCase()}: ${got.join(', ')} (expected ${expected.join(', ')})`,
          );
          const text = (await page.textContent(`${s} [data-differences="${b.field}"] [data-difference-all]`)) ?? '';
          const all = `${b.label}: ${shown(Math.round(sum * 100) / 100)}`;
          check(text === all, `${b.label} in all: "${text}" (expected "${all}")`);
          break;
        }
        case 'balance': {
          // Worked out here from the records the app saved (whatever edits came before): what
          // each kind adds or takes off, per series with a by-field.
          const shown = signed(entity.fields.find((f) => f.id === b.field)!);
          const saved = await savedRecords(page, spec, entity.id);
          const sums = new Map<string, { plus: number; minus: number; count: number }>();
          for (const r of saved) {
            const value = r[b.field];
            const kind = r[b.kind];
            if (typeof value !== 'number' || typeof kind !== 'string' || kind === '') continue;
            const key = b.by ? String(r[b.by] ?? '') || '(none)' : '';
            const sum = sums.get(key) ?? { plus: 0, minus: 0, count: 0 };
            if (b.minus.includes(kind)) sum.minus += value;
            else sum.plus += value;
            sum.count += 1;
            sums.set(key, sum);
          }
          // Each record's running balance, in date order (the same day as entered) within its series.
          const date = entity.fields.find((f) => f.type === 'date');
          if (date) {
            const ordered = saved
              .map((r, i) => ({ r, i }))
              .filter(
                ({ r }) => typeof r[b.field] === 'number' && typeof r[b.kind] === 'string' && r[b.kind] !== '' && r[date.id],
              )
              .sort((x, y) => String(x.r[date.id]).localeCompare(String(y.r[date.id])) || x.i - y.i);
            const sofar = new Map<string, number>();
            const expected: string[] = [];
            const got: string[] = [];
            for (const { r } of ordered) {
              const key = b.by ? String(r[b.by] ?? '') : '';
              const value = r[b.field] as number;
              const after =
                Math.round(((sofar.get(key) ?? 0) + (b.minus.includes(r[b.kind] as string) ? -value : value)) * 100) / 100;
              sofar.set(key, after);
              expected.push(shown(after));
              got.push(
                (await page.textContent(`${s} [data-body] [data-record="${String(r.id)}"] [data-running="${b.field}"]`)) ?? '',
              );
            }
            check(
              // (A table's cell holds the figure; a list's line names it: "Balance 18.25".)
              ordered.length > 0 && got.every((t, i) => t === expected[i] || t === `${b.label} ${expected[i]}`),
              `each record's running ${b.label.toLowerCase()}: ${got.join(', ')} (expected ${expected.join(', ')})`,
            );
          }
          const line = (x: { plus: number; minus: number }) =>
            `${shown(Math.round((x.plus - x.minus) * 100) / 100)} (in ${shown(x.plus)}, out ${shown(x.minus)})`;
          const text = (await page.textContent(`${s} [data-balances="${b.field}"] [data-balance-all]`)) ?? '';
          if (b.by) {
            const rows = await page.$$eval(`${s} [data-balances="${b.field}"] li[data-key]`, (els) =>
              els.map((e) => e.textContent ?? ''),
            );
            const expected = [...sums].map(([key, x]) => `${key}: ${line(x)} (${x.count})`);
            check(
              rows.length === expected.length && expected.every((row) => rows.includes(row)),
              `${b.label} per ${b.by}: ${rows.join(' | ')} (expected ${expected.join(' | ')})`,
            );
          } else {
            const all = [...sums.values()].reduce((a, x) => ({ plus: a.plus + x.plus, minus: a.minus + x.minus }), {
              plus: 0,
              minus: 0,
            });
            check(text === `${b.label}: ${line(all)}`, `${b.label}: "${text}" (expected "${b.label}: ${line(all)}")`);
          }
          break;
        }
        case 'ratio': {
          // Each sample record holds 1, 2 or 3 in a number and 2.5, 5 or 7.5 in an amount: every
          // record's figure and the overall one are the same, the scale times 1 or 2.5 (or 0.4).
          const unit = (id: string) => (entity.fields.find((f) => f.id === id)!.type === 'money' ? 2.5 : 1);
          const expected = String(Math.round((unit(b.field) / unit(b.divisor)) * b.scale * 100) / 100);
          const ratio = `${b.field}/${b.divisor}`;
          const text = (await page.textContent(`${s} [data-ratios="${ratio}"] [data-ratio-all]`)) ?? '';
          check(text === `${b.label}: ${expected}`, `${b.label} over all is ${expected}: "${text}"`);
          const each = await page.$$eval(`${s} [data-body] [data-ratio="${ratio}"]`, (els) => els.map((e) => e.textContent));
          check(
            each.length === 3 && each.every((t) => t !== null && t.endsWith(expected)),
            `each record shows its ${b.label.toLowerCase()}: ${each.join(', ')}`,
          );
          break;
        }
        case 'goal': {
          // The three records hold 1, 2 and 3 (or 2.50, 5.00 and 7.50), dated today, yesterday and
          // the day before: a goal per day counts today's alone, one of all time all three.
          const field = entity.fields.find((f) => f.id === b.field)!;
          const values = field.type === 'money' ? [2.5, 5, 7.5] : [1, 2, 3];
          const shown = (n: number) => (field.type === 'money' ? n.toFixed(2) : String(n));
          const goal = `${s} [data-goal="${b.field}"]`;
          const target = await targetOf(b.target, goal);
          const text = (await page.textContent(`${goal} [data-goal-text]`)) ?? '';
          if (b.per === 'latest') {
            // Today's value, the newest, against the target; the bar is the share of the way there.
            check(
              text.includes(`: ${shown(values[0]!)}`) && text.includes(`, to ${shown(target)}`),
              `the goal of ${b.field} shows the newest value against the target: "${text}"`,
            );
            const share = Number(await page.getAttribute(`${goal} progress`, 'value'));
            check(share >= 0 && share <= 100, `the goal's bar is a share of the way: ${share}`);
            break;
          }
          const done = b.per === 'day' ? values[0]! : b.per === 'all' ? values[0]! + values[1]! + values[2]! : null;
          check(
            text.includes(done === null ? ` of ${shown(target)}` : `: ${shown(done)} of ${shown(target)}`),
            `the goal of ${b.field} says how far it has got: "${text}"`,
          );
          const bar = Number(await page.getAttribute(`${goal} progress`, 'value'));
          check(bar > 0 && bar <= target && (done === null || bar === Math.min(done, target)), `the goal's bar: ${bar}`);
          break;
        }
        case 'count-goal': {
          // The three records are dated today, yesterday and the day before: one today, three of all time.
          const goal = `${s} [data-count-goal="${entity.id}"]`;
          const target = await targetOf(b.target, goal);
          const text = (await page.textContent(`${goal} [data-goal-text]`)) ?? '';
          const done = b.per === 'day' ? 1 : b.per === 'all' ? 3 : null;
          const plural = entity.plural.toLowerCase();
          check(
            text.includes(done === null ? ` of ${target} ${plural}` : `: ${done} of ${target} ${plural}`),
            `the goal of ${target} ${plural} says how far it has got: "${text}"`,
          );
          break;
        }
        case 'count':
          check((await page.$$(`${s} [data-counts="${b.by}"] li`)).length >= 1, `counts per ${b.by}`);
          break;
        case 'streak': {
          if (!entity.parent) {
            // A log's own streak: its three records are dated today, yesterday and the day before.
            const text = (await page.textContent(`${s} [data-day-streak] [data-day-streak-text]`)) ?? '';
            check(/\b3 days in a row\b/.test(text) && /longest 3\b/.test(text), `three days in a row: "${text}"`);
            break;
          }
          const parent = spec.entities.find((e) => e.id === entity.parent!.entity)!;
          const ps = section(parent);
          // The three check-ins went to the first parent on today, yesterday and the day before.
          const first = `${ps} [data-body] [data-record]`;
          check(((await page.textContent(`${first} [data-streak]`)) ?? '').includes('3 days'), 'a three-day streak');
          const second = page.locator(`${ps} [data-body] [data-record]`).nth(1);
          await second.locator('[data-tick]').click();
          check(
            ((await second.locator('[data-streak]').textContent()) ?? '').includes('1 day'),
            'ticking off today starts a streak',
          );
          check(await second.locator('[data-tick]').isDisabled(), 'done today');
          break;
        }
        case 'due-today':
          check(
            ((await page.textContent(`${s} [data-due="${b.field}"] strong`)) ?? '').startsWith('Due today: 1'),
            'one record due today',
          );
          break;
        case 'countdown': {
          // The records are dated today, yesterday and the day before: today's comes first.
          const rows = `${s} [data-countdown="${b.field}"] li`;
          const first = (await page.$$eval(rows, (els) => els.map((e) => [e.getAttribute('data-days'), e.textContent])))[0];
          check(first?.[0] === '0' && (first[1] ?? '').includes(': today'), `countdown starts with today's: ${String(first)}`);
          check((await page.$$(rows)).length === (b.yearly ? 3 : 1), 'past dates are ahead only when they come round every year');
          break;
        }
        case 'timer': {
          const before = await page.textContent('[data-clock]');
          await page.click('[data-timer-start]');
          await page.waitForFunction(`document.querySelector('[data-clock]').textContent !== ${JSON.stringify(before)}`);
          await page.click('[data-timer-start]');
          await page.click('[data-timer-reset]');
          check((await page.textContent('[data-clock]')) === before, 'timer resets');
          break;
        }
        case 'step': {
          const first = `${s} [data-body] [data-record]`;
          const count = async () =>
            Number((await page.locator(first).first().locator(`[data-field="${b.field}"]`).textContent()) ?? NaN);
          const before = await count();
          await page.locator(`${first} [data-step="1"]`).first().click();
          await page.locator(`${first} [data-step="1"]`).first().click();
          check((await count()) === before + 2, 'plus counts up by one');
          await page.locator(`${first} [data-step="-1"]`).first().click();
          check((await count()) === before + 1, 'minus counts down by one');
          // Back to where it was, for the totals and sorts that follow.
          await page.locator(`${first} [data-step="-1"]`).first().click();
          check((await count()) === before, 'minus again');
          break;
        }
        case 'flip': {
          const card = `${s} [data-flip]`;
          check(!(await page.isVisible(`${card} [data-back]`)), 'the back is hidden');
          await page.click(card);
          check(await page.isVisible(`${card} [data-back]`), 'flipping shows the back');
          break;
        }
        case 'import-export': {
          await page.click('[data-export]');
          const exported = await page.inputValue('[data-export-output]');
          check(exported.includes('"records"'), 'export shows the data');
          await page.click(`${s} [data-body] [data-record] [data-delete]`);
          await page.setInputFiles('[data-import]', {
            name: 'backup.json',
            mimeType: 'application/json',
            buffer: Buffer.from(exported),
          });
          await page.waitForFunction(
            `new Set([...document.querySelectorAll(${JSON.stringify(`${s} [data-body] [data-record]`)})].map((e) => e.dataset.record)).size === 3`,
          );
          break;
        }
        case 'undo': {
          const n = await recordCount(page, entity);
          await page.click(`${s} [data-body] [data-record] [data-delete]`);
          check((await recordCount(page, entity)) === n - 1, 'delete removes one');
          await page.click('[data-undo]');
          check((await recordCount(page, entity)) === n, 'undo brings it back');
          break;
        }
        case 'crud': {
          // Not the field two records share a group by, when another will do: the sort checked
          // later needs them still in one group.
          const texts = entity.fields.filter((f) => f.type === 'text');
          const textField = texts.find((f) => !groupedBy(entity).has(f.id)) ?? texts[0];
          if (textField) {
            await page.click(`${s} [data-body] [data-record] [data-edit]`);
            await page.fill(`form[data-form="${entity.id}"] [name="${textField.id}"]`, 'edited value');
            await page.click(`form[data-form="${entity.id}"] [data-submit]`);
            check(((await page.textContent(`${s} [data-body]`)) ?? '').includes('edited value'), `edit ${entity.id}`);
          }
          break;
        }
      }
    }
    for (const view of spec.views) {
      if (view.type === 'board')
        check(
          (await page.$$(`section[data-entity="${view.entity}"] [data-group]`)).length > 0 || spec.views[0] !== view,
          'board columns',
        );
    }
    // Saved in this browser: the records survive a reload.
    const counts = await Promise.all(ordered.map((e) => recordCount(page, e)));
    await page.reload();
    check(
      JSON.stringify(await Promise.all(ordered.map((e) => recordCount(page, e)))) === JSON.stringify(counts),
      'records survive a reload',
    );
    // delete, then dark mode toggles and is remembered.
    const entity = roots[0]!;
    const n = await recordCount(page, entity);
    await page.click(`${section(entity)} [data-body] [data-record] [data-delete]`);
    check((await recordCount(page, entity)) === n - 1, 'delete');
    await page.click('#theme-toggle');
    check((await page.getAttribute('html', 'data-theme')) === (spec.look.dark ? 'light' : 'dark'), 'theme toggles');
  }

  /**
   * Each app once, DRIVES_AT_ONCE at a time. A page is kept for the next app (a new browser context
   * per app started a renderer process each time, about half of the browser's CPU here): the apps
   * share the host's origin, so what an app saved in the browser is cleared after it, and a page
   * whose app stopped with an error is closed and a new context made.
   */
  async function driveAll(): Promise<string[][]> {
    const fresh = async (): Promise<Page> => {
      const page = await (await browser.newContext()).newPage();
      // Generous: on a loaded machine a first page can take seconds; a missing control still fails.
      page.setDefaultTimeout(15_000);
      return page;
    };
    const idle: Page[] = [];
    return mapLimit(apps, DRIVES_AT_ONCE, async (app) => {
      const page = idle.pop() ?? (await fresh());
      try {
        const problems = await drive(page, app.spec, pathOf(app));
        await page.evaluate('localStorage.clear(); sessionStorage.clear()');
        idle.push(page);
        return problems;
      } catch (err) {
        await page.context().close();
        return [`stopped: ${(err as Error).message.split('\n')[0]}`];
      }
    });
  }

  it(`drives every behaviour of ${apps.length} compiled apps once`, async () => {
    // Two at a time: part of a drive is waiting on round trips to the browser, and two side by side
    // took about four fifths of the time of one by one.
    const results = await driveAll();
    const failures = apps.flatMap((app, i) => (results[i]!.length > 0 ? [`${app.prompt}: ${results[i]!.join('; ')}`] : []));
    expect(failures).toEqual([]);
  });
});
