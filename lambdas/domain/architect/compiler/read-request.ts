import { APP_KIND_IDS, APP_KINDS, FEATURES, FORMULA_TITLES, GAME_TITLES, type AppKindId, type FeatureId } from '../catalog';
import { analyzeRequest, normalizeRequestText, matchPhrase, slugify } from '../request-analysis';
import { isThemeId, themeFor } from '../themes';
import { AppSpecSchema, type AppSpec, type BehaviourSpec, type EntitySpec, type FieldSpec } from './app-spec-schema';
import { FIELD_WORDS, PRESETS, presetById, type Preset } from './presets';
import { f } from './preset-fields';
import { featureGaps, specBuilt } from './feature-gaps';
import { findLimits, type RequestLimit } from './request-limits';
import { readLanguage, type LanguageInfo } from './request-language';
import {
  applySpecWords,
  camel,
  COUNTDOWN_TO_DATE,
  fieldInUse,
  findField,
  NUMBER_WORDS,
  PLURAL_ONLY,
  primaryOf,
  recordsWithField,
  singular,
} from './spec-words';
import { type PatternName, WORD_LISTS, wordPattern } from './word-lists';

/**
 * Request → what to build. The one place that decides, for the direct build and the offline
 * consultant alike, whether a request becomes an app spec (nouns → entities, "with X" → fields,
 * "by Y" → groupings, "streak/total/filter/flip/timer" → behaviours), one of the hand-made kind
 * templates (calculator, converter, timer, feed…), or an honest refusal: what a static web app
 * cannot do, or words the offline architect cannot read, said in plain words. Never a different
 * app in place of the one asked for.
 */

export type RefusalCode = 'NOT_A_STATIC_APP' | 'REQUEST_NOT_UNDERSTOOD';

interface ReadingBase {
  /** What Gantry will build when it differs from the literal request ("a flashcard game"), else null. */
  readonly interpretedAs: string | null;
  /** Parts of the request the build leaves out, in plain words. */
  readonly leftOut: readonly string[];
  /** The request's language when it is not English. */
  readonly language: string | null;
}

export type RequestReading =
  | (ReadingBase & { readonly outcome: 'spec'; readonly spec: AppSpec })
  | (ReadingBase & { readonly outcome: 'template'; readonly kind: AppKindId })
  | (ReadingBase & {
      readonly outcome: 'refused';
      readonly code: RefusalCode;
      /** Why, in plain words, with what can be built instead. */
      readonly message: string;
    });

