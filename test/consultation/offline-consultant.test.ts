import { supportsFeature } from '../../lambdas/domain/architect/catalog';
import {
  classifyReply,
  composeBuildPrompt,
  ConsultantResponseSchema,
  enforceConfirmationRule,
  planFromResponse,
  speechFor,
  toSpeech,
  type ConsultantResponse,
  type ConsultationPlan,
  type ConversationTurn,
} from '../../lambdas/domain/consultation';
import { planSha256 } from '../../lambdas/domain/plan-digest';
import { consultOffline, OPENING_QUESTION, revisePlan } from '../../lambdas/domain/offline-consultant';

/** Runs a scripted conversation the way the app does: the plan on the table is the last proposed one. */
function converse(messages: string[]): ConsultantResponse[] {
  const history: ConversationTurn[] = [];
  let plan: ConsultationPlan | null = null;
  const answers: ConsultantResponse[] = [];
  for (const message of messages) {
    const r = consultOffline({ history, plan, message, designReference: null });
    expect(ConsultantResponseSchema.safeParse(r).success).toBe(true);
    answers.push(r);
    history.push({ role: 'user', content: message, at: '' }, { role: 'assistant', content: r.response, at: '' });
    plan = r.status === 'NEEDS_CONFIRMATION' ? planFromResponse(r) : r.status === 'NEEDS_INPUT' ? null : plan;
  }
  return answers;
}

describe('classifyReply', () => {
  it.each([
    'yes',
    'Yes, proceed',
    'proceed',
    'Go ahead',
    'build it!',
    'ok, go ahead and build it please',
    'Sounds good, ship it',
    'LGTM',
    "Let's go",
    'yes please, go ahead with the plan',
    'go',
    'Go!',
    'build',
    'fine, build it',
    'works for me',
    'good to go',
    // Were "I did not find a change": a filler word after the confirmation.
    'ok fine, build it anyway',
    'build it for me',
    'awesome, go ahead',
    'sounds great, go for it',
    'looks nice, build it',
  ])('%j confirms', (m) => expect(classifyReply(m)).toBe('confirm'));

  it.each(['no', 'not yet', "don't build it", 'wait', 'Hold on, do not proceed', 'no thanks'])('%j declines', (m) =>
    expect(classifyReply(m)).toBe('decline'),
  );

  it.each([
    'yes but add a dark mode',
    'add a dark mode',
    'build me a calculator',
    'make it dark',
    'proceed? remove the filter',
    'go with a dark theme',
    'build a recipe book instead',
    '',
  ])('%j is neither: a change or a request', (m) => expect(classifyReply(m)).toBe('other'));
});

