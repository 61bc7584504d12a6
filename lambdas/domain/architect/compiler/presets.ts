import type { BehaviourSpec, EntitySpec, FieldSpec, ViewSpec } from './app-spec-schema';

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

const f = {
  text: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'text', required }),
  long: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'longtext', required }),
  number: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'number', required }),
  money: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'money', required }),
  date: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'date', required }),
  bool: (id: string, label: string): FieldSpec => ({ id, label, type: 'boolean', required: false }),
  rating: (id = 'rating', label = 'Rating'): FieldSpec => ({ id, label, type: 'rating', required: false }),
  tags: (id = 'tags', label = 'Tags'): FieldSpec => ({ id, label, type: 'tags', required: false }),
  url: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'url', required }),
  image: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'image', required }),
  choice: (id: string, label: string, options: string[]): FieldSpec => ({ id, label, type: 'choice', required: false, options }),
};

/** The field vocabulary of "with X" and "add a X field": words → a typed field. */
export const FIELD_WORDS: ReadonlyArray<readonly [words: readonly string[], field: FieldSpec]> = [
  [['note', 'notes', 'comment', 'comments'], f.long('notes', 'Notes')],
  [['description', 'details'], f.long('description', 'Description')],
  [['rating', 'ratings', 'star', 'stars', 'score'], f.rating()],
  [['tag', 'tags', 'label', 'labels'], f.tags()],
  [['photo', 'photos', 'picture', 'pictures', 'image', 'images', 'cover'], f.image('image', 'Image')],
  [['link', 'links', 'url', 'urls', 'website'], f.url('link', 'Link')],
  [['price', 'prices', 'cost', 'costs', 'amount', 'amounts', 'savings', 'balance'], f.money('amount', 'Amount')],
  [['due date', 'deadline', 'deadlines', 'due dates'], f.date('due', 'Due')],
  [['date', 'dates', 'day'], f.date('date', 'Date')],
  [['category', 'categories'], f.choice('category', 'Category', ['General', 'Work', 'Home', 'Other'])],
  [['priority', 'priorities'], f.choice('priority', 'Priority', ['High', 'Normal', 'Low'])],
  [['status', 'stage'], f.choice('status', 'Status', ['To do', 'Doing', 'Done'])],
  [['quantity', 'quantities', 'count', 'amount of'], f.number('quantity', 'Quantity')],
  [['done', 'completed', 'finished', 'checkbox'], f.bool('done', 'Done')],
  [['location', 'place', 'where'], f.text('location', 'Location')],
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
  [['severity', 'intensity', 'pain level'], f.number('severity', 'Severity')],
];

const crud = (entity: string): BehaviourSpec => ({ type: 'crud', entity });
const search = (entity: string): BehaviourSpec => ({ type: 'search', entity });