/** Kinds whose hand-made template is replaced by a spec when the request asks for more than it has. */
const KIND_PRESETS: Partial<Record<AppKindId, Preset>> = {
  tasks: {
    id: 'tasks',
    keywords: [],
    title: 'Tasks',
    phrase: 'a task list',
    entities: [
      {
        id: 'task',
        name: 'Task',
        plural: 'Tasks',
        fields: [
          { id: 'title', label: 'Title', type: 'text', required: true },
          { id: 'done', label: 'Done', type: 'boolean', required: false },
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'task', field: null }],
    behaviours: [
      { type: 'crud', entity: 'task' },
      { type: 'filter', entity: 'task', field: 'done' },
    ],
  },
  notes: {
    id: 'notes',
    keywords: [],
    title: 'Notes',
    phrase: 'a notes app',
    entities: [
      {
        id: 'note',
        name: 'Note',
        plural: 'Notes',
        fields: [
          { id: 'title', label: 'Title', type: 'text', required: true },
          { id: 'body', label: 'Text', type: 'longtext', required: false },
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'note', field: null }],
    behaviours: [
      { type: 'crud', entity: 'note' },
      { type: 'search', entity: 'note' },
    ],
  },
  board: {
    id: 'board',
    keywords: [],
    title: 'Board',
    phrase: 'a kanban board',
    entities: [
      {
        id: 'card',
        name: 'Card',
        plural: 'Cards',
        fields: [
          { id: 'title', label: 'Title', type: 'text', required: true },
          { id: 'status', label: 'Status', type: 'choice', required: false, options: ['To do', 'Doing', 'Done'] },
          { id: 'notes', label: 'Notes', type: 'longtext', required: false },
        ],
        parent: null,
      },
    ],
    views: [
      { type: 'board', entity: 'card', field: 'status' },
      { type: 'list', entity: 'card', field: null },
    ],
    behaviours: [
      { type: 'crud', entity: 'card' },
      { type: 'search', entity: 'card' },
      { type: 'count', entity: 'card', by: 'status' },
    ],
  },
};

/** Words that a kind template cannot do, so a spec is compiled instead ("a todo list with tags and streaks"). */
const BEYOND_TEMPLATES = wordPattern('beyondTemplates');

/**
 * Whether `text` asks a kind's template for what only a spec has: the words above, or a field the
 * template has no place for ("a diary with my weight": a number).
 */
/** The notes app asked for as a journal or a diary: its entries are days (the `journal` preset). */
/** The task list as chores: each a chore by its name, the app a chore chart where one is asked. */
function choresOf(tasks: Preset, text: string): Preset {
  const chart = /\bchore (?:chart|board)s?\b/.test(text);
  const renamed = JSON.parse(JSON.stringify(tasks).replace(/"task"/g, '"chore"')) as Preset;
  return {
    ...renamed,
    id: 'chores',
    title: chart ? 'Chore Chart' : 'Chores',
    phrase: chart ? 'a chore chart' : 'a chore list',
    entities: renamed.entities.map((e) => ({
      ...e,
      name: 'Chore',
      plural: 'Chores',
      fields: e.fields.map((field) => (field.id === 'title' ? { ...field, label: 'Chore' } : field)),
    })),
  };
}

const asJournal = (preset: Preset | null, text: string): boolean => preset?.id === 'notes' && /\b(?:journal|diary)\b/.test(text);

function beyondTemplate(preset: Preset, text: string, original: string | null = null): boolean {
  // A journal or a diary "with mood, what I ate and how I slept" keeps those with each day's entry
  // (so does "an allergy diary: food, reaction, severity", a list read in the words as written).
  // Other kinds' templates keep their own text and choice fields, but not a day of the week
  // ("a chore chart with chore, kid and weekday"), nor whose each one is or how often it comes
  // ("a chore chart with who does it and how often").
  const journal = asJournal(preset, text);
  return (
    BEYOND_TEMPLATES.test(text) ||
    fieldsAdded(preset.entities[0]!.fields, specFrom(preset, text, journal ? original : null, null, null).spec).some(
      (f) => journal || !/text|choice/.test(f.type) || /^(?:day|who|frequency)$/.test(f.id),
    )
  );
}

/** The fields `after`'s records have that `before` (their fields once) lacks. */
function fieldsAdded(before: readonly FieldSpec[], after: AppSpec): FieldSpec[] {
  return primaryOf(after).fields.filter((f) => !before.some((g) => g.id === f.id));
}

/** A preset keyword that is only a container or a schedule: "planner", "calendar", "list". */
/** The words for a container the patterns below share. */
// ("library books" are books, not a library of them.)
const CONTAINER_LIST =
  'tracker|log|logbook|list|roster|catalog|catalogue|collection|library(?! books?\\b)|planner|organi[sz]er|database';
/** "record" as a container: "a record of my runs", not "a record player". */
const RECORD_CONTAINER = 'record(?=$| (?:for|of|with|that|which|where|including|and)\\b)';

const CONTAINER_WORDS = new RegExp(
  `^(?:${CONTAINER_LIST}|manager|journal|diary|register|record|schedule|agenda|calendar|calendar app|day planner|checklist|inventory)$`,
);

/** Words a request uses for a container of things: "a tracker for my plants", "a log of books". */
const CONTAINERS = new RegExp(`\\b(${CONTAINER_LIST}|manager|journal|diary|register|${RECORD_CONTAINER})\\b`);

/** A container, then what it is for or of: "a tracker for my plants" (the records are the second group). */
const CONTAINER_FOR = new RegExp(
  `\\b(?:${CONTAINER_LIST}|manager|journal|diary|register|record) (for|of) (?:my |our |the |all )?([a-z0-9]+(?: [a-z0-9]+){0,2})`,
);

/**
 * Records kept of each of the generic reading's ("my clients and their sessions", "my students and
 * the lessons"): a second entity that belongs to the first, dated, newest first, with an amount
 * when they are paid for. The first keeps no date of its own then; the second has them. Null when
 * the request names no such records after the noun.
 */
function theirRecords(preset: Preset, noun: string, text: string, request = text): Preset | null {
  // ("which students have turned in each assignment": assignments of each, with whether they were.)
  const done = new RegExp(
    `\\bwhich ${noun}s? (?:have |has )?((?:[a-z]{3,}ed|did)(?: (?:in|up|out|off|back))?) (?:each|every) ([a-z]+)\\b`,
  ).exec(request);
  const m = done
    ? ([done[0], `${done[2]}s`] as const)
    : // ("my students, their lessons": a comma is a space by now.)
      new RegExp(`\\b${noun}s?(?: and (?:their|the|each one's|its)|(?:,| ) (?:their|the)) ([a-z]+)(?: ([a-z]+))?\\b`).exec(text);
  const kept = (word: string | undefined) => word !== undefined && wordPattern('theirRecords').test(word);
  // "a list of the dogs I walk … and log each walk with the date": their walks.
  const each = done || m ? null : /\b(?:log|track|record|note|keep) (?:each|every) ([a-z]{3,})\b/.exec(text);
  const eachOne = each && !/s$/.test(each[1]!) ? `${each[1]}${/(?:ch|sh|x)$/.test(each[1]!) ? 'es' : 's'}` : undefined;
  // ("their farrier visits": visits of a kind; "the lessons I give": the lessons.)
  const said = kept(m?.[2]) ? `${m![1]} ${m![2]}` : kept(m?.[1]) ? m![1] : kept(eachOne) ? eachOne! : null;
  if (!said || preset.entities.length !== 1) return null;
  const did = done ? (/^(?:handed|turned) in$/.test(done[1]!) ? 'submitted' : done[1]!.split(' ')[0]!) : null;
  const owner = preset.entities[0]!;
  const words = said.split(' ');
  const last = singular(words.at(-1)!);
  const name = capital([...words.slice(0, -1), last].join(' '));
  const id = camel(name.toLowerCase());
  if (!/^[a-z][a-zA-Z0-9]{1,30}$/.test(id) || id === owner.id) return null;
  const fields: FieldSpec[] = [
    ...(wordPattern('titledRecords').test(said.split(' ').at(-1)!)
      ? [{ id: 'title', label: 'Title', type: 'text' as const, required: true }]
      : []),
    { id: 'date', label: 'Date', type: 'date', required: true },
    ...(wordPattern('paidRecords').test(said.split(' ').at(-1)!)
      ? [{ id: 'amount', label: 'Amount', type: 'money' as const, required: false }]
      : []),
    ...(did ? [{ id: camel(did), label: capital(did), type: 'boolean' as const, required: false }] : []),
    { id: 'notes', label: 'Notes', type: 'longtext', required: false },
  ];
  const plural = capital(said);
  return {
    ...preset,
    title: `${owner.plural} and ${plural}`.slice(0, 80),
    phrase: `${owner.plural.toLowerCase()} and their ${plural.toLowerCase()}`,
    entities: [
      // (The dates are the second records'; a checklist's box stays.)
      { ...owner, fields: owner.fields.filter((f) => f.id !== 'date') },
      { id, name, plural, fields, parent: { entity: owner.id, field: `${owner.id}Id` } },
    ],
    views: [...preset.views.filter((v) => v.field !== 'date'), { type: 'table', entity: id, field: null }],
    behaviours: [
      ...preset.behaviours.filter((b) => !('field' in b && b.field === 'date')),
      { type: 'crud', entity: id },
      { type: 'sort', entity: id, field: 'date', direction: 'desc' },
      ...(fields.some((f) => f.id === 'amount') ? [{ type: 'total' as const, entity: id, field: 'amount', by: null }] : []),
    ],
  };
}

/** Records named after others with a comma: "my students, their lessons" (see theirRecords). */
const THEIR_AFTER_COMMA = new RegExp(
  `\\b([a-z]+s)(?:,|  ?) ?their ((?:[a-z]+ )?${WORD_LISTS.theirRecords.slice(1, -1)})\\b`,
  'g',
);

/** The words before a container: "a guest list" (the first group). */
const BEFORE_CONTAINER = new RegExp(
  `\\b([a-z]+(?: [a-z]+)?) (?:${CONTAINER_LIST}|journal|diary|register|${RECORD_CONTAINER})\\b`,
);

const NOUN_STOP = new Set(WORD_LISTS.nounStop.split(' '));

/**
 * The everyday app a request's words name (the longest keyword; the first of equals; one before
 * `listAt` before any after it). `listAt`: where a list opened by a colon begins, which no
 * keyword reads past ("my garden: plant, bed").
 */
function matchPreset(text: string, listAt = text.length): { preset: Preset; index: number; keyword: string } | null {
  let best: { preset: Preset; words: number; index: number; keyword: string } | null = null;
  // A library is the books' one unless it names other records: "a library of my board games",
  // "a seed library" ("a little free library", "our home library" are books).
  const before = / ([a-z]+) library\b/.exec(` ${text}`)?.[1];
  const named =
    / library (?:of|for) /.test(` ${text} `) ||
    (before !== undefined &&
      !NOUN_STOP.has(before) &&
      !/^(?:book|books|reading|free|public|home|personal|school|classroom|family|kids)$/.test(before));
  // Records the app is asked to make from others ("plan my meals and generate a shopping list")
  // are not what it keeps: any other match comes first.
  let made: { preset: Preset; index: number; keyword: string } | null = null;
  for (const preset of PRESETS) {
    for (const keyword of preset.keywords) {
      const m = matchPhrase(keyword, text);
      if (!m || (named && keyword === 'library')) continue;
      const end = m.index + m[0].length;
      const after = text.slice(end, end <= listAt ? listAt : undefined);
      // "my coffee shop" is a business, not coffee to taste ("a menu for my cafe" names its owner).
      if (!/ (?:my|our)$/.test(keyword) && BUSINESS_AFTER.test(after)) continue;
      // "book appointments", "a log book", "film photography": the word is part of another thing.
      // A household's bills shared by flatmates are still bills to pay, split or not.
      const household = keyword === 'bill' && HOUSEHOLD.test(text);
      if (!household && KEYWORD_AFTER[keyword]?.test(after)) continue;
      if (!household && KEYWORD_BEFORE[keyword]?.test(`${text.slice(0, m.index)} `)) continue;
      // "to book a table", "I book the room": the verb, before its object.
      if (
        keyword === 'book' &&
        wordPattern('verbBeforeKind').test(text.slice(0, m.index)) &&
        /^ (?:a|an|the|my|our|your|their)\b/.test(text.slice(m.index + m[0].length))
      )
        continue;
      // A feeding log of a dog or a sourdough starter is no baby's; an aquarium's water is not drunk.
      const other = OTHER_SUBJECTS[preset.id];
      if (other && !other.named.test(keyword) && !other.named.test(text) && other.others.test(text)) continue;
      if (MADE_FROM_OTHERS.test(text.slice(0, m.index)) && !ASKED_TO_MAKE.test(text.slice(0, m.index))) {
        made ??= { preset, index: m.index, keyword };
        continue;
      }
      const words = keyword.split(' ').length;
      // A keyword before the list outranks any in it: "a migraine log: date, what I ate" keeps
      // migraines, though "what I ate" is the longer keyword.
      const head = m.index < listAt;
      const bestHead = best !== null && best.index < listAt;
      if (head !== bestHead ? head : !best || words > best.words || (words === best.words && m.index < best.index))
        best = { preset, words, index: m.index, keyword };
    }
  }
  if (best) return { preset: best.preset, index: best.index, keyword: best.keyword };
  // Money to put by, said with its amount (all told or each month) or as money and no app's name:
  // "help me save 2000 dollars for a vacation", "save 500 a month", "I want to save money for a
  // car" keep the deposits toward it (a goal is read from the same words). Saving money on
  // something is spending less: no savings.
  const saving = made
    ? null
    : (SAVING_TARGET.exec(text) ??
      SAVING_PER_PERIOD.exec(text) ??
      /\bsav(?:e|ing) (?:up )?money (?:for|to buy|towards?)\b/.exec(text));
  if (saving) return { preset: SAVINGS, index: saving.index, keyword: saving[0].trim() };
  return made;
}

const SAVING_TARGET = wordPattern('savingTarget');
const SAVING_PER_PERIOD = wordPattern('savingPerPeriod');
const MEASURED_GOAL =
  /\b(weight loss|weight|steps?|water|calories|calorie|sleep|running|reading|fitness|workouts?|exercise) goals? (tracker|log|app|journal)\b/;
const MEASURED_GOAL_NUMBER = new RegExp(
  `${MEASURED_GOAL.source}\\s*(?:[,:(-]\\s*)?(?:(?:with|for|of|at|to (?:hit|reach|read|drink|walk|do|run|get))\\s+)?(?:(?:a|my) (?:goal|target) of\\s+)?(?=\\d)`,
);
const LOSING_WEIGHT =
  /\blos(?:e|ing) (?:some |a (?:bit|little) of )?(?:weight|\d{1,3}(?:\.\d)? ?(?:kg|kgs|kilos?|kilograms?|pounds|lbs?|stone))\b/;
const SAVINGS = presetById('savings')!;

/** Whether `keeper` has an entity of each of `other`'s (by id). */
const keepsRecordsOf = (keeper: Preset, other: Preset): boolean =>
  other.entities.every((e) => keeper.entities.some((own) => own.id === e.id));

/**
 * A second everyday app the request joins to the first with "and" ("a sleep and mood tracker",
 * "a recipe and meal planner"): both, one section each, in the order named; the one alone when it
 * keeps the other's records too. Null when there is none, or the two cannot share one app (an
 * entity id both use, more than six entities).
 */
function pairedPresets(text: string, first: { preset: Preset; keyword: string }): Preset | null {
  const m = matchPhrase(first.keyword, text);
  if (!m) return null;
  const start = m.index;
  const end = m.index + m[0].length;
  for (const preset of PRESETS) {
    if (preset.id === first.preset.id) continue;
    for (const keyword of preset.keywords) {
      const k = matchPhrase(keyword, text);
      // Records of the first named by more words: "my aquarium and water tests" are its tests.
      if (!k || first.preset.entities.some((e) => text.slice(k.index).trimStart().startsWith(e.plural.toLowerCase()))) continue;
      // Nor what the first's records cost: "my hair appointments and costs".
      if (/^(?:costs?|prices?|fees?)$/.test(keyword) && k.index >= end) continue;
      // Nor a field of the first's records: "my kid's fevers and medicine given" (each reading's Medicine given).
      const fieldWord = singular(keyword.split(' ')[0]!);
      if (
        fieldWord.length >= 5 &&
        first.preset.entities.some((e) => e.fields.some((f) => f.label.toLowerCase().split(' ')[0] === fieldWord))
      )
        continue;
      const before = k.index + k[0].length <= start;
      const between = k.index >= end ? text.slice(end, k.index) : before ? text.slice(k.index + k[0].length, start) : null;
      // "a sleep and mood tracker", "a symptom tracker and a medication tracker".
      if (between === null || !wordPattern('joinedByAnd').test(between)) continue;
      // Nor an app of other subjects than the records "their" points back to: "my pets and their
      // vaccinations" are their care records, no person's medical history ("my pet care and my
      // medical history" is both).
      const other = OTHER_SUBJECTS[preset.id];
      if (other && / (?:their|its)$/.test(between) && other.others.test(first.keyword)) continue;
      const [a, b] = before ? [preset, first.preset] : [first.preset, preset];
      // One that keeps the other's records and more is both: "my baby's feedings and diaper changes".
      if (keepsRecordsOf(b, a)) return b;
      if (keepsRecordsOf(a, b)) return a;
      const ids = new Set(a.entities.map((e) => e.id));
      if (b.entities.some((e) => ids.has(e.id)) || a.entities.length + b.entities.length > 6) return null;
      return {
        id: `${a.id}-${b.id}`,
        keywords: [],
        title: `${a.title} and ${b.title}`,
        phrase: `${a.phrase} and ${b.phrase}`,
        entities: [...a.entities, ...b.entities],
        views: [...a.views, ...b.views].slice(0, 12),
        behaviours: [...a.behaviours, ...b.behaviours].slice(0, 30),
      };
    }
  }
  return null;
}

/**
 * Other kinds of record the request joins with "and" that the spec does not keep ("a diet and
 * exercise log", "a tracker for my cats and dogs", "my sleep, mood and energy"), or none. A word
 * counts as kept when the app's title, phrase, an entity or a field names it; only a list of which
 * the app keeps exactly one is read.
 */
function secondRecords(request: string, spec: AppSpec): string[] {
  // A list's commas end phrases (see readRequest); "my runs, walks and swims" joins all three.
  const text = request.replace(wordPattern('spacedPair', 'g'), '$1 and $2 and ');
  const three = wordPattern('tripleAfterFor').exec(text);
  const pair =
    three ??
    wordPattern('pairBeforeContainer').exec(text) ??
    wordPattern('trackPair').exec(text) ??
    wordPattern('pairAfterFor').exec(text) ??
    wordPattern('myPair').exec(text);
  if (!pair) return [];
  // "track my mood and write a note", "log my meals and add a photo": a verb, not records.
  if (wordPattern('beforeObject').test(text.slice(pair.index + pair[0].length))) return [];
  // "my daily calories and protein": how often says nothing of the records.
  // ("rocks and minerals with where I found them": the minerals, without the word that begins a list.)
  // ("my cat's medication and feeding times": the feedings, when they are.)
  const words = pair.slice(1).flatMap((w) =>
    w
      ? [
          w
            .replace(/^(?:daily|weekly|monthly) /, '')
            .replace(/ (?:with|for|from|by|that)$/, '')
            .replace(/^(feeding|walking|grooming|cleaning) (?:times|schedule)$/, '$1s')
            // ("… and plan meals for the week": meal plans.)
            .replace(/^plan ([a-z]+?)s$/, '$1 plans'),
        ]
      : [],
  );
  // "track my plants and when I last watered them": a clause, not records; nor "… and show me
  // when I can donate next", a verb.
  if (
    words.some(
      (w) =>
        NOUN_STOP.has(w.split(' ')[0]!) ||
        CLAUSE_WORDS.has(w.split(' ')[0]!) ||
        w.length < 3 ||
        wordPattern('displayVerb').test(w) ||
        // "track my clients and log each session": a verb of other records, not a log.
        (/^(?:log|record|track|note)$/.test(w) && new RegExp(`\\b${w} (?:each|every)\\b`).test(text)) ||
        // "my blood pressure morning and evening": when, not records; nor "… and weekly totals".
        w.split(' ').some((part) => wordPattern('whenOrSummaryWords').test(part)),
    )
  )
    return [];
  // Jobs to do named by what is done are jobs of the list: "my lawn mowing and fertilizing".
  if (/^(?:job|task|chore)$/.test(primaryOf(spec).id) && words.every((w) => /ing$/.test(w))) return [];
  // A kind of record among a choice's values counts too: "vaccines" are care records of the kind Vaccination.
  const names = [
    spec.title,
    spec.phrase,
    ...spec.entities.flatMap((e) => [e.name, e.plural, ...e.fields.flatMap((f) => [f.label, ...(f.options ?? [])])]),
  ]
    .join(' ')
    .toLowerCase()
    .split(/[^a-z]+/)
    .map(singular);
  // The words of the everyday apps it was made from count too ("budget" is the expense tracker's).
  // ("my kid's soccer games and scores": one of its longer names, the games.)
  const presetKeywords = PRESETS.filter((p) => p.entities.every((e) => spec.entities.some((own) => own.id === e.id))).flatMap(
    (p) => p.keywords,
  );
  const presetWords = presetKeywords.filter((k) => !k.includes(' ')).map(singular);
  // ("my sleep hours" are the sleep's.)
  // Named by the app: one of its words, a longer one it begins ("vaccine": Vaccination), or a
  // budget's money in and out, whatever the request calls it ("income and expenses").
  const named = (word: string): boolean =>
    names.includes(word) ||
    (word.length > 5 && names.some((n) => n.startsWith(word.replace(/e$/, '')))) ||
    (names.includes('income') && word.match(BUDGET_WORDS) !== null) ||
    // (Naps are sleep: "my baby's sleep and naps".)
    (word === 'nap' && names.includes('sleep'));
  // ("my knitting projects and yarn stash": a stash of yarn is records of its own, not the projects' Yarn.)
  const kept = words.filter(
    (w) =>
      (!/ (?:stash|stock|inventory|collection)$/.test(w) &&
        w.split(' ').some((part) => named(singular(part)) || presetWords.includes(singular(part)))) ||
      presetKeywords.some((k) => w === k || w.endsWith(` ${k}`)),
  );
  // Of three, two kept by records of one kind leave the third: "my blood pressure, pulse and weight".
  return kept.length === 1 || (three && kept.length === 2 && spec.entities.length === 1)
    ? words.filter((w) => !kept.includes(w))
    : [];
}

/**
 * Records and fields said in other words, read the same way in the request's text and in its own
 * words (which the spec words read): "a list of my clients and notes" is the clients with their
 * notes, not a notes app beside them; "how far I am in each book", "a reading list with progress":
 * the page each book is on, of how many.
 */
function recordsSaidOtherwise(words: string, flags: 'g' | 'gi'): string {
  return words
    .replace(wordPattern('notesOfRecords', flags), '$1 with $2')
    .replace(wordPattern('howFarInBooks', flags), 'my $1s with current page and pages')
    .replace(wordPattern('readingProgress', flags), 'with current page and pages');
}

/** The hours of one helper at home: no one named on each entry, the hours added up. */
function oneHelper(preset: Preset): Preset {
  const [entity] = preset.entities;
  return {
    ...preset,
    phrase: 'a log of the hours of a helper',
    entities: [{ ...entity!, fields: entity!.fields.filter((f) => f.id !== 'person') }],
    behaviours: preset.behaviours.map((b) => (b.type === 'total' && b.by === 'person' ? { ...b, by: null } : b)),
  };
}

/** Words after a record word that make it a business: "coffee shop", "wine bar", "tea house". */
const BUSINESS_AFTER = wordPattern('businessAfter');

/** Each keyword's guard, a word list's pattern (word-list-sources.ts says what each one is for). */
const guards = (names: Readonly<Record<string, string>>): Readonly<Record<string, RegExp>> =>
  Object.fromEntries(Object.entries(names).map(([keyword, name]) => [keyword, wordPattern(name as PatternName)]));

/** Words after a preset's keyword that make it part of another thing (a verb, a compound noun). */
const KEYWORD_AFTER = guards(WORD_LISTS.keywordAfter);

/** A home's shared costs: "a bill splitter for our flat" splits bills to pay, not a dinner bill. */
const HOUSEHOLD = wordPattern('household');
/** Costs parted among people: split, shared. */
const SHARED_SPENDING = wordPattern('sharedSpending');
/** Others one's spending is shared with beyond a household: "split between 4 friends". */
const SPENDING_COMPANIONS = wordPattern('spendingCompanions');

/** Words before a preset's keyword that make it another thing: a log book, a sketch book. */
const KEYWORD_BEFORE = guards(WORD_LISTS.keywordBefore);

/**
 * Presets whose words also name other things: anywhere in the request, `others` makes the match
 * another app, unless the request (or the keyword itself) says what the preset is about (`named`).
 */
const OTHER_SUBJECTS: Readonly<Record<string, { readonly named: RegExp; readonly others: RegExp }>> = Object.fromEntries(
  Object.entries(WORD_LISTS.otherSubjects).map(([preset, [named, others]]) => [
    preset,
    { named: wordPattern(named as PatternName), others: wordPattern(others as PatternName) },
  ]),
);

/** Words just before records the app would make itself: "generates a shopping list". */
const MADE_FROM_OTHERS = wordPattern('madeFromOthers');

/** The request itself asking for the app: "make me a recipe book", "can you generate a packing list". */
const ASKED_TO_MAKE = wordPattern('askedToMake');

/**
 * The tools a request names by their own noun. Named before a record word, the tool is what is
 * asked for: "a tip calculator that splits the bill" is a calculator, not a bill tracker.
 */
const TOOL_NOUNS: Partial<Record<AppKindId, RegExp>> = guards(WORD_LISTS.toolNouns);

/** Where the head of a request ends and its features begin. */
const FEATURE_CLAUSE = wordPattern('featureClause');

/** Words that end a noun phrase: what follows describes the records, it does not name them. */
const CLAUSE_WORDS = new Set(WORD_LISTS.clauseWords.split(' '));

/** A countdown named by what it counts down to: "an event countdown", "a wedding countdown". */
const DATED_COUNTDOWN = wordPattern('datedCountdown');

/** A calculator of a grade average: the grades and their (weighted) average. */
const GRADE_AVERAGE = wordPattern('gradeAverage');

/** Records that are events, each on its own date. */
const EVENT_NOUNS = wordPattern('eventNouns');

/** Money coming in: with spending, a budget of both. */
const INCOME_LIST = 'income|salary|salaries|earnings|paychecks?|pay ?cheques?|payslips?|wages';
const INCOME = new RegExp(`\\b(?:${INCOME_LIST})\\b`);
/** The words of a budget's money in and out (its entries' type and category). */
const BUDGET_WORDS = new RegExp(`\\b(?:${INCOME_LIST}|pay|expenses?|spending|bills?|rent|groceries|outgoings)\\b`, 'gi');

/** Words said letter by letter, written in capitals in a name: "DVD Collection", "RV trip". */
const INITIALISMS = /^(?:diy|tv|dvd|cd|rpg|pc|rv|atv|suv|hoa|pta|gpa|bbq|vhs|ev|ai|hiit|emom)(?=s?(?: |$))/;

/**
 * A place things are kept in, named as what the app keeps ("a spice rack inventory", "an
 * inventory of my bookshelf", "organize my closet"): read as what it holds.
 */
const CONTAINER_CONTENTS = (() => {
  const places = Object.keys(WORD_LISTS.containerContents).join('|');
  return new RegExp(
    `(?<=\\b(?:inventory of|organi[sz]e|catalog(?:ue)?|sort out|declutter|list of|track|everything in) (?:my|our|the) )(?:${places})\\b|\\b(?:${places})(?= (?:inventory|tracker|list|organi[sz]er|catalog(?:ue)?|app)\\b)`,
    'g',
  );
})();

/** A word or phrase with its first letter in upper case (a first word said letter by letter all in capitals). */
const capital = (w: string): string => w.replace(INITIALISMS, (c) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase());

/** Words a title leaves in lower case (unless first). */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'for', 'to', 'in', 'on', 'at', 'by', 'with']);

/** A title has every word capitalised but the small ones: "Weight Loss Tracker", "Period and Ovulation Log". */
const titleCase = (words: readonly string[]): string =>
  words.map((w, i) => (i > 0 && TITLE_SMALL_WORDS.has(w) ? w : capital(w))).join(' ');

/**
 * A number field called by a measure's words, one of it: "tire pressure" → Tire pressure, "my
 * kids' heights" → Height (a count stays plural: Eggs).
 */
const measureNamed = (words: readonly string[]): FieldSpec => {
  const last = singular(words.at(-1)!);
  const one = [...words.slice(0, -1), NUMBER_WORDS.test(last) ? last : words.at(-1)!].join(' ');
  return { id: camel(one), label: capital(one), type: 'number', required: true };
};

/** The kinds of game a game's name begins with: a board game, a video game. */
const GAME_KINDS = wordPattern('gameQualified');

/** Whose records a plural before them names (an apostrophe the reader dropped): "my students' lessons". */
const OWNER_PLURALS = wordPattern('ownerPlurals');

/** One person whose records they are (a possessive the reader dropped): "my kid's vaccinations". */
const ONE_OWNER = wordPattern('oneOwner');

/** Things a number counts, which as a tracker's records are the things: "my podcast episodes". */
const COUNTED_THINGS = wordPattern('countedThings');

