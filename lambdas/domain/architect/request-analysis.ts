import {
  APP_KIND_IDS,
  APP_KINDS,
  FEATURE_IDS,
  FEATURES,
  orderFeatures,
  supportsFeature,
  type AppKindId,
  type FeatureId,
} from './catalog';
import { WORD_LISTS, wordPattern } from './compiler/word-lists';
import { THEME_IDS, THEMES, type AccentId } from './themes';

export {
  APP_KIND_IDS,
  APP_KINDS,
  AppKindIdSchema,
  FALLBACK_KIND,
  FEATURE_IDS,
  FEATURES,
  FeatureIdSchema,
  isAppKindId,
  isFeatureId,
  orderFeatures,
  supportedFeatures,
  supportsFeature,
} from './catalog';
export type { AppKind, AppKindId, Feature, FeatureId } from './catalog';

/** What the offline architect understood from a free-text request. Deterministic: same text, same analysis. */
export interface RequestAnalysis {
  /** The app kind the request asks for, or `null` when nothing in the text points to one. */
  readonly kind: AppKindId | null;
  /** 0..1: how strongly and how unambiguously the text names `kind` (0 when `kind` is null). */
  readonly confidence: number;
  /**
   * Score of every kind: 3 per keyword, 1 per hint, 1 more when a keyword follows a build verb
   * ("build a calculator"); useful to explain a choice or to ask between two.
   */
  readonly scores: Readonly<Record<AppKindId, number>>;
  /** Features the text asks for, in catalog order (negated mentions such as "no dark mode" excluded). */
  readonly features: FeatureId[];
  /** Features the text explicitly declines ("without export"). */
  readonly excludedFeatures: FeatureId[];
  /** Requested features that the chosen kind does not implement. */
  readonly unsupportedFeatures: FeatureId[];
  /** Name the person gave the app ("called Daily Focus"), cleaned; null when none was given. */
  readonly appName: string | null;
  /** Suggested project slug: lower-case letters, digits and dashes, at most 40 characters. */
  readonly projectName: string;
  /** A famous app the request wants to look like ("like Trello"), upper-case; null when none. */
  readonly designTarget: string | null;
  /** The accent colour the request asks for ("a blue todo app", "make it green"); the last one said wins. */
  readonly accent: AccentId | null;
}

const KEYWORD_SCORE = 3;
const HINT_SCORE = 1;
const MAX_SLUG_LENGTH = 40;
const MAX_NAME_LENGTH = 40;

/** Famous apps a request may name as a look to imitate; the value is the design target id. */
const DESIGN_TARGETS: ReadonlyArray<readonly [phrase: string, target: string]> = [
  ['linkedin', 'LINKEDIN'],
  ['twitter', 'TWITTER'],
  ['trello', 'TRELLO'],
  ['notion', 'NOTION'],
  ['todoist', 'TODOIST'],
  ['evernote', 'EVERNOTE'],
  ['google keep', 'GOOGLE_KEEP'],
  ['spotify', 'SPOTIFY'],
  ['instagram', 'INSTAGRAM'],
  ['facebook', 'FACEBOOK'],
  ['slack', 'SLACK'],
  ['github', 'GITHUB'],
  ['airbnb', 'AIRBNB'],
];

/** Words that turn the feature mentioned right after them into a refusal ("no", "without"). */
const NEGATIONS = new Set(['no', 'not', 'without', 'never', 'dont', 'skip', 'exclude', 'excluding', 'except']);
/** Words that end the reach of a negation ("no login but dark mode"). */
const NEGATION_BARRIERS = new Set(['but', 'with', 'and', 'plus', 'also', 'yet', 'though', 'however']);
const NEGATION_REACH = 4;

/** Words that carry no meaning for a project name (word-list-sources.ts). */
const NAME_STOP_WORDS = new Set(WORD_LISTS.nameStopWords.split(' '));

