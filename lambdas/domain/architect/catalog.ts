import * as z from 'zod';

/**
 * The offline architect's catalog: the app kinds it can generate and the features it can add.
 * The request analysis matches free text against the keywords; a consultant can propose plans
 * from the titles, descriptions and default features without knowing how the apps are made.
 */

export const APP_KIND_IDS = [
  'calculator',
  'tasks',
  'notes',
  'timer',
  'converter',
  'feed',
  'board',
  'randomizer',
  'wordcount',
  'game',
  'color',
  'typing',
  'clock',
  'drawing',
  'devtools',
  'page',
] as const;
export const AppKindIdSchema = z.enum(APP_KIND_IDS);
export type AppKindId = z.infer<typeof AppKindIdSchema>;

export const FEATURE_IDS = [
  'dark-mode',
  'local-storage',
  'search',
  'filter',
  'priorities',
  'history',
  'export',
  'tip',
  'bmi',
  'loan',
  'percentage',
  'interest',
  'age',
  'tic-tac-toe',
  'memory',
  'hangman',
  'snake',
  '2048',
  'stopwatch',
  'fuel',
] as const;
export const FeatureIdSchema = z.enum(FEATURE_IDS);
export type FeatureId = z.infer<typeof FeatureIdSchema>;

export interface AppKind {
  readonly id: AppKindId;
  /** Display title, used for the page title and `<h1>` when the request names no app. */
  readonly title: string;
  /** The kind as a noun phrase with its article, for sentences: "a task manager". */
  readonly phrase: string;
  /** One sentence a person can read in a plan. */
  readonly description: string;
  /** Project slug used when the request names no app. */
  readonly defaultProjectName: string;
  /** Words and phrases that name this kind outright (lower-case; a plural `s` is also accepted). */
  readonly keywords: readonly string[];
  /** Words that only hint at this kind (count a third of a keyword). */
  readonly hints: readonly string[];
  /** Features every plan for this kind starts with; a plan may still remove them. */
  readonly defaultFeatures: readonly FeatureId[];
}

export interface Feature {
  readonly id: FeatureId;
  readonly title: string;
  readonly description: string;
  /** Words and phrases that ask for this feature (lower-case; a plural `s` is also accepted). */
  readonly keywords: readonly string[];
  /** Kinds whose generated app implements this feature. */
  readonly kinds: readonly AppKindId[];
}

/** The games of the game kind, as a plan lists them. */
const GAME_PHRASES: Readonly<Record<string, string>> = {
  'tic-tac-toe': 'tic-tac-toe against the computer or a friend',
  memory: 'a memory game of matching pairs',
  hangman: 'hangman',
  snake: 'snake',
  '2048': '2048',
};

/** The game kind's sentence for some of its games. */
const gamesSentence = (games: readonly string[]): string =>
  `Classic games played in the browser, each by its rules, with the scores kept: ${games.map((g) => GAME_PHRASES[g]).join(', ')}.`;