/** A word (or words) naming a number one reads ("weight", "tire pressure", "rainfall"), or with `money` an amount. */
function isMeasure(said: string, money = false): boolean {
  return (
    FIELD_WORDS.some(
      ([words, field]) =>
        (field.type === 'number' || (money && field.type === 'money')) &&
        (words.includes(said) || words.includes(said.replace(/s$/, ''))),
    ) || NUMBER_WORDS.test(said)
  );
}

/** Whether a whole request is a measure and no more: "my weight", "driving practice hours". */
function measureAlone(text: string): boolean {
  const own = wordPattern('myMeasurePhrase').exec(text);
  if (own)
    return [own[2]!, own[1] && `${own[1]} ${own[2]!}`].some(
      (w) => w && (isMeasure(w, true) || wordPattern('measureUnits').test(w)),
    );
  const practice = wordPattern('practiceTime').exec(text);
  return practice !== null && wordPattern('practiceWords').test(practice[1] ?? practice[2]!);
}

/**
 * "track the weight of my chickens": dated weights, each of one chicken (read as "my chickens
 * weight", the chickens owning the records); "the expiry dates of my medicines": the medicines,
 * each with its expiry date. Null when the request says no such thing.
 */
function ofMyThings(request: string): { text: string; owner: string; field: FieldSpec | null } | null {
  const m = wordPattern('ofMyThings').exec(request);
  // Neither words that name no field nor things named by a container ("my library books").
  if (
    !m ||
    wordPattern('ofNoField').test(m[2]!) ||
    m[2]!.split(' ').some((w) => NOUN_STOP.has(w) || CLAUSE_WORDS.has(w)) ||
    m[3]!.split(' ').some((w) => CONTAINER_WORDS.test(w))
  )
    return null;
  const [whole, verb, asked, things] = [m[0], m[1]!, m[2]!, m[3]!];
  const measured = isMeasure(asked);
  const owner = things.split(' ').at(-1)!;
  if (measured) return { text: request.replace(whole, `${verb} my ${things} ${asked}`), owner, field: null };
  // "expiry dates": an expiry date each.
  const words = asked.replace(/ (date|time)s$/, ' $1');
  const type: FieldSpec['type'] =
    /(?:^| )(?:date|due|deadline)$/.test(words) || wordPattern('dateWords').test(words)
      ? 'date'
      : wordPattern('moneyWordEnd').test(words)
        ? 'money'
        : 'text';
  // "the prices of my groceries": a price each.
  const label = capital(type === 'text' ? words : words.replace(/[a-z]+$/, (w) => singular(w)));
  const id = camel(label.toLowerCase());
  if (!/^[a-z][a-zA-Z0-9]{1,30}$/.test(id)) return null;
  return { text: request.replace(whole, `${verb} my ${things}`), owner, field: { id, label, type, required: false } };
}

/** "a tracker for my board games" → a Board game entity, shaped by the container word. */
function genericReading(request: string): { preset: Preset; noun: string; ownField?: boolean } | null {
  const ofMine = ofMyThings(request);
  // "a tracker for how many times my baby kicks": what follows the measure names the records.
  const text = (ofMine?.text ?? request)
    .replace(wordPattern('howManyOfMy', 'g'), '')
    .replace(wordPattern('howManyUnitsOf', 'g'), '')
    // "how much I drink": the drinks.
    .replace(wordPattern('howMuchIDrink', 'g'), 'my drinks')
    // "how many push-ups I do": the push-ups.
    .replace(/\bhow many (?!times\b)/g, '')
    // "log every time my dog goes out": when, not a record called a time.
    .replace(/\b(?:every|each) time\b/g, ' ')
    // "a journal for tracking my workouts": the workouts (no records called "tracking"). ("An app
    // for tracking my credit score" keeps its verb, which names the records.)
    .replace(
      /\b(journal|diary|log|logbook|notebook|tracker|planner|book|list|spreadsheet) for (?:tracking|logging|recording|keeping track of|noting down|writing down) /g,
      '$1 for ',
    )
    // "track which dogs I walked": the dogs.
    // "the progress of my projects": the projects.
    .replace(/\b(?:the )?progress (?:of|on) /g, '')
    // "who I sent christmas cards to": the cards, each to someone.
    .replace(wordPattern('whoISentTo', 'g'), 'my $1')
    // "log what she ate": her meals.
    .replace(wordPattern('whatSheAte', 'g'), 'meals')
    // "log what I feed my chickens": each feeding of them.
    .replace(wordPattern('whatIFeed', 'g'), '$1 $2 feedings')
    .replace(wordPattern('trackWhich', 'g'), '$1 ');
  const container = CONTAINERS.exec(text)?.[1];
  const after = CONTAINER_FOR.exec(text);
  // The verb ("log my runs"), not the noun followed by its features ("a log with times").
  const track = wordPattern('trackVerbs').exec(text);
  // Not a verb: "parents can log their baby's naps" names no parents' log.
  const beforeMatch = BEFORE_CONTAINER.exec(text);
  const before = wordPattern('verbBeforeContainer').test(beforeMatch?.[1] ?? '') ? null : beforeMatch;
  // The noun ends where a clause begins ("my records grouped by genre", "my migraines with severity").
  const meaningful = (raw: string | undefined): string[] => {
    // "every country I've visited": the countries.
    const words = (raw ?? '').replace(wordPattern('everyOneOf'), '').split(' ');
    // … nor past "every morning", "before meals", "so I can", nor into a clause of its own ("the
    // games my team plays").
    const end = words.findIndex(
      (w, i) =>
        CLAUSE_WORDS.has(w) ||
        wordPattern('clauseStarts').test(w) ||
        (i > 0 && /^(?:my|our|his|her|their|your)$/.test(w)) ||
        // "which students handed in their homework": what the records did, after them.
        (i > 0 && /s$/.test(words[i - 1]!) && wordPattern('didVerb').test(w)),
    );
    // A word with a digit ("3d", "2024") names no records: "my 3d prints" are prints.
    const head = end >= 0 ? words.slice(0, end) : words;
    // "the price of bitcoin" is bitcoin's price.
    const of = head.indexOf('of');
    const ordered = of === 1 && head.length > 2 ? [...head.slice(2), head[0]!] : head;
    const kept = ordered.filter((w) => w && !NOUN_STOP.has(w) && !/\d/.test(w));
    // Only containers ("a collection tracker for my records"): the records are named elsewhere.
    // (Records collected are no container: "my record collection".)
    return kept.every((w) => CONTAINER_WORDS.test(w) && !/^records?$/.test(w)) ? [] : kept;
  };
  // "… of X" names the records ("a list of articles"); otherwise the word before the container
  // does ("a guest list for my wedding"), and without one what follows it ("a tracker for my
  // board games").
  const order = after?.[1] === 'of' ? [after[2], before?.[1]] : [before?.[1], after?.[2]];
  const own = wordPattern('ownRecords').exec(text);
  const lent = wordPattern('lentRecords').exec(request);
  const found = [lent?.[1], ...order, track?.[1], own?.[1] ?? own?.[2]].map(meaningful).find((w) => w.length > 0) ?? [];
  // Two kinds of record joined before the container ("a period and ovulation tracker"): each
  // record is an entry of either.
  const pair = found.length === 0 ? wordPattern('pairOfRecordsContainer').exec(text) : null;
  const paired =
    pair && [pair[1]!, pair[2]!].every((w) => !NOUN_STOP.has(w) && !CLAUSE_WORDS.has(w) && w.length > 2) ? pair : null;
  // A container last ("my coin collection") holds the records.
  const inner = !paired && found.length > 1 && wordPattern('containerLast').test(found.at(-1)!) ? found.at(-1)! : null;
  const kept = paired ? [paired[1]!, 'and', paired[2]!] : inner ? found.slice(0, -1) : found;
  // "my car's tire pressure readings": readings of the tire pressure.
  const readings = !paired && kept.length > 2 && /^readings?$/.test(kept.at(-1)!) && isMeasure(kept.at(-2)!) ? 1 : 0;
  const words = kept.slice(0, kept.length - readings);
  if (words.length === 0) return null;
  // "my board game plays": a game's kind stays with it (a "board" left behind would ask for a board).
  // So does a night's ("my date night ideas" are no night ideas).
  // So does what one practises, before the unit it is counted in ("my teenager's driving practice
  // hours" are hours of driving practice), unless it is whose they are ("my son's practice hours").
  const practised = (w: string) => !ONE_OWNER.test(w) && !OWNER_PLURALS.test(w);
  const lastTwo =
    words.length >= 3 &&
    ((/^games?$/.test(words.at(-2)!) && GAME_KINDS.test(words.at(-3)!)) ||
      wordPattern('dayCompounds').test(words.slice(-3, -1).join(' ')) ||
      (wordPattern('measureUnits').test(words.at(-1)!) &&
        wordPattern('practiceWords').test(words.at(-2)!) &&
        practised(words.at(-3)!)))
      ? words.slice(-3)
      : words.slice(-2);
  // "my garage sale sales" keeps sales, once.
  const noun = paired
    ? words
    : lastTwo.length === 2 && singular(lastTwo[0]!) === singular(lastTwo[1]!)
      ? lastTwo.slice(1)
      : lastTwo;
  if (noun.length === 0 || noun.join('').length < 3) return null;
  // "my students' lessons" (read as "students lessons"): lessons, each of a student. One
  // person's ("my kid's vaccinations") are just the records.
  const owner =
    !paired && noun.length === 2 && (OWNER_PLURALS.test(noun[0]!) || (ofMine && !ofMine.field && noun[0] === ofMine.owner))
      ? singular(noun[0]!)
      : null;
  let named = owner || (noun.length === 2 && ONE_OWNER.test(noun[0]!)) ? noun.slice(1) : noun;
  // Things one collects are a collection: "I collect sneakers".
  const kind = inner ?? container ?? (/^collect/.test(track?.[0] ?? '') ? 'collection' : 'tracker');
  const dated = wordPattern('logContainers').test(kind);
  // "a weight tracker", "a mileage log": the noun is a measure, so each record is a dated reading of it.
  // A measure among the noun's words counts too: "a weight loss tracker" records weights.
  // A measure the vocabulary lacks is a number by its last word: "my tire pressure".
  const said = named.join(' ');
  let measure =
    dated && !paired && !COUNTED_THINGS.test(said)
      ? (FIELD_WORDS.find(
          ([words, field]) =>
            ['number', 'money'].includes(field.type) &&
            (words.includes(said) ||
              words.includes(`${said}s`) ||
              named.some((w) => words.includes(w) || words.includes(singular(w)))),
        )?.[1] ?? ([said, said.replace(/s$/, '')].some((w) => NUMBER_WORDS.test(w)) ? measureNamed(named) : undefined))
      : undefined;
  // "my commute time": how long, in minutes.
  if (!measure && dated && !paired && named.length > 1 && named.at(-1) === 'time')
    measure = { id: 'minutes', label: 'Minutes', type: 'number', required: true };
  // "my meditation minutes", "my swimming laps": a meditation log of minutes, not of "meditation minutes".
  if (measure && named.length > 1 && wordPattern('measureUnits').test(named.at(-1)!)) {
    const unit = named.at(-1)!;
    if (measure.label.toLowerCase() === said) measure = { ...measure, id: unit, label: capital(unit) };
    named = named.slice(0, -1);
  }
  const last = singular(named[named.length - 1]!);
  // What the app is called by ("a weight tracker") and what one record is ("Weight entry"); the
  // things whose measure it is name it too ("a chicken weight tracker").
  const called = capital([...(owner && measure && ofMine ? [owner] : []), ...named.slice(0, -1), last].join(' '));
  // A diary of one thing ("a diary for my pregnancy") keeps dated entries about it.
  const topic = !paired && !measure && /^(?:journal|diary)$/.test(kind) && last === named.at(-1) && !/s$/.test(last);
  const nameWords = topic
    ? [...named, 'entry']
    : paired
      ? ['entry']
      : [...named.slice(0, -1), last, ...(measure ? ['entry'] : [])];
  const name = capital(nameWords.join(' '));
  const id = nameWords
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('')
    .replace(/[^a-zA-Z0-9]/g, '');
  if (!/^[a-z][a-zA-Z0-9]{1,30}$/.test(id)) return null;
  // "Savings entry" is one of "Savings entries"; "Glasses" are one and many.
  const plural = PLURAL_ONLY.has(nameWords.at(-1)!)
    ? name
    : `${name}s`
        .replace(/([^aeiou])ys$/, '$1ies')
        .replace(/(ss|ch|sh|x)s$/, '$1es')
        // ("Thesis": Theses; "Lens": Lenses.)
        .replace(/iss$/, 'es')
        .replace(/([^s])ss$/, '$1ses')
        .replace(/izs$/, 'izzes');
  const catalog = wordPattern('catalogContainers').test(kind);
  const planner = /^(planner|organi[sz]er|manager)$/.test(kind);
  const fields: EntitySpec['fields'] = topic
    ? [{ id: 'date', label: 'Date', type: 'date', required: true }]
    : measure
      ? [
          { id: 'date', label: 'Date', type: 'date', required: true },
          { ...measure, required: true },
        ]
      : [{ id: 'name', label: 'Name', type: 'text', required: true }];
  if (owner) fields.push({ id: 'owner', label: capital(owner), type: 'text', required: false });
  // Records that are events have their date even in a list: "a birthday list", "my exams".
  const event = EVENT_NOUNS.test(last);
  // "the expiry dates of my medicines": that date is each record's date.
  const ownField = ofMine?.field && !measure && !topic && !paired ? ofMine.field : null;
  const dateField = ownField?.type === 'date' ? ownField.id : 'date';
  if (!measure && !topic && (dated || planner || event) && dateField === 'date')
    fields.push({ id: 'date', label: 'Date', type: 'date', required: dated });
  // Payments are money, added up: "my car loan payments".
  const paid = !measure && /^(?:re)?payment$|^instal+ment$/.test(last);
  if (paid) fields.push({ id: 'amount', label: 'Amount', type: 'money', required: true });
  // Money kept by date adds up: "an allowance tracker", "a tips log", the payments above.
  // (A price, a value or a balance is read, not added up: "the price of bitcoin", "my card balances".)
  const totalled =
    measure?.type === 'money' && !wordPattern('moneyIds').test(last)
      ? measure.id
      : paid
        ? 'amount'
        : ownField?.type === 'money' && /^costs?$/.test(ownField.id)
          ? ownField.id
          : null;
  if (catalog)
    fields.push(
      { id: 'tags', label: 'Tags', type: 'tags', required: false },
      { id: 'rating', label: 'Rating', type: 'rating', required: false },
    );
  // A list of one's own things ("a list of my vinyl records") is no checklist; goals and plans are.
  // Nor are people or animals ticked off: "a list of gym members", "a shelter dog list".
  const checklist = kind === 'list' && !wordPattern('listOfGoals').test(text) && !wordPattern('notChecklistRecords').test(last);
  if (checklist) fields.push({ id: 'done', label: wishDone(text) ?? 'Done', type: 'boolean', required: false });
  if (ownField && !fields.some((x) => x.id === ownField.id)) fields.push(ownField);
  fields.push({ id: 'notes', label: 'Notes', type: 'longtext', required: false });
  const phraseKind = kind === 'organiser' ? 'organizer' : kind;
  const preset: Preset = {
    id: 'generic',
    keywords: [],
    title: titleCase([...called.split(' '), phraseKind]).slice(0, 80),
    // ("an RV trip log": an initialism by the sound of its first letter, and kept in capitals.)
    phrase: `${/^(?:[aeiou]|hour|honou?r|(?:rv|hoa|suv)s?\b)/i.test(called) ? 'an' : 'a'} ${called.toLowerCase().replace(INITIALISMS, (w) => w.toUpperCase())} ${phraseKind}`,
    entities: [{ id, name, plural, fields, parent: null }],
    views: [{ type: catalog ? 'cards' : 'list', entity: id, field: null }],
    behaviours: [
      { type: 'crud', entity: id },
      { type: 'search', entity: id },
      // The soonest of one's own dates first (an expiry); a log's newest entry first.
      ...(dated || dateField !== 'date'
        ? [
            {
              type: 'sort' as const,
              entity: id,
              field: dateField,
              direction: dateField === 'date' ? ('desc' as const) : ('asc' as const),
            },
          ]
        : []),
      ...(totalled ? [{ type: 'total' as const, entity: id, field: totalled, by: null }] : []),
      ...(catalog ? [{ type: 'filter' as const, entity: id, field: 'tags' }] : []),
      ...(checklist ? [{ type: 'filter' as const, entity: id, field: 'done' }] : []),
      ...(planner ? [{ type: 'due-today' as const, entity: id, field: dateField }] : []),
      // "a weight loss tracker": what each weigh-in lost or gained since the one before.
      ...(measure && measure.type === 'number' && named.some((w) => /^(?:loss|gain)$/.test(w))
        ? [{ type: 'change' as const, entity: id, field: measure.id, by: owner ? 'owner' : null, label: 'Change' }]
        : []),
    ],
  };
  // "my clients and their sessions": sessions, each of a client.
  const theirs = paired ? null : theirRecords(preset, named.join(' '), text, request);
  return { preset: theirs ?? preset, noun: noun.join(' '), ...(ownField ? { ownField: true } : {}) };
}

