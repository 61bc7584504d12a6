/**
 * What a static web app cannot do, found in a request: a server, other people over the network,
 * native device features, another platform or language, system software. Each limit is either
 * the core of the request (nothing close can be built without it: "an operating system kernel")
 * or a part that can be left out of a close reading ("a habit tracker with push notifications").
 */

import { WORD_LISTS, wordPattern, type PatternName } from './word-lists';

export interface RequestLimit {
  /** The word list that finds it (`paymentsAsked`…), which names it. */
  readonly id: string;
  /** What is asked that a static web app cannot do, in plain words. */
  readonly need: string;
  /** True when the request is about this need itself, so leaving it out would build something else. */
  readonly core: boolean;
  /** What Gantry can build instead, when the request has no buildable part. */
  readonly instead: string;
}

/**
 * What a static web app cannot do, in the order they are looked for; written as data in
 * ./word-list-sources.ts (`requestLimits`), which function bundles carry packed.
 */
const LIMITS: ReadonlyArray<readonly [RegExp, RequestLimit]> = WORD_LISTS.requestLimits.map(([pattern, need, core, instead]) => [
  wordPattern(pattern as PatternName),
  { id: pattern, need, core, instead },
]);

/** The limits a request runs into, in the order above; `text` is the normalised request. */
export function findLimits(text: string): RequestLimit[] {
  const found: RequestLimit[] = [];
  for (const [pattern, limit] of LIMITS) if (pattern.test(text)) found.push(limit);
  return found;
}
