/**
 * The content guardrail: a deny list from `policy.yaml` (named categories, each with regular
 * expressions and a human reason), checked against every incoming request text before any
 * model token is spent or any workflow starts. Pure: the caller records and refuses.
 */

export interface GuardrailCategory {
  readonly name: string;
  readonly reason: string;
  readonly patterns: readonly string[];
}

export interface GuardrailPolicy {
  readonly categories: readonly GuardrailCategory[];
}

export type GuardrailVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly category: string;
      readonly reason: string;
      /** Index of the matching pattern within its category (the pattern text stays server-side). */
      readonly patternIndex: number;
    };

/** Zero-width and bidi control characters people use to split words past a filter. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The form patterns are matched against: Unicode NFKC (full-width and styled letters become
 * plain ones), invisible characters removed, lowercase, whitespace collapsed.
 */
export function normalizeForGuardrails(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Compiles a pattern as the guardrail uses it (case-insensitive, Unicode). Throws on a bad pattern. */
export const compileGuardrailPattern = (pattern: string): RegExp => new RegExp(pattern, 'iu');

const compiled = new WeakMap<GuardrailPolicy, Array<{ category: GuardrailCategory; regexes: RegExp[] }>>();

function compile(policy: GuardrailPolicy) {
  let entry = compiled.get(policy);
  if (!entry) {
    entry = policy.categories.map((category) => ({ category, regexes: category.patterns.map(compileGuardrailPattern) }));
    compiled.set(policy, entry);
  }
  return entry;
}

/** The first category whose pattern matches any of the texts, or `allowed`. */
export function checkContent(texts: readonly string[], policy: GuardrailPolicy): GuardrailVerdict {
  const normalized = texts.map(normalizeForGuardrails).filter(Boolean);
  for (const { category, regexes } of compile(policy)) {
    for (let i = 0; i < regexes.length; i++) {
      const regex = regexes[i]!;
      if (normalized.some((t) => regex.test(t))) {
        return { allowed: false, category: category.name, reason: category.reason, patternIndex: i };
      }
    }
  }
  return { allowed: true };
}