export const APP_KINDS: Readonly<Record<AppKindId, AppKind>> = {
  calculator: {
    id: 'calculator',
    phrase: 'a calculator',
    title: 'Calculator',
    description:
      'A calculator for everyday arithmetic with operator precedence, parentheses, clear and backspace, usable from the keyboard.',
    defaultProjectName: 'calculator',
    keywords: ['calculator', 'calc', 'arithmetic', 'adding machine'],
    hints: ['math', 'maths', 'compute', 'calculate', 'sum', 'multiply', 'divide', 'add numbers'],
    defaultFeatures: [],
  },
  tasks: {
    id: 'tasks',
    phrase: 'a task manager',
    title: 'Tasks',
    description: 'A task manager: add tasks, tick them off, delete them and filter active from done.',
    defaultProjectName: 'task-manager',
    keywords: [
      'todo',
      'todo list',
      'task',
      'task manager',
      'task list',
      'tasks app',
      'checklist',
      'chore',
      'errand',
      'things to do',
      'reminder list',
    ],
    hints: ['todoist', 'reminder', 'productivity', 'shopping list', 'grocery list'],
    defaultFeatures: ['filter', 'local-storage'],
  },
  notes: {
    id: 'notes',
    phrase: 'a notes app',
    title: 'Notes',
    description: 'A notes app: write, edit and delete notes, newest first, and find them again by search.',
    defaultProjectName: 'notes',
    keywords: [
      'note',
      'notes app',
      'notepad',
      'note taking',
      'notebook',
      'exercise book',
      'journal',
      'diary',
      'memo',
      'scratchpad',
    ],
    hints: ['notion', 'evernote', 'google keep', 'jot', 'write down', 'writing', 'ideas', 'wiki', 'markdown'],
    defaultFeatures: ['search', 'local-storage'],
  },
  timer: {
    id: 'timer',
    phrase: 'a focus timer',
    title: 'Focus Timer',
    description:
      'A pomodoro focus timer: focus and break phases with a long break every fourth round, start, pause, reset and skip, adjustable lengths.',
    defaultProjectName: 'focus-timer',
    keywords: ['timer', 'pomodoro', 'focus timer', 'countdown', 'stopwatch', 'study timer'],
    hints: ['focus', 'concentrate', 'work session', 'break', 'time management'],
    defaultFeatures: [],
  },
  converter: {
    id: 'converter',
    phrase: 'a unit converter',
    title: 'Unit Converter',
    description: 'A unit converter for length, mass and temperature with a one-click swap of the two units.',
    defaultProjectName: 'unit-converter',
    keywords: ['converter', 'unit converter', 'unit conversion', 'convert units', 'conversion'],
    hints: [
      'convert',
      'unit',
      'metric',
      'imperial',
      'celsius',
      'fahrenheit',
      'kelvin',
      'kilometre',
      'kilometer',
      'mile',
      'pound',
      'kilogram',
      'ounce',
      'inch',
      'feet',
    ],
    defaultFeatures: [],
  },
  feed: {
    id: 'feed',
    phrase: 'a social feed',
    title: 'Feed',
    description:
      'A social feed: write posts, like, repost and comment on them, newest first, with hashtags, mentions and links highlighted.',
    defaultProjectName: 'social-feed',
    keywords: [
      'feed',
      'social feed',
      'news feed',
      'timeline',
      'microblog',
      'status update',
      'social network',
      'social media app',
      'posts feed',
    ],
    hints: ['linkedin', 'twitter', 'tweet', 'post', 'status', 'followers', 'repost', 'retweet', 'hashtag', 'social'],
    defaultFeatures: ['local-storage'],
  },
  board: {
    id: 'board',
    phrase: 'a kanban board',
    title: 'Board',
    description:
      'A kanban board: lists of cards (to do, doing, done) that can be added, renamed, moved between lists by button or drag and drop, and deleted.',
    defaultProjectName: 'kanban-board',
    keywords: ['kanban', 'kanban board', 'board', 'task board', 'scrum board', 'project board', 'sprint board'],
    hints: ['trello', 'backlog', 'sprint', 'scrum', 'column', 'swimlane', 'workflow', 'project management', 'card'],
    defaultFeatures: ['local-storage'],
  },
  randomizer: {
    id: 'randomizer',
    phrase: 'a dice roller and random picker',
    title: 'Randomizer',
    description:
      'Dice in the usual notation (2d6+3), coin flips, a whole number between two bounds, a pick from a list and passwords, all drawn fairly from the browser’s secure random generator.',
    defaultProjectName: 'randomizer',
    keywords: [
      'dice roller',
      'dice app',
      'dice rolling',
      'dice simulator',
      'die roller',
      'roll dice',
      'roll a die',
      'coin flip',
      'coin flipper',
      'flip a coin',
      'coin toss',
      'random number',
      'random number generator',
      'number generator',
      'password generator',
      'random password',
      'passphrase generator',
      'random picker',
      'name picker',
      'decision maker',
      'randomizer',
      'randomiser',
      'random generator',
      'lottery numbers',
      'd20',
    ],
    hints: ['random', 'dice', 'roll', 'luck', 'chance', 'toss', 'lottery', 'raffle', 'pick'],
    defaultFeatures: ['local-storage'],
  },
  wordcount: {
    id: 'wordcount',
    phrase: 'a word counter',
    title: 'Word Counter',
    description:
      'A word counter: words, characters with and without spaces, sentences, paragraphs and reading time as you type, an optional character limit, the most used words, and case changes.',
    defaultProjectName: 'word-counter',
    keywords: [
      'word counter',
      'word count',
      'words counter',
      'character counter',
      'character count',
      'letter counter',
      'count words',
      'count characters',
      'count the words',
      'count the characters',
      'count the letters',
      'text statistics',
      'text stats',
      'text analyzer',
      'text analyser',
    ],
    hints: ['words', 'characters', 'essay', 'tweet', 'paragraphs', 'sentences'],
    defaultFeatures: ['local-storage'],
  },
  game: {
    id: 'game',
    phrase: 'a game',
    title: 'Classic Games',
    description: gamesSentence(['tic-tac-toe', 'memory', 'hangman']),
    defaultProjectName: 'classic-games',
    keywords: [
      'classic games',
      'tic tac toe',
      'tictactoe',
      'tic tac toe game',
      'noughts and crosses',
      'naughts and crosses',
      'memory game',
      'memory match',
      'memory card game',
      'matching game',
      'match the pairs',
      'matching pairs',
      'pairs game',
      'concentration game',
      'card matching game',
      'hangman',
      'hangman game',
      'word guessing game',
      'guess the word',
      'snake game',
      'game of snake',
      'play snake',
      'classic snake',
      '2048',
      '2048 game',
      'game 2048',
      'sliding tiles game',
      'sliding tile game',
      'tile merging game',
    ],
    hints: [],
    defaultFeatures: ['local-storage'],
  },
  color: {
    id: 'color',
    phrase: 'a color picker',
    title: 'Color Picker',
    description:
      'A color picker: choose or type a color (hex, rgb, hsl or a name) and see it in each notation, its contrast with white and black text graded as WCAG 2 does, darker and lighter shades, and a palette of saved colors.',
    defaultProjectName: 'color-picker',
    keywords: [
      'color picker',
      'colour picker',
      'color chooser',
      'colour chooser',
      'color palette',
      'colour palette',
      'palette generator',
      'color code',
      'colour code',
      'hex color',
      'hex colour',
      'hex to rgb',
      'rgb to hex',
      'hex to rgb converter',
      'rgb to hex converter',
      'color contrast',
      'colour contrast',
      'contrast checker',
      'color converter',
      'colour converter',
      'paint color',
      'paint colour',
    ],
    hints: ['color', 'colour', 'hex code', 'rgb', 'hsl', 'palette', 'contrast'],
    defaultFeatures: ['local-storage'],
  },
  typing: {
    id: 'typing',
    phrase: 'a typing test',
    title: 'Typing Test',
    description:
      'A typing speed test: type a built-in passage, each character marked right or wrong as you go, with the speed in words per minute, the accuracy and the mistakes, and your results with the best speed kept.',
    defaultProjectName: 'typing-test',
    keywords: [
      'typing test',
      'typing speed',
      'typing speed test',
      'typing practice',
      'typing tutor',
      'typing trainer',
      'typing game',
      'wpm test',
      'words per minute',
      'touch typing',
      'learn to type',
    ],
    hints: ['typing', 'wpm', 'keyboard practice'],
    defaultFeatures: ['local-storage'],
  },
  clock: {
    id: 'clock',
    phrase: 'a world clock',
    title: 'World Clock',
    description:
      'A world clock: the time here and in the cities you choose, each with its offset from UTC, its day and how far ahead or behind it is, and a converter from a date and time in one zone to every city, with the hours that are working hours everywhere.',
    defaultProjectName: 'world-clock',
    keywords: [
      'world clock',
      'clock',
      'digital clock',
      'world time',
      'world times',
      'time zone converter',
      'timezone converter',
      'time zone app',
      'time zones app',
      'timezone app',
      'time zone clock',
      'meeting planner across time zones',
      'meetings across time zones',
      'meeting across time zones',
      'calls across time zones',
      'time difference',
      'time differences',
      'time around the world',
      'international clock',
    ],
    hints: ['clocks', 'cities', 'utc', 'gmt'],
    defaultFeatures: ['local-storage'],
  },
  drawing: {
    id: 'drawing',
    phrase: 'a drawing app',
    title: 'Sketch Pad',
    description:
      'A sketch pad: draw freehand with a mouse, a finger or a pen, in any color and size, with an eraser, undo and redo, and save the drawing as a picture.',
    defaultProjectName: 'sketch-pad',
    keywords: [
      'drawing app',
      'drawing pad',
      'drawing board',
      'drawing tool',
      'drawing canvas',
      'draw app',
      'sketch pad',
      'sketchpad',
      'sketch app',
      'sketching app',
      'sketchbook app',
      'paint app',
      'painting app',
      'paint program',
      'doodle app',
      'doodle pad',
      'doodling app',
      'whiteboard',
      'white board',
      'finger painting',
      'signature pad',
      'pixel art',
      'scribble pad',
      'app to draw',
      'something to draw',
      'draw pictures',
    ],
    hints: ['drawing', 'sketch', 'sketching', 'doodle', 'doodles', 'canvas', 'brush'],
    defaultFeatures: ['local-storage'],
  },
  devtools: {
    id: 'devtools',
    phrase: 'a JSON formatter and encoder',
    title: 'Developer Tools',
    description:
      'Text tools for developers: JSON formatted or minified exactly as written (every digit of a number kept), with the line and column where it does not read, Base64 and URL encoding of text both ways, and SHA-256 digests.',
    defaultProjectName: 'developer-tools',
    keywords: [
      'json formatter',
      'json beautifier',
      'json prettifier',
      'json validator',
      'json viewer',
      'json pretty printer',
      'pretty print json',
      'format json',
      'json minifier',
      'minify json',
      'json lint',
      'base64',
      'base 64',
      'base64 encoder',
      'base64 decoder',
      'base64 converter',
      'base 64 converter',
      'json converter',
      'url encoder',
      'url decoder',
      'percent encoding',
      'sha256',
      'sha-256',
      'hash generator',
      'checksum',
      'developer tools',
      'dev tools',
      'developer utilities',
    ],
    hints: ['json', 'encode', 'decode', 'hash'],
    defaultFeatures: ['local-storage'],
  },
  page: {
    id: 'page',
    phrase: 'a one-page website',
    title: 'Website',
    description:
      'A one-page website: an introduction, sections with headings and an e-mail link to get in touch, in plain HTML, with placeholder words to replace.',
    defaultProjectName: 'website',
    keywords: [
      'landing page',
      'website',
      'web site',
      'homepage',
      'home page',
      'web page',
      'webpage',
      'one page site',
      'one pager',
      'resume page',
      'cv page',
      'online resume',
      'about me page',
      'personal site',
      'portfolio site',
      'portfolio website',
      'portfolio page',
      'portfolio',
      'splash page',
      'coming soon page',
    ],
    hints: ['site', 'page', 'bakery', 'cafe', 'coffee shop', 'salon', 'studio', 'wedding', 'resume', 'cv'],
    defaultFeatures: [],
  },
};

