import type { Mission } from './mission';

/** How much a match in each field counts: what the mission *is* weighs more than where it failed. */
const FIELD_WEIGHTS = {
  status: 6,
  title: 5,
  prompt: 4,
  entities: 3,
  features: 2,
  failure: 2,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;

/** The searchable text of a mission, field by field, lower-cased. */
export function searchableFields(m: Mission): Record<Field, string> {
  const spec = m.plan?.app_spec;
  return {
    status: m.status.toLowerCase(),
    title: [m.plan?.title, spec?.title, spec?.phrase, m.project_name, m.interpreted_as]
      .filter(Boolean)
      .join(' \n ')
      .toLowerCase(),
    prompt: [m.prompt, m.plan?.build_prompt].filter(Boolean).join(' \n ').toLowerCase(),
    entities: (spec?.entities ?? [])
      .flatMap((e) => [e.id, e.name, e.plural, ...e.fields.map((f) => f.label ?? f.id)])
      .join(' \n ')
      .toLowerCase(),
    features: [...(m.features ?? []), ...(m.plan?.features ?? [])].join(' \n ').toLowerCase(),
    failure: m.failure ? [m.failure.code, m.failure.message, m.failure.step].join(' \n ').toLowerCase() : '',
  };
}

/** The words of a query: lower-cased, split on white space, duplicates dropped. */
export function queryTerms(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))];
}

/**
 * The score of a mission for a query, or 0 when some word of the query is found nowhere. Each
 * word counts with the heaviest field it appears in (a whole-word match twice a part-word one);
 * the whole query found as a phrase in the prompt or the title adds a bonus.
 */
export function missionScore(m: Mission, q: string): number {
  const terms = queryTerms(q);
  if (terms.length === 0) return 0;
  const fields = searchableFields(m);
  let score = 0;
  for (const term of terms) {
    const wordRe = new RegExp(`(^|[^a-z0-9])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`);
    let best = 0;
    for (const [field, text] of Object.entries(fields) as Array<[Field, string]>) {
      if (!text.includes(term)) continue;
      const weight = FIELD_WEIGHTS[field] * (wordRe.test(text) ? 2 : 1);
      if (field === 'status' && text !== term) continue; // a status matches only as itself ("failed", not "fail")
      best = Math.max(best, weight);
    }
    if (best === 0) return 0;
    score += best;
  }
  const phrase = terms.join(' ');
  if (terms.length > 1 && (fields.prompt.includes(phrase) || fields.title.includes(phrase))) score += 5;
  return score;
}

/** The missions matching `q`, best first (newest first among equals), at most `limit`. */
export function rankMissions(missions: readonly Mission[], q: string, limit: number): Mission[] {
  return missions
    .map((m) => ({ m, score: missionScore(m, q) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.m.created_at.localeCompare(a.m.created_at))
    .slice(0, limit)
    .map((r) => r.m);
}