describe('the offline consultant', () => {
  it('asks a real question when the request is vague', () => {
    const [r] = converse(['build me an app']);
    expect(r).toMatchObject({ status: 'NEEDS_INPUT', app_kind: null, build_prompt: null, features: [] });
    expect(r!.question).toBe(OPENING_QUESTION);
    expect(r!.question).toMatch(/calculator.*task manager.*notes app.*kanban board/);
    expect(r!.question).toMatch(/LinkedIn.*Twitter.*Trello.*Notion/);
    // Spoken whole (a Siri answer is cut at 320 characters), every kind included.
    expect(toSpeech(OPENING_QUESTION)).toBe(OPENING_QUESTION);
    expect(r!.question).toMatch(/dice roller.*word counter/);
  });

  it('plans the new tools without inventing what they leave out', () => {
    const [dice] = converse(['a password generator']);
    expect(dice).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'randomizer' });
    expect(JSON.stringify(dice)).not.toMatch(/accounts and sign-in/);
    const [words] = converse(['a word counter for my essays']);
    expect(words).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'wordcount' });
  });

  it("takes a kind's word inside another kind's longer name as that kind's, without asking which", () => {
    // "converter" is the unit converter's word; in "a time zone converter" it was asked about.
    for (const [message, kind] of [
      ['I need a time zone converter for my team', 'clock'],
      ['a base64 converter', 'devtools'],
      ['a hex to rgb converter', 'color'],
    ] as const) {
      const [r] = converse([message]);
      expect({ message, status: r!.status, kind: r!.app_kind }).toEqual({ message, status: 'NEEDS_CONFIRMATION', kind });
    }
    // Two kinds named each by their own word are still asked about.
    const [both] = converse(['a timer or a calculator']);
    expect(both!.status).toBe('NEEDS_INPUT');
  });

  it('proposes a concrete plan for an answer, revises it on a change request, and builds only on "proceed"', () => {
    const [, plan, revised, ready] = converse([
      'build me an app',
      'a task manager with priorities',
      'add a dark mode',
      'yes, proceed',
    ]);
    expect(plan).toMatchObject({
      status: 'NEEDS_CONFIRMATION',
      app_kind: 'tasks',
      design_target: null,
      proposed_stack: 'static-web',
    });
    expect(plan!.features).toEqual(['local-storage', 'filter', 'priorities']);
    expect(plan!.response).toContain('Shall I build it?');
    expect(revised).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'tasks' });
    expect(revised!.features).toEqual(['dark-mode', 'local-storage', 'filter', 'priorities']);
    expect(revised!.response).toMatch(/^Updated the plan: Added dark mode\./);
    expect(revised!.build_prompt).toContain('with dark mode, saved in this browser, filter and priorities');
    expect(ready).toMatchObject({ status: 'READY_TO_BUILD', app_kind: 'tasks', features: revised!.features, confidence: 1 });
    expect(ready!.build_prompt).toBe(revised!.build_prompt);
  });

  it("changes a spec's fields by name: a field for …, removing one, a choice's values, a text field made a choice", () => {
    const answers = converse([
      'I want an app to track my plants',
      'add a field for the pot size',
      'the room should be a choice like kitchen, bedroom or balcony',
      'add a pot type field',
      'make the pot type a choice of clay, plastic or glass',
      'remove the next watering',
    ]);
    const fields = (i: number) => answers[i]!.app_spec!.entities[0]!.fields;
    // "add a field for the pot size" once added a field called "A".
    expect(fields(1).map((f) => f.label)).toEqual(['Name', 'Room', 'Next watering', 'Pot size']);
    expect(fields(2).find((f) => f.label === 'Room')!.options).toEqual(['Kitchen', 'Bedroom', 'Balcony']);
    expect(fields(4).find((f) => f.label === 'Pot type')).toMatchObject({
      type: 'choice',
      options: ['Clay', 'Plastic', 'Glass'],
    });
    // Its name is enough to remove a field (the word "field" was needed).
    expect(fields(5).map((f) => f.label)).toEqual(['Name', 'Room', 'Pot size', 'Pot type']);
    expect(answers.every((a) => a.status === 'NEEDS_CONFIRMATION')).toBe(true);
  });

  it('renames fields and the app, removes behaviours and views, reads a field with its values, and says only what a change leaves out', () => {
    const answers = converse([
      'an expense tracker with a calendar',
      'rename amount to cost',
      'add a payment method field with cash, card or transfer',
      'remove the totals',
      'remove the calendar',
      'change the title to Pocket Money',
    ]);
    const spec = (i: number) => answers[i]!.app_spec!;
    const labels = (i: number) => spec(i).entities[0]!.fields.map((f) => f.label);
    expect(labels(1)).toContain('Cost');
    expect(labels(1)).not.toContain('Amount');
    // The values are the field's, not fields of their own (it added Cash and Transfer fields).
    expect(spec(2).entities[0]!.fields.at(-1)).toMatchObject({
      label: 'Payment method',
      type: 'choice',
      options: ['Cash', 'Card', 'Transfer'],
    });
    expect(labels(2)).not.toContain('Cash');
    // The words that remove the totals add none back.
    expect(spec(3).behaviours.map((b) => b.type)).not.toContain('total');
    expect(spec(4).views.map((v) => v.type)).not.toContain('calendar');
    expect(spec(4).views.length).toBeGreaterThan(0);
    // The app's title, not the field called Title.
    expect(answers[5]!.response).toContain('Pocket Money');
    expect(labels(5)).toEqual(labels(4));
    // Nothing to remove: no change is claimed.
    expect(converse(['an expense tracker', 'remove the streaks'])[1]!.response).toMatch(/did not find a change/);
    // "a page count" is a number of each book, not a one-page website's missing words.
    const books = converse(['a reading list', 'add a page count', 'I also want to track when I finished each book']);
    expect(books[1]!.left_out ?? []).toEqual([]);
    expect(books[2]!.app_spec!.entities[0]!.fields.at(-1)).toMatchObject({ label: 'Finished on', type: 'date' });
  });

  it('does not build on "proceed" when no plan exists', () => {
    const [r] = converse(['proceed']);
    expect(r!.status).toBe('NEEDS_INPUT');
    expect(r!.response).toContain('nothing will be built');
  });

  it('treats "yes, but …" as a change, and a refusal keeps the plan without building', () => {
    const [, change, no] = converse(['a notes app', 'yes but add export', 'no, not yet']);
    expect(change).toMatchObject({ status: 'NEEDS_CONFIRMATION' });
    expect(change!.features).toContain('export');
    expect(no).toMatchObject({ status: 'NEEDS_CONFIRMATION', question: 'What should I change?' });
    expect(no!.features).toEqual(change!.features);
  });

  it('removes features, switches themes and kinds on request, and keeps only what the kind supports', () => {
    const [, removed, trello, notes] = converse([
      'a todo list with search and priorities',
      'remove the search',
      'make it look like Trello',
      'actually make it a notes app instead',
    ]);
    expect(removed!.features).not.toContain('search');
    expect(trello).toMatchObject({ app_kind: 'board', design_target: 'TRELLO' });
    expect(trello!.features.every((f) => supportsFeature('board', f))).toBe(true);
    expect(trello!.response).toMatch(/left out priorities/);
    expect(notes).toMatchObject({ app_kind: 'notes', design_target: null });
  });

  it('asks between two kinds the request names equally', () => {
    const [r] = converse(['a timer for my tasks']);
    expect(r!.status).toBe('NEEDS_INPUT');
    expect(r!.question).toMatch(/task manager .* or a focus timer/);
  });

  it('understands themes and their implied features, and says what a prototype cannot do', () => {
    const [r] = converse(['Build a Twitter-style timeline where people can log in']);
    expect(r).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'feed', design_target: 'TWITTER' });
    expect(r!.features).toEqual(['dark-mode', 'local-storage', 'search']);
    expect(r!.response).toContain('Twitter-style timeline v1.0.0');
    expect(r!.response).toContain('Left out (the app built here cannot do it): user accounts and sign-in');
    expect(r).toMatchObject({ interpreted_as: 'a social feed', left_out: ['user accounts and sign-in'] });
  });

  it('mentions the design reference in the plan', () => {
    const r = consultOffline({
      history: [],
      plan: null,
      message: 'a calculator like this',
      designReference: { filename: 'mock.png', ext: 'png' },
    });
    expect(r.response).toContain('public/design-reference.png');
  });

  it('answers a greeting with its opening question; a colon gives a field its values; the number of X is a field', () => {
    const [hello, can, plan] = converse(['Hello!', 'what can you do?', 'a habit tracker']);
    expect(hello).toMatchObject({ status: 'NEEDS_INPUT', question: OPENING_QUESTION });
    expect(hello!.response).toMatch(/^Hello! /);
    expect(can).toMatchObject({ status: 'NEEDS_INPUT', question: OPENING_QUESTION });
    expect(plan!.status).toBe('NEEDS_CONFIRMATION');
    const fieldsOf = (r: ConsultantResponse) =>
      r.app_spec!.entities[0]!.fields.map((f) => `${f.label}:${f.type}${f.options ? `(${f.options.join('/')})` : ''}`);
    // Was "Added a rent field" (money), the category unchanged.
    const [, category] = converse([
      'I need something for my expenses',
      "I'd also like a category for each expense: food, transport, rent or fun",
    ]);
    expect(fieldsOf(category!)).toContain('Category:choice(Food/Transport/Rent/Fun)');
    expect(fieldsOf(category!)).not.toContain('Rent:money');
    // Was only the prep time.
    const [, servings] = converse(['I want a recipe book', 'Can each recipe also have a prep time and the number of servings?']);
    expect(fieldsOf(servings!)).toEqual(expect.arrayContaining(['Prep time:text', 'Servings:number']));
    // A run's time is how long it took: no Time beside its Minutes.
    const [run] = converse(["Hi, I'd like an app to track my running. Each run should have distance, time and how I felt."]);
    expect(fieldsOf(run!)).toEqual(expect.arrayContaining(['Minutes:number', 'How I felt:rating']));
    expect(fieldsOf(run!)).not.toContain('Time:text');
  });

  it('makes the change in "no wait, …", adds what "also …" or "and …" names, answers a question with the plan, and asks a business what to keep', () => {
    const fieldsOf = (r: ConsultantResponse) => planFromResponse(r)!.app_spec!.entities[0]!.fields.map((f) => f.label);
    // Was "The plan stays as it is" with the notes still in it.
    const [, , removed] = converse(['a habit tracker', 'add a notes field', 'no wait, remove the notes']);
    expect(removed!.status).toBe('NEEDS_CONFIRMATION');
    expect(fieldsOf(removed!)).not.toContain('Notes');
    const [, declined] = converse(['a habit tracker', "no, don't add anything"]);
    expect(declined!.response).toMatch(/nothing is built until you confirm/);
    // Were "I did not find a change".
    expect(fieldsOf(converse(['a reading list', 'also the number of pages'])[1]!)).toContain('Pages');
    expect(fieldsOf(converse(['a reading list', 'and a genre'])[1]!)).toContain('Genre');
    expect(fieldsOf(converse(['a reading list', 'can you add where I bought it?'])[1]!)).toContain('Bought at');
    const pet = converse(["a tracker for my dog's vet visits and vaccines", 'actually also his weight'])[1]!;
    expect(planFromResponse(pet)!.app_spec!.entities.flatMap((e) => e.fields.map((f) => f.label))).toContain('Weight');
    // A question changes nothing, and is answered as one.
    const [, question] = converse(['a recipe book', 'what can it do?']);
    expect(question!.response).toMatch(/^The app does what the plan below says/);
    // "for my small business" is asked what to keep; "I sell candles at markets" is a sales log.
    const [business, sells] = converse(['I need an app for my small business', 'I sell candles at markets']);
    expect(business!.status).toBe('NEEDS_INPUT');
    expect(business!.response).toMatch(/sales log.*What should the app keep track of/);
    expect(planFromResponse(sells!)!.app_spec!.phrase).toBe('a sales log');
    // A bare list after a plan adds its fields; a teacher's attendance is the attendance tracker
    // the situation question offers (was "Attendance" records with a name).
    const [, , listed] = converse(['I want an app', 'for my garden', 'vegetables, when I planted them and when to harvest']);
    expect(fieldsOf(listed!)).toContain('Harvest date');
    const [, yesBut] = converse(['a reading list', 'yes, but add a genre']);
    expect(fieldsOf(yesBut!)).toContain('Genre');
    expect(fieldsOf(yesBut!)).not.toContain('Yes');
    const [, attendance] = converse(["I'm a teacher", 'attendance for my class']);
    expect(planFromResponse(attendance!)!.app_spec!.entities.map((e) => e.name)).toEqual(['Student', 'Attendance mark']);
  });

  it('asks what to keep track of when a person says who they are or what they want, and reads the answer as that', () => {
    // Each was the reader's "could not find an app" with the whole menu ("save money" a "Money tracker").
    for (const [message, suggests] of [
      ['I run a dog walking business', /dog walking business.*client list/],
      ["I'm a teacher", /gradebook.*attendance/],
      ['I want to get fit', /workout log.*running log/],
      ['I want to save money', /expense tracker.*budget/],
    ] as const) {
      const [r] = converse([message]);
      expect({ message, status: r!.status }).toEqual({ message, status: 'NEEDS_INPUT' });
      expect(r!.response).toMatch(suggests);
      expect(r!.question).toMatch(/What should the app keep track of/);
      expect(r!.response).not.toMatch(/could not find an app/);
    }
    const [, plan, ready] = converse([
      'I run a dog walking business',
      'the dogs, their owners, walk times and whether they paid',
      'go',
    ]);
    expect(plan!.status).toBe('NEEDS_CONFIRMATION');
    expect(plan!.app_spec!.entities[0]!.name).toBe('Dog');
    expect(plan!.app_spec!.entities[0]!.fields.map((f) => f.label)).toEqual(
      expect.arrayContaining(['Owners', 'Walk time', 'Paid']),
    );
    expect(ready!.status).toBe('READY_TO_BUILD');
    // "the jobs" of a business are its jobs for clients, each at a price (were records with a name).
    for (const answer of ['the jobs', 'customers and jobs']) {
      const [, jobs] = converse(['I run a cleaning business', answer]);
      expect({ answer, phrase: jobs!.app_spec?.phrase, fields: jobs!.app_spec?.entities[0]!.fields.map((f) => f.label) }).toEqual(
        {
          answer,
          phrase: 'a job list',
          fields: expect.arrayContaining(['Client', 'Price', 'Paid']),
        },
      );
    }
    // Words that say nothing are still answered with what can be built.
    const [blah] = converse(['blah blah']);
    expect(blah!.response).toMatch(/could not find an app/);
  });

  it('a change gives a choice its values "for each one like …", finds a field named with its clause, and "go" builds', () => {
    const fieldsOf = (r: ConsultantResponse) => r.app_spec!.entities[0]!.fields.map((f) => `${f.label}:${f.type}`);
    // Was "I did not find a change".
    const [, categories, go] = converse([
      'I need to track my expenses',
      'can you add a category for each one like food, rent, transport',
      'go',
    ]);
    expect(categories!.response).toContain('Offered Food, Rent, Transport as the category');
    expect(categories!.app_spec!.entities[0]!.fields.find((f) => f.id === 'category')?.options).toEqual([
      'Food',
      'Rent',
      'Transport',
    ]);
    expect(go!.status).toBe('READY_TO_BUILD');
    // Was a plain note-less "unchanged": the room is the plan's own.
    const [, room] = converse(['something to help me with my plants', 'also add the room they are in']);
    expect(room!.response).toContain('the plan already has room');
    // "keep track of the dogs I walk, their owners, …": each dog's owner and whether they paid (both were dropped).
    const [dogs] = converse(['I need to keep track of the dogs I walk, their owners, walk times and whether they paid']);
    expect(fieldsOf(dogs!)).toEqual(expect.arrayContaining(['Owners:text', 'Walk time:text', 'Paid:boolean']));
  });

  it('a change names who did what, says a field is there already, and says what it leaves out even when nothing else changes', () => {
    const fieldsOf = (r: ConsultantResponse) => r.app_spec!.entities[0]!.fields.map((f) => `${f.label}:${f.type}`);
    // Was unchanged.
    const [, picked] = converse(['I want an app for my book club', 'we need to track which books we read and who picked them']);
    expect(picked!.response).toContain('Added a picked by field');
    expect(fieldsOf(picked!)).toContain('Picked by:text');
    // Was "I did not find a change" and nothing more.
    const [, rating] = converse(['I want an app for my book club', 'add a rating']);
    expect(rating!.response).toContain('unchanged');
    expect(rating!.response).toContain('the plan already has rating');
    const [, yearly] = converse(['an expense tracker', 'and a yearly report']);
    expect(yearly!.response).toMatch(/Note: left out: totals or statistics per week, month or year/);
    // A monthly total is a total per month of the records' date (it was left out).
    const [, monthly] = converse(['an expense tracker', 'and a monthly total']);
    expect(monthly!.response).toContain('Totalled amount per month');
    expect(monthly!.response).not.toMatch(/left out/i);
    // "email me" is what the app would do, not an e-mail field (it was one).
    const [, email] = converse(['a recipe book', 'add a rating and email me a shopping list']);
    expect(fieldsOf(email!)).toContain('Rating:rating');
    expect(fieldsOf(email!).join()).not.toMatch(/mail/i);
    expect(email!.left_out).toEqual(expect.arrayContaining([expect.stringMatching(/sending e-mail/)]));
  });

  it('is deterministic', () => {
    const script = ['something for my math homework', 'add a history', 'call it "Homework Helper"', 'go ahead'];
    expect(JSON.stringify(converse(script))).toBe(JSON.stringify(converse(script)));
    const last = converse(script).at(-1)!;
    expect(last).toMatchObject({ status: 'READY_TO_BUILD', app_kind: 'calculator', features: ['history'] });
    expect(last.build_prompt).toContain('called "Homework Helper"');
  });
});