/** Every kind has dark mode; every kind but the one-page website keeps its data in the browser. */
export const FEATURES: Readonly<Record<FeatureId, Feature>> = {
  'dark-mode': {
    id: 'dark-mode',
    title: 'Dark mode',
    description: 'Follows the system colour scheme, with a toggle that is remembered in this browser.',
    keywords: ['dark mode', 'darkmode', 'dark theme', 'night mode', 'dark', 'light and dark', 'theme toggle', 'theme switch'],
    kinds: [...APP_KIND_IDS],
  },
  'local-storage': {
    id: 'local-storage',
    title: 'Saved in this browser',
    description: "Keeps the app's data in localStorage so it survives a reload.",
    keywords: [
      'local storage',
      'localstorage',
      'persist',
      'persistent',
      'persistence',
      'save',
      'saved',
      'saving',
      'remember',
      'remembers',
      'keep my',
      'survive reload',
      'survives reload',
      'offline',
    ],
    kinds: APP_KIND_IDS.filter((kind) => kind !== 'page'),
  },
  search: {
    id: 'search',
    title: 'Search',
    description: 'Finds items by the words they contain.',
    keywords: ['search', 'searchable', 'find', 'look up', 'lookup'],
    kinds: ['tasks', 'notes', 'feed', 'board'],
  },
  filter: {
    id: 'filter',
    title: 'Filter',
    description: 'Shows all, only active or only completed tasks.',
    keywords: ['filter', 'show completed', 'hide completed', 'active and done', 'active and completed'],
    kinds: ['tasks'],
  },
  priorities: {
    id: 'priorities',
    title: 'Priorities',
    description: 'High, normal and low priority, with the most urgent tasks listed first.',
    keywords: ['priority', 'priorities', 'prioritise', 'prioritize', 'urgent', 'important'],
    kinds: ['tasks'],
  },
  history: {
    id: 'history',
    title: 'History',
    description: 'Lists the most recent results so they can be read again.',
    keywords: ['history', 'previous calculations', 'past calculations', 'recent conversions', 'tape', 'log of'],
    kinds: ['calculator', 'converter', 'randomizer'],
  },
  export: {
    id: 'export',
    title: 'Export',
    description: 'Downloads all items as a JSON file.',
    keywords: ['export', 'download', 'backup', 'back up', 'json'],
    kinds: ['tasks', 'notes', 'feed', 'board'],
  },
  tip: {
    id: 'tip',
    title: 'Tip and split',
    description: 'Works out the tip on a bill, the total, and what each person pays when it is split.',
    keywords: [
      'tip',
      'tip calculator',
      'tip calc',
      'calculate the tip',
      'calculate a tip',
      'calculates the tip',
      'work out the tip',
      'tip percentage',
      'gratuity',
      'split the bill',
      'split a bill',
      'splits the bill',
      'split the check',
      'bill splitter',
      'bill split',
    ],
    kinds: ['calculator'],
  },
  bmi: {
    id: 'bmi',
    title: 'BMI',
    description: 'Works out the body mass index from weight and height, with its category.',
    keywords: ['bmi', 'body mass index', 'body mass'],
    kinds: ['calculator'],
  },
  loan: {
    id: 'loan',
    title: 'Loan payment',
    description: 'Works out the monthly payment of a loan or mortgage, the total paid and the interest.',
    keywords: [
      'loan calculator',
      'loan payment',
      'loan repayment',
      'mortgage',
      'mortgage calculator',
      'monthly payment',
      'car loan',
      'student loan',
      'amortization',
      'amortisation',
    ],
    kinds: ['calculator'],
  },
  percentage: {
    id: 'percentage',
    title: 'Percentages',
    description: 'Works out a percentage of a number, what percentage one number is of another, and a percentage change.',
    keywords: [
      'percentage calculator',
      'percent calculator',
      'percentages',
      'percentage change',
      'percent change',
      'discount calculator',
    ],
    kinds: ['calculator'],
  },
  interest: {
    id: 'interest',
    title: 'Compound interest',
    description:
      'Works out how savings grow with compound interest and monthly deposits: the balance, what was paid in and the interest.',
    keywords: [
      'compound interest',
      'interest calculator',
      'savings calculator',
      'investment calculator',
      'savings growth',
      'retirement calculator',
    ],
    kinds: ['calculator'],
  },
  age: {
    id: 'age',
    title: 'Age',
    description: 'Works out an age on a date from the birth date: years, months and days, and the days in all.',
    keywords: ['age calculator', 'how old', 'calculate my age', 'calculate age', 'age in days', 'age calc'],
    kinds: ['calculator'],
  },
  'tic-tac-toe': {
    id: 'tic-tac-toe',
    title: 'Tic-tac-toe',
    description:
      'Three in a row on a 3×3 board, against the computer (it never loses, or an easy level) or a friend on the same device, with the wins counted.',
    keywords: ['tic tac toe', 'tictactoe', 'noughts and crosses', 'naughts and crosses', 'xs and os'],
    kinds: ['game'],
  },
  memory: {
    id: 'memory',
    title: 'Memory',
    description:
      'Cards dealt face down; turn two at a time to find the pairs, in as few moves as you can, with the best score kept per board size.',
    keywords: [
      'memory game',
      'memory match',
      'memory card',
      'matching game',
      'match the pairs',
      'matching pairs',
      'pairs game',
      'concentration game',
      'card matching',
    ],
    kinds: ['game'],
  },
  hangman: {
    id: 'hangman',
    title: 'Hangman',
    description:
      'Guess the hidden word a letter at a time before six wrong letters, from a built-in list or words of your own, with the wins counted.',
    keywords: ['hangman', 'word guessing game', 'guess the word', 'guess a word'],
    kinds: ['game'],
  },
  snake: {
    id: 'snake',
    title: 'Snake',
    description:
      'Steer a snake round a 16×16 board with the arrow keys, W, A, S, D or buttons; it grows with each bite of food, speeds up, and ends on a wall or its own tail, with the best score kept.',
    keywords: ['snake game', 'game of snake', 'play snake', 'classic snake', 'snake'],
    kinds: ['game'],
  },
  '2048': {
    id: '2048',
    title: '2048',
    description:
      'Slide the numbered tiles on a 4×4 board with the arrow keys, a swipe or buttons; two equal tiles that meet become one, and a new tile appears each move. Reach 2048, with the best score kept.',
    keywords: ['2048', '2048 game', 'game 2048', 'sliding tiles game', 'sliding tile game', 'tile merging game'],
    kinds: ['game'],
  },
  fuel: {
    id: 'fuel',
    title: 'Fuel cost',
    description:
      'Works out the fuel a trip takes and what it costs, from the distance, the consumption and the fuel price, and each share when it is split.',
    keywords: [
      'fuel cost',
      'fuel calculator',
      'fuel cost calculator',
      'gas cost',
      'gas money',
      'petrol cost',
      'trip cost calculator',
      'road trip cost',
      'fuel consumption calculator',
    ],
    kinds: ['calculator'],
  },
  stopwatch: {
    id: 'stopwatch',
    title: 'Stopwatch',
    description:
      'Counts up to the hundredth of a second, with laps (each lap and the total, the fastest and slowest marked), from the clock itself, so a busy tab loses no time.',
    keywords: [
      'stopwatch',
      'stop watch',
      'lap timer',
      'laps',
      'lap times',
      'count up',
      'counts up',
      'counting up',
      'elapsed time',
    ],
    kinds: ['timer'],
  },
};

