import {
  analyzeRequest,
  APP_KIND_IDS,
  APP_KINDS,
  cleanAppName,
  FEATURE_IDS,
  FEATURES,
  slugify,
  type AppKindId,
  type FeatureId,
} from '../../lambdas/domain/architect/request-analysis';

describe('analyzeRequest: kind and features', () => {
  const table: ReadonlyArray<readonly [string, AppKindId | null, FeatureId[]]> = [
    ['Build a calculator with dark mode', 'calculator', ['dark-mode']],
    ['a simple calc', 'calculator', []],
    ['I need something to do arithmetic, with a history of previous calculations', 'calculator', ['history']],
    ['I need a todo list', 'tasks', []],
    ['Make me a to-do app that remembers my items', 'tasks', ['local-storage']],
    ['To do list please', 'tasks', []],
    ['A task manager with priorities and search', 'tasks', ['search', 'priorities']],
    ['tasks app with a filter for completed ones', 'tasks', ['filter']],
    ['a checklist for my chores, saved in local storage', 'tasks', ['local-storage']],
    ['Notepad for quick thoughts', 'notes', []],
    ['A journal I can search', 'notes', ['search']],
    ['note-taking app with export to JSON', 'notes', ['export']],
    ['a diary with night mode', 'notes', ['dark-mode']],
    ['Pomodoro timer', 'timer', []],
    ['a stopwatch', 'timer', ['stopwatch']],
    ['a metronome for guitar practice', 'timer', ['metronome']],
    ['a HIIT timer', 'timer', ['intervals']],
    ['a tabata timer', 'timer', ['intervals']],
    ['a timer for my workouts with rounds', 'timer', ['intervals']],
    ['a pomodoro timer with 4 rounds', 'timer', []],
    ['countdown timer with a dark theme that persists', 'timer', ['dark-mode', 'local-storage']],
    ['unit converter for length and temperature', 'converter', []],
    ['convert celsius to fahrenheit', 'converter', []],
    ['kilometers to miles conversion tool', 'converter', []],
    ['Trello-style board for my tasks', 'board', []],
    ['a kanban board for the sprint', 'board', []],
    ['Build a LinkedIn-style feed', 'feed', []],
    ['a timeline of short posts with hashtags', 'feed', []],
    ['a recipe box', null, []],
    ['', null, []],
  ];

  it.each(table)('%j → %s %j', (text, kind, features) => {
    const analysis = analyzeRequest(text);
    expect(analysis.kind).toBe(kind);
    expect(analysis.features).toEqual(features);
  });

  it('is confident about an outright name and less so about an ambiguous request', () => {
    expect(analyzeRequest('a calculator').confidence).toBe(1);
    const ambiguous = analyzeRequest('a timer for my tasks');
    expect(ambiguous.confidence).toBeLessThan(0.6);
    expect(ambiguous.scores.timer).toBeGreaterThan(0);
    expect(ambiguous.scores.tasks).toBeGreaterThan(0);
    // On a tie the kind named first wins.
    expect(ambiguous.kind).toBe('timer');
    expect(analyzeRequest('tasks app with a timer').kind).toBe('tasks');
  });

  it('counts a hint weakly and nothing as nothing', () => {
    const hinted = analyzeRequest('something for my math homework');
    expect(hinted.kind).toBe('calculator');
    expect(hinted.confidence).toBeLessThan(0.5);
    const unknown = analyzeRequest('a recipe box');
    expect(unknown.confidence).toBe(0);
    expect(Object.values(unknown.scores).every((s) => s === 0)).toBe(true);
  });

  it('prefers the kind a build verb introduces over an earlier passing mention', () => {
    const analysis = analyzeRequest('Note: it must be fast. Build a calculator.');
    expect(analysis.kind).toBe('calculator');
    expect(analysis.scores).toMatchObject({ notes: 3, calculator: 4 });
    expect(analyzeRequest('I want a notepad to keep track of my tasks').kind).toBe('notes');
  });

  it('a stronger match outweighs a weaker one', () => {
    expect(analyzeRequest('a pomodoro timer that lists my tasks').kind).toBe('timer');
    expect(analyzeRequest('a todo list with a timer').kind).toBe('tasks');
  });

  it('declined features are excluded, and a negation stops at "but"/"and"/"with"', () => {
    const declined = analyzeRequest('a calculator without dark mode');
    expect(declined.features).toEqual([]);
    expect(declined.excludedFeatures).toEqual(['dark-mode']);
    const mixed = analyzeRequest("a todo list with no export but dark mode, and don't add search");
    expect(mixed.features).toEqual(['dark-mode']);
    expect(mixed.excludedFeatures).toEqual(['search', 'export']);
    expect(analyzeRequest('no login needed, with dark mode').features).toEqual(['dark-mode']);
  });

  it('names features the chosen kind cannot do', () => {
    const analysis = analyzeRequest('a calculator with search and dark mode');
    expect(analysis.features).toEqual(['dark-mode', 'search']);
    expect(analysis.unsupportedFeatures).toEqual(['search']);
    expect(analyzeRequest('a recipe box with search').unsupportedFeatures).toEqual([]);
  });
});

