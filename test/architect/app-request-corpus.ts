/**
 * Everyday app requests and requests no static web app can serve, with what each must give.
 * Shared by the compiler tests (every app compiled and its own tests run), the browser test, the
 * end-to-end test through the local stack and the bench.
 */

export interface BuildableRequest {
  readonly prompt: string;
  /** 'spec': compiled from an app spec; a kind id: the hand-made template of that kind. */
  readonly builds:
    | 'spec'
    | 'calculator'
    | 'converter'
    | 'timer'
    | 'tasks'
    | 'notes'
    | 'board'
    | 'feed'
    | 'randomizer'
    | 'wordcount'
    | 'game'
    | 'color'
    | 'typing'
    | 'clock'
    | 'drawing'
    | 'devtools'
    | 'page';
  /** Entity names the spec must have. */
  readonly entities?: readonly string[];
  /** Behaviour types the spec must have. */
  readonly behaviours?: readonly string[];
  /** Field labels (with their types) the first entity must have. */
  readonly fields?: Readonly<Record<string, string>>;
  readonly dark?: boolean;
  /** True when the reading must be recorded as an interpretation. */
  readonly interpreted?: boolean;
}

export const BUILDABLE_REQUESTS: readonly BuildableRequest[] = [
  {
    prompt: 'a log of my ebay sales with item, sold price, fees and profit',
    builds: 'spec',
    entities: ['Sale'],
    behaviours: ['difference', 'total'],
    fields: { 'Sold price': 'money', Fees: 'money' },
  },
  {
    prompt: 'a reselling tracker with purchase price, sold price and profit',
    builds: 'spec',
    interpreted: true,
    behaviours: ['difference'],
    fields: { 'Purchase price': 'money', 'Sold price': 'money' },
  },
  {
    prompt: 'a tracker for my HSA contributions and withdrawals',
    builds: 'spec',
    interpreted: true,
    behaviours: ['balance', 'total', 'filter'],
    fields: { Amount: 'money', 'In or out': 'choice' },
  },
  {
    prompt: 'a PTO tracker with days taken and remaining',
    builds: 'spec',
    interpreted: true,
    behaviours: ['balance'],
    fields: { Days: 'number', 'In or out': 'choice' },
  },
  {
    prompt: 'a crypto wallet tracker with buys and sells',
    builds: 'spec',
    interpreted: true,
    behaviours: ['balance'],
    fields: { Quantity: 'number', 'In or out': 'choice' },
  },
  { prompt: 'a wedding budget showing how much is left', builds: 'spec', entities: ['Cost'], behaviours: ['goal', 'total'] },
  { prompt: 'a home inventory with room, value and photo', builds: 'spec', entities: ['Item'], behaviours: ['total'] },
  {
    prompt: 'a checkbook register',
    builds: 'spec',
    entities: ['Transaction'],
    behaviours: ['balance', 'total', 'search'],
    fields: { Date: 'date', Amount: 'money', Type: 'choice' },
  },
  {
    prompt: 'a pocket money tracker for my kids with money in and out and their balance',
    builds: 'spec',
    entities: ['Entry'],
    behaviours: ['balance', 'total'],
    fields: { Amount: 'money', 'In or out': 'choice', Kid: 'text' },
  },
  {
    prompt: "a budget with income, expenses and what's left",
    builds: 'spec',
    entities: ['Entry'],
    behaviours: ['balance', 'total'],
    fields: { Amount: 'money', Type: 'choice' },
  },
  {
    prompt: 'a workout log with streaks',
    builds: 'spec',
    entities: ['Workout'],
    behaviours: ['streak', 'total', 'sort'],
    fields: { Date: 'date', Minutes: 'number' },
  },
  {
    prompt: 'a meditation log that shows how many days in a row I meditated',
    builds: 'spec',
    entities: ['Session'],
    behaviours: ['streak', 'timer'],
    fields: { Date: 'date', Minutes: 'number' },
  },
  {
    prompt: 'track my daily steps and keep a streak',
    builds: 'spec',
    interpreted: true,
    entities: ['Step entry'],
    behaviours: ['streak'],
    fields: { Date: 'date', Steps: 'number' },
  },
  {
    prompt: "a tracker for my kid's spelling test scores each week",
    builds: 'spec',
    entities: ['Test'],
    behaviours: ['ratio', 'sort'],
    fields: { Score: 'number', 'Out of': 'number' },
  },
  {
    prompt: "a weight tracker that shows how much I've lost",
    builds: 'spec',
    interpreted: true,
    behaviours: ['change', 'sort'],
    fields: { Date: 'date', Weight: 'number' },
  },
  {
    prompt: 'a tracker for my electricity meter readings each month and usage',
    builds: 'spec',
    entities: ['Reading'],
    behaviours: ['change', 'filter'],
    fields: { Meter: 'choice', Reading: 'number' },
  },
  {
    prompt: "a log of my kids' height and how much they've grown",
    builds: 'spec',
    interpreted: true,
    behaviours: ['change'],
    fields: { Height: 'number', Kid: 'text' },
  },
  {
    prompt: "a tracker for my teenager's driving practice hours",
    builds: 'spec',
    entities: ['Drive'],
    behaviours: ['total'],
    fields: { Hours: 'number', 'At night': 'boolean', Supervisor: 'text' },
  },
  {
    prompt: 'an app for my classroom to track student behaviour points',
    builds: 'spec',
    entities: ['Points award'],
    behaviours: ['total'],
    fields: { Student: 'text', Points: 'number', Reason: 'text' },
  },
  {
    prompt: 'an app to keep track of my prescriptions and when they need refilling',
    builds: 'spec',
    entities: ['Prescription'],
    behaviours: ['due-today', 'sort'],
    fields: { Medication: 'text', 'Refill date': 'date', 'Refills left': 'number' },
  },
  {
    prompt: 'a simple inventory for my etsy shop with stock levels and reorder alerts',
    builds: 'spec',
    interpreted: true,
    behaviours: ['threshold', 'step'],
    fields: { Quantity: 'number', 'Reorder at': 'number' },
  },
  {
    prompt: 'track my running shoes mileage so I know when to replace them',
    builds: 'spec',
    entities: ['Shoe'],
    behaviours: ['threshold'],
    fields: { Distance: 'number', 'Retire at': 'number' },
  },
  {
    prompt: "track my car's mpg",
    builds: 'spec',
    entities: ['Fill-up'],
    behaviours: ['ratio', 'total'],
    fields: { Gallons: 'number', Miles: 'number', Cost: 'money' },
  },
  {
    prompt: 'log my fill ups and work out the fuel consumption in litres per 100 km',
    builds: 'spec',
    entities: ['Fill-up'],
    behaviours: ['ratio'],
    fields: { Litres: 'number', 'Distance (km)': 'number' },
  },
  {
    prompt: 'a swim log with distance and time that calculates pace per 100m',
    builds: 'spec',
    entities: ['Swim'],
    behaviours: ['ratio'],
    fields: { 'Distance (m)': 'number', Minutes: 'number' },
  },
  {
    prompt: 'a cycling log with distance and time that shows my average speed',
    builds: 'spec',
    entities: ['Ride'],
    behaviours: ['ratio'],
    fields: { 'Distance (km)': 'number', Minutes: 'number' },
  },
  {
    prompt: 'a tracker for my electric car charging with kWh and cost per kWh',
    builds: 'spec',
    interpreted: true,
    behaviours: ['ratio'],
    fields: { kWh: 'number', Cost: 'money' },
  },
  {
    prompt: 'a habit tracker where I see my streaks',
    builds: 'spec',
    entities: ['Habit', 'Check-in'],
    behaviours: ['streak', 'crud'],
  },
  {
    prompt: 'an expense tracker with totals per category',
    builds: 'spec',
    entities: ['Expense'],
    behaviours: ['total', 'filter'],
  },
  { prompt: 'a recipe book where I can tag recipes', builds: 'spec', entities: ['Recipe'], behaviours: ['filter', 'search'] },
  {
    prompt: 'a reading list with a board by status and ratings',
    builds: 'spec',
    entities: ['Book'],
    behaviours: ['count', 'crud'],
  },
  { prompt: 'a movie watchlist where I filter by genre', builds: 'spec', entities: ['Movie'], behaviours: ['filter', 'sort'] },
  {
    prompt: 'a workout log with a calendar and total minutes per type',
    builds: 'spec',
    entities: ['Workout'],
    behaviours: ['total', 'sort'],
  },
  { prompt: 'a running log that totals my distance', builds: 'spec', entities: ['Run'], behaviours: ['total'] },
  { prompt: 'a water intake tracker', builds: 'spec', entities: ['Drink'], behaviours: ['total'] },
  { prompt: 'A water intake tracker with a daily goal of 8 glasses', builds: 'spec', entities: ['Drink'], behaviours: ['goal'] },
  {
    prompt: 'an expense tracker with a spending limit of 300 a month',
    builds: 'spec',
    entities: ['Expense'],
    behaviours: ['goal'],
  },
  { prompt: 'a savings tracker with a savings goal of 5000', builds: 'spec', entities: ['Deposit'], behaviours: ['goal'] },
  // A limit or a budget without its number was said as left out; it is one set in the app.
  {
    prompt: 'a budget app with categories and monthly limits',
    builds: 'spec',
    entities: ['Expense'],
    behaviours: ['goal'],
    interpreted: true,
  },
  { prompt: 'a calorie tracker with a daily calorie limit', builds: 'spec', entities: ['Food'], behaviours: ['goal'] },
  // A goal of a number of the records.
  {
    prompt: 'a hiking log with a goal of 12 hikes this year',
    builds: 'spec',
    entities: ['Hike'],
    behaviours: ['count-goal'],
  },
  // A goal on the newest weight, not on a sum of them.
  {
    prompt: 'a restaurant reservation book with name, party size, date and time',
    builds: 'spec',
    entities: ['Reservation'],
    fields: { 'Party size': 'number', Date: 'date' },
  },
  {
    prompt: 'track my clients and their sessions',
    builds: 'spec',
    entities: ['Client', 'Session'],
    interpreted: true,
  },
  { prompt: 'my projects and their tasks', builds: 'spec', entities: ['Project', 'Task'] },
  {
    prompt: 'a sports team schedule with opponent, date, home or away and score',
    builds: 'spec',
    fields: { 'Home or away': 'choice', Score: 'text' },
  },
  {
    prompt: 'a shelter dog list with name, breed, age and status',
    builds: 'spec',
    fields: { Status: 'choice' },
    interpreted: true,
  },
  {
    prompt: 'a savings goal tracker: save 5000 dollars by december',
    builds: 'spec',
    behaviours: ['goal'],
  },
  {
    prompt: 'a weight tracker with a goal of 70 kg',
    builds: 'spec',
    entities: ['Weight entry'],
    behaviours: ['goal'],
    interpreted: true,
  },
  {
    prompt: 'Make an expense log that lets me enter amount, category and date and shows a monthly total',
    builds: 'spec',
    entities: ['Expense'],
    behaviours: ['total'],
  },
  { prompt: 'a step log with weekly totals', builds: 'spec', behaviours: ['total'], interpreted: true },
  { prompt: 'a mood tracker with a calendar and undo', builds: 'spec', entities: ['Mood entry'], behaviours: ['count', 'undo'] },
  {
    prompt: 'a flashcard game to learn vocabulary where I flip cards',
    builds: 'spec',
    entities: ['Card'],
    behaviours: ['flip', 'filter'],
  },
  {
    prompt: 'an address book with search, sorted by name',
    builds: 'spec',
    entities: ['Contact'],
    behaviours: ['search', 'sort'],
  },
  {
    prompt: 'a plant watering planner that shows what is due today',
    builds: 'spec',
    entities: ['Plant'],
    behaviours: ['due-today', 'group'],
  },
  { prompt: 'a bill tracker with due dates and totals', builds: 'spec', entities: ['Bill'], behaviours: ['due-today', 'total'] },
  { prompt: 'a pantry inventory with quantities per category', builds: 'spec', entities: ['Item'], behaviours: ['total'] },
  {
    prompt: 'an inventory of my vinyl records with artist, year and condition',
    builds: 'spec',
    entities: ['Vinyl record'],
    behaviours: ['step', 'total'],
    fields: { Quantity: 'number', Artist: 'text', Year: 'number' },
    interpreted: true,
  },
  {
    prompt: 'a log of the fish in my aquarium and water tests',
    builds: 'spec',
    entities: ['Water test', 'Fish'],
    behaviours: ['sort', 'total'],
    fields: { pH: 'number', 'Ammonia (ppm)': 'number', Temperature: 'number' },
  },
  {
    prompt: 'a plant propagation tracker',
    builds: 'spec',
    entities: ['Cutting'],
    behaviours: ['sort', 'filter'],
    fields: { Plant: 'text', Started: 'date', Rooted: 'boolean' },
  },
  {
    prompt: 'a bookmark manager with tags and export',
    builds: 'spec',
    entities: ['Bookmark'],
    behaviours: ['filter', 'import-export'],
  },
  { prompt: 'a meal planner with a board by day', builds: 'spec', entities: ['Meal'], behaviours: ['filter'] },
  {
    prompt: 'my school timetable with subject, room and teacher',
    builds: 'spec',
    entities: ['Class'],
    behaviours: ['filter'],
    fields: { Subject: 'text', Day: 'choice', Room: 'text', Teacher: 'text' },
  },
  {
    prompt: 'a cryptocurrency portfolio tracker',
    builds: 'spec',
    entities: ['Holding'],
    behaviours: ['total'],
    interpreted: true,
  },
  {
    prompt: 'a diabetes log with blood sugar, insulin and carbs',
    builds: 'spec',
    entities: ['Reading'],
    behaviours: ['average', 'sort'],
    fields: { 'Blood sugar': 'number', When: 'choice', 'Insulin (units)': 'number', 'Carbs (g)': 'number' },
  },
  {
    prompt: 'track the wedding gifts we received and whether we sent a thank you card',
    builds: 'spec',
    entities: ['Gift'],
    behaviours: ['search', 'filter'],
    fields: { From: 'text', 'Thank-you sent': 'boolean' },
  },
  // Was refused as not understood.
  {
    prompt: 'an app for my lawn mowing business',
    builds: 'spec',
    entities: ['Job'],
    behaviours: ['filter', 'total'],
    fields: { Client: 'text', Date: 'date', Price: 'money', Paid: 'boolean' },
    interpreted: true,
  },
  // Was the running log with "Rides" and "Swims" as text fields.
  {
    prompt: 'I am training. I want to track my runs, rides and swims.',
    builds: 'spec',
    entities: ['Session'],
    behaviours: ['filter', 'total'],
    fields: { Sport: 'choice', 'Distance (km)': 'number', Minutes: 'number' },
    interpreted: true,
  },
  // Was refused as not understood.
  {
    prompt: 'an app to keep my medical history',
    builds: 'spec',
    entities: ['Medical record'],
    behaviours: ['filter', 'sort'],
    fields: { Date: 'date', Kind: 'choice', Doctor: 'text' },
  },
  // Was refused as not understood.
  {
    prompt: 'how many cups of coffee I drink a day',
    builds: 'spec',
    entities: ['Coffee entry'],
    behaviours: ['total'],
    fields: { Cups: 'number' },
    interpreted: true,
  },
  // Was the focus timer, with the games dropped.
  {
    prompt: 'a list of my board games with a timer',
    builds: 'spec',
    entities: ['Board game'],
    behaviours: ['timer'],
    interpreted: true,
  },
  { prompt: 'an event planner with a calendar', builds: 'spec', entities: ['Event'], behaviours: ['due-today'] },
  { prompt: 'a packing list grouped by category', builds: 'spec', entities: ['Item'], behaviours: ['group', 'count'] },
  { prompt: 'a shopping list with quantities and undo', builds: 'spec', entities: ['Item'], behaviours: ['group', 'undo'] },
  { prompt: 'a sleep log with dark mode', builds: 'spec', entities: ['Night'], behaviours: ['total'], dark: true },
  {
    prompt: 'a score keeper for game night with totals per player and undo',
    builds: 'spec',
    entities: ['Score'],
    behaviours: ['total', 'undo'],
  },
  { prompt: 'a wine tasting journal with ratings and notes', builds: 'spec', entities: ['Tasting'], behaviours: ['sort'] },
  {
    prompt: 'a study log with a 25 minute timer and totals per subject',
    builds: 'spec',
    entities: ['Session'],
    behaviours: ['timer', 'total'],
  },
  { prompt: 'a medication tracker with streaks', builds: 'spec', entities: ['Medication', 'Dose taken'], behaviours: ['streak'] },
  { prompt: 'a fuel log for my car with total cost', builds: 'spec', entities: ['Fill-up'], behaviours: ['total'] },
  {
    prompt: 'a baby tracker for feedings, diapers and sleep',
    builds: 'spec',
    entities: ['Feeding', 'Diaper', 'Sleep'],
    behaviours: ['total', 'count'],
  },
  {
    prompt: 'a tally counter for people coming into my shop',
    builds: 'spec',
    entities: ['Counter'],
    behaviours: ['step', 'total', 'undo'],
  },
  {
    prompt: 'a sales tracker for my lemonade stand with totals per day',
    builds: 'spec',
    entities: ['Sale'],
    behaviours: ['total', 'search'],
  },
  { prompt: 'a gift ideas wishlist with prices per person', builds: 'spec', entities: ['Gift'], behaviours: ['total', 'filter'] },
  { prompt: 'a photo gallery with tags', builds: 'spec', entities: ['Photo'], behaviours: ['filter'] },
  {
    prompt: 'a quotes collection with export and import',
    builds: 'spec',
    entities: ['Quote'],
    behaviours: ['import-export', 'search'],
  },
  { prompt: 'a job application tracker with a kanban board', builds: 'spec', entities: ['Application'], behaviours: ['count'] },
  {
    prompt: 'a tracker for my board games with ratings',
    builds: 'spec',
    entities: ['Board game'],
    behaviours: ['search', 'sort'],
    interpreted: true,
  },
  {
    prompt: 'a collection of my vinyl records grouped by genre',
    builds: 'spec',
    entities: ['Vinyl record'],
    behaviours: ['group', 'filter'],
    interpreted: true,
  },
  {
    prompt: 'a todo list with tags and what is due today',
    builds: 'spec',
    entities: ['Task'],
    behaviours: ['filter', 'due-today'],
  },
  // A field the hand-made template lacks makes a spec with that field, never a silent drop.
  { prompt: 'a chore chart for my kids with points', builds: 'spec', entities: ['Chore'], behaviours: ['total'] },
  { prompt: 'track my poker winnings and losses by session', builds: 'spec', entities: ['Session'] },
  { prompt: 'a contraction timer', builds: 'spec', entities: ['Contraction'] },
  {
    prompt: 'a home maintenance schedule: furnace filter, gutters, smoke detectors, with last done and next due',
    builds: 'spec',
    entities: ['Job'],
    interpreted: true,
  },
  { prompt: 'a kanban board with story points', builds: 'spec', entities: ['Card'] },
  {
    prompt: 'a timesheet for my freelance hours with totals per client',
    builds: 'spec',
    entities: ['Time entry'],
    behaviours: ['total', 'filter'],
  },
  { prompt: 'my personal blog', builds: 'spec', entities: ['Post'], behaviours: ['search', 'sort'], interpreted: true },
  {
    prompt: 'a pet care app for my dog with vaccinations and vet visits',
    builds: 'spec',
    entities: ['Pet', 'Care record'],
    behaviours: ['due-today', 'count'],
  },
  {
    prompt: 'a vaccination record for my kids',
    builds: 'spec',
    entities: ['Medical record'],
    behaviours: ['sort', 'filter'],
    fields: { Who: 'text' },
  },
  {
    prompt: 'a workout log that records sets, reps and weight',
    builds: 'spec',
    entities: ['Workout'],
    behaviours: ['total', 'sort'],
  },
  // Fields the vocabulary lacks are fields of their own, typed by their words.
  {
    prompt: 'A vinyl record collection with artist, album, year and condition',
    builds: 'spec',
    entities: ['Vinyl record'],
    fields: { Artist: 'text', Album: 'text', Year: 'number', Condition: 'text' },
    interpreted: true,
  },
  {
    prompt: 'a coffee tasting journal with origin, roast level, brew method and price paid',
    builds: 'spec',
    fields: { Origin: 'text', 'Roast level': 'text', 'Brew method': 'text', Price: 'money' },
  },
  // A countdown to a date, and birthdays counted down to each next one.
  {
    prompt: 'A countdown timer to my wedding day',
    builds: 'spec',
    entities: ['Event'],
    behaviours: ['countdown', 'sort'],
  },
  {
    prompt: 'a birthday reminder app for my family',
    builds: 'spec',
    entities: ['Person'],
    behaviours: ['countdown', 'search'],
    fields: { Name: 'text', Birthday: 'date' },
    interpreted: true,
  },
  {
    prompt: 'an app to keep track of which friends owe me money',
    builds: 'spec',
    entities: ['Debt'],
    behaviours: ['total', 'filter'],
  },
  {
    prompt: 'a calorie counter with meals and daily totals',
    builds: 'spec',
    entities: ['Food'],
    behaviours: ['total', 'filter'],
  },
  {
    prompt: 'Build a grade average calculator for my classes',
    builds: 'spec',
    entities: ['Course'],
    behaviours: ['average'],
    interpreted: true,
  },
  { prompt: 'a book log with ratings and my average rating', builds: 'spec', entities: ['Book'], behaviours: ['average'] },
  // Two everyday apps joined by "and": one app with a section for each.
  { prompt: 'a sleep and mood tracker', builds: 'spec', entities: ['Night', 'Mood entry'], behaviours: ['total', 'count'] },
  { prompt: 'a recipe and meal planner', builds: 'spec', entities: ['Recipe', 'Meal'], behaviours: ['search', 'filter'] },
  { prompt: 'a calculator with history', builds: 'calculator' },
  // A calculator with a formula it has is that calculator, as asked.
  { prompt: 'Make a tip calculator that splits the bill between friends', builds: 'calculator' },
  // A bill split at the table, asked for without the word "calculator", is the tip calculator.
  { prompt: 'a bill splitter for dinner with friends', builds: 'calculator', interpreted: true },
  { prompt: 'a mortgage calculator with the monthly payment', builds: 'calculator' },
  // A goal it lacks is said to be left out.
  { prompt: 'a book reading log with ratings and a page-per-day goal', builds: 'spec', interpreted: true },
  { prompt: 'a unit converter', builds: 'converter' },
  { prompt: 'a pomodoro timer with dark mode', builds: 'timer' },
  { prompt: 'una calculadora', builds: 'calculator', interpreted: true },
  {
    prompt: 'a todo list with due dates and priorities',
    builds: 'spec',
    entities: ['Task'],
    behaviours: ['due-today', 'filter'],
  },
  { prompt: 'a kanban board with due dates', builds: 'spec', entities: ['Card'], behaviours: ['count', 'due-today'] },
  // Everyday requests once refused or read as another app: each says what it leaves out.
  {
    prompt: 'a stock portfolio tracker',
    builds: 'spec',
    entities: ['Holding'],
    behaviours: ['total', 'search'],
    interpreted: true,
  },
  { prompt: 'a music playlist manager', builds: 'spec', entities: ['Song'], behaviours: ['crud', 'search'] },
  { prompt: 'a guestbook for our wedding', builds: 'spec', entities: ['Entry'], behaviours: ['sort'], interpreted: true },
  { prompt: 'a restaurant menu', builds: 'spec', entities: ['Dish'], behaviours: ['group', 'search'] },
  {
    prompt: 'a simple invoice generator',
    builds: 'spec',
    entities: ['Invoice'],
    behaviours: ['total', 'filter'],
    interpreted: true,
  },
  { prompt: 'things I want to buy', builds: 'spec', entities: ['Item'], behaviours: ['filter'], interpreted: true },
  { prompt: 'a calendar for my appointments', builds: 'spec', entities: ['Event'], behaviours: ['due-today'] },
  { prompt: 'a dice roller for D&D', builds: 'randomizer' },
  { prompt: 'a password generator', builds: 'randomizer' },
  { prompt: 'a random name picker for my class', builds: 'randomizer' },
  { prompt: 'a word counter for my essays', builds: 'wordcount' },
  // A one-page website's words are placeholders, said as left out.
  { prompt: 'a landing page for my bakery', builds: 'page', interpreted: true },
  { prompt: 'a wedding website', builds: 'page', interpreted: true },
  { prompt: 'an online resume page with dark mode', builds: 'page', interpreted: true },
  { prompt: 'a tool to count the characters in my tweets', builds: 'wordcount' },
  // Each once a generic record of a name, a date and notes (and a cycling log was "Runs").
  // Books lent out keep who has them (was the books alone).
  {
    prompt: 'an app to keep track of who I lent my books to',
    builds: 'spec',
    entities: ['Book'],
    behaviours: ['search', 'count'],
    fields: { 'Lent to': 'text' },
  },
  // Once a reading list ("make me" read the recipes as made from other records), and a mood
  // tracker that dropped the energy it was asked to keep.
  {
    prompt: 'make me a recipe book where I can save ingredients and cooking time',
    builds: 'spec',
    entities: ['Recipe'],
    fields: { Ingredients: 'longtext', 'Cooking time': 'text' },
  },
  {
    prompt: 'an app to track my mood and energy each day',
    builds: 'spec',
    entities: ['Mood entry'],
    fields: { Energy: 'number' },
  },
  // Its category's own values; "recipes need …" and the prep time were dropped.
  {
    prompt:
      'Help me build a recipe organizer. Recipes need a title, ingredients, steps, prep time, and a category like breakfast, lunch or dinner.',
    builds: 'spec',
    entities: ['Recipe'],
    fields: { 'Prep time': 'text', Category: 'choice' },
  },
  // Refused, and "my dnd campaign characters" built a word counter.
  {
    prompt: 'an app for my dnd characters with class, level and hit points',
    builds: 'spec',
    entities: ['Character'],
    fields: { Class: 'text', Level: 'number', 'Hit points': 'number' },
  },
  // Was a bill to pay, with no renewal or billing period.
  {
    prompt: 'a subscription tracker with renewal dates and monthly cost',
    builds: 'spec',
    entities: ['Subscription'],
    behaviours: ['due-today', 'total', 'filter'],
    fields: { Cost: 'money', Billed: 'choice', Renews: 'date' },
  },
  // Refused before (an itinerary was no app the architect knew).
  {
    prompt: 'a travel itinerary for my trip to japan with flights and hotels',
    builds: 'spec',
    entities: ['Plan'],
    behaviours: ['sort', 'filter', 'total'],
    fields: { Kind: 'choice', Cost: 'money', Booked: 'boolean' },
  },
  {
    prompt: 'a car maintenance log',
    builds: 'spec',
    entities: ['Service'],
    behaviours: ['total', 'filter'],
    fields: { Mileage: 'number', Cost: 'money' },
  },
  {
    prompt: 'a baby feeding tracker',
    builds: 'spec',
    entities: ['Feeding'],
    behaviours: ['total'],
    fields: { 'Amount (ml)': 'number' },
  },
  {
    prompt: 'a blood pressure log',
    builds: 'spec',
    entities: ['Reading'],
    behaviours: ['average'],
    fields: { Systolic: 'number', Diastolic: 'number' },
  },
  { prompt: 'a period tracker', builds: 'spec', entities: ['Period'], fields: { Start: 'date', Flow: 'choice' } },
  {
    prompt: 'a tracker for my coin collection with year, country, condition and value',
    builds: 'spec',
    entities: ['Coin'],
    interpreted: true,
    fields: { Year: 'number', Value: 'money' },
  },
  {
    prompt: 'app for tracking how many push-ups I do each day',
    builds: 'spec',
    entities: ['Push up entry'],
    interpreted: true,
    fields: { 'Push ups': 'number' },
  },
  {
    prompt: 'I want to log my runs. I need distance, pace and how I felt.',
    builds: 'spec',
    entities: ['Run'],
    // (The pace is worked out from each run's distance and minutes: it was a number to enter.)
    behaviours: ['ratio'],
    fields: { 'Distance (km)': 'number', Minutes: 'number', 'How I felt': 'rating' },
  },
  {
    prompt: 'a garden journal: what I planted, when, where, and when to harvest',
    builds: 'spec',
    entities: ['Planting'],
    fields: { 'Harvest date': 'date' },
  },
  {
    prompt: "I collect sneakers. Brand, model, size, price paid, and whether I've worn them.",
    builds: 'spec',
    entities: ['Sneaker'],
    interpreted: true,
    fields: { Brand: 'text', Size: 'number' },
  },
  {
    prompt: 'a diary for my pregnancy with weeks, symptoms and appointments',
    builds: 'spec',
    entities: ['Pregnancy entry'],
    interpreted: true,
    fields: { Weeks: 'number', Symptoms: 'longtext' },
  },
  {
    prompt: 'an attendance tracker for my class',
    builds: 'spec',
    entities: ['Student', 'Attendance mark'],
    behaviours: ['count', 'filter'],
  },
  {
    prompt: 'a chore chart for my kids: chore, which kid, points, done',
    builds: 'spec',
    entities: ['Chore'],
    fields: { Kid: 'text', Points: 'number', Done: 'boolean' },
  },
  { prompt: 'track the money my friends owe me', builds: 'spec', entities: ['Debt'], fields: { Amount: 'money' } },
  { prompt: 'a cycling log', builds: 'spec', entities: ['Ride'], behaviours: ['total'] },
  { prompt: 'a client list for my business', builds: 'spec', entities: ['Client'], behaviours: ['filter', 'search'] },
  { prompt: 'a homework tracker', builds: 'spec', entities: ['Assignment'], behaviours: ['due-today'] },
  { prompt: 'a symptom tracker and a medication tracker', builds: 'spec', entities: ['Symptom', 'Medication'] },
  // Each once reported as another app (a study log, a movie watchlist, a reading list).
  { prompt: 'a guitar practice log', builds: 'spec', entities: ['Session'], behaviours: ['total'] },
  {
    prompt: "track my kid's reading minutes each night",
    builds: 'spec',
    entities: ['Reading session'],
    behaviours: ['total'],
    fields: { Minutes: 'number', Pages: 'number' },
  },
  {
    prompt: 'an app that helps me remember when to change my contact lenses',
    builds: 'spec',
    behaviours: ['due-today'],
    fields: { 'Next change': 'date' },
  },
  {
    prompt: 'caffeine tracker, no more than 400 mg a day',
    builds: 'spec',
    behaviours: ['goal'],
    // Was a generic record of a date and its caffeine; the caffeine log keeps each drink and its milligrams.
    fields: { 'Caffeine (mg)': 'number', Drink: 'choice' },
  },
  { prompt: 'a tv show tracker', builds: 'spec', entities: ['Show'], behaviours: ['count'] },
  { prompt: 'a video game backlog', builds: 'spec', entities: ['Game'], fields: { Platform: 'choice' } },
  { prompt: 'an electricity meter reading log', builds: 'spec', entities: ['Reading'], fields: { Reading: 'number' } },
  { prompt: 'an app to manage my small bakery orders', builds: 'spec', entities: ['Order'], behaviours: ['due-today', 'total'] },
  { prompt: "an app to record my child's height and weight", builds: 'spec', entities: ['Measurement'] },
  { prompt: 'a savings jar for a new bike', builds: 'spec', entities: ['Deposit'], behaviours: ['total'] },
  { prompt: 'help me save 2000 dollars for a vacation', builds: 'spec', entities: ['Deposit'], behaviours: ['goal', 'total'] },
  { prompt: 'save 500 a month', builds: 'spec', entities: ['Deposit'], behaviours: ['goal', 'total'] },
  {
    prompt: 'a physio app for patients, treatments and payments',
    builds: 'spec',
    entities: ['Patient', 'Treatment'],
    behaviours: ['search', 'sort'],
    interpreted: true,
  },
  { prompt: 'track my daily water and coffee', builds: 'spec', entities: ['Drink'], behaviours: ['total'] },
  {
    prompt: 'a seed inventory for my garden',
    builds: 'spec',
    entities: ['Seed'],
    behaviours: ['step', 'filter', 'sort'],
    fields: { Plant: 'text', Packets: 'number', 'Sow by': 'date' },
  },
  {
    prompt: 'a repair log for my rental property',
    builds: 'spec',
    entities: ['Repair'],
    behaviours: ['total', 'filter', 'sort'],
    fields: { Repair: 'text', Status: 'choice', Cost: 'money' },
  },
  {
    prompt: 'a staff rota for my cafe',
    builds: 'spec',
    entities: ['Shift'],
    behaviours: ['count', 'due-today', 'sort'],
    fields: { Who: 'text', Date: 'date', Start: 'time', End: 'time' },
  },
  { prompt: 'stock levels for my shop', builds: 'spec', entities: ['Product'], behaviours: ['step'], interpreted: true },
  {
    prompt: 'an expense report for work trips',
    builds: 'spec',
    entities: ['Expense'],
    behaviours: ['total', 'filter'],
    fields: { Amount: 'money', Category: 'choice', Receipt: 'image', Reimbursed: 'boolean' },
  },
  {
    prompt: 'a tracker for my macros',
    builds: 'spec',
    entities: ['Food'],
    behaviours: ['total', 'search'],
    fields: { Protein: 'number', Carbs: 'number', Fat: 'number' },
  },
  {
    prompt: 'an app for tracking my chess games',
    builds: 'spec',
    entities: ['Chess game'],
    behaviours: ['count', 'filter'],
    fields: { Opponent: 'text', Result: 'choice' },
  },
  {
    prompt: 'after school activities for my kids',
    builds: 'spec',
    entities: ['Activity'],
    behaviours: ['group', 'sort'],
    fields: { Activity: 'text', Day: 'choice', Time: 'time' },
  },
  {
    prompt: 'a carpool schedule',
    builds: 'spec',
    entities: ['Run'],
    behaviours: ['count', 'due-today'],
    fields: { Driver: 'text' },
  },
  {
    prompt: 'a babysitting log with hours and pay',
    builds: 'spec',
    entities: ['Job'],
    behaviours: ['total', 'filter'],
    fields: { Family: 'text', Hours: 'number', Pay: 'money', Paid: 'boolean' },
  },
  {
    prompt: "a tracker for my baby's first foods and reactions",
    builds: 'spec',
    entities: ['Food'],
    behaviours: ['count', 'filter'],
    fields: { Food: 'text', Reaction: 'choice' },
  },
  { prompt: 'a seating chart for my classroom', builds: 'spec', entities: ['Seat'], behaviours: ['group', 'sort'] },
  {
    prompt: 'a lesson planner',
    builds: 'spec',
    entities: ['Lesson'],
    behaviours: ['due-today', 'sort'],
    fields: { Topic: 'text', Objectives: 'longtext' },
  },
  {
    prompt: 'a college application tracker',
    builds: 'spec',
    entities: ['Application'],
    behaviours: ['countdown', 'count'],
    fields: { Deadline: 'date', Status: 'choice' },
  },
  {
    prompt: 'a house hunting tracker',
    builds: 'spec',
    entities: ['Home'],
    behaviours: ['sort', 'count'],
    fields: { Address: 'text', 'Price or rent': 'money', Bedrooms: 'number' },
  },
  // Were records of a name, a date and notes.
  {
    prompt: 'a tracker for my swimming lessons',
    builds: 'spec',
    entities: ['Lesson'],
    behaviours: ['total', 'filter'],
    fields: { Date: 'date', Teacher: 'text', 'What to practise': 'longtext', Cost: 'money' },
  },
  {
    prompt: 'a warranty tracker for my appliances',
    builds: 'spec',
    entities: ['Warranty'],
    behaviours: ['countdown', 'sort'],
    fields: { Item: 'text', 'Purchase date': 'date', 'Warranty ends': 'date', Receipt: 'image' },
  },
  {
    prompt: 'a software license tracker',
    builds: 'spec',
    entities: ['License'],
    behaviours: ['countdown', 'total'],
    fields: { Software: 'text', 'License key': 'text', Seats: 'number', 'Renews on': 'date' },
  },
  {
    prompt: 'a knitting project tracker',
    builds: 'spec',
    entities: ['Project'],
    behaviours: ['count', 'search'],
    fields: { Pattern: 'text', 'Yarn or fabric': 'text', Progress: 'choice' },
  },
  {
    prompt: 'a beekeeping log for my hive inspections',
    builds: 'spec',
    entities: ['Hive inspection'],
    behaviours: ['group', 'sort'],
    fields: { Hive: 'text', 'Queen or eggs seen': 'boolean', Temper: 'choice' },
  },
  {
    prompt: 'a stargazing log',
    builds: 'spec',
    entities: ['Observation'],
    behaviours: ['search', 'sort'],
    fields: { Object: 'text', Seeing: 'rating', 'Telescope or gear': 'text' },
  },
  {
    prompt: "a log of the concerts I've been to",
    builds: 'spec',
    entities: ['Concert'],
    behaviours: ['total', 'sort'],
    fields: { Artist: 'text', Venue: 'text', 'Ticket price': 'money', Rating: 'rating' },
  },
  // Was refused: a word with a digit named no records.
  {
    prompt: 'an app to track my 3d prints',
    builds: 'spec',
    entities: ['Print'],
    behaviours: ['filter', 'total'],
    fields: { Model: 'text', Filament: 'text', Result: 'choice' },
  },
  {
    prompt: 'a log of my blood donations',
    builds: 'spec',
    entities: ['Donation'],
    behaviours: ['count', 'sort'],
    fields: { Date: 'date', Kind: 'choice' },
  },
  {
    prompt: 'a log of my cold plunges and sauna sessions',
    builds: 'spec',
    entities: ['Session'],
    behaviours: ['total', 'sort'],
    fields: { Kind: 'choice', Minutes: 'number', Temperature: 'number' },
  },
  {
    prompt: 'a ski days log',
    builds: 'spec',
    entities: ['Ski day'],
    behaviours: ['count', 'search'],
    fields: { Resort: 'text', Snow: 'choice', Runs: 'number' },
  },
  {
    prompt: 'a surf session log',
    builds: 'spec',
    entities: ['Surf session'],
    behaviours: ['total', 'search'],
    fields: { Spot: 'text', 'Wave height': 'number', Board: 'text' },
  },
  {
    prompt: 'a scuba diving log with depth and bottom time',
    builds: 'spec',
    entities: ['Dive'],
    behaviours: ['total', 'sort'],
    fields: { Site: 'text', 'Max depth (m)': 'number', 'Bottom time (min)': 'number' },
  },
  // Was the dice roller and random picker.
  {
    prompt: 'my picks for the oscars',
    builds: 'spec',
    entities: ['Prediction'],
    behaviours: ['count', 'filter'],
    fields: { 'My pick': 'text', Result: 'choice' },
  },
  // Were the pet care alone, the medical history dropped without a word.
  {
    prompt: "my dog's vet visits and my own doctor visits",
    builds: 'spec',
    entities: ['Pet', 'Care record', 'Medical record'],
    behaviours: ['due-today'],
  },
  // "tools" was dropped without a word.
  {
    prompt: 'my woodworking projects: plan, wood, tools, status',
    builds: 'spec',
    entities: ['Woodworking project'],
    behaviours: ['filter'],
    fields: { Plan: 'text', Wood: 'text', Tools: 'text', Status: 'choice' },
    interpreted: true,
  },
  // Was a generic record of a name and a date.
  {
    prompt: 'an exam schedule with countdown',
    builds: 'spec',
    entities: ['Exam'],
    behaviours: ['countdown', 'filter', 'sort'],
    fields: { Subject: 'text', Date: 'date', Ready: 'choice' },
  },
  // "progress" was dropped without a word.
  {
    prompt: 'a reading list with progress for each book',
    builds: 'spec',
    entities: ['Book'],
    fields: { 'Current page': 'number', Pages: 'number' },
  },
  // Was refused.
  {
    prompt: 'podcasts I listen to',
    builds: 'spec',
    entities: ['Podcast'],
    behaviours: ['count', 'search'],
    fields: { Host: 'text', Status: 'choice' },
  },
  // Was a record of a name and a date.
  {
    prompt: 'an app to track my allergies',
    builds: 'spec',
    entities: ['Allergy'],
    behaviours: ['filter', 'search'],
    fields: { Allergen: 'text', Reaction: 'text', Severity: 'choice' },
  },
  // Was a record of a name and a date, its deliveries said to be a second kind of record.
  {
    prompt: 'a tracker for my online orders and deliveries',
    builds: 'spec',
    entities: ['Order'],
    behaviours: ['filter', 'total', 'sort'],
    fields: { Shop: 'text', 'Expected delivery': 'date', 'Tracking number': 'text', Status: 'choice' },
  },
  // Was a reading list, the meetings dropped without a word.
  {
    prompt: 'a book club app with meetings and books',
    builds: 'spec',
    entities: ['Meeting'],
    behaviours: ['average', 'sort'],
    fields: { Book: 'text', Host: 'text', Where: 'text' },
  },
  // Was a person's calorie log.
  {
    prompt: 'a meal tracker for my dog',
    builds: 'spec',
    entities: ['Meal'],
    behaviours: ['count', 'total', 'sort'],
    fields: { Pet: 'text', Food: 'text', 'Fed by': 'text' },
  },
  // Was a record of a name and a date.
  {
    prompt: 'a bike maintenance log',
    builds: 'spec',
    entities: ['Service'],
    behaviours: ['filter', 'total'],
    fields: { Work: 'choice', 'Distance ridden': 'number', Cost: 'money' },
  },
  // Was a list of a name with a Done box.
  {
    prompt: 'a product list for my shop',
    builds: 'spec',
    entities: ['Product'],
    behaviours: ['filter', 'sort', 'search'],
    fields: { Price: 'money', Photo: 'image', Available: 'boolean' },
  },
  // Was an inventory of spice racks.
  { prompt: 'a spice rack inventory', builds: 'spec', entities: ['Spice'], behaviours: ['step'], interpreted: true },
  // Was a day log of hours.
  {
    prompt: 'track the hours my nanny works',
    builds: 'spec',
    entities: ['Time entry'],
    behaviours: ['total', 'filter'],
    fields: { Hours: 'number', Pay: 'money', Paid: 'boolean' },
    interpreted: true,
  },
  // Was refused.
  {
    prompt: "places I've visited",
    builds: 'spec',
    entities: ['Place'],
    behaviours: ['count', 'sort', 'search'],
    fields: { Country: 'text', 'Visited on': 'date', Photo: 'image' },
  },
  // Was the projects alone, the invoices said to be a second kind of record.
  {
    prompt: 'track my freelance projects and invoices',
    builds: 'spec',
    entities: ['Project', 'Invoice'],
    behaviours: ['crud'],
    interpreted: true,
  },
  // Was the everyday expenses (Food, Transport…).
  {
    prompt: 'a home renovation budget tracker',
    builds: 'spec',
    entities: ['Cost'],
    behaviours: ['total', 'filter'],
    fields: { Room: 'text', Category: 'choice', Paid: 'boolean' },
  },
  // Were the everyday expenses (Food, Transport…).
  {
    prompt: 'a budget for our road trip',
    builds: 'spec',
    entities: ['Expense'],
    behaviours: ['total', 'filter'],
    fields: { Category: 'choice', Amount: 'money', 'Paid by': 'text' },
  },
  // Were a planner of events (a title, a date, a time), the guests, the costs and the seating dropped without a word.
  {
    prompt: 'a wedding planner with a seating chart',
    builds: 'spec',
    entities: ['To-do', 'Guest', 'Cost'],
    behaviours: ['total', 'filter', 'due-today'],
    fields: { Task: 'text', Due: 'date', Done: 'boolean' },
  },
  {
    prompt: 'plan a party for my son',
    builds: 'spec',
    entities: ['To-do', 'Guest', 'Cost'],
    behaviours: ['total', 'filter'],
    fields: { Task: 'text', Done: 'boolean' },
  },
  {
    prompt: 'a party budget tracker',
    builds: 'spec',
    entities: ['Cost'],
    behaviours: ['total', 'filter'],
    fields: { Category: 'choice', Vendor: 'text', Paid: 'boolean' },
  },
  // Were records of a name and a date.
  {
    prompt: 'a log of my therapy sessions',
    builds: 'spec',
    entities: ['Session'],
    behaviours: ['count', 'sort', 'search'],
    fields: { Therapist: 'text', 'How I felt after': 'choice' },
  },
  { prompt: 'my daily standup notes', builds: 'spec', entities: ['Standup'], fields: { Blockers: 'longtext' } },
  // Was a list of a name with a Done box.
  {
    prompt: "a list of things I've lent and borrowed",
    builds: 'spec',
    entities: ['Thing'],
    behaviours: ['filter', 'due-today'],
    fields: { Who: 'text', 'Which way': 'choice', 'Given back': 'boolean' },
  },
  // A 25-minute timer was added in place of the days left to each event.
  { prompt: 'a planner with countdown', builds: 'spec', entities: ['Event'], behaviours: ['countdown', 'due-today'] },
  // A goal asked without its number was said to be left out; its target is set in the app.
  { prompt: 'a savings goal tracker', builds: 'spec', entities: ['Deposit'], behaviours: ['goal', 'total'] },
  {
    prompt: 'a weight loss tracker with goal weight',
    builds: 'spec',
    behaviours: ['goal'],
    fields: { Weight: 'number' },
    interpreted: true,
  },
  {
    prompt: 'a reading goal tracker',
    builds: 'spec',
    entities: ['Book'],
    behaviours: ['count-goal'],
    fields: { 'Finished on': 'date' },
  },
  { prompt: 'a step goal tracker', builds: 'spec', behaviours: ['goal'], fields: { Steps: 'number' }, interpreted: true },
  // Was the medication schedule, the expiry dates dropped without a word.
  {
    prompt: 'keep track of when my medicines expire',
    builds: 'spec',
    entities: ['Medicine'],
    behaviours: ['countdown', 'sort'],
    fields: { Medicine: 'text', Expires: 'date' },
  },
  // Was a timesheet with a Billed box and the shifts as a text field.
  {
    prompt: 'a volunteer app with volunteers and shifts',
    builds: 'spec',
    entities: ['Shift'],
    behaviours: ['total', 'sort'],
    fields: { Volunteer: 'text', Hours: 'number', 'Role or task': 'text' },
    interpreted: true,
  },
  // Was a day log of a name, a date and notes.
  {
    prompt: 'log every day I work from home',
    builds: 'spec',
    entities: ['Work day'],
    behaviours: ['count', 'filter'],
    fields: { Date: 'date', Where: 'choice' },
  },
  {
    prompt: 'my personal bests in swimming',
    builds: 'spec',
    entities: ['Personal best'],
    behaviours: ['search', 'sort'],
    fields: { Event: 'text', Result: 'text', Date: 'date' },
  },
  {
    prompt: 'a list of baby names we like',
    builds: 'spec',
    entities: ['Name'],
    behaviours: ['filter', 'sort', 'search'],
    fields: { Name: 'text', For: 'choice', Meaning: 'text', 'How much we like it': 'rating' },
  },
  {
    prompt: 'a budget for our wedding',
    builds: 'spec',
    entities: ['Cost'],
    behaviours: ['total', 'filter', 'sort'],
    fields: { Item: 'text', Amount: 'money', Category: 'choice', Vendor: 'text', Due: 'date', Paid: 'boolean' },
  },
  {
    prompt: 'a dream journal',
    builds: 'spec',
    entities: ['Dream'],
    behaviours: ['count', 'filter', 'search'],
    fields: { Date: 'date', Title: 'text', Feeling: 'choice', Lucid: 'boolean' },
  },
  { prompt: 'a water goal tracker with 8 glasses a day', builds: 'spec', entities: ['Drink'], behaviours: ['goal', 'total'] },
  {
    prompt: 'a home inventory for insurance',
    builds: 'spec',
    entities: ['Item'],
    behaviours: ['total', 'search'],
    fields: { Item: 'text', Room: 'choice', Value: 'money', Photo: 'image' },
  },
  {
    prompt: 'a bus timetable for my commute',
    builds: 'spec',
    entities: ['Departure'],
    behaviours: ['sort', 'filter'],
    fields: { Line: 'text', Departs: 'time', Days: 'choice' },
    interpreted: true,
  },
  {
    prompt: 'track my work shifts with date, hours and pay',
    builds: 'spec',
    entities: ['Shift'],
    behaviours: ['total'],
    fields: { Date: 'date', Hours: 'number', Pay: 'money' },
  },
  { prompt: 'a reward chart for potty training', builds: 'spec', entities: ['Star'], behaviours: ['total'] },
  { prompt: 'a screen time tracker for my kids', builds: 'spec', entities: ['Session'], fields: { Device: 'choice' } },
  { prompt: 'a bug tracker', builds: 'spec', entities: ['Issue'], behaviours: ['count', 'filter'] },
  { prompt: 'a sales pipeline', builds: 'spec', entities: ['Deal'], behaviours: ['total', 'due-today'] },
  { prompt: 'a portfolio website', builds: 'page', interpreted: true },
  { prompt: 'a golf score tracker', builds: 'spec', entities: ['Round'], behaviours: ['average'] },
  { prompt: 'a rent tracker', builds: 'spec', entities: ['Rent payment'], behaviours: ['filter', 'total'] },
  // A colon's list once joined the app's own words ("Applications company"); a polite opener
  // ("I'd like") was once the records; "how I felt" and "when" were dropped.
  {
    prompt: 'a small app to track job applications: company, role, date applied, status',
    builds: 'spec',
    entities: ['Application'],
    fields: { Company: 'text', Role: 'text', Status: 'choice' },
  },
  { prompt: "I'd like a tracker for my daily water intake in glasses", builds: 'spec', entities: ['Drink'] },
  {
    prompt: 'I want an app to record my guitar chords and songs I can play',
    builds: 'spec',
    entities: ['Song'],
    behaviours: ['filter'],
  },
  {
    prompt: "a diary for my baby's first year: milestones with date and photo",
    builds: 'spec',
    entities: ['Milestone'],
    fields: { Photo: 'image', Date: 'date' },
  },
  {
    prompt: 'an app to track the games my soccer team plays: opponent, date, score and who scored',
    builds: 'spec',
    entities: ['Match'],
    fields: { 'Our score': 'number', 'Their score': 'number', 'Scored by': 'text' },
    behaviours: ['filter', 'count'],
  },
  {
    prompt: "Track my car's tire pressure every week",
    builds: 'spec',
    entities: ['Tire pressure entry'],
    fields: { 'Tire pressure': 'number' },
    interpreted: true,
  },
  {
    prompt:
      "Hi! I'm a teacher and I need an app to keep track of my students' homework. Each entry should have the student name, assignment, due date and whether it was handed in.",
    builds: 'spec',
    entities: ['Assignment'],
    fields: { 'Student name': 'text', 'Handed in': 'boolean' },
  },
  {
    prompt: "I collect stamps. I'd like to catalog them by country, year and value.",
    builds: 'spec',
    entities: ['Stamp'],
    fields: { Country: 'text', Year: 'number', Value: 'money' },
    interpreted: true,
  },
  {
    prompt: 'I want to log every time my dog goes out and whether he peed or pooped',
    builds: 'spec',
    entities: ['Potty break'],
    behaviours: ['filter', 'count'],
  },
  {
    prompt: 'a tracker for my garden: what I planted, where and when',
    builds: 'spec',
    entities: ['Planting'],
    fields: { Plant: 'text', Where: 'text', 'Planted on': 'date' },
  },
  {
    prompt: 'log my runs with distance, pace and how I felt',
    builds: 'spec',
    entities: ['Run'],
    // (The pace is worked out from each run's distance and minutes: it was a number to enter.)
    behaviours: ['ratio'],
    fields: { 'Distance (km)': 'number', Minutes: 'number', 'How I felt': 'rating' },
  },
  {
    prompt: 'a journal for my sleep: bedtime, wake time and how rested I feel from 1 to 5',
    builds: 'spec',
    entities: ['Night'],
    fields: { Bedtime: 'time', 'Wake time': 'time', 'How rested': 'rating' },
  },
  // A seating chart was once a one-page website.
  {
    prompt: 'a seating chart for my wedding',
    builds: 'spec',
    entities: ['Guest'],
    fields: { RSVP: 'choice', Table: 'text' },
    behaviours: ['total', 'group'],
  },
  { prompt: 'an RSVP tracker for my party', builds: 'spec', entities: ['Guest'] },
  {
    prompt: 'a bug tracker for my small team: title, severity, status, assignee',
    builds: 'spec',
    entities: ['Issue'],
    fields: { Severity: 'choice', Priority: 'choice' },
  },
  {
    prompt: 'a tracker for my coffee: which beans, grams, and how it tasted',
    builds: 'spec',
    fields: { Beans: 'text', Grams: 'number' },
  },
  // A teacher's gradebook is the class's marks, not a student's own grades; lost and found; petty cash.
  {
    prompt: 'a simple gradebook for my students with assignments and scores',
    builds: 'spec',
    entities: ['Mark'],
    fields: { Student: 'text', Score: 'number' },
    behaviours: ['average'],
  },
  { prompt: 'a lost and found list for our school', builds: 'spec', entities: ['Item'], fields: { Claimed: 'boolean' } },
  // (Was the expense list: petty cash is topped up as well as spent from, and what is left is its balance.)
  {
    prompt: 'a petty cash log for the office',
    builds: 'spec',
    entities: ['Transaction'],
    behaviours: ['balance'],
    fields: { Amount: 'money' },
  },
  // Colours: the accent asked for, and "dark blue" is not dark mode.
  { prompt: 'a dark blue expense tracker', builds: 'spec', entities: ['Expense'], dark: false },
  // The calendar shows the check-ins, which have the days (it added a date to each habit).
  { prompt: 'a habit tracker in pink with a calendar view', builds: 'spec', entities: ['Habit', 'Check-in'] },
  // A sign-in sheet was once refused as the app's own sign-in; its times of day were text.
  {
    prompt: 'a volunteer sign in sheet with name, sign in time and sign out time',
    builds: 'spec',
    entities: ['Sign-in'],
    fields: { 'Time in': 'time', 'Time out': 'time' },
  },
  // A gym's class timetable was once a workout log.
  {
    prompt: 'a gym class timetable with class, instructor, day and time',
    builds: 'spec',
    entities: ['Class'],
    fields: { Day: 'choice', Time: 'time', Instructor: 'text' },
  },
  {
    prompt: 'a tool lending library for my neighborhood',
    builds: 'spec',
    entities: ['Lent item'],
    fields: { Returned: 'boolean' },
  },
  {
    prompt:
      "I'm a dog walker. I need an app where I can keep a list of the dogs I walk, their owners' phone numbers, and log each walk with the date, how long it was and whether I got paid.",
    builds: 'spec',
    entities: ['Dog', 'Walk'],
    fields: { Phone: 'text' },
    interpreted: true,
  },
  {
    prompt: 'a shared chore chart where each kid has chores, and they get points for each one they finish',
    builds: 'spec',
    entities: ['Chore'],
    fields: { Kid: 'text', Points: 'number' },
    behaviours: ['group'],
    interpreted: true,
  },
  {
    prompt: "a tracker for my kid's allowance and what she spends it on",
    builds: 'spec',
    entities: ['Entry'],
    fields: { 'What for': 'text', Amount: 'money', 'In or out': 'choice', Kid: 'text' },
    behaviours: ['total', 'filter'],
  },
  { prompt: 'a stopwatch with laps', builds: 'timer' },
  // Was refused as not understood.
  { prompt: 'a metronome for guitar practice with tap tempo', builds: 'timer' },
  { prompt: 'a HIIT timer with 40 seconds on and 20 seconds off', builds: 'timer' },
  { prompt: 'a boxing round timer for my training', builds: 'timer' },
  // Was a log of workouts.
  { prompt: 'a 7 minute workout app', builds: 'timer' },
  // Was the everyday expenses (Food, Transport, Home, Fun).
  {
    prompt: 'track what I spend on my trip',
    builds: 'spec',
    entities: ['Expense'],
    fields: { Category: 'choice', 'Paid by': 'text' },
    behaviours: ['total'],
  },
  // Was a log of a name, a date and notes.
  {
    prompt: 'a weightlifting log',
    builds: 'spec',
    entities: ['Lift'],
    fields: { Exercise: 'text', Sets: 'number', Reps: 'number', Weight: 'number' },
    behaviours: ['total'],
  },
  // Was a planner of events with a title.
  { prompt: 'a study planner for my exams', builds: 'spec', entities: ['Exam'], behaviours: ['countdown'] },
  // Was a medication with a Date and a "Take date" beside its Time.
  {
    prompt: 'a tool to keep track of my medications and when to take them',
    builds: 'spec',
    entities: ['Medication', 'Dose taken'],
    fields: { Time: 'choice' },
  },
  // Said the games were a second kind of record.
  { prompt: "something to track my kid's soccer games and scores", builds: 'spec', entities: ['Match'] },
  // Was a log of a name and a date.
  {
    prompt: 'an app to manage my rental properties and tenants',
    builds: 'spec',
    entities: ['Property', 'Rent payment'],
    fields: { Tenant: 'text', Rent: 'money' },
    behaviours: ['total', 'sort'],
  },
  // Was a name, a date and notes.
  { prompt: 'organize my closet', builds: 'spec', entities: ['Item'], fields: { Kind: 'choice', 'Last worn': 'date' } },
  // Dropped the feeding without a word.
  {
    prompt: 'a plant care app with fertilizing schedule',
    builds: 'spec',
    entities: ['Plant'],
    fields: { 'Next feeding': 'date' },
  },
  // Added up the quantities.
  { prompt: 'a grocery list with prices and a total', builds: 'spec', entities: ['Item'], behaviours: ['total'] },
  // Kept hours beside the minutes.
  { prompt: 'a study tracker with hours per subject', builds: 'spec', entities: ['Session'], behaviours: ['total', 'group'] },
  // Was a log of an egg's name and date.
  { prompt: 'a chicken egg log', builds: 'spec', entities: ['Egg count'], fields: { Eggs: 'number' }, behaviours: ['total'] },
  // Were a generic record of a name and a date, or refused.
  {
    prompt: 'a log of my flights',
    builds: 'spec',
    entities: ['Flight'],
    fields: { From: 'text', To: 'text' },
    behaviours: ['total'],
  },
  {
    prompt: 'a list of gift cards and their balances',
    builds: 'spec',
    entities: ['Gift card'],
    fields: { Balance: 'money' },
    behaviours: ['total'],
  },
  { prompt: 'a list of my fishing lures', builds: 'spec', entities: ['Lure'], fields: { Kind: 'choice' }, behaviours: ['count'] },
  { prompt: 'a tracker for my running shoes mileage', builds: 'spec', entities: ['Shoe'], fields: { Distance: 'number' } },
  {
    prompt: 'a project tracker for my team',
    builds: 'spec',
    entities: ['Project'],
    fields: { Status: 'choice', Due: 'date' },
    behaviours: ['count'],
  },
  {
    prompt: "a tracker for my son's asthma inhaler use",
    builds: 'spec',
    entities: ['Dose'],
    fields: { Puffs: 'number' },
    behaviours: ['total'],
  },
  // The expenses were dropped without a word (the rental property manager keeps rent payments).
  {
    prompt: 'a tracker for my investment property expenses',
    builds: 'spec',
    entities: ['Expense'],
    fields: { Property: 'text', Category: 'choice', Amount: 'money' },
    behaviours: ['total'],
  },
  // Was "Tea cup" records of a name and a date, the type dropped.
  {
    prompt: "I'd like an app where I log every cup of tea I drink, the type and how much caffeine",
    builds: 'spec',
    entities: ['Drink'],
    fields: { Drink: 'choice', 'Caffeine (mg)': 'number' },
    behaviours: ['total', 'count'],
  },
  // The priorities were dropped.
  {
    prompt: 'a to-do list where I can set priorities and due dates',
    builds: 'spec',
    entities: ['Task'],
    fields: { Priority: 'choice', Due: 'date' },
  },
  // The anniversaries were dropped (a birthday list), or it was a task list.
  {
    prompt: 'a birthday and anniversary reminder app',
    builds: 'spec',
    entities: ['Occasion'],
    fields: { Occasion: 'choice', Date: 'date' },
    behaviours: ['countdown'],
    interpreted: true,
  },
  // Was a generic record of a name and a date.
  {
    prompt: 'a log of my yoga practice',
    builds: 'spec',
    entities: ['Practice session'],
    fields: { Minutes: 'number', Style: 'choice' },
    behaviours: ['total', 'count'],
  },
  // Was tasting notes of beers.
  {
    prompt: 'track my homebrew beer batches with OG, FG and ABV',
    builds: 'spec',
    entities: ['Batch'],
    fields: { OG: 'number', FG: 'number', 'ABV (%)': 'number', Status: 'choice' },
    behaviours: ['count'],
  },
  // Was the notes app.
  {
    prompt: 'a journal for tracking my anxiety levels and triggers',
    builds: 'spec',
    entities: ['Entry'],
    fields: { 'Level (1-10)': 'number', Trigger: 'text' },
    behaviours: ['average'],
  },
  // Were generic records of a name and a date.
  {
    prompt: 'a log of my commute times',
    builds: 'spec',
    entities: ['Trip'],
    fields: { Minutes: 'number', By: 'choice' },
    behaviours: ['average', 'filter'],
  },
  { prompt: 'my blood test results', builds: 'spec', entities: ['Result'], fields: { Test: 'text', Result: 'number' } },
  // Was a generic record of a name and a date.
  {
    prompt: 'an app to track the weather each day in my garden',
    builds: 'spec',
    entities: ['Day'],
    fields: { High: 'number', Low: 'number', Weather: 'choice' },
    behaviours: ['total', 'count'],
  },
  // The players were dropped, and the games counted by tag (a collection of board games is a generic reading).
  {
    prompt: 'a board game collection with player counts',
    builds: 'spec',
    entities: ['Board game'],
    fields: { 'Player count': 'number' },
    interpreted: true,
  },
  {
    prompt: 'a daily gratitude list with three things each day',
    builds: 'spec',
    entities: ['Entry'],
    fields: { 'Grateful for': 'longtext' },
  },
  { prompt: 'an app to remember where I put things', builds: 'spec', entities: ['Thing'], fields: { Where: 'text' } },
  // Were a second kind of record; a generic record of a name, a kid and a date.
  { prompt: 'a log of my migraines and triggers', builds: 'spec', entities: ['Symptom'], fields: { Triggers: 'text' } },
  {
    prompt: "an app to track my kids' growth",
    builds: 'spec',
    entities: ['Measurement'],
    fields: { 'Height (cm)': 'number', Kid: 'text' },
  },
  // Was a log of a walk's name and date.
  { prompt: "a log of my dog's walks", builds: 'spec', entities: ['Walk'], fields: { Minutes: 'number' } },
  // Was refused.
  { prompt: 'a dog walking business', builds: 'spec', entities: ['Job'], interpreted: true },
  // The notes were the habit's, not each day's.
  { prompt: 'a habit tracker with notes for each day', builds: 'spec', entities: ['Habit', 'Check-in'], behaviours: ['streak'] },
  // Was a reading list.
  { prompt: 'a tracker for my book sales on etsy', builds: 'spec', entities: ['Sale'], behaviours: ['total'] },
  // Was one's own calories.
  { prompt: 'a meal tracker for my diabetic cat', builds: 'spec', entities: ['Meal'], fields: { Pet: 'text' } },
  // Was a car mileage tracker with the gas left out.
  { prompt: "a tracker for my car's mileage and gas", builds: 'spec', entities: ['Fill-up'] },
  // Dropped its goal, said as left out with weekly totals.
  {
    prompt: 'a savings tracker with a goal of 500 that I add to every week',
    builds: 'spec',
    entities: ['Deposit'],
    behaviours: ['goal', 'total'],
  },
  { prompt: 'a color picker with a palette', builds: 'color' },
  { prompt: 'a typing speed test', builds: 'typing' },
  { prompt: 'a world clock for my remote team', builds: 'clock' },
  { prompt: 'a time zone converter', builds: 'clock' },
  { prompt: 'a drawing app for my kids', builds: 'drawing' },
  { prompt: 'a whiteboard', builds: 'drawing' },
  { prompt: 'a snake game', builds: 'game' },
  { prompt: 'a 2048 game', builds: 'game' },
  { prompt: 'rock paper scissors against the computer', builds: 'game' },
  { prompt: 'a wordle clone', builds: 'game' },
  { prompt: 'a sudoku game', builds: 'game' },
  { prompt: 'a JSON formatter and validator', builds: 'devtools' },
  { prompt: 'a base64 decoder', builds: 'devtools' },
  { prompt: 'a contrast checker for accessibility', builds: 'color' },
  { prompt: 'a tic tac toe game I can play against the computer', builds: 'game' },
  // A game's hint words ("card") once read it as a kanban board; it was then refused.
  { prompt: 'a memory card matching game', builds: 'game' },
  { prompt: 'hangman with my own spelling words', builds: 'game' },
  { prompt: 'a fun game for my kids', builds: 'game', interpreted: true },
];

