import type { FeatureId } from '../catalog';
import { blocks, has, importLine, js, type AppSpec } from './app-spec';
import { staticSource } from './static-sources';

/**
 * The calculator's everyday formulas (tip and split, BMI, loan payment, percentages, compound
 * interest, age): each pure functions in `src/formulas.js` with tests of their own, and a card on
 * the page whose inputs recompute its results as they change. Only the formulas the spec asks for
 * are generated.
 */

/** The formula features, in catalog order. */
const FORMULAS = ['tip', 'bmi', 'loan', 'percentage', 'interest', 'age', 'fuel'] as const satisfies readonly FeatureId[];
type Formula = (typeof FORMULAS)[number];

export function formulasOf(spec: AppSpec): Formula[] {
  return FORMULAS.filter((f) => has(spec, f));
}

const HEADER = staticSource('formulas/header.js');

const FUNCTIONS: Readonly<Record<Formula, readonly string[]>> = {
  tip: ['tipSplit'],
  bmi: ['bodyMassIndex', 'bmiCategory'],
  loan: ['loanPayment'],
  percentage: ['percentOf', 'percentShare', 'percentChange'],
  interest: ['compoundInterest'],
  age: ['ageOn', 'describeAge'],
  fuel: ['tripFuelCost'],
};

/** Each formula's functions and tests are the fixed files `static/formulas/<formula>.js` and `<formula>-test.js`. */
function formulasModule(formulas: readonly Formula[]): string {
  return [HEADER, ...formulas.map((f) => staticSource(`formulas/${f}.js`))].join('');
}

function formulasTest(formulas: readonly Formula[]): string {
  const names = ['FormulaError', 'cents', 'decimal', 'money', ...formulas.flatMap((f) => FUNCTIONS[f])];
  return blocks(
    js`import { test } from 'node:test';`,
    js`import assert from 'node:assert/strict';`,
    importLine(names, '../src/formulas.js'),
    staticSource('formulas/money-test.js'),
    ...formulas.map((f) => staticSource(`formulas/${f}-test.js`)),
  );
}

/** One input: [id, label, default value, step]; the step 'date' makes a date input instead of a number. */
type Field = readonly [string, string, string, string];

/** Each formula's card: its heading, inputs, results ([id, label]) and a note. */
const CARDS: Readonly<Record<Formula, { title: string; fields: readonly Field[]; results: readonly (readonly [string, string])[]; note?: string }>> = {
  tip: {
    title: 'Tip and split',
    fields: [
      ['tip-bill', 'Bill', '50', '0.01'],
      ['tip-percent', 'Tip (%)', '15', '1'],
      ['tip-people', 'People', '2', '1'],
    ],
    results: [
      ['tip-amount', 'Tip'],
      ['tip-total', 'Total'],
      ['tip-each', 'Each person pays'],
    ],
    note: 'Each share is rounded up to the cent, so the shares cover the total.',
  },
  bmi: {
    title: 'BMI',
    fields: [
      ['bmi-weight', 'Weight (kg)', '70', '0.1'],
      ['bmi-height', 'Height (cm)', '175', '0.5'],
    ],
    results: [
      ['bmi-value', 'BMI'],
      ['bmi-category', 'Category'],
    ],
    note: 'The adult categories: under 18.5, 18.5 to 24.9, 25 to 29.9, 30 and over.',
  },
  loan: {
    title: 'Loan payment',
    fields: [
      ['loan-amount', 'Amount', '200000', '100'],
      ['loan-rate', 'Interest (% a year)', '6', '0.01'],
      ['loan-years', 'Term (years)', '30', '1'],
    ],
    results: [
      ['loan-monthly', 'Monthly payment'],
      ['loan-total', 'Total paid'],
      ['loan-interest', 'Interest paid'],
    ],
  },
  percentage: {
    title: 'Percentages',
    fields: [
      ['pct-a', 'A', '20', 'any'],
      ['pct-b', 'B', '150', 'any'],
    ],
    results: [
      ['pct-of', 'A % of B'],
      ['pct-share', 'A as a % of B'],
      ['pct-change', 'Change from A to B'],
    ],
  },
  interest: {
    title: 'Compound interest',
    fields: [
      ['interest-start', 'Starting amount', '1000', '1'],
      ['interest-rate', 'Interest (% a year)', '5', '0.01'],
      ['interest-years', 'Years', '10', '1'],
      ['interest-deposit', 'Deposit each month', '100', '1'],
    ],
    results: [
      ['interest-balance', 'Balance'],
      ['interest-paid', 'Paid in'],
      ['interest-earned', 'Interest earned'],
    ],
    note: 'Interest is added monthly; each deposit is made at the end of its month.',
  },
  age: {
    title: 'Age',
    fields: [
      ['age-birth', 'Birth date', '2000-01-01', 'date'],
      ['age-on', 'On', '', 'date'],
    ],
    results: [
      ['age-value', 'Age'],
      ['age-days', 'Days in all'],
    ],
    note: 'A month after the 31st ends on the last day of a shorter month.',
  },
  fuel: {
    title: 'Fuel cost',
    fields: [
      ['fuel-distance', 'Distance (km)', '300', '1'],
      ['fuel-consumption', 'Consumption (litres per 100 km)', '7', '0.1'],
      ['fuel-price', 'Price per litre', '1.80', '0.01'],
      ['fuel-people', 'People', '1', '1'],
    ],
    results: [
      ['fuel-amount', 'Fuel'],
      ['fuel-cost', 'Cost'],
      ['fuel-each', 'Each person pays'],
    ],
    note: 'Miles and gallons work too: give the consumption in gallons per 100 miles and the price per gallon.',
  },
};