describe('a goal in the consultation', () => {
  it('is added with its number, changed by a new one and removed', () => {
    const goals = (r: ConsultantResponse) => (planFromResponse(r)?.app_spec?.behaviours ?? []).filter((b) => b.type === 'goal');
    const [first, added, changed, removed] = converse([
      'a water intake tracker',
      'add a daily goal of 8 glasses',
      'make the goal 10 glasses a day',
      'remove the goal',
    ]);
    expect(goals(first!)).toEqual([]);
    expect(added!.response).toContain('Added a goal of 8 glasses a day, with how far it has got');
    expect(goals(added!)).toEqual([{ type: 'goal', entity: 'drink', field: 'glasses', target: 8, per: 'day', limit: false }]);
    expect(changed!.response).toContain('Changed the goal to 10 glasses a day');
    expect(goals(changed!)).toEqual([expect.objectContaining({ target: 10 })]);
    expect(removed!.response).toContain('Removed the goal');
    expect(goals(removed!)).toEqual([]);
  });

  it('removes a goal on how many records there are too', () => {
    const goals = (r: ConsultantResponse) =>
      (planFromResponse(r)?.app_spec?.behaviours ?? []).filter((b) => b.type.endsWith('goal'));
    // The count goal stayed when "remove the goal" took only a goal on a number.
    const [first, removed] = converse(['a reading challenge: 30 books this year', 'remove the goal']);
    expect(goals(first!)).toEqual([{ type: 'count-goal', entity: 'book', target: 30, per: 'year' }]);
    expect(removed!.response).toContain('Removed the goal');
    expect(goals(removed!)).toEqual([]);
  });
});

