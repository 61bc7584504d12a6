import {
  FIELD_KINDS_FOR,
  viewFieldType,
  MAX_ENTITY_FIELDS,
  type AppSpec,
  type BehaviourSpec,
  type EntitySpec,
  type FieldSpec,
  type ViewSpec,
} from './app-spec-schema';
import { accentAsked, matchPhrase, SHADED_COLOUR } from '../request-analysis';
import { featureGaps } from './feature-gaps';
import { FIELD_WORDS, PRESETS } from './presets';
import { WORD_LISTS, wordPattern } from './word-lists';

/**
 * Reads what a request or a change request says about the app's shape and applies it to a spec:
 * "with notes and a rating" adds fields, "by category" groups, "total per category", "streaks",
 * "filter by tag", "flip cards", "a timer", "dark mode", "remove the rating field". Every change
 * is named in words so the plan can say what it did. Works on normalised text (lower case, no
 * punctuation), and returns a new spec.
 */

export interface WordsApplied {
  readonly spec: AppSpec;
  /** What changed, as "added a notes field", "grouped by category". */
  readonly changes: string[];
  /** What was asked but not added, in plain words (fields beyond what a record holds). */
  readonly leftOut: string[];
  /** Fields a change asked to add that the records have already, by their labels ("add a rating" on books). */
  readonly present: string[];
}

const has = (text: string, re: RegExp): boolean => re.test(text);

/**
 * A countdown to a date or an event, not of minutes: "a countdown to my wedding", "days until
 * Christmas", "how many days till my birthday" (a countdown timer of 10 minutes is a timer).
 */
export const COUNTDOWN_TO_DATE = wordPattern('countdownToDate');

/** Dates that come round every year. */
const YEARLY_DATES = wordPattern('yearlyDates');

/**
 * Other words for a field an everyday app already has, by field id: they name that field where
 * the app has it, and make no field of their own elsewhere ("position" in a league is no job).
 * Written as data in ./word-list-sources.ts (`fieldAliases`).
 */
const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = WORD_LISTS.fieldAliases;

function primaryOf(spec: AppSpec): EntitySpec {
  return spec.entities.find((e) => !e.parent) ?? spec.entities[0]!;
}

export function camel(words: string): string {
  const parts = words.split(' ').filter(Boolean);
  const id = parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return /^[a-z]/.test(id) ? id.slice(0, 30) : `f${id}`.slice(0, 30);
}

function titleCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field called by `words`, of `type`: "Finished on", a date. */
function fieldNamed(words: string, type: FieldSpec['type']): FieldSpec {
  return { id: camel(words), label: titleCase(words), type, required: false };
}

/**
 * The field a word refers to in an entity: by id, by label, or by the field vocabulary (any
 * vocabulary word inside `word`; with `exact`, only a vocabulary phrase that is all of it).
 */
/** Nouns that are the same in both numbers, or that name something other in the singular. */
export const PLURAL_ONLY = new Set([
  'series',
  'diabetes',
  'news',
  'physics',
  'measles',
  'shingles',
  'species',
  'savings',
  'earnings',
  'finances',
  'belongings',
  'clothes',
  'news',
  'fish',
  'sheep',
]);

/** Plurals in -ies whose singular ends in -ie, not -y. */
const IE_PLURALS = new Set(['calories', 'movies', 'cookies', 'pies', 'ties', 'lies', 'selfies', 'zombies', 'smoothies']);

/** A word's singular: "companies" is "company", "addresses" "address", "movies" "movie". */
export function singular(word: string): string {
  if (PLURAL_ONLY.has(word)) return word;
  if (IE_PLURALS.has(word)) return word.slice(0, -1);
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (wordPattern('achesWords').test(word)) return word.slice(0, -1);
  if (/(ches|shes|xes|sses|lenses)$/.test(word)) return word.slice(0, -2);
  if (/izzes$/.test(word)) return word.slice(0, -3);
  return word.replace(/s$/, '');
}

/** A phrase with its last word in the singular: "follow up dates" is "follow up date". */
const one = (words: string): string => words.replace(/[a-z]+$/, (w) => singular(w));

export function findField(entity: EntitySpec, word: string, exact = false): FieldSpec | undefined {
  const w = one(word);
  const direct = entity.fields.find((f) => {
    // "Elevation gain (m)" is the elevation gain; "Course or alley" the course; "Customer" the customer name.
    const label = f.label.toLowerCase().replace(/ \(.+\)$/, '');
    return (
      f.id.toLowerCase() === word ||
      [word, word.replace(/ name$/, '')].includes(label) ||
      one(label) === w ||
      label.split(' or ').some((part) => part === word || one(part) === w) ||
      // "start date" is a date called Start.
      (f.type === 'date' && / date$/.test(word) && label === word.replace(/ date$/, '')) ||
      // "bottle count" is the bottles.
      (f.type === 'number' && / count$/.test(word) && label.replace(/s$/, '') === w.replace(/ count$/, '').replace(/s$/, '')) ||
      FIELD_ALIASES[f.id]?.includes(word) ||
      // "with flights and hotels" on plans of a kind Flight, Hotel…: the choice holds them.
      // ("after meals" on a When of "After a meal".)
      // ("breast" on a Kind of "Left breast" and "Right breast": the values it ends two of.)
      (f.type === 'choice' &&
        (f.options?.some((o) => [w, word].includes(o.toLowerCase().replace(/ an? /, ' '))) ||
          (f.options?.filter((o) => o.toLowerCase().endsWith(` ${w}`)).length ?? 0) > 1))
    );
  });
  if (direct) return direct;
  const known = exact ? FIELD_WORDS.find(([names]) => names.includes(word))?.[1] : vocabularyField(word);
  const found = known
    ? entity.fields.find((f) => f.id === known.id || (f.type === known.type && ['tags', 'rating', 'image'].includes(f.type)))
    : undefined;
  // "bait used", "fish caught": the records' bait, their fish.
  const bare = word.replace(wordPattern('doneToThing'), '');
  return found ?? (bare !== word ? findField(entity, bare, exact) : undefined);
}

/**
 * A plural said in a list beside a value of one of the records' choices ("oil changes, tire
 * rotations" beside a Work of "Oil change"): that choice, and the value to add, in the number its
 * neighbour's value is in; otherwise undefined.
 */
function siblingValue(entity: EntitySpec, words: string, listText: string): { field: FieldSpec; option: string } | undefined {
  if (!/^[a-z]{3,}(?: [a-z]{3,}){0,2}s$/.test(words) || vocabularyField(words)) return undefined;
  const parts = listText
    .split(/[,:;]| and | or /)
    .map((p) => p.trim().replace(/^(?:and|or|with|the|my|our) /, ''))
    .filter((p) => p && p !== words);
  for (const field of entity.fields) {
    if (field.type !== 'choice' || !field.options || field.options.length >= 12) continue;
    for (const option of field.options) {
      const o = option.toLowerCase();
      if (parts.includes(o) && o.endsWith('s')) return { field, option: titleCase(words) };
      if (parts.some((p) => p === `${o}s` || p === `${o}es`)) return { field, option: titleCase(singular(words)) };
    }
  }
  return undefined;
}

/**
 * "when it started", "when they end" (read as "starts on"): on records with a Date of their own,
 * the time of day it starts or ends, as "start time" or "end time"; otherwise null.
 */
function startOrEndTime(entity: EntitySpec, words: string): string | null {
  const m = /^(?:when (?:i|we|it|they|you|he|she) (started|began|ended|stopped)|(start|end|stop)s on)$/.exec(words);
  if (!m || !entity.fields.some((f) => f.id === 'date' && f.type === 'date')) return null;
  return /^(?:end|stop)/.test(m[1] ?? m[2]!) ? 'end time' : 'start time';
}

/** The records have the day it is done: "finished on", or a date called by the word ("when they renew" on a Renews). */
function hasDayOf(entity: EntitySpec, done: string): boolean {
  return !!findField(entity, `${done} on`) || findField(entity, done)?.type === 'date';
}

function vocabularyField(phrase: string): FieldSpec | undefined {
  for (const [words, field] of FIELD_WORDS) if (words.some((w) => ` ${phrase} `.includes(` ${w} `))) return field;
  return undefined;
}

/**
 * Every vocabulary field a list item names, read left to right, a longer name before a shorter
 * one: commas are gone by now, so "sets, reps" arrives as "sets reps" and names two fields, while
 * "due date" names one.
 */
function vocabularyFields(chunk: string): Array<{ readonly word: string; readonly field: FieldSpec }> {
  const words = chunk.split(' ');
  const found: Array<{ word: string; field: FieldSpec }> = [];
  const exact = (phrase: string): FieldSpec | undefined => FIELD_WORDS.find(([names]) => names.includes(phrase))?.[1];
  for (let i = 0; i < words.length;) {
    // The longest name first: "body fat percentage", then "body fat", then "fat".
    const size = [3, 2, 1].find((n) => i + n <= words.length && exact(words.slice(i, i + n).join(' '))) ?? 1;
    const word = words.slice(i, i + size).join(' ');
    // ("a part time job", "my free time", "screen time": what kind of job or time, no time of day.)
    const field = word === 'time' && /^(?:part|full|free|spare|screen)$/.test(words[i - 1] ?? '') ? undefined : exact(word);
    if (field && !found.some((f) => f.field.id === field.id)) found.push({ word, field });
    i += size;
  }
  return found;
}

/** Whether a behaviour works on a field of an entity (filters, sorts, totals… by it). */
function behaviourUses(b: BehaviourSpec, entityId: string, fieldId: string): boolean {
  return 'entity' in b && b.entity === entityId && Object.values(b).some((v) => v === fieldId);
}

/** Whether a view or a behaviour of `spec` works on the field `fieldId` of entity `entityId`. */
export function fieldInUse(spec: Pick<AppSpec, 'views' | 'behaviours'>, entityId: string, fieldId: string): boolean {
  return (
    spec.behaviours.some((b) => behaviourUses(b, entityId, fieldId)) ||
    spec.views.some((v) => v.entity === entityId && v.field === fieldId)
  );
}

/** A plain status's steps by the records' name (`statusOptions`), compiled once. */
const STATUS_STEPS = WORD_LISTS.statusOptions.map(([pattern, steps]) => [new RegExp(pattern), steps] as const);

class SpecEditor {
  entities: EntitySpec[];
  views: ViewSpec[];
  behaviours: BehaviourSpec[];
  look: AppSpec['look'];
  readonly changes: string[] = [];
  /** Fields asked for when the record already held as many as it can. */
  readonly tooMany: string[] = [];
  /** Behaviour and view types the words removed: the same words add none of them back. */
  readonly removed = new Set<string>();

  constructor(private readonly spec: AppSpec) {
    this.entities = spec.entities.map((e) => ({ ...e, fields: [...e.fields] }));
    this.views = [...spec.views];
    this.behaviours = [...spec.behaviours];
    this.look = { ...spec.look };
  }

  get primary(): EntitySpec {
    return this.entities.find((e) => !e.parent) ?? this.entities[0]!;
  }

  /** Adds `field` unless the entity has it; `asked`: the words that asked for it, for what is left out. */
  addField(entity: EntitySpec, field: FieldSpec, say = true, asked?: string): FieldSpec {
    // (Nor one of a label the records have: two fields called "Next due" would be one to the person.)
    const existing = entity.fields.find((f) => f.id === field.id || f.label === field.label);
    if (existing) return existing;
    if (entity.fields.length >= MAX_ENTITY_FIELDS) {
      const words = asked ?? field.label.toLowerCase();
      if (say && !this.tooMany.includes(words)) this.tooMany.push(words);
      return entity.fields[entity.fields.length - 1]!;
    }
    // A category of recipes or books is theirs ("Dessert", "Fiction"), not the vocabulary's general one.
    const kinds = field.id === 'category' && WORD_LISTS.categoryOptions[entity.id];
    // A plain status of a shelter's dogs or of gym members is theirs, not a task's To do / Doing / Done.
    const steps =
      field.id === 'status' && field.options?.join() === 'To do,Doing,Done'
        ? STATUS_STEPS.find(([pattern]) => pattern.test(entity.name.toLowerCase()))?.[1]
        : undefined;
    const options = kinds || steps;
    const added = options ? { ...field, options: [...options] } : field;
    entity.fields.push(added);
    const label = field.label.toLowerCase();
    if (say) this.changes.push(`added ${/^(?:[aeiou]|hour|honou?r)/.test(label) ? 'an' : 'a'} ${label} field`);
    return added;
  }

  addBehaviour(b: BehaviourSpec, words: string): void {
    if (this.removed.has(b.type)) return;
    const key = JSON.stringify(b);
    if (this.behaviours.some((x) => JSON.stringify(x) === key)) return;
    if (
      b.type !== 'total' &&
      b.type !== 'sort' &&
      this.behaviours.some((x) => x.type === b.type && JSON.stringify({ ...x }) === key)
    )
      return;
    this.behaviours.push(b);
    this.changes.push(words);
  }

  addView(v: ViewSpec, words: string): void {
    if (this.removed.has(v.type)) return;
    if (this.views.some((x) => x.type === v.type && x.entity === v.entity && x.field === v.field)) return;
    // The new view comes first: it is what the person asked to see.
    this.views.unshift(v);
    this.changes.push(words);
  }

  firstOf(entity: EntitySpec, types: readonly string[]): FieldSpec | undefined {
    return entity.fields.find((f) => types.includes(f.type));
  }

  /** Puts `next` where `field` was (same id, so the behaviours and views on it stay). */
  replaceField(entity: EntitySpec, field: FieldSpec, next: FieldSpec): void {
    entity.fields[entity.fields.indexOf(field)] = next;
  }

  /**
   * Gives a field another type, keeping its id and label (and so its data's place); views and
   * behaviours that cannot use the new type go with a word, a list view staying.
   */
  retypeField(entity: EntitySpec, field: FieldSpec, type: FieldSpec['type'], said: string): void {
    const next: FieldSpec = { id: field.id, label: field.label, type, required: field.required };
    this.replaceField(entity, field, next);
    const fits = (kind: string, key: 'field' | 'by'): boolean =>
      (FIELD_KINDS_FOR[key === 'by' ? 'group' : kind] ?? [type]).includes(type);
    const dropped = this.behaviours.filter(
      (b) =>
        'entity' in b &&
        b.entity === entity.id &&
        (('field' in b && b.field === field.id && !fits(b.type, 'field')) ||
          ('by' in b && b.by === field.id && !fits(b.type, 'by')) ||
          ('weight' in b && b.weight === field.id && type !== 'number') ||
          ('divisor' in b && b.divisor === field.id && !fits(b.type, 'field'))),
    );
    this.behaviours = this.behaviours.filter((b) => !dropped.includes(b));
    const views = this.views.filter((v) => {
      const wanted = viewFieldType(v.type);
      return !(v.entity === entity.id && v.field === field.id && wanted && wanted !== type);
    });
    const goneViews = this.views.filter((v) => !views.includes(v)).map((v) => `${v.type} view`);
    this.views = views.some((v) => v.entity === entity.id) ? views : [...views, { type: 'list', entity: entity.id, field: null }];
    const gone = [...goneViews, ...dropped.map((b) => b.type)];
    this.changes.push(
      `made the ${field.label.toLowerCase()} field ${said}${gone.length > 0 ? ` (the ${gone.join(' and the ')} by it ${gone.length > 1 ? 'go' : 'goes'})` : ''}`,
    );
  }

  removeField(entity: EntitySpec, field: FieldSpec): void {
    if (entity.fields.length <= 1) return;
    entity.fields = entity.fields.filter((f) => f !== field);
    this.behaviours = this.behaviours.filter((b) => !behaviourUses(b, entity.id, field.id));
    this.views = this.views.filter((v) => !(v.entity === entity.id && v.field === field.id));
    if (!this.views.some((v) => v.entity === entity.id)) this.views.push({ type: 'list', entity: entity.id, field: null });
    this.changes.push(`removed the ${field.label.toLowerCase()} field`);
  }

  /**
   * Takes out a field the words added or that a worked-out figure stands for, said neither as
   * added nor as removed (a Pace entered beside the pace worked out, "reorder points" read as Points).
   */
  takeBack(entity: EntitySpec, field: FieldSpec): void {
    const said = this.changes.length;
    this.removeField(entity, field);
    this.changes.length = said;
    const added = this.changes.indexOf(`added a ${field.label.toLowerCase()} field`);
    if (added >= 0) this.changes.splice(added, 1);
  }

  result(): AppSpec {
    // A balance keeps to its kind's options: one whose field the words retyped, or whose options
    // they changed, is left out rather than taking off what is no longer there.
    const behaviours = this.behaviours.filter((b) => {
      if (b.type !== 'balance') return true;
      const options = this.entities.find((e) => e.id === b.entity)?.fields.find((f) => f.id === b.kind)?.options ?? [];
      return b.minus.every((m) => options.includes(m)) && options.some((o) => !b.minus.includes(o));
    });
    return { ...this.spec, entities: this.entities, views: this.views, behaviours, look: this.look };
  }
}

/** One item of a list of things the records have: "notes", "roast level", "date mileage". */
interface ListItem {
  readonly words: string;
  /**
   * True when the list can only be naming what each record has ("with vintage, region and
   * rating"; "add a region" in a change request), so a name the vocabulary lacks is a field of
   * its own. Lists after "that tracks" or "has" name fields only from the vocabulary.
   */
  readonly names: boolean;
  /** An item of a list of things to keep, not of fields: "a shopping list: milk, eggs, bread". */
  readonly example?: boolean;
  /**
   * A word of the app's parts that names one of the records' fields here: its list has three
   * items or more and none names a part of the app ("reminders", "dark mode").
   */
  readonly fieldAmongFields?: boolean;
}

/** Words before "with" that make it no list of fields: "share with my friends", "sign in with Google". */
const NOT_A_FIELD_LIST = wordPattern('notAFieldList');

/** The parts an app lacks, said in words (feature-gaps.ts). */
const GAP_NEEDS = WORD_LISTS.gapNeeds;

/** Fields whose values a colon's list gives: "a category: food, rent or fun", "the status for each task: …". */
const CHOICE_NAMES = wordPattern('choiceNames');

/**
 * Requests that name their records by something done with them, said as the records with a field:
 * "which of my friends I've sent cards to" (each with a yes or no), "track who's bringing snacks
 * each game" (the games, with who brings them), "which keys open which doors" (the keys, with their
 * doors). The reader finds the records in this text (read-request.ts) and the fields in it here.
 */
export function recordsWithField(text: string): string {
  return text
    .replace(wordPattern('whichOnesIDid', 'g'), 'my $1 with whether $2')
    .replace(wordPattern('whoBringsEach', 'g'), '$1 my $3s with who brings $2')
    .replace(wordPattern('whichOpensWhich', 'g'), 'my $1 with $2');
}

/**
 * "with notes, a rating and tags" → notes, rating, tags (also after "that records", "tracks",
 * "logs"); stops at the next clause. Commas (kept as " , " in `text` when the request's own
 * punctuation is known) part the items too, so "with artist, album and year" names three.
 */
