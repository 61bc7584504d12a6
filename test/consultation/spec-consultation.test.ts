import * as z from 'zod';
import {
  ConsultantResponseSchema,
  planFromResponse,
  type ConsultantResponse,
  type ConsultationPlan,
  type ConversationTurn,
} from '../../lambdas/domain/consultation';
import { consultOffline } from '../../lambdas/domain/offline-consultant';

/** A scripted conversation: each answer is checked against the schema every consultant is held to. */
function converse(messages: string[]): ConsultantResponse[] {
  const history: ConversationTurn[] = [];
  let plan: ConsultationPlan | null = null;
  const answers: ConsultantResponse[] = [];
  for (const message of messages) {
    const r = consultOffline({ history, plan, message, designReference: null });
    const parsed = ConsultantResponseSchema.safeParse(r);
    if (!parsed.success) throw new Error(`invalid answer to "${message}": ${parsed.error.message}`);
    answers.push(parsed.data);
    history.push({ role: 'user', content: message, at: '' }, { role: 'assistant', content: r.response, at: '' });
    plan = r.status === 'NEEDS_CONFIRMATION' ? planFromResponse(parsed.data) : r.status === 'NEEDS_INPUT' ? null : plan;
  }
  return answers;
}

describe('consulting on an app spec', () => {
  it('habit tracker with streaks → add dark mode → proceed: the confirmed plan has both', () => {
    const [plan, revised, ready] = converse(['a habit tracker where I see my streaks', 'add dark mode', 'proceed']);
    expect(plan).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'custom' });
    expect(plan!.response).toContain('Entities: Habit (name); Check-in (date: date, belongs to a habit)');
    expect(plan!.response).toContain('streak per habit, tick off today');
    expect(plan!.app_spec!.look.dark).toBe(false);
    expect(revised!.response).toContain('Updated the plan: Turned on dark mode.');
    expect(revised!.response).toContain('Look: default look, dark mode');
    expect(ready).toMatchObject({ status: 'READY_TO_BUILD', app_kind: 'custom' });
    expect(ready!.app_spec!.look.dark).toBe(true);
    expect(ready!.app_spec!.behaviours.map((b) => b.type)).toContain('streak');
    expect(ready!.build_prompt).toContain('streak per habit');
  });

  it('changes the spec by talking: a field, a grouping, a view, a name', () => {
    const [, withNotes, grouped, board, named] = converse([
      'a recipe book where I can tag recipes',
      'add a notes field',
      'group by category',
      'show it as a board by status',
      'call it "Grandma\'s Kitchen"',
    ]);
    expect(withNotes!.app_spec!.entities[0]!.fields.map((f) => f.id)).toContain('notes');
    expect(grouped!.response).toContain('grouped by category');
    expect(grouped!.app_spec!.behaviours).toContainEqual({ type: 'group', entity: 'recipe', field: 'category' });
    expect(board!.app_spec!.views[0]).toEqual({ type: 'board', entity: 'recipe', field: 'status' });
    expect(named!.app_spec!.title).toBe("Grandma's Kitchen");
  });

  it('a field asked for by its own words keeps them, and a field "called" something never renames the app', () => {
    const labels = (r: ConsultantResponse | undefined) => r!.app_spec!.entities[0]!.fields.map((f) => `${f.label}:${f.type}`);
    // Were a "Time" field, a "Date" field and no field at all.
    const [, cooking] = converse(['a recipe book', 'add a field for cooking time']);
    expect(labels(cooking)).toContain('Cooking time:text');
    const [, finished, recommended] = converse([
      'a reading list',
      'add a field for date finished',
      'also track who recommended it',
    ]);
    expect(labels(finished)).toContain('Finished on:date');
    expect(labels(finished)).not.toContain('Date:date');
    expect(labels(recommended)).toContain('Recommended by:text');
    // Was a field called "Track mood".
    const [, mood] = converse(['a habit tracker', 'also track my mood']);
    expect(labels(mood)).toContain('Mood:choice');
    // Were a "Called format" field beside Format, and the app renamed "Format".
    const [first, format] = converse(['a reading list', 'add a column called format']);
    expect(labels(format).filter((l) => /format/i.test(l))).toEqual(['Format:text']);
    expect(format!.app_spec!.title).toBe(first!.app_spec!.title);
    // Naming the app still names it.
    const [, , named] = converse(['a reading list', 'add a field called mood', 'call it My Books']);
    expect(named!.app_spec!.title).toBe('My Books');
  });

  it('a change said as "track X too", "I also want to assign tasks to people" or "a dropdown with high medium low" is made', () => {
    const labels = (r: ConsultantResponse | undefined) => r!.app_spec!.entities[0]!.fields.map((f) => `${f.label}:${f.type}`);
    // Each was "unchanged", or a field called "Mood as well" or "High medium low".
    const [, sets] = converse(['a workout log', 'track reps and sets too']);
    expect(labels(sets)).toEqual(expect.arrayContaining(['Reps:number', 'Sets:number']));
    const [, mood] = converse(['a habit tracker', 'track my mood as well']);
    expect(labels(mood)).toContain('Mood:choice');
    const [, , assigned, priority] = converse([
      'a todo list with due dates',
      'can you add due dates',
      'I also want to assign tasks to people',
      'make the priority a dropdown with high medium low',
    ]);
    expect(labels(assigned)).toContain('Assignee:text');
    expect(priority!.app_spec!.entities[0]!.fields).toContainEqual(
      expect.objectContaining({ label: 'Priority', type: 'choice', options: ['High', 'Medium', 'Low'] }),
    );
    expect(labels(priority).filter((l) => /high/i.test(l))).toEqual([]);
    const [, genre] = converse(['a reading list', 'make the genre a dropdown with fiction nonfiction poetry']);
    expect(genre!.app_spec!.entities[0]!.fields).toContainEqual(
      expect.objectContaining({ label: 'Genre', type: 'choice', options: ['Fiction', 'Nonfiction', 'Poetry'] }),
    );
  });

  it('"I don\'t need the year" removes it, "switch to cards" is a view, and a choice\'s values can be changed', () => {
    // Was read as declining the plan, with nothing changed.
    const [, noYear] = converse(['a movie watchlist', "I don't need the year"]);
    expect(noYear!.response).toContain('Removed the year field');
    expect(noYear!.app_spec!.entities[0]!.fields.map((f) => f.id)).not.toContain('year');
    // Declining still declines.
    const [plan, notYet] = converse(['a recipe book', "I don't want to build it yet"]);
    expect(notYet!.response).toContain('nothing is built until you confirm');
    expect(notYet!.app_spec).toEqual(plan!.app_spec);
    // Was "Made it a kanban board".
    const [, cards] = converse(['a reading list', 'switch to cards']);
    expect(cards!.app_spec!.views[0]).toEqual({ type: 'cards', entity: 'book', field: null });
    // Was unchanged.
    const [, categories] = converse(['an expense tracker', 'change the categories to food, rent, travel and fun']);
    expect(categories!.app_spec!.entities[0]!.fields).toContainEqual(
      expect.objectContaining({ id: 'category', type: 'choice', options: ['Food', 'Rent', 'Travel', 'Fun'] }),
    );
  });

  it('adds the fields a change request lists, those the vocabulary lacks too, and says so', () => {
    const [, r] = converse(['a wine catalog', 'add vintage, region and a price']);
    const fields = Object.fromEntries(r!.app_spec!.entities[0]!.fields.map((f) => [f.label, f.type] as const));
    expect(fields).toMatchObject({ Vintage: 'text', Region: 'text', Price: 'money' });
    expect(r!.response).toContain('Added a vintage field, added a region field and added a price field.');
    // "Add dark mode and search" names no field.
    const [, look] = converse(['a wine catalog', 'add dark mode and search']);
    expect(look!.app_spec!.entities[0]!.fields.map((f) => f.label)).toEqual(
      r!.app_spec!.entities[0]!.fields.map((f) => f.label).filter((l) => !['Vintage', 'Region', 'Price'].includes(l)),
    );
  });

  it('names the fields a change asks for beyond what one record holds', () => {
    const [, r] = converse([
      'a coin catalog',
      'add country, year, mint, grade, metal, weight, diameter, value, seller, condition and rarity',
    ]);
    expect(r!.app_spec!.entities[0]!.fields).toHaveLength(12);
    expect(r!.response).toMatch(/Note: more fields than one record holds \(12\): [a-z, ]*rarity/);
  });

  it('turns a kind template into a spec when asked for what only a spec has', () => {
    const [, r] = converse(['a todo list', 'add a notes field and group by priority']);
    expect(r).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'custom' });
    expect(r!.app_spec!.entities[0]!.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['notes', 'priority']));
  });

  it('says plainly what it cannot build, before anything is built, with what it can build instead', () => {
    const [chess, kernel] = converse(['a multiplayer chess game', 'build me an operating system kernel']);
    for (const r of [chess!, kernel!]) {
      expect(r.status).toBe('NEEDS_INPUT');
      expect(r.app_kind).toBeNull();
      expect(r.response).toContain('I cannot build that as asked');
      expect(r.response).toContain('It can build instead');
    }
    expect(chess!.response).toContain('other people over the network');
  });

  it('builds a close reading and names what it leaves out', () => {
    const [r] = converse(['a habit tracker that sends me push notifications']);
    expect(r).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'custom', interpreted_as: 'a habit tracker' });
    expect(r!.left_out).toEqual(['sending e-mail, text messages or push notifications']);
    expect(r!.response).toContain('Left out (the app built here cannot do it): sending e-mail');
  });

  it('understands a Spanish calculator request, and answers unreadable Spanish in plain words', () => {
    const [r] = converse(['una calculadora']);
    expect(r).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'calculator' });
    expect(r!.interpreted_as).toContain('read from Spanish');
    const [q] = converse(['quiero una aplicación para mis perros']);
    expect(q!.status).toBe('NEEDS_INPUT');
    expect(q!.response).toContain('Lo siento');
  });
});

