import { readRequest } from '../../lambdas/domain/architect/compiler/read-request';
import { BUILDABLE_REQUESTS, type BuildableRequest } from './app-request-corpus';

/**
 * What a request's app is made of, as the tests that build or drive whole apps tell them apart:
 * its template, or its number of entities, each behaviour with the type of the field it works on,
 * its views, its field types, dark mode and whether it is a reading of the request.
 */
function traitsOf(request: BuildableRequest): string[] {
  const reading = readRequest(request.prompt);
  const traits = [`builds ${request.builds}`];
  if (reading.outcome === 'spec') {
    const { spec } = reading;
    const fields = new Map(spec.entities.flatMap((e) => e.fields.map((f) => [`${e.id}.${f.id}`, f.type] as const)));
    traits.push(`entities ${spec.entities.length}`);
    for (const b of spec.behaviours) {
      const on = 'field' in b && b.field ? fields.get(`${b.entity}.${b.field}`) : undefined;
      // A total per week, month or year, or a goal per period, groups its records its own way.
      const per = (b.type === 'total' || b.type === 'goal') && b.per ? ` per ${b.per}` : '';
      // A streak on a log's own records is one figure; on a parent's, a streak and a tick per parent.
      const own = b.type === 'streak' && !spec.entities.find((e) => e.id === b.entity)?.parent ? ' of its own records' : '';
      // A change or a balance by a field has a series per value (each meter, each kid).
      const series = (b.type === 'change' || b.type === 'balance') && b.by ? ' per series' : '';
      traits.push(`behaviour ${b.type}${on ? ` of a ${on}` : ''}${per}${own}${series}`);
    }
    traits.push(...spec.views.map((v) => `view ${v.type}`));
    for (const entity of spec.entities) traits.push(...entity.fields.map((f) => `field ${f.type}`));
    if (spec.look.dark) traits.push('dark');
  }
  if (reading.interpretedAs !== null) traits.push('interpreted');
  return traits;
}

/**
 * The corpus requests a test of whole apps takes: every one that brings a trait (above) no earlier
 * one brought, and every `nth` of the rest; all of them when GANTRY_CORPUS=all. Every corpus app
 * is still compiled, tested and built on its own (app-compiler.test.ts) and passes the policy gate
 * (policy-gate.test.ts).
 */
export function corpusSample(nth: number, requests: readonly BuildableRequest[] = BUILDABLE_REQUESTS): BuildableRequest[] {
  if (process.env.GANTRY_CORPUS === 'all') return [...requests];
  const seen = new Set<string>();
  let others = 0;
  return requests.filter((r) => {
    const fresh = traitsOf(r).filter((t) => !seen.has(t));
    for (const t of fresh) seen.add(t);
    return fresh.length > 0 || others++ % nth === 0;
  });
}
