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

type Card = { title: string; fields: readonly Field[]; results: readonly (readonly [string, string])[]; note?: string };
/** Each formula's card (`static/formulas/cards.json`): its heading, inputs, results ([id, label]) and a note. */
let cards: Readonly<Record<Formula, Card>> | null = null;
const cardOf = (f: Formula): Card => (cards ??= JSON.parse(staticSource('formulas/cards.json')) as Record<Formula, Card>)[f];

export function formulaBody(spec: AppSpec): string | null {
  const formulas = formulasOf(spec);
  if (formulas.length === 0) return null;
  return blocks(
    ...formulas.map((f) => {
      const card = cardOf(f);
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