describe('the spec is validated at the consultant boundary', () => {
  const base = converse(['a habit tracker where I see my streaks'])[0]!;

  it('refuses a custom plan without a spec, and a spec that points at a missing field', () => {
    expect(ConsultantResponseSchema.safeParse({ ...base, app_spec: null }).success).toBe(false);
    const broken = JSON.parse(JSON.stringify(base)) as Record<string, any>;
    broken.app_spec.behaviours.push({ type: 'total', entity: 'habit', field: 'cost', by: null });
    const parsed = ConsultantResponseSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('habit has no field');
  });
});

describe('a model can answer with the same spec', () => {
  it('the structured-output schema a model is given describes the app spec', () => {
    const schema = JSON.stringify(z.toJSONSchema(ConsultantResponseSchema, { io: 'input', unrepresentable: 'any' }));
    for (const word of ['app_spec', 'entities', 'behaviours', 'streak', 'interpreted_as', 'left_out', 'custom']) {
      expect(schema).toContain(word);
    }
  });

  it('a change makes a field required or optional, gives it another type, renames it by "change X to Y", and names the app', () => {
    const fieldOf = (r: ConsultantResponse, label: string) => r.app_spec!.entities[0]!.fields.find((f) => f.label === label);
    // Each was "I did not find a change I can make in that".
    const [, required] = converse(['a reading list', 'make rating required']);
    expect(required!.response).toContain('Made the rating field required.');
    expect(fieldOf(required!, 'Rating')!.required).toBe(true);
    const [, optional] = converse(['a recipe book', 'make the name optional']);
    expect(fieldOf(optional!, 'Name')!.required).toBe(false);
    // A type the board cannot show takes the board with it, said so; a list view stays.
    const [, text] = converse(['a reading list', 'change status to text']);
    expect(text!.response).toContain('Made the status field text (the board view by it goes).');
    expect(fieldOf(text!, 'Status')).toMatchObject({ type: 'text' });
    expect(text!.app_spec!.views.map((v) => v.type)).toEqual(['list']);
    const [, checkbox] = converse(['an expense tracker', 'change category to a checkbox']);
    expect(fieldOf(checkbox!, 'Category')).toEqual({ id: 'category', label: 'Category', type: 'boolean', required: false });
    const [, money] = converse(['an expense tracker', 'change amount to text']);
    expect(money!.response).toContain('(the total by it goes)');
    expect(money!.app_spec!.behaviours.map((b) => b.type)).not.toContain('total');
    // "change X to Y" with a name that is no type renames; a value of the field or a look is no name.
    const [, cost] = converse(['an expense tracker', 'change amount to cost']);
    expect(cost!.response).toContain('Renamed the amount field to Cost.');
    const [, reading] = converse(['a reading list', 'change the status to reading']);
    expect(fieldOf(reading!, 'Status')).toMatchObject({ type: 'choice' });
    const [, dark] = converse(['a reading list', 'change the theme to dark']);
    expect(dark!.app_spec!.look.dark).toBe(true);
    // Was no change: "name the app …" names it as "call it …" does.
    const [, named] = converse(['a reading list', 'name the app Shelf']);
    expect(named!.app_spec!.title).toBe('Shelf');
  });
});