function withLists(
  text: string,
  revision: boolean,
  records: readonly string[],
  isField: (word: string) => boolean = () => false,
  holdsThings = false,
  appWords: readonly string[] = [],
): ListItem[] {
  const items: ListItem[] = [];
  // "to" ends a list ("with notes to remember"), but not inside the name of a bug's steps; nor
  // does "in" before a unit ("distance in km").
  // "a habit tracker for flossing and reading": what goes on the list, as after a colon.
  const forThings = holdsThings ? wordPattern('habitThingsFor', 'g') : null;
  // (What stands before a list is read in the text the list was found in.)
  const listed = recordsWithField(forThings ? text.replace(forThings, '$1 : $2') : text)
    .replace(/\bsteps to reproduce\b/g, 'repro steps')
    // "who does what each day of the week": who does each, and the day.
    .replace(
      /\b(who (?:does|do|is doing|cooks|drives|brings) (?:what|it|them|each))(?: on)? (?:each|every) (day of the week|day|week)\b/g,
      '$1 and $2',
    )
    // "length each month", "height every week": a measure read at those times, the measure itself.
    .replace(
      /\b(length|height|weight|size|mileage|balance|temperature|waist|reading|readings|(?:words|pages|songs|laps|steps) (?:learned|learnt|read|written|played|swum|walked)) (?:each|every|per|a|once a) (?:day|week|month|year|time|visit)\b/g,
      '$1',
    )
    // "my plants fertilizing schedule": the plants, with when each is fed next.
    .replace(/\b(plants?) (fertili[sz]ing|fertili[sz]er) schedule\b/g, '$1 with $2 schedule')
    // "with days in a row", "consecutive days": a streak, which no field holds.
    .replace(wordPattern('streakAsks', 'g'), 'streak')
    // "pace calculated automatically": the pace (worked out by no one but the person; a note says so).
    .replace(wordPattern('derivedAsks', 'g'), '')
    // "receipts upload": the receipts (a note says what an upload is here).
    .replace(wordPattern('uploadWords', 'g'), '')
    // "where I can attach receipts and mark reimbursed": a receipt and a yes or no for reimbursed.
    .replace(wordPattern('attachWhere', 'g'), 'with ')
    .replace(wordPattern('markDone', 'g'), 'and whether $1')
    // "paid with" at a list's end: how it was paid.
    .replace(wordPattern('paidWith', 'g'), 'payment method')
    // "assign tasks to people": who each one is for.
    .replace(wordPattern('assignedToPeople', 'g'), 'with assignee')
    // "date finished", "date read": the day it was done, as "finished on".
    .replace(new RegExp(DATE_DONE.source, 'g'), '$1 on')
    // "when planted": the day it was, as "planted on".
    .replace(wordPattern('whenDoneOnce', 'g'), '$1 on')
    // "add a field for cooking time", "a column called format": the field's own words.
    .replace(wordPattern('fieldCalled', 'g'), '$1 ')
    // "track which dogs I walked, the owner …": the list begins at the dogs.
    .replace(/\bkeep track of\b/g, 'to track')
    // "keep the list of books, who suggested them …": the books.
    .replace(/\b(?:a |the )?lists? of /g, '')
    // "track which students handed in their homework": the students, each with a yes or no.
    .replace(
      wordPattern('whichRecordsDid', 'g'),
      (_m, verb: string, records: string, did: string, what: string) =>
        `${verb} ${records} with whether ${/^(?:handed|turned) in$/.test(did) ? 'submitted' : did.split(' ')[0]} ${what}`,
    )
    // "every coffee I try, the roaster, the origin …": what each one has, listed after it.
    .replace(/\b((?:every|each) [a-z]+(?: [a-z]+)? (?:i|we) [a-z]+) ?, ?(?=the [a-z]+(?: [a-z]+)? ?,)/g, '$1 with ')
    // "my video games and which ones I finished": each with a yes or no for it.
    .replace(wordPattern('whichOnesDone', 'g'), 'with whether $1')
    // "a yes or no for card sent": a card sent checkbox; "whether it's built or still boxed": built.
    .replace(wordPattern('yesNoFor', 'g'), '$1 checkbox')
    // "autopay yes/no", "autopay y/n": an Autopay checkbox.
    .replace(wordPattern('yesNoAfter', 'g'), '$1 checkbox')
    .replace(wordPattern('whetherOr', 'g'), 'whether $1')
    // "which of my plants need repotting": each with a yes or no for it.
    .replace(wordPattern('whichNeed', 'g'), '$1 my $2 with whether needs $3')
    .replace(wordPattern('trackWhichWhat', 'g'), '$1 ')
    // "my running shoes and how many miles each has", "track board games we played and who won":
    // what each of the records has.
    .replace(wordPattern('recordsAndHow'), '$1 with ')
    // "when to harvest": its date; "where I bought it": the place, as "bought at".
    // ("when to take them", of medicines: the time of day they are taken.)
    .replace(/\bwhen to take (them|it|each(?: one)?)\b/g, 'time')
    .replace(/\bwhen to ([a-z]+)/g, '$1 date')
    // "when they will arrive", "when it expires": the day it does.
    .replace(wordPattern('whenItDoes', 'g'), 'with $1s on')
    .replace(wordPattern('whereDone', 'g'), '$1 at')
    // "where to stream them": the streaming service; "paid status": whether paid.
    .replace(wordPattern('whereToStream', 'g'), 'streaming service')
    .replace(wordPattern('howMuchSun', 'g'), 'sunlight needs')
    .replace(/\b(?:paid|payment) status\b/g, 'paid')
    // "my favourite ones": which of the records are favourites.
    .replace(/\bfavou?rite ones\b/g, 'favourite')
    // "planned and actual costs": a planned cost and an actual cost.
    .replace(wordPattern('plannedAndActual', 'g'), '$1 $3 and $2 $3')
    // "from, to": where to (a list does not end at this "to").
    .replace(wordPattern('fromAndTo', 'g'), 'from$1destination')
    // "rent received", "fees paid": the money (not whether it was).
    .replace(wordPattern('moneyReceived', 'g'), '$1')
    // "lucid or not": whether lucid; "kwh used": the kWh.
    .replace(wordPattern('orNot', 'g'), 'whether $1')
    .replace(wordPattern('unitsUsed', 'g'), '$1')
    // "whether I got paid": whether paid.
    .replace(
      /\bwhether (?:(?:i|we|they|he|she) (?:got|get|gets|was|were|have been|has been|am|are|is)|(?:ive|weve|theyve|hes|shes) been) (paid|tipped|reimbursed)\b/g,
      'whether $1',
    )
    // "how they are related": their relation; "my weight over time": the weight.
    .replace(wordPattern('howRelated', 'g'), 'relation')
    .replace(/ over time\b/g, '')
    // "when I went to bed, when I woke up": the bedtime and the wake-up time.
    .replace(wordPattern('wentToBed', 'g'), 'bedtime')
    .replace(wordPattern('wokeUp', 'g'), 'wake up time')
    // "start and end dates": a start date and an end date.
    .replace(wordPattern('pairedDates', 'g'), '$1 $3 and $2 $3')
    // "nap start and end": the nap's start and its end.
    .replace(
      /\b(nap|shift|class|lesson|meeting|session|trip|visit) (start|begin) and (end|finish)\b(?! (?:dates?|times?)\b)/g,
      '$1 $2 and $1 $3',
    )
    // "a shopping list that says where to buy each item": the store of each.
    .replace(wordPattern('whereToBuy', 'g'), (_w, says?: string) => (says ? 'with store' : 'store'))
    // "how many miles are on each pair": the miles.
    .replace(wordPattern('howManyOnEach', 'g'), '$1')
    // "certificate earned": whether certified, not pay.
    .replace(wordPattern('certificateEarned', 'g'), 'whether certified')
    // "whether dogs are allowed": dogs allowed.
    .replace(wordPattern('whetherTheyAre', 'g'), 'whether $1 $2')
    // "whether I'd buy again": would buy again.
    .replace(/\bwhether (?:i|we)(?:d| would) /g, 'would ')
    // "where each one is kept", "where I store them": where it is.
    .replace(wordPattern('whereKept', 'g'), 'location')
    // "I want to log my runs. I need distance, pace and how I felt.": a later sentence's list.
    .replace(wordPattern('laterSentenceList', 'g'), 'with')
    // "I collect sneakers. Brand, model, size.": a sentence that is only a list.
    .replace(wordPattern('sentenceOnlyList', 'g'), 'plus ')
    // "my coffee: which beans, grams …": the beans; "chore, which kid, points": the kid.
    .replace(/(:\s+)which /g, '$1')
    .replace(wordPattern('whichBeforeField', 'g'), '$1')
    .replace(wordPattern('inBeforeUnit', 'g'), '');
  for (const m of listed.matchAll(wordPattern('fieldLists', 'g'))) {
    const verb = m[1] ?? m[2] ?? '';
    const before = listed.slice(0, m.index).replace(/[ ,]+$/, '');
    // "a payment method field with cash, card or transfer", "a category for each expense: food,
    // transport or fun": the field's values (read below).
    if (/\b(?:field|column)$/.test(before)) continue;
    // "a dropdown with high, medium and low": the choice's values (read below), no fields.
    if (verb === 'with' && wordPattern('choiceWordLast').test(before)) continue;
    if (verb === ':' && (CHOICE_NAMES.test(before) || isField(before.split(' ').pop()!))) continue;
    // "recipes need a title, …" names their fields; "my parents need a tracker" does not.
    // ("my plants need water" says what they need now, no list of fields.)
    if (verb === 'need' && (!records.includes(before.split(' ').pop()!) || !/,| and |^(?:a|an|the) /.test(m[3] ?? ''))) continue;
    // "Italian, Mexican and Thai recipes": kinds of the records, no fields.
    if (verb === 'plus' && records.some((r) => new RegExp(`\\b${r}\\b`).test(m[3] ?? ''))) continue;
    // "a sleep tracker that records bedtime and dreams": what the app's records hold (not other
    // records: "light, soil and pot size" of a plant tracker are each plant's).
    const appRecords =
      /^(?:records|tracks|logs|keeps)$/.test(verb) &&
      /\b(?:app|tracker|log|list|journal|planner|diary|record|catalog(?:ue)?|chart|book|sheet) (?:that|which)$/.test(before);
    // Lists that can only name what each record has: "with …", "each run should have …", "my tea: …".
    const names =
      (appRecords ||
        wordPattern('namingVerbs').test(verb) ||
        (revision && /^(?:add|adding|have|has)$/.test(verb)) ||
        // "each order has the customer name, …": what every record has.
        (/^(?:has|have)$/.test(verb) && /\b(?:each|every) [a-z]+$/.test(before))) &&
      // "my friends with their birthdays": the records themselves, not whom the app is shared with.
      // ("catalog them by country and year" is about the records, by the words before it.)
      // "catalog them with brand, model and year": the records, by the verb that keeps them.
      (verb === 'by' ||
        !NOT_A_FIELD_LIST.test(before) ||
        records.includes(before.split(' ').pop()!) ||
        // "a vaccine record for my family with person, vaccine …": the record's, for the family.
        (verb === 'with' && /\bfor (?:my|our|the) (?:whole |entire )?(?:family|friends)$/.test(before)) ||
        // "a recipe app with prep time and servings", "an event planner app with venue": the records' app.
        (verb === 'with' &&
          [...records, ...appWords, 'planner', 'tracker', 'log', 'list', 'journal'].includes(
            /(\w+) app$/.exec(before)?.[1] ?? '',
          )) ||
        wordPattern('keepThem').test(before));
    // "a packing list: passport, charger", "my habits: meditate, stretch": records to keep, when
    // the records are things on a list and none of the words names a field.
    const parts = (m[3] ?? '')
      .split(/\b(?:and|or)\b|,/)
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    // ("a shopping list with milk, eggs and bread" too: three or more things, none of them a field's word.)
    if (
      (verb === ':' || (verb === 'with' && names && parts.length > 2 && /\b(?:shopping|grocery|packing) list$/.test(before))) &&
      holdsThings &&
      parts.length > 1 &&
      // (Not what the app does: "habit tracker: daily, weekly habits; mark complete; longest streak".)
      !parts.some((p) => records.some((r) => p.includes(r)) || wordPattern('appDoesWords').test(p)) &&
      (parts.every(
        (p) =>
          !vocabularyFields(p).length &&
          !measureField(p) &&
          !records.includes(p) &&
          /^(?:text|number)$/.test(namedField(p, [])?.type ?? 'text') &&
          !wordPattern('thingKindWords').test(p),
      ) ||
        // ("my daily habits: water, exercise, no sugar" are habits, though water could be a field.)
        (/\bhabits$/.test(before) && !parts.some((p) => wordPattern('habitFieldWords').test(p))))
    ) {
      items.push(...parts.map((words) => ({ words, names: false, example: true })));
      continue;
    }
    // "track which dogs I walked, the owner, the date": a list that starts with the records
    // themselves goes on with what each one has.
    let namesRest = names;
    // ("home or away", "morning or evening": one field of two values, not two fields.)
    const all = (m[3] ?? '')
      .replace(/\b([a-z]+) or ([a-z]+)\b/g, (pair, a: string, b: string) => (valuePair(a, b) ? `${a}_or_${b}` : pair))
      .split(/\b(?:and|or)\b|,/)
      .map((p) => p.replace(/_or_/, ' or '));
    // ("a surf log with beach, board and wave height": a board sport's board is gear.)
    const gear = wordPattern('boardSports').test(text);
    // ("a film photography log with camera and film stock": a photographer's camera is gear too.)
    const photo = /\b(?:film|photos?|photograph\w*|lens(?:es)?)\b/.test(text);
    const amongField = (p: string): boolean =>
      wordPattern('fieldsAmongFields').test(p) || (gear && p === 'board') || (photo && /^cameras?$/.test(p));
    const amongFields =
      (all.length > 2 || (photo && all.some((p) => /^cameras?$/.test(p.trim())))) &&
      !all.some((p) => NOT_FIELD_WORDS.test(p) && !amongField(p.trim()));
    for (const [i, part] of all.entries()) {
      // "with my girlfriend", "with our kids": whose, not what; only the vocabulary reads it.
      // ("with their grades" are the records' own.)
      // ("with my interpretation", "my thoughts": what one made of it is one's own field.)
      const owned = /^\s*(?:my|our|your|his|her)\b/.test(part) && !wordPattern('ownWordsAbout').test(part);
      const words = part
        // "one thing I learned", "something I learned today": what one learned (before the clause goes, below).
        .replace(
          /^\s*(?:one thing|something|a thing) (i|we) ([a-z]+ed|learnt|did|saw|read|ate)(?: today| that day)?\s*$/,
          'what $1 $2',
        )
        // "Track each market, …": the verb of a sentence that lists what each record has.
        .replace(wordPattern('trackEachVerb'), '')
        // "goals she scored": the goals scored (before the clause goes, below).
        .replace(wordPattern('goalsSheScored'), '$1 scored')
        // "the episode I'm on", "the date we planted them": the thing before the clause.
        .replace(wordPattern('beforeClause'), '$1')
        .replace(wordPattern('itemArticles', 'g'), ' ')
        .replace(/\s+/g, ' ')
        .trim()
        // "the value of each item": its value.
        .replace(wordPattern('measureOfEach'), '$1')
        // "eggs laid per week": the eggs laid, whatever the period.
        .replace(wordPattern('measurePerPeriod'), '$1')
        // "how many packets I have": the number of them.
        .replace(wordPattern('howManyIHave'), 'number of $1')
        // "player counts": each one's count of players.
        .replace(/^([a-z]+) counts$/, '$1 count')
        // "the story behind each one": the story.
        .replace(/ (?:behind|about) (?:it|them|one)$/, '')
        // "energy from 1 to 5", "focus out of 10": the energy (a number).
        .replace(wordPattern('scaleTail'), '')
        // "whether they paid this month": whether they paid.
        .replace(wordPattern('whetherWhenTail'), '');
      // "a goal of times per week": a goal, said apart (feature-gaps.ts), no field.
      if (/^(?:goals?|targets?) (?:of|for)\b/.test(words)) continue;
      if (i === 0 && /,/.test(m[3] ?? '') && records.some((r) => r.replace(/s$/, '') === words.replace(/s$/, '')))
        namesRest = true;
      // In a change, "add my mood" asks for the field ("also track my mood").
      if (words)
        items.push({
          words,
          // ("… that tracks my runs and my weight": my runs are records of their own, my weight a field.)
          names: namesRest && (!owned || (appRecords && !/s$/.test(words)) || (revision && /^(?:add|adding)$/.test(verb))),
          fieldAmongFields: amongFields && amongField(words),
        });
    }
  }
  return items;
}

/** "bottle amounts" of records whose choice offers Bottle and that keep an amount: that amount. */
function amountOfKind(entity: EntitySpec, words: string): FieldSpec | undefined {
  const kind = /^([a-z]+) (?:amounts?|quantit(?:y|ies))$/.exec(words)?.[1];
  if (!kind) return undefined;
  const offered = entity.fields.some(
    (f) => f.type === 'choice' && f.options?.some((o) => [kind, singular(kind)].includes(o.toLowerCase())),
  );
  return offered ? entity.fields.find((f) => f.id === 'amount' || f.id === 'quantity') : undefined;
}

/** Two words that are the two values of one field: "home or away", "indoor or outdoor". */
const valuePair = (a: string, b: string): boolean =>
  a !== b && wordPattern('choiceValueWords').test(a) && wordPattern('choiceValueWords').test(b);

/** What was done on a day: "finished", "read", "bought". */
const DONE_ON = String.raw`(?!due\b)[a-z]{3,}ed|read|done|sold|bought|paid|begun|won`;
/** "date finished", "date read": a date named by what was done on it (read as "finished on"). */
const DATE_DONE = new RegExp(String.raw`\bdate (${DONE_ON})\b`);
/** "finished on", as "date finished" is read. */
const ON_DAY = new RegExp(`^(${DONE_ON}) on$`);

/** A list item that names another app's records by its container word: "a packing list", "a water tracker". */
const SECOND_APP = wordPattern('secondApp');

/**
 * Words of a list item that name no field: what the app does or looks like ("dark mode", "a
 * calendar", "search", "streaks"), who uses it, and parts no record holds ("reminders", "a
 * chart"). Other rules read those words; a field named by them would be noise.
 */
const NOT_FIELD_WORDS = wordPattern('notFieldWords');

/** A number by its last word: "pages", "servings", "year", "temperature". */
export const NUMBER_WORDS = wordPattern('numberWords');
/** Money by its last words ("price" and "cost" are in the vocabulary): "fee", "hourly rate". */
const MONEY_WORDS = wordPattern('moneyWords');
/** A date by its words ("date" itself is in the vocabulary): "birthday", "expiry", "bought on". */
const DATE_WORDS = wordPattern('dateWords');
/** A yes/no: one word such as "paid" or "returned", or words that ask "whether …". */
const BOOLEAN_WORDS = wordPattern('booleanWords');
/** Long text by its last word: "ingredients", "instructions", "action items". */
const LONG_WORDS = wordPattern('longWords');

/** Two or three words ending in what they measure: "flour amount", "play time", "start date". */
const MEASURE_HEAD = wordPattern('measureHead');
/** "bedtime", "departure time": a time of day. */
const CLOCK_TIMES = wordPattern('clockTimes');

/** Money words before a measure: "payment amount" is money, "flour amount" a number. */
const MONEY_MODIFIER = wordPattern('moneyModifier');

/** How bad a bug is, beside how soon it is to be fixed (its priority). */
const SEVERITY_LEVELS: FieldSpec = {
  id: 'severity',
  label: 'Severity',
  type: 'choice',
  required: false,
  options: ['Minor', 'Major', 'Critical', 'Blocker'],
};

/** "when I froze it" is the date it was frozen on. */
const PARTICIPLES: Readonly<Record<string, string>> = {
  froze: 'frozen',
  ate: 'eaten',
  took: 'taken',
  gave: 'given',
  wrote: 'written',
};

/** The day a logged thing was done on, by the verb or the thing ("films I watch": Watched on). */
const DAY_DONE: ReadonlyArray<readonly [RegExp, readonly [string, string]]> = [
  [/^(?:watch|film|movie)$/, ['watchedOn', 'Watched on']],
  [/^(?:read|finish|book)$/, ['finishedOn', 'Finished on']],
  [/^visit$/, ['visitedOn', 'Visited on']],
  [/^(?:see|saw|seen)$/, ['seenOn', 'Seen on']],
  [/^play$/, ['playedOn', 'Played on']],
  [/^(?:tast|tri|try|eat|ate)$/, ['triedOn', 'Tried on']],
];