/** Where an inventory is kept rather than what it holds: "a freezer inventory", "stock for my shop". */
const INVENTORY_PLACE = wordPattern('inventoryPlace');

/**
 * "an inventory of my vinyl records": a list of them, each with its quantity and where it is, as
 * `inventory` (the home inventory) keeps its items, without the home's categories.
 */
function inventoryOf(text: string, inventory: Preset, buildable: boolean): { preset: Preset; noun: string } | null {
  // "… for" names things only in the plural: "for my bakery ingredients", not "for my bakery".
  const at = wordPattern('inventoryOf').exec(text);
  const before = wordPattern('namedInventory').exec(text);
  const noun = [at && [at[2]!, at[1] === 'for'], before && [before[1]!, false]]
    .map((found) => {
      if (!found) return '';
      const words = (found[0] as string).split(' ');
      const end = words.findIndex((w) => CLAUSE_WORDS.has(w) || wordPattern('phraseEndWords').test(w));
      // ("a simple inventory": no things called simple.)
      const kept = (end >= 0 ? words.slice(0, end) : words).filter((w) => !NOUN_STOP.has(w));
      const last = kept.at(-1) ?? '';
      // ("for my coin collection": the coins.)
      return !last ||
        INVENTORY_PLACE.test(last) ||
        wordPattern('measureOnlyIds').test(last) ||
        (found[1] && !/[^s]s$|. collection$/.test(kept.join(' ')))
        ? ''
        : kept.join(' ');
    })
    .find((n) => n);
  // "a bookstore inventory", "a garden center's stock": the shop's wares.
  const shop = wordPattern('shopWares').exec(text);
  // (Any other shop's are its products: "an inventory for my small etsy shop"; a shop selling
  // online, which the app cannot be, keeps the everyday inventory, said with what it leaves out.)
  // (A food truck's, a cafe's or a salon's stock is what it uses: its supplies.)
  const wares = shop
    ? WORD_LISTS.shopWaresHeld[shop[1] ?? shop[2] ?? '']
    : wordPattern('supplyPlaces').test(text) && buildable
      ? 'supplies'
      : /\b(?:shop|store|boutique|business|warehouse|stockroom)\b/.test(text) && buildable
        ? 'products'
        : undefined;
  const held = wares && (!noun || wordPattern('shopWares').test(noun)) ? wares : noun;
  if (!held) return null;
  const reading = genericReading(`a list of my ${held}`);
  if (!reading) return null;
  const entity = reading.preset.entities[0]!;
  const id = entity.id;
  const [name, ...rest] = entity.fields.filter((field) => field.id !== 'done');
  const kept = inventory.entities[0]!.fields.filter((field) => field.id !== 'name' && field.type !== 'choice');
  return {
    noun: held,
    preset: {
      ...reading.preset,
      title: `${entity.name} Inventory`.slice(0, 80),
      phrase: `an inventory of ${entity.plural.toLowerCase()}`,
      entities: [{ ...entity, fields: [name!, ...kept, ...rest] }],
      views: inventory.views.map((view) => ({ ...view, entity: id })),
      // Totals of all the items: the home's categories are not theirs.
      behaviours: inventory.behaviours.map((b) =>
        b.type === 'total' ? { ...b, entity: id, by: null } : 'entity' in b ? { ...b, entity: id } : b,
      ),
    },
  };
}

/**
 * The preset shaped by the words of the request (`text`, normalised; `original`: the request as
 * written when it is English, whose commas part the items of its lists).
 */
function specFrom(
  preset: Preset,
  text: string,
  original: string | null,
  appName: string | null,
  theme: string | null,
): { spec: AppSpec; leftOut: string[] } {
  const title = appName ?? preset.title;
  const base: AppSpec = AppSpecSchema.parse({
    version: 1,
    title,
    projectName: (appName ? slugify(appName) : slugify(preset.phrase.replace(/^an? /, ''))) || 'app',
    phrase: preset.phrase,
    entities: preset.entities,
    views: preset.views,
    behaviours: preset.behaviours,
    look: { theme: isThemeId(theme) ? theme : null, dark: false, density: 'comfortable' },
  });
  const listText = original === null ? undefined : normalizeRequestText(original, { keepCommas: true });
  // The words of the request shape the preset; the result is parsed again at the compiler.
  const applied = applySpecWords(base, text, listText === undefined ? {} : { listText });
  const spec = preset.id === 'generic' ? ownTick(applied.spec) : applied.spec;
  return { spec: AppSpecSchema.parse(spec), leftOut: applied.leftOut };
}

/**
 * A checklist whose request names its own yes or no ("tools I lend, with whether they were
 * returned") ticks that one: the list's Done beside it would be a second box meaning the same.
 */
function ownTick(spec: AppSpec): AppSpec {
  const [primary, ...others] = spec.entities;
  const done = primary?.fields.find((f) => f.id === 'done');
  const named = primary?.fields.find((f) => f.type === 'boolean' && f.id !== 'done');
  if (!primary || !done || !named) return spec;
  const behaviours = spec.behaviours
    .map((b) => (b.type === 'filter' && b.entity === primary.id && b.field === 'done' ? { ...b, field: named.id } : b))
    .filter((b, i, all) => all.findIndex((o) => JSON.stringify(o) === JSON.stringify(b)) === i);
  return {
    ...spec,
    entities: [{ ...primary, fields: primary.fields.filter((f) => f !== done) }, ...others],
    behaviours,
  };
}

/** What may follow a tool that heads the request: nothing, or a word such as "app", then a clause. */
const TOOL_HEAD_END = wordPattern('toolHeadEnd');

/** Words before "calculator" that ask for nothing but the arithmetic one ("a simple calculator"). */
const PLAIN_CALCULATOR = new Set(WORD_LISTS.plainCalculator.split(' '));

/**
 * What a calculator request asks beyond plain arithmetic ("a tip calculator": the tip formula;
 * "a scientific calculator": scientific functions), said as left out; null for a plain one.
 */
function specialCalculator(text: string, formulas: ReadonlySet<string>): string | null {
  const before = /((?:[a-z]+ ){1,2})calculators?\b/.exec(text)?.[1] ?? '';
  const words = before
    .trim()
    .split(' ')
    .filter((w) => w && !PLAIN_CALCULATOR.has(w) && !formulas.has(w));
  // "a calculator for how much paint I need": the paint formula.
  const after = wordPattern('calculatorHowMuch').exec(text)?.[1];
  if (words.length === 0 && after && !formulas.has(after)) words.push(after);
  if (words.length === 0) return null;
  const what = words.join(' ');
  return wordPattern('calculatorKinds').test(what)
    ? `${what} functions (the calculator does plain arithmetic with parentheses)`
    : `the ${what} formula (the calculator does plain arithmetic)`;
}

/** The words of the calculator formulas a request asks for ("tip", "mortgage"): the calculator has them. */
function formulaWords(features: readonly FeatureId[]): ReadonlySet<string> {
  return new Set(
    features.filter((f) => FORMULA_TITLES[f] !== undefined).flatMap((f) => FEATURES[f].keywords.flatMap((k) => k.split(' '))),
  );
}

/** What a built app does instead of a part asked for, in plain words (packed with the word lists). */
const NOTE = WORD_LISTS.readingNotes;

/**
 * What a request asks of its records beyond keeping them, said as left out: "a random quote
 * generator" wants one drawn, "a contact form" a form that reaches its owner.
 */
function recordsTool(text: string): string | null {
  if (wordPattern('invoiceMaker').test(text)) {
    return NOTE.invoice;
  }
  // ("a shopping list generator" makes a list from other records: said as that, not as a draw.)
  if (wordPattern('generatorWords').test(text)) return NOTE.drawOne;
  if (wordPattern('guestBooks').test(text)) {
    return NOTE.guestBook;
  }
  // A sign-up sheet is filled in at one browser, not from each person's own.
  if (wordPattern('signUpWords').test(text)) return NOTE.signUps;
  if (wordPattern('formNouns').test(text)) {
    return NOTE.formSends;
  }
  return null;
}

/** Words of a request for the focus timer itself. */
const FOCUS_TIMER = wordPattern('focusTimer');
/** The timer's interval feature as a phrase: what the app is when it takes the focus timer's place. */
const INTERVAL_TIMER = `an ${FEATURES.intervals.title.toLowerCase()}`;

/**
 * What a timer request asks beyond the focus timer's countdown (a stopwatch), said as left out. A
 * countdown to a date is no timer request: it is read as countdowns to dates (COUNTDOWN_TO_DATE).
 */
function specialTimer(text: string): string | null {
  // A stopwatch, laps and counting up are the timer's stopwatch feature; what neither does is named.
  if (wordPattern('alarmWords').test(text)) {
    return NOTE.timerAlarm;
  }
  return null;
}

/** What a clock request asks beyond the world clock, said as left out. */
function specialClock(text: string): string | null {
  const missing = [
    /\balarms?\b/.test(text) && NOTE.clockAlarm,
    /\b(?:analog(?:ue)?|hands|clock face)\b/.test(text) && NOTE.clockFace,
  ].filter((note): note is string => typeof note === 'string');
  return missing.length > 0 ? missing.join('; ') : null;
}

/** What a drawing request asks beyond freehand strokes, said as left out. */
function specialDrawing(text: string): string | null {
  const missing = [
    wordPattern('drawingShapes').test(text) && 'shapes',
    /\blayers?\b/.test(text) && 'layers',
    wordPattern('textToolWords').test(text) && 'text',
    /\b(?:fill|bucket|flood)\b/.test(text) && 'a fill bucket',
    /\bpixel\b/.test(text) && 'a pixel grid',
    /\b(?:animat\w*|frames?)\b/.test(text) && 'animation',
  ].filter((note): note is string => typeof note === 'string');
  return missing.length > 0 ? `${missing.join(', ')} ${NOTE.drawingPad}` : null;
}

/** What a developer-tools request asks beyond JSON, Base64, URL encoding and SHA digests, said as left out. */
function specialDevtools(text: string): string | null {
  const missing = [
    /\bmd ?5\b/.test(text) && 'MD5 digests',
    /\b(?:xml|yaml|yml|toml|csv)\b/.test(text) && 'formats other than JSON',
    /\bjwts?\b/.test(text) && 'decoding JWTs',
    /\b(?:regex|regular expressions?)\b/.test(text) && 'a regular expression tester',
    wordPattern('minifierAsks').test(text) && 'minifying code (it minifies JSON)',
  ].filter((note): note is string => typeof note === 'string');
  return missing.length > 0 ? `${missing.join(', ')} ${NOTE.devtools}` : null;
}

/** Quantities a converter request names that the unit converter (length, mass, temperature) lacks. */
const OTHER_CONVERSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [wordPattern('currencyUnits'), 'currency conversion (it needs live exchange rates'],
  [/\btime ?zones?\b/, 'time zones'],
  [wordPattern('volumeUnits'), 'volume'],
  [/\b(?:speeds?|mph|kph|km ?h|knots?)\b/, 'speed'],
  [wordPattern('areaUnits'), 'area'],
  [wordPattern('dataSizeUnits'), 'data sizes'],
  [wordPattern('numberSystemUnits'), 'number systems'],
  [wordPattern('clothingSizes'), 'clothing sizes'],
  [wordPattern('energyPressureAngleUnits'), 'energy, pressure and angles'],
];

/** The conversions a converter request names beyond length, mass and temperature, said as left out; null when none. */
function specialConversion(text: string): string | null {
  const missing = OTHER_CONVERSIONS.filter(([words]) => words.test(text)).map(([, what]) => what);
  if (missing.length === 0) return null;
  const first = missing[0]!;
  // The currency note already opens a parenthesis; the others share one.
  return first.includes('(')
    ? `${[first.replace(/ \(.*$/, ''), ...missing.slice(1)].join(', ')} (${first.slice(first.indexOf('(') + 1)}; the converter does length, mass and temperature)`
    : `${missing.join(', ')} (the converter does length, mass and temperature)`;
}