describe('analyzeRequest: names and design targets', () => {
  it('uses a quoted or bare name the person gave', () => {
    const quoted = analyzeRequest('a notes app called "Daily Log" with search');
    expect(quoted.appName).toBe('Daily Log');
    expect(quoted.projectName).toBe('daily-log');
    const bare = analyzeRequest('build a timer named focus pal with dark mode');
    expect(bare.appName).toBe('Focus Pal');
    expect(bare.projectName).toBe('focus-pal');
  });

  it("falls back to the kind's project name, then to the request's own words", () => {
    expect(analyzeRequest('a pomodoro timer').projectName).toBe('focus-timer');
    expect(analyzeRequest('Build me a recipe box please').projectName).toBe('recipe-box');
    expect(analyzeRequest('!!!').projectName).toBe('app');
  });

  it('keeps project names valid slugs of at most 40 characters', () => {
    const long = analyzeRequest(`a calculator called "${'Extraordinarily Long Name '.repeat(5)}"`);
    expect(long.projectName.length).toBeLessThanOrEqual(40);
    expect(long.projectName).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
    expect(slugify('  Héllo — Wörld!  ')).toBe('hello-world');
    expect(slugify('x'.repeat(39) + ' y')).toBe('x'.repeat(39));
  });

  it('strips markup and symbols from names', () => {
    expect(cleanAppName('<b>Evil</b> "App"')).toBe('Evil App');
    expect(cleanAppName('***')).toBeNull();
    expect(analyzeRequest('a calculator named <script>').appName).toBeNull();
    expect(analyzeRequest('a calculator named <script>').projectName).toBe('calculator');
  });

  it('detects a famous app to look like', () => {
    expect(analyzeRequest('Trello-style board for my tasks').designTarget).toBe('TRELLO');
    expect(analyzeRequest('a notes app like Notion or Evernote').designTarget).toBe('NOTION');
    expect(analyzeRequest('a calculator').designTarget).toBeNull();
  });
});

describe('catalog', () => {
  it('describes every kind and feature, and features only name existing kinds', () => {
    for (const kind of APP_KIND_IDS) {
      expect(APP_KINDS[kind].id).toBe(kind);
      expect(APP_KINDS[kind].keywords.length).toBeGreaterThan(0);
      expect(APP_KINDS[kind].defaultProjectName).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      for (const feature of APP_KINDS[kind].defaultFeatures) expect(FEATURES[feature].kinds).toContain(kind);
    }
    for (const feature of FEATURE_IDS) {
      expect(FEATURES[feature].id).toBe(feature);
      for (const kind of FEATURES[feature].kinds) expect(APP_KIND_IDS).toContain(kind);
    }
  });

  it('recognises every kind by its own title', () => {
    for (const kind of APP_KIND_IDS) expect(analyzeRequest(`a ${APP_KINDS[kind].title}`).kind).toBe(kind);
  });

  it('is deterministic', () => {
    const text = 'A task manager called "Chores" with priorities, no export, like Todoist';
    expect(JSON.stringify(analyzeRequest(text))).toBe(JSON.stringify(analyzeRequest(text)));
  });
});