/** Numbers that name a thing rather than count it: a serial number, a phone number. */
const ID_NUMBER = wordPattern('idNumber');

/**
 * The field a list item names by a measure word after another ("flour amount": a number called
 * so), or null: for one word, a vocabulary phrase ("due date"), or words that name no field.
 */
function measureField(asked: string): FieldSpec | null {
  // "expiry dates": an expiry date each.
  const words = asked.replace(/ (date|time)s$/, ' $1');
  const m = MEASURE_HEAD.exec(words);
  const [, modifier = '', head = ''] = m ?? [];
  // "player count" is a field, "streak count" none.
  // "owner phone number" is a phone.
  if (
    !m ||
    NOT_FIELD_WORDS.test(modifier) ||
    FIELD_WORDS.some(([names]) => names.some((n) => n === words || (n.includes(' ') && words.endsWith(` ${n}`))))
  )
    return null;
  const id = camel(words);
  if (!/^[a-z][a-zA-Z0-9]{0,30}$/.test(id)) return null;
  const type: FieldSpec['type'] =
    head === 'date'
      ? 'date'
      : head === 'time' && CLOCK_TIMES.test(words)
        ? 'time'
        : head === 'time' || (head === 'number' && ID_NUMBER.test(modifier))
          ? 'text'
          : head === 'price' || head === 'cost' || MONEY_MODIFIER.test(modifier)
            ? 'money'
            : 'number';
  return { id, label: titleCase(words).slice(0, 40), type, required: false };
}

/** Who did it, by the verb's past participle: "who gave them" → "given by", "who paid" → "paid by". */
/** A field that names whose a record is, or who does it. */
const PERSON_FIELD = wordPattern('personField');

/** What one did, as done: "took" is "taken", "sent" stays "sent". */
const IRREGULAR_DONE: Record<string, string> = {
  gave: 'given',
  took: 'taken',
  drove: 'driven',
  wrote: 'written',
  saw: 'seen',
  ate: 'eaten',
  wore: 'worn',
  did: 'done',
};
const participle = (verb: string): string => IRREGULAR_DONE[verb] ?? verb;
const doneBy = (verb: string): string => `${participle(verb)} by`;

/**
 * The field a list item names when the vocabulary has no word of it: "vintage" (text), "pages"
 * (a number), "birthday" (a date), "whether bought" (a yes/no), "action items" (long text). Null for words that name no
 * field (see NOT_FIELD_WORDS), parts the app cannot have, the records themselves, and anything
 * longer than three words or with digits.
 */
function namedField(asked: string, entities: readonly EntitySpec[]): FieldSpec | null {
  // "home or away": a choice of the two.
  const pair = /^([a-z]+) or ([a-z]+)$/.exec(asked);
  if (pair && valuePair(pair[1]!, pair[2]!)) {
    const options = [pair[1]!, pair[2]!].map((o) => (o.length <= 2 ? o.toUpperCase() : titleCase(o)));
    return { id: camel(`${pair[1]} or ${pair[2]}`), label: titleCase(asked), type: 'choice', required: false, options };
  }
  // "who borrowed what", "who paid": a person, "Borrowed by".
  const doer = wordPattern('whoDid').exec(asked)?.[1];
  if (doer) return fieldNamed(doneBy(doer), 'text');
  // "who does them": a person.
  if (/^who (?:does|do|is doing)\b/.test(asked)) return { id: 'who', label: 'Who', type: 'text', required: false };
  // "whether bought" is a yes/no called "Bought".
  const yesNo = BOOLEAN_WORDS.test(asked);
  // ("whether a deposit was paid": Deposit paid.)
  const words = yesNo
    ? asked
        .replace(wordPattern('whetherPrefix'), '')
        .replace(/^(?!(?:one|it|they|each|he|she|we|i)\b)([a-z]+) (?:was|were|is|are|has been|have been) /, '$1 ')
    : asked;
  // "average speed", "top speed": a number of its own, though an average is also a behaviour.
  const statistic = wordPattern('topOfMeasure').exec(words)?.[1];
  if (statistic && NUMBER_WORDS.test(statistic) && /^[a-z][a-zA-Z0-9]{0,30}$/.test(camel(words)))
    return { id: camel(words), label: titleCase(words).slice(0, 40), type: 'number', required: false };
  const parts = words.split(' ');
  if (parts.length > 3 || /\d/.test(words) || NOT_FIELD_WORDS.test(words) || wordPattern('appDoesWords').test(words)) return null;
  if (parts.some((w) => w.length < 2) || (words.length < 3 && !/^(?:ph|og|fg)$/.test(words))) return null;
  // A budget beside records that hold amounts is a limit on them, not a field of each.
  if (/(?:^| )budget$/.test(words) && entities.some((e) => !e.parent && e.fields.some((f) => f.type === 'money'))) return null;
  // The records themselves ("a recipe book with recipes") or others of the app.
  const plain = words.replace(/s$/, '');
  // "books read" in a reading list: how many of the records, no field of one. (A day named after
  // one record is one of its fields: "warranty end", "subscription end".)
  const ownDay = parts.length > 1 && !/s$/.test(parts[0]!) && DATE_WORDS.test(words);
  const first = ownDay ? plain : parts[0]!.replace(/s$/, '');
  if (entities.some((e) => [e.name, e.plural, e.id].some((n) => [plain, first].includes(n.toLowerCase().replace(/s$/, '')))))
    return null;
  // "race name" on race results that have a name, "pattern name" on sewing patterns: theirs.
  if (
    parts.length === 2 &&
    parts[1] === 'name' &&
    entities.some(
      (e) => e.name.toLowerCase().split(' ').includes(parts[0]!) && e.fields.some((f) => /^(?:name|title)$/.test(f.id)),
    )
  )
    return null;
  const typeOf = (said: string): FieldSpec['type'] =>
    CLOCK_TIMES.test(said)
      ? 'time'
      : DATE_WORDS.test(said)
        ? 'date'
        : yesNo
          ? 'boolean'
          : MONEY_WORDS.test(said)
            ? 'money'
            : NUMBER_WORDS.test(said)
              ? 'number'
              : LONG_WORDS.test(said)
                ? 'longtext'
                : 'text';
  // "budgets", "birthdays": one of each per record, as its one would be.
  const single = one(words);
  const named =
    single !== words &&
    (typeOf(words) === 'text'
      ? !/^(?:text|longtext)$/.test(typeOf(single))
      : typeOf(words) === 'date' && typeOf(single) === 'date' && /(?:[^e]s|ies)$/.test(words))
      ? single
      : words;
  // (A brewer's original and final gravity and alcohol, said as brewers write them.)
  const label = /^ph(?: levels?)?$/.test(named)
    ? 'pH'
    : /^(?:og|fg|abv|mpg|mph|kph|rpm|bpm)$/.test(named)
      ? named.toUpperCase()
      : titleCase(named)
          .replace(/^Kwh\b/, 'kWh')
          .slice(0, 40);
  const id = camel(named);
  if (!/^[a-z][a-zA-Z0-9]{0,30}$/.test(id)) return null;
  return { id, label, type: typeOf(named), required: false };
}

/** A time asked as such among a list's items: "date, time and place". */
const BARE_TIME = /(?:^|,|\b(?:and|with|or|plus)) times?(?= *(?:,|$|\b(?:and|or)\b))/;

/** Fields a preset names plainly, which take the word a request asks them by: [their label, the words]. */
const CALLED_AS_ASKED: Readonly<Record<string, readonly [string, RegExp]>> = {
  name: ['Name', /^(?:title|item|product|ingredient)$/],
  time: ['Time', /^start(?:ing)? time$/],
  teacher: ['Teacher', /^(?:instructor|coach|tutor|professor|lecturer|trainer)$/],
  focus: ['Practised', /^(?:songs?|pieces?)$/],
  to: ['To', /^destination$/],
  where: ['Place', /^(?:organi[sz]ation|charity)$/],
};

/** The types a change can give a field, by the words for them. */
const RETYPES: ReadonlyArray<readonly [RegExp, FieldSpec['type']]> = [
  [wordPattern('booleanAsked'), 'boolean'],
  [/^(?:number|whole number|count)$/, 'number'],
  [/^date$/, 'date'],
  [/^(?:time|time of day|clock time)$/, 'time'],
  [/^(?:long text|paragraph|text area)$/, 'longtext'],
  [/^(?:text|text field|short text)$/, 'text'],
  [wordPattern('moneyAsked'), 'money'],
  [/^(?:rating|star rating|stars)$/, 'rating'],
  [/^tags$/, 'tags'],
  [/^(?:link|url|web address)$/, 'url'],
  [/^(?:photo|image|picture)$/, 'image'],
];
/** "change status to a checkbox", "make the rating a number": the field, then the words of a type above. */
const FIELD_RETYPE = new RegExp(
  `${WORD_LISTS.fieldRetype}(${RETYPES.map(([words]) => words.source.slice(1, -1)).join('|')})(?: field)?$`,
);
const TYPE_WORDS: Readonly<Record<FieldSpec['type'], string>> = {
  text: 'text',
  longtext: 'long text',
  number: 'a number',
  money: 'an amount of money',
  date: 'a date',
  time: 'a time of day',
  boolean: 'a yes or no',
  rating: 'a star rating',
  tags: 'tags',
  url: 'a link',
  image: 'a photo',
  choice: 'a choice',
};

