import { unpackJson } from '../packed-files';
import type { BehaviourSpec, EntitySpec, FieldSpec, ViewSpec } from './app-spec-schema';
import { sourcePresets } from './preset-catalog';
import { f } from './preset-fields';

/**
 * Everyday apps the request reader recognises by their nouns ("habit", "expense", "recipe"),
 * each a starting spec: entities with typed fields, views and behaviours. A request's own words
 * ("with tags", "by category", "dark mode") change the preset afterwards.
 */

export interface Preset {
  readonly id: string;
  /** Phrases that name it (lower-case, whole words, a plural `s` accepted on the last word). */
  readonly keywords: readonly string[];
  readonly title: string;
  readonly phrase: string;
  readonly entities: readonly EntitySpec[];
  readonly views: readonly ViewSpec[];
  readonly behaviours: readonly BehaviourSpec[];
}

/** The field vocabulary of "with X" and "add a X field": words → a typed field. */
export const FIELD_WORDS: ReadonlyArray<readonly [words: readonly string[], field: FieldSpec]> = [
  [['note', 'notes', 'comment', 'comments'], f.long('notes', 'Notes')],
  [['description', 'details'], f.long('description', 'Description')],
  [['rating', 'ratings', 'star', 'stars', 'score'], f.rating()],
  [['tag', 'tags', 'label', 'labels'], f.tags()],
  [['photo', 'photos', 'picture', 'pictures', 'image', 'images', 'cover'], f.image('image', 'Image')],
  [['link', 'links', 'url', 'urls', 'website'], f.url('link', 'Link')],
  [['price', 'prices', 'cost', 'costs', 'amount', 'amounts', 'savings', 'balance', 'net worth'], f.money('amount', 'Amount')],
  [['due date', 'deadline', 'deadlines', 'due dates'], f.date('due', 'Due')],
  [['date', 'dates', 'day'], f.date('date', 'Date')],
  [['category', 'categories'], f.choice('category', 'Category', ['General', 'Work', 'Home', 'Other'])],
  [['priority', 'priorities'], f.choice('priority', 'Priority', ['High', 'Normal', 'Low'])],
  [['rsvp', 'rsvp status', 'rsvps', 'attending'], f.choice('rsvp', 'RSVP', ['Invited', 'Yes', 'No', 'Maybe'])],
  [['meal', 'meal choice', 'menu choice', 'dish'], f.text('meal', 'Meal')],
  [['weather'], f.choice('weather', 'Weather', ['Sunny', 'Cloudy', 'Rainy', 'Snowy', 'Windy'])],
  [['status', 'stage'], f.choice('status', 'Status', ['To do', 'Doing', 'Done'])],
  [['quantity', 'quantities', 'count', 'amount of'], f.number('quantity', 'Quantity')],
  [['points', 'story points', 'estimate', 'estimates'], f.number('points', 'Points')],
  [['assignee', 'assignees', 'assigned to'], f.text('assignee', 'Assignee')],
  [['age', 'ages'], f.number('age', 'Age')],
  [['pay', 'wage', 'wages', 'earned', 'earnings', 'salary', 'income', 'tips', 'winnings'], f.money('pay', 'Pay')],
  [['allowance', 'allowances', 'pocket money'], f.money('allowance', 'Allowance')],
  [['intake', 'consumption', 'units'], f.number('amount', 'Amount')],
  [['heart rate', 'bpm', 'resting heart rate'], f.number('heartRate', 'Heart rate')],
  [['reward', 'rewards', 'prize', 'prizes'], f.text('reward', 'Reward')],
  [['folder', 'folders', 'notebook', 'notebooks'], f.choice('folder', 'Folder', ['Personal', 'Work', 'Ideas', 'Other'])],
  [['done', 'completed', 'finished', 'checkbox'], f.bool('done', 'Done')],
  [['favorite', 'favorites', 'favourite', 'favourites', 'starred'], f.bool('favorite', 'Favorite')],
  [['location', 'place', 'where'], f.text('location', 'Location')],
  [['email', 'e mail', 'email address', 'e mail address', 'emails'], f.text('email', 'E-mail')],
  [['phone', 'phone number', 'phone numbers', 'telephone', 'mobile number'], f.text('phone', 'Phone')],
  [['author', 'authors'], f.text('author', 'Author')],
  [['duration', 'minutes', 'time spent'], f.number('minutes', 'Minutes')],
  [['time', 'times'], f.text('time', 'Time')],
  [['calorie', 'calories', 'kcal'], f.number('calories', 'Calories')],
  [['mileage', 'odometer'], f.number('mileage', 'Mileage')],
  [['distance', 'miles', 'km', 'kilometers', 'kilometres'], f.number('distance', 'Distance')],
  [['weight', 'weights'], f.number('weight', 'Weight')],
  [['sets'], f.number('sets', 'Sets')],
  [['reps', 'repetitions'], f.number('reps', 'Reps')],
  [['hours'], f.number('hours', 'Hours')],
  [['steps', 'step count'], f.number('steps', 'Steps')],
  [['pages', 'pages read', 'page count'], f.number('pages', 'Pages')],
  [['blood sugar', 'glucose', 'blood glucose', 'sugar level', 'sugar'], f.number('glucose', 'Blood sugar')],
  [['repro steps', 'reproduction steps'], f.long('repro', 'Steps to reproduce')],
  [['severity', 'intensity', 'pain level'], f.number('severity', 'Severity')],
];

/**
 * The presets a function bundle carries: the bundling (lib/constructs/function-bundling.ts) makes
 * them from ./preset-catalog.ts at synth and puts them in as JSON, brotli-compressed in Z85,
 * through an esbuild `define`: about a quarter of their code's size in the bundle.
 */
declare const GANTRY_BUNDLED_PRESETS: string | undefined;

/** Everyday apps, as written in ./preset-catalog.ts. */
export const PRESETS: readonly Preset[] =
  // In a bundle the condition is a constant (a string literal's type), so esbuild leaves the
  // catalog's code out.
  typeof GANTRY_BUNDLED_PRESETS === 'string' ? (unpackJson(GANTRY_BUNDLED_PRESETS) as Preset[]) : sourcePresets();