/** Misspellings of the words that name apps, as people type them, with the word they mean (word-list-sources.ts). */
const MISSPELLINGS: Readonly<Record<string, string>> = Object.fromEntries(
  WORD_LISTS.misspellings.split(';').map((pair) => pair.split(':') as [string, string]),
);
const MISSPELLED = new RegExp(`\\b(?:${Object.keys(MISSPELLINGS).join('|')})\\b`, 'g');

/** The words that give the app a name: "called", "named", "set the title to"… */
const NAMING = WORD_LISTS.namingWords;
const NAMING_WORDS = new RegExp(`${NAMING}\\b`);
/** A name after them, in quotes or bare. */
const QUOTED_NAME = new RegExp(
  NAMING + String.raw`\s*:?\s*(?:"([^"\n]{1,80})"|“([^”\n]{1,80})”|«([^»\n]{1,80})»|'([^'\n]{1,80})'|‘([^’\n]{1,80})’)`,
  'i',
);
const BARE_NAME = new RegExp(NAMING + String.raw`\s*[:]?\s+([^\n.,;:!?()]{1,80})`, 'i');

/**
 * Splits lower-case words out of free text, normalises the usual spellings of "to-do" and mends
 * the usual misspellings of the words that name apps ("calender", "recipie"). A name's text
 * (`keepPossessives`) keeps its spelling.
 */