describe('revisePlan', () => {
  const plan: ConsultationPlan = {
    kind: 'calculator',
    features: [],
    design_target: null,
    proposed_stack: 'static-web',
    build_prompt: 'x',
    title: null,
  };
  it('names features a kind cannot do instead of adding them', () => {
    const out = revisePlan(plan, 'add search', 'a calculator');
    expect(out.changes).toEqual([]);
    expect(out.notes).toEqual(['search is not available for a calculator']);
  });
  it('composes the build prompt from the plan and the original request', () => {
    expect(
      composeBuildPrompt({ kind: 'board', features: ['dark-mode'], design_target: 'TRELLO', title: null }, 'my sprint'),
    ).toBe('Build a Trello-style board with dark mode. Original request: "my sprint"');
  });
});

describe('the confirmation rule holds for any consultant', () => {
  const plan: ConsultationPlan = {
    kind: 'tasks',
    features: ['local-storage'],
    design_target: null,
    proposed_stack: 'static-web',
    build_prompt: 'Build a task manager.',
    title: null,
  };
  const eager: ConsultantResponse = {
    response: 'Building!',
    status: 'READY_TO_BUILD',
    question: null,
    app_kind: 'notes',
    design_target: null,
    proposed_stack: 'static-web',
    build_prompt: 'Build a notes app.',
    features: [],
    confidence: 1,
  };

  it('READY_TO_BUILD without a plan on the table becomes a question', () => {
    const out = enforceConfirmationRule(eager, { planAwaitingConfirmation: null, message: 'yes' });
    expect(out.overridden).toMatch(/without a plan/);
    expect(out.response.status).toBe('NEEDS_INPUT');
  });

  it('READY_TO_BUILD without an explicit yes goes back to the plan awaiting confirmation', () => {
    const out = enforceConfirmationRule(eager, { planAwaitingConfirmation: plan, message: 'and add export' });
    expect(out.response).toMatchObject({ status: 'NEEDS_CONFIRMATION', app_kind: 'tasks', build_prompt: plan.build_prompt });
  });

  it('an explicit yes to a plan stands', () => {
    expect(enforceConfirmationRule(eager, { planAwaitingConfirmation: plan, message: 'proceed' }).overridden).toBeNull();
  });

  it('plan fingerprints change with the plan', () => {
    expect(planSha256(plan)).toBe(planSha256({ ...plan }));
    expect(planSha256(plan)).not.toBe(planSha256({ ...plan, features: [] }));
  });
});

describe('speech', () => {
  it('is short plain text', () => {
    const [, plan] = converse(['build me an app', 'a Trello board with dark mode']);
    const speech = speechFor(plan!, planFromResponse(plan!));
    expect(speech).toBe('I can build a Trello-style board with dark mode and saved in this browser. Shall I build it?');
    expect(toSpeech('# Title\n- one\n- two **bold**')).toBe('Title one two bold');
    expect(toSpeech('A sentence. '.repeat(60)).length).toBeLessThanOrEqual(320);
  });
});
