import type { IntervalSettings } from './app-spec';

/** Work, rest and rounds when the request gives none: a common HIIT workout. */
export const INTERVAL_DEFAULTS: IntervalSettings = { prepareSeconds: 10, workSeconds: 30, restSeconds: 15, rounds: 8 };

/** Workouts known by name: their work, rest and rounds. */
const NAMED: ReadonlyArray<readonly [RegExp, Omit<IntervalSettings, 'prepareSeconds'>]> = [
  [/\btabata\b/, { workSeconds: 20, restSeconds: 10, rounds: 8 }],
  [/\b(?:boxing|sparring|mma|kickboxing)\b/, { workSeconds: 180, restSeconds: 60, rounds: 12 }],
  [/\bemom\b|\bevery minute on the minute\b/, { workSeconds: 60, restSeconds: 0, rounds: 10 }],
  // Twelve exercises of 30 seconds with 10 seconds between them.
  [/\b(?:7|seven) minute workout\b/, { workSeconds: 30, restSeconds: 10, rounds: 12 }],
];

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty five': 45, fifty: 50, sixty: 60, ninety: 90, a: 1, an: 1,
};
const WORDS = `forty five|${Object.keys(NUMBER_WORDS).filter((w) => w !== 'forty five').join('|')}`;
const NUMBER = String.raw`(\d{1,4}(?:\.\d+)?|${WORDS})`;
/** A length: "30 seconds", "30s", "1.5 min", "a minute", "forty-five second" (a word number is spaced from its unit). */
const DURATION = String.raw`(\d{1,4}(?:\.\d+)?(?= ?[a-z])|(?:${WORDS})(?=[ -]))[ -]?(seconds?|secs?|s|minutes?|mins?|m)\b`;
const WORK_WORDS = String.raw`on|work|working|sprints?|hard|exercise|effort|active|rounds?|intervals?`;
const REST_WORDS = String.raw`off|rest|resting|breaks?|recovery|easy|pause`;

const value = (number: string): number => NUMBER_WORDS[number] ?? Number(number);
const seconds = (number: string, unit: string): number => Math.round(value(number) * (unit.startsWith('m') ? 60 : 1));
const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/**
 * The workout an interval timer request asks for: "30 seconds on and 10 seconds off", "work 40s,
 * rest 20s", "3 minute rounds with 1 minute rest", "8 rounds", "20/10", a tabata or a boxing
 * round timer. What it does not say is the common workout's.
 */
export function intervalWorkout(prompt: string): IntervalSettings {
  const text = prompt.toLowerCase().replace(/[-‐-―]/g, ' ').replace(/\s+/g, ' ');
  const named = NAMED.find(([re]) => re.test(text))?.[1];
  let { workSeconds, restSeconds, rounds } = named ?? INTERVAL_DEFAULTS;
  let prepareSeconds = INTERVAL_DEFAULTS.prepareSeconds;
  const pair = /\b(\d{1,3}) ?\/ ?(\d{1,3})\b(?! ?\/)/.exec(text);
  if (pair) [workSeconds, restSeconds] = [Number(pair[1]), Number(pair[2])];
  // Each length belongs to the word just after it ("30 seconds on"), unless that word goes with the
  // next length and another word comes just before this one ("work 40s rest 20s": "rest 20s").
  const after = new RegExp(`^,? (?:of )?(${WORK_WORDS}|${REST_WORDS})\\b( ${DURATION})?`);
  const before = new RegExp(`\\b(${WORK_WORDS}|${REST_WORDS}|get ready)(?: for| of|:)? $`);
  for (const m of text.matchAll(new RegExp(DURATION, 'g'))) {
    if (m.index > 0 && /[\w.]/.test(text[m.index - 1]!)) continue;
    const next = after.exec(text.slice(m.index + m[0].length));
    const last = before.exec(text.slice(0, m.index))?.[1];
    const word = next && (!next[2] || !last) ? next[1] : last;
    if (!word) continue;
    const time = seconds(m[1]!, m[2]!);
    if (word === 'get ready') prepareSeconds = time;
    else if (new RegExp(`^(?:${REST_WORDS})$`).test(word)) restSeconds = time;
    // "8 rounds" is a count (below); "3 minute rounds" a round's length.
    else workSeconds = time;
  }
  const count = new RegExp(`\\b${NUMBER} (?:rounds|sets|intervals|cycles|reps|repeats)\\b`).exec(text);
  const times = /\bx ?(\d{1,2})\b/.exec(text);
  if (count ?? times) rounds = value((count ?? times)![1]!);
  return {
    prepareSeconds: clamp(prepareSeconds, 0, 60),
    workSeconds: clamp(workSeconds, 5, 3600),
    restSeconds: clamp(restSeconds, 0, 3600),
    rounds: clamp(Math.round(rounds), 1, 99),
  };
}