export function normalizeRequestText(
  text: string,
  options: {
    readonly keepCommas?: boolean;
    readonly keepPossessives?: boolean;
    /**
     * A sentence's end (and a colon) as two spaces: words of two sentences are never read as one
     * phrase ("my students' homework. Each entry …" names no "homework each", "my therapy
     * sessions: date, topics" no "sessions date"), since every phrase of the reader is words one
     * space apart.
     */
    readonly sentences?: boolean;
  } = {},
): string {
  // A possessive names the owner: "my family's birthdays" are family birthdays (a name keeps it).
  const owned = options.keepPossessives ? text : text.replace(/([a-zA-Z])[’']s\b/g, '$1');
  const plain = owned
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bto-dos?\b/g, 'todo')
    .replace(/\bto do (list|app|items?)\b/g, 'todo $1')
    .replace(/\blog books?\b/g, 'logbook')
    // Lenses, not the people of an address book.
    .replace(/\bcontact lens(es)?\b/g, 'lens$1')
    // Weigh-ins are weights taken.
    .replace(/\bweigh[ -]?ins?\b/g, 'weights')
    // A rate per hour is an hourly rate, no rating.
    .replace(/\brates? (?:per|an|a|by the) hour\b/g, 'hourly rate')
    .replace(/[’']/g, '');
  // A name the person gives ("called Habbit Hero") keeps its spelling.
  const named = NAMING_WORDS.exec(plain)?.index ?? plain.length;
  const mended = options.keepPossessives
    ? plain
    : plain.slice(0, named).replace(MISSPELLED, (word) => MISSPELLINGS[word] ?? word) + plain.slice(named);
  if (options.sentences)
    return mended
      .replace(/[.!?:]+(?=\s|$)|[,;]/g, '\n')
      .split('\n')
      .map((sentence) => sentence.replace(/[^a-z0-9]+/g, ' ').trim())
      .filter(Boolean)
      .join('  ');
  if (!options.keepCommas) return mended.replace(/[^a-z0-9]+/g, ' ').trim();
  // Commas and semicolons part the items of a list ("with artist, album and year"): kept as " , ".
  // A sentence's end closes a list and a colon opens one (" . ", " : "); a parenthesis only says
  // more of an item ("type (green, black)").
  // ("categories (health, learning, work)" offers those values: said as "like" says them, in a
  // sentence of their own at the end, so the list the choice is in goes on after it.)
  const offered: string[] = [];
  const said = mended.replace(wordPattern('choiceInParens', 'g'), (_m, field: string, values: string) => {
    const items = values.split(/\s*(?:[,/]|\bor\b|\band\b)\s*/).filter(Boolean);
    offered.push(`. ${field} like ${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
    return field;
  });
  return [said, ...offered]
    .join(' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.!?:]+(?=\s|$)/g, (p) => (p.includes(':') ? ' : ' : ' . '))
    .replace(/[^a-z0-9,;:. ]+|[.:](?=\S)/g, ' ')
    .replace(/\s*[,;][\s,;]*/g, ' , ')
    .replace(/^[ ,.]+|[ ,.]+$/g, '');
}

interface PhraseMatch {
  readonly index: number;
  readonly wordIndex: number;
  /** Where the match ends (exclusive). */
  readonly end: number;
}

/**
 * Each catalog phrase's pattern, matching it on whole words (the last word may carry a plural
 * `s`/`es`), and its words as a text must hold them for the pattern to match. Made once per phrase
 * and shared: the pattern is global, so it comes back with `lastIndex` at 0 for a search from the start.
 */
const phrasePatternCache = new Map<string, { readonly pattern: RegExp; readonly words: string }>();

function phraseEntry(phrase: string): { readonly pattern: RegExp; readonly words: string } {
  let entry = phrasePatternCache.get(phrase);
  if (!entry) {
    const words = normalizeRequestText(phrase);
    const list = words.split(' ');
    const body = list.map((word, i) => (i === list.length - 1 ? `${word}(?:s|es)?` : word)).join(' ');
    entry = { pattern: new RegExp(`(?:^| )(${body})(?= |$)`, 'g'), words };
    phrasePatternCache.set(phrase, entry);
  }
  entry.pattern.lastIndex = 0;
  return entry;
}

/**
 * The first match of a phrase in a normalized text, or null. The reader tries over a thousand
 * phrases on every request, and a text without the phrase's words (most of them) is ruled out by a
 * substring search before the pattern runs.
 */
export function matchPhrase(phrase: string, text: string): RegExpExecArray | null {
  const { pattern, words } = phraseEntry(phrase);
  return text.includes(words) ? pattern.exec(text) : null;
}

function findPhrase(text: string, phrase: string): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  const { pattern, words } = phraseEntry(phrase);
  if (!text.includes(words)) return matches;
  const compound = COMPOUNDS[phrase];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const index = m.index + (m[0].startsWith(' ') ? 1 : 0);
    if (compound?.test(text.slice(m.index + m[0].length))) continue;
    if (QUALIFIED[phrase]?.test(text.slice(0, index))) continue;
    matches.push({ index, wordIndex: text.slice(0, index).split(' ').length - 1, end: m.index + m[0].length });
  }
  return matches;
}

/** Words that make a phrase part of another noun: a board game is no kanban board. */
const COMPOUNDS: Readonly<Record<string, RegExp>> = {
  board: /^ (?:games?|gamers?|members?|meetings?|of directors)\b/,
  clock: /^ (?:ins?|outs?|ing|cards?|speeds?|times?|hours?)\b/,
  // "feed my fish", "feed the cat": the verb, not a feed of posts.
  feed: wordPattern('feedVerbAfter'),
};

/** Words before a phrase that make it another thing: a time clock or a chess clock shows no time of day. */
const QUALIFIED: Readonly<Record<string, RegExp>> = {
  clock: wordPattern('clockQualified'),
  // After a sport ridden on one, a board is gear: "a surf log with beach, board and wave height".
  board: wordPattern('boardSports'),
  // Cards one sends or keeps are no kanban cards: "who I sent christmas cards to".
  card: wordPattern('cardQualified'),
  // What an animal eats, what someone does ("when I feed", "to feed"), or a data or video stream.
  feed: wordPattern('feedQualified'),
};

function isNegated(words: readonly string[], wordIndex: number): boolean {
  for (let i = wordIndex - 1; i >= 0 && i >= wordIndex - NEGATION_REACH; i -= 1) {
    const word = words[i] ?? '';
    if (NEGATION_BARRIERS.has(word)) return false;
    if (NEGATIONS.has(word)) return true;
  }
  return false;
}

interface KindScore {
  readonly kind: AppKindId;
  readonly score: number;
  readonly firstIndex: number;
}

/** Verbs that introduce the thing to build: "build a calculator", "I want a todo list". */
const BUILD_VERBS = new Set(['build', 'make', 'create', 'want', 'need', 'write', 'generate', 'design', 'develop', 'code']);
const BUILD_VERB_REACH = 3;
/** Extra score for a kind named right after a build verb: it is the object of the request. */
const OBJECT_BONUS = 1;

function followsBuildVerb(words: readonly string[], wordIndex: number): boolean {
  return words.slice(Math.max(0, wordIndex - BUILD_VERB_REACH), wordIndex).some((w) => BUILD_VERBS.has(w));
}

function scoreKinds(text: string): KindScore[] {
  const words = text ? text.split(' ') : [];
  // Every keyword's matches, found once. A kind's keyword inside a longer keyword of another kind
  // is that kind's: "a time zone converter" is a world clock, not also a unit converter.
  const keywordMatches = APP_KIND_IDS.flatMap((kind) =>
    APP_KINDS[kind].keywords.flatMap((phrase) => findPhrase(text, phrase).map((m) => ({ kind, phrase, ...m }))),
  );
  const insideLonger = (kind: AppKindId, m: PhraseMatch): boolean =>
    keywordMatches.some((o) => o.kind !== kind && o.index <= m.index && o.end >= m.end && o.end - o.index > m.end - m.index);
  return APP_KIND_IDS.map((kind) => {
    let score = 0;
    let firstIndex = Number.POSITIVE_INFINITY;
    let isObject = false;
    const tally = (
      phrases: readonly string[],
      weight: number,
      matchesOf: (phrase: string) => PhraseMatch[],
      strong: boolean,
    ): void => {
      for (const phrase of phrases) {
        const matches = matchesOf(phrase);
        if (matches.length === 0) continue;
        score += weight;
        firstIndex = Math.min(firstIndex, ...matches.map((m) => m.index));
        if (strong && matches.some((m) => followsBuildVerb(words, m.wordIndex))) isObject = true;
      }
    };
    const keywordMatchesOf = (phrase: string): PhraseMatch[] =>
      keywordMatches.filter((m) => m.kind === kind && m.phrase === phrase && !insideLonger(kind, m));
    tally(APP_KINDS[kind].keywords, KEYWORD_SCORE, keywordMatchesOf, true);
    tally(APP_KINDS[kind].hints, HINT_SCORE, (phrase) => findPhrase(text, phrase), false);
    return { kind, score: score + (isObject ? OBJECT_BONUS : 0), firstIndex };
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Turns any text into a project slug: lower-case letters, digits and single dashes, at most 40 characters. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  // A name keeps its possessives: "Jerry's Chores" is jerrys-chores.
  const slug = normalizeRequestText(text, { keepPossessives: true }).replace(/ /g, '-');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength) : slug;
  return cut.replace(/-+$/, '');
}

/** Keeps a person-given app name printable and short: letters, digits, spaces and a little punctuation. */
export function cleanAppName(raw: string): string | null {
  const words = raw
    .normalize('NFKC')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N} &'.-]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let name = '';
  for (const word of words) {
    const next = name ? `${name} ${word}` : word;
    if (next.length > MAX_NAME_LENGTH) break;
    name = next;
  }
  name = name.replace(/[ .&'-]+$/, '');
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  // A name typed all in lower case reads better as a title.
  if (name === name.toLowerCase()) {
    name = name.replace(/(^|[ -])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  return name;
}

const NAME_END_WORDS = new Set(['with', 'that', 'which', 'and', 'for', 'to', 'using', 'where', 'so', 'in', 'on', 'it', 'please']);

/** Finds a name the person gave the app: `called "Focus Pal"`, `named Budget Buddy with ...`. */
function extractAppName(text: string): string | null {
  // The closing quote must match the opening one, so an apostrophe inside "Tom's List" survives.
  const quoted = QUOTED_NAME.exec(text);
  const quotedName = quoted?.slice(1).find((group) => group !== undefined);
  if (quotedName) return cleanAppName(quotedName);
  const bare = BARE_NAME.exec(text);
  if (!bare?.[1]) return null;
  const kept: string[] = [];
  for (const word of bare[1].trim().split(/\s+/)) {
    if (NAME_END_WORDS.has(word.toLowerCase()) || kept.length === 5) break;
    kept.push(word);
  }
  return kept.length > 0 ? cleanAppName(kept.join(' ')) : null;
}

/** Registry themes first (their own phrases), then the other famous names. */
const ALL_DESIGN_TARGETS: ReadonlyArray<readonly [phrase: string, target: string]> = [
  ...THEME_IDS.flatMap((id) => THEMES[id].keywords.map((phrase) => [phrase, id] as const)),
  ...DESIGN_TARGETS,
];

function detectDesignTarget(text: string): string | null {
  let best: { index: number; target: string } | null = null;
  for (const [phrase, target] of ALL_DESIGN_TARGETS) {
    const first = findPhrase(text, phrase)[0];
    if (first && (best === null || first.index < best.index)) best = { index: first.index, target };
  }
  return best?.target ?? null;
}

/** Every word of the features' keywords, made once, on the first request read (not at module load). */
let featureWordSet: ReadonlySet<string> | undefined;

function nameFromContentWords(text: string): string {
  const featureWords = (featureWordSet ??= new Set(
    FEATURE_IDS.flatMap((f) => FEATURES[f].keywords.flatMap((k) => k.split(' '))),
  ));
  const words = text.split(' ').filter((w) => w.length > 1 && !NAME_STOP_WORDS.has(w) && !featureWords.has(w));
  return slugify(words.slice(0, 3).join(' ')) || 'app';
}

const WORKOUT_TIMER =
  /\b(?:workouts?|exercises?|exercising|training|gym|boxing|sparring|circuits?|sprints?|planks?|fitness|burpees?|skipping|jump rope)\b/;
const FOCUS_WORDS = /\b(?:pomodoro|focus|study|studying|homework|work sessions?)\b/;

/**
 * Reads a free-text app request: which kind of app (with a confidence), which features it mentions,
 * a name and a project slug. Pure and deterministic; it never guesses a kind from nothing: when no
 * keyword or hint matches, `kind` is null and a consultant should ask.
 */
export function analyzeRequest(text: string): RequestAnalysis {
  const normalized = normalizeRequestText(text);
  const words = normalized ? normalized.split(' ') : [];

  const ranked = scoreKinds(normalized)
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.firstIndex - b.firstIndex);
  const scores = Object.fromEntries(APP_KIND_IDS.map((k) => [k, 0])) as Record<AppKindId, number>;
  for (const s of ranked) scores[s.kind] = s.score;

  const best = ranked[0];
  const runnerUp = ranked[1];
  const kind = best?.kind ?? null;
  let confidence = 0;
  if (best) {
    const strength = Math.min(1, best.score / KEYWORD_SCORE);
    const share = best.score / (best.score + (runnerUp?.score ?? 0));
    confidence = round2(strength * share);
  }

  const wanted = new Set<FeatureId>();
  const declined = new Set<FeatureId>();
  for (const feature of FEATURE_IDS) {
    for (const keyword of FEATURES[feature].keywords) {
      for (const match of findPhrase(normalized, keyword)) {
        if (isNegated(words, match.wordIndex)) declined.add(feature);
        else wanted.add(feature);
      }
    }
  }
  // A timer for a workout is an interval timer, unless a focus timer is what it is for.
  if (kind === 'timer' && !declined.has('intervals') && WORKOUT_TIMER.test(normalized) && !FOCUS_WORDS.test(normalized)) {
    wanted.add('intervals');
  }
  const features = orderFeatures(wanted);
  const excludedFeatures = orderFeatures([...declined].filter((f) => !wanted.has(f)));
  const unsupportedFeatures = kind ? features.filter((f) => !supportsFeature(kind, f)) : [];

  const appName = extractAppName(text);
  let projectName: string;
  if (appName) projectName = slugify(appName) || 'app';
  else if (kind) projectName = APP_KINDS[kind].defaultProjectName;
  else projectName = nameFromContentWords(normalized);

  return {
    kind,
    confidence,
    scores,
    features,
    excludedFeatures,
    unsupportedFeatures,
    appName,
    projectName,
    designTarget: detectDesignTarget(normalized),
    accent: accentAsked(text),
  };
}

/** Colour words, each with the accent it asks for. */
const COLOUR_WORDS: Readonly<Record<string, AccentId>> = Object.fromEntries(
  WORD_LISTS.colourWords.split(' ').map((entry) => [entry.split(':')[0], entry.split(':').pop()]),
);
const COLOUR = `(${Object.keys(COLOUR_WORDS).join('|')})`;
const SHADE = '(?:(?:dark|light|bright|pastel|soft|deep|pale|navy|sky) )?';
/** "dark blue", "light green": a colour (group 1), not dark or light mode. */
export const SHADED_COLOUR = new RegExp(`\\b(?:dark|light) ${COLOUR}\\b`, 'g');
/** Words that name the app itself: "a habit tracker in pink", "a blue todo app". */
const APP_NOUNS = WORD_LISTS.appNouns;
/** A colour among others is a choice's values ("colour: red, blue or black"), not the app's colour. */
const NOT_A_CHOICE = `(?! {1,2}(?:or|and) ${COLOUR}| {1,2}${COLOUR} (?:or|and))`;
/** Nouns a colour word names a thing with, not an app's colour: "a red wine tracker", "a green tea log". */
const COLOUR_COMPOUND = wordPattern('colourCompound');
/**
 * Where a colour word asks for the app's colour: before a word of looks ("a green theme", "blue
 * accents", "purple-themed"); after one ("accent colour: teal", "change the colour to red"); in
 * "make it pink", "the app in black"; and before the app itself ("a blue todo app"), unless it
 * names a thing ("a red wine tracker").
 */
const ACCENT_ASKED = [
  new RegExp(`\\b${SHADE}${COLOUR}${WORD_LISTS.accentAfterColour}`, 'g'),
  new RegExp(`${WORD_LISTS.accentColourIs}${SHADE}${COLOUR}\\b${NOT_A_CHOICE}`, 'g'),
  new RegExp(`${WORD_LISTS.accentSchemeIs}${SHADE}${COLOUR}\\b${NOT_A_CHOICE}`, 'g'),
  new RegExp(`${WORD_LISTS.accentMakeIt}${SHADE}${COLOUR}\\b`, 'g'),
  new RegExp(`\\b(?:it|everything|${APP_NOUNS}) in ${SHADE}${COLOUR}\\b${NOT_A_CHOICE}`, 'g'),
  new RegExp(`\\b(?:a|an|my|the) ${SHADE}${COLOUR} ((?:[a-z]+ ){0,2})(?:${APP_NOUNS})\\b`, 'g'),
];

/** The accent the request asks for (see ACCENT_ASKED), the one said last when it names several; null for none. */
export function accentAsked(text: string): AccentId | null {
  const plain = normalizeRequestText(text, { sentences: true });
  let last: { index: number; accent: AccentId } | null = null;
  for (const pattern of ACCENT_ASKED) {
    for (const m of plain.matchAll(pattern)) {
      const colour = m[1]!;
      if (m[2] !== undefined && COLOUR_COMPOUND.test(m[2].split(' ')[0] || 'app')) continue;
      // "not blue", "no red", "without the green theme".
      if (/\b(?:no|not|without|dont|never)(?: the| a)? $/.test(plain.slice(Math.max(0, m.index - 14), m.index))) continue;
      const index = m.index + m[0].length;
      if (!last || index > last.index) last = { index, accent: COLOUR_WORDS[colour]! };
    }
  }
  return last?.accent ?? null;
}