export const PRESETS: readonly Preset[] = [
  {
    id: 'habits',
    keywords: ['habit', 'habit tracker', 'daily habit', 'routine'],
    title: 'Habits',
    phrase: 'a habit tracker',
    entities: [
      { id: 'habit', name: 'Habit', plural: 'Habits', fields: [f.text('name', 'Name', true)], parent: null },
      {
        id: 'checkIn',
        name: 'Check-in',
        plural: 'Check-ins',
        fields: [f.date('date', 'Date', true)],
        parent: { entity: 'habit', field: 'habitId' },
      },
    ],
    views: [
      { type: 'list', entity: 'habit', field: null },
      { type: 'list', entity: 'checkIn', field: null },
    ],
    behaviours: [crud('habit'), crud('checkIn'), { type: 'streak', entity: 'checkIn', field: 'date' }],
  },
  {
    id: 'expenses',
    keywords: [
      'expense',
      'expense tracker',
      'spending',
      'spend',
      'budget',
      'budget tracker',
      'money tracker',
      'costs',
      'finance',
      'finances',
      'personal finance',
    ],
    title: 'Expenses',
    phrase: 'an expense tracker',
    entities: [
      {
        id: 'expense',
        name: 'Expense',
        plural: 'Expenses',
        fields: [
          f.text('description', 'Description', true),
          f.money('amount', 'Amount', true),
          f.choice('category', 'Category', ['Food', 'Transport', 'Home', 'Fun', 'Other']),
          f.date('date', 'Date'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'expense', field: null }],
    behaviours: [
      crud('expense'),
      search('expense'),
      { type: 'filter', entity: 'expense', field: 'category' },
      { type: 'sort', entity: 'expense', field: 'date', direction: 'desc' },
      { type: 'total', entity: 'expense', field: 'amount', by: 'category' },
    ],
  },
  {
    id: 'recipes',
    keywords: ['recipe', 'recipe book', 'cookbook', 'recipe box'],
    title: 'Recipes',
    phrase: 'a recipe book',
    entities: [
      {
        id: 'recipe',
        name: 'Recipe',
        plural: 'Recipes',
        fields: [f.text('name', 'Name', true), f.long('ingredients', 'Ingredients'), f.long('steps', 'Steps'), f.tags()],
        parent: null,
      },
    ],
    views: [
      { type: 'cards', entity: 'recipe', field: null },
      { type: 'detail', entity: 'recipe', field: null },
    ],
    behaviours: [crud('recipe'), search('recipe'), { type: 'filter', entity: 'recipe', field: 'tags' }],
  },
  {
    id: 'books',
    keywords: ['book', 'reading list', 'reading tracker', 'reading log', 'library', 'books i read'],
    title: 'Books',
    phrase: 'a reading list',
    entities: [
      {
        id: 'book',
        name: 'Book',
        plural: 'Books',
        fields: [
          f.text('title', 'Title', true),
          f.text('author', 'Author'),
          f.choice('status', 'Status', ['To read', 'Reading', 'Read']),
          f.rating(),
        ],
        parent: null,
      },
    ],
    views: [
      { type: 'board', entity: 'book', field: 'status' },
      { type: 'list', entity: 'book', field: null },
    ],
    behaviours: [crud('book'), search('book'), { type: 'count', entity: 'book', by: 'status' }],
  },
  {
    id: 'movies',
    keywords: ['movie', 'film', 'watchlist', 'watch list', 'tv show', 'series tracker'],
    title: 'Watchlist',
    phrase: 'a movie watchlist',
    entities: [
      {
        id: 'movie',
        name: 'Movie',
        plural: 'Movies',
        fields: [
          f.text('title', 'Title', true),
          f.number('year', 'Year'),
          f.choice('genre', 'Genre', ['Action', 'Comedy', 'Drama', 'Sci-fi', 'Documentary', 'Other']),
          f.bool('watched', 'Watched'),
          f.rating(),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'movie', field: null }],
    behaviours: [
      crud('movie'),
      search('movie'),
      { type: 'filter', entity: 'movie', field: 'watched' },
      { type: 'filter', entity: 'movie', field: 'genre' },
      { type: 'sort', entity: 'movie', field: 'rating', direction: 'desc' },
    ],
  },
  {
    id: 'workouts',
    keywords: ['workout', 'exercise', 'gym', 'training log', 'fitness', 'training'],
    title: 'Workouts',
    phrase: 'a workout log',
    entities: [
      {
        id: 'workout',
        name: 'Workout',
        plural: 'Workouts',
        fields: [
          f.text('exercise', 'Exercise', true),
          f.date('date', 'Date', true),
          f.number('minutes', 'Minutes'),
          f.choice('type', 'Type', ['Cardio', 'Strength', 'Mobility', 'Sport']),
        ],
        parent: null,
      },
    ],
    views: [
      { type: 'list', entity: 'workout', field: null },
      { type: 'calendar', entity: 'workout', field: 'date' },
    ],
    behaviours: [
      crud('workout'),
      { type: 'sort', entity: 'workout', field: 'date', direction: 'desc' },
      { type: 'total', entity: 'workout', field: 'minutes', by: 'type' },
    ],
  },
  {
    id: 'runs',
    keywords: ['running', 'running log', 'jog', 'jogging', 'cycling'],
    title: 'Runs',
    phrase: 'a running log',
    entities: [
      {
        id: 'run',
        name: 'Run',
        plural: 'Runs',
        fields: [f.date('date', 'Date', true), f.number('distance', 'Distance (km)', true), f.number('minutes', 'Minutes')],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'run', field: null }],
    behaviours: [
      crud('run'),
      { type: 'sort', entity: 'run', field: 'date', direction: 'desc' },
      { type: 'total', entity: 'run', field: 'distance', by: null },
    ],
  },
  {
    id: 'water',
    keywords: ['water', 'water intake', 'hydration', 'drink water'],
    title: 'Water',
    phrase: 'a water intake tracker',
    entities: [
      {
        id: 'drink',
        name: 'Drink',
        plural: 'Drinks',
        fields: [f.date('date', 'Date', true), f.number('glasses', 'Glasses', true)],
        parent: null,
      },
    ],
    views: [{ type: 'calendar', entity: 'drink', field: 'date' }],
    behaviours: [crud('drink'), { type: 'total', entity: 'drink', field: 'glasses', by: 'date' }],
  },
  {
    id: 'moods',
    keywords: ['mood', 'mood tracker', 'feelings', 'emotions'],
    title: 'Mood',
    phrase: 'a mood tracker',
    entities: [
      {
        id: 'entry',
        name: 'Mood entry',
        plural: 'Mood entries',
        fields: [
          f.date('date', 'Date', true),
          f.choice('mood', 'Mood', ['Great', 'Good', 'Okay', 'Low', 'Bad']),
          f.long('note', 'Note'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'calendar', entity: 'entry', field: 'date' }],
    behaviours: [crud('entry'), { type: 'count', entity: 'entry', by: 'mood' }],
  },
  {
    id: 'flashcards',
    keywords: [
      'flashcard',
      'flash card',
      'vocabulary',
      'vocab',
      'quiz',
      'study cards',
      'trivia',
      'memory cards',
      'language learning',
    ],
    title: 'Flashcards',
    phrase: 'a flashcard game',
    entities: [
      {
        id: 'card',
        name: 'Card',
        plural: 'Cards',
        fields: [f.text('front', 'Front', true), f.text('back', 'Back', true), f.tags('deck', 'Deck')],
        parent: null,
      },
    ],
    views: [{ type: 'cards', entity: 'card', field: null }],
    behaviours: [
      crud('card'),
      search('card'),
      { type: 'flip', entity: 'card', front: 'front', back: 'back' },
      { type: 'filter', entity: 'card', field: 'deck' },
    ],
  },
  {
    id: 'contacts',
    keywords: ['contact', 'address book', 'phone book', 'rolodex', 'crm'],
    title: 'Contacts',
    phrase: 'an address book',
    entities: [
      {
        id: 'contact',
        name: 'Contact',
        plural: 'Contacts',
        fields: [
          f.text('name', 'Name', true),
          f.text('phone', 'Phone'),
          f.text('email', 'E-mail'),
          f.date('birthday', 'Birthday'),
          f.long('notes', 'Notes'),
        ],
        parent: null,
      },
    ],
    views: [
      { type: 'table', entity: 'contact', field: null },
      { type: 'detail', entity: 'contact', field: null },
    ],
    behaviours: [crud('contact'), search('contact'), { type: 'sort', entity: 'contact', field: 'name', direction: 'asc' }],
  },
  {
    id: 'plants',
    keywords: ['plant', 'plant care', 'watering', 'garden', 'houseplant'],
    title: 'Plants',
    phrase: 'a plant watering planner',
    entities: [
      {
        id: 'plant',
        name: 'Plant',
        plural: 'Plants',
        fields: [
          f.text('name', 'Name', true),
          f.choice('room', 'Room', ['Living room', 'Kitchen', 'Bedroom', 'Balcony', 'Office']),
          f.date('nextWatering', 'Next watering'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'plant', field: null }],
    behaviours: [
      crud('plant'),
      { type: 'due-today', entity: 'plant', field: 'nextWatering' },
      { type: 'group', entity: 'plant', field: 'room' },
    ],
  },
  {
    id: 'bills',
    keywords: ['bill', 'bills', 'bill reminder', 'subscription', 'subscriptions list', 'payments due'],
    title: 'Bills',
    phrase: 'a bill tracker',
    entities: [
      {
        id: 'bill',
        name: 'Bill',
        plural: 'Bills',
        fields: [f.text('name', 'Name', true), f.money('amount', 'Amount'), f.date('due', 'Due', true), f.bool('paid', 'Paid')],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'bill', field: null }],
    behaviours: [
      crud('bill'),
      { type: 'due-today', entity: 'bill', field: 'due' },
      { type: 'filter', entity: 'bill', field: 'paid' },
      { type: 'total', entity: 'bill', field: 'amount', by: 'paid' },
      { type: 'sort', entity: 'bill', field: 'due', direction: 'asc' },
    ],
  },
  {
    id: 'inventory',
    keywords: ['inventory', 'pantry', 'home inventory', 'storage boxes'],
    title: 'Inventory',
    phrase: 'a home inventory',
    entities: [
      {
        id: 'item',
        name: 'Item',
        plural: 'Items',
        fields: [
          f.text('name', 'Name', true),
          f.number('quantity', 'Quantity'),
          f.choice('category', 'Category', ['Food', 'Cleaning', 'Tools', 'Electronics', 'Other']),
          f.text('location', 'Location'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'item', field: null }],
    behaviours: [crud('item'), search('item'), { type: 'total', entity: 'item', field: 'quantity', by: 'category' }],
  },
  {
    id: 'bookmarks',
    keywords: ['bookmark', 'link collection', 'saved links', 'read later', 'reading links'],
    title: 'Bookmarks',
    phrase: 'a bookmark manager',
    entities: [
      {
        id: 'bookmark',
        name: 'Bookmark',
        plural: 'Bookmarks',
        fields: [f.text('title', 'Title', true), f.url('link', 'Link', true), f.tags()],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'bookmark', field: null }],
    behaviours: [crud('bookmark'), search('bookmark'), { type: 'filter', entity: 'bookmark', field: 'tags' }],
  },
  {
    id: 'meals',
    keywords: ['meal plan', 'meal planner', 'meal', 'menu planner', 'weekly menu'],
    title: 'Meal Planner',
    phrase: 'a meal planner',
    entities: [
      {
        id: 'meal',
        name: 'Meal',
        plural: 'Meals',
        fields: [
          f.text('dish', 'Dish', true),
          f.choice('day', 'Day', ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
          f.choice('slot', 'Meal', ['Breakfast', 'Lunch', 'Dinner', 'Snack']),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'board', entity: 'meal', field: 'day' }],
    behaviours: [crud('meal'), { type: 'filter', entity: 'meal', field: 'slot' }],
  },
  {
    id: 'events',
    keywords: ['event', 'appointment', 'planner', 'schedule', 'agenda', 'calendar', 'calendar app', 'day planner'],
    title: 'Planner',
    phrase: 'a planner',
    entities: [
      {
        id: 'event',
        name: 'Event',
        plural: 'Events',
        fields: [f.text('title', 'Title', true), f.date('date', 'Date', true), f.text('time', 'Time'), f.long('notes', 'Notes')],
        parent: null,
      },
    ],
    views: [
      { type: 'calendar', entity: 'event', field: 'date' },
      { type: 'list', entity: 'event', field: null },
    ],
    behaviours: [
      crud('event'),
      { type: 'due-today', entity: 'event', field: 'date' },
      { type: 'sort', entity: 'event', field: 'date', direction: 'asc' },
    ],
  },
  {
    id: 'packing',
    keywords: ['packing list', 'packing', 'trip checklist', 'travel list'],
    title: 'Packing List',
    phrase: 'a packing list',
    entities: [
      {
        id: 'item',
        name: 'Item',
        plural: 'Items',
        fields: [
          f.text('name', 'Name', true),
          f.bool('packed', 'Packed'),
          f.choice('category', 'Category', ['Clothes', 'Toiletries', 'Documents', 'Electronics', 'Other']),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'item', field: null }],
    behaviours: [
      crud('item'),
      { type: 'filter', entity: 'item', field: 'packed' },
      { type: 'group', entity: 'item', field: 'category' },
      { type: 'count', entity: 'item', by: 'packed' },
    ],
  },
  {
    id: 'shopping',
    keywords: ['shopping list', 'grocery list', 'groceries', 'grocery', 'shopping'],
    title: 'Shopping List',
    phrase: 'a shopping list',
    entities: [
      {
        id: 'item',
        name: 'Item',
        plural: 'Items',
        fields: [
          f.text('name', 'Name', true),
          f.number('quantity', 'Quantity'),
          f.bool('bought', 'Bought'),
          f.choice('aisle', 'Aisle', ['Produce', 'Dairy', 'Bakery', 'Pantry', 'Frozen', 'Other']),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'item', field: null }],
    behaviours: [
      crud('item'),
      { type: 'filter', entity: 'item', field: 'bought' },
      { type: 'group', entity: 'item', field: 'aisle' },
    ],
  },
  {
    id: 'sleep',
    keywords: ['sleep', 'sleep log', 'sleep tracker'],
    title: 'Sleep',
    phrase: 'a sleep log',
    entities: [
      {
        id: 'night',
        name: 'Night',
        plural: 'Nights',
        fields: [f.date('date', 'Date', true), f.number('hours', 'Hours', true), f.rating('quality', 'Quality')],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'night', field: null }],
    behaviours: [
      crud('night'),
      { type: 'sort', entity: 'night', field: 'date', direction: 'desc' },
      { type: 'total', entity: 'night', field: 'hours', by: null },
    ],
  },
  {
    id: 'scores',
    keywords: [
      'score keeper',
      'scorekeeper',
      'scoreboard',
      'score board',
      'leaderboard',
      'leader board',
      'league table',
      'game night',
      'board game scores',
      'tally',
    ],
    title: 'Score Keeper',
    phrase: 'a score keeper game',
    entities: [
      {
        id: 'score',
        name: 'Score',
        plural: 'Scores',
        fields: [f.text('player', 'Player', true), f.number('points', 'Points', true), f.text('game', 'Game')],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'score', field: null }],
    behaviours: [crud('score'), { type: 'total', entity: 'score', field: 'points', by: 'player' }, { type: 'undo' }],
  },
  {
    id: 'tastings',
    keywords: ['wine', 'coffee', 'beer', 'tea', 'tasting', 'whisky', 'cheese'],
    title: 'Tasting Notes',
    phrase: 'a tasting journal',
    entities: [
      {
        id: 'tasting',
        name: 'Tasting',
        plural: 'Tastings',
        fields: [f.text('name', 'Name', true), f.rating(), f.long('notes', 'Notes'), f.date('date', 'Date')],
        parent: null,
      },
    ],
    views: [{ type: 'cards', entity: 'tasting', field: null }],
    behaviours: [crud('tasting'), search('tasting'), { type: 'sort', entity: 'tasting', field: 'rating', direction: 'desc' }],
  },
  {
    id: 'study',
    keywords: ['study log', 'study tracker', 'practice log', 'practice'],
    title: 'Study Log',
    phrase: 'a study log',
    entities: [
      {
        id: 'session',
        name: 'Session',
        plural: 'Sessions',
        fields: [f.text('subject', 'Subject', true), f.number('minutes', 'Minutes', true), f.date('date', 'Date')],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'session', field: null }],
    behaviours: [
      crud('session'),
      { type: 'total', entity: 'session', field: 'minutes', by: 'subject' },
      { type: 'timer', minutes: 25 },
    ],
  },
  {
    id: 'timesheet',
    keywords: [
      'timesheet',
      'time sheet',
      'time log',
      'time tracker',
      'time tracking',
      'hours worked',
      'billable hours',
      'freelance hours',
      'work hours',
    ],
    title: 'Timesheet',
    phrase: 'a timesheet',
    entities: [
      {
        id: 'entry',
        name: 'Time entry',
        plural: 'Time entries',
        fields: [
          f.text('project', 'Project or client', true),
          f.date('date', 'Date', true),
          f.number('hours', 'Hours', true),
          f.long('notes', 'What was done'),
          f.bool('billed', 'Billed'),
        ],
        parent: null,
      },
    ],
    views: [
      { type: 'table', entity: 'entry', field: null },
      { type: 'calendar', entity: 'entry', field: 'date' },
    ],
    behaviours: [
      crud('entry'),
      search('entry'),
      { type: 'sort', entity: 'entry', field: 'date', direction: 'desc' },
      { type: 'total', entity: 'entry', field: 'hours', by: 'project' },
      { type: 'filter', entity: 'entry', field: 'billed' },
    ],
  },
  {
    id: 'blog',
    keywords: ['blog', 'blog post', 'weblog', 'blogging'],
    title: 'Blog',
    phrase: 'a blog',
    entities: [
      {
        id: 'post',
        name: 'Post',
        plural: 'Posts',
        fields: [
          f.text('title', 'Title', true),
          f.long('body', 'Text', true),
          f.date('date', 'Date'),
          f.tags(),
          f.image('image', 'Image'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'cards', entity: 'post', field: null }],
    behaviours: [
      crud('post'),
      search('post'),
      { type: 'sort', entity: 'post', field: 'date', direction: 'desc' },
      { type: 'filter', entity: 'post', field: 'tags' },
    ],
  },
  {
    id: 'pets',
    keywords: ['pet', 'pet care', 'pet health', 'vet', 'vet visit', 'pet vaccination', 'dog vaccination', 'cat vaccination'],
    title: 'Pet Care',
    phrase: 'a pet care log',
    entities: [
      {
        id: 'pet',
        name: 'Pet',
        plural: 'Pets',
        fields: [
          f.text('name', 'Name', true),
          f.choice('species', 'Species', ['Dog', 'Cat', 'Bird', 'Rabbit', 'Fish', 'Other']),
          f.date('birthday', 'Birthday'),
        ],
        parent: null,
      },
      {
        id: 'care',
        name: 'Care record',
        plural: 'Care records',
        fields: [
          f.choice('kind', 'Kind', ['Vaccination', 'Check-up', 'Treatment', 'Grooming', 'Other']),
          f.date('date', 'Date', true),
          f.date('due', 'Next due'),
          f.long('notes', 'Notes'),
        ],
        parent: { entity: 'pet', field: 'petId' },
      },
    ],
    views: [
      { type: 'list', entity: 'pet', field: null },
      { type: 'table', entity: 'care', field: null },
    ],
    behaviours: [
      crud('pet'),
      crud('care'),
      { type: 'sort', entity: 'care', field: 'date', direction: 'desc' },
      { type: 'due-today', entity: 'care', field: 'due' },
      { type: 'count', entity: 'care', by: 'kind' },
    ],
  },
  {
    id: 'medication',
    keywords: ['medication', 'medicine', 'pill', 'pills', 'vitamin', 'supplements'],
    title: 'Medication',
    phrase: 'a medication tracker',
    entities: [
      {
        id: 'medication',
        name: 'Medication',
        plural: 'Medications',
        fields: [
          f.text('name', 'Name', true),
          f.text('dose', 'Dose'),
          f.choice('time', 'Time', ['Morning', 'Noon', 'Evening', 'Night']),
        ],
        parent: null,
      },
      {
        id: 'dose',
        name: 'Dose taken',
        plural: 'Doses taken',
        fields: [f.date('date', 'Date', true)],
        parent: { entity: 'medication', field: 'medicationId' },
      },
    ],
    views: [
      { type: 'list', entity: 'medication', field: null },
      { type: 'list', entity: 'dose', field: null },
    ],
    behaviours: [
      crud('medication'),
      crud('dose'),
      { type: 'streak', entity: 'dose', field: 'date' },
      { type: 'group', entity: 'medication', field: 'time' },
    ],
  },
  {
    id: 'fuel',
    keywords: ['fuel', 'mileage', 'car expenses', 'gas log', 'fill up'],
    title: 'Fuel Log',
    phrase: 'a fuel log',
    entities: [
      {
        id: 'fillUp',
        name: 'Fill-up',
        plural: 'Fill-ups',
        fields: [
          f.date('date', 'Date', true),
          f.number('litres', 'Litres', true),
          f.money('cost', 'Cost', true),
          f.number('odometer', 'Odometer'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'fillUp', field: null }],
    behaviours: [
      crud('fillUp'),
      { type: 'total', entity: 'fillUp', field: 'cost', by: 'date' },
      { type: 'sort', entity: 'fillUp', field: 'date', direction: 'desc' },
    ],
  },
  {
    id: 'gifts',
    keywords: ['wishlist', 'wish list', 'gift', 'gift ideas', 'presents'],
    title: 'Gift Ideas',
    phrase: 'a gift list',
    entities: [
      {
        id: 'gift',
        name: 'Gift',
        plural: 'Gifts',
        fields: [
          f.text('idea', 'Idea', true),
          f.text('person', 'For'),
          f.money('price', 'Price'),
          f.bool('bought', 'Bought'),
          f.url('link', 'Link'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'gift', field: null }],
    behaviours: [
      crud('gift'),
      { type: 'total', entity: 'gift', field: 'price', by: 'person' },
      { type: 'filter', entity: 'gift', field: 'bought' },
    ],
  },
  {
    id: 'photos',
    keywords: ['photo gallery', 'gallery', 'portfolio', 'mood board', 'moodboard', 'photo album'],
    title: 'Gallery',
    phrase: 'a photo gallery',
    entities: [
      {
        id: 'photo',
        name: 'Photo',
        plural: 'Photos',
        fields: [f.text('title', 'Title', true), f.image('image', 'Image', true), f.tags()],
        parent: null,
      },
    ],
    views: [{ type: 'cards', entity: 'photo', field: null }],
    behaviours: [crud('photo'), { type: 'filter', entity: 'photo', field: 'tags' }],
  },
  {
    id: 'quotes',
    keywords: ['quote', 'quotes', 'quotations', 'sayings'],
    title: 'Quotes',
    phrase: 'a quote collection',
    entities: [
      {
        id: 'quote',
        name: 'Quote',
        plural: 'Quotes',
        fields: [f.text('author', 'Author', true), f.long('quote', 'Quote', true), f.tags()],
        parent: null,
      },
    ],
    views: [{ type: 'cards', entity: 'quote', field: null }],
    behaviours: [crud('quote'), search('quote'), { type: 'filter', entity: 'quote', field: 'tags' }],
  },
  {
    id: 'applications',
    keywords: ['job application', 'job search', 'job hunt'],
    title: 'Job Applications',
    phrase: 'a job application tracker',
    entities: [
      {
        id: 'application',
        name: 'Application',
        plural: 'Applications',
        fields: [
          f.text('company', 'Company', true),
          f.text('role', 'Role'),
          f.choice('status', 'Status', ['Applied', 'Interview', 'Offer', 'Rejected']),
          f.date('applied', 'Applied on'),
          f.url('link', 'Link'),
        ],
        parent: null,
      },
    ],
    views: [
      { type: 'board', entity: 'application', field: 'status' },
      { type: 'table', entity: 'application', field: null },
    ],
    behaviours: [crud('application'), search('application'), { type: 'count', entity: 'application', by: 'status' }],
  },
  {
    id: 'grades',
    keywords: ['grade', 'grades', 'gradebook', 'grade book', 'school marks'],
    title: 'Grades',
    phrase: 'a grade book',
    entities: [
      {
        id: 'grade',
        name: 'Grade',
        plural: 'Grades',
        fields: [f.text('subject', 'Subject', true), f.number('grade', 'Grade', true), f.date('date', 'Date')],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'grade', field: null }],
    behaviours: [
      crud('grade'),
      { type: 'count', entity: 'grade', by: 'subject' },
      { type: 'sort', entity: 'grade', field: 'date', direction: 'desc' },
    ],
  },
  {
    id: 'investments',
    keywords: ['stock portfolio', 'investment portfolio', 'investment', 'stocks', 'stock market', 'shares portfolio', 'dividend'],
    title: 'Investments',
    phrase: 'an investment log',
    entities: [
      {
        id: 'holding',
        name: 'Holding',
        plural: 'Holdings',
        fields: [
          f.text('name', 'Stock or fund', true),
          f.number('shares', 'Shares'),
          f.money('amount', 'Amount paid'),
          f.date('date', 'Bought'),
          f.long('notes', 'Notes'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'holding', field: null }],
    behaviours: [crud('holding'), search('holding'), { type: 'total', entity: 'holding', field: 'amount', by: null }],
  },
  {
    id: 'invoices',
    keywords: ['invoice', 'invoices', 'invoicing', 'invoice tracker'],
    title: 'Invoices',
    phrase: 'an invoice tracker',
    entities: [
      {
        id: 'invoice',
        name: 'Invoice',
        plural: 'Invoices',
        fields: [
          f.text('client', 'Client', true),
          f.text('number', 'Invoice number'),
          f.money('amount', 'Amount', true),
          f.date('date', 'Date'),
          f.date('due', 'Due'),
          f.bool('paid', 'Paid'),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'table', entity: 'invoice', field: null }],
    behaviours: [
      crud('invoice'),
      search('invoice'),
      { type: 'total', entity: 'invoice', field: 'amount', by: 'paid' },
      { type: 'filter', entity: 'invoice', field: 'paid' },
    ],
  },
  {
    id: 'playlist',
    keywords: ['playlist', 'setlist', 'set list', 'mixtape'],
    title: 'Playlist',
    phrase: 'a playlist',
    entities: [
      {
        id: 'song',
        name: 'Song',
        plural: 'Songs',
        fields: [f.text('title', 'Title', true), f.text('artist', 'Artist'), f.url('link', 'Link'), f.rating()],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'song', field: null }],
    behaviours: [crud('song'), search('song')],
  },
  {
    id: 'guestbook',
    keywords: ['guestbook', 'guest book', 'visitor book', 'visitors book'],
    title: 'Guestbook',
    phrase: 'a guestbook',
    entities: [
      {
        id: 'signature',
        name: 'Entry',
        plural: 'Entries',
        fields: [f.text('name', 'Name', true), f.long('message', 'Message', true), f.date('date', 'Date')],
        parent: null,
      },
    ],
    views: [{ type: 'list', entity: 'signature', field: null }],
    behaviours: [crud('signature'), { type: 'sort', entity: 'signature', field: 'date', direction: 'desc' }],
  },
  {
    id: 'menu',
    keywords: ['restaurant menu', 'cafe menu', 'food menu', 'drinks menu', 'bar menu', 'takeaway menu', 'dinner menu'],
    title: 'Menu',
    phrase: 'a menu',
    entities: [
      {
        id: 'dish',
        name: 'Dish',
        plural: 'Dishes',
        fields: [
          f.text('name', 'Name', true),
          f.money('price', 'Price'),
          f.long('description', 'Description'),
          f.choice('course', 'Course', ['Starters', 'Mains', 'Desserts', 'Drinks']),
        ],
        parent: null,
      },
    ],
    views: [{ type: 'cards', entity: 'dish', field: null }],
    behaviours: [crud('dish'), search('dish'), { type: 'group', entity: 'dish', field: 'course' }],
  },
];