export interface UnbuildableRequest {
  readonly prompt: string;
  /** 'refused': a 422 with `code`; 'interpreted': built with interpreted_as and left_out. */
  readonly outcome: 'refused' | 'interpreted';
  readonly code?: 'NOT_A_STATIC_APP' | 'REQUEST_NOT_UNDERSTOOD';
  /** A word the left-out list (or the refusal) must contain. */
  readonly mentions: string;
}

export const UNBUILDABLE_REQUESTS: readonly UnbuildableRequest[] = [
  { prompt: 'a multiplayer chess game', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'network' },
  { prompt: 'build me an operating system kernel', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'operating system' },
  { prompt: 'a chat app to message my friends', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'messages' },
  { prompt: 'an AI chatbot that answers questions', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'AI model' },
  { prompt: 'a blockchain wallet for bitcoin', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'blockchain' },
  // Was "not understood".
  { prompt: 'a guitar tuner', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'device features' },
  // A chatbot heading the request was once a list of ID documents with the AI said as left out.
  {
    prompt: 'a chatbot that answers questions about my documents',
    outcome: 'refused',
    code: 'NOT_A_STATIC_APP',
    mentions: 'AI model',
  },
  { prompt: 'a forum for my club', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'answering the posts' },
  // A social network was once the feed with nothing said of the people it would need.
  { prompt: 'a social network for dog owners', outcome: 'interpreted', mentions: 'other people reading and answering' },
  { prompt: 'a video streaming platform', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'video' },
  { prompt: 'a weather app with the live forecast', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'live data' },
  { prompt: 'an RSS news reader', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'live data' },
  { prompt: 'a list of my passwords', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'passwords' },
  { prompt: 'a password manager for all my logins', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'passwords' },
  {
    prompt: 'keep track of the passwords for my wifi networks',
    outcome: 'refused',
    code: 'NOT_A_STATIC_APP',
    mentions: 'passwords',
  },
  { prompt: 'asdf qwerty zxcv', outcome: 'refused', code: 'REQUEST_NOT_UNDERSTOOD', mentions: 'could not find' },
  // "Cards" once read an online shop as a kanban board.
  { prompt: 'an online shop that takes credit cards', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'selling online' },
  // A game's hint words ("math") once read it as a calculator.
  { prompt: 'a math game for kids', outcome: 'refused', code: 'REQUEST_NOT_UNDERSTOOD', mentions: 'score keeper' },
  // A game of its own is never one of those the game kind plays (sudoku was here until it played it).
  {
    prompt: 'a chess game',
    outcome: 'refused',
    code: 'REQUEST_NOT_UNDERSTOOD',
    mentions: 'tic-tac-toe, a memory game, hangman, snake',
  },
  { prompt: 'a memory game with photos of my family', outcome: 'interpreted', mentions: 'photos on the cards' },
  { prompt: 'quiero una aplicación para mis perros', outcome: 'refused', code: 'REQUEST_NOT_UNDERSTOOD', mentions: 'Spanish' },
  { prompt: 'an iOS app for my workouts', outcome: 'interpreted', mentions: 'native' },
  { prompt: 'a habit tracker that sends me push notifications', outcome: 'interpreted', mentions: 'push notifications' },
  // Was the calculator, with the habit tracker dropped.
  { prompt: 'a habit tracker and a calculator', outcome: 'interpreted', mentions: 'a calculator as well' },
  { prompt: 'a shared shopping list my family can edit', outcome: 'interpreted', mentions: 'sharing' },
  // Was a homework tracker that said nothing of the students' own devices.
  { prompt: 'an app where my students can submit homework', outcome: 'interpreted', mentions: 'sharing' },
  { prompt: 'an expense tracker with a backend database and user accounts', outcome: 'interpreted', mentions: 'server' },
  { prompt: 'a recipe book written in python', outcome: 'interpreted', mentions: 'language' },
  { prompt: 'a currency converter', outcome: 'interpreted', mentions: 'currency' },
  { prompt: 'a unit converter with time zones', outcome: 'interpreted', mentions: 'time zones' },
  { prompt: 'an alarm clock with the time in other cities', outcome: 'interpreted', mentions: 'alarm' },
  { prompt: 'a multiplayer trivia quiz', outcome: 'interpreted', mentions: 'network' },
  { prompt: 'a poll app for my team', outcome: 'refused', code: 'NOT_A_STATIC_APP', mentions: 'votes' },
  { prompt: 'a bingo card generator', outcome: 'refused', code: 'REQUEST_NOT_UNDERSTOOD', mentions: 'game' },
  // Sharing costs among people over time is money owed; splitting is not worked out.
  { prompt: 'an app to split expenses with my roommates', outcome: 'interpreted', mentions: 'who owes whom' },
  { prompt: 'a recipe scaler', outcome: 'interpreted', mentions: 'scaling' },
  // Was refused as not understood.
  { prompt: 'a car wash booking app', outcome: 'interpreted', mentions: 'customers booking for themselves' },
  // Was a record of a name and a date, the draw said nowhere.
  { prompt: 'a secret santa organizer', outcome: 'interpreted', mentions: 'drawing who gives to whom' },
  // The prompts were a text field "Prompts" without a word.
  { prompt: 'a daily journal with prompts', outcome: 'interpreted', mentions: 'writing prompts' },
  // A lock on the app was a text field "Lock" without a word.
  { prompt: 'a journal app with a lock', outcome: 'interpreted', mentions: 'PIN or passcode' },
  // A picker of the records was dropped without a word.
  { prompt: 'a movie watchlist with a random picker', outcome: 'interpreted', mentions: 'drawing one at random' },
  { prompt: 'a map of places I want to visit', outcome: 'interpreted', mentions: 'map' },
  { prompt: 'a wiki for my team notes', outcome: 'interpreted', mentions: 'link' },
  { prompt: 'a markdown editor', outcome: 'interpreted', mentions: 'markdown' },
  // Two apps joined by "and": one is built, the other named as left out (it was dropped without a word).
  { prompt: 'a todo list and a notes app', outcome: 'interpreted', mentions: 'a notes app as well' },
  { prompt: 'a language learning app', outcome: 'interpreted', mentions: 'lessons' },
  { prompt: 'a website for my plumbing business', outcome: 'interpreted', mentions: 'placeholder' },
];