/** A number field of `entity` named by one of `ids` (its id or its label's first word). */
function numberField(entity: EntitySpec, ids: RegExp): FieldSpec | undefined {
  return entity.fields.find((f) => f.type === 'number' && (ids.test(f.id) || ids.test(f.label.toLowerCase().split(/[ (]/)[0]!)));
}

/** The distance and the minutes a pace or a speed is worked out from, when the records keep both. */
function paceFrom(entity: EntitySpec): { distance: FieldSpec; minutes: FieldSpec } | null {
  const distance = numberField(entity, /^(?:distance|km|kilomet(?:re|er)s|miles)$/);
  const minutes = numberField(entity, /^(?:minutes|mins|duration|time)$/);
  return distance && minutes ? { distance, minutes } : null;
}

/** Whether a distance is in miles: its field says so, or the request does and no km. */
const inMiles = (distance: FieldSpec, text: string): boolean =>
  /\bmiles?\b/i.test(distance.label) ||
  (!/\bkm\b|kilomet/i.test(distance.label) && /\bmiles?\b/.test(text) && !/\bkm\b|kilomet/.test(text));

/**
 * A profit or a net asked for where the records keep what came in and what it cost ("my ebay
 * sales with sold price, fees and profit"): each record's price less its costs, worked out. A
 * Profit field the words added goes: the figure takes its place. Null when the records keep no
 * price and no cost to work it out from.
 */
function differenceAsked(ed: SpecEditor, primary: EntitySpec, text: string): [BehaviourSpec, string] | null {
  const asked = wordPattern('differenceAsks').exec(text);
  if (!asked || ed.behaviours.some((b) => b.type === 'difference' && b.entity === primary.id)) return null;
  const numbers = primary.fields.filter((f) => f.type === 'money' || f.type === 'number');
  const named = (pattern: string) => numbers.filter((f) => new RegExp(pattern).test(f.label.toLowerCase()));
  // The most particular name of what came in first: a sold price before a plain amount.
  const price = WORD_LISTS.differenceIn.map((p) => named(p)[0]).find((f) => f !== undefined);
  const costs = named(wordPattern('differenceOut').source).filter((f) => f !== price);
  if (!price || costs.length === 0 || price.type !== costs[0]!.type) return null;
  const label = /^net\b/.test(asked[0]) ? 'Net' : 'Profit';
  const entered = primary.fields.find(
    (f) => f !== price && new RegExp(`^(?:${label.toLowerCase()}|profit|net|margin)$`).test(f.label.toLowerCase()),
  );
  if (entered) {
    primary.fields = primary.fields.filter((f) => f !== entered);
    ed.behaviours = ed.behaviours.filter((b) => !behaviourUses(b, primary.id, entered.id));
    ed.views = ed.views.filter((v) => !(v.entity === primary.id && v.field === entered.id));
  }
  const less = costs.filter((f) => f.type === price.type).slice(0, 4);
  return [
    { type: 'difference', entity: primary.id, field: price.id, less: less.map((f) => f.id), label },
    `worked out the ${label.toLowerCase()} (${price.label.toLowerCase()} less ${less.map((f) => f.label.toLowerCase()).join(' and ')})`,
  ];
}

/**
 * The ratios a request asks for on `primary`, each with the words saying it was added: a fuel
 * economy on fill-ups (adding the distance, and gallons for miles per gallon), a pace or a speed
 * on records that keep a distance and minutes, and "cost per kWh" where the records keep both.
 * A ratio needs two fields the records keep; one it cannot be worked out from is left to the
 * feature gaps, which say so.
 */
function ratiosAsked(ed: SpecEditor, primary: EntitySpec, text: string): Array<[BehaviourSpec, string]> {
  const found: Array<[BehaviourSpec, string]> = [];
  const ratio = (field: FieldSpec, divisor: FieldSpec, label: string, scale = 1): void => {
    if (field.id === divisor.id) return;
    found.push([
      { type: 'ratio', entity: primary.id, field: field.id, divisor: divisor.id, scale, label },
      `worked out the ${label.toLowerCase()} of each ${primary.name.toLowerCase()}`,
    ]);
  };
  // A field the words added that is the figure itself, now worked out, or that the figure's own
  // field replaces (litres beside the gallons asked): not entered as well. (Said neither as added nor as removed.)
  const worked = (id: string): void => {
    const entered = primary.fields.find((f) => f.id === id && (f.type === 'number' || f.type === 'money'));
    if (
      !entered ||
      fieldInUse({ views: ed.views, behaviours: ed.behaviours.filter((b) => b.type !== 'average') }, primary.id, id)
    )
      return;
    ed.takeBack(primary, entered);
  };
  // Fuel economy asked, and in which unit.
  const economy = wordPattern('fuelEconomyAsks').test(text);
  const perHundred = economy && wordPattern('fuelPerHundred').test(text);
  const kmPerLitre = economy && !perHundred && wordPattern('fuelKmPerLitre').test(text);
  const us = wordPattern('fuelUsUnits').test(text);
  const milesPerGallon = economy && !perHundred && !kmPerLitre && us;
  // Gallons asked of a fuel log, by name or by miles per gallon, are its fuel, in place of the
  // litres it keeps until told otherwise.
  const litres = numberField(primary, /^(?:litres|liters)$/);
  const gallonsSaid = /\bgallons?\b/.test(text) && !/\b(?:litres?|liters?)\b/.test(text);
  if (litres && (gallonsSaid || milesPerGallon)) {
    if (findField(primary, 'gallons', true)) worked(litres.id);
    else if (!fieldInUse(ed.result(), primary.id, litres.id))
      ed.replaceField(primary, litres, { ...litres, id: 'gallons', label: 'Gallons' });
  }
  // The economy itself, on records that keep the fuel put in.
  const fuel = (us ? numberField(primary, /^gallons$/) : undefined) ?? numberField(primary, /^(?:litres|liters|gallons|fuel)$/);
  if (fuel && economy) {
    const distanceField = (id: string, label: string): FieldSpec =>
      numberField(primary, /^(?:distance|km|kilomet(?:re|er)s|miles)$/) ??
      ed.addField(primary, { id, label, type: 'number', required: false });
    if (perHundred) ratio(fuel, distanceField('distance', 'Distance (km)'), 'Litres per 100 km', 100);
    else if (kmPerLitre) ratio(distanceField('distance', 'Distance (km)'), fuel, 'Km per litre');
    else if (milesPerGallon) {
      worked('mpg');
      ratio(distanceField('miles', 'Miles'), fuel, 'Miles per gallon');
    } else ratio(fuel, distanceField('distance', 'Distance (km)'), 'Litres per 100 km', 100);
  }
  // A pace (minutes per km or mile) and a speed, from each record's distance and minutes.
  const pace = paceFrom(primary);
  if (pace) {
    // (A swim's distance in metres: its pace per 100 m.)
    const metres = /\(m\)$/.test(pace.distance.label);
    const unit = inMiles(pace.distance, text) ? 'mile' : metres ? '100 m' : 'km';
    if (/\bpace\b/.test(text) && !/\b(?:no|without) (?:a |the )?pace\b/.test(text)) {
      worked('pace');
      ratio(pace.minutes, pace.distance, `Pace (min per ${unit})`, metres ? 100 : 1);
    }
    // (An average speed listed beside the distance and the time is worked out too: the overall
    // figure is the average, the distance over the time.)
    // (Listed without the time, an average speed stays each ride's own, entered from a speedometer.)
    if (
      wordPattern('speedWorkedOut').test(text) ||
      (/\baverage speeds?\b/.test(text) && /\b(?:time|duration|minutes|how long)\b/.test(text))
    ) {
      worked('speed');
      worked('averageSpeed');
      ratio(pace.distance, pace.minutes, `Speed (${unit === 'mile' ? 'mph' : 'km/h'})`, metres ? 0.06 : 60);
    }
  }
  // "cost per kWh", "price per serving": an amount over a number the records keep.
  for (const m of text.matchAll(wordPattern('costPer', 'g'))) {
    const amount = primary.fields.find((f) => f.type === 'money');
    const per = findField(primary, m[2]!);
    // (Named as said, "Cost per serving", or as the field is where it has capitals of its own: "Cost per kWh".)
    const unit = /^.+[A-Z]/.test(per?.label ?? '') ? per!.label : m[2] === 'kwh' ? 'kWh' : m[2]!;
    const label = `${titleCase(m[1]!.replace(/^spen\w*/, 'spent').replace(/s$/, ''))} per ${unit}`;
    if (amount && per?.type === 'number') ratio(amount, per, label);
    // Of records that keep no such number, the price per unit is each one's own, entered ("price per
    // cup" at a lemonade stand; "price per kg" on a price list), not a grouping by it.
    else if (
      wordPattern('perUnitWords').test(m[2]!) &&
      !primary.fields.some((f) => f.label.toLowerCase() === label.toLowerCase())
    ) {
      // (In place of a plain Cost or Price the same words added: "cost per unit" asks for one amount.)
      const plain = primary.fields.find((f) => f.type === 'money' && f.label.toLowerCase() === m[1]!.replace(/s$/, ''));
      if (
        plain &&
        !fieldInUse(ed.result(), primary.id, plain.id) &&
        ed.changes.includes(`added a ${plain.label.toLowerCase()} field`)
      )
        worked(plain.id);
      ed.addField(primary, { id: camel(label.toLowerCase()), label, type: 'money', required: false });
    }
  }
  return found;
}

/**
 * The thresholds a request asks for on `primary`: stock down to a reorder point of each item's
 * own ("reorder alerts", "tell me when stock is low"; a Reorder at field is added where the
 * records keep none), and shoes run to the distance they are retired at ("when to replace them").
 */
function thresholdsAsked(ed: SpecEditor, primary: EntitySpec, text: string): Array<[BehaviourSpec, string]> {
  const found: Array<[BehaviourSpec, string]> = [];
  const quantity = numberField(primary, /^(?:quantity|stock|qty|count|amount|left|remaining|servings)$/);
  if (quantity && wordPattern('lowStockAsks').test(text)) {
    // ("reorder points" were read as a field called Points.)
    const points = primary.fields.find((f) => f.id === 'points' && f.type === 'number');
    if (points && /\breorder points?\b/.test(text) && !fieldInUse(ed.result(), primary.id, 'points'))
      ed.takeBack(primary, points);
    const limit =
      numberField(primary, /^(?:reorder\w*|minimum\w*|min|threshold|par\w*)$/) ??
      ed.addField(primary, { id: 'reorderAt', label: 'Reorder at', type: 'number', required: false });
    if (limit.type === 'number' && limit.id !== quantity.id)
      found.push([
        { type: 'threshold', entity: primary.id, field: quantity.id, limit: limit.id, below: true, label: 'Low stock' },
        `picked out the ${primary.plural.toLowerCase()} at or below their ${limit.label.toLowerCase()}`,
      ]);
  }
  // Shoes (or anything) run to the distance they are retired at.
  const distance = numberField(primary, /^(?:distance|miles|km|mileage)$/);
  const retire = numberField(primary, /^(?:retireat|retire|replaceat|replace)$/i);
  if (
    distance &&
    retire &&
    /\b(?:when to (?:replace|retire)|(?:replace|retire) them|time to (?:replace|retire)|need(?:s)? (?:replacing|replaced|to be replaced))\b/.test(
      text,
    )
  )
    found.push([
      { type: 'threshold', entity: primary.id, field: distance.id, limit: retire.id, below: false, label: 'Time to replace' },
      `picked out the ${primary.plural.toLowerCase()} at or past their ${retire.label.toLowerCase()}`,
    ]);
  return found;
}

/**
 * The change from record to record a request asks for on `primary` ("the change since last week",
 * "how much I've lost", "usage" of a meter, "miles driven between them"): on the number it names,
 * else the one a weight, a height, a meter or an odometer keeps, else its only number; each
 * person's, meter's or car's records a series of their own. A total the same "how much" asked of
 * that number (a sum of weigh-ins) goes: the change is what was meant. Records with no date keep
 * no order to change in, and get none.
 */
function changeAsked(ed: SpecEditor, primary: EntitySpec, text: string): Array<[BehaviourSpec, string]> {
  const asked = wordPattern('changeAsks').exec(text);
  const dated = ed.firstOf(primary, ['date']);
  if (!asked || !dated) return [];
  const had = ed.behaviours.find((b) => b.type === 'change' && b.entity === primary.id);
  const [, moved, used, weightPhrase, driven, usage] = asked;
  const numbers = primary.fields.filter((f) => f.type === 'number' || f.type === 'money');
  const named = numbers.filter((f) => matchPhrase(f.label.replace(/ \(.+\)$/, '').toLowerCase(), text) !== null);
  const like = (pattern: RegExp): FieldSpec | undefined =>
    numbers.find((f) => pattern.test(f.id) || pattern.test(f.label.toLowerCase()));
  // The number the change's own words point to (a weight lost, a height grown, miles driven, a
  // meter's use), else the one named, else a level read each time, else the only number.
  const pointed = weightPhrase
    ? /^weight\b/
    : /^(?:grown|grew)$/.test(moved ?? '')
      ? /^(?:height|length)\b/
      : driven
        ? /^(?:odometer|mileage|readings?|value)\b/
        : usage || used
          ? /^(?:value|readings?|meter|odometer|mileage)\b/
          : null;
  const field = had
    ? primary.fields.find((f) => 'field' in had && f.id === had.field)
    : pointed
      ? like(pointed)
      : (named[0] ??
        like(/^(?:weight|height|value|readings?|balance|odometer|mileage)\b/) ??
        (numbers.length === 1 ? numbers[0] : undefined));
  // Of several numbers none named, the ones the app averages are the levels read each time:
  // "my blood pressure … changes over time" changes the systolic and the diastolic.
  const averaged = numbers.filter((f) =>
    ed.behaviours.some((b) => b.type === 'average' && b.entity === primary.id && b.field === f.id && !b.by),
  );
  const changed = field ? [field] : had ? [] : averaged;
  // ("energy usage" of a thing with no reading to take is no change: a screen time log's usage.)
  if (changed.length === 0 || (usage && !/\b(?:meters?|readings?|odometer)\b/.test(text))) return [];
  const ids = new Set(changed.map((f) => f.id));
  // Each kid's, meter's or car's own records.
  const by = primary.fields.find(
    (f) =>
      !ids.has(f.id) &&
      ['choice', 'text'].includes(f.type) &&
      /^(?:kid|child|person|who|owner|member|pet|meter|car|vehicle|account|patient)$/.test(f.id),
  );
  const label = driven ? 'Driven' : usage || used ? 'Used' : 'Change';
  // ("how much I used" of a meter whose readings change already: no sum of the readings as well.)
  // (Nor one of another number, unless a total is asked in other words: "how much she's gained"
  // of a growth log is no sum of the heights.)
  // (Nor "how much it went up each month" a sum of the balances per month.)
  if (/^(?:how much|(?:the )?total)\b/.test(asked[0]) && !wordPattern('totalAsked').test(text.replace(asked[0], ' '))) {
    for (const f of primary.fields) {
      const summed = (b: BehaviourSpec): boolean =>
        b.type === 'total' && b.entity === primary.id && b.field === f.id && (!b.by || ids.has(f.id));
      const said = (words: string): boolean => words.startsWith(`totalled ${f.label.toLowerCase()}`);
      if (!ed.changes.some(said) || !ed.behaviours.some(summed)) continue;
      ed.behaviours = ed.behaviours.filter((b) => !summed(b));
      ed.changes.splice(0, ed.changes.length, ...ed.changes.filter((words) => !said(words)));
    }
  }
  // "since last time" is when, not a Time to enter; "readings" and the miles driven are the odometer's own.
  const took = (f: FieldSpec | undefined): void => {
    if (f && !ids.has(f.id) && !fieldInUse(ed.result(), primary.id, f.id)) ed.takeBack(primary, f);
  };
  if (/\blast time\b/.test(text) && !/\btime\b/.test(text.replace(/\blast time\b/g, ' ')))
    took(primary.fields.find((f) => f.id === 'time' && f.type === 'time'));
  took(primary.fields.find((f) => /^(?:changes?|differences?)(?:[A-Z]\w*)?$/.test(f.id)));
  if (driven) {
    took(primary.fields.find((f) => /^readings?$/.test(f.id)));
    took(numberField(primary, /^(?:distance|miles|km)$/));
  }
  if (had) return [];
  return changed.map((f) => [
    // (Two changed are named by their numbers: "Systolic change", "Diastolic change".)
    {
      type: 'change',
      entity: primary.id,
      field: f.id,
      by: by?.id ?? null,
      label: changed.length > 1 ? `${f.label.replace(/ \(.+\)$/, '')} ${label.toLowerCase()}` : label,
    },
    `showed each ${primary.name.toLowerCase()}'s ${f.label.toLowerCase()} change since the one before${
      by ? ` of the same ${by.label.toLowerCase()}` : ''
    }`,
  ]);
}

/** Applies the words of `text` (normalised) to `spec`. */
export function applySpecWords(
  spec: AppSpec,
  text: string,
  options: {
    readonly revision?: boolean;
    /**
     * The same request normalised with its commas kept (`listText`), so a list's items are
     * known: "with vintage, region and rating". Without it, items part only at "and" and "or".
     */
    readonly listText?: string;
  } = {},
): WordsApplied {
  // "paid or unpaid", "read/unread status": one yes-or-no, not a second field for its opposite.
  // ("fiction/nonfiction" are two values of a choice.)
  const opposites = wordPattern('yesNoOpposites', 'g');
  const yesNo = (pair: string, word: string): string =>
    wordPattern('booleanWords').test(word) || wordPattern('doneStates').test(word) ? word : pair;
  text = text.replace(opposites, yesNo);
  const listed = options.listText?.replace(opposites, yesNo);
  const ed = new SpecEditor(spec);
  // Of several kinds of record, the one the request names ("a baby sleep tracker with nap times" on a baby log's sleeps).
  const word = (e: EntitySpec): boolean => [e.name, e.plural].some((n) => ` ${text} `.includes(` ${n.toLowerCase()} `));
  // ("my dogs and their walks with distance and duration": what each walk has.)
  // ("my students, their lessons and payments": what is paid is the lessons'.)
  const owned = ed.entities.find(
    (e) =>
      e.parent &&
      (` ${text} `.includes(` ${e.plural.toLowerCase()} with `) ||
        new RegExp(` (?:each|every) ${e.name.toLowerCase()} with `).test(` ${text} `) ||
        new RegExp(` ${e.plural.toLowerCase()} and (?:their |the )?(?:payments?|fees?|charges?|prices?|costs?)\\b`).test(
          ` ${text} `,
        )),
  );
  const primary = owned ?? ((!word(ed.primary) && ed.entities.find((e) => !e.parent && word(e))) || ed.primary);
  const negated = (re: string): boolean =>
    new RegExp(`\\b(no|without|remove|drop|disable|turn off|switch off|delete)\\s+(the\\s+)?(${re})`).test(text);

  // Removals first, so "remove the rating field and add tags" ends with tags and no rating.
  // In a change, a field's own name is enough: "remove the room".
  for (const m of text.matchAll(wordPattern('removeField', 'g'))) {
    const words = m[1]!;
    const field = m[2]
      ? findField(primary, words)
      : options.revision
        ? (findField(primary, words, true) ?? findField(primary, words.split(' ')[0]!, true))
        : undefined;
    if (field) ed.removeField(primary, field);
  }

  if (options.revision) {
    // "remove search", "no calendar": a behaviour or a view goes (a list stays).
    for (const m of text.matchAll(wordPattern('removeBehaviour', 'g'))) {
      const type = m[1]!;
      // (A goal is either kind: on a number, or on how many records there are.)
      const types: readonly string[] = type === 'goal' ? ['goal', 'count-goal'] : [type];
      for (const t of types) ed.removed.add(t);
      const views = ed.views.filter((v) => v.type !== type);
      const behaviours = ed.behaviours.filter((b) => !types.includes(b.type));
      if (views.length + behaviours.length === ed.views.length + ed.behaviours.length) continue;
      ed.views = views.some((v) => v.entity === primary.id)
        ? views
        : [...views, { type: 'list', entity: primary.id, field: null }];
      ed.behaviours = behaviours;
      ed.changes.push(`removed the ${type}`);
    }
    // "make rating required", "make the notes optional".
    const need = wordPattern('fieldRequired').exec(text);
    const needed = need ? findField(primary, need[1]!, true) : undefined;
    const required = need ? !/optional|not required/.test(need[2]!) : false;
    if (needed && needed.required !== required) {
      ed.replaceField(primary, needed, { ...needed, required });
      ed.changes.push(`made the ${needed.label.toLowerCase()} field ${required ? 'required' : 'optional'}`);
    }
    // "change status to a checkbox", "make the price a number": the field keeps its name, as another type.
    const retype = FIELD_RETYPE.exec(text);
    const retyped = retype ? findField(primary, retype[1]!, true) : undefined;
    const type = retype ? RETYPES.find(([words]) => words.test(retype[2]!))?.[1] : undefined;
    if (retyped && type && retyped.type !== type) ed.retypeField(primary, retyped, type, TYPE_WORDS[type]);
    // "rename amount to cost", "call the amount field cost": the field keeps its data, under a new name.
    // "change amount to cost" as well, when no type was asked and the new name is no value of it.
    const changed = retype ? null : wordPattern('changeFieldTo').exec(text);
    const renamed =
      wordPattern('renameField').exec(text) ??
      wordPattern('callField').exec(text) ??
      (changed && !findField(primary, changed[1]!, true)?.options?.some((o) => o.toLowerCase() === changed[2]) ? changed : null);
    const field = renamed ? findField(primary, renamed[1]!, true) : undefined;
    if (field) {
      const label = titleCase(renamed![2]!).slice(0, 40);
      ed.replaceField(primary, field, { ...field, label });
      ed.changes.push(`renamed the ${field.label.toLowerCase()} field to ${label}`);
    }
  }

  // Fields: "with notes and a rating", "with vintage, region and rating", "add a mood field",
  // "a field called mood".
  const secondApps: string[] = [];
  const present: string[] = [];
  const filtersLeftOut: string[] = [];
  const listText = listed ?? text;
  const examples: string[] = [];
  // The one-word names of the everyday app it is ("a wine app with wines, regions…" on tastings).
  const appWords = PRESETS.filter((p) => p.phrase === spec.phrase && p.entities.some((e) => e.id === primary.id)).flatMap((p) =>
    p.keywords.filter((k) => !k.includes(' ')),
  );
  const itemPeriods: string[] = [];
  // Fields listed before "log each walk with …" are the owner's ("the dogs I walk, their owners'
  // phone numbers, and log each walk with the date"); those after it, each walk's.
  const eachAt = owned
    ? listText.search(new RegExp(`\\b(?:log|track|record|note|keep) (?:each|every) ${owned.name.toLowerCase()} with `))
    : -1;
  const ownersOwn = eachAt > 0 ? ed.entities.find((e) => e.id === owned!.parent!.entity) : undefined;
  const listRecords = primary;
  // A habit's days: what is asked "for each day" ("notes for each day", "a daily mood") is each
  // day's check-in's, not the habit's.
  const days = ed.entities.find(
    (e) => e.parent?.entity === primary.id && ed.behaviours.some((b) => b.type === 'streak' && b.entity === e.id),
  );
  for (const raw of withLists(
    listText,
    options.revision === true,
    [primary.name, primary.plural].map((n) => n.toLowerCase()),
    (word) => primary.fields.some((f) => ['choice', 'text'].includes(f.type) && [f.id, f.label.toLowerCase()].includes(word)),
    /^(?:item|habit|task|chore)$/.test(primary.id),
    appWords,
  )) {
    const core = raw.words.replace(/^daily /, '').replace(/ day$/, '');
    const daily =
      days !== undefined &&
      /^[a-z ]+$/.test(core) &&
      new RegExp(`\\b(?:daily ${core}|${core} (?:for |on )?(?:each|every|a) day)\\b`).test(listText);
    const asked = daily ? { ...raw, words: core } : raw;
    // (The records this item is of: see `eachAt`.)
    const askedAt = listText.indexOf(asked.words);
    const primary = daily ? days : ownersOwn && askedAt >= 0 && askedAt < eachAt ? ownersOwn : listRecords;
    // "eggs collected per day": the eggs collected, totalled per day (read with the totals below),
    // when no word of it names a field already ("pages read per day" is the pages, by day).
    const perPeriod = / per (?:day|week|month|year)$/.exec(asked.words);
    const counted = perPeriod ? asked.words.slice(0, perPeriod.index) : '';
    const item =
      perPeriod &&
      counted.includes(' ') &&
      !/\d/.test(counted) &&
      vocabularyFields(counted).length === 0 &&
      !findField(primary, counted.split(' ')[0]!)
        ? { ...asked, words: counted }
        : asked;
    if (item !== asked) itemPeriods.push(asked.words.split(' ').at(-1)!);
    // "with deposits and withdrawals", "money in and out", "what's left": the kinds a balance adds
    // and takes off, and the balance itself, not fields.
    if (
      ed.behaviours.some((b) => b.type === 'balance' && b.entity === primary.id) &&
      wordPattern('balanceWords').test(item.words)
    )
      continue;
    // "with left and right side", "which side": the sides a choice holds already ("Left breast").
    if (
      /^(?:(?:the |which )?(?:left|right)(?: sides?| breasts?)?|(?:the |which )?(?:sides?|breasts?)(?: used)?)$/.test(
        item.words,
      ) &&
      primary.fields.some((f) => f.type === 'choice' && f.options?.some((o) => /^(?:left|right)\b/i.test(o)))
    )
      continue;
    if (item.example) {
      examples.push(item.words);
      continue;
    }
    // A task list's tasks are its chores: "each kid has chores".
    if (primary.id === 'task' && /^chores?$/.test(item.words)) continue;
    // "hours per subject" of records that keep their minutes: those minutes (totalled below).
    if (/^hours?\b/.test(item.words) && primary.fields.some((f) => f.id === 'minutes') && !findField(primary, 'hours')) continue;
    // "my credit cards with limits": what each card may owe, an amount of its own (no limit on spending).
    if (/^(?:credit )?limits?$/.test(item.words) && /\bcards?\b/i.test(primary.name)) {
      if (!findField(primary, 'credit limit'))
        ed.addField(primary, { id: 'creditLimit', label: 'Credit limit', type: 'money', required: false }, true, item.words);
      continue;
    }
    // "meeting dates" of meetings that keep their date: that date.
    if (item.words === `${primary.name.toLowerCase()} dates` && ed.firstOf(primary, ['date'])) continue;
    // "progress percentage", "percent complete": how far each one has got, as a number.
    if (wordPattern('progressPercent').test(item.words)) {
      if (!findField(primary, 'progress'))
        ed.addField(primary, { id: 'progress', label: 'Progress (%)', type: 'number', required: false }, true, item.words);
      continue;
    }
    // "start and end odometer readings": two readings, each a number of its own.
    const reading = wordPattern('odometerReading').exec(item.words);
    if (reading) {
      const label = `${titleCase(reading[1]!)} ${reading[2]}`;
      if (!findField(primary, label.toLowerCase()))
        ed.addField(primary, fieldNamed(label.toLowerCase(), 'number'), true, item.words);
      continue;
    }
    // "with spaced repetition", "audio pronunciation": a part the app lacks, said so (feature-gaps.ts),
    // no field. (Read to the item's end in the request: "best time to go" is no personal best.) A
    // pace worked out or a receipt uploaded is still a field, which the person fills in.
    const at = listText.indexOf(item.words);
    const said = at < 0 ? item.words : listText.slice(at).split(/[,;.]| and | or /)[0]!;
    const lacks = featureGaps(said, { kind: null, exportsJson: false, averages: true });
    if (lacks.some((need) => need !== GAP_NEEDS.derived && need !== GAP_NEEDS.upload)) continue;
    // "a limit of 2 hours a day": a goal or a limit (read below), no field.
    if (wordPattern('goalWithNumber').test(said)) continue;
    // "my favorite piece", "my favorite dish": a thing named, not the records' favourite flag.
    const favourite = wordPattern('favouriteThing').exec(item.words)?.[1];
    // ("my favourite links" on bookmarks are the records, each one a favourite or not; so are
    // "my favorite recipes" of recipes.)
    const theRecords = favourite !== undefined && [primary.name, primary.plural].some((n) => n.toLowerCase() === favourite);
    if (theRecords) {
      if (!primary.fields.some((f) => f.type === 'boolean' && /^favou?rite$/.test(f.id)))
        ed.addField(primary, { id: 'favorite', label: 'Favorite', type: 'boolean', required: false }, true, item.words);
      continue;
    }
    if (favourite && !NOT_FIELD_WORDS.test(favourite) && !findField(primary, favourite)) {
      if (!findField(primary, item.words)) ed.addField(primary, fieldNamed(item.words, 'text'), true, item.words);
      continue;
    }
    // "add habits and check them off each day": what the app does with them, not a day of theirs.
    if (wordPattern('checkOffWhen').test(item.words)) continue;
    // "email me a shopping list", "text us when …": what the app would do, no field (said as left out).
    if (wordPattern('messageSomeone').test(item.words)) continue;
    // "number of bottles" on wines that count their bottles is that field.
    // "bottle amounts" on feedings whose Kind offers Bottle: their Amount.
    const existing =
      findField(primary, item.words, true) ??
      findField(primary, item.words.replace(/^number of /, ''), true) ??
      amountOfKind(primary, item.words);
    // "oil changes, tire rotations" on services whose Work offers "Oil change": another value of
    // that choice, said as its neighbour is (was a text field called "Tire rotations").
    const value = !existing ? siblingValue(primary, item.words, listText) : undefined;
    if (value) {
      const options = value.field.options!;
      const other = options.indexOf('Other');
      const next = other < 0 ? [...options, value.option] : [...options.slice(0, other), value.option, ...options.slice(other)];
      ed.replaceField(primary, value.field, { ...value.field, options: next });
      ed.changes.push(`added ${value.option} to the ${value.field.label.toLowerCase()} choices`);
      continue;
    }
    // "item, stock, price and cost": what it sells for and what it cost, two amounts (the price
    // had been the cost, and one was dropped).
    const amount = /^(cost|price)s?$/.exec(item.words)?.[1];
    if (
      amount &&
      existing?.type === 'money' &&
      /^(?:cost|price)$/i.test(existing.label) &&
      existing.label.toLowerCase() !== amount &&
      /\bprices?\b/.test(listText) &&
      /\bcosts?\b/.test(listText)
    ) {
      ed.addField(primary, fieldNamed(amount, 'money'), true, item.words);
      continue;
    }
    if (existing) {
      // A card's sides asked for by their names keep them: "the word, its translation".
      if (/^(?:front|back)$/.test(existing.id) && existing.label.toLowerCase() === existing.id && item.words !== existing.id) {
        const label = titleCase(item.words).slice(0, 40);
        ed.replaceField(primary, existing, { ...existing, label });
        ed.changes.push(`called the ${existing.id} ${label}`);
      } else if (
        existing.label === CALLED_AS_ASKED[existing.id]?.[0] &&
        CALLED_AS_ASKED[existing.id]![1].test(item.words) &&
        !options.revision
      ) {
        // "artist, title", "item, quantity": the records' plain Name is called as asked; "start
        // time, end time": their Time is when each starts; a class's instructor is its Teacher.
        ed.replaceField(primary, existing, { ...existing, label: titleCase(item.words) });
      } else if (options.revision && !present.includes(existing.label)) present.push(existing.label);
      continue;
    }
    // A field or a kind of the records' own records ("a pet app with vet visits and vaccinations":
    // kinds of its care records), or the app's other records ("feedings, diapers and sleep").
    const theirs = (e: EntitySpec): boolean =>
      e.parent?.entity === primary.id
        ? !!findField(e, item.words, true)
        : [e.name, e.plural].some((n) => n.toLowerCase() === item.words);
    if (ed.entities.some((e) => e !== primary && theirs(e))) continue;
    // "breakfast lunch and dinner" said without commas: each word a value of a choice the records have.
    if (
      / /.test(item.words) &&
      item.words
        .split(' ')
        .every((w) => primary.fields.some((f) => f.type === 'choice' && f.options?.some((o) => o.toLowerCase() === w)))
    )
      continue;
    // "when they start" on records that keep their day already (a headache diary's Date): the
    // time of day it started, not a second day.
    const clock = startOrEndTime(primary, item.words);
    if (clock) {
      if (!findField(primary, clock)) ed.addField(primary, fieldNamed(clock, 'time'), true, item.words);
      continue;
    }
    // "finished on" (said "date finished"): the day it was done.
    const onDay = ON_DAY.exec(item.words)?.[1];
    if (onDay) {
      if (!hasDayOf(primary, onDay)) ed.addField(primary, fieldNamed(`${onDay} on`, 'date'), true, item.words);
      continue;
    }
    // "who the recipe came from", "who it is from": the person, as "From".
    if (wordPattern('whoFrom').test(item.words)) {
      if (!findField(primary, 'from')) ed.addField(primary, fieldNamed('from', 'text'), true, item.words);
      continue;
    }
    // "who picked them", "who lent it": the person, named by what they did, unless the field
    // vocabulary names a field the records have for the words ("who won": a chess game's Result).
    const doer = wordPattern('whoDid').exec(item.words)?.[1];
    if (doer && findField(primary, item.words, true)) continue;
    if (doer) {
      if (!findField(primary, doneBy(doer))) ed.addField(primary, fieldNamed(doneBy(doer), 'text'), true, item.words);
      continue;
    }
    // The records themselves ("keep track of my cat's weight" on cat weight entries).
    const own = item.words.replace(/s$/, '');
    if ([primary.name, primary.plural].some((n) => n.toLowerCase().replace(/ entr(?:y|ies)$|s$/, '') === own)) continue;
    // Or by the app's name: "learning French with flashcards".
    if (own !== item.words && appWords.includes(singular(item.words))) continue;
    // (Unless the records' own field goes by those words: "when they need refilling" is a
    // prescription's Refill date.)
    if (/^when /.test(item.words) && findField(primary, item.words, true)) continue;
    // "when I finished each book": the date it happened.
    const whenDone = wordPattern('whenDone').exec(item.words)?.[1];
    if (whenDone) {
      const when = PARTICIPLES[whenDone] ?? whenDone;
      // (Cuttings that keep whether they rooted answer when they rooted.)
      if (!findField(primary, `${when} on`) && !findField(primary, when)) ed.addField(primary, fieldNamed(`${when} on`, 'date'));
      continue;
    }
    // "with stickers", "with points": what a reward chart counts as its stars.
    if (findField(primary, 'stars') && /^(?:stars?|stickers?|points?)$/.test(item.words)) continue;
    // "what I planted, where and when": the day it happened, unless the records have one.
    if (item.words === 'when') {
      if (!ed.firstOf(primary, ['date'])) ed.addField(primary, fieldNamed('date', 'date'));
      continue;
    }
    // "a paid checkbox": a yes or no called paid.
    const box = wordPattern('checkboxNamed').exec(item.words)?.[1];
    if (box) {
      if (!findField(primary, box)) ed.addField(primary, fieldNamed(box, 'boolean'), true, item.words);
      continue;
    }
    // "the number of servings": a number called servings ("of eggs per day": how often says nothing of its name).
    const count = wordPattern('numberOfPer').exec(item.words)?.[1];
    if (count && !findField(primary, count)) {
      ed.addField(primary, fieldNamed(count, 'number'), true, item.words);
      continue;
    }
    // "how much I slept", "how long we played": the time the records keep already, in hours or minutes.
    if (
      /^how (?:much|long) (?:i|we|they|he|she) [a-z]+$/.test(item.words) &&
      !wordPattern('howMuchPaid').test(item.words) &&
      primary.fields.some((f) => f.type === 'number' && /^(?:hours|minutes)$/.test(f.id))
    )
      continue;
    // "how much they paid", "how much it cost": money.
    // "who, how much, when" of money lent or paid: the money too.
    const moneyAsked = item.words === 'how much' && wordPattern('moneyTalk').test(text);
    if (moneyAsked || wordPattern('howMuchPaid').test(item.words)) {
      if (!ed.firstOf(primary, ['money']))
        ed.addField(primary, { id: 'amount', label: 'Amount', type: 'money', required: false }, true, item.words);
      continue;
    }
    // "whether I know it", "whether we went": a yes or no, said as asked.
    // "whether I've worn them": a yes or no called Worn.
    const whether = wordPattern('whetherAsked').exec(item.words);
    // "whether I got one back": a yes or no called Got one back.
    if (whether?.[2] && wordPattern('backParticle').test(whether[2])) {
      const words = `${whether[1]!.replace(/^[a-z]+ /, '')} ${whether[2]}`;
      if (!findField(primary, words, true)) ed.addField(primary, fieldNamed(words, 'boolean'), true, item.words);
      continue;
    }
    // "whether I sent a card": a yes or no called Card sent.
    const thing = whether?.[2] && wordPattern('doneByOne').test(whether[1]!) ? whether[2] : null;
    if (thing) {
      const label = `${titleCase(thing)} ${doneBy(whether![1]!.split(' ')[1]!).replace(/ by$/, '')}`;
      if (!findField(primary, label)) ed.addField(primary, fieldNamed(label.toLowerCase(), 'boolean'), true, item.words);
      continue;
    }
    if (whether && !whether[2]) {
      // ("whether I posted it" is Posted too: a thing done; "whether I know it" is said as asked.)
      // ("whether I took it" is Taken.)
      const done = wordPattern('whetherDone').exec(whether[1]!)?.slice(1).find(Boolean);
      const label = done ? titleCase(participle(done)) : whether[1]!.replace(/^i /, 'I ').replace(/^w/, 'W');
      // "a watchlist … and whether I watched it": the records' own Watched.
      const verb = whether[1]!.split(' ')[1]!;
      // ("whether we won" on a match's Result; "whether I took it" where each dose taken is a record.)
      // ("whether I've seen it" of a watchlist that keeps Watched: the same yes or no.)
      const held =
        primary.fields.some((f) => f.type === 'boolean' && (f.id === verb || WORD_LISTS.sameDone[verb]?.includes(f.id))) ||
        findField(primary, verb)?.type === 'choice' ||
        ed.entities.some((e) => e.name.toLowerCase().endsWith(` ${label.toLowerCase()}`));
      if (!held && !findField(primary, label.toLowerCase()))
        ed.addField(primary, { ...fieldNamed(whether[1]!, 'boolean'), label }, true, item.words);
      continue;
    }
    // "how long they lasted", "how long it took": its duration.
    if (wordPattern('howLongItem').test(item.words)) {
      if (!findField(primary, 'minutes') && !findField(primary, 'hours'))
        ed.addField(primary, { id: 'minutes', label: 'Minutes', type: 'number', required: false }, true, item.words);
      continue;
    }
    // "what triggered them", "what I think caused it": the cause, in words.
    const cause = wordPattern('whatCaused').exec(item.words)?.[1];
    if (cause) {
      const label = /^caused?s?$/.test(cause) ? 'Cause' : 'Trigger';
      if (!findField(primary, label)) ed.addField(primary, fieldNamed(label.toLowerCase(), 'text'), true, item.words);
      continue;
    }
    // "who I went with", "who we played with" (a list ends at "with"): the company.
    const company = wordPattern('whoWentWith').exec(item.words)?.[1];
    if (company) {
      // (A game's players are whom it was played with.)
      if (!findField(primary, 'with') && !findField(primary, `${company} with`))
        ed.addField(primary, { ...fieldNamed(`${company} with`, 'text'), id: 'with' }, true, item.words);
      continue;
    }
    // "with yarn, needle size and progress": how far each one has got, unless the records say so already.
    if (item.words === 'progress') {
      if (!primary.fields.some((f) => wordPattern('progressIds').test(f.id)))
        ed.addField(
          primary,
          { ...fieldNamed('progress', 'choice'), options: ['Not started', 'In progress', 'Done'] },
          true,
          item.words,
        );
      continue;
    }
    // "what to bring", "what to practice": said as asked, in a paragraph ("what to plant" is the Plant).
    if (/^what to [a-z]+$/.test(item.words)) {
      if (!findField(primary, item.words.slice(8), true))
        ed.addField(primary, fieldNamed(item.words, 'longtext'), true, item.words);
      continue;
    }
    // "what I planted", "what I ate", "what she played": said in the app as it was asked.
    // ("what helped": what happened, said without anyone.)
    // "what was happening", "what was going on": said as asked, in words.
    if (wordPattern('whatWasHappening').test(item.words)) {
      if (!findField(primary, item.words, true)) ed.addField(primary, fieldNamed(item.words, 'text'), true, item.words);
      continue;
    }
    const what = wordPattern('whatOneDid').exec(item.words);
    if (what && (what[1] || /ed$/.test(what[2]!))) {
      // Unless the records name it already: what I ate is the food, what I planted the plant.
      const held = { ate: 'food', eat: 'food', planted: 'plant', plant: 'plant', cooked: 'dish', drank: 'drink' }[what[2]!];
      if (!findField(primary, held ?? what[2]!))
        ed.addField(primary, {
          // ("what they owe" is money.)
          ...fieldNamed(item.words, wordPattern('moneyVerbs').test(what[2]!) ? 'money' : 'text'),
          label: ['What', what[1] === 'i' ? 'I' : what[1], what[2]].filter(Boolean).join(' '),
        });
      continue;
    }
    // "who gets each batch": whom it is for.
    if (wordPattern('whoGetsItem').test(item.words)) {
      if (!findField(primary, 'recipient') && !findField(primary, 'for'))
        ed.addField(primary, fieldNamed('recipient', 'text'), true, item.words);
      continue;
    }
    // "how many times I woke up": a count of them each time.
    const times = wordPattern('howManyTimesItem').exec(item.words)?.[1];
    if (times) {
      if (!findField(primary, `times ${times}`)) ed.addField(primary, fieldNamed(`times ${times}`, 'number'), true, item.words);
      continue;
    }
    // "who did it", "who hosts": the person, said as asked, unless the records name one.
    const whoDid = wordPattern('whoDidIt').exec(item.words);
    if (whoDid) {
      if (!primary.fields.some((f) => wordPattern('personFieldIds').test(f.id)))
        ed.addField(primary, { id: 'who', label: `W${item.words.slice(1)}`, type: 'text', required: false }, true, item.words);
      continue;
    }
    // "goals scored" of one's child or a player: a number of their own, beside the team's score.
    if (wordPattern('goalsScored').test(item.words) && wordPattern('onePlayer').test(text)) {
      if (!findField(primary, item.words, true)) ed.addField(primary, fieldNamed(item.words, 'number'), true, item.words);
      continue;
    }
    // "who, amount, date": the person each record is of, unless the records name one.
    if (item.words === 'who') {
      if (!primary.fields.some((f) => wordPattern('personOrNameIds').test(f.id)))
        ed.addField(primary, { id: 'who', label: 'Who', type: 'text', required: false }, true, item.words);
      continue;
    }
    // "what it was spent on", "what they were for": said as asked, unless the records describe
    // themselves already (an expense's description is what it was for).
    const purpose = wordPattern('whatItWasFor').exec(item.words)?.[1];
    if (purpose) {
      const described = primary.fields.some((f) => wordPattern('purposeIds').test(f.id));
      const label = purpose.replace(/^./, (c) => c.toUpperCase());
      if (!described && !findField(primary, purpose))
        ed.addField(primary, { ...fieldNamed(purpose, 'text'), label }, true, item.words);
      continue;
    }
    // "how I felt", "how rested I feel from 1 to 5", "how it went": a rating of it.
    const how = wordPattern('howItWent').exec(item.words);
    if (how) {
      const words = how[1]
        ? `how ${how[1]}`
        : `how ${how[2]!} ${how[3] === 'feel' ? 'felt' : how[3] === 'goes' ? 'went' : how[3]!}`;
      // (How it tasted or looked is what a rating the records have already says.)
      const rated = /^(?:tasted|looked|turned out)$/.test(how[3]!) && ed.firstOf(primary, ['rating']);
      if (!findField(primary, words) && !rated)
        ed.addField(primary, { ...fieldNamed(words, 'rating'), label: words.replace(/^h/, 'H').replace(/ i /, ' I ') });
      continue;
    }
    // "with a packing list", "with a water tracker": another app's records, which no field holds.
    if (item.names && SECOND_APP.test(item.words)) {
      if (!secondApps.includes(item.words)) secondApps.push(item.words);
      continue;
    }
    // "flour amount", "play time", "start date": a field of that name, typed by its last word.
    // "client, date, hours and rate": what an hour is paid, not a rating.
    if (/^(?:hourly )?rate$/.test(item.words) && wordPattern('paidWork').test(text)) {
      if (!findField(primary, 'rate', true))
        ed.addField(primary, { id: 'rate', label: titleCase(item.words), type: 'money', required: false }, true, item.words);
      continue;
    }
    // A player's or a team's goals are how many they scored, not a goal to reach.
    // (A match's own score says them already.)
    if (
      /^goals?(?: scored)?$/.test(item.words) &&
      wordPattern('scoredGoals').test(text) &&
      // ("my daughter's games with the score and her goals": hers, beside the match's score.)
      (!primary.fields.some((f) => /score/i.test(f.id)) ||
        /\b(?:her|his|their) goals\b|\bgoals (?:she|he|they) scored\b/.test(listText))
    ) {
      if (!findField(primary, 'goals', true)) ed.addField(primary, fieldNamed(item.words, 'number'), true, item.words);
      continue;
    }
    // "time in, time out", "clock in and clock out": when one came and went, each a time of day.
    if (/^(?:time (?:in|out)|(?:clock|clocked|sign|signed) (?:in|out)(?: times?)?)$/.test(item.words)) {
      if (!findField(primary, item.words))
        ed.addField(primary, fieldNamed(item.words.replace(/ times?$/, ''), 'time'), true, item.words);
      continue;
    }
    const measured = measureField(item.words);
    // "pickup time", "departure time" asked of records with a plain Time (and no time asked as
    // such): it is that Time, called as asked.
    const plainTime = measured?.type === 'time' && !options.revision ? findField(primary, 'time', true) : undefined;
    if (plainTime?.label === 'Time' && plainTime.type === 'time' && !BARE_TIME.test(listText)) {
      ed.replaceField(primary, plainTime, { ...plainTime, label: measured!.label });
      continue;
    }
    if (measured) {
      // (A field of its head word is another one: "refill dates" beside a Date.)
      if (!findField(primary, measured.id) && !findField(primary, item.words, true))
        ed.addField(primary, measured, true, item.words);
      continue;
    }
    // "mood before and mood after": two of a field, each called as asked (one the records keep
    // already stays: "glucose before and after meals" on readings with When).
    const when = wordPattern('beforeOrAfter').exec(item.words);
    const twice = when && !findField(primary, when[1]!) && (vocabularyField(when[1]!) ?? namedField(when[1]!, ed.entities));
    if (twice && !/^(?:date|text)$/.test(twice.type)) {
      ed.addField(primary, { ...twice, id: camel(item.words), label: titleCase(item.words) }, true, item.words);
      continue;
    }
    const known = vocabularyFields(item.words);
    // A word the records already have a field for ("by day" on a planner with a day) adds none.
    for (const { word, field } of known) {
      // "birthdays with names and dates": the date the records have (Birthday), not another one.
      if (field.id === 'date' && /^dates?$/.test(word) && ed.firstOf(primary, ['date'])) continue;
      // A bug's severity beside its priority is a level of its own, not a number.
      if (field.id === 'severity' && primary.fields.some((f) => f.id === 'priority' && f.type === 'choice')) {
        if (!findField(primary, 'severity')) ed.addField(primary, { ...SEVERITY_LEVELS }, true, item.words);
        continue;
      }
      // A game's or a match's score is its result as written ("3-2"), not a number.
      if (
        field.id === 'score' &&
        /^scores?$/.test(word) &&
        (/(?:game|match)$/i.test(primary.name) || findField(primary, 'opponent'))
      ) {
        if (!findField(primary, 'score'))
          ed.addField(primary, { id: 'score', label: 'Score', type: 'text', required: false }, true, word);
        continue;
      }
      // The time of a run or a workout that counts its minutes is how long it took.
      const duration = field.id === 'time' && item.words === word && primary.fields.some((f) => f.id === 'minutes');
      // The time of dated records that are no performance is when it happened: "a symptom diary
      // with symptom, severity and time" (a puzzle's or a lap's is how long it took, as written).
      const clock =
        field.id === 'time' &&
        field.type === 'text' &&
        /^times?$/.test(word) &&
        !!ed.firstOf(primary, ['date']) &&
        !wordPattern('timedPerformance').test(text);
      // An amount of food or medicine is how much, not money: "a pet feeding schedule with food, amount".
      if (
        field.id === 'amount' &&
        /^amounts?$/.test(word) &&
        wordPattern('amountOfStuff').test(text) &&
        !ed.firstOf(primary, ['money'])
      ) {
        if (!findField(primary, 'amount'))
          ed.addField(primary, { id: 'amount', label: 'Amount', type: 'number', required: false }, true, item.words);
        continue;
      }
      // What is owed, of records that hold money already, is that money: "who owes me money" on debts.
      if (field.id === 'owed' && ed.firstOf(primary, ['money'])) continue;
      // An amount of records that hold money already is that money: "my allowance: who, amount".
      if (field.id === 'amount' && /^amounts?$/.test(word) && ed.firstOf(primary, ['money'])) continue;
      // Money asked for by its own name keeps it: "parts, cost" has a Cost, not an Amount.
      const called = field.id === 'amount' && /^(?:price|cost)s?$/.test(word) ? titleCase(word.replace(/s$/, '')) : null;
      // (A day of the week is no date: a planner's Date does not stand for it.)
      const weekday = field.id === 'day' && field.type === 'choice';
      if (
        !duration &&
        !(weekday ? primary.fields.some((f) => f.id === 'day') : findField(primary, field.id)) &&
        !findField(primary, word)
      )
        ed.addField(
          primary,
          { ...field, ...(called ? { label: called } : {}), ...(clock ? { type: 'time' } : {}) },
          true,
          item.words,
        );
    }
    // ("camera, lens and settings", "style, music and teacher": among three or more fields, and no
    // part of the app, a word that could name one names one of theirs.)
    const named =
      item.names && known.length === 0
        ? (namedField(item.words, ed.entities) ?? (item.fieldAmongFields ? fieldNamed(item.words, 'text') : null))
        : null;
    const day = / on$/.test(item.words) && hasDayOf(primary, item.words.slice(0, -3));
    if (named && !day && !findField(primary, named.id)) ed.addField(primary, named, true, item.words);
  }
  for (const m of text.matchAll(wordPattern('addNamedField', 'g'))) {
    // ("a field for date finished" is the "finished on" read with the lists above.)
    const name = (m[1] ?? m[2] ?? '').trim().replace(DATE_DONE, '$1 on');
    if (!name || findField(primary, name)) continue;
    const known = vocabularyField(name);
    ed.addField(
      primary,
      known ? { ...known } : (measureField(name) ?? namedField(name, ed.entities) ?? fieldNamed(name, 'text')),
    );
  }
  // A choice's own values: "a category like breakfast, lunch or dinner", "the room should be a
  // choice of kitchen, bedroom or balcony" (a text field becomes that choice).
  // ("I'd like a category …" asks; it gives no examples.)
  const asking = wordPattern('askingFor', 'g');
  const asked = listText.replace(asking, ' ');
  // (A colon's list is read apart: "my coffee log: bean, origin, roast like light or dark" is a
  // list of fields, one of them with its values.)
  // "change the categories to food, rent, travel and fun": the values a choice offers.
  const changed = wordPattern('changeValues', 'g');
  for (const m of [
    ...asked.matchAll(wordPattern('choiceField', 'g')),
    ...asked.matchAll(wordPattern('choiceAfterColon', 'g')),
    ...asked.matchAll(changed),
  ]) {
    // "make the priority a dropdown …": a choice asked for by name is added when the records lack it.
    const name = m[1]!.replace(/^(?:the|a|an|my|make|set) /, '');
    const vocab = vocabularyField(name);
    const field =
      findField(primary, m[1]!) ??
      findField(primary, m[1]!.split(' ').pop()!) ??
      findField(primary, m[1]!.replace(/ies$/, 'y')) ??
      (wordPattern('choiceWords').test(m[0]) && !NOT_FIELD_WORDS.test(name) && /^[a-z]{3,}(?: [a-z]{3,})?$/.test(name)
        ? ed.addField(primary, vocab?.type === 'choice' ? { ...vocab } : fieldNamed(name, 'text'))
        : undefined) ??
      // "my migraine triggers like food, sleep and weather": kinds of something, given as examples.
      (wordPattern('kindsOf').test(name)
        ? ed.addField(primary, fieldNamed(name.split(' ').pop()!.replace(/s$/, ''), 'text'))
        : undefined);
    // The values end with the one after "or" or "and": "roast like light, medium or dark, and a rating".
    // Said without commas or "or" ("high medium low"), each word is one.
    const said = m[2]!.trim();
    const values = (/,|\b(?:and|or)\b/.test(said) ? said : said.split(' ').slice(0, 6).join(', '))
      .replace(wordPattern('lastValue'), '$1')
      .split(/,|\b(?:and|or)\b/)
      .map((v) => titleCase(v.trim()))
      .filter((v, i, all) => v && all.indexOf(v) === i);
    if (
      // Not the records' own name: "pets with names like max and bella" are examples.
      (field?.type === 'choice' || (field?.type === 'text' && !field.required)) &&
      values.length > 1 &&
      values.length <= 12 &&
      values.every((v) => v.split(' ').length < 4 && v.length <= 40) &&
      // Nor a list of fields after the records' name: "rent from my tenants: tenant, unit, amount".
      !values.some((v) => {
        const named = findField(spec.entities[0]!, v.toLowerCase());
        return named && named.id !== field.id && !named.options?.some((o) => o.toLowerCase() === v.toLowerCase());
      })
    ) {
      ed.replaceField(primary, field, { ...field, type: 'choice', options: values });
      ed.changes.push(`offered ${values.join(', ')} as the ${field.label.toLowerCase()}`);
    }
  }

  // A task list's or a chore chart's records.
  const choreList = /^(?:task|chore)$/.test(primary.id);
  // "a chore chart for my kids": each chore is one of theirs, the one who does it.
  const doers = wordPattern('choresForPeople').exec(text)?.[1] ?? wordPattern('choresOfEach').exec(text)?.[1];
  if (doers && choreList && !primary.fields.some((f) => PERSON_FIELD.test(f.id))) {
    const one =
      ({ children: 'child', family: 'who', team: 'who', person: 'who', 'team member': 'who' } as Record<string, string>)[doers] ??
      doers.replace(/s$/, '');
    const person = ed.addField(primary, fieldNamed(one, 'text'), true, doers);
    // ("the chores of each roommate": each one's, together.)
    if (wordPattern('choresOfEach').test(text))
      ed.addBehaviour({ type: 'group', entity: primary.id, field: person.id }, `grouped by ${person.label.toLowerCase()}`);
  }
  // "they get points for each one they finish": what each chore is worth.
  if (choreList && /\b(?:get|gets|earn|earns|win|wins|score|scores) points\b/.test(text) && !findField(primary, 'points'))
    ed.addField(primary, { id: 'points', label: 'Points', type: 'number', required: false }, true, 'points');
  // Points on chores are added up, each one's where chores are someone's: "a chore chart for my
  // kids with points" shows each kid's points (those of the chores ticked done, filtered so).
  const points = choreList ? findField(primary, 'points') : undefined;
  if (points?.type === 'number' && !ed.behaviours.some((b) => b.type === 'total' && b.entity === primary.id)) {
    const person = primary.fields.find((f) => f.type === 'text' && PERSON_FIELD.test(f.id));
    ed.addBehaviour(
      { type: 'total', entity: primary.id, field: points.id, by: person?.id ?? null },
      `added up the points${person ? ` by ${person.label.toLowerCase()}` : ''}`,
    );
  }
  // "a tracker for my kid's allowance and chores": what each chore earns.
  if (choreList && /\ballowances?\b/.test(text) && !ed.firstOf(primary, ['money']))
    ed.addField(primary, { id: 'allowance', label: 'Allowance', type: 'money', required: false }, true, 'allowance');

  // Water counted in a unit other than glasses: "log my water intake in ml".
  const glasses = primary.fields.find((f) => f.id === 'glasses' && f.label === 'Glasses');
  const unit = wordPattern('waterUnits').exec(text)?.[1];
  if (glasses && unit) {
    const label = /^(?:cups|bottles)$/.test(unit) ? titleCase(unit) : `Amount (${unit === 'ounces' ? 'oz' : unit})`;
    ed.replaceField(primary, glasses, { ...glasses, label });
    ed.changes.push(`counted it in ${unit}`);
  }

  // A status asked of records ticked done says it already: "a project list with fabric, size and
  // status"; so does one with steps of its own ("… and listing status": For sale, Sold).
  const ticked = primary.fields.find((f) => f.id === 'done' && f.type === 'boolean');
  const status = primary.fields.find((f) => f.type === 'choice' && (f.id === 'status' || f.options?.includes('Done')));
  // A status of records that are ticked off by nothing ("a shelter dog list with … status") is
  // what they are picked by, as it would be in a checklist's place.
  const statusAdded = status && !spec.entities.some((e) => e.id === primary.id && e.fields.some((f) => f.id === status.id));
  if (status && (ticked || statusAdded) && !options.revision) {
    if (ticked) ed.removeField(primary, ticked);
    ed.addBehaviour({ type: 'filter', entity: primary.id, field: status.id }, `added a filter by ${status.label.toLowerCase()}`);
  }

  // "my mood from 1 to 10", "a rating out of 10": a number on that scale, not five stars or five moods.
  for (const m of text.matchAll(wordPattern('scaleOfTen', 'g'))) {
    const field = findField(primary, m[1]!);
    if (!field || !/^(?:rating|choice|number)$/.test(field.type) || / \(/.test(field.label)) continue;
    if (field.type !== 'number') ed.retypeField(primary, field, 'number', 'a number from 1 to 10');
    const now = primary.fields.find((f) => f.id === field.id)!;
    ed.replaceField(primary, now, { ...now, label: `${now.label} (1-10)` });
    if (field.type === 'choice' && !ed.behaviours.some((b) => b.type === 'average' && b.entity === primary.id))
      ed.addBehaviour(
        { type: 'average', entity: primary.id, field: field.id, by: null, weight: null },
        `averaged ${field.label.toLowerCase()}`,
      );
  }

  // Views.
  if (has(text, /\bcalendar\b/) && !negated('calendar')) {
    // A habit's check-ins are what has a day, not the habit: the calendar shows them.
    const dated =
      ed.firstOf(primary, ['date']) !== undefined
        ? primary
        : (ed.entities.find((e) => e.parent?.entity === primary.id && ed.firstOf(e, ['date'])) ?? primary);
    const date = ed.firstOf(dated, ['date']) ?? ed.addField(dated, { id: 'date', label: 'Date', type: 'date', required: false });
    ed.addView(
      { type: 'calendar', entity: dated.id, field: date.id },
      `showed ${dated.plural.toLowerCase()} on a calendar by ${date.label.toLowerCase()}`,
    );
  }
  const boardBy = wordPattern('boardBy').exec(text);
  // The records of a sport ridden on a board keep theirs as gear ("a surf log with board"; their
  // own word is no longer in the text); a kanban board is still one.
  const gear = wordPattern('boardSports').test(spec.title.toLowerCase()) && !/\bkanban\b/.test(text);
  if (has(text, wordPattern('boardAsked')) && !negated('board|kanban') && !gear) {
    let field = boardBy ? findField(primary, boardBy[1] ?? '') : undefined;
    const named = boardBy ? vocabularyField(boardBy[1] ?? '') : undefined;
    if (!field && named?.type === 'choice') field = ed.addField(primary, { ...named });
    if (field?.type !== 'choice')
      field =
        ed.firstOf(primary, ['choice']) ??
        ed.addField(primary, {
          id: 'status',
          label: 'Status',
          type: 'choice',
          required: false,
          options: ['To do', 'Doing', 'Done'],
        });
    ed.addView({ type: 'board', entity: primary.id, field: field.id }, `added a board by ${field.label.toLowerCase()}`);
  }
  if (has(text, wordPattern('tableAsked'))) ed.addView({ type: 'table', entity: primary.id, field: null }, 'added a table view');
  if (has(text, wordPattern('cardsAsked'))) ed.addView({ type: 'cards', entity: primary.id, field: null }, 'added a cards view');
  if (has(text, wordPattern('detailAsked')))
    ed.addView({ type: 'detail', entity: primary.id, field: null }, 'added a detail view');

  // Grouping and totals: "total per category", "group by category", "by genre".
  /**
   * The records' one total of `amount`, per `by` (or of all), in place of any other total of it
   * but those per day, week, month or year of their date.
   */
  const setTotal = (amount: FieldSpec, by: FieldSpec | undefined): void => {
    const perDate = (id: string | null) => id !== null && id !== by?.id && ed.firstOf(primary, ['date'])?.id === id;
    ed.behaviours = ed.behaviours.filter(
      (b) => !(b.type === 'total' && b.entity === primary.id && b.field === amount.id && !perDate(b.by)),
    );
    ed.addBehaviour(
      { type: 'total', entity: primary.id, field: amount.id, by: by?.id ?? null },
      `totalled ${amount.label.toLowerCase()}${by ? ` per ${by.label.toLowerCase()}` : ''}`,
    );
  };
  const totalBy = wordPattern('totalBy').exec(text);
  // "monthly totals", "how much I spend each week": per period of the records' date, each asked.
  const perWord = /^(?:day|week|month|year)$/.test(totalBy?.[1] ?? '') ? [totalBy![1]!] : [];
  const periods = [...text.matchAll(wordPattern('periodTotal', 'g'))]
    .map((m) => m[1] ?? m[2]!)
    .concat(perWord, itemPeriods)
    .map((p) => PERIODS[p as keyof typeof PERIODS] ?? p);
  const dated = ed.firstOf(primary, ['date']);
  // The one number or amount the request names, else the first: "a shift tracker with monthly pay
  // totals" adds up the pay, not the hours ("Amount (ml)" is named as "amount").
  const namedNumbers = primary.fields.filter(
    (f) => (f.type === 'money' || f.type === 'number') && matchPhrase(f.label.replace(/ \(.+\)$/, ''), text) !== null,
  );
  const summed = namedNumbers.length === 1 ? namedNumbers[0] : ed.firstOf(primary, ['money', 'number']);
  const perPeriod = periods.length > 0 && dated !== undefined && summed !== undefined && !negated('totals?|sums?');
  if (perPeriod) {
    // In place of a total of all of it; beside one per category or per another period.
    ed.behaviours = ed.behaviours.filter(
      (b) => !(b.type === 'total' && b.entity === primary.id && b.field === summed.id && !b.by),
    );
    for (const period of new Set(periods)) {
      const per = period === 'day' ? {} : { per: period as 'week' | 'month' | 'year' };
      ed.addBehaviour(
        { type: 'total', entity: primary.id, field: summed.id, by: dated.id, ...per },
        `totalled ${summed.label.toLowerCase()} per ${period}`,
      );
    }
  }
  // Totals per a field of theirs too ("hours per client and per week"), or of all.
  if ((has(text, wordPattern('totalAsked')) || totalBy) && !(perPeriod && (!totalBy || perWord.length > 0))) {
    // "how much it cost" adds up money (the words a list item reads as money), "how much" alone a number.
    const howMuch = text.indexOf('how much');
    const money = howMuch >= 0 && wordPattern('howMuchPaid').test(text.slice(howMuch));
    // (Of the one number the request names, or its money: "a grocery list with prices and a total"
    // adds up the prices, not the quantities.)
    // (The one named right after "total": "hourly rate and total earned" adds up the pay; a rate
    // is never added up where another number is named.)
    const totalWord = /\btotals? (?!(?:per|by|for|of|each|and|in|on)\b)([a-z]+)/.exec(text)?.[1];
    const totalNamed = totalWord ? findField(primary, totalWord) : undefined;
    const summed = namedNumbers.filter((f) => !/\brate$/i.test(f.label) || namedNumbers.length === 1);
    const amount =
      (totalNamed && /^(?:number|money)$/.test(totalNamed.type) ? totalNamed : undefined) ??
      (summed.length === 1 ? summed[0] : summed.find((f) => f.type === 'money')) ??
      ed.firstOf(primary, ['money', 'number']) ??
      ed.addField(primary, { id: 'amount', label: 'Amount', type: money ? 'money' : 'number', required: false });
    let by: FieldSpec | undefined;
    if (totalBy) {
      by = findField(primary, totalBy[1] ?? '');
      const vocab = vocabularyField(totalBy[1] ?? '');
      if (!by && vocab && vocab.type === 'choice') by = ed.addField(primary, { ...vocab });
      // "my spending per store": a field of that name, which the person fills in.
      if (!by && !vocab && /^[a-z]{3,}$/.test(totalBy[1] ?? '') && !wordPattern('periodWords').test(totalBy[1]!))
        by = ed.addField(primary, fieldNamed(totalBy[1]!, 'text'));
    } else if (has(text, wordPattern('totalPerDay'))) {
      // "daily totals": per date, where the records have one.
      by = ed.firstOf(primary, ['date']);
    }
    // Totals asked without a grouping keep the one the records have: "an expense tracker with
    // totals" still totals per category.
    const grouped = !by && ed.behaviours.some((b) => b.type === 'total' && b.entity === primary.id && b.field === amount.id);
    const already =
      grouped ||
      ed.behaviours.some(
        (b) => b.type === 'total' && b.entity === primary.id && b.field === amount.id && (b.by ?? null) === (by?.id ?? null),
      );
    if (!already) setTotal(amount, by);
  }
  // Averages: "average rating", "the average grade per subject", "weighted by credits".
  if (has(text, /\b(?:average|averages|averaged|avg)\b/) && !negated('averages?')) {
    const named = wordPattern('averageOf').exec(text)?.[1] ?? '';
    const numeric = ['number', 'money', 'rating'];
    // ("average speed" among the fields is each ride's own, averaged over them.)
    let asked = findField(primary, named) ?? (named ? findField(primary, `average ${named}`) : undefined);
    // "my average pace" on records that keep none: a pace of their own, averaged (not another number);
    // worked out from each one's distance and minutes where they keep both (the ratios below).
    const workedOut = named === 'pace' && paceFrom(primary) !== null;
    if (!asked && NUMBER_WORDS.test(named) && !workedOut) {
      const added = ed.addField(primary, fieldNamed(named, 'number'), true, named);
      if (added.id === camel(named)) asked = added;
    }
    const field = workedOut
      ? undefined
      : ((asked && numeric.includes(asked.type) ? asked : undefined) ??
        (has(text, /\b(?:ratings?|stars|rated)\b/) ? ed.firstOf(primary, ['rating']) : undefined) ??
        ed.firstOf(primary, numeric));
    if (field) {
      const byWord = wordPattern('averageBy').exec(text)?.[1];
      const by = byWord ? findField(primary, byWord) : undefined;
      const weightWord = wordPattern('weightedBy').exec(text)?.[1];
      let weight = weightWord ? findField(primary, weightWord) : undefined;
      if (weightWord && !weight && !NOT_FIELD_WORDS.test(weightWord))
        weight = ed.addField(primary, fieldNamed(weightWord, 'number'));
      const explicit = by !== undefined || weight !== undefined;
      const averaged = ed.behaviours.some((b) => b.type === 'average' && b.entity === primary.id && b.field === field.id);
      if (explicit || !averaged)
        ed.addBehaviour(
          {
            type: 'average',
            entity: primary.id,
            field: field.id,
            by: by && ['choice', 'tags', 'boolean', 'date', 'text'].includes(by.type) && by.id !== field.id ? by.id : null,
            weight: weight?.type === 'number' && weight.id !== field.id ? weight.id : null,
          },
          `averaged ${field.label.toLowerCase()}`,
        );
    }
  }
  // "group by X", "grouped by X", "recipes by cuisine", "per X" (sorting, filtering, boards and totals have their own "by").
  // ("by meal type", "by payment method": the kind word names the field with the word before it.)
  // ("costs for each room" is the costs per room.)
  const perText = text.replace(wordPattern('spendFor', 'g'), '$1 per ');
  for (const m of perText.matchAll(wordPattern('byOrPer', 'g'))) {
    const verb = m[1] ?? '';
    const word = m[3] && !findField(primary, m[2]!) ? `${m[2]} ${m[3]}` : (m[2] ?? '');
    if (wordPattern('byOfOtherViews').test(verb)) continue;
    if (totalBy?.[1] === word || boardBy?.[1] === word) continue;
    // A price or a cost per unit ("cost per kWh", "price per cup") is no grouping of the records
    // by a field of that name: a ratio where they keep that number (below), else a field.
    if (/^(?:prices?|costs?)$/.test(verb) && m[0].includes(' per ') && wordPattern('perUnitWords').test(m[2] ?? '')) continue;
    // The records or their container right before "by" ask for it too: "my books by genre", "a
    // collection by genre" ("my … by genre" when the reader took the records' noun out).
    const explicit =
      wordPattern('groupingVerbs').test(verb) ||
      /^(?:my|our)$/.test(verb) ||
      verb === primary.plural.toLowerCase() ||
      verb === primary.name.toLowerCase();
    // ("track walks per client": the records' noun was taken out there.)
    const afterRecords = /^\s{2,}/.test(m[0].slice(verb.length));
    let field = findField(primary, word);
    // ("meal type" is no meal: two words are read by the vocabulary only as a whole.)
    const vocab = word.includes(' ') ? FIELD_WORDS.find(([names]) => names.includes(word))?.[1] : vocabularyField(word);
    // "study hours per subject": what the records measure, totalled per a field of that name.
    // ("minutes per piece" on a practice log: per the piece it has, its Practised.)
    // (Not "allowance per chore", each record's own, nor "the average minutes per type".)
    const per =
      field &&
      /^(?:text|choice)$/.test(field.type) &&
      !/^(?:title|name)$/.test(field.id) &&
      m[0].includes(' per ') &&
      !/\baverage $/.test(perText.slice(0, m.index))
        ? field
        : undefined;
    const measured = (field && !per) || vocab ? undefined : findField(primary, verb);
    if (measured && (measured.type === 'number' || measured.type === 'money') && !wordPattern('unitFillerWords').test(word)) {
      const same = (b: BehaviourSpec): boolean => b.type === 'total' && b.field === measured.id && b.by === per?.id;
      if (!per || !ed.behaviours.some(same)) setTotal(measured, per ?? ed.addField(primary, fieldNamed(word, 'text')));
      // (A field the records had is grouped by as well, as before.)
      if (!per) continue;
    }
    // "price per gallon": money of its own, by the unit it is of.
    if (measured?.type === 'money' && /^(?:price|cost|rate)$/.test(verb) && /^[a-z]{2,}$/.test(word) && m[0].includes(' per ')) {
      const named = findField(primary, `${verb} per ${word}`);
      if (!named) ed.addField(primary, fieldNamed(`${verb} per ${word}`, 'money'));
      // ("with rating and price per night": the Price the list made is the price per night.)
      else if (named.label.toLowerCase() === verb)
        ed.replaceField(primary, named, { ...named, label: titleCase(`${verb} per ${word}`) });
      continue;
    }
    if (!field && vocab && vocab.type === 'choice') field = ed.addField(primary, { ...vocab });
    // "grouped by genre", "walks per client" name a field the preset lacks: the person types its values.
    // "log expenses by voice", "by hand": how they are entered, not a field.
    if (!field && (explicit || afterRecords) && !vocab && word.length > 2 && !wordPattern('notAFieldName').test(word)) {
      field = ed.addField(primary, fieldNamed(word, 'text'));
    }
    if (!field || !['choice', 'tags', 'boolean', 'date', 'text'].includes(field.type)) continue;
    if (!explicit && field.type === 'date') continue;
    ed.addBehaviour({ type: 'group', entity: primary.id, field: field.id }, `grouped by ${field.label.toLowerCase()}`);
  }
  for (const m of text.matchAll(wordPattern('sortBy', 'g'))) {
    const field = findField(primary, m[1] ?? '');
    // (Sorted by it already: "homework … sorted by due date" is soonest first, as the records are.)
    const sorted = ed.behaviours.some((b) => b.type === 'sort' && b.entity === primary.id && b.field === field?.id);
    if (field && !sorted && ['text', 'number', 'money', 'date', 'rating', 'choice', 'boolean'].includes(field.type)) {
      ed.addBehaviour(
        {
          type: 'sort',
          entity: primary.id,
          field: field.id,
          direction: ['date', 'rating', 'number', 'money'].includes(field.type) ? 'desc' : 'asc',
        },
        `sorted by ${field.label.toLowerCase()}`,
      );
    }
  }
  if (has(text.replace(wordPattern('countOfThing', 'g'), ''), /\b(count|counts|how many)\b/)) {
    const by = ed.firstOf(primary, ['choice', 'tags']);
    if (by) ed.addBehaviour({ type: 'count', entity: primary.id, by: by.id }, `counted per ${by.label.toLowerCase()}`);
  }

  // Behaviours.
  if (has(text, wordPattern('streakAsks')) && !negated('streaks?') && !ed.behaviours.some((b) => b.type === 'streak')) {
    const child = ed.entities.find((e) => e.parent?.entity === primary.id && e.fields.some((f) => f.type === 'date'));
    // A log whose records each have their day (workouts, runs, journal entries) keeps the days in a
    // row with one of them; a list of things to keep doing (habits, chores) gets check-ins of each.
    const day = primary.parent ? undefined : primary.fields.find((f) => f.type === 'date' && f.id === 'date');
    if (child) {
      ed.addBehaviour(
        { type: 'streak', entity: child.id, field: child.fields.find((f) => f.type === 'date')!.id },
        `added a streak per ${primary.name.toLowerCase()}`,
      );
    } else if (day) {
      ed.addBehaviour(
        { type: 'streak', entity: primary.id, field: day.id },
        `added a streak of days in a row with ${primary.plural.toLowerCase()}`,
      );
    } else if (ed.entities.length < 6) {
      const id = ed.entities.some((e) => e.id === 'checkIn') ? 'checkInDay' : 'checkIn';
      ed.entities.push({
        id,
        name: 'Check-in',
        plural: 'Check-ins',
        fields: [{ id: 'date', label: 'Date', type: 'date', required: true }],
        parent: { entity: primary.id, field: `${primary.id}Id` },
      });
      ed.views.push({ type: 'list', entity: id, field: null });
      ed.behaviours.push({ type: 'crud', entity: id });
      ed.addBehaviour(
        { type: 'streak', entity: id, field: 'date' },
        `added check-ins and a streak per ${primary.name.toLowerCase()}`,
      );
    }
  }
  if (has(text, /\b(search|searchable|find)\b/) && !negated('search'))
    ed.addBehaviour({ type: 'search', entity: primary.id }, 'added search');
  const filterBy = wordPattern('filterBy').exec(text);
  if (filterBy) {
    let field = findField(primary, filterBy[1] ?? '');
    const vocab = vocabularyField(filterBy[1] ?? '');
    if (!field && vocab && ['choice', 'tags', 'boolean'].includes(vocab.type)) field = ed.addField(primary, { ...vocab });
    // "filter by cuisine", "a filter by genre": a field the records lack, whose values the person
    // types as tags (a filter needs values to pick from; a number, an amount or a date has none).
    const word = filterBy[1] ?? '';
    const plain = !vocab || vocab.type === 'text';
    // "cooking time", "due date": a measure after the word.
    const measureAfter = wordPattern('measureAfter').exec(text.slice(filterBy.index + filterBy[0].length))?.[0] ?? '';
    const measured = NUMBER_WORDS.test(word) || MONEY_WORDS.test(word) || DATE_WORDS.test(word) || measureAfter !== '';
    if (
      !field &&
      plain &&
      !measured &&
      word.length > 2 &&
      !NOT_FIELD_WORDS.test(word) &&
      !/^(?:the|my|our|its|their|name|title)$/.test(word)
    )
      field = ed.addField(primary, { ...(vocab ?? fieldNamed(word, 'tags')), type: 'tags' });
    if (field && ['choice', 'tags', 'boolean'].includes(field.type))
      ed.addBehaviour({ type: 'filter', entity: primary.id, field: field.id }, `added a filter by ${field.label.toLowerCase()}`);
    // "filter by cooking time", "filter by price": said, not dropped (the app can sort by it).
    else if (measured || field) {
      const what = field ? field.label.toLowerCase() : `${word}${measureAfter}`;
      filtersLeftOut.push(`a filter by ${what} ${WORD_LISTS.readingNotes.filterKinds}`);
    }
  }
  if (has(text, wordPattern('tagWords')) && !negated('tags?')) {
    const tags =
      ed.firstOf(primary, ['tags']) ?? ed.addField(primary, { id: 'tags', label: 'Tags', type: 'tags', required: false });
    ed.addBehaviour({ type: 'filter', entity: primary.id, field: tags.id }, `added a filter by ${tags.label.toLowerCase()}`);
  } else if (has(text, /\bfilter\b/) && !filterBy) {
    const field = ed.firstOf(primary, ['choice', 'tags', 'boolean']);
    if (field)
      ed.addBehaviour({ type: 'filter', entity: primary.id, field: field.id }, `added a filter by ${field.label.toLowerCase()}`);
  }
  // A rate of something else is no rating: "heart rate", "interest rate".
  const rated = text.replace(wordPattern('notARating', 'g'), ' ');
  // Stars that are counted ("a reward chart with stars") are no rating either.
  const counted = primary.fields.some((f) => f.id === 'stars');
  // Nor is an hour's pay, once the records have it: "hours and rate".
  const paidRate = primary.fields.some((f) => f.id === 'rate' && f.type === 'money');
  // Nor is rating a field the records have: "rate my mood from 1 to 10" is their mood.
  const ratedWords = (paidRate ? rated.replace(/\brates?\b/g, ' ') : rated).replace(
    /\brate (?:my |our |the |each )?([a-z]+)/g,
    (said, what: string) => (/^(?:choice|number)$/.test(findField(primary, what)?.type ?? '') ? ' ' : said),
  );
  if (has(ratedWords, counted ? /\b(rate|rating|ratings)\b/ : /\b(rate|rating|ratings|stars)\b/) && !negated('rating')) {
    if (!ed.firstOf(primary, ['rating']))
      ed.addField(primary, { id: 'rating', label: 'Rating', type: 'rating', required: false });
  }
  // Things lent out name who has them: "who I lent my books to", "tools I loaned to neighbours".
  const namesWhoHasIt = primary.fields.some((f) => /^(?:person|who|lentTo|borrowedBy)$/.test(f.id));
  if (has(text, /\b(?:lent|lend|loaned)\b/) && !namesWhoHasIt)
    ed.addField(primary, { id: 'lentTo', label: 'Lent to', type: 'text', required: false });
  // And things borrowed from the owner name who has them: "my tools and who borrowed them",
  // "which neighbours have my ladders".
  else if ((has(text, /\bwho (?:has )?borrowed\b/) || wordPattern('lentRecords').test(text)) && !namesWhoHasIt)
    ed.addField(primary, { id: 'borrowedBy', label: 'Borrowed by', type: 'text', required: false });
  // "and when I last watered each one", "and when I propagated them": the date it (last)
  // happened; not of records that are each a dated event ("when I last changed the oil" is the
  // newest service), unless it is said of them: "my plants and when I last fertilized them" on
  // plantings with the day they were planted.
  // (Each one said: "when I repotted them and when I fertilized them"; "… and fertilized them".)
  for (const when of text.matchAll(wordPattern('andWhenDone', 'g'))) {
    // (Not words a field of the records goes by: "and when they need refilling" is a prescription's Refill date.)
    const phrase = text
      .slice(when.index)
      .replace(/^(?:and|or) /, '')
      .split(/[,.;]| and /)[0]!
      .trim();
    if (findField(primary, phrase, true)) continue;
    const after = text.slice(when.index + when[0].length);
    const ofThem = /^ (?:them|it|each)\b/.test(after);
    const also = wordPattern('andAlsoDone').exec(after);
    for (const [first, verb] of [when, ...(also ? [also] : [])].map((m) => [m[1], m[2]!] as const)) {
      const done = PARTICIPLES[verb] ?? verb;
      const whenWords = first ? `${first} ${done}` : `${done} on`;
      if ((ofThem || !findField(primary, 'date')) && !findField(primary, whenWords))
        ed.addField(primary, fieldNamed(whenWords, 'date'));
    }
  }
  // "my houseplants and when to repot them": the day to do it, as "when to harvest" in a list.
  const whenTo = wordPattern('andWhenTo').exec(text)?.[1];
  const taken = whenTo === 'take' && primary.fields.some((f) => f.type === 'time' || f.id === 'time');
  if (whenTo && !taken && !findField(primary, `${whenTo} date`, true)) ed.addField(primary, fieldNamed(`${whenTo} date`, 'date'));
  // "… and show when I can donate next", "when I need the next one": the next one's date, kept
  // with each record (the app does not work it out).
  if (has(text, wordPattern('nextOneWhen')) && !primary.fields.some((f) => f.type === 'date' && /\bnext\b/i.test(f.label)))
    ed.addField(primary, fieldNamed(`next ${primary.name.toLowerCase().replace(/ entry$/, '')}`, 'date'));
  // And when they come back: "when they should bring them back", "the date it's due back".
  if (has(text, wordPattern('dueBack')) && !primary.fields.some((f) => f.type === 'date' && /back|due|return/i.test(f.label)))
    ed.addField(primary, fieldNamed('due back', 'date'));
  // Days left to each record's date: "a trip planner with a countdown to each trip", "days until".
  // So is a bare countdown on records of things to come ("a planner with countdown", "an exam
  // schedule with a countdown"); on others it is a timer ("a workout log with a countdown").
  const toCome =
    ed.behaviours.some((b) => b.type === 'due-today' && b.entity === primary.id) ||
    wordPattern('recordsToCome').test(primary.name.toLowerCase());
  const bareCountdown = toCome && has(text, wordPattern('bareCountdown')) && !/\b\d{1,3}[ -]?(?:min|sec)/.test(text);
  if ((has(text, COUNTDOWN_TO_DATE) || has(text, /\bdays remaining\b/) || bareCountdown) && !negated('countdowns?')) {
    const date =
      ed.firstOf(primary, ['date']) ?? ed.addField(primary, { id: 'date', label: 'Date', type: 'date', required: false });
    if (!ed.behaviours.some((b) => b.type === 'countdown' && b.entity === primary.id))
      ed.addBehaviour(
        { type: 'countdown', entity: primary.id, field: date.id, yearly: /birth|anniversar/i.test(date.label) },
        `counted down the days to each ${date.label.toLowerCase()}`,
      );
  }
  // "warns me before things expire", "what is expiring soon": the days left to each expiry, soonest first.
  // (An Expiry date is added where the records keep none: "a fridge inventory that shows what is expiring soon".)
  if (has(text, wordPattern('expiryWarnAsks')) && !ed.behaviours.some((b) => b.type === 'countdown' && b.entity === primary.id)) {
    const expiry =
      primary.fields.find((f) => f.type === 'date' && /\b(?:expir|best before|use by)/i.test(f.label)) ??
      ed.addField(primary, { id: 'expiryDate', label: 'Expiry date', type: 'date', required: false });
    ed.addBehaviour(
      { type: 'countdown', entity: primary.id, field: expiry.id, yearly: false },
      `counted down the days to each ${expiry.label.toLowerCase()}`,
    );
  }
  // A birthday, an anniversary or Christmas comes round again: the countdown is to the next one.
  if (has(text, YEARLY_DATES))
    ed.behaviours = ed.behaviours.map((b) => (b.type === 'countdown' && !b.yearly ? { ...b, yearly: true } : b));
  const yearlyDate = (id: string): boolean =>
    ed.behaviours.some((b) => b.type === 'countdown' && b.entity === primary.id && b.field === id && b.yearly);
  // (Once: a list of things lent is already due back by its Due back.)
  // (Or by another kind of record's: a pet's care records are what come due.)
  const dueShown = ed.behaviours.some((b) => b.type === 'due-today');
  if (has(text, wordPattern('dueWords')) && !negated('due|reminders?') && !dueShown) {
    // ("when the next service is due" on services that have only the day they were done: a Next due.)
    const nextDue = wordPattern('nextIsDue').test(text);
    const date =
      primary.fields.find((f) => f.type === 'date' && /^(?:due|next)/i.test(f.label)) ??
      (nextDue ? ed.addField(primary, { id: 'nextDue', label: 'Next due', type: 'date', required: false }) : undefined) ??
      ed.firstOf(primary, ['date']) ??
      ed.addField(primary, { id: 'due', label: 'Due', type: 'date', required: false });
    // A birthday is never due on the day it was: its countdown shows the next one instead.
    if (!yearlyDate(date.id))
      ed.addBehaviour(
        { type: 'due-today', entity: primary.id, field: date.id },
        `showed what is due today by ${date.label.toLowerCase()}`,
      );
  }
  const countsDays = ed.behaviours.some((b) => b.type === 'countdown');
  const timer = /\b(\d{1,3})[ -]?min(?:ute)?s? timer\b/.exec(text);
  if ((timer || (has(text, /\b(timer|pomodoro|countdown)\b/) && !countsDays)) && !negated('timer')) {
    const minutes = Math.min(180, Math.max(1, Number(timer?.[1] ?? 25)));
    if (!ed.behaviours.some((b) => b.type === 'timer'))
      ed.addBehaviour({ type: 'timer', minutes }, `added a ${minutes}-minute timer`);
  }
  // "a log of the films I watch", "a book diary": a log's records are dated. Records that keep no
  // day gain the one each was done on, newest first unless they are sorted already.
  const logged = wordPattern('logOfThingsDone').exec(text);
  if (logged && !primary.fields.some((f) => f.type === 'date')) {
    const [id, label] = DAY_DONE.find(([verbs]) => verbs.test(logged[1] ?? logged[2]!))?.[1] ?? ['date', 'Date'];
    const day = ed.addField(primary, { id, label, type: 'date', required: false });
    if (!ed.behaviours.some((b) => b.type === 'sort' && b.entity === primary.id))
      ed.addBehaviour({ type: 'sort', entity: primary.id, field: day.id, direction: 'desc' }, 'sorted newest first');
    // A log is read as a list: a board of books by status comes second.
    const list = ed.views.find((v) => v.entity === primary.id && (v.type === 'list' || v.type === 'table'));
    if (list && ed.views[0]?.type === 'board') ed.views = [list, ...ed.views.filter((v) => v !== list)];
  }
  // Records kept for several children ("a sleep log for my kids", "my kids' growth"): whose each
  // one is, unless the records name a person already.
  if (
    wordPattern('severalKids').test(text) &&
    !primary.parent &&
    !primary.fields.some((f) => wordPattern('personFieldIds').test(f.id) || /^(?:kid|child|who|turn)$|^whose/i.test(f.id))
  )
    ed.addField(primary, { id: 'kid', label: 'Kid', type: 'text', required: false }, true, 'kid');
  // (Not of records others belong to: a habit's goal is its check-ins', which no goal counts.)
  const limitsLeftOut: string[] = [];
  // (Money in and out shows what is left by its balance: a limit set in the app on the same
  // amount would add the income to the spending. "a monthly budget with income and bills".)
  const balanced = (g: ReturnType<typeof goalSetInApp>) =>
    g !== null &&
    'field' in g &&
    g.target === null &&
    ed.behaviours.some((b) => b.type === 'balance' && b.entity === primary.id && b.field === g.field);
  const inApp = ed.entities.some((e) => e.parent?.entity === primary.id) ? null : goalSetInApp(text, primary);
  const goal = goalAsked(text, primary, listed) ?? (balanced(inApp) ? null : inApp);
  if (goal && !negated('goals?|targets?|limits?')) {
    // "30 books this year" of books that keep no date: the day each one was finished.
    if ('count' in goal && goal.undated)
      ed.addField(
        primary,
        // (A film is watched on its day.)
        { id: 'finishedOn', label: /\bwatch/.test(text) ? 'Watched on' : 'Finished on', type: 'date', required: false },
        true,
        'finished on',
      );
    const asked: BehaviourSpec =
      'count' in goal
        ? { type: 'count-goal', entity: primary.id, target: goal.target, per: goal.per }
        : { type: 'goal', entity: primary.id, ...goal };
    const label =
      'count' in goal ? primary.plural.toLowerCase() : primary.fields.find((f) => f.id === goal.field)!.label.toLowerCase();
    const amount = `${goal.target === null ? '' : `${goal.target} `}${label}${goal.per === 'latest' ? ' by the latest entry' : goal.per === 'all' ? '' : ` a ${goal.per}`}${goal.target === null ? ' (set in the app)' : ''}`;
    const kind = 'limit' in goal && goal.limit ? 'limit' : 'goal';
    // One limit on all of it: a limit for each category is said to be left out.
    if (kind === 'limit' && wordPattern('limitPerGroup').test(text))
      limitsLeftOut.push(
        `a limit for each category (the app keeps one limit on all ${
          primary.fields.find((f) => f.id === (goal as { field: string }).field)?.type === 'money' ? 'spending' : label
        }, set in the app)`,
      );
    // A new number replaces the goal the records had: "make the goal 10 glasses".
    const other = (b: BehaviourSpec) =>
      (b.type === 'goal' || b.type === 'count-goal') && b.entity === primary.id && JSON.stringify(b) !== JSON.stringify(asked);
    if (ed.behaviours.some(other)) {
      ed.behaviours = ed.behaviours.filter((b) => !other(b));
      ed.removed.delete('goal');
      ed.addBehaviour(asked, `changed the ${kind} to ${amount}`);
    } else ed.addBehaviour(asked, `added a ${kind} of ${amount}, with how far it has got`);
  }
  if (has(text, wordPattern('flipWords')) && !ed.behaviours.some((b) => b.type === 'flip')) {
    const texts = primary.fields.filter((f) => ['text', 'longtext'].includes(f.type));
    const front = texts[0] ?? ed.addField(primary, { id: 'front', label: 'Front', type: 'text', required: true });
    const back = texts[1] ?? ed.addField(primary, { id: 'back', label: 'Back', type: 'longtext', required: false });
    ed.addBehaviour(
      { type: 'flip', entity: primary.id, front: front.id, back: back.id },
      `made ${primary.plural.toLowerCase()} flip cards`,
    );
  }
  if (has(text, wordPattern('importExportAsked')) && !negated('exports?|imports?|csv'))
    ed.addBehaviour({ type: 'import-export' }, 'added import and export as JSON');
  if (has(text, /\bundo\b/) && !negated('undo')) ed.addBehaviour({ type: 'undo' }, 'added undo');

  // Figures worked out from two fields of each record: a fuel economy, a pace, a speed, a cost per unit.
  for (const [ratio, words] of ratiosAsked(ed, primary, text)) ed.addBehaviour(ratio, words);
  // Records picked out when their number reaches a limit of their own: low stock, shoes to replace.
  for (const [threshold, words] of thresholdsAsked(ed, primary, text)) ed.addBehaviour(threshold, words);
  // What each kid earns for their chores is added up per kid, as a chore chart's points are:
  // "my kids' chores and the allowance they earn".
  const earned = primary.fields.find(
    (f) => f.type === 'money' && /^(?:allowance|pocketMoney|earnings|earned|reward)$/.test(f.id),
  );
  const earner = primary.fields.find((f) => ['text', 'choice'].includes(f.type) && /^(?:kid|child|owner|person|who)$/.test(f.id));
  if (earned && earner && !ed.behaviours.some((b) => b.type === 'total' && b.entity === primary.id && b.field === earned.id))
    ed.addBehaviour(
      { type: 'total', entity: primary.id, field: earned.id, by: earner.id },
      `totalled ${earned.label.toLowerCase()} per ${earner.label.toLowerCase()}`,
    );
  // A number's change from one record to the next: a weight lost, a meter's use, miles driven.
  for (const [change, words] of changeAsked(ed, primary, text)) ed.addBehaviour(change, words);
  // A profit worked out from what came in and what it cost.
  const difference = differenceAsked(ed, primary, text);
  if (difference) ed.addBehaviour(...difference);

  // Look. ("dark blue" is a colour, not dark mode.)
  const unshaded = text.replace(SHADED_COLOUR, '$1');
  if (has(unshaded, wordPattern('darkWords')) && !negated('dark mode|dark theme|dark')) {
    if (!ed.look.dark) ed.changes.push('turned on dark mode');
    ed.look.dark = true;
  }
  if (negated('dark mode|dark theme|dark') || has(unshaded, /\b(light mode|light theme)\b/)) {
    if (ed.look.dark) ed.changes.push('turned off dark mode');
    ed.look.dark = false;
  }
  const accent = accentAsked(text);
  if (accent && accent !== ed.look.accent) {
    ed.look.accent = accent;
    ed.changes.push(`made the accent colour ${accent}`);
  } else if (!accent && ed.look.accent && has(text, wordPattern('defaultColour'))) {
    ed.look.accent = null;
    ed.changes.push('went back to the default colours');
  }
  if (has(text, /\b(compact|dense|denser|smaller)\b/)) {
    if (ed.look.density !== 'compact') ed.changes.push('made it compact');
    ed.look.density = 'compact';
  } else if (options.revision && has(text, wordPattern('roomyWords')) && ed.look.density !== 'comfortable') {
    ed.look.density = 'comfortable';
    ed.changes.push('made it roomier');
  }
  // The first few by name, the rest counted: a left-out part stays one short line.
  const named = ed.tooMany.slice(0, 8).join(', ') + (ed.tooMany.length > 8 ? ` and ${ed.tooMany.length - 8} more` : '');
  const leftOut =
    ed.tooMany.length > 0
      ? [`more fields than one record holds (${MAX_ENTITY_FIELDS}): ${named} (add them to the notes, or ask for fewer)`]
      : [];
  leftOut.push(...filtersLeftOut, ...limitsLeftOut);
  for (const app of secondApps) {
    leftOut.push(
      `${/^(?:[aeiou]|hour|honou?r)/.test(app) ? 'an' : 'a'} ${app} as a second kind of record (the app keeps ${primary.plural.toLowerCase()})`,
    );
  }
  // The app starts empty: the things named are for the owner to add, said so.
  if (examples.length > 0)
    leftOut.push(
      `${examples.slice(0, -1).join(', ')}${examples.length > 1 ? ' and ' : ''}${examples.at(-1)} already on the list (the app starts empty: add them as ${primary.plural.toLowerCase()})`,
    );
  return { spec: ed.result(), changes: ed.changes, leftOut, present };
}

export { primaryOf };

const PERIODS = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annual: 'year' } as const;
const PERIOD_ADVERBS = { day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' } as const;

/** The period said right after a number's name: "pages read each day", "steps per week". */
function periodOfField(field: FieldSpec, text: string): 'day' | 'week' | 'month' | 'year' | undefined {
  const word = field.label.toLowerCase().split(/[ (]/)[0]!;
  const said = new RegExp(`\\b${word}(?: [a-z]+)? (?:each|every|per|a) (day|week|month|year)\\b`).exec(text)?.[1];
  return said as 'day' | 'week' | 'month' | 'year' | undefined;
}

/** The period a request names for a goal or a limit: "monthly", "a week", "per day"; undefined if none. */
function periodSaid(text: string): 'day' | 'week' | 'month' | 'year' | undefined {
  const said = /\b(daily|weekly|monthly|yearly|annual)\b/.exec(text)?.[1];
  if (said) return PERIODS[said as keyof typeof PERIODS];
  return /\b(?:a|per|each|every|this) (day|week|month|year)\b/.exec(text)?.[1] as 'day' | 'week' | 'month' | 'year' | undefined;
}

/**
 * A goal asked for without its number ("a savings goal tracker", "a weight loss tracker with goal
 * weight", "a step goal tracker", "a reading goal tracker"): the goal, its target set in the app
 * by the person. Of the weight by its newest entry; of the money put by, all told; of a measure kept
 * each day, per day; of records that keep no number, how many there are (books a year). A limit
 * or a budget without its number is one to stay under ({@link limitSetInApp}). Null where a goal
 * per period would have no date to tell the period by.
 */
function goalSetInApp(
  text: string,
  entity: EntitySpec,
):
  | { field: string; target: null; per: 'day' | 'week' | 'month' | 'year' | 'all' | 'latest'; limit: boolean }
  | { count: true; target: null; per: 'day' | 'week' | 'month' | 'year' | 'all'; undated: boolean }
  | null {
  if (!wordPattern('goalAsks').test(text) && !wordPattern('goalAlso').test(text)) return null;
  // A number said with it that no field could take stays said as left out ("a goal of 30").
  if (wordPattern('goalWithNumber').test(text)) return null;
  if (!/\b(?:goals?|targets?|challenges?)\b/.test(text)) return limitSetInApp(text, entity);
  if (/\b(?:limits?|budgets?|caps?)\b/.test(text)) return null;
  const dated = entity.fields.some((f) => f.type === 'date');
  const numeric = entity.fields.filter((f) => (f.type === 'number' || f.type === 'money') && !/^year\b/i.test(f.label));
  // Nor a goal in a unit the records do not keep ("a page-per-day goal" of books with no pages).
  const unit = wordPattern('goalUnit').exec(text)?.[1];
  // (A book's pages are its length, not pages read: a goal of pages a day is no goal of the books.)
  if (unit && entity.id === 'book') return null;
  if (unit && !numeric.some((f) => f === findField(entity, unit, true) || f === findField(entity, singular(unit), true)))
    return null;
  // What one weighs is reached by its newest value, not added up.
  const state = numeric.find((f) => wordPattern('stateMeasureIds').test(f.id));
  if (state && dated && (state === numeric[0] || /\b(?:weight|waist|body fat)\b/.test(text)))
    return { field: state.id, target: null, per: 'latest', limit: false };
  const named = periodSaid(text);
  const saving = /\bsav(?:e|es|ing|ings)\b/.test(text);
  // Money put by is a savings tracker's deposits: a savings goal on an expense log is no goal of its spending.
  if (saving && entity.id !== 'deposit') return null;
  // (Money put by is the money the records keep, never another number of theirs.)
  // (A number said with its period is the one: "pages per day and a goal" of pages and minutes read.)
  const perNumber = saving
    ? undefined
    : numeric.map((f) => ({ f, per: periodOfField(f, text) })).find(({ per }) => per !== undefined);
  const field = saving ? numeric.find((f) => f.type === 'money') : (perNumber?.f ?? numeric[0]);
  if (!field) {
    // Books read: how many, in the year where a reading goal names no period. (Of other records
    // that keep no number, a goal says too little of what it counts: left out.)
    if (!/\b(?:reading|books?)\b/.test(text)) return null;
    const per = named ?? 'year';
    return { count: true, target: null, per, undated: !dated };
  }
  // A measure kept each day (steps, glasses, calories) has its goal per day; money put by, all told.
  const per =
    named ??
    perNumber?.per ??
    (field.type === 'number' && dated && wordPattern('dailyMeasureIds').test(field.id) ? 'day' : 'all');
  if (per !== 'all' && !dated) return null;
  return { field: field.id, target: null, per, limit: false };
}

/**
 * A limit or a budget asked for without its number ("an expense tracker with a monthly budget", "a
 * calorie log with a daily limit", "a budget app with monthly limits"): one to stay under, its
 * number set in the app. On the money spent (records that keep money), else on the measure the
 * limit names ("a calorie limit", "a time limit") when the records keep it; per the period said,
 * else a measure kept each day per day, the budget of one occasion (a wedding, a trip) for all of
 * it and money per month. Null when the records keep no such number or no date to tell a period by.
 */
function limitSetInApp(
  text: string,
  entity: EntitySpec,
): { field: string; target: null; per: 'day' | 'week' | 'month' | 'year' | 'all'; limit: true } | null {
  if (!/\b(?:limits?|budgets?|caps?)\b/.test(text)) return null;
  const dated = entity.fields.some((f) => f.type === 'date');
  const money = entity.fields.find((f) => f.type === 'money');
  // ("my screen time with a limit": a limit of the time.)
  const measure =
    /\b(calorie|time|screen time|minute|hour|drink|sugar|caffeine)s? (?:limits?|caps?)\b/.exec(text)?.[1] ??
    (/\bscreen time\b/.test(text) ? 'time' : undefined);
  const field = measure
    ? entity.fields.find(
        (f) =>
          f.type === 'number' &&
          (findField(entity, measure, true) === f || (measure === 'time' && /^(?:minutes|hours)$/.test(f.id))),
      )
    : /\bbudgets?\b|\bspending limits?\b/.test(text) || money
      ? money
      : undefined;
  if (!field) return null;
  // (The budget of one occasion, a wedding or a trip, is for all of it: "how much is left".)
  const once = field.type === 'money' && wordPattern('occasionBudget').test(text);
  const per =
    periodSaid(text) ??
    (once ? 'all' : field.type === 'number' && wordPattern('dailyMeasureIds').test(field.id) ? 'day' : 'month');
  if (per !== 'all' && !dated) return null;
  // (A budget per person or per category is one per group, which no limit here is: said as left out.)
  if (per === 'all' && /\b(?:budgets?|limits?|caps?) (?:per|for each|for every|by|each)\b/.test(text)) return null;
  return { field: field.id, target: null, per, limit: true };
}

/**
 * A goal or a limit asked with its number, on a number or money field the records have: "a daily
 * goal of 8 glasses", "a target of 10000 steps a day", "a spending limit of 500 a month", "a
 * savings goal of 5000". Its unit names the field ("glasses"); without one it is the total the app
 * shows, or else its money or number. Also one said without the word, with its period, read from
 * `listText` (commas kept): "no more than 400 mg a day", "…, 8 glasses a day". Null when no such
 * field is there, or a goal per period would have no date to tell the period by.
 */
function goalAsked(
  text: string,
  entity: EntitySpec,
  listText = text,
):
  | { field: string; target: number; per: 'day' | 'week' | 'month' | 'year' | 'all' | 'latest'; limit: boolean }
  | { count: true; target: number; per: 'day' | 'week' | 'month' | 'year' | 'all'; undated: boolean }
  | null {
  const m = wordPattern('goalWithNumber').exec(text);
  const implied = m ? null : wordPattern('goalImplicit').exec(listText);
  // ("a reading challenge with 52 books this year": a number after "with" is a goal only where one is asked.)
  const said = implied && /^with\b/.test(implied[0]) && !wordPattern('goalAsks').test(text) ? null : implied;
  if (!m && !said) {
    // "save 5000 dollars by december": a goal of the money put by, all told.
    // (Only of money put by: saving 500 on an expense log is no goal of its spending.)
    // "save 500 a month": a goal of the money put by in each month, of dated deposits.
    const puttingBy = entity.id === 'deposit' || /\bsavings\b/.test(text);
    const saving = puttingBy && wordPattern('savingTarget').exec(text);
    const each = puttingBy && !saving ? wordPattern('savingPerPeriod').exec(text) : null;
    const money = entity.fields.find((f) => f.type === 'money');
    const found = saving || each;
    const target = found ? Number(found[1]) * (found[2] ? 1000 : 1) : 0;
    const per = each ? (each[3] as 'day' | 'week' | 'month' | 'year') : 'all';
    if (per !== 'all' && !entity.fields.some((f) => f.type === 'date')) return null;
    return money && target > 0 && target <= 1e12 ? { field: money.id, target, per, limit: false } : null;
  }
  // "a limit of 200 per category": each category's own, which the app does not keep (said as left out).
  if (m && wordPattern('perNonPeriod').test(text.slice(m.index + m[0].length))) return null;
  const [, every, kind, amount, thousands, unit, after] = m ?? [, , said![1] ? 'limit' : 'goal', ...said!.slice(3)];
  let target = Number(amount) * (thousands ? 1000 : 1);
  const limit = /^(?:limit|budget|cap|max|maximum)$/.test(kind!);
  // (A year is when, not how much: "movies I watch each month with a goal of 4" counts movies.)
  const numeric = entity.fields.filter((f) => (f.type === 'number' || f.type === 'money') && !/^year\b/i.test(f.label));
  const money = numeric.find((f) => f.type === 'money');
  // The unit names the field, or is the one in its label: "3000 ml" of an "Amount (ml)".
  const named = unit
    ? (findField(entity, unit, true) ??
      findField(entity, singular(unit), true) ??
      entity.fields.find((f) => f.label.toLowerCase().endsWith(`(${unit})`)))
    : undefined;
  // "30 books this year", "a goal of 12 hikes": how many of the records there are.
  // ("a goal of 4 times a week", of workouts: how many workouts, in the week.)
  // ("how many times I go to the gym per week, with a goal of 4": the same, said before the number.)
  const times =
    !limit && !named && (/^(?:times|sessions|visits)$/.test(unit ?? '') || (!unit && /\bhow many times\b/.test(text)));
  const counted =
    !limit &&
    !!unit &&
    !(named && numeric.includes(named)) &&
    ([entity.name, entity.plural].some((n) => n.toLowerCase() === unit) || times);
  const countedTimes = times && !unit;
  // Without a word for it ("…, 8 glasses a day") the unit must name the field, or the records.
  if (said && !said[1] && !said[2] && !(named && numeric.includes(named)) && !counted) return null;
  const often = /\b(daily|weekly|monthly)\b/.exec(text)?.[1];
  const period = (every?: string, daily?: string) =>
    ((every ?? daily) ? PERIODS[(every ?? daily) as keyof typeof PERIODS] : after === 'night' ? 'day' : after) ?? 'all';
  // "books I've read this year with a goal of 24": of records that keep no number, how many of
  // them there are, in the period the request names.
  const namedPeriod = every || after ? undefined : /\b(?:this|each|every|per|a) (day|week|month|year)\b/.exec(text)?.[1];
  const bare = !limit && !unit && !numeric.length && !!m && !!namedPeriod;
  if (counted || bare || countedTimes) {
    const per = ((bare || times ? namedPeriod : undefined) ?? period(every, after ? undefined : often)) as
      'day' | 'week' | 'month' | 'year' | 'all';
    // ("4 times" in no period says too little to count towards.)
    if (times && per === 'all') return null;
    if (!Number.isInteger(target) || target > 1_000_000) return null;
    return { count: true, target, per, undated: per !== 'all' && !entity.fields.some((f) => f.type === 'date') };
  }
  const minutes = numeric.find((f) => f.id === 'minutes');
  // "goal weight 65", or "a goal of 70 kg" of records that keep no number but their weight: the weight.
  const weight = numeric.find((f) => f.id === 'weight');
  const weighed = / weight\b/.test(m?.[0] ?? '') || (wordPattern('weightUnits').test(unit ?? '') && numeric.length === 1);
  // A unit the records do not keep is no goal of theirs ("30 pages" of a list of books), unless it
  // is their money or their time in hours ("10 hours a week" of minutes).
  let field: FieldSpec | undefined;
  if (weight && weighed) field = weight;
  else if (named && numeric.includes(named)) field = named;
  else if (unit && wordPattern('moneyUnits').test(unit)) field = money;
  else if (unit && /^hours?$/.test(unit) && minutes) [field, target] = [minutes, target * 60];
  else if (!unit) field = (limit || /\bsav(?:e|ing)/.test(text) ? money : undefined) ?? numeric[0];
  // A measure's unit on records that keep one number with no unit of its own: "400 mg" of Caffeine.
  else if (said && wordPattern('oneNumberUnits').test(unit)) {
    const [only, ...more] = numeric.filter((f) => f.type === 'number');
    if (only && !more.length && !only.label.includes('(')) field = only;
  }
  if (!field || !(target > 0) || target > 1e12) return null;
  // What one weighs is reached by its newest value, not added up ("a goal of 70 kg").
  if (wordPattern('stateMeasureIds').test(field.id)) {
    if (!entity.fields.some((f) => f.type === 'date')) return null;
    return { field: field.id, target, per: 'latest', limit };
  }
  // A measure kept daily has its goal per day too: "my daily water intake against a goal of 2 litres".
  // So has one said with its period before the goal: "pages read each day and a goal of 30 pages".
  const perField = periodOfField(field, text);
  const adverb = perField && PERIOD_ADVERBS[perField];
  // (Of money, only a period said of the spending itself: "my weekly grocery spending with a budget of 150".)
  const spentOften = /\b(?:daily|weekly|monthly|yearly) (?:[a-z]+ )?(?:spending|spend|expenses?|shopping)\b/.test(text);
  const per = period(every, after || (field.type === 'money' && !spentOften) ? undefined : (often ?? adverb));
  if (per !== 'all' && !entity.fields.some((f) => f.type === 'date')) return null;
  return { field: field.id, target, per: per as 'day' | 'week' | 'month' | 'year' | 'all', limit };
}