/** Where each keyword of `kind` stands in `text`. */
function kindSpans(text: string, kind: AppKindId): Span[] {
  return keywordSpans(text, APP_KINDS[kind].keywords);
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function keywordSpans(text: string, keywords: readonly string[]): Span[] {
  return keywords.flatMap((keyword) => {
    const m = matchPhrase(keyword, text);
    if (!m) return [];
    const start = m.index + m[0].length - m[1]!.length;
    return [{ start, end: start + m[1]!.length }];
  });
}

/**
 * A second kind of app the request joins to the one built with "and" ("a todo list and a notes
 * app", "a calculator and a unit converter"), or null. One app is built; the other is named as
 * left out, never dropped without a word.
 */
function joinedKind(text: string, kind: AppKindId, scores: Readonly<Record<AppKindId, number>>): AppKindId | null {
  const mine = kindSpans(text, kind);
  return APP_KIND_IDS.find((other) => other !== kind && scores[other] >= 3 && joined(text, mine, kindSpans(text, other))) ?? null;
}

/** The other app a request asks for beside the one built, named as left out. */
const asWell = (other: string, built: string): string =>
  `${other} as well (one app is built, ${built}; ask for the other on its own)`;

/** Whether a phrase of `mine` and one of `others` (a tool's when `tool`) are joined by "and" in `text`. */
function joined(text: string, mine: readonly Span[], others: readonly Span[], tool = false): boolean {
  const head = wordPattern(tool ? 'joinedToolHead' : 'joinedKindHead');
  return mine.some((a) =>
    others.some((b) => {
      const between = b.start >= a.end ? text.slice(a.end, b.start) : a.start >= b.end ? text.slice(b.end, a.start) : null;
      return between !== null && head.test(between);
    }),
  );
}

/** The games a request names, as a phrase: "a memory game", "a tic-tac-toe and a hangman game". */
function gamePhrase(features: readonly FeatureId[]): string {
  const names = features.filter((f) => GAME_TITLES[f] !== undefined).map((f) => FEATURES[f].title.toLowerCase());
  return names.length === 0 ? APP_KINDS.game.phrase : `a ${names.join(' and a ')} game`;
}

/** What a game request asks of its game that the game kind does not do; null when nothing. */
function specialGame(text: string): string | null {
  const pictures = wordPattern('gamePictures').exec(text);
  if (pictures && /\bmemory|match\w*|pairs\b/.test(text))
    return `${pictures[0]} on the cards (the cards show symbols such as ★ and ♥)`;
  const size = wordPattern('gameBoardSize').exec(text);
  if (size && /\btic ?tac ?toe|noughts|crosses\b/.test(text))
    return `a board other than 3×3 (${size[0]}; the game is played on 3×3)`;
  if (/\bsnake\b/.test(text) && wordPattern('wrapWords').test(text)) return 'walls the snake passes through (it ends on a wall)';
  if (/\bscissors?\b/.test(text) && /\b(?:lizard|spock)\b/.test(text))
    return 'lizard and Spock (the game throws rock, paper and scissors)';
  return null;
}

/** A request for a game or a puzzle (the game kind plays three; the others' rules are their own). */
const GAME_REQUEST = wordPattern('gameRequest');

/**
 * A game asked for without naming one ("a fun game for my kids"): the game kind's three, said as
 * a reading. Any other word before "game" names a game of its own ("a chess game"), which is not.
 */
const ANY_GAME = wordPattern('anyGame');

/** What the game kind builds when no game is named. */
const ANY_GAME_READING = 'three classic games: tic-tac-toe, a memory game and hangman';

function refusal(code: RefusalCode, message: string, leftOut: string[], language: LanguageInfo | null): RequestReading {
  return { outcome: 'refused', code, message, interpretedAs: null, leftOut, language: language?.name ?? null };
}

function notBuildable(limits: readonly RequestLimit[], language: LanguageInfo | null): RequestReading {
  const core = limits.find((l) => l.core) ?? limits[0]!;
  const instead =
    limits.find((l) => l.instead)?.instead || 'a tracker, a list, a catalog, a planner, a calculator or a converter';
  return refusal(
    'NOT_A_STATIC_APP',
    `${NOTE.notStatic} ${core.need}. It can build instead: ${instead}.`,
    limits.map((l) => l.need),
    language,
  );
}

/**
 * A kind template's app as a spec, when `text` asks it for what only a spec has ("add a notes
 * field", "group by category"); null for kinds without a spec preset or when nothing asks for more.
 */
export function specForKind(kind: AppKindId, text: string, title: string | null): AppSpec | null {
  const preset = KIND_PRESETS[kind];
  if (!preset || !beyondTemplate(preset, text)) return null;
  return AppSpecSchema.parse({
    version: 1,
    title: title ?? preset.title,
    projectName: (title ? slugify(title) : slugify(preset.phrase.replace(/^an? /, ''))) || 'app',
    phrase: preset.phrase,
    entities: preset.entities,
    views: preset.views,
    behaviours: preset.behaviours,
    look: { theme: null, dark: false, density: 'comfortable' },
  });
}

/**
 * A request that is only the things it lists and what the person means to do with them ("places
 * I want to visit", "countries I have visited", "songs to learn on guitar") reads as a list of
 * those things.
 */
const WISH_LIST = wordPattern('wishList');

/** Things named only by wanting them: "things I want to buy", "stuff we need to get". */
const TO_BUY = wordPattern('toBuy');

function wishListReading(text: string): { preset: Preset; noun: string } | null {
  if (TO_BUY.test(text)) {
    const shopping = presetById('shopping');
    if (shopping) return { preset: shopping, noun: '' };
  }
  // "a map of places I want to visit" lists the places (the map itself is named as left out).
  const wish = WISH_LIST.exec(text.replace(/^(?:a|an) /, '').replace(/^(?:map|list|collection) of /, ''));
  const noun = wish?.[1];
  if (!noun || wordPattern('notAWishNoun').test(noun)) return null;
  const reading = genericReading(`a list of ${noun}`);
  if (!reading) return null;
  // Each one ticked off as what was wanted is done: "places I want to visit" are Visited.
  const done = wishDone(wish![0].slice(noun.length));
  const preset: Preset = done
    ? {
        ...reading.preset,
        entities: reading.preset.entities.map((e) => ({
          ...e,
          fields: e.fields.map((field) => (field.id === 'done' && field.type === 'boolean' ? { ...field, label: done } : field)),
        })),
      }
    : reading.preset;
  return { preset, noun };
}

/** What a thing wished for is, ticked off, by the verb of the wish ("to visit": Visited), if one is said. */
function wishDone(words: string): string | undefined {
  const verb = wordPattern('wishVerb').exec(words)?.[1];
  return verb ? WORD_LISTS.wishDone[verb] : undefined;
}

/** Reads a request. Pure and deterministic: the same text always gets the same reading. */
/** A label before the request itself: "App idea: a tracker for my plants", "Request: …". */
const REQUEST_LABEL = wordPattern('requestLabel', 'i');

/** "log every time my baby wakes up", "a log of the times my dog barks", "track when I get a headache". */
const EVENT_TIMES = wordPattern('everyTimeRecords');

/** Said to the person: "my baby wakes" is "your baby wakes", "I drink" "you drink", "ive read" "you've read". */
const toYou = (words: string): string =>
  words
    .replace(/^(my|our|i|we|ive|weve) /, (_m, w: string) =>
      /^(?:my|our)$/.test(w) ? 'your ' : /ve$/.test(w) ? "you've " : 'you ',
    )
    .replace(/ (?:my|our) /g, ' your ');

/**
 * A log of dated records made for a request (not a catalog app): one entity in a table, each
 * record added, edited and deleted, then `more` (its sort, its totals).
 */
function datedLog(title: string, phrase: string, entity: EntitySpec, more: readonly BehaviourSpec[]): Preset {
  return {
    id: 'generic',
    keywords: [],
    title,
    phrase,
    entities: [entity],
    views: [{ type: 'table', entity: entity.id, field: null }],
    behaviours: [{ type: 'crud', entity: entity.id }, ...more],
  };
}

/** What comes in and goes out of something kept, named together ("contributions and withdrawals"). */
const IN_OUT_KINDS = WORD_LISTS.inOutKinds.map(([pattern, kinds, left]) => [new RegExp(pattern), kinds, left] as const);

/**
 * A log of what comes in and goes out of something, with what is left: each entry's date, what it
 * was, how much and which way it went. Days or hours when they are what is kept ("vacation days
 * used and left"), else money. Null when the words name no such pair.
 */
function inOutLog(kept: Preset, text: string): Preset | null {
  const found = IN_OUT_KINDS.find(([pattern]) => pattern.test(text));
  if (!found) return null;
  const [, [inKind, outKind], left] = found;
  const unit = /\b(?:days?|pto|leave|vacation|holidays?)\b/.test(text) ? 'Days' : /\bhours?\b/.test(text) ? 'Hours' : null;
  const held = left === 'Held';
  const id = kept.entities[0]!.id;
  const entity: EntitySpec = {
    id,
    name: kept.entities[0]!.name,
    plural: kept.entities[0]!.plural,
    fields: [
      f.date('date', 'Date', true),
      f.text('what', held ? 'What' : 'Description', true),
      unit || held ? f.number('amount', unit ?? 'Quantity', true) : f.money('amount', 'Amount', true),
      f.choice('kind', 'In or out', [inKind, outKind]),
      f.long('notes', 'Notes'),
    ],
    parent: null,
  };
  return datedLog(kept.title, kept.phrase, entity, [
    newestFirst(id),
    { type: 'filter', entity: id, field: 'kind' },
    // (What is held is counted per thing, never summed across things: coins, shares.)
    ...(held ? [] : [{ type: 'total', entity: id, field: 'amount', by: 'kind' } as const]),
    { type: 'balance', entity: id, field: 'amount', kind: 'kind', minus: [outKind], by: held ? 'what' : null, label: left },
  ]);
}

/** Newest first, by the record's date. */
const newestFirst = (entity: string): BehaviourSpec => ({ type: 'sort', entity, field: 'date', direction: 'desc' });

/** A log of each time something happens (`what`: "my baby wakes up at night"), with its date and time. */
function eventLog(what: string): Preset {
  const said = what.replace(/^(?:my|our) /, '').replace(/^i /, 'I ');
  const entity: EntitySpec = {
    id: 'time',
    name: 'Time',
    plural: 'Times',
    fields: [f.date('date', 'Date', true), f.time('at', 'Time'), f.long('notes', 'Notes')],
    parent: null,
  };
  return datedLog(titleCase(['When', ...said.split(' ')]).slice(0, 80), `a log of each time ${toYou(what)}`, entity, [
    { type: 'search', entity: 'time' },
    newestFirst('time'),
  ]);
}

/** Gifts a group receives, not gifts one gives: "donations to my nonprofit", "donors to our church". */
const DONATIONS_RECEIVED = wordPattern('donationsReceived');

/** The donation log turned round: who gave, to the group the app is for ("To" becomes "Donor"). */
function donationsReceived(given: Preset): Preset {
  const from = f.text('donor', 'Donor', true);
  const swap = (field: FieldSpec): FieldSpec =>
    field.id === 'to' ? from : field.id === 'receipt' ? f.bool('thanked', 'Thank-you sent') : field;
  return {
    ...given,
    phrase: 'a log of donations received',
    entities: given.entities.map((e) => ({ ...e, fields: e.fields.map(swap) })),
    behaviours: given.behaviours.map((b) => (b.type === 'total' && b.by === 'to' ? { ...b, by: 'donor' } : b)),
  };
}

/** A timer asked to keep what it timed: "a meditation timer with a log of sessions", "a focus timer with a history". */
const TIMER_LOG = wordPattern('timerKeepsSessions');

/** Sessions timed and kept: each with its day, its minutes and what it was for; the timer beside them. */
function timedSessions(): Preset {
  const entity: EntitySpec = {
    id: 'session',
    name: 'Session',
    plural: 'Sessions',
    fields: [
      f.date('date', 'Date', true),
      f.number('minutes', 'Minutes', true),
      f.text('focus', 'Worked on'),
      f.long('notes', 'Notes'),
    ],
    parent: null,
  };
  return datedLog('Sessions', 'a log of timed sessions with a timer', entity, [
    newestFirst('session'),
    { type: 'total', entity: 'session', field: 'minutes', by: 'date' },
  ]);
}

/** A business that does work for clients: "my lawn mowing business", "our cleaning company". */
const SERVICE_BUSINESS = wordPattern('serviceBusiness');
/** Words that ask for something to be made or kept, beside what the person does. */
const ASKS_FOR_APP = wordPattern('asksForApp');

/**
 * A business `pattern` names, when the request asks for something for it ("an app for my candle
 * business", "I run a cleaning company and need to track jobs"), or null: saying only what one
 * does ("I run a dog walking business") asks for nothing yet, and the consultant asks what to keep.
 */
function businessAsked(pattern: RegExp, text: string): RegExpExecArray | null {
  const business = pattern.exec(text);
  return business && (business[0].startsWith('for ') || ASKS_FOR_APP.test(text.replace(business[0], ' '))) ? business : null;
}
/** What a service business does for its clients, each one a job. */
const JOB_WORDS = wordPattern('jobWords');

/** Words of drinks counted, not tasted. */
const DRUNK = wordPattern('drinksCounted');
/** Words of drinks tasted, not counted. */
const TASTED = wordPattern('drinksTasted');
/** Drinks one counts beside water: "my daily water and coffee intake". */
const OTHER_DRINKS = wordPattern('otherDrinks', 'g');

/**
 * The water tracker with a count of each other drink named beside it, added up per day: water and
 * coffee drunk are counted, not coffee tasted ("track how much water and coffee I drink"). Without
 * water (`water` false) it counts the others alone: "my daily coffee and tea intake".
 */
function drinksCounted(preset: Preset, text: string, water = true): Preset {
  const others = [...new Set([...text.matchAll(OTHER_DRINKS)].map((m) => m[1]!))];
  const entity = preset.entities[0]!;
  const glasses = (field: { readonly field?: string; readonly id?: string }) => (field.field ?? field.id) === 'glasses';
  return {
    ...preset,
    title: 'Drinks',
    phrase: `a log of the ${[...(water ? ['water'] : []), ...others].join(' and ')} you drink each day`,
    entities: [
      {
        ...entity,
        fields: [
          ...entity.fields
            .filter((field) => water || !glasses(field))
            .map((field) => (glasses(field) ? { ...field, label: 'Water (glasses)' } : field)),
          ...others.map((drink) =>
            f.number(camel(drink), `${capital(drink)} (${/^(?:beer|wine|alcohol)$/.test(drink) ? 'drinks' : 'cups'})`),
          ),
        ],
      },
    ],
    behaviours: [
      ...preset.behaviours.filter((b) => water || !('field' in b && glasses(b))),
      ...others.map((drink): BehaviourSpec => ({ type: 'total', entity: entity.id, field: camel(drink), by: 'date' })),
    ],
  };
}

/** People whose hours one keeps: "my employees", "our volunteers" (one babysitter needs no name on each entry). */
const STAFF = wordPattern('staffWords');

/** Games played and who won them: "track who wins our family card games", "game nights with the winner". */
const GAMES_WON = wordPattern('gamesWon');
const GAMES_PLAYED = wordPattern('gamesPlayed');

/** Turns taken at chores: "whose turn it is to do the dishes", "a chore rota". */
const WHOSE_TURN = wordPattern('whoseTurn');

/** Sports one logs by distance and time, each word with the name of one session of it. */
const SPORTS = WORD_LISTS.sports.map(([name, words]) => [new RegExp(`^(?:${words})$`), name] as const);
/** Two or more sports in a list ("my runs, rides and swims", "swim, bike, run"), read or as written. */
const sportList = (comma: string, flags = ''): RegExp => {
  const word = WORD_LISTS.sports.map(([, words]) => words).join('|');
  return new RegExp(`\\b(?:${word})(?:(?:${comma}| and | or |${comma}and )(?:my )?(?:${word}))+\\b`, flags);
};
const SPORT_LIST = sportList(' {2}');
const SPORT_LIST_WRITTEN = sportList(',\\s*', 'i');

/**
 * One log of several sports ("I want to track my runs, rides and swims"): each session with its
 * sport, distance and time, the distance added up per sport. Null unless two sports are named.
 */
function sportsLog(text: string): { preset: Preset; words: string } | null {
  const list = SPORT_LIST.exec(text)?.[0];
  if (!list) return null;
  const sports = [
    ...new Set(
      list
        .split(/ {2}and | {2}| and | or /)
        .map((w) => w.replace(/^my /, '').trim())
        .flatMap((w) => SPORTS.find(([pattern]) => pattern.test(w))?.[1] ?? []),
    ),
  ];
  if (sports.length < 2) return null;
  const entity: EntitySpec = {
    id: 'session',
    name: 'Session',
    plural: 'Sessions',
    fields: [
      f.date('date', 'Date', true),
      f.choice('sport', 'Sport', sports),
      f.number('distance', 'Distance (km)'),
      f.number('minutes', 'Minutes'),
      f.long('notes', 'Notes'),
    ],
    parent: null,
  };
  return {
    words: list,
    preset: datedLog('Training', `a training log (${sports.map((s) => s.toLowerCase()).join(', ')})`, entity, [
      { type: 'filter', entity: 'session', field: 'sport' },
      newestFirst('session'),
      { type: 'total', entity: 'session', field: 'distance', by: 'sport' },
    ]),
  };
}

/** A count of what one does or has, by day: "how many cups of coffee I drink a day". */
const HOW_MANY_DONE = wordPattern('howManyDone');

/**
 * "count my daily pushups", "count my cigarettes": a count of them by day; things one has ("count
 * my coins") are not counted by day.
 */
const COUNT_MINE = wordPattern('countMine');

/** "how many hours I spend on video games", "how much time my kids spend on homework". */
const TIME_SPENT = wordPattern('timeSpent');

/** "track the number of visitors to my shop each day", "log the number of eggs my hens lay". */
const NUMBER_OF = wordPattern('numberOf');

/** The parts of a request for a count by day (`unit` of `noun`, as `phrase` says it), or null. */
function countAsked(text: string): { unit: string | undefined; noun: string; phrase: string; words: string } | null {
  const spent = TIME_SPENT.exec(text);
  if (spent) {
    const [words, unit = 'hours', who, activity] = spent as unknown as [string, string | undefined, string, string];
    return { unit, noun: activity, words, phrase: `a log of the ${unit} ${toYou(`${who} spend`)} on ${activity}` };
  }
  const howMany = HOW_MANY_DONE.exec(text);
  if (howMany) {
    const [words, unit, noun, who, verb] = howMany as unknown as [string, string | undefined, string, string, string];
    // "how many times I drink coffee": the times, of what follows the verb (a count of "times" alone
    // said nothing, and the request was read as a tracker of times).
    if (noun === 'times') {
      const object = wordPattern('timesDoneObject').exec(text.slice(howMany.index + words.length))?.[1];
      if (object && !object.split(' ').some((w) => NOUN_STOP.has(w)))
        return {
          unit: 'times',
          noun: object,
          words: `${words} ${object}`,
          phrase: `a log of how many times ${toYou(`${who} ${verb}`)} ${object}`,
        };
    }
    const much = /^how much/.test(words) ? 'much' : 'many';
    return { unit, noun, words, phrase: `a log of how ${much} ${unit ? `${unit} of ` : ''}${noun} ${toYou(`${who} ${verb}`)}` };
  }
  // "how long my commute takes": the minutes it took, each day.
  const taken = wordPattern('timeTaken').exec(text);
  if (taken) return { unit: 'minutes', noun: taken[1]!, words: taken[0], phrase: `a log of how long your ${taken[1]} takes` };
  const numbered = NUMBER_OF.exec(text);
  if (numbered)
    return { unit: undefined, noun: numbered[1]!, words: numbered[0], phrase: `a log of the number of ${numbered[1]}` };
  const mine = COUNT_MINE.exec(text);
  const noun = mine?.slice(1).find(Boolean);
  return mine && noun ? { unit: undefined, noun, words: mine[0], phrase: `a count of your ${noun} by day` } : null;
}

/**
 * A log of how many of something one does or has (`noun`, in `unit` when said: "cups" of
 * "coffee"), each record a dated count, added up per day; null when the noun only measures
 * ("how many hours I sleep" is the sleep log's).
 */
function countLog({ unit, noun, phrase }: { unit: string | undefined; noun: string; phrase: string }): Preset | null {
  if (wordPattern('measureOnlyWords').test(noun) || /^times?$/.test(noun) || noun.split(' ').some((w) => NOUN_STOP.has(w)))
    return null;
  const words = noun.split(' ');
  const one = [...words.slice(0, -1), singular(words.at(-1)!)];
  const counted = unit ?? noun;
  const id = camel(`${one.join(' ')} entry`);
  if (!/^[a-z][a-zA-Z0-9]{1,30}$/.test(id)) return null;
  const count = camel(counted);
  const entity: EntitySpec = {
    id,
    name: capital(`${one.join(' ')} entry`),
    plural: capital(`${one.join(' ')} entries`),
    fields: [f.date('date', 'Date', true), f.number(count, capital(counted), true), f.long('notes', 'Notes')],
    parent: null,
  };
  // ("Coffee Log" of the times one drinks coffee; "Cups of Coffee" of the cups.)
  const title = unit === 'times' ? [...words, 'log'] : [...(unit ? [unit, 'of'] : []), ...words];
  return datedLog(titleCase(title).slice(0, 80), phrase, entity, [
    newestFirst(id),
    { type: 'total', entity: id, field: count, by: 'date' },
  ]);
}

/** "what to cook with the ingredients I have", "what I can make from what's in my fridge". */
const COOK_FROM_WHAT_I_HAVE = wordPattern('cookFromWhatIHave');

/**
 * Where `prefix` ends in `text` when `text` begins with it, a comma's wider gap (two spaces) read
 * as its one ("hey, a tracker for …"); else the end of `text`.
 */
function endOfPrefix(text: string, prefix: string): number {
  let at = 0;
  for (const ch of prefix) {
    if (text[at] !== ch) return text.length;
    at += 1;
    if (ch === ' ') while (text[at] === ' ') at += 1;
  }
  return at;
}

/** A dash that opens a list, as a colon does: "job applications — company, role, date applied". */
const LIST_DASH = wordPattern('dashBeforeList');

export function readRequest(request: string): RequestReading {
  const prompt = request.replace(REQUEST_LABEL, '').replace(LIST_DASH, ': ');
  const normalized = normalizeRequestText(prompt, { sentences: true });
  const lang = readLanguage(normalized);
  const language = lang.language;
  if (language && !lang.understood) {
    return refusal(
      'REQUEST_NOT_UNDERSTOOD',
      WORD_LISTS.otherLanguage.replace(/\{(\w+)\}/g, (_m, key: string) => (key === 'sorry' ? language.sorry : language.name)),
      [],
      language,
    );
  }
  // A goal of a measure is that measure's records with a goal, not a bucket list: "a step goal
  // tracker" is a step tracker with a goal (read with its number where one is said).
  // Its number said right after it is the goal's ("a water goal tracker with 8 glasses a day").
  const measuredGoal = MEASURED_GOAL.exec(lang.text);
  if (measuredGoal) {
    const numbered = lang.text.replace(MEASURED_GOAL_NUMBER, '$1 $2 with a goal of ');
    if (numbered !== lang.text) return readRequest(numbered);
    return readRequest(lang.text.replace(MEASURED_GOAL, /\d/.test(lang.text) ? '$1 $2 with a goal ,' : '$1 $2 with a goal'));
  }
  const analysis = analyzeRequest(lang.text);
  // Weight to lose, said with no app ("I want to lose weight", "I need to lose 10 pounds"): a
  // weight tracker, said as a reading, not a converter of the pounds named (a goal of a loss, not of
  // a weight to reach, is said to be left out). The rest of the request is read with it (a name,
  // a look); the tracker named keeps this from reading it again.
  if (
    LOSING_WEIGHT.test(lang.text) &&
    (analysis.kind === null || analysis.kind === 'converter') &&
    !CONTAINERS.test(lang.text) &&
    !/\bgames?\b/.test(lang.text)
  ) {
    const tracked = readRequest(`a weight tracker, ${lang.text}`);
    if (tracked.outcome === 'spec') return tracked;
  }
  // A business named alone ("a dog walking business", "my candle business") asks for its app.
  const business = /^(?:a|an|my|our) ((?:[a-z]+ ){1,3}business)$/.exec(lang.text);
  if (business && analysis.kind === null) {
    const forIt = readRequest(`an app for my ${business[1]}`);
    if (forIt.outcome === 'spec') return forIt;
  }
  // A name given with a container word in it ("an app called Tiny Tracker for my runs") names no
  // records: the reading goes on without it (the name still titles the app).
  const titled =
    analysis.appName && wordPattern('containerOrApp', 'i').test(analysis.appName)
      ? lang.text.replace(` ${analysis.appName.toLowerCase()}`, ' ').replace(/\b(?:called|named|titled) {2}/, ' ')
      : lang.text;
  // "a step counter log", "a step counter where I enter my steps": steps written down, a log of
  // them; a step counter alone counts them with the phone's sensors (a limit, below).
  const unnamed = wordPattern('stepsByHand').test(titled)
    ? titled.replace(wordPattern('stepCounterKind'), (_c, kind?: string) => (kind ? `steps${kind}` : 'steps log'))
    : titled;
  const limits = findLimits(unnamed);
  // One's step count is the steps one keeps ("my daily step count"); counting them by itself
  // needs the phone's sensors, which the limits above name.
  // ("which of my friends I've sent cards to", "which keys open which doors": see recordsWithField.)
  const text = recordsSaidOtherwise(recordsWithField(unnamed), 'g')
    .replace(/\bstep counts?\b/g, 'steps')
    // "the Lego sets I own": one's own, as "my Lego sets".
    .replace(wordPattern('thingsIOwn', 'g'), 'my $1')
    // "which students have turned in their slips": which students turned them in.
    .replace(wordPattern('whichHaveDone', 'g'), '$1 ')
    // "where I can list my camping trips": keep them, as "track my camping trips".
    .replace(wordPattern('listMyThings', 'g'), 'track ')
    // "a candle business tracker": its orders; "a dog walking business tracker": its jobs.
    .replace(wordPattern('goodsBusinessTracker', 'g'), 'track the orders for my $1 business')
    .replace(wordPattern('serviceBusinessTracker', 'g'), 'track the jobs for my $1 business')
    // "a tutoring business with students, lessons and payments": its students and theirs.
    .replace(wordPattern('businessWithPeople', 'g'), 'track my $1 and their ')
    // "stock levels for my shop": the shop's inventory (no market named).
    .replace(wordPattern('stockOfGoods', 'g'), (words) =>
      wordPattern('goodsPlace').test(unnamed) && !wordPattern('stockMarket').test(unnamed) ? 'inventory' : words,
    )
    // "an app with clients and appointments": the same, of no business named.
    .replace(wordPattern('peopleAndTheirRecords', 'g'), 'track my $1 and their ')
    // "my students, their lessons and payments": as "my students and their lessons and payments".
    .replace(THEIR_AFTER_COMMA, '$1 and their $2')
    // "track how often I go to the gym": each time I do.
    .replace(wordPattern('howOftenI', 'g'), 'every time ')
    // "a list of people who owe me money", "the people I owe money to": the money owed.
    .replace(wordPattern('peopleOwed', 'g'), 'money owed')
    // "what time I go to bed": when, the sleep's.
    .replace(wordPattern('whatTimeToBed', 'g'), 'when ')
    // "what I spent on groceries": the spending.
    .replace(wordPattern('whatISpentOn', 'g'), 'my spending on')
    // "a spice rack inventory", "organize my closet": what the place holds, the spices, the clothes.
    .replace(CONTAINER_CONTENTS, (place: string) => WORD_LISTS.containerContents[place] ?? place)
    // "how much sun it needs": its sunlight needs, not an amount added up.
    .replace(wordPattern('howMuchSun', 'g'), 'sunlight needs')
    // "the plants I've propagated": the cuttings, not the plants' watering.
    .replace(wordPattern('plantsIPropagated', 'g'), 'plant propagation')
    // "which neighbours borrowed my ladder": one thing lent many times is a list of things lent.
    .replace(wordPattern('whoBorrowed', 'g'), 'the things i lend to my $1')
    // "an app to log in my hours": to log them (sign-in is "log in" without them).
    .replace(wordPattern('logInMy', 'g'), 'log ')
    // "the books I lend to people": the things lent, each to someone.
    .replace(wordPattern('thingsILend', 'g'), 'the things i lend');
  const theme = themeFor(analysis.designTarget);
  // Where the head of the request ends and its features begin.
  const headEnd = FEATURE_CLAUSE.exec(text)?.index;
  // The records the head names come first: "a recipe app with a shopping list" keeps recipes,
  // though "shopping list" is the longer phrase.
  // The words before a colon name the app, whatever its list begins with: "my job applications:
  // company, role" keeps applications, not a company's.
  const colon = language ? -1 : prompt.search(/:(?=\s|$)/);
  const beforeColon = colon > 0 ? normalizeRequestText(prompt.slice(0, colon)) : '';
  const listAt = beforeColon ? endOfPrefix(text, beforeColon) : text.length;
  // A kind named only in the list of a head that names records is a field: "my writing: articles, word count, fee".
  // So is a kind that keeps records named only among the features of such a head: "a list of
  // restaurants with ratings and notes" (a tool stays the tool: "my students with a random picker").
  const listHead = listAt < text.length ? text.slice(0, listAt) : '';
  // As is one named only after the records a comma ends: "track my students, their phone number and notes".
  const comma = language ? null : wordPattern('trackedThenComma').exec(prompt.toLowerCase());
  const commaAt = comma ? endOfPrefix(text, normalizeRequestText(prompt.slice(0, comma.index + comma[0].length - 1))) : -1;
  const heads = [
    listHead,
    headEnd === undefined || !KIND_PRESETS[analysis.kind!] ? '' : text.slice(0, headEnd),
    commaAt > 0 && commaAt < text.length ? text.slice(0, commaAt) : '',
  ];
  const kindNamed =
    analysis.kind !== null &&
    analysis.scores[analysis.kind] >= 3 &&
    !heads.some((h) => h && analyzeRequest(h).kind !== analysis.kind && genericReading(h))
      ? analysis.kind
      : null;
  const anywhere = matchPreset(text, listAt);
  const inHead =
    anywhere && headEnd !== undefined && anywhere.index >= headEnd ? (matchPreset(text.slice(0, headEnd)) ?? anywhere) : anywhere;
  // Records named only among the features of a kind that keeps none, which the head names by its
  // own word, are part of that kind: "a landing page with a contact form" is a page, not an
  // address book. A kind that keeps records takes them as fields ("a journal with mood"), but
  // costs are its records' own ("a todo list with costs").
  const headNamesKind =
    kindNamed !== null &&
    inHead !== null &&
    // (Nor is a journal "with what I ate" a food log: what one ate is a line of each day's entry.)
    (!KIND_PRESETS[kindNamed] ||
      /^(?:cost|price)s?$/.test(inHead.keyword) ||
      (kindNamed === 'notes' && /^(?:what|how|when|where|who) /.test(inHead.keyword))) &&
    headEnd !== undefined &&
    inHead.index >= headEnd &&
    analyzeRequest(text.slice(0, headEnd)).kind === kindNamed;
  const matched = headNamesKind ? null : inHead;
  const tool = kindNamed ? TOOL_NOUNS[kindNamed]?.exec(text) : null;
  const toolAt = tool?.index;
  // The tool ends the request's head ("a fuel cost calculator", "a split the bill calculator
  // app"): the words before it only say what it is for.
  // Not a tool joined to the everyday app with "and": "a habit tracker and a calculator" is two apps.
  const toolIsHead =
    tool !== null &&
    tool !== undefined &&
    tool.index < (headEnd ?? Infinity) &&
    TOOL_HEAD_END.test(text.slice(tool.index + tool[0].length)) &&
    !(inHead && kindNamed && joined(text, keywordSpans(text, [inHead.keyword]), kindSpans(text, kindNamed), true));
  // (A keyword that holds the tool's own word is the records', "a contraction timer" times contractions.)
  const preset =
    matched &&
    (` ${matched.keyword} `.includes(` ${tool?.[0]} `) || !(toolAt !== undefined && (toolAt < matched.index || toolIsHead)))
      ? matched.preset
      : null;
  const translatedNote = language ? [`read from ${language.name}: ${lang.read.join(', ')}`] : [];

  let chosen: Preset | null = preset;
  let generic = false;
  // Words that name another thing the preset stands in for ("a quiz" is a flashcard game, a point
  // of sale a log of the sales): a reading, said as one.
  const standIn = matched !== null && preset === matched.preset && wordPattern('quizKinds').test(matched.keyword);
  let shapeText = text;
  // A record word only inside a feature clause ("a baby feeding log with times", "a diet log with
  // calories per meal") names a field of the records the head names, not another app.
  const head =
    matched && headEnd !== undefined && matched.index >= headEnd
      ? genericReading(text.slice(0, FEATURE_CLAUSE.exec(text)?.index))
      : null;
  // Records named before a record word that only says more of them ("a log of my blood sugar
  // readings before and after meals") are what the app keeps, too.
  const earlier = !head && matched && !language ? genericReading(text) : null;
  const earlierAt = earlier ? text.indexOf(earlier.noun) : -1;
  const describes =
    earlier !== null &&
    earlierAt >= 0 &&
    earlierAt + earlier.noun.length <= matched!.index &&
    // The container itself ("a study planner") is no other record word.
    !CONTAINER_WORDS.test(matched!.keyword) &&
    // A word that only says "how it goes" names no records: "my progress at the gym" is workouts.
    !wordPattern('progressWords').test(earlier.noun) &&
    // Nor one that only measures them: "how many glasses of water I drink" is water.
    !wordPattern('measureOnlyWords').test(earlier.noun) &&
    // Nor records the app keeps already: "the fish in my aquarium" are the aquarium log's fish.
    !matched!.preset.entities.some((e) => [e.name, e.plural].some((n) => n.toLowerCase() === earlier.noun)) &&
    // Nor records the same app is called by ("a loan tracker for money I lent": the IOUs' loans).
    !matched!.preset.keywords.some((k) => ` ${k} `.includes(` ${earlier.noun} `) && matchPhrase(k, text)) &&
    // Nor words an everyday app is called by ("a budget planner for my income and bills"); the
    // dearest test, so the last. ("my home inventory for insurance": "home" with the keyword's
    // first word, "home inventory", is one too.)
    matchPreset(earlier.noun) === null &&
    !(
      text.slice(earlierAt + earlier.noun.length, matched!.index).trim() === '' &&
      (matchPreset(`${earlier.noun} ${matched!.keyword.split(' ')[0]!}`)?.index === 0 ||
        // ("a planner for my kids' after school activities": whose they are, not records of kids.)
        OWNER_PLURALS.test(earlier.noun))
    );
  // What is kept of one's things that an everyday app of them lacks: "the expiry dates of my
  // medicines" are the medicines with their dates, not a medication schedule.
  const ownThings = earlier?.ownField && matched!.index > text.search(/ of (?:my|our) /) ? earlier : null;
  const named = head ?? (describes ? earlier : null) ?? ownThings;
  if (named) {
    chosen = named.preset;
    generic = true;
    shapeText = text.replace(named.noun, ' ');
  }
  // A wishlist that names its things is a list of them, not gift ideas for others.
  const wished = chosen?.id === 'gifts' && !named ? wordPattern('wishedThings').exec(text) : null;
  const wishedNoun = wished?.[1] ?? wished?.[2];
  const wishedList =
    wishedNoun && !wordPattern('notAWishNoun').test(wishedNoun) ? genericReading(`a list of ${wishedNoun}`) : null;
  if (wishedList) {
    chosen = wishedList.preset;
    generic = true;
    shapeText = text.replace(wishedNoun!, ' ');
  }
  // An inventory of things it names keeps those, each with how many and where: "an inventory of
  // my vinyl records", "my lego sets inventory" (a home's, a freezer's or a shop's is the home inventory).
  const inventoried =
    chosen?.id === 'inventory' && !named && !wishedList ? inventoryOf(text, chosen, !limits.some((l) => l.core)) : null;
  if (inventoried) {
    chosen = inventoried.preset;
    generic = true;
    shapeText = text.replace(inventoried.noun, ' ');
  }
  // Gifts one was given, with who gave each and the thank-you sent, are the gifts received, not
  // ideas to buy: "a gift list for my wedding registry with who gave what and thank you card sent".
  if (
    chosen?.id === 'gifts' &&
    !named &&
    /\bthank[- ]?you (?:cards?|notes?)\b/.test(text) &&
    /\b(?:who gave|gave (?:us|me)|received|from whom)\b/.test(text)
  )
    chosen = presetById('thankyous') ?? chosen;
  // Time spent learning a language, logged, is a practice log, not cards to learn from: "a tracker
  // for my language learning with minutes and words learned each day" (as "a language learning tracker" is).
  if (
    chosen?.id === 'flashcards' &&
    !named &&
    /\b(?:trackers?|logs?|journals?|diar(?:y|ies)) (?:for|of) (?:my |our )?language learning\b/.test(text)
  )
    chosen = presetById('practice') ?? chosen;
  // Pages or minutes read each day are a log of the reading, not a list of books: "a reading
  // tracker with pages read each day and a goal of 30 pages".
  if (
    chosen?.id === 'books' &&
    !named &&
    /\b(?:pages|minutes)(?: (?:i |we )?read)? (?:each|every|per|a) (?:day|night|session)\b|\b(?:daily|nightly) (?:pages|minutes) read\b/.test(
      text,
    )
  )
    chosen = presetById('readingTime') ?? chosen;
  // A streak of reading is kept by the days read, not by the books: "a reading log with my reading
  // streak", "a book tracker with a streak".
  if (chosen?.id === 'books' && !named && wordPattern('streakAsks').test(text)) chosen = presetById('readingTime') ?? chosen;
  // Spending with money coming in is a budget of both: "a budget app with income and expenses".
  if (chosen?.id === 'expenses' && INCOME.test(text)) chosen = presetById('budget') ?? chosen;
  // A home's things with what each is worth, room by room, are its belongings, not a count of
  // supplies: "a home inventory with room, value and photo".
  if (
    chosen?.id === 'inventory' &&
    !named &&
    /\b(?:home|house|household|apartment|flat)\b/.test(text) &&
    /\b(?:values?|worth|rooms?|serial numbers?|purchase prices?|replacement costs?)\b/.test(text)
  )
    chosen = presetById('belongings') ?? chosen;
  // Savings that are spent from too are money in and out: a child's pocket money, else an account
  // with its balance ("a savings jar for my daughter with deposits and what she spends").
  if (chosen?.id === 'savings' && !named && /\b(?:spends?|spent|spending|withdraw\w*|takes? out|took out)\b/.test(text))
    chosen = presetById(wordPattern('kidWords').test(text) ? 'allowance' : 'register') ?? chosen;
  // What a pet eats is its feeding log, not one's calories: "a food log for my diabetic cat".
  if (chosen?.id === 'calories' && /\b(?:my|our|the) (?:[a-z]+ )?(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?)\b/.test(text))
    chosen = presetById('pet-feeding') ?? chosen;
  // A budget's money in and out are its entries' type and category, not fields of their own.
  const budget = chosen?.id === 'budget';
  if (budget) shapeText = shapeText.replace(BUDGET_WORDS, ' ');
  // (With "my students, their lessons and payments" read as "… and their lessons and payments", above.)
  let shapeOriginal = language
    ? null
    : recordsSaidOtherwise(
        (budget ? prompt.replace(BUDGET_WORDS, ' ') : prompt)
          .replace(new RegExp(THEIR_AFTER_COMMA.source, 'gi'), '$1 and their $2')
          .replace(wordPattern('peopleAndTheirRecords', 'gi'), 'track my $1 and their '),
        'gi',
      );
  // Two everyday apps joined by "and" are one app with both: "a sleep and mood tracker".
  if (chosen && !named && matched && chosen === matched.preset) chosen = pairedPresets(text, matched) ?? chosen;
  if (chosen?.id === 'donations' && DONATIONS_RECEIVED.test(text)) chosen = donationsReceived(chosen);
  // Lessons of one thing are titled by it: "my guitar lessons" is "Guitar Lessons".
  if (chosen?.id === 'lessons' && matched?.preset === chosen && / lessons$/.test(matched.keyword))
    chosen = { ...chosen, title: titleCase(matched.keyword.split(' ')) };
  // Water with another drink, counted: one log of both, not a tasting journal beside it (water is
  // never tasted: "track my water and coffee" counts both, unless tasting is asked for).
  if (chosen && /^(?:water-tastings|tastings-water)$/.test(chosen.id) && (DRUNK.test(text) || !TASTED.test(text))) {
    const water = presetById('water');
    if (water) chosen = drinksCounted(water, text);
  }
  // Two other drinks counted without water are one log of both, not tastings nor records of the
  // first: "my daily coffee and tea intake", "how many cups of coffee and tea I drink".
  const drinks = new Set([...text.matchAll(OTHER_DRINKS)].map((m) => m[1]));
  if (drinks.size >= 2 && DRUNK.test(text) && (!chosen || generic || chosen.id === 'tastings')) {
    const water = presetById('water');
    if (water && !/\bwater\b/.test(text)) {
      chosen = drinksCounted(water, text, false);
      generic = true;
    }
  }
  // Spending shared in a home is kept with who paid each: "an expense log split between roommates".
  const sharedSpending =
    chosen?.id === 'expenses' && SHARED_SPENDING.test(text) && (HOUSEHOLD.test(text) || SPENDING_COMPANIONS.test(text));
  if (sharedSpending) {
    shapeText = `${shapeText} with who paid`;
    shapeOriginal = shapeOriginal === null ? null : `${shapeOriginal}, with who paid`;
  }
  // Several sports in one list are one log with the sport of each session, not the first sport's
  // log with the others as text: "my runs, rides and swims" (two apps joined by "and" stay two).
  const sports =
    !chosen || ['runs', 'rides', 'swims', 'hikes', 'workouts', 'generic'].includes(chosen.id) ? sportsLog(text) : null;
  if (sports) {
    chosen = sports.preset;
    generic = true;
    shapeText = shapeText.replace(sports.words, ' ');
    shapeOriginal = shapeOriginal?.replace(SPORT_LIST_WRITTEN, ' ') ?? null;
  }
  // A countdown to a date keeps the dates it counts to; the focus timer counts minutes: "a
  // countdown timer to my wedding", "days until Christmas".
  if (!chosen && (COUNTDOWN_TO_DATE.test(text) || DATED_COUNTDOWN.test(text))) chosen = presetById('countdowns');
  // A grade average is worked out from the grades: a list of them with their weighted average,
  // which is a reading of "a GPA calculator".
  if (!chosen && GRADE_AVERAGE.test(text)) {
    chosen = presetById('grades');
    generic = chosen !== null;
  }
  // Chores that earn stars, stickers or points are a reward chart, not a task list with a rating,
  // records called "have chores" or, for "points to spend on rewards", an expense tracker.
  if ((!chosen || generic || chosen.id === 'expenses') && /\bchores?\b/.test(text) && wordPattern('rewardWords').test(text)) {
    chosen = presetById('rewards');
    generic = false;
  }
  // Whose turn it is is a chore list that shows it: "whose turn is it to do the dishes" (no draw).
  const turns = !chosen && WHOSE_TURN.test(text);
  if (turns && KIND_PRESETS.tasks) {
    const chores = choresOf(KIND_PRESETS.tasks, text);
    chosen = {
      ...chores,
      phrase: 'a chore list with whose turn each one is',
      entities: chores.entities.map((e) => ({ ...e, fields: [...e.fields, f.text('turn', 'Whose turn')] })),
    };
    generic = true;
  }
  // A streak is a habit kept day after day: "a tracker for my cold showers streak".
  // A number kept each day is a log of it with the days in a row: "track my daily steps and keep a streak".
  if (!chosen && !kindNamed && wordPattern('streakAsks').test(text)) {
    const counted = genericReading(text)?.preset.entities[0];
    if (!counted?.fields.some((f) => f.type === 'number')) chosen = presetById('habits');
  }
  // Learning an instrument or a skill is kept by its practice: "a tracker for learning guitar".
  if (!chosen && wordPattern('learningSomething').test(text)) chosen = presetById('practice');
  // A business that sells what it makes keeps its sales: "an app for my candle business".
  if (!chosen && !kindNamed && businessAsked(wordPattern('goodsBusiness'), text)) {
    chosen = presetById('sales');
    generic = true;
  }
  // A service business keeps its jobs: "an app for my lawn mowing business", "… to track customers
  // and jobs". Records it names that are not its jobs are the records ("… to track the dogs I walked").
  const service = !chosen && !kindNamed ? businessAsked(SERVICE_BUSINESS, text) : null;
  const serviceRecords = service ? genericReading(text.replace(service[0], ' ')) : null;
  if (
    service &&
    (!serviceRecords ||
      JOB_WORDS.test(serviceRecords.noun) ||
      (/^(?:clients?|customers?)$/.test(serviceRecords.noun) && JOB_WORDS.test(text)))
  ) {
    chosen = presetById('jobs');
    generic = true;
    shapeText = shapeText.replace(service[0], ' ');
  }
  // What to cook from what one has is no random pick: the recipes kept, searched by ingredient.
  const fromPantry = !chosen && COOK_FROM_WHAT_I_HAVE.test(text);
  if (fromPantry) {
    chosen = presetById('recipes');
    generic = true;
  }
  // Each time something happens is a dated record of it: "log every time my baby wakes up at night".
  // ("when I last changed my air filters": each time I changed them, the last one first.)
  const happening = !chosen
    ? EVENT_TIMES.exec(text)?.[1]
        ?.trim()
        .replace(/^(i|we) last /, '$1 ')
    : undefined;
  if (happening) {
    chosen = eventLog(happening);
    generic = true;
  }
  // The sessions a timer keeps are records with a timer beside them; the timer alone keeps none.
  if (!chosen && kindNamed === 'timer' && !/\bstop ?watch/.test(text) && TIMER_LOG.test(text)) {
    chosen = /\b(?:meditat\w*|mindful\w*)\b/.test(text) ? presetById('meditation') : timedSessions();
    generic = true;
    shapeText = shapeText.replace(TIMER_LOG, ' ');
    shapeOriginal = shapeOriginal?.replace(wordPattern('timerKeepsSessions', 'i'), ' ') ?? null;
  }
  // The hours of one's employees are a timesheet with whose each entry is, not records named
  // after them or hours of one's own: "keep track of the hours my employees work each week".
  const staff = /\b(?:hours?|shifts?|time ?sheets?)\b/.test(text) ? STAFF.exec(text)?.[1] : undefined;
  const staffSheet = staff && (!chosen || chosen.id === 'timesheet') && !named ? presetById('staff-timesheet') : null;
  if (staff && staffSheet) {
    const who = /^(?:staff|crew)$/.test(staff) ? `${capital(staff)} member` : capital(singular(staff));
    // Volunteers' hours are their shifts, never billed; the help one has at home is paid, not billed.
    const volunteers = /^volunteers?$/.test(staff) ? presetById('volunteer-shifts') : null;
    // (One helper, "my nanny", names nobody on each entry: the hours are all theirs.)
    const helpers = wordPattern('householdHelp').test(staff) ? presetById('household-help') : undefined;
    const household = helpers && singular(staff) === staff ? oneHelper(helpers) : helpers;
    const [sheet, role] = household ? [household, 'Helper'] : [staffSheet, 'Employee'];
    chosen =
      volunteers ??
      (JSON.parse(
        JSON.stringify(sheet).replace(new RegExp(role, 'g'), who).replace(new RegExp(role.toLowerCase(), 'g'), who.toLowerCase()),
      ) as Preset);
    generic = true;
    shapeText = shapeText.replace(staff, ' ');
  }
  if (!chosen && kindNamed && KIND_PRESETS[kindNamed] && beyondTemplate(KIND_PRESETS[kindNamed], text, shapeOriginal)) {
    // Not when the kind's word only qualifies the records' noun: "my board games" are no board.
    const reading = genericReading(text);
    const qualifies =
      reading !== null && reading.noun.includes(' ') && analyzeRequest(text.replace(reading.noun, ' ')).kind !== kindNamed;
    if (!qualifies) chosen = KIND_PRESETS[kindNamed]!;
    // Chores are called chores: "a chore chart for my kids" is no list of tasks.
    if (chosen === KIND_PRESETS.tasks && /\bchores?\b/.test(text)) chosen = choresOf(chosen, text);
    // A journal's entries are days: each dated, newest first.
    if (asJournal(chosen, text)) chosen = presetById('journal') ?? chosen;
  }
  // A tool named before any container word is the thing asked for ("a tool to count the words
  // in my essay" counts words; it keeps no records of them).
  // A container right after the tool's words is the head instead: "a word count tracker" keeps
  // dated word counts.
  const containerAt = CONTAINERS.exec(text)?.index;
  let toolAmongRecords: AppKindId | null = null;
  // A tool named among the features (every time it is named, when `all`). Not a random picker,
  // which picks from the records ("my students with a random picker" is the picker), nor a game's
  // word ("a budget of 2048 dollars").
  const featureTool = (kind: AppKindId | null, all: boolean): boolean =>
    kind !== null &&
    !/^(?:randomizer|game)$/.test(kind) &&
    TOOL_NOUNS[kind] !== undefined &&
    headEnd !== undefined &&
    kindSpans(text, kind)[all ? 'every' : 'some']((s) => s.start > headEnd);
  const toolFirst =
    toolAt !== undefined &&
    !CONTAINERS.test(text.slice(toolAt).split(' ').slice(0, 4).join(' ')) &&
    (containerAt === undefined || toolAt < containerAt);
  if (!chosen && !theme && !toolFirst) {
    const reading = genericReading(text) ?? (analysis.kind === null ? wishListReading(text) : null);
    // "a tracker for my board games" names a board only inside the thing it tracks.
    const kindOutsideNoun = reading && kindNamed ? analyzeRequest(text.replace(reading.noun, ' ')).kind === kindNamed : true;
    // A tool named only among the records' features leaves them the app: "a list of my board games
    // with a timer" (theirs), "… with a calculator" (named as the other app to ask for).
    const among =
      reading !== null && headEnd !== undefined && text.indexOf(reading.noun) < headEnd && featureTool(kindNamed, true);
    if (among) toolAmongRecords = kindNamed;
    if (reading && (!kindNamed || !kindOutsideNoun || among)) {
      // ("my HSA contributions and withdrawals": what comes in and goes out, with what is left.)
      chosen = inOutLog(reading.preset, text) ?? reading.preset;
      generic = true;
      // The noun names the records, not their shape: "board games" asks for no board. A measure
      // it ends with stays ("my study hours per subject": the hours, per subject).
      const measure = reading.noun.split(' ').at(-1)!;
      const measured = reading.preset.entities[0]!.fields.some((f) => f.type === 'number' && f.label.toLowerCase() === measure);
      // (Measures listed after it are each day's too: "log my daily calories, protein, carbs and fat".)
      const after = text.slice(text.indexOf(reading.noun) + reading.noun.length);
      const more = measured && wordPattern('moreMeasuresListed').test(after);
      shapeText = text.replace(reading.noun, measured ? (more ? `${measure} with` : measure) : ' ');
      if (more) shapeOriginal = shapeOriginal?.replace(new RegExp(`\\b${measure}\\s*,`, 'i'), `${measure} with`) ?? null;
    }
  }
  // Games played with who won are a log of them, not the games as records or a game to play:
  // "track who wins our family card games".
  // (A game it builds that says who won is that game: "rock-paper-scissors … says who won".)
  const gamesWon =
    // (A game night's that counts no points is who won each: "a board game night tracker with game, players, winner".)
    (!chosen || chosen.id === 'generic' || (chosen.id === 'scores' && !/\b(?:points?|scores?|scoring)\b/.test(text))) &&
    // (A log of them named so.)
    (kindNamed !== 'game' || CONTAINERS.test(text)) &&
    GAMES_WON.test(text) &&
    GAMES_PLAYED.test(text)
      ? presetById('games-won')
      : null;
  const played = gamesWon !== null;
  if (played) {
    chosen = gamesWon;
    generic = true;
    const winner = wordPattern('winnerWords', 'gi');
    shapeText = shapeText.replace(winner, ' ');
    shapeOriginal = shapeOriginal?.replace(winner, ' ') ?? null;
  }
  // How many of something one drinks or does is a count of it by day, not tastings of it, records
  // with a name ("track how many cups of coffee I drink") or a page ("how many pages I read"); so
  // are the hours one spends on something, "the number of" things, and "count my daily pushups".
  // (Time spent on something of one's own is such a log, not a timesheet of clients and projects,
  // nor an "hour tracker": "how much time I spend on social media", "hours I spend gaming".)
  const spentOn = TIME_SPENT.exec(text)?.[3];
  const ownTime = !!spentOn && !wordPattern('workTimeWords').test(spentOn);
  const counting =
    !chosen ||
    chosen.id === 'tastings' ||
    (ownTime && ['timesheet', 'generic'].includes(chosen.id)) ||
    // ("count my daily pushups": a number the records keep, counted by day.)
    (chosen.id === 'generic' &&
      (!chosen.entities[0]!.fields.some((field) => field.type === 'number') || NUMBER_OF.test(text) || /\bcount\b/.test(text)))
      ? countAsked(text)
      : null;
  // (Not one of the fields listed for records the request names: "my seeds with the planting
  // month and how many packets I have".)
  const listed = !!chosen && !!counting && /\bwith\b/.test(text.slice(0, text.indexOf(counting.words)));
  const countedLog = counting && !listed ? countLog(counting) : null;
  if (countedLog) {
    chosen = countedLog;
    generic = true;
    shapeText = text.replace(counting!.words, ' ');
    // (Its words are the log's in the text with commas too: "how much time" names no Time.)
    const written = new RegExp(counting!.words.replace(/[^a-z0-9 ]/g, '.').replace(/ +/g, '\\W+'), 'i');
    shapeOriginal = shapeOriginal?.replace(written, ' ') ?? null;
  }
  const leftOut = limits.map((l) => l.need);
  if (fromPantry) leftOut.push(NOTE.fromPantry);
  if (turns) leftOut.push(NOTE.turnsByHand);
  // A noun read only from the words around a container ("a password manager for my logins") is
  // no reading of a request whose core no static app can serve.
  // Nor is an everyday app's when the need heads the request: "a chatbot that answers questions
  // about my documents" asks for the chatbot, not a list of documents.
  const needHeads = () => headEnd !== undefined && findLimits(text.slice(0, headEnd)).some((l) => l.core);
  if (chosen && limits.some((l) => l.core) && (generic || needHeads())) return notBuildable(limits, language);
  if (chosen) {
    const shaped = specFrom(chosen, shapeText, shapeOriginal, analysis.appName, theme?.id ?? null);
    let spec = shaped.spec;
    leftOut.push(...shaped.leftOut);
    const tool = recordsTool(text);
    if (tool) leftOut.push(tool);
    leftOut.push(...featureGaps(text, specBuilt(spec)));
    // "a client list with payments" keeps a record of them, which no one takes through the app;
    // "a marketplace with payments" would take them: left out, and no field of them.
    // (The limits' needs open the list, in their order.)
    const taking = limits.findIndex((l) => l.id === 'paymentsAsked');
    // (Of whichever records keep them: "my students, their lessons and payments" on the lessons.)
    const payer = spec.entities.find((e) => e.fields.some((f) => /^payments?$/.test(f.id)));
    const payments = payer?.fields.find((f) => /^payments?$/.test(f.id));
    if (taking >= 0 && payer && payments) {
      if (!wordPattern('sellingWords').test(text)) leftOut.splice(taking, 1);
      else if (!fieldInUse(spec, payer.id, payments.id))
        spec = {
          ...spec,
          entities: spec.entities.map((e) => (e === payer ? { ...e, fields: e.fields.filter((f) => f !== payments) } : e)),
        };
    }
    // Who paid each is kept; the split itself is not worked out (said once).
    // (In place of the general words on a split: these say what the app keeps of it.)
    if (sharedSpending) {
      const general = leftOut.findIndex((l) => l.includes('who owes whom'));
      if (general >= 0) leftOut.splice(general, 1);
      leftOut.push(NOTE.whoOwesWhom);
    }
    // A kind joined to the everyday app with "and" ("a habit tracker and a todo list"): one app is built, the other named.
    const other = analysis.kind;
    // So is a tool among the records' features ("my spending with a calculator", "my recipes
    // with a world clock"), which is no text field of them; a timer they can show stays theirs.
    const toolAmong = featureTool(other, false);
    if (
      ((matched && chosen === matched.preset) || toolAmongRecords === other) &&
      other &&
      analysis.scores[other] >= 3 &&
      KIND_PRESETS[other] !== chosen &&
      // A timer the records app shows is kept: "a workout log and a timer"; so is a countdown to their dates.
      !(other === 'timer' && spec.behaviours.some((b) => b.type === 'timer' || b.type === 'countdown')) &&
      (toolAmong ||
        (matched !== null &&
          joined(text, keywordSpans(text, [matched.keyword]), kindSpans(text, other), TOOL_NOUNS[other] !== undefined)))
    ) {
      // The tool's text field goes ("Calculator", "Currency converter"), and the tool is named as asked.
      const before = spec;
      const tool = (e: EntitySpec, f: FieldSpec): boolean =>
        toolAmong &&
        !fieldInUse(before, e.id, f.id) &&
        APP_KINDS[other].keywords.some((k) => ` ${f.label.toLowerCase()}`.endsWith(` ${k}`));
      const dropped = before.entities.flatMap((e) => e.fields.filter((f) => tool(e, f)));
      spec = { ...before, entities: before.entities.map((e) => ({ ...e, fields: e.fields.filter((f) => !tool(e, f)) })) };
      // A timer by the word it was asked by: "a workout log and a stopwatch".
      const timerWord = other === 'timer' ? TOOL_NOUNS.timer!.exec(text)?.[0].replace(/(?:es|s)$/, '') : undefined;
      const named = dropped[0]
        ? `a ${dropped[0].label.toLowerCase()}`
        : timerWord && timerWord !== 'timer'
          ? `a ${timerWord}`
          : APP_KINDS[other].phrase;
      leftOut.push(asWell(named, spec.phrase));
    }
    // "my comics by series and issue number": what follows the grouping's "and" is a field too.
    const byAnd = language ? null : wordPattern('byAndField').exec(text)?.[1];
    if (byAnd) spec = applySpecWords(spec, `with ${byAnd}`).spec;
    // "a log of my chess games and who won": who did it, joined by "and", is a field, as it is
    // after "with" ("with who won").
    const andWho = language ? null : /\band (who [a-z]+(?: [a-z]+)?)$/.exec(text)?.[1];
    // (The log of games played has its winner already.)
    if (andWho && wordPattern('whoDid').test(andWho) && !(played && /^who w/.test(andWho)))
      spec = applySpecWords(spec, `with ${andWho}`).spec;
    // "my camping gear and whether it's packed": a yes or no of one word.
    const andWhether = language ? null : wordPattern('andWhetherIt').exec(text)?.[1];
    if (andWhether && wordPattern('booleanWords').test(andWhether)) spec = applySpecWords(spec, `with ${andWhether}`).spec;
    // "my friends and whether I sent a card", "my sleep and how many times I woke up": a field, as after "with".
    const andAsked = language ? null : wordPattern('andAskedOf').exec(text)?.[1];
    if (andAsked) spec = applySpecWords(spec, `with ${andAsked}`).spec;
    // "the jobs I've applied to and interview dates": dates of something, joined by "and", are a field.
    const andDates = language ? null : /\band ([a-z]+ dates)$/.exec(text)?.[1];
    if (andDates && !findField(primaryOf(spec), andDates, true)) spec = applySpecWords(spec, `with ${andDates}`).spec;
    // Already a field of the records (read from the words around it): "my prescriptions and refill
    // dates", or by another name ("subscriptions and renewal dates" on their Renews date).
    // Or already named among what is left out: "my subscriptions and passwords" (no vault).
    const unkept = (language ? [] : secondRecords(text, spec)).filter(
      (word) =>
        ![word, word.replace(/s$/, '')].some((w) => findField(primaryOf(spec), w, true)) &&
        !leftOut.some((l) => l.includes(word.replace(/s$/, ''))),
    );
    const unread: string[] = [];
    for (const word of unkept) {
      // A measure joined to the records is one of their fields: "my mood and energy" (a number).
      // ("my swimming laps and time": the time it took, beside a count.)
      const counted = generic && word === 'time' && primaryOf(spec).fields.some((f) => f.type === 'number');
      let measured = applySpecWords(spec, `with ${counted ? 'minutes' : word}`).spec;
      const added = fieldsAdded(primaryOf(spec).fields, measured);
      // "my caffeine intake" is called caffeine, not the vocabulary's amount.
      const what = word.replace(wordPattern('measureTail'), '');
      if (added.length === 1 && added[0]!.id === 'amount' && what !== word) {
        const relabelled = { ...added[0]!, label: capital(what) };
        measured = {
          ...measured,
          entities: measured.entities.map((e) => ({ ...e, fields: e.fields.map((f) => (f === added[0] ? relabelled : f)) })),
        };
      }
      // So is what each one may have had: "my baby's first foods and any reactions", and what the
      // field vocabulary names as a field, not a thing: "my medication and side effects", or what
      // set each off: "my migraines and triggers".
      const vocabulary = FIELD_WORDS.some(([names]) => names.includes(word)) || /^(?:possible )?triggers$/.test(word);
      if (added.length > 0 && (/^any /.test(word) || vocabulary || added.every((f) => !/text/.test(f.type)))) spec = measured;
      else unread.push(word);
    }
    if (unread.length > 0)
      leftOut.push(
        `${unread.join(' and ')} as ${unread.length === 1 ? 'a second kind' : 'other kinds'} of record (the app keeps ${primaryOf(spec).plural.toLowerCase()})`,
      );
    const interpreted = generic || standIn || leftOut.length > 0 || language !== null;
    return {
      outcome: 'spec',
      spec,
      interpretedAs: interpreted ? `${spec.phrase}${translatedNote.length > 0 ? ` (${translatedNote[0]})` : ''}` : null,
      leftOut,
      language: language?.name ?? null,
    };
  }
  // A kind only hinted at ("something for my math homework") is a reading, and is said to be one.
  // Not for a game: a kind's hint words ("card", "math") read a game as some other app. A game
  // named only after "for" is what the app serves ("dice for my board game").
  const gameHead = (text.split(wordPattern('gameHeadEnd'))[0] ?? '').trim();
  const game = GAME_REQUEST.test(gameHead);
  // One's own characters are a story's or a game's, not letters to count.
  const ownCharacters = analysis.kind === 'wordcount' && /\bmy (?:[a-z]+ ){0,2}characters\b/.test(text);
  const hinted =
    !kindNamed && !theme && !game && !ownCharacters && analysis.kind !== null && limits.every((l) => !l.core)
      ? analysis.kind
      : null;
  const anyGame = !kindNamed && !theme && game && limits.length === 0 && ANY_GAME.test(gameHead);
  // A calculator's formula asked for without the word ("split the dinner bill with tip") is that
  // calculator, said as a reading.
  const formula =
    !kindNamed && !theme && !hinted && !game && limits.every((l) => !l.core) && analysis.features.some((f) => FORMULA_TITLES[f])
      ? 'calculator'
      : null;
  const kind = kindNamed ?? (theme ? theme.kind : null) ?? hinted ?? formula ?? (anyGame ? 'game' : null);
  if (kind) {
    const extraLeftOut = [...leftOut];
    const special =
      kind === 'calculator'
        ? specialCalculator(text, formulaWords(analysis.features))
        : kind === 'timer'
          ? specialTimer(text)
          : kind === 'converter'
            ? specialConversion(text)
            : kind === 'game'
              ? specialGame(text)
              : kind === 'clock'
                ? specialClock(text)
                : kind === 'drawing'
                  ? specialDrawing(text)
                  : kind === 'devtools'
                    ? specialDevtools(text)
                    : kind === 'page'
                      ? NOTE.pageWords
                      : null;
    if (special) extraLeftOut.push(special);
    extraLeftOut.push(...featureGaps(text, { kind, exportsJson: false }));
    const other = joinedKind(text, kind, analysis.scores);
    // Unless a note already names it ("a task list beside the timer").
    const otherWords = APP_KINDS[other ?? kind].phrase.split(' ').filter((w) => !/^(?:a|an|app|and)$/.test(w));
    // So is an everyday app joined to the tool built first: "a calculator and a habit tracker".
    const everyday = matched ?? inHead;
    const otherApp = other
      ? extraLeftOut.some((note) => otherWords.some((w) => new RegExp(`\\b${w}`).test(note)))
        ? null
        : APP_KINDS[other].phrase
      : everyday &&
          kindNamed === kind &&
          joined(text, keywordSpans(text, [everyday.keyword]), kindSpans(text, kind), TOOL_NOUNS[kind] !== undefined)
        ? everyday.preset.phrase
        : null;
    if (otherApp) extraLeftOut.push(asWell(otherApp, APP_KINDS[kind].phrase));
    // Any other timer than a focus timer ("an egg timer") gets the focus timer's adjustable countdown, said as a reading.
    const intervals = kind === 'timer' && analysis.features.includes('intervals');
    const otherTimer =
      kind === 'timer' &&
      !FOCUS_TIMER.test(text) &&
      !intervals &&
      !analysis.features.includes('stopwatch') &&
      !analysis.features.includes('metronome');
    // An interval timer takes the focus timer's place: one asked for as well is named.
    if (intervals && /\b(?:pomodoro|focus)\b/.test(text)) extraLeftOut.push(asWell(APP_KINDS.timer.phrase, INTERVAL_TIMER));
    const interpreted =
      extraLeftOut.length > 0 || language !== null || hinted !== null || formula !== null || otherTimer || anyGame;
    return {
      outcome: 'template',
      kind,
      interpretedAs: interpreted
        ? `${anyGame ? ANY_GAME_READING : kind === 'game' ? gamePhrase(analysis.features) : intervals ? INTERVAL_TIMER : APP_KINDS[kind].phrase}${translatedNote.length > 0 ? ` (${translatedNote[0]})` : ''}`
        : null,
      leftOut: extraLeftOut,
      language: language?.name ?? null,
    };
  }
  if (limits.length > 0) return notBuildable(limits, language);
  // A measure named alone, as one's own ("my cat's weight", "our electricity usage") or as the time
  // one practises ("driving practice hours", "hours of piano lessons"): a tracker of it, said as a reading.
  if (!game && !/^track /.test(text) && measureAlone(text)) {
    const tracked = readRequest(`track ${text}`);
    if (tracked.outcome === 'spec') return tracked;
  }
  const excerpt = prompt.replace(/\s+/g, ' ').trim().slice(0, 80);
  // The request's opening words, put in as they are (a "$" in them is no replacement pattern).
  const message = WORD_LISTS[game ? 'noGame' : 'notUnderstood'].replace('{excerpt}', () => excerpt);
  return refusal('REQUEST_NOT_UNDERSTOOD', message, [], null);
}