export function formulaBody(spec: AppSpec): string | null {
  const formulas = formulasOf(spec);
  if (formulas.length === 0) return null;
  return blocks(
    ...formulas.map((f) => {
      const card = CARDS[f];
      return blocks(
        `      <section class="card formula" aria-labelledby="${f}-title">`,
        `        <h2 id="${f}-title">${card.title}</h2>`,
        `        <form id="${f}-form" class="formula-inputs" novalidate>`,
        ...card.fields.map(
          ([id, label, value, step]) =>
            step === 'date'
              ? `          <label for="${id}">${label}<input id="${id}" type="date" value="${value}"></label>`
              : `          <label for="${id}">${label}<input id="${id}" type="number" inputmode="decimal" step="${step}" value="${value}"></label>`,
        ),
        '        </form>',
        '        <dl class="formula-results">',
        ...card.results.map(([id, label]) => `          <dt>${label}</dt><dd><output id="${id}" for="${f}-form"></output></dd>`),
        '        </dl>',
        `        <p id="${f}-error" class="error" role="alert"></p>`,
        card.note ? `        <p class="muted hint">${card.note}</p>` : null,
        '      </section>',
      );
    }),
  );
}

export const FORMULA_CSS = staticSource('formulas/formula-css.css');

/** Each formula's wiring in main.js (`static/formulas/<file>`): read its inputs, show its results or its error. */
const WIRING_FILES: Readonly<Record<Formula, string>> = {
  tip: 'tip-card.js',
  bmi: 'bmi-card.js',
  loan: 'loan-card.js',
  percentage: 'percentage-card.js',
  interest: 'interest-card.js',
  age: 'age-today.js',
  fuel: 'fuel-card.js',
};
const wiring = (f: Formula): string => staticSource(`formulas/${WIRING_FILES[f]}`);

/** main.js's import of the formulas it uses. */
export function formulaImports(spec: AppSpec): string | null {
  const formulas = formulasOf(spec);
  if (formulas.length === 0) return null;
  // What each card's wiring calls: the display helpers and the formula's own functions.
  const called = (f: Formula) => ['money', 'decimal', ...FUNCTIONS[f]].filter((n) => new RegExp(`\\b${n}\\(`).test(wiring(f)));
  const names = [...new Set(['FormulaError', ...formulas.flatMap(called)])];
  return importLine(names, './formulas.js');
}

/** main.js's formula cards: each recomputes on every change of its inputs, and once at the start. */
export function formulaScript(spec: AppSpec): string | null {
  const formulas = formulasOf(spec);
  if (formulas.length === 0) return null;
  return blocks(
    staticSource('formulas/card-helpers.js'),
    ...formulas.map(wiring),
    '',
  );
}

export function formulaFiles(spec: AppSpec): { path: string; content: string }[] {
  const formulas = formulasOf(spec);
  if (formulas.length === 0) return [];
  return [
    { path: 'src/formulas.js', content: formulasModule(formulas) },
    { path: 'test/formulas.test.js', content: formulasTest(formulas) },
  ];
}