/** The games' features, each with the title of an app that has only it. */
export const GAME_TITLES: Readonly<Partial<Record<FeatureId, string>>> = {
  'tic-tac-toe': 'Tic-Tac-Toe',
  memory: 'Memory Game',
  hangman: 'Hangman',
  snake: 'Snake',
  '2048': '2048',
};

/**
 * What an app of `kind` with `features` is, in one sentence: the kind's description, or for a
 * game app, what its games are.
 */
export function kindDescription(kind: AppKindId, features: readonly FeatureId[]): string {
  const games = kind === 'game' ? features.filter((f) => GAME_TITLES[f] !== undefined) : [];
  if (games.length === 1) return FEATURES[games[0]!].description;
  if (kind === 'timer' && features.includes('stopwatch')) {
    return `A stopwatch: ${FEATURES.stopwatch.description.replace(/^C/, 'c').replace(/\.$/, '')}; below it, ${APP_KINDS.timer.description.replace(/^A /, 'a ')}`;
  }
  return games.length > 1 ? gamesSentence(games) : APP_KINDS[kind].description;
}

/** The calculator's formula features, each with the title of a calculator that has only it. */
export const FORMULA_TITLES: Readonly<Partial<Record<FeatureId, string>>> = {
  tip: 'Tip Calculator',
  bmi: 'BMI Calculator',
  loan: 'Loan Calculator',
  percentage: 'Percentage Calculator',
  interest: 'Interest Calculator',
  age: 'Age Calculator',
  fuel: 'Fuel Cost Calculator',
};

/** Kind used by the direct-build path when a request names no kind: a task list is the most common small app. */
export const FALLBACK_KIND: AppKindId = 'tasks';

/** Whether the generated app of `kind` implements `feature`. */
export function supportsFeature(kind: AppKindId, feature: FeatureId): boolean {
  return FEATURES[feature].kinds.includes(kind);
}

/** Features supported by `kind`, in catalog order. */
export function supportedFeatures(kind: AppKindId): FeatureId[] {
  return FEATURE_IDS.filter((feature) => supportsFeature(kind, feature));
}

/** Deduplicates and orders feature ids as the catalog lists them, so equal sets render identically. */
export function orderFeatures(features: Iterable<FeatureId>): FeatureId[] {
  const wanted = new Set(features);
  return FEATURE_IDS.filter((feature) => wanted.has(feature));
}

export function isAppKindId(value: unknown): value is AppKindId {
  return AppKindIdSchema.safeParse(value).success;
}

export function isFeatureId(value: unknown): value is FeatureId {
  return FeatureIdSchema.safeParse(value).success;
}
