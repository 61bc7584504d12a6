import type { FieldSpec } from './app-spec-schema';
import { f } from './preset-fields';
import type { LanguageInfo } from './request-language';

/** A pattern for a copy of one of `names` ('a|b'): "an X clone", "a copy of X", "an app like X". */
const copyOf = (names: string): string => `\\b(?:${names})(?= (?:clone|copy)\\b)|(?<=\\b(?:like|clone of|copy of) )(?:${names})$`;

/** Units one counts things in: "how many cups of coffee". */
const COUNT_UNITS = 'cups|glasses|bottles|cans|pints|mugs|shots|pieces|slices';
/** Words that keep a log of what is done: a routine named with them is its records, not its timer. */
const LOGGED = 'logs?|logged|logging|logbook|track|tracks|tracking|tracker|journal|diary|history|records?';

/**
 * The words that join two apps in one request ("a todo list and a notes app"), after the first
 * one's words: its container ("a habit tracker and…"), then "and" and what may stand before the second.
 */
/**
 * Whose the records joined with "and" are, after "my": "… and my own doctor visits", "… and my
 * family's medical history", "… and my kids' allowance" (read without the "'s"). It says nothing of the joining.
 */
const WHOSE = String.raw`(?: (?:own|family|kids?|children|sons?|daughters?|wife|husband|partner|mom|mum|dad|parents?|bab(?:y|ies)|dogs?|cats?|pets?))?`;
const JOINED_HEAD = String.raw`^(?: (?:tracker|log|list|app|book|planner|journal|diary|manager|organi[sz]er|chart)s?)? (?:and|plus|or)(?: also)?(?: (?:a|an|my|our|his|her|their|the|some))?${WHOSE}(?: (?:simple|small|little|separate))?`;

/**
 * Everyday apps named by what one does or keeps ("piano lessons", "scuba diving", "3d prints") that
 * yield to a website, a blog or a shop asked for about it with no word for a record (otherSubjects).
 */
const SITE_YIELDING_PRESETS = [
  'lessons',
  'warranties',
  'software-licenses',
  'craft-projects',
  'hive-inspections',
  'sky-observations',
  'medicine-cabinet',
  'concerts',
  '3d-prints',
  'blood-donations',
  'cold-and-heat',
  'ski-days',
  'surf-sessions',
  'dives',
  'podcasts',
  'allergies',
  'book-club',
  'product-catalog',
  'places-visited',
  'therapy-sessions',
] as const;

/** The languages request-language.ts reads: their small words and their everyday app words. */
const LANGUAGES: readonly LanguageInfo[] = [
  {
    code: 'es',
    name: 'Spanish',
    sorry: 'Lo siento: solo entiendo unas pocas palabras en español. Por favor, descríbelo en inglés.',
    markers: [
      'una',
      'un',
      'para',
      'con',
      'mis',
      'quiero',
      'hazme',
      'haz',
      'crea',
      'aplicacion',
      'donde',
      'puedo',
      'el',
      'la',
      'los',
      'las',
      'y',
      'de',
      'por',
    ],
    words: [
      ['lista de tareas', 'todo list'],
      ['lista de compras', 'shopping list'],
      ['modo oscuro', 'dark mode'],
      ['calculadora', 'calculator'],
      ['tareas', 'tasks'],
      ['notas', 'notes'],
      ['temporizador', 'timer'],
      ['cronometro', 'stopwatch'],
      ['convertidor', 'converter'],
      ['conversor', 'converter'],
      ['gastos', 'expenses'],
      ['habitos', 'habits'],
      ['rachas', 'streaks'],
      ['recetas', 'recipes'],
      ['libros', 'books'],
      ['peliculas', 'movies'],
      ['contactos', 'contacts'],
      ['etiquetas', 'tags'],
      ['categoria', 'category'],
    ],
  },
  {
    code: 'fr',
    name: 'French',
    sorry: 'Désolé : je ne comprends que quelques mots de français. Merci de le décrire en anglais.',
    markers: [
      'une',
      'un',
      'pour',
      'avec',
      'mes',
      'je',
      'veux',
      'fais',
      'moi',
      'application',
      'ou',
      'le',
      'la',
      'les',
      'et',
      'de',
      'des',
      'par',
    ],
    words: [
      ['liste de taches', 'todo list'],
      ['liste de courses', 'shopping list'],
      ['mode sombre', 'dark mode'],
      ['calculatrice', 'calculator'],
      ['taches', 'tasks'],
      ['minuteur', 'timer'],
      ['convertisseur', 'converter'],
      ['depenses', 'expenses'],
      ['habitudes', 'habits'],
      ['recettes', 'recipes'],
      ['livres', 'books'],
      ['categorie', 'category'],
    ],
  },
  {
    code: 'de',
    name: 'German',
    sorry: 'Entschuldigung: ich verstehe nur wenige Wörter Deutsch. Bitte beschreibe es auf Englisch.',
    markers: ['eine', 'ein', 'fur', 'mit', 'meine', 'ich', 'mochte', 'bitte', 'und', 'der', 'die', 'das', 'nach'],
    words: [
      ['dunkelmodus', 'dark mode'],
      ['taschenrechner', 'calculator'],
      ['rechner', 'calculator'],
      ['aufgabenliste', 'todo list'],
      ['aufgaben', 'tasks'],
      ['notizen', 'notes'],
      ['umrechner', 'converter'],
      ['ausgaben', 'expenses'],
      ['gewohnheiten', 'habits'],
      ['rezepte', 'recipes'],
      ['einkaufsliste', 'shopping list'],
      ['kategorie', 'category'],
    ],
  },
  {
    code: 'pt',
    name: 'Portuguese',
    sorry: 'Desculpe: só entendo algumas palavras em português. Por favor, descreva em inglês.',
    markers: ['uma', 'um', 'para', 'com', 'meus', 'minhas', 'quero', 'faca', 'aplicativo', 'e', 'de', 'os', 'as'],
    words: [
      ['lista de tarefas', 'todo list'],
      ['modo escuro', 'dark mode'],
      ['calculadora', 'calculator'],
      ['tarefas', 'tasks'],
      ['despesas', 'expenses'],
      ['habitos', 'habits'],
      ['receitas', 'recipes'],
      ['livros', 'books'],
      ['filmes', 'movies'],
    ],
  },
  {
    code: 'it',
    name: 'Italian',
    sorry: 'Mi dispiace: capisco solo poche parole di italiano. Per favore, descrivilo in inglese.',
    markers: ['una', 'un', 'per', 'con', 'miei', 'mie', 'voglio', 'fammi', 'e', 'di', 'il', 'lo', 'gli', 'le'],
    words: [
      ['modalita scura', 'dark mode'],
      ['calcolatrice', 'calculator'],
      ['spese', 'expenses'],
      ['abitudini', 'habits'],
      ['ricette', 'recipes'],
      ['libri', 'books'],
    ],
  },
];

/**
 * The request reader's field vocabulary and its long word lists (the longest regular expressions
 * of read-request.ts and spec-words.ts, every one of 100 characters or more, and the longest of
 * feature-gaps.ts and request-limits.ts), as the sources of their regular expressions, with the table of what a static
 * app cannot do, what an app does instead of a part it lacks and the reader's two longest refusals; the file that reads each one says what it
 * means, where it is used. Function bundles carry them packed (word-lists.ts), not as code; tests
 * and the local stack read them here.
 */
export function sourceWordLists() {
  /** A word that opens a clause of the records ("tips with date and amount"), which ends a noun. */
  const NOT_A_CLAUSE = String.raw`(?!(?:with|that|which|where|including)\b)`;
  /** The field vocabulary of "with X" and "add a X field": words → a typed field. */
  const fieldWords: ReadonlyArray<readonly [words: readonly string[], field: FieldSpec]> = [
    [['note', 'notes', 'comment', 'comments'], f.long('notes', 'Notes')],
    [['description', 'details'], f.long('description', 'Description')],
    // When one went to bed, however the list is asked ("where I log bedtime, wake up time …").
    [['bedtime', 'bed time'], f.time('bedtime', 'Bedtime')],
    // What a client owes for the work: "the dogs I walk and what the owners owe me".
    [['owe me', 'owes me', 'owe us', 'owes us', 'amount owed'], f.money('owed', 'Owed')],
    // What a day's entry was thankful for: "a daily journal with mood and what I'm grateful for".
    [
      [
        "what i'm grateful for",
        'what i m grateful for',
        'what im grateful for',
        'what i am grateful for',
        'what i was grateful for',
        'what i m thankful for',
        'what i am thankful for',
        'grateful for',
      ],
      f.long('gratefulFor', 'Grateful for'),
    ],
    // What a medicine or a treatment does besides: "my medication and side effects".
    [['side effects', 'side effect'], f.text('sideEffects', 'Side effects')],
    // What one wrote of a book, a film, a place: "my books and reviews", "my reviews of them".
    // (One review named by more words keeps them: "a short review".)
    [['reviews', 'my reviews', 'my reviews of them', 'book reviews'], f.long('review', 'Review')],
    [
      [
        'rating',
        'ratings',
        'star',
        'stars',
        'how much i liked it',
        'how much i liked',
        'how much we liked it',
        'how i liked it',
        'how much i enjoyed it',
        'how much i loved it',
      ],
      f.rating(),
    ],
    // A game's, a test's or a round's score is the number it came to, not stars given.
    [['credit score', 'credit scores'], f.number('creditScore', 'Credit score')],
    [['score', 'scores', 'final score'], f.number('score', 'Score')],
    [['record label', 'record labels'], f.text('label', 'Label')],
    [['tag', 'tags', 'label', 'labels'], f.tags()],
    [['photo', 'photos', 'picture', 'pictures', 'image', 'images', 'cover'], f.image('image', 'Image')],
    [['currencies', 'multiple currencies', 'different currencies', 'currency used'], f.text('currency', 'Currency')],
    [['receipt', 'receipts', 'receipt photo', 'receipt photos', 'receipt image', 'receipt scan'], f.image('receipt', 'Receipt')],
    [['link', 'links', 'url', 'urls', 'website'], f.url('link', 'Link')],
    // How dear a place is, not what something cost: "restaurants with cuisine and price range".
    [['price range', 'price ranges', 'price level'], f.choice('priceRange', 'Price range', ['$', '$$', '$$$', '$$$$'])],
    [['deposit paid', 'deposits paid', 'down payment'], f.money('deposit', 'Deposit')],
    [['balance due', 'balance owed', 'left to pay'], f.money('balanceDue', 'Balance due')],
    [
      ['price', 'prices', 'cost', 'costs', 'amount', 'amounts', 'savings', 'balance', 'balances', 'net worth'],
      f.money('amount', 'Amount'),
    ],
    [['cost estimate', 'cost estimates', 'estimated cost', 'estimated costs'], f.money('estimate', 'Estimated cost')],
    [['due date', 'deadline', 'deadlines', 'due dates'], f.date('due', 'Due')],
    [
      ['day of week', 'days of week', 'day of the week', 'weekday', 'weekdays'],
      f.choice('day', 'Day', ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
    ],
    [['date', 'dates', 'day'], f.date('date', 'Date')],
    [['category', 'categories'], f.choice('category', 'Category', ['General', 'Work', 'Home', 'Other'])],
    [['priority', 'priorities'], f.choice('priority', 'Priority', ['High', 'Normal', 'Low'])],
    [['how often', 'frequency'], f.choice('frequency', 'How often', ['Daily', 'Weekly', 'Monthly'])],
    [['rsvp', 'rsvp status', 'rsvps', 'attending'], f.choice('rsvp', 'RSVP', ['Invited', 'Yes', 'No', 'Maybe'])],
    [['meal', 'meal choice', 'menu choice', 'dish'], f.text('meal', 'Meal')],
    [['weather'], f.choice('weather', 'Weather', ['Sunny', 'Cloudy', 'Rainy', 'Snowy', 'Windy'])],
    // A status named by what it follows moves through that thing's own steps.
    [['adoption status'], f.choice('status', 'Status', ['Available', 'Reserved', 'Adopted'])],
    [
      ['delivery status', 'shipping status', 'shipment status', 'order status', 'parcel status', 'package status'],
      f.choice('status', 'Status', ['Ordered', 'Shipped', 'Delivered', 'Returned']),
    ],
    [['application status'], f.choice('status', 'Status', ['Applied', 'Interview', 'Offer', 'Rejected'])],
    [['repair status'], f.choice('status', 'Status', ['Reported', 'In repair', 'Fixed'])],
    [['listing status', 'sale status'], f.choice('status', 'Status', ['For sale', 'Sold'])],
    [['status', 'stage'], f.choice('status', 'Status', ['To do', 'Doing', 'Done'])],
    [['quantity', 'quantities', 'count', 'amount of'], f.number('quantity', 'Quantity')],
    [['points', 'story points', 'estimate', 'estimates'], f.number('points', 'Points')],
    [['assignee', 'assignees', 'assigned to'], f.text('assignee', 'Assignee')],
    [['age', 'ages'], f.number('age', 'Age')],
    [['pay', 'wage', 'wages', 'earned', 'earnings', 'salary', 'income'], f.money('pay', 'Pay')],
    [['tip', 'tips'], f.money('tips', 'Tips')],
    [['winnings', 'amount won', 'money won'], f.money('winnings', 'Winnings')],
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
    [
      ['address', 'addresses', 'home address', 'mailing address', 'street address', 'postal address'],
      f.text('address', 'Address'),
    ],
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
    // When a plant is to be fed next ("with a fertilizing schedule"), beside its watering.
    [
      [
        'fertilizing schedule',
        'fertilising schedule',
        'fertilizer schedule',
        'next fertilizing',
        'fertilizing date',
        'when to fertilize',
      ],
      f.date('nextFeeding', 'Next feeding'),
    ],
    [['steps', 'step count'], f.number('steps', 'Steps')],
    [['pages', 'pages read', 'page count'], f.number('pages', 'Pages')],
    [['blood sugar', 'glucose', 'blood glucose', 'sugar level'], f.number('glucose', 'Blood sugar')],
    [['repro steps', 'reproduction steps'], f.long('repro', 'Steps to reproduce')],
    [['severity', 'intensity', 'pain level'], f.number('severity', 'Severity')],
    // A macro tracker's "protein carbs and fat": a number of each, however the list is written.
    [['protein'], f.number('protein', 'Protein')],
    [['carbs', 'carbohydrates'], f.number('carbs', 'Carbs')],
    [['overtime', 'overtime hours'], f.number('overtime', 'Overtime (hours)')],
    [['body fat percentage'], f.number('bodyFat', 'Body fat percentage')],
    [['body fat'], f.number('bodyFat', 'Body fat')],
    [['fat', 'fats'], f.number('fat', 'Fat')],
    // "my sleep, mood and energy": how the day felt, as the mood tracker asks it.
    [['mood', 'moods'], f.choice('mood', 'Mood', ['Great', 'Good', 'Okay', 'Low', 'Bad'])],
    [['sleep', 'hours of sleep', 'hours slept', 'sleep hours'], f.number('hours', 'Sleep (hours)')],
  ];
  return {
    languages: LANGUAGES,
    fieldWords,
    /** Sports one logs by distance and time: each session's name, and the words that say it. */
    sports: [
      ['Run', 'runs?|running|jogs?|jogging'],
      ['Ride', 'bike rides?|rides?|cycling|biking'],
      ['Bike', 'bike'],
      ['Swim', 'swims?|swimming'],
      ['Walk', 'walks?|walking'],
      ['Hike', 'hikes?|hiking'],
      ['Row', 'rows?|rowing'],
      ['Climb', 'climbs?|climbing'],
      ['Ski', 'skiing|ski'],
    ] as ReadonlyArray<readonly [string, string]>,
    sharedSpending: String.raw`\b(?:split\w*|between|among)\b|\bshared (?:expenses?|costs?|bills?|spending)\b`,
    asksForApp: String.raw`\b(?:need|want|track|log|keep|manage|app|tool|system|organi[sz]e|build|make)\b`,
    jobWords: String.raw`\b(?:jobs?|work|appointments?|bookings?|visits?|schedule|walks?|lessons?|sessions?|cleanings?|groomings?|shoots?|gigs?|repairs?|treatments?|classes)\b`,
    otherDrinks: String.raw`\b(coffee|tea|soda|juice|milk|beer|wine|alcohol)\b`,
    /** A carrier's tracking asked of the app: "checks UPS", "live tracking", "tracks them automatically" (feature-gaps.ts). */
    carrierTrackingAsks: String.raw`\b(?:(?:checks|check with|asks|ask|from|via|using|pulls? from|connects? to) (?:the )?(?:ups|fedex|usps|dhl|royal mail|canada post|australia post|carriers?|couriers?)|(?:ups|fedex|usps|dhl) (?:tracking|packages?|parcels?|deliver\w*|shipments?)|(?:live|real[- ]time|automatic) (?:package |parcel |shipment |delivery )?tracking|tracks? (?:them|it|my (?:parcels|packages|orders|deliveries)) (?:automatically|live|in real time))\b`,
    /** The draw of a gift exchange: "a secret santa organizer", "draw names for our gift exchange" (feature-gaps.ts). */
    giftDrawAsks: String.raw`\b(?:secret santas?(?! (?:gifts?|ideas?|list of gifts)\b)|draw(?:s|ing)? names|(?:assigns?|picks?|matches|pairs?) (?:who (?:gives|buys) (?:to|for) whom|(?:everyone|people) (?:a |their )?(?:partners?|person|recipients?)))\b`,
    /** Questions a journal would ask: "a journal with daily prompts", "reflection questions" (feature-gaps.ts). */
    writingPromptAsks: String.raw`\b(?:(?:daily|journal(?:ing)?|writing|reflection|gratitude|guided|random) (?:prompts?|questions)|(?:with|and|plus|gives? me|asks? me|shows?) (?:a |some )?(?:daily |new )?(?:prompts?|questions to answer))\b`,
    /** A countdown said alone, no timer or clock: "with a countdown" (spec-words.ts). */
    bareCountdown: String.raw`\bcount ?downs?\b(?! (?:timers?|clocks?)\b)`,
    /** Records of things to come, which a bare countdown counts the days to (spec-words.ts). */
    recordsToCome: String.raw`\b(?:events?|plans?|trips?|exams?|tests?|deadlines?|appointments?|holidays?|vacations?|part(?:y|ies)|weddings?|concerts?|launch(?:es)?|releases?|birthdays?|anniversar(?:y|ies)|occasions?)$`,
    countdownToDate: String.raw`\b(?:count ?downs?(?: (?:timers?|clocks?|apps?|widgets?|pages?))? (?:to|until|till)|count ?downs?(?: (?:apps?|widgets?|pages?))? for (?:my|our|the)|count ?downs? (?:timers?|clocks?) for (?:my|our|the) (?:[a-z]+ )?(?:wedding|birthday|vacation|holiday|trip|anniversar(?:y|ies)|exam|retirement|due date|party|christmas|graduation|concert|event|big day|baby|move|launch)s?|(?:days?|weeks?|months?|sleeps?) (?:until|till|to go|left)|how (?:many|long) (?:days? |weeks? |months? )?(?:until|till|before|left|to go))\b(?! (?:\d+ )?(?:minutes?|seconds?|hours?|mins?|secs?)\b)`,
    notAFieldList: String.raw`\b(?:share|shared|sharing|shareable|sync|synced|syncs|syncing|works?|working|compatible|integrat\w*|connect\w*|chat\w*|play|playing|compete|competing|help|helps|deal|start|starts|starting|filled|made|built|written|coded|developed|designed|styled|powered|along|together|in|up|me|us|them|friends|family|collaborat\w*|communicat\w*|talk|talking|message|messaging|match|matches|matching|compare|comparing|pair|paired|replace|replaced|come|comes|go|goes|it|app|apps|one|website|site|page|tool|something)$`,
    notFieldWords: String.raw`\b(?:mode|(?<=\w )theme|theme(?! *$)|themes|look|(?<=\w )style|style(?! *$)|design|layout|(?<=\w )colou?rs?|colou?rs?(?! *$| (?:formula|code|name|number)\b)|colou?r coding|font|fonts|animations?|sounds?|music|emojis?|icons?|buttons?|checkboxes|toggles?|tabs?|sections?|screens?|views?|calendar|board(?! (?:used|size|type|length|shape|volume|brand)\b)|kanban|table|cards?(?! drawn\b)|grid|list|lists|search|searching|filters?|filtering|sort|sorting|sortable|totals?|sums?|counts?|counter|averages?|averaged|avg|medians?|heat ?maps?|streaks?|in a row|consecutive|timers?|pomodoro|countdown|reminders?|notifications?|alerts?|alarms?|charts?|graphs?|stats|statistics|summary|summaries|reports?|progress|goals?|targets?|limits?|history|reset|resets|export|exports|import|imports|backups?|undo|login|logins|accounts?|sign|users?|profiles?|passwords?|passcodes?|pin codes?|pin|locks?|face id|fingerprints?|prompts?|sync|syncing|sharing|share|friends|family|team|kids|people|girlfriend|boyfriend|wife|husband|spouse|children|son|daughter|mom|mum|dad|parents|roommates?|flatmates?|housemates?|classmates?|coworkers?|colleagues?|everyone|others|offline|online|mobile|responsive|support|ability|abilities|option|options|features?|functions?|functionality|(?<!camera )settings|ai|api|database|backend|server|react|vue|angular|svelte|typescript|javascript|tailwind|bootstrap|next(?! (?!js\b)[a-z])|node|python|firebase|supabase|app|apps|tool|tools|website|site|things?|stuff|everything|anything|something|way|ways|easy|simple|nice|clean|minimal|modern|fun|cute|pretty|beautiful|more|less|lots|many|all|no|not|without|own|(?:daily|weekly|monthly|yearly)(?! (?:payments?|fees?|rent|costs?|prices?|income|salary|bills?|premiums?|dues)\b)|today|week|(?<!ing )month|year ago|years ago|ago|time zones?|maps?|gps|camera(?! settings\b)|scanner|scanning|barcode|qr|voice|chat|messages?|comments section|i|we|you|they|he|she|it|us|our|your|their|me|him|her|them|who|whom|whose|what|how|why)\b`,
    numberWords: String.raw`(?:^| )(?:years?|year (?:[a-z]+ed|made|built|bought|born|sold)|pages?|servings?|portions?|(?<!\b(?:serial|phone|model|account|order|tracking|reference|policy|licen[cs]e|registration|part|confirmation|flight|passport|id|vin|invoice|receipt|ticket|case|lot|batch|check|cheque|room|seat|table) )number|size|lengths?|heights?|widths?|depths?|temperature|temp|abv|volume|capacity|population|seats|players|rank|ranking|episodes?|(?<!(?:planting|growing|sowing|harvest) )seasons?|chapters?|glasses|cups|grams|kilos|kg|lbs|pounds|percent|percentage|speed|pace|laps|bpm|heart rate|floors?|(?:bed|bath)?rooms|beds|baths|interest rates?|apr|guests|attendees|copies|(?<!film )stock|units|pieces|hydration|ounces|oz|liters|litres|gallons|ml|inches|cm|feet|meters|metres|elevation|altitude|systolic|diastolic|pulse|humidity|moisture|rainfall|ph|ammonia|nitrites?|nitrates?|chlorine|salinity|hardness|alkalinity|words written|word count|glucose|blood sugar|sugar|oxygen|spo2|pressure|protein|carbs|fat|fibre|fiber|sodium|caffeine|(?:energy|stress|anxiety|focus|motivation|productivity)(?: levels?)?|(?:reorder|stock|water|fill|noise|difficulty|skill|heat|spice|pain) levels?|attempts|tries|goals|assists|measurements?|putts|strokes|birdies|pars|rebounds|steals|wins|losses|draws|reorder points?|minimum|threshold|weeks?|output|production|yield|scores?|kwh|watts|mpg|mph|kph|rpm|download(?: speed)?|upload(?: speed)?|mbps|ping|proof|og|fg|high|low|rain|snowfall|eggs laid|(?:ph|chlorine|oxygen|glucose|sugar|salinity) levels?|eggs|hits|at bats|strikeouts|home runs|rbis?|saves|tackles|blocks|aces|innings|touchdowns|(?:push|sit|pull|chin) ?ups|squats|crunches|burpees|lunges|jumping jacks|reps|shots (?:taken|made|missed|attempted)|free throws (?:taken|made|missed)|baskets made)$|^(?:days|hours|nights|weeks|months) (?:[a-z]{3,}(?:ing|ed)|left|spent|slept)$|^(?:episodes|pages|chapters|books|games|matches|miles|steps|glasses|cups|laps|words|songs|lessons|classes|eggs) (?:watched|read|played|won|lost|walked|ran|run|drunk|drank|swum|written|learned|learnt|done|completed|finished|taken|attended|collected|gathered|sold)$|^(?:brew|fermentation) days$`,
    // Other words for a field an everyday app already has, by field id (spec-words.ts).
    fieldAliases: {
      // A kind of record the app already sorts its records into is their category.
      genre: ['category', 'categories'],
      aisle: ['category', 'categories'],
      type: ['category', 'categories'],
      role: ['position', 'job title', 'job'],
      ourScore: ['score', 'scores'],
      cost: ['price', 'monthly cost', 'monthly price'],
      person: ['for', 'who for', 'who it is for', 'who its for'],
      who: ['person', 'family member', 'patient', 'whose'],
      to: ['destination', 'where to'],
      where: ['organization', 'organisation', 'charity'],
      renews: ['renewal date', 'renewal dates', 'renewal', 'next payment'],
      started: ['start time', 'time started', 'when it started', 'start'],
      lastDone: ['done on', 'date done', 'completed on', 'last changed', 'last cleaned', 'last serviced'],
      steps: ['instructions', 'cooking instructions', 'how to make it'],
      species: ['fish', 'kind of fish', 'type of fish', 'what i caught', 'what we caught', 'what i saw', 'what we saw'],
      body: ['notes', 'note'],
      name: ['title', 'product', 'product name', 'item', 'item name', 'ingredient'],
      title: ['name', 'chore', 'task'],
      due: ['pickup date', 'pickup', 'delivery date'],
      next: ['follow up', 'follow up date', 'follow up dates'],
      dose: ['dosage', 'doses'],
      // What a therapy session went over, however it is asked for.
      worked: ['topics', 'what we talked about', 'what we discussed', 'what we covered'],
      // A book club's meeting: its day and who has it at theirs.
      host: ['who is hosting', 'who hosts', 'hosted by', 'whose house'],
      // When a plant is to be watered next, however it is asked for ("when to water them").
      nextWatering: [
        'water date',
        'watering date',
        'when to water',
        'watering day',
        'watering schedule',
        'next water',
        'watering',
      ],
      // What a belonging is worth, whatever the policy calls it.
      worth: ['purchase price', 'price', 'replacement value', 'replacement cost', 'cost'],
      // What a dream was, however it is asked for.
      story: ['dream', 'the dream', 'what i dreamt', 'what i dreamed', 'what happened', 'description'],
      feeling: ['mood', 'moods', 'how i felt', 'how it felt', 'emotion', 'emotions'],
      gender: ['gender', 'boy or girl', 'girl or boy', 'sex'],
      colour: ['colour', 'color', 'white or black', 'black or white', 'side'],
      driver: ['who is driving', 'who drives', 'whose turn to drive', 'who is driving each day'],
      reaction: ['reactions', 'allergic reaction', 'allergic reactions', 'allergies'],
      time: ['time of day', 'start time', 'starting time'],
      // (Sugar of records that keep a blood sugar is it; a brew's or a bake's sugar is an amount.)
      glucose: ['sugar', 'sugars'],
      timeIn: ['sign in', 'sign in time', 'signed in', 'clock in', 'arrival time', 'arrived'],
      timeOut: ['sign out', 'sign out time', 'signed out', 'clock out', 'departure time', 'left'],
      teacher: ['instructor', 'coach', 'tutor', 'professor', 'lecturer', 'trainer'],
      number: ['jersey number', 'jersey numbers', 'shirt number', 'shirt numbers'],
      applied: ['date applied', 'applied date', 'application date', 'applied', 'date of application'],
      bottles: ['quantity', 'how many', 'bottles left'],
      distance: ['mileage', 'miles', 'length'],
      quantity: ['stock', 'in stock', 'stock level', 'stock levels', 'how many'],
      // How well a night's sleep went.
      quality: ['how i slept', 'how well i slept', 'sleep quality'],
      // When a prescription is to be refilled next, however it is asked for.
      refillDate: [
        'refill dates',
        'refill',
        'refills',
        'when they need refilling',
        'when it needs refilling',
        'when they need to be refilled',
        'when to refill',
        'next refill',
        'refill by',
        'refill due',
      ],
      front: ['word', 'term', 'question', 'phrase'],
      back: ['translation', 'meaning', 'definition', 'answer'],
      // A job's payment is whether it was paid: "track jobs and payments".
      paid: ['payment', 'payments'],
      client: ['customer', 'customers'],
      customer: ['buyer', 'buyers'],
      crop: ['vegetable', 'vegetables', 'fruit', 'produce'],
      from: ['given by'],
      pulse: ['heart rate', 'bpm'],
      players: ['played with'],
      buyIn: ['buy', 'buy in', 'buy ins', 'buyin'],
      cashOut: ['cash out', 'cashout', 'cashed out'],
      result: [
        'won',
        'lost',
        'win',
        'loss',
        'won or lost',
        'win or loss',
        'outcome',
        // (A chess game's result says who won.)
        'who won',
        'won by',
        'winner',
        'profit',
        'profit or loss',
        'net',
        'winnings',
      ],
      settled: ['paid back', 'repaid'],
      severity: ['how bad', 'how severe', 'intensity', 'pain level', 'pain'],
      // A feeding's kind is which breast, or a bottle: "time, side and duration".
      kind: ['side', 'which side', 'vet visit', 'vet visits', 'checkups', 'check ups'],
      garage: ['shop', 'repair shop', 'mechanic'],
      location: ['neighborhood', 'neighbourhood'],
      expires: ['expiry date', 'expiry dates', 'expiry', 'expiration date', 'expiration dates', 'expiration'],
      purchaseDate: ['bought on', 'bought', 'date bought', 'date of purchase', 'purchased', 'purchased on', 'purchase'],
      store: ['store', 'shop', 'retailer', 'bought at', 'where bought'],
      covered: ['what i learned', 'what i learnt', 'what we did', 'topic', 'topics', 'lesson notes'],
      practise: ['homework', 'practice', 'what to practise', 'what to practice'],
      tools: ['needle size', 'needle sizes', 'needles', 'needle', 'hook size', 'hook'],
      spot: ['beach', 'break', 'surf spot', 'surf break'],
      work: ['what was done', 'work done'],
      focus: ['what i practiced', 'what i practised', 'what i worked on', 'pieces', 'piece', 'songs', 'song'],
      party: ['plus ones', 'plus one', 'number of people', 'how many people', 'number of guests', 'how many guests', 'covers'],
      value: ['meter reading', 'meter readings'],
      born: ['birthday', 'birthdays'],
      item: ['what they ordered'],
      minutes: ['hours studied'],
      book: ['book title', 'book titles', 'title of the book'],
      date: ['planting date', 'planting dates', 'meeting date'],
    } as Record<string, readonly string[]>,
    // The words that name apps as people misspell them, each with the word meant (request-analysis.ts).
    misspellings:
      'calender:calendar;calander:calendar;calculater:calculator;calulator:calculator;calcualtor:calculator;convertor:converter;liters:litres;liter:litre;expence:expense;expences:expenses;expnse:expense;expnses:expenses;spendings:spending;excercise:exercise;exersize:exercise;excersize:exercise;exercize:exercise;shoping:shopping;grocerys:groceries;grocey:grocery;grocry:grocery;wokout:workout;workuot:workout;lsit:list;recipie:recipe;ingrediants:ingredients;ingredents:ingredients;ingridients:ingredients;ingrediens:ingredients;priorites:priorities;prioritys:priorities;reciept:receipt;reciepts:receipts;recipies:recipes;receipe:recipe;receipes:recipes;recepie:recipe;habbit:habit;habbits:habits;streeks:streaks;jornal:journal;journel:journal;diery:diary;traker:tracker;trackr:tracker;trakcer:tracker;planer:planner;schedual:schedule;shedule:schedule;budjet:budget;bugdet:budget;buget:budget;budgit:budget;catagory:category;catagories:categories;categroy:category;categorys:categories;reciepe:recipe;reciepes:recipes;recepies:recipes;excerise:exercise;exercice:exercise;runing:running;traking:tracking;calandar:calendar;grocries:groceries;medecine:medicine;inventary:inventory;wieght:weight;weigth:weight;timmer:timer;pomodor:pomodoro;pomodora:pomodoro;quizz:quiz;flascard:flashcard;flascards:flashcards;kanbon:kanban;reminer:reminder;remider:reminder;remindr:reminder;birthay:birthday;bithday:birthday;birtday:birthday;medicaton:medication;medicene:medicine;vocabluary:vocabulary;inventery:inventory;inventroy:inventory;callorie:calorie;callories:calories;pasword:password;passowrd:password;generater:generator;countown:countdown;todolist:todo list',
    // Words that carry no meaning for a project name (request-analysis.ts).
    nameStopWords:
      'a an the app application web webapp website site page tool simple small little tiny basic nice cool good great quick please build make create write generate design develop code give want need would like could can you me my i we our for with and or but that which to of in on at by from using use uses it its is be should has have some this one new just also so very really let lets',
    // The values of a category added to records of these kinds (spec-words.ts), by entity.
    // A plain "status" of records that are no tasks moves through their own steps (spec-words.ts),
    // by the record's name: the first pattern its name matches.
    /**
     * What comes in and what goes out of something kept, named together (read-request.ts): the
     * pattern, the two kinds (in, out) and the name of what is left. "my HSA contributions and
     * withdrawals", "vacation days used and left", "money earned and spent".
     */
    inOutKinds: [
      [
        String.raw`\bcontributions? (?:and|&|or) withdrawals?\b|\bwithdrawals? (?:and|&|or) contributions?\b`,
        ['Contribution', 'Withdrawal'],
        'Balance',
      ],
      [
        String.raw`\bdeposits? (?:and|&|or) withdrawals?\b|\bwithdrawals? (?:and|&|or) deposits?\b`,
        ['Deposit', 'Withdrawal'],
        'Balance',
      ],
      [String.raw`\b(?:charges? (?:and|&|or) payments?|payments? (?:and|&|or) charges?)\b`, ['Charge', 'Payment'], 'Owed'],
      [String.raw`\b(?:earned|earnings?|earn) (?:and|&|or) (?:spent|spending|spend)\b`, ['Earned', 'Spent'], 'Left'],
      [String.raw`\b(?:collected|received) (?:and|&|or) (?:spent|paid out)\b`, ['Collected', 'Spent'], 'Left'],
      [String.raw`\b(?:added|put in) (?:and|&|or) (?:taken out|spent|used)\b`, ['Added', 'Taken out'], 'Left'],
      [String.raw`\b(?:accrued|earned|added|given) (?:and|&|or) (?:used|taken)\b`, ['Added', 'Used'], 'Left'],
      [String.raw`\b(?:used|taken|spent) (?:and|&|or) (?:left|remaining)\b`, ['Added', 'Used'], 'Left'],
      [String.raw`\bbuys? (?:and|&|or) sells?\b|\bbought (?:and|&|or) sold\b`, ['Bought', 'Sold'], 'Held'],
    ] as ReadonlyArray<readonly [pattern: string, kinds: readonly [string, string], left: string]>,
    statusOptions: [
      [String.raw`\b(?:shelter|rescue|foster|adoption)\b`, ['Available', 'Reserved', 'Adopted']],
      [String.raw`\b(?:leads?|prospects?)$`, ['New', 'Contacted', 'Won', 'Lost']],
      [String.raw`\b(?:applicants?|candidates?)$`, ['Applied', 'Interview', 'Offer', 'Rejected']],
      [
        String.raw`\b(?:members?|memberships?|clients?|customers?|students?|pupils?|players?|employees?|volunteers?|patients?|tenants?|subscribers?|athletes?|dogs?|cats?|pets?|animals?|horses?)$`,
        ['Active', 'Inactive'],
      ],
    ] as ReadonlyArray<readonly [string, readonly string[]]>,
    categoryOptions: {
      recipe: ['Breakfast', 'Main', 'Side', 'Dessert', 'Baking', 'Drink', 'Other'],
      book: ['Fiction', 'Non-fiction', 'Other'],
    } as Record<string, readonly string[]>,
    // Which word lists guard a preset's keyword (read-request.ts), by the keyword: words after it
    // that make it part of another thing (a verb, a compound noun), words before it that make it
    // another thing (a log book, a sketch book).
    keywordAfter: {
      bill: 'tipQualified',
      // "I volunteer at a shelter and want to track the animals": the animals, not one's hours.
      'i volunteer': 'trackTheAll',
      // A poem generator or an essay writer would write them: a tool, not one's own writing.
      poem: 'toolMakers',
      poems: 'toolMakers',
      poetry: 'toolMakers',
      essays: 'toolMakers',
      // Time spent learning a language is practice to log, not cards to flip.
      'language learning': 'languageLearningLog',
      // A donations drive is an event to plan, not gifts given.
      donations: 'donationEvents',
      // A sales team's calls, leads and tax are not what was sold.
      sales: 'salesWork',
      book: 'afterBook',
      exercise: 'afterExercise',
      // "my running club's members", "my running shoes": the club's or the shoes' records.
      running: 'runningGroups',
      // An inventory of medicines is of those kept in stock, not doses to take.
      medicine: 'medicineStock',
      medication: 'medicineStock',
      medicines: 'medicineStock',
      medications: 'medicineStock',
      // A gym's members, equipment, bookings or class timetable are the business's records, not one's workouts.
      gym: 'gymBusiness',
      // An event's checklist is the things to do for it, not the events.
      event: 'eventChecklist',
      // "plan my wedding budget", "plan our wedding guest list": that one part, an app of its own.
      'plan my wedding': 'weddingPart',
      'plan our wedding': 'weddingPart',
      'planning my wedding': 'weddingPart',
      'planning our wedding': 'weddingPart',
      // A pet's feedings or walks are records of their own, not its care records.
      pet: 'petRoutine',
      // A client project tracker with no hours in it keeps the projects, not time.
      'client project': 'projectsNotHours',
      fitness: 'gymBusiness',
      // "water my garden plants": the plants' watering.
      garden: 'gardenParts',
      'my garden': 'gardenPartsToo',
      // A kid's allowance and chores are the chores, each earning its share.
      'kids allowance': 'allowanceForChores',
      'kid allowance': 'allowanceForChores',
      'my allowance': 'allowanceForChores',
      'allowance tracker': 'allowanceForChores',
      // A babysitter's number is a contact, not hours worked.
      babysitter: 'contactParts',
      film: 'afterFilm',
      gift: 'giftParts',
      wine: 'afterWine',
      beer: 'afterBeer',
      tea: 'partyParts',
      coffee: 'afterCoffee',
      cheese: 'afterCheese',
      meal: 'afterMeal',
      // An insulin pump's site changes are no readings.
      insulin: 'afterInsulin',
      // A currency of one's own, a wallet or an exchange is the blockchain's, not holdings to note.
      // A car's oil and tyres are its service log's.
      'when i change my': 'carParts',
      'when to change my': 'carParts',
      crypto: 'afterCrypto',
      // A book club's members or its website are those, not its meetings.
      'book club': 'afterClub',
      cryptocurrency: 'afterCrypto',
      'crypto currency': 'afterCrypto',
    } as Record<string, string>,
    keywordBefore: {
      // A bill split at the table is the tip calculator's, not bills to pay.
      bill: 'beforeBill',
      exercise: 'beforeExercise',
      book: 'beforeBook',
      // A credit score or a test score is a reading of one's own, not a game's points.
      'score tracker': 'scoreQualified',
      // Help with maths homework is the calculator's; a list of it is said with a container word.
      homework: 'mathQualified',
      // A podcast's or an audiobook's episodes are no TV show's.
      'episode tracker': 'beforeEpisodes',
      // A book club's contact list, website or reading list is that app, for the club.
      'book club': 'beforeClubApp',
      // Groceries to buy are a shopping list, not a shop's products.
      'product list': 'beforeShoppingProducts',
      timetable: 'beforeTimetable',
      // A calorie, data or leave allowance is a limit of its own, not a child's money.
      'allowance tracker': 'beforeAllowance',
      // Sales one goes to, or a sale's own words, are no takings: "yard sales", "sales tax".
      sales: 'salesQualified',
      // Hours one spends are time, not money: "how many hours my kids spend on homework".
      spend: 'timeSpentBefore',
      // Giving blood is no gift of money.
      donations: 'bloodQualified',
      // Miles on running shoes or a bike are theirs, not a car's trips.
      'mileage log': 'mileageQualified',
      'mileage tracker': 'mileageQualified',
      // Free time, quality time or time off screens is no work to bill.
      'time tracker': 'leisureTimeBefore',
      crypto: 'beforeCrypto',
      cryptocurrency: 'beforeCrypto',
      'crypto currency': 'beforeCrypto',
    } as Record<string, string>,
    // Presets whose words also name other things (read-request.ts), by preset: the words that say
    // what the preset is about, then the words that make the match another app.
    otherSubjects: {
      // Eaters other than a baby.
      feedings: ['babyNamed', 'notABabysFeeding'],
      // Training a pet is no workout.
      workouts: ['workoutWords', 'notBabyPets'],
      // A pet's vaccinations and vet visits are its care records, not one's own medical history.
      medicalHistory: ['medicalHistoryNamed', 'medicalHistoryOthers'],
      // Presents to buy are gifts for people, not groceries by aisle.
      shopping: ['groceryWords', 'presentWords'],
      // How much coffee, tea or beer is drunk is a measure, not a tasting of each.
      tastings: ['tastingNamed', 'notTastingIntake'],
      // A business's quotes are prices for a job, not sayings.
      quotes: ['quotesNamed', 'notQuotes'],
      // Stocks of food or supplies are no shares.
      investments: ['investmentsNamed', 'notInvestments'],
      // A puppy's potty training earns it no stars.
      rewards: ['rewardsNamed', 'petWords'],
      // Things one does or keeps, asked for as a website, a blog or a shop with no word for a record
      // of them ("a landing page for my piano lessons", "a blog about scuba diving"): the site.
      ...Object.fromEntries(SITE_YIELDING_PRESETS.map((id) => [id, ['recordsAsked', 'siteAsked']])),
      // A garden planted and planned, not a house plant's watering by room.
      plants: ['plantWords', 'gardenWords'],
      // Water that is not drunk: an aquarium's, a pool's, a garden's, a meter's.
      water: ['drinkWords', 'notDrinkingWater'],
      // Minutes or pages read each day are time spent reading, not a list of books.
      books: ['booksNamed', 'readingTime'],
      // A CRM of deals is a sales pipeline's (a CRM of clients stays theirs).
      clients: ['clientsNamed', 'dealWords'],
    } as Record<string, readonly [named: string, others: string]>,
    // The tools a request names by their own noun (read-request.ts), by app kind.
    toolNouns: {
      calculator: 'calculatorNouns',
      converter: 'converterNouns',
      timer: 'timerWords',
      randomizer: 'randomizerNouns',
      wordcount: 'wordcountNouns',
      color: 'colorNouns',
      typing: 'typingNouns',
      devtools: 'devtoolNouns',
      drawing: 'drawingNouns',
      clock: 'clockNouns',
      game: 'gameNouns',
    } as Record<string, string>,
    // The guards' own lists, named in the tables above.
    afterExercise: String.raw`^ books?\b`,
    clientsNamed: String.raw`\b(?:clients?|customers?)\b`,
    dealWords: String.raw`\bdeals?\b`,
    booksNamed: String.raw`\b(?:books?|titles?|authors?|genres?|to read|wishlist)\b`,
    readingTime: String.raw`\b(?:minutes|pages|hours) (?:read|spent reading|of reading)\b|\breading (?:minutes|time|sessions)\b|\bhow (?:long|many (?:minutes|pages)) (?:i|we|they|he|she|my [a-z]+) reads?\b`,
    afterWine: String.raw`^ (?:cellars?|making|racks?)\b`,
    afterBeer: String.raw`^ (?:brewing|making|brews?|recipes?)\b`,
    afterCheese: String.raw`^ (?:making|makers?|boards?)\b`,
    afterMeal: String.raw`^ (?:kits?|deliver\w*|prep business)\b`,
    afterInsulin: String.raw`^ pumps?\b`,
    carParts: String.raw`^ (?:cars?|oil|tires?|tyres?|brakes?|engine)\b`,
    beforeEpisodes: String.raw`\b(?:podcasts?|audiobooks?|radio)\s$`,
    presentWords: String.raw`\b(?:presents?|gifts?|christmas)\b`,
    gardenWords: String.raw`\bgardens?\b`,
    calculatorNouns: String.raw`\bcalculators?\b`,
    converterNouns: String.raw`\bconverters?\b`,
    // A goal or a limit with its number: "a daily goal of 8 glasses", "a limit of 500 a month".
    goalWithNumber: String.raw`\b(?:(daily|weekly|monthly|yearly|annual) )?(?:[a-z]+ )?(goal|target|limit|budget|cap|max|maximum)s? (?:weight )?(?:of |is |to |at )?(?:about |around |under |below |up to )?(\d{1,12}(?:\.\d{1,2})?)(k)?(?: (?!(?:a|an|per|each|every|for|in|by|and|or|with|this|that|which|who|i|we|to|so|when|my|our|it|is|as)\b)([a-z]+)(?: of [a-z]+)?)?(?: (?:a|per|each|every|this) (day|night|week|month|year))?`,
    // A goal or a limit said without the word, always with its period: "no more than 400 mg a
    // day", "I want to run 20 km a week", "…, 8 glasses a day" (after a comma, a colon or a
    // bracket, the unit must name a field). Groups: a limit's words, a goal's words, the number,
    // thousands, the unit, the period.
    /** Money to put by, as a goal of the whole: "save 5000 dollars by december", "saving up 2k" (spec-words.ts). */
    savingTarget: String.raw`\b(?:sav(?:e|ing) (?:up )?|(?:fund|pot|jar) of )(?:about |around )?(\d{1,12}(?:\.\d{1,2})?)(?![\d.])(k\b)?(?: (?:dollars|euros|pounds|bucks|usd|eur|gbp)\b| ?(?=$|[^a-z ]| (?:by|for|before|until|till|this|in|to|towards?|so|and|on|from)\b))(?! (?:a|per|each|every) (?:day|week|month|year)\b)`,
    /** Money to put by each period: "save 500 a month", "saving 50 dollars every week" (spec-words.ts). */
    savingPerPeriod: String.raw`\bsav(?:e|ing) (?:up )?(?:about |around )?(\d{1,12}(?:\.\d{1,2})?)(k\b)?(?: (?:dollars|euros|pounds|bucks|usd|eur|gbp))? (?:a|per|each|every) (day|week|month|year)\b`,
    goalImplicit: String.raw`(?:\b(at most|no more than|not more than|max(?:imum)?|under|below|less than|fewer than|up to)|\b(at least|aim(?:ing)? for|(?:aim|want|try|hop|plan|need)\w* to [a-z]+)|[,:(]|\bwith) +(?:about |around )?(\d{1,12}(?:\.\d{1,2})?)(k)?(?: (?!(?:a|per|each|every|this)\b)([a-z]+)(?: of [a-z]+(?: [a-z]+)?)?)? (?:a|per|each|every|this) (day|night|week|month|year)\b`,
    // Units of a measure that a record's one number may be kept in: "400 mg" of a caffeine log's Caffeine.
    oneNumberUnits: String.raw`^(?:mg|g|grams?|kg|kilos?|ml|l|litres?|liters?|oz|ounces?|cups?|glasses|km|kilomet(?:er|re)s?|miles?|steps|pages|calories|kcal|reps|servings?|units?)$`,
    moneyUnits: String.raw`^(?:dollars?|euros?|pounds?|quid|bucks|usd|eur|gbp|yen|francs?|kronor|krona|rupees?)$`,
    goalAsks: String.raw`\b(?:spending|budget|calorie|time|category) limits?\b|\bbudgets?\b[^.;]{0,40}\b(?:left|remaining|remains|to spend)\b|\b(?:left|remaining) (?:of|in|from) (?:my |the |our )?(?:[a-z]+ )?budget\b|(?<!\b(?:soccer|hockey|football|lacrosse|polo|netball|handball|futsal|matche?s?|games?|season|teams?|players?|stats)\b.{0,40})\b(?:with|and|plus|including) (?:(?:daily|weekly|monthly|my|some|personal) )?(?:goals|targets)\b(?! (?:for|of|per|each|every|like|such|scored|conceded|against|allowed|and assists)\b)|\bagainst (?:a |my |the |our )?(?:monthly |weekly |daily )?(?:limit|budget)\b|\bscreen time\b[^.;]{0,30}\b(?<!\b(?:no|without|any) )limits?\b(?! (?:of|to) \d)|\bbudget(?:s|ing)?\b[^.;]{0,30}\b(?<!\b(?:no|without|any) )limits?\b(?! (?:of|to) \d)|\blimits? (?:per|for each) (?:category|person|day|week|month)\b|\b(?:daily|weekly|monthly|yearly|step|reading|savings?|water|calorie|protein|sleep|word) (?:goals?|targets?)\b|\b(?:set|reach|hit|meet) (?:a |my |the )?(?:daily |weekly )?(?:goals?|targets?)\b|\bprogress (?:towards?|to) (?:a |my |the )?(?:goals?|targets?)\b|\b(?:goals?|targets?) of \d|\b(?:limits?|budgets?|caps?) of \d[\d.,k]* (?:[a-z]+ )?(?:per|for each|for every|each|every) (?!(?:day|week|month|year|night)\b)[a-z]|\bgoal (?:weight|amount|pace|distance|time)\b|\b(?:get|go|come) (?:down|up) to \d|\b(?:lose|reach|hit|gain) \d[\d.]* ?(?:kg|kilos?|lbs?|pounds)\b|\b(?:weight|fitness|running|distance) (?:goals?|targets?)\b|\b(?:reading|book|savings|fitness|step|running) challenges?\b`,
    /** Records kept for several children: "for my kids", "my kids' growth", "for my three children". */
    severalKids: String.raw`\b(?:for|of) (?:my|our|the) (?:(?:two|three|four|five|\d) )?(?:kids|children|sons|daughters|grandkids|grandchildren)\b(?! (?:club|team|class|school|party|room)\b)|\b(?:my|our) (?:kids|children|grandkids|grandchildren)'?s? (?!(?:club|team|class|school|party|room|teachers?|friends?|and|or|with|to|for|in|at|are|is|can|will)\b)[a-z]`,
    /** A limit asked of each category, not of all the records (spec-words.ts limitSetInApp). */
    limitPerGroup: String.raw`\b(?:limits?|budgets?|caps?) (?:per|for each|for every|by|in each|on each) categor(?:y|ies)\b|\bcategor(?:y|ies)\b[^.;]{0,40}\b(?:limits|budgets)\b|\b(?:limits|budgets)\b[^.;]{0,40}\bcategor(?:y|ies)\b|\boverspend(?:s|ing)? (?:in|on) (?:a|any|each) categor(?:y|ies)\b`,
    goalAlso: String.raw`\b(?:goals?|targets?) (?:of|for) (?:how many )?(?:times|days|sessions|hours|minutes) (?:per|a|each|every) (?:day|week|month)\b|\b(?:[a-z]+[- ])?per[- ](?:day|week|month|year)[- ](?:goals?|targets?)\b|\b(?:goals?|targets?) (?:per|a|each|every|for each) (?:day|week|month|year)\b|\b(?:pages?|steps?|miles?|km|kilomet(?:er|re)s?|minutes?|hours?|glass(?:es)?|cups?|books?|reps?|words?) (?:goals?|targets?)\b|\b(?:daily|weekly|monthly|yearly|annual) (?:[a-z]+ )?budgets?\b|\b(?:daily|weekly|monthly|yearly|annual) (?:limits?|caps?)\b|\bbudgets? (?:per|for each|for every|by) (?:category|person|day|week|month|year)\b|\b(?:over|under|within|stay on|stick to) (?:my |the |a )?budget\b|\bbudget of \d|\b(?:expenses?|spending|costs?|money|finances?)\b[^.;]{0,40}\bwith (?:a |my |the )?budgets?\b|\b(?:low[- ]stock|threshold|limit|over[- ]budget)\s+(?:alerts?|warnings?|notifications?)\b|\b(?:alerts?|warns?|warnings?) (?:me )?when\b|\b(?:at (?:most|least)|no more than|not more than|max(?:imum)?|less than|fewer than|aim(?:ing)? for) \d[^.;]{0,30}\b(?:a|per|each|every) (?:day|night|week|month|year)\b|\bwith (?:(?:[a-z]+ ){0,6}(?:and|plus) )?(?:a|my|the) goals?\b(?! date| year| (?:(?:she|he|they|i|we|you) )?scored\b)`,
    paymentsAsked: String.raw`\b(?<!\b(?:monthly|weekly|yearly|annual|loan|mortgage|down|car|minimum|bill|rent|debt) )(?<!\b(?:keep track of|track|log|record|note)\b[^.;]*)(?<!\b(?<!\b(?:online|web|internet|ecommerce) (?:[a-z]+ )?)(?:business|company|studio|salon|practice|agency|academy) with (?:my |our |the )?(?:students|clients|customers|members|patients|pupils|tenants)\b[^.;]*)(?<!\b(?<!\b(?:online|web|internet|ecommerce) (?:[a-z]+ )?)(?:app|tracker|system|database|crm|manager|planner|organi[sz]er|book|log|program) (?:with|for) (?:my |our |the )?(?:students|clients|members|patients|pupils|tenants)(?:,|  | and\b)[^.;]*)(payments?)\b(?! (?:calculators?|amounts?|plans?|schedules?|due|dates?|history|trackers?|logs?|reminders?|methods?|types?|status)\b)|\b(stripe|paypal|(?<!\b(?:library|book|books|equipment|tool|gear|key|keys|laptop|device) )checkout(?! (?:logs?|sheets?|system|list|cards?|tracker|records?)\b)|(?<!\b(?:my|our|his|her|their|each|every) )credit cards?(?! (?:debts?|balances?|bills?|statements?|spending|interest|limits?|payoff|rewards?|points|miles|cash ?back|perks|due dates?))|billing)\b`,
    // A step counter whose steps are written down ("a step counter log", "… where I enter my steps").
    stepsByHand: String.raw`\bstep counters? (?:log|journal|diary|record|tracker|sheet)s?\b|\bstep counters?\b.*\b(?:enter|log|type|record|write down|add|input|put in)s? (?:in )?(?:my|the|our|daily) (?:daily )?steps\b`,
    deviceFeatures: String.raw`\b((?<!\b(?:film|vintage|instant|polaroid|analog|analogue|dslr|mirrorless|trail|security|dash) )camera(?!s?(?:,|  | and\b)(?<=(?:\bwith|\band|,| ) cameras?(?:,|  | and)))(?!s?\s+(?:,\s+)?(?:bod(?:y|ies)|gear|lens(?:es)?|bags?|collection|equipment|models?|kits?|brands?|settings|used)\b)|scan\w* (?:(?:a|the|my) )?(barcodes?|qr|receipts?)|(?:barcode|receipt|document) scann\w*|qr (?:code )?(?:scann|read)\w*|gps|my location|geolocation|bluetooth|nfc|microphone|voice recorder|audio recorder|record(?:s|ing)? (?:my )?voice|(?:guitar|ukulele|violin|bass|instrument|chromatic) tuner|accelerometer|(?<!\b(?:log|logs|logging|track|tracks|tracking|record|records|recording|tracker|journal|diary)\b[a-z ]{0,24})step count\w*|counts? (?:my )?steps|pedometer|heart rate (?:monitors?|sensors?)|(?:measures?|measuring|reads?|monitors?|monitoring|detects?|checks?) (?:my )?heart rate|health ?kit)\b`,
    liveData: String.raw`\b(live (prices?|data|scores|weather)|(?:live|real ?time) (?:departures?|arrivals?|(?:bus|buses|train|trains|tram|ferry|flight|transit|metro|subway) tracking)|(?:bus|buses|train|trains|tram|trams|ferry|ferries|transit|metro|subway) (?:timetables?|schedules?|times|departures?|arrivals?)|where (?:my|the) (?:bus|train|tram) is|stock prices?|exchange rates?|weather (?:forecasts?|apps?|updates?|reports?|data|dashboards?|widgets?|stations?|alerts?|in|for|at|near)|(?:current|today'?s|local) weather|(?:based on|depending on|checks?|according to|for) (?:the )?weather(?! (?:log|journal|diary|notes?)\b)|^(?:an? )?weather$|news from|news (?:readers?|aggregators?|feeds? from)|rss(?: readers?| feeds?)?|headlines from|from the internet|from (other )?(websites?|web ?pages?|urls?|links)|scrap\w+)\b`,
    fieldLists: String.raw`(?:\b(with|including|plus|and (?:their|its)|should (?:have|include|record|show)|must have|contains?|containing|has|have|add|adding|(?:records|tracks|logs)(?! and\b)|(?<=\b(?:to|i|we|and|can|keep|also) )(?:log|track|record|save|store|enter|keep|set(?= (?!(?:a|an|the|up|my|our|it|them|reminders?|alarms?|timers?|goals?|targets?|limits?|budgets?|off|out|aside)\b)[a-z])|list(?= (?:my|our) ))|(?<=^|: )(?:track|log|record|keep track of)(?= (?:my|our|the) (?:[a-z']+ ){0,2}[a-z']+ , (?:their|its|the|what|whether|how|when|where|who|which)\b)|(?<=[a-z]s )need|(?<=\b(?:catalog|catalogue|organi[sz]e|sort|file|list) (?:them|it|these|those) )by)|(?<=[a-z0-9] )(:)(?!\s+(?:a|an|the|my|our|please|i|we|it|this|build|make|create)\b(?![a-z ]*,)))\s+((?:(?!\b(?:where(?! (?:,|and when\b)| ?$)|that|which|so|like|such(?= as\b)|in(?! ?$| [,.]|(?<=\b(?:time|clock|clocked|sign|signed|check|checked) in)(?= (?:and|or) \b))|(?<!\bwhat )to(?! (?:date|time|\d+)\b)|for(?! ?$| [,.])|but|with|including|(?:sort(?:ed|able)?|grouped|ordered) by)\b)[a-z0-9 ,])+)`,
    notABabysFeeding: String.raw`\b(?:sourdough|starters?|dogs?|pupp(?:y|ies)|cats?|kittens?|fish|pets?|horses?|ponies|pony|birds?|parrots?|chickens?|hens?|ducks?|goats?|sheep|cows?|calf|calves|lambs?|pigs?|rabbits?|bunn(?:y|ies)|hamsters?|guinea pigs?|turtles?|tortoises?|snakes?|lizards?|geckos?|reptiles?|animals?|livestock|cattle|plants?|lawn|garden|aquariums?|tanks?|bees?|hives?|worms?|compost)\b`,
    anyGame: String.raw`^(?:(?:please |can you |could you )?(?:build|make|create|code|write|give|i want|i need|i would like|i d like)(?: me| us)? )?(?:(?:a|an|some|one|a few|a couple of|few|two|three) )?(?:(?:simple|fun|little|small|quick|casual|classic|easy|nice|cool|browser|web|kids|family|party|mini|silly|relaxing|new|offline) )*games?(?: (?:app|site|page|website|collection))?$`,
    beyondTemplates: String.raw`\b(streaks?|tags?|tagged|ratings?|stars|categor(y|ies)|group(ed)? by|totals?|calendar|flip|undo|due today|due dates?|deadlines?|photos?|images?|notes field|field|per|points|hours|estimates?|assignees?|assigned to|assign(?:ing)? (?:tasks|them|it|chores|jobs|items) to|folders?|notebooks?|favou?rites?|starred|timers?|allowances?|costs?|prices?|how (?:i|we) (?:felt|feel))\b|\b(?:with|and) (?:an? |the )?(?:projects?|owners?|clients?|kids?|locations?|contexts?|(?:person|people) responsible)\b|\bchores?\b(?: (?:chart|list|tracker|rota|rotation|schedule|board|app))? for (?:my|our|the) (?:[a-z]+ )?(?:kids|children|sons|daughters|grandkids|roommates|housemates|flatmates)\b|\b(?:chores?|tasks?|jobs?|to ?dos?) (?:of|for) each (?:kid|child|son|daughter|roommate|housemate|flatmate|person|team member|member|employee|student)\b|\beach (?:kid|child|son|daughter|roommate|housemate|flatmate|person|team member|member|employee|student) (?:has|gets|does|is given) (?:their own |his own |her own |some |a few )?(?:chores?|tasks?|jobs?)\b`,
    gameNouns: String.raw`\b(?:tic ?tac ?toe|noughts and crosses|naughts and crosses|memory (?:game|match\w*|cards?)|matching (?:game|pairs)|pairs game|concentration game|hangman|word guessing game|guess the word|wordle(?: clone| game)?|sudoku(?: game| puzzles?)?|word guess game|(?:five|5) letter word game|snake game|game of snake|play snake|2048(?: game)?|sliding tiles? game|rock paper scissors?|roshambo)\b`,
    trackVerbs: String.raw`\b(?:track|tracks|tracking|log|logging|keep track of|catalog|catalogue|organi[sz]e|manag(?:e|ing)(?= (?:my |our |the |all )?(?:[a-z]+ ){0,2}(?:[a-z]+s|equipment|gear|stock|furniture|clothing|jewell?e?ry)\b)|collect|count|counting|rate|rating|review|reviewing|lists|listing|(?:save|saves|saving)(?! (?:money|time|up)\b)|store|stores|record(?! (?:of|a|an)\b)|recording|remember(?= (?:all |my |our |the )?[a-z]+s\b)) (?:my |our |the |all |their |his |her |each |every )?(?!(?:with|that|which|where|including|and|or|for|to|in)\b)([a-z]+(?: [a-z]+){0,3})`,
    wishList: String.raw`^(?:(?:my|our|the|some) )?([a-z]+(?: [a-z]+)?) (?:(?:that|which) )?(?:(?:i|we) (?:want to|would like to|wanna|plan to|hope to|need to|have|ve|already|still) [a-z]+|to (?:learn|try|visit|buy|read|watch|see|do|make|cook|play|practi[cs]e|listen to)\b)`,
    devtoolNouns: String.raw`\b(?:json (?:formatter|beautifier|prettifier|validator|viewer|minifier|pretty printer|lint)s?|base ?64(?: (?:encoders?|decoders?|converters?|tools?))?|url (?:en|de)coders?|sha-?256|hash generators?|checksums?|dev(?:eloper)? tools)\b`,
    passwordsAsked: String.raw`\b(password (manager|vault|keeper|safe|list|book|notebook|tracker|log)s?|(?<=\band (?:my |their |the )?)passwords|(?:manag|keep|track|sav|stor|organi[sz])\w* (?:track of )?(?:all )?(?:(?:the|my|our) )?(?:[a-z]+ )?passwords|(list|lists|log|book|notebook|collection|tracker) (of|for) (all )?(the |my |our )?([a-z]+ )?(passwords|logins)|(?:wifi|wi fi|website|account|bank|email|computer) passwords)\b`,
    onlineStoreAsked: String.raw`\b(?<!\b(?:for|of) (?:my|our|the|an?) )(online (?:stores?|shops?)|e ?commerce|web ?shops?|storefronts?|shopping carts?|checkout pages?|sell (?:my |our )?(?:products|things|stuff|items|crafts|art|clothes) online)\b`,
    /** Bookings others make: "a booking app for my salon", "where clients book appointments" (a limit). */
    customerBookingAsked: String.raw`\b(?:(?:online )?(?:booking|bookings|reservations?|appointment booking) (?:app|system|site|website|page|platform|tool|software)|online (?:bookings?|booking|reservations?)|book(?:ing)? (?:appointments? )?online|(?:customers?|clients?|patients?|students?|guests?|visitors?|people|parents|members) (?:can |could |to |will |should )?(?:book|reserve|schedule)(?! (?:club|keeping)\b))\b`,
    visitorCountAsked: String.raw`\b(?:(?:visitors?|visits?|hits?|page ?views?|traffic) (?:counters?|counts?|trackers?|stats|statistics|analytics)\b(?=.*\b(?:websites?|sites?|blogs?|pages?|shop online)\b)|web(?:site)? analytics|hit counters?)`,
    timelineAsks: String.raw`\b(?:week(?:ly)?|week by week|fortnightly|hourly|time ?line|timeline|gantt|agenda) (?:views?|calendars?|layouts?|grids?|overviews?|charts?)\b|\b(?:views?|calendars?) (?:by|per|for each) (?:week|hour)\b`,
    /** A whole request of two things of one's own: "my books and reviews" (read-request.ts). */
    myPair: String.raw`^(?:my|our) ((?:[a-z]+ ){0,2}[a-z]+) and (?:my |our |the )?((?:[a-z]+ )?[a-z]+)(?: for (?:an? |the )?(?:emergenc(?:y|ies)|reference|safety|insurance|taxes|tax time))?$`,
    pairBeforeContainer: String.raw`\b([a-z]+) and ([a-z]+) (?:tracker|log|logbook|journal|diary|planner|list|app)s?\b`,
    trackPair: String.raw`\b(?:track(?:s|ing|er)?|log(?:s|ging)?|record(?:s|ing)?) (?:of |for (?=my |our ))?(?:(?:my|our|the|his|her|their) )?((?:${NOT_A_CLAUSE}[a-z]+ ){0,2}[a-z]+) and (?:my |our |the |his |her |their )?([a-z]+(?: (?!(?:each|per|every|daily|with|that|which|in|on|for|to|through|throughout|during|at|over|across|all|the|a|an|from|by|as|when|whenever|while|if|after|before|until)\b)[a-z]+){0,2})`,
    // A church's or a school's may be one's own giving to it ("track donations to our church").
    donationsReceived: String.raw`\b(?:donors?|fundrais(?:er|ers|ing)|(?:we|our [a-z]+|they) (?:receive[sd]?|get|gets|got|collect(?:s|ed)?|raise[sd]?|take in|took in)|(?:donations|gifts) (?:to|for|at|of) (?:my|our) (?:[a-z]+ ){0,2}(?:non ?profit|charity|organi[sz]ation|fundraiser|food bank|shelter|rescue|foundation|cause|campaign)|for (?:my|our) (?:small |local |little )?(?:non ?profit|charity|food bank|shelter|rescue|foundation))\b`,
    timerKeepsSessions: String.raw`\b(?:(?:logs?|logged|logging|records?|recorded|recording|keeps?|saves?|saved|stores?|tracks?|tracked|remembers?) (?:a (?:log|history|record) of )?(?:(?:all|each|every|my|the|past|previous) )*(?:sessions?|sits|sittings|how long|minutes)|(?:with|and|plus|keeps?) (?:a |an )?(?:(?:session|sessions) )?(?:log|history|record|logbook|journal)(?: of (?:(?:all|each|every|my|the|past|previous) )*(?:sessions?|sits|sittings))?)\b`,
    // Work done for clients, not goods sold or one's own craft: a baking or a consulting business is not one.
    serviceBusiness: String.raw`\b(?:for|run|own|have|started|starting|start) (?:my|our|a|an) (?:small |little |new |local |own |family )?(?:(?:[a-z]+ ){0,2}(?!(?:baking|catering|brewing|knitting|crafting|making|selling|reselling|flipping|printing|publishing|marketing|consulting|writing|blogging|streaming|trading|investing|dropshipping|clothing|farming|fishing|wedding|booking|coding|accounting|bookkeeping)\b)[a-z]{3,}ing|(?:[a-z]+ )?(?:handyman|photography|pest control|locksmith|salon|lawn care|pet care|childcare|carpentry|hvac|snow removal|removals?|repairs?|hair|nails?|makeup|massage|beauty|tutor|tutoring|yoga|music lessons?|driving lessons?|window|pool|gutter)) (?:business|company|service|services|side hustle|gig|firm)\b`,
    // "a tracker for my sleep, mood and energy each day" (its commas already read as "and").
    tripleAfterFor: String.raw`\b(?:for|of|track(?:s|ing)?|log(?:s|ging)?|record(?:s|ing)?|count) (?:(?:my|our|the) )?((?:[a-z]+ )?[a-z]+) and (?:my |our |the )?((?:[a-z]+ )?[a-z]+) and (?:my |our |the )?((?:[a-z]+ )?[a-z]+)(?=$| (?:each|every|daily|per|with|that|which|in|on|at|over|during|through|throughout|across|from|by|as|to)\b)`,
    pairAfterFor: String.raw`\b(?:for|of) (?:my |our |the )?((?:${NOT_A_CLAUSE}[a-z]+ ){0,2}[a-z]+) and (?:my |our |the )?((?:(?!(?:their|its|his|her)\b)[a-z]+ )?[a-z]+)(?: (?:with|that|which|where|including)\b| for (?:an? |the )?(?:emergenc(?:y|ies)|reference|safety|insurance|taxes|tax time)$|$)`,
    // "an app for my knitting projects", "my sneakers: brand, size": one's own things, by their plural.
    ownRecords: String.raw`\b(?:app|something|tool|place) (?:for|to (?:keep|organi[sz]e|manage|store|hold|save)) (?:all )?(?:my|our) ((?:[a-z]+ ){0,2}[a-z]+[a-rt-z]s|[a-z]+ (?:information|info|details))\b|^(?:my|our) ((?:[a-z]+ ){0,2}[a-z]+[a-rt-z]s)(?=  |$| with\b| and\b)`,
    // "who borrowed my tools", "which neighbours have my ladders", "who has my camping gear": one's
    // own things, lent out.
    lentRecords: String.raw`\b(?:who|which (?:of (?:my|our|the) )?[a-z]+) (?:has |have )?(?:borrowed|borrows|has|have) (?:my|our)\b(?: ((?:[a-z]+ )?(?:[a-z]+s|gear|equipment))\b)?|\bwhich (?:of )?(?:my |our )?[a-z]* +(?:my|our|the) [a-z]+ (?:have |has )?(?:borrowed|borrow|took)\b`,
    /** "log every time my dog barks": the records are what happens each time (read-request.ts). */
    everyTimeRecords: String.raw`\b(?:log|logs|track|record|note|count|remember|know|write down|jot down|note down)(?: of)? (?:every time|each time|the times?|times|when|whenever|when (?=(?:i|we) last\b)) ((?:my|our|i|we|ive|weve|the|he|she|they)\b[a-z ]{3,60}?) *(?:$|  |\b(?:so|and see|and show|with|because)\b)`,
    /** Owners whose records a possessive names: "my students' lessons" (read-request.ts, OWNER_PLURALS). */
    // "track the weight of my chickens": what is kept (a measure, a date) of which of one's things.
    ofMyThings: String.raw`\b(track|log|record|monitor|keep track of|(?:tracker|log|logbook|record|app) (?:for|of)) (?:the )?((?:[a-z]+ )?[a-z]+) of (?:my|our) ((?:[a-z]+ )?[a-z]+[a-rt-z]s)\b`,
    // What "the … of my things" names that is no field of each: "the progress of", "the history of".
    ofNoField: String.raw`(?:^| )(?:progress|history|list|lists|number|names?|details|info|information|contents|rest|status|state|photos?|pictures?|records?|all|each|some|any|most|many|one|kind|type|types)$`,
    ownerPlurals: String.raw`^(?:chickens|hens|students|pupils|kids|children|clients|customers|patients|friends|members|players|dogs|cats|pets|horses|employees|tenants|guests|sons|daughters|parents|grandkids)$`,
    /** What to cook from what one has: a recipe finder (read-request.ts). */
    cookFromWhatIHave: String.raw`\bwhat (?:to|i can|can i|should i|we can) (?:cook|make|eat|bake)\b.*\b(?:ingredients?|i have|i ve got|in my (?:fridge|pantry|cupboards?)|left ?overs?)\b`,
    /** Learning or practising something: a practice log (read-request.ts). */
    learningSomething: String.raw`\b(?<!(?:machine|deep) )(?:learning|practi[cs]ing) (?:to (?:play )?|the )?(?!(?:how|about|an?|my|new)\b)[a-z]{3,}`,
    /** Words that name a choice field (spec-words.ts, CHOICE_NAMES). */
    choiceNames: String.raw`\b(?:category|categories|type|types|kind|kinds|status|stage|priority|options|values|choices|genre|genres|room|rooms|mood|moods)(?: for (?:each|every) [a-z]+)?$`,
    /** "my runs and how far": what follows "and" is a field list (spec-words.ts). */
    recordsAndHow: String.raw`^((?:(?:track|log|record) |an? (?:log|record|diary|journal) of |an? (?:tracker|list|app) for )?(?:my |our |the )?(?:[a-z]+ ){0,2}[a-z]+s(?: (?:i|we|ive|weve) [a-z]+(?: to| at| in)?)?) and (?=(?:how|when|where|what|which|whether|who|their|its)\b)`,
    /** "with which room": the field after "which" (spec-words.ts). */
    whichBeforeField: String.raw`(\bwith\s+|\s,\s+|\band\s+)which (?!(?:i|we|you|they|he|she|it|is|are|was|were)\b)(?=[a-z]+(?: [a-z]+)? ?(?:,|\band\b|\bor\b|\.|$))`,
    /** A sentence that is only a list (spec-words.ts). */
    sentenceOnlyList: String.raw`(?<=\.\s+)(?!(?:with|i|we|it|each|every|they|you|he|she|please|also|and)\b)(?=[a-z0-9]+(?: [a-z0-9]+){0,2} ,[a-z0-9 ,]+(?:\.|$))`,
    /** "who did it", "who won": a person field (spec-words.ts). */
    whoDidIt: String.raw`^who(?:s| is)? (?:did|made|makes|cooked|cooks|paid|pays|won|wins|hosts?|hosted|hosting|paying|cooking|winning|brought|brings|bringing|borrowed|came|coming|joined|responsible|in charge|leads?|led|leading|drives?|drove|driving|organi[sz](?:es|ed|ing))(?: (?:it|them|this|(?!what\b)[a-z]{3,}))?$`,
    /** "I need distance, pace and how I felt.": a later sentence's list (spec-words.ts). */
    laterSentenceList: String.raw`(?<=\.\s+)(?:(?:i|we) (?:also |just |really )?(?:need|want|would like)|id like|wed like)(?: to (?:record|track|log|note|keep track of|save|store|write down)(?! (?:my|our|the|all|each|every|them|it)\b))?(?= [a-z0-9 ]+ ,)|(?<=[a-z] )and (?:i |we )?(?:also )?(?:want|need|would like) to (?:record|track|log|note|keep track of|save|store|write down)(?! (?:my|our|the|all|each|every|them|it)\b)(?= [a-z0-9 ]+ ,)`,
    /** "when I bought it": the date it happened (spec-words.ts). */
    whenDone: String.raw`^when (?:i|we|it|they|you|he|she) (?:was |were )?((?!(?:need|feed|seed|weed|bleed|breed|speed|heed)\b)[a-z]+ed|froze|bought|made|got|met|ate|took|gave|wrote|sold)\b`,
    // "a wishlist of video games", "a board game wish list": the things wished for (read-request.ts).
    wishedThings: String.raw`\bwish ?list of (?:my |the |all )?([a-z]+(?: [a-z]+)?)(?=$| (?:with|that|which|i|we|for|to|and)\b)|\b(?!(?:a|an|my|our|the|christmas|xmas|birthday|holiday|gifts?|ideas?|presents?|amazon|family|kids?|wedding|baby|shopping|simple|personal|shared|new|online|little)\b)([a-z]+(?: [a-z]+)?) wish ?list\b`,
    /** Words around a unit that name no field (spec-words.ts). */
    unitFillerWords: String.raw`^(?:the|a|an|my|one|ones|day|week|month|year|quarter|hour|minute|session|time|unit|item|each|every|gallon|litre|liter|mile|km|kilometre|kilometer|pound|kg|kilo|ounce|serving|portion|person|head|night|lesson|class|visit)$`,
    /** Words of money lent, owed or spent (spec-words.ts). */
    moneyTalk: String.raw`\b(?:loans?|lent|lend|owe[sd]?|debts?|borrow\w*|paid|pay|spent|costs?|prices?|money)\b`,
    /** The default colour asked for (spec-words.ts). */
    defaultColour: String.raw`\b(?:default|original|normal|standard|usual) colou?rs?\b|\bno (?:accent|colou?r)\b`,
    /** "where I bought them": a place field (spec-words.ts). */
    whereDone: String.raw`\bwhere (?:i|we) (bought|got|found|met|saw|ate|stayed|parked|watched|heard|played)(?: (?:it|them|each(?: one| of them)?))?\b`,
    /** "… and show when", "and tell me": a verb of what the app does, no records (read-request.ts). */
    displayVerb: String.raw`^(?:show|tell|remind|display|calculate|compute|work out|figure out|highlight|warn|alert|compare|see|chart|graph|plot)\b`,
    /** "when I went to bed", "when I woke up": the bedtime and the wake-up time (spec-words.ts). */
    wentToBed: String.raw`\b(?:when|what time) (?:i|we) (?:went|go|get|got) to (?:bed|sleep)\b`,
    wokeUp: String.raw`\b(?:(?:when|what time) (?:i|we) |(?<=\b(?:to bed|to sleep|bedtime) and ))(?:woke|wake|get|got) up\b(?! times?\b)`,
    /** "energy from 1 to 5", "focus out of 10": a scale after a field's name (spec-words.ts). */
    scaleTail: String.raw` (?:from \d+ to \d+|out of \d+|on a scale of \d+(?: to \d+)?)$`,
    whetherWhenTail: String.raw`(?<=^whether .+) (?:this|each|every|last|that) (?:week|month|year|term|time|day|session|lesson)$`,
    /** "track my students, …": the records a list of what each has follows (read-request.ts). */
    trackedThenComma: String.raw`\b(?:track|log|record|keep track of|catalog|catalogue) (?:all )?(?:of )?(?:my|our|the) (?:[a-z']+ ){0,2}[a-z']+,`,
    /** "a candle business tracker", "a dog walking business tracker": a business's orders, or its jobs (read-request.ts). */
    goodsBusinessTracker: String.raw`\b(?:a|an|my|our) ((?:[a-z]+ )?(?:baking|bakery|candles?|soaps?|jewell?e?ry|crafts?|cookies?|cakes?|cupcakes?|t shirts?|clothing|knitting|pottery|prints?|stickers?|art|etsy)) (?:business|shop|store) (?:tracker|log|app|manager|organi[sz]er)\b`,
    /** "a tutoring business with students, lessons and payments": the people it serves, and theirs (read-request.ts). */
    // "an app with clients and appointments", "a tutoring app for students and lessons", "clients
    // and appointments for my salon": the people and the records of each (read as "my clients and
    // their appointments"); only records the people have one after another.
    // A shop's or a warehouse's stock kept ("stock levels for my shop", "a stock tracker for my
    // warehouse"): its inventory (read-request.ts), where goods are named and no market is.
    stockOfGoods: String.raw`\bstock ?(?:tracker|list|levels?|control|count|sheet|log|management|keeping|take|taking|inventory)\b`,
    goodsPlace: String.raw`\b(?:shop|store|warehouse|business|products?|supplies|stall|restaurant|cafe|bakery|bar|salon|kitchen|pantry|stockroom)\b`,
    stockMarket: String.raw`\b(?:shares?|portfolio|markets?|tickers?|invest\w*|dividends?|trading|brokerage|exchange|prices?)\b`,
    peopleAndTheirRecords: String.raw`(?:\b(?:a|an|my|our) (?:[a-z]+ ){0,2}(?:app|tracker|system|database|crm|manager|planner|organi[sz]er|book|log|program)(?: for (?:my|our|the) (?:[a-z]+ ){0,2}[a-z]+)? (?:with|for|of) |^(?:(?:a )?(?:list|log|record|tracker) of |(?:track|keep track of|log|manage|organi[sz]e) )?)(?:my |our |the )?(?:(?:freelance|private|regular|current|online) )?(students|clients|customers|patients|pupils|tenants|members|players|athletes|runners|swimmers|singers|dancers|volunteers|projects)(?:, ?|  ?| and )(?:their )?(?=(?:sessions|visits|lessons|appointments|payments|treatments|classes|bookings|invoices|meetings|calls|races|rehearsals|games|matches|practices|performances|shifts|repairs)\b)`,
    businessWithPeople: String.raw`\b(?:a|an|my|our) (?:small )?(?!(?:online|web|internet|ecommerce|e commerce)\b)(?:[a-z]+ ){0,2}(?:business|company|studio|salon|practice|agency|academy|side hustle) with (?:my |our |the )?(students|clients|customers|members|patients|pupils|tenants|guests|players|athletes|volunteers|employees|staff|dogs|pets|horses)(?:, ?|  ?| and )(?!\s*(?:and|their|jobs?|orders?)\b)`,
    serviceBusinessTracker: String.raw`\b(?:a|an|my|our) ((?:[a-z]+ ){0,2}(?:[a-z]{3,}ing|wash|repair|lessons?|photography|design|delivery|handyman|landscape|tattoo|massage|salon|barber|nails?|hair|makeup|catering|consulting|coaching)) (?:business|company|side hustle) (?:tracker|log|app|manager|organi[sz]er)\b`,
    /** "start and end dates", "arrival and departure times": one of each (spec-words.ts). */
    pairedDates: String.raw`\b(start|begin|beginning|arrival|birth|check in|pick up|pickup|opening) and (end|finish|departure|return|death|check out|drop off|closing) (date|time|odometer|mileage|meter)(?: reading)?s?\b`,
    /** "goals scored": a player's own goals (spec-words.ts). */
    goalsScored: String.raw`^(?:goals?|points|tries|runs|baskets) scored$`,
    onePlayer: String.raw`\b(?:she|he|her|his|daughters?|sons?|kids?|child|players?)\b`,
    /** "and when to repot them": the day to do it (spec-words.ts). */
    andWhenTo: String.raw`\b(?:and|plus) when to ([a-z]{3,}) (?:them|it|each(?: one)?)\b`,
    /** "where to buy each item" (and "that says …"): the store of each (spec-words.ts). */
    whereToBuy: String.raw`\b(?:((?:that|which) (?:says|shows|tells (?:me|us)|lists?)) )?where (?:to|i|we) (?:can )?(?:buy|get) (?:it|them|each(?: one| item| thing| of them)?)\b`,
    /** "how I felt": how it went (spec-words.ts). */
    howItWent: String.raw`^how (?:([a-z]+) )?(i|we|it|they|he|she|(?!(?:much|many|long|often|far|well)\b)[a-z]{3,}) (felt|feel|went|goes|was|were|is|are|did|does|do|played|performed|looked|tasted|turned out|slept|sleep)\b`,
    /** Sending a message to someone (spec-words.ts). */
    messageSomeone: String.raw`^(?:e ?mail|text|message|call|remind|notify|ping|send) (?:me|us|them|him|her)\b`,
    /** "average pace", "best time": a statistic of a measure (spec-words.ts). */
    topOfMeasure: String.raw`^(?:average|avg|top|max|maximum|min|minimum|peak|best) ([a-z]+(?: [a-z]+)?)$`,
    /** A measure word after a name (spec-words.ts). */
    measureAfter: String.raw`^ (?:time|date|price|cost|amount|length|size|number|count|level|range)\b`,
    /** "player counts", "a word count": a number each record has, not the app counting them (spec-words.ts). */
    countOfThing: String.raw`\b(?:player|word|page|calorie|stitch|thread|rep|step|piece|follower|subscriber|view|guest|people|head|card|pill|tablet|carb|blood|egg|bird|seed|bean|ticket|item|sheet|frame|shot|lap|kill|death|point)s? counts?\b`,
    /** Things a number counts (read-request.ts, COUNTED_THINGS). */
    countedThings: String.raw`(?:^| )(?:episodes?|chapters?|seasons?|copies|pieces|players|guests|attendees|sets)$`,
    /** A dash before a list of fields (read-request.ts). */
    dashBeforeList: String.raw`(?<=[A-Za-z)])\s+(?:-{1,2}|\u2013|\u2014)\s+(?=[^,\u2013\u2014]*,[^\u2013\u2014]*$)`,
    /** A container word last in a noun (read-request.ts). */
    containerLast: String.raw`^(?:collection|library|catalog|catalogue|inventory|list|log|tracker)$`,
    /** "how many cups of coffee I drink a day", "how many push-ups I do": a count of them by day (read-request.ts). */
    howManyDone: String.raw`\bhow (?:many|much) (?:(${COUNT_UNITS}|squares|packs|servings|bowls|scoops|spoons) of )?((?:[a-z]+ ){0,2}?[a-z]+) (?:do |did |have )?(i|we|ive|weve|he|she|they|(?:my|our) [a-z]+) (?:do |have |has )?((?:drink|drank|eat|ate|smoke|smoked|vape|vaped|have|had|do|did|read|write|wrote|walk|walked|run|ran|swim|swam|take|took|make|made|sell|sold|buy|bought|bake|baked|cook|cooked|knit|knitted|watch|watched|finish|finished|climb|climbed)(?:s|es)?)\b(?: (?:a|per|each|every) (?:day|week|month|night|morning|evening))?`,
    // request-analysis.ts: "feed my fish" (the verb); a time clock, a chess clock; what an animal
    // eats or a data stream; a colour that names a thing ("a red wine tracker").
    feedVerbAfter: String.raw`^ (?:my|our|the|his|her|their|your|them|him|it|this|these|those|each|every|all|both)\b`,
    clockQualified: String.raw`\b(?:time|alarm|biological|body|chess|punch|countdown|pomodoro|focus|study|egg|kitchen timer|shot|game|doomsday|around the|o) $`,
    feedQualified: String.raw`\b(?:i|we|you|they|he|she|to|and|when|fish|cat|dog|bird|chicken|pet|animal|cattle|horse|goat|rss|atom|camera|webcam|video|live|data|calf|lamb) $`,
    cardQualified: String.raw`\b(?:christmas|xmas|holiday|birthday|greeting|thank you|wedding|business|playing|trading|pokemon|baseball|credit|debit|gift|loyalty|sympathy|valentines?|post|report|sd|sim|id|sent|send|sending|mailed|mail|posted) $`,
    colourCompound: String.raw`^(?:wine|wines|tea|teas|cheese|pepper|peppers|belt|belts|card|cards|light|lights|meat|beans?|line|carpet|velvet|energy|cross|jeans|friday|box|boxes|moon|print|tape|hat|sea)$`,
    howManyUnitsOf: String.raw`\bhow (?:many|much) (?:${COUNT_UNITS}) of `,
    verbBeforeContainer: String.raw`\b(?:can|to|i|we|you|they|will|would|could|should|must|lets)$`,
    pairOfRecordsContainer: String.raw`\b([a-z]+) (?:and|or) ([a-z]+) (?:tracker|log|logbook|journal|diary|collection|catalog|catalogue)\b`,
    /** Records kept of each of the others, said "my clients and their sessions" (read-request.ts). */
    theirRecords: String.raw`^(?:sessions|visits|lessons|appointments|orders|purchases|payments|walks|treatments|meetings|calls|jobs|invoices|classes|trips|gigs|projects|repairs|deliveries|donations|bookings|reservations|assignments|workouts|checkups|services|feedings|shows|games|matches|rehearsals|performances|races|practices|shifts|shoots)$`,
    /** Records of these are told apart by a title, not by their day alone: an assignment, a project (read-request.ts). */
    titledRecords: String.raw`^(?:assignments|projects|jobs|repairs|orders|purchases|deliveries|services|shows|games|matches|performances|classes|trips|gigs|invoices|races)$`,
    /** Records of these hold money: a payment, an order, an invoice (read-request.ts). */
    paidRecords: String.raw`^(?:orders|purchases|payments|invoices|donations|jobs|gigs|bookings|repairs|services|deliveries|shoots)$`,
    /** Words that are one of two values a record takes, said "home or away" (spec-words.ts). */
    choiceValueWords: String.raw`^(?:home|away|indoor|outdoor|inside|outside|morning|afternoon|evening|night|day|win|loss|draw|new|used|hot|cold|iced|sweet|savou?ry|spicy|mild|male|female|boy|girl|solo|group|public|private|remote|easy|medium|hard|beginner|intermediate|advanced|small|large|red|white|rose|sparkling|fresh|frozen|digital|physical|paperback|hardcover|hardback|ebook|audiobook|cash|card|credit|debit|weekday|weekend|full|half|single|double|singles|doubles|road|trail|track|treadmill|pool|open water|lent|borrowed|rent|own|buy|sell|bought|sold|vinyl|cd|cassette)$`,
    /** Records that are people or animals: a list of them is a register, not a checklist (read-request.ts). */
    notChecklistRecords: String.raw`^(?:members?|memberships?|clients?|customers?|students?|pupils?|players?|employees?|staff|volunteers?|patients?|tenants?|contacts?|guests?|donors?|attendees?|participants?|subscribers?|teachers?|tutors?|coaches?|dogs?|cats?|pets?|animals?|horses?|residents?|neighbou?rs?|parents?|families|family|leads?|applicants?|candidates?|athletes?|swimmers?|runners?)$`,
    listOfGoals: String.raw`\blist of (?:all )?(?:my|our) (?!goals?\b|plans?\b|ideas?\b|projects?\b)`,
    invoiceMaker: String.raw`\binvoice (?:generators?|makers?|templates?|creators?)\b|\b(?:generate|create|make|print|send) (?:an |my )?invoices?\b|\bline items?\b`,
    formNouns: String.raw`\b(?:contact|enquiry|inquiry|feedback|order|booking|rsvp) forms?\b`,
    drawingShapes: String.raw`\b(?:shapes?|rectangles?|squares?|circles?|ellipses?|straight lines?|line tool|arrows?)\b`,
    minifierAsks: String.raw`\b(?:minify (?:javascript|js|css|html)|(?:javascript|js|css|html) minifier)\b`,
    joinedKindHead: `${JOINED_HEAD} $`,
    // The same before a tool, which may have a word of its own: "an expense tracker and a tip calculator".
    joinedToolHead: String.raw`${JOINED_HEAD}(?: (?!(?:with|for|of|to|in|on|that|which)\b)[a-z]+)? $`,
    gamePictures: String.raw`\b(?:(?:animal|own|custom|family|my) )?(?:pictures?|photos?|images?|emojis?)\b`,
    gameBoardSize: String.raw`\b(?:[4-9]|1\d)(?: ?x ?| by )(?:[4-9]|1\d)\b|\b(?:four|five|six|bigger|larger) (?:by|in a row|board)\b`,
    notAWishNoun: String.raw`(?:^| )(?:apps?|tools?|websites?|pages?|something|things?|stuff|items?)$`,
    progressWords: String.raw`^(?:progress|activity|activities|info|information|data|details|results|stats|statistics|shopping|days?|times|dates|weeks?|months?|nights?)$`,
    measureOnlyWords: String.raw`^(?:money|cash|glasses|cups|mugs|bottles|liters|litres|ounces|pints|gallons|servings|portions|bowls|slices|pieces|hours|minutes|distance|distances|mileage|miles|kilometers|kilometres|km|length|lengths|duration|pace|speed)$`,
    inBeforeUnit: String.raw`\bin (?=(?:km|miles|kg|lbs|pounds|grams|ml|litres|liters|minutes|hours|metres|meters|feet|cm)\b)`,
    namingVerbs: String.raw`^(?:with|including|plus|and (?:their|its)|should .+|must have|contains?|containing|need|by|:)$`,
    beforeClause: String.raw`^(?!\s*(?:who|what|how|when|whether)\b)(.*?)\b(?:i|im|ive|we|were|weve|they|theyre|it|she|he)\b.*`,
    itemArticles: String.raw`\b(a|an|the|some|any|my|their|its|his|her|each|field|fields|column|columns)\b`,
    idNumber: String.raw`(?:^| )(?:serial|phone|model|account|order|tracking|reference|policy|licen[cs]e|registration|part|confirmation|flight|passport|id|vin|invoice|receipt|ticket|case|lot|batch|check|cheque|room|seat|table)$`,
    whoDid: String.raw`^who ([a-z]{3,}ed|paid|made|bought|sent|won|lent|took|gave|brought|drove|wrote|sold)(?: (?:it|them|what|one|each(?: [a-z]+)?|the [a-z]+|[a-z]+))?$`,
    whetherPrefix: String.raw`^(?:whether|is|was|if) (?:(?:it|they|theyre|theyve|its|each(?: one)?) )?(?:(?:is|was|are|were|has been|have been|been) )?`,
    /** "a yes or no for card sent", "a checkbox for wrapped": a yes or no called by the words after it. */
    yesNoFor: String.raw`\b(?:an? )?(?:yes or no|yes no|checkbox|check box|tick box|tickbox|toggle)(?: field| column)? (?:for|of) (?:whether )?((?:(?!and\b|or\b|with\b)[a-z]+ )?(?!and\b|or\b|with\b)[a-z]+)`,
    /** "whether they're built or still in the box", "whether it's indoor or outdoor": a yes or no called by the first. */
    whetherOr: String.raw`\bwhether (?:(?:it|they|theyre|its|each(?: one)?) )?(?:(?:is|are|was|were|has been|have been) )?([a-z]{3,}) or (?:not\b|still(?: (?:in|on|at))?(?: (?:the|a|an|its|their))? [a-z]+|(?!not\b)[a-z]+\b)`,
    removeField: String.raw`\b(?:remove|drop|delete|without|no|(?:dont|do not) (?:need|want))\s+(?:the\s+)?([a-z]+(?: [a-z]+)?)(\s+(?:field|column)\b)?`,
    removeBehaviour: String.raw`\b(?:remove|drop|delete|without|no|disable|turn off) (?:the )?(search|filter|sort|total|streak|countdown|undo|calendar|board|group|goal)(?:s|ing)?\b`,
    fieldRequired: String.raw`\bmake (?:the )?([a-z]+(?: [a-z]+)??)(?: field| column)? (required|mandatory|compulsory|optional|not required)\b`,
    // The words before a type's (spec-words.ts adds the types).
    fieldRetype: String.raw`\b(?:change|make|turn|switch|convert) (?:the )?([a-z]+(?: [a-z]+)??)(?: field| column)? (?:to |into |)(?:be )?(?:a |an )?`,
    changeFieldTo: String.raw`\bchange (?:the )?([a-z]+(?: [a-z]+)??)(?: field| column)? (?:to|into) (?!(?:a|an|the|dark|light|cards|table|list|board|calendar|grid)\b)([a-z]+(?: [a-z]+){0,2})$`,
    countMine: String.raw`\bcount (?:my|our) (?:(?:daily|weekly) ((?:[a-z]+ )?[a-z]{3,}s)|((?:[a-z]+ )?[a-z]{3,}s) (?:a|per|each|every) (?:day|week)|(push ?ups|sit ?ups|squats|reps|laps|cigarettes|cigs|drinks|beers|coffees|sodas|snacks))$`,
    timeSpent: String.raw`\bhow (?:many (hours|minutes)|much time) (?:do |does )?(i|we|(?:my|our) [a-z]+) spends? (?:(?:on|doing|playing|watching|at) (?:my |our |the )?|(?=[a-z]{3,}ing\b))((?:[a-z]+ ){0,2}?[a-z]+)(?= (?:a|per|each|every) |$)`,
    numberOf: String.raw`\b(?:track|log|record|count|keep track of) (?:the )?number of ((?:[a-z]+ )?[a-z]{3,}s)\b`,
    whoseTurn: String.raw`\bwhose turn\b|\btak(?:e|ing) turns\b|\b(?:chores?|cleaning|dish(?:es)?|dishwashing) (?:rotas?|rotations?|rosters?)\b`,
    /** Where an inventory is kept rather than what it holds (read-request.ts, INVENTORY_PLACE). */
    inventoryPlace: String.raw`^(?:home|house|household|kitchen|pantry|fridge|freezer|garage|basement|attic|shed|storage|office|classroom|shop|store|business|warehouse|stock|stuff|things|items|belongings|possessions|truck|cafe|restaurant|bar|bakery|salon|stall|stand|kiosk|cart)$`,
    /** Food and service businesses, whose stock is their supplies (read-request.ts). */
    supplyPlaces: String.raw`\b(?:food truck|cafe|café|coffee shop|restaurant|bar|bakery|salon|stall|kiosk|food cart|catering)\b`,
    /** Words of drinks tasted, not counted: "coffee I taste and rate", "beans and roast" (read-request.ts). */
    drinksTasted: String.raw`\b(?:tast\w*|rat(?:e|es|ed|ing|ings)|reviews?|beans?|roast\w*|brews?|flavou?rs?|notes)\b`,
    drinksCounted: String.raw`\b(?:intake|drink|drank|drinking|how much(?! (?:i|we|you|she|he|they) (?:liked?|loved?|enjoyed?|rated?)\b)|how many|cups?|glasses|consumption)\b`,
    medicalHistoryNamed: String.raw`\b(?:family|kids?|children|son|daughter|bab(?:y|ies)|mom|mum|dad|parents?|wife|husband|grand(?:ma|pa|parents?)|myself)\b`,
    medicalHistoryOthers: String.raw`\b(?:pupp(?:y|ies)|dogs?|cats?|kittens?|pets?|horses?|vets?|rabbits?|bunn(?:y|ies)|hamsters?|parrots?|goats?|cows?|cattle|sheep|chickens?)\b`,
    assignedToPeople: String.raw`\b(?:assign(?:ing)? (?:tasks|them|it|chores|jobs|items|each (?:task|chore|one))|(?:can be |are |get |be )?assigned) to (?:people|someone|others|family members|each other|team members|members|a person|different people)\b`,
    whichOnesDone: String.raw`\b(?:and )?which (?:(?:ones?|of them) (?:i|we) (?:have |ve )?|(?:ones? |of them )?(?:got|get|were|was|are|is|have been|has been) )((?:[a-z]{3,}ed|read|done|seen|beaten|won|beat|watched)(?: (?:in|up|out|off|back))?)\b`,
    /** "track who's bringing snacks each game": the games, each with who brings them (read-request.ts, spec-words.ts). */
    whoBringsEach: String.raw`\b(track|log) who(?:s| is)? (?:bringing|brings) ([a-z]+) (?:to |for )?(?:each|every) ([a-z]+?)s?\b`,
    /** "which keys open which doors": the keys, each with its door (read-request.ts, spec-words.ts). */
    whichOpensWhich: String.raw`\bwhich ([a-z]+s) (?:open|opens|fit|fits|go with|goes with|belong to|belongs to) which ([a-z]+s)\b`,
    whichOnesIDid: String.raw`\b(?:which|what) (?:of )?(?:my |our )?(?!ones\b|others\b|things\b)([a-z]{3,}s) (?:i|we|ive|weve|i have|we have) (?:already )?([a-z]{3,}ed|sent|paid|met|given|gave|told|seen|saw)\b(?: (?:a |an |the |them |their )?(?:[a-z]+ )?(?:cards?|gifts?|invitations?|invites?|letters?|messages?|presents?|money))?(?: to| for)?(?: (?:this|last) (?:week|month|year)| today| yet)?`,
    whichRecordsDid: String.raw`\b(track|log|record) which ([a-z]+s) (?:have |has )?((?:[a-z]{3,}ed|did)(?: (?:in|up|out|off|back))?) (?:their|the|its|his|her) ([a-z]+)\b`,
    timeTaken: String.raw`\bhow long (?:my|our|the) ((?:[a-z]+ ){0,2}?[a-z]+) (?:takes?|took|lasts?|lasted)\b`,
    goodsBusiness: String.raw`\b(?:for|run|own|have|started|starting|start) (?:my|our|a|an) (?:small |little |new |local |own |family |home |online )?(?:[a-z]+ )?(?:baking|bakery|candle|candles|soap|jewelry|jewellery|craft|crafts|cookie|cake|cupcake|t shirt|clothing|knitting|pottery|print|prints|plant|sticker|stickers|art) (?:business|shop|store|company|side hustle)\b`,
    renameField: String.raw`\brename (?:the )?([a-z]+(?: [a-z]+)??)(?: field| column)? (?:to|as|into) ([a-z]+(?: [a-z]+){0,2})$`,
    callField: String.raw`\b(?:change|call) (?:the )?([a-z]+(?: [a-z]+)?) (?:field|column) (?:to |into )?([a-z]+(?: [a-z]+){0,2})$`,
    howMuchPaid: String.raw`^how much (?:(?:it|they|he|she|i|we|each|you) )?(?:got |get |were |was )?(?:paid|pays|cost|costs|charged|earned|spent|owed|made)\b|^what (?:i|we|it|they|he|she) (?:paid|earned|spent|owed|charged|cost)$`,
    whatCaused: String.raw`^what (?:(?:i|we) think )?(?:(?:might|may|could) have )?(triggered|caused|started|set off|triggers|causes)\b`,
    whoWentWith: String.raw`^who (?:i|we) (went|go|came|travell?ed|played|ran|walked|hiked|watched|saw|ate|camped|climbed|danced)(?: it| them)?$`,
    addNamedField: String.raw`\b(?:add|with)\s+(?:(?:a|an|another|new)\s+)*(?!(?:a|an|another|new|field)\b)([a-z]+(?: [a-z]+)?)\s+field\b|\b(?:field|column) (?:called|named|for)(?: (?:a|an|the|my|each))? ([a-z]+(?: [a-z]+)?)`,
    choiceField: String.raw`\b((?:[a-z]+ )?[a-z]+)(?: for (?:each|every) [a-z]+)?(?:(?: (?:should|could|can|must|will) be| is| as)? (?:an? )?(?:choice|dropdown|pick|selection) (?:like|such as|of|between|from|with)| (?:should|could|can|must|will) be (?:one of|either)| (?:field|column) (?:with|of)(?: options)?| (?:like|such as)) ((?:(?!\b(?:with|where|that|which|so|for|to(?! (?:read|do|watch|play|try|visit|buy|make|cook|listen)\b)|but)\b)[a-z ,])+)`,
    choiceAfterColon: String.raw`\b((?:[a-z]+ )?[a-z]+)(?: for (?:each|every) [a-z]+)? :\s+((?:(?!\b(?:with|where|that|which|so|for|to(?! (?:read|do|watch|play|try|visit|buy|make|cook|listen)\b)|but)\b)[a-z ,])+)`,
    boardAsked: String.raw`\b((?<!\b(?:surf|snow|skate|paddle|chess|dart|cutting|notice|bulletin|vision|mood|key|circuit|message|score|ironing|diving) )board(?! (?:games?|gamers?|members?|meetings?|used|size|type|length|shape|volume|brand|of directors|of trustees)\b)(?<!\b(?:our|the|company|school) board(?= *$))|kanban)\b`,
    tableAsked: String.raw`\b(?<!(?:times|multiplication|periodic|league|coffee|dining|kitchen|seating|picnic) )(table|spreadsheet)\b`,
    periodTotal: String.raw`\b(daily|weekly|monthly|yearly|annual) (?:[a-z]+ )?(?:totals?|sums?|spending|spend|summar(?:y|ies)|breakdowns?|overviews?|distance|mileage)\b|\b(?:totals?|sums?|spending|spent|spend|how much|adds? up)\b[a-z ]{0,30}?\b(?:per|by|for each|each|every|a) (day|week|month|year)\b`,
    totalBy: String.raw`\b(?:total|totals|sum|sums|spent|spending|how much(?! (?:i|we|you|she|he|they) (?:liked?|loved?|enjoyed?|rated?)\b))\b(?:[a-z ]{0,30}?)\b(?:per|by|for each)\s+([a-z]+)`,
    totalPerDay: String.raw`\bdaily (?:total|totals|sums?)\b|\b(?:total|totals|sums?) (?:per|by|for each|each|a) day\b`,
    /** Times of day and summaries: a pair's words that name no records (read-request.ts). */
    whenOrSummaryWords: String.raw`^(?:days?|weeks?|mornings?|evenings?|afternoons?|nights?|bedtime|totals?|sums?|stats|statistics|averages?|summar(?:y|ies)|reports?|breakdowns?|overviews?|charts?|graphs?)$`,
    /** Columns or lanes asked by name, not the ones a board has ("columns for to do, doing and done") (feature-gaps.ts). */
    columnsAsked: String.raw`\b(?:columns?|lists|lanes|stages) (?:for|called|named|like)\b(?!\s+to do\s+(?:and\s+)?doing)|\bwith (?:the )?columns\s+(?!and\b|that\b|i\b|for\b|to do\b)[a-z]`,
    /** A log of the time spent learning a language, which asks for no lessons (feature-gaps.ts). */
    languageLearningTime: String.raw`\blanguage learning (?:logs?|trackers?|journals?|diar(?:y|ies)|streaks?|hours|minutes|time|progress)\b|\b(?:logs?|trackers?|journals?|diar(?:y|ies)) (?:for|of) (?:my |our )?language learning\b`,
    /** Hours or minutes of an activity: "guitar practice minutes", "hours of piano" (read-request.ts). */
    practiceTime: String.raw`^(?:[a-z]+ ){0,2}([a-z]+) (?:hours|minutes)$|^(?:hours|minutes) of (?:[a-z]+ ){0,2}([a-z]+)$`,
    /** "a calculator to work out how much X" (read-request.ts). */
    calculatorHowMuch: String.raw`\bcalculators? (?:for|to (?:work out|figure out|calculate|find)) how (?:much|many) ([a-z]+)`,
    /** Time spent on work for others, a timesheet's (read-request.ts). */
    workTimeWords: String.raw`\b(?:clients?|projects?|tasks?|work|jobs?|customers?|cases?|each|different)\b`,
    /** "planned and actual costs": a planned cost and an actual cost (spec-words.ts). */
    plannedAndActual: String.raw`\b(planned|estimated|budgeted|expected) and (actual|real) (cost|amount|price)s?\b`,
    /** "rent received", "fees paid": the money, not whether it was (spec-words.ts). */
    moneyReceived: String.raw`\b(rent|fees?|tips?|wages?|salary|income|deposit) (?:received|paid|earned|collected)\b`,
    /** "paid or unpaid", "paid/unpaid status": one yes or no (spec-words.ts). */
    yesNoOpposites: String.raw`\b([a-z]{3,})(?: or (?:un|non-? ?|not )| (?:un|not ))\1(?: status| state)?\b`,
    /** A percentage done: "progress percentage", "percent complete" (spec-words.ts). */
    progressPercent: String.raw`^(?:progress|completion) (?:percentage|percent)$|^percent(?:age)? (?:done|complete|completed)$`,
    /** "energy from 1 to 10", "focus out of 10": a number of its own (spec-words.ts). */
    scaleOfTen: String.raw`\b([a-z]+) (?:level |score )?(?:(?:from |on a scale of )?1(?: to |-| )10|out of 10)\b`,
    /** "costs for each room": the costs per room (spec-words.ts). */
    spendFor: String.raw`\b(costs?|spending|expenses|hours|minutes|points) for (?:each|every) `,
    /** "per category" right after a goal or a limit: no period of it (spec-words.ts). */
    perNonPeriod: String.raw`^ (?:per|for each|for every|each|every) (?!(?:day|week|month|year|night)\b)[a-z]`,
    /** "autopay yes/no", "autopay y/n": a checkbox called by the word before (spec-words.ts). */
    yesNoAfter: String.raw`\b(?<!\bwhether )(?!(?:an?|the|is|are|be|with|and|or|for|of|just|simple)\b)([a-z]+) (?:yes or no|yes no|y n)\b`,
    /** Measures listed after a daily one, each its own phrase: "…  protein  carbs and fat" (read-request.ts). */
    moreMeasuresListed: String.raw`^ {2}[a-z][a-z ]*?(?: {2}[a-z][a-z ]*?)*(?: {1,2}and [a-z][a-z ]*)$`,
    /** What joins two records' containers: "a sleep and mood tracker" (read-request.ts). */
    joinedByAnd: String.raw`^ (?:and|or|plus)(?: (?:a|an|my|our|his|her|their|the))?${WHOSE}$`,
    /** "my weight", "our driving practice hours": a whole request that is one measure (read-request.ts). */
    myMeasurePhrase: String.raw`^(?:my|our) (?:[a-z]+ ){0,4}?(?:([a-z]+) )?([a-z]+)$`,
    /** "start and end odometer readings": two readings (spec-words.ts). */
    odometerReading: String.raw`^(start|end|begin|finish) (odometer|mileage|meter)(?: reading)?$`,
    /** "kwh used": the kWh (spec-words.ts). */
    unitsUsed: String.raw`\b(kwh|watts|litres|liters|gallons|units) (?:used|consumed)\b`,
    /** "from, to": where from and where to; a list does not end at this "to" (spec-words.ts). */
    fromAndTo: String.raw`\bfrom(\s*,\s*|\s+and\s+)to\b(?= *(?:,|and\b|$))`,
    /** Words of a kind of thing, which a list of things to keep does not hold (spec-words.ts). */
    thingKindWords: String.raw`^(?:brand|flavou?r|size|model|type|kind|unit)s?$`,
    /** States a yes or no is called by: "read or unread" (spec-words.ts). */
    doneStates: String.raw`^(?:read|done|complete|active|available|used)$`,
    /** Fields that already say how far a record has got (spec-words.ts). */
    progressIds: String.raw`^(?:status|done|progress|finished|completed)$`,
    /** A unit water is counted in, other than glasses (spec-words.ts). */
    waterUnits: String.raw`\b(ml|oz|ounces|lit(?:er|re)s|cups|bottles)\b`,
    /** "when the next service is due": a Next due (spec-words.ts). */
    nextIsDue: String.raw`\bnext [a-z]+(?: [a-z]+)? (?:is |are )?due\b`,
    /** "lucid or not": whether lucid (spec-words.ts). */
    orNot: String.raw`(?<!\bwhether\b[a-z ]*)\b([a-z]+) or not\b`,
    /** Words of the app's parts that, among three or more fields, name one (spec-words.ts). */
    fieldsAmongFields: String.raw`^(?:camera|music|cards|voice|settings|team|design|kids|children|tools)$`,
    /** Units of what something weighs: a goal in one is on the records' weight (spec-words.ts). */
    weightUnits: String.raw`^(?:kgs?|kilos?|kilograms?|lbs?|pounds?|stones?)$`,
    /** Fields whose goal is their newest value, not a sum: what one weighs (spec-words.ts). */
    stateMeasureIds: String.raw`^(?:weight|bodyFat|waist)$`,
    /** The unit a goal is asked in: "a page-per-day goal", "pages per day and a goal" (spec-words.ts goalSetInApp). */
    goalUnit: String.raw`\b(pages?|steps?|miles?|km|kilomet(?:er|re)s?|minutes?|hours?|glass(?:es)?|cups?|words?|calories|reps?|laps?)[- ](?:per|a|each|every)[- ](?:day|night|week|month|year)\b`,
    /** Measures kept each day, whose goal without a period is a day's (spec-words.ts goalSetInApp). */
    dailyMeasureIds: String.raw`^(?:steps|glasses|cups|calories|protein|carbs|fat|fibre|fiber|water|ml|pages|minutes|hours)$`,
    /** Sports ridden on a board, whose board is gear: no kanban board, a field (spec-words.ts, request-analysis.ts). */
    boardSports: String.raw`\b(?:surf|skat|snowboard|wakeboard|kiteboard|kitesurf|paddle ?board|bodyboard)`,
    /** Cards scheduled for review (feature-gaps.ts). */
    reviewScheduleAsks: String.raw`\b(spaced[- ]repetition|leitner|review schedule)\b`,
    /** "a log of the films I watch", "a book diary": a log of things done, each on its day (spec-words.ts). */
    logOfThingsDone: String.raw`\b(?:log|diary|journal) of (?:the |all the |every |my )?[a-z]+(?: [a-z]+)? (?:that )?(?:i|we|ive|weve|i have|we have) (?:(?:have|had) )?(watch|read|visit|see|saw|seen|play|tast|tri|try|eat|ate|finish)[a-z]*\b|\b(film|movie|book|reading)s? (?:log|diary|journal)\b`,
    /** "where to stream them": the streaming service (spec-words.ts). */
    whereToStream: String.raw`\bwhere (?:to|i can|we can|you can) (?:stream|watch)(?: (?:it|them|each one|each))?\b`,
    /** "bait used", "fish caught": the thing itself (spec-words.ts). */
    doneToThing: String.raw` (?:used|taken|caught|eaten|worn|bought)$`,
    /** "my favorite dish": a thing named, not a favourite flag (spec-words.ts). */
    favouriteThing: String.raw`^favou?rite (?!flag$|toggle$)([a-z]{3,})$`,
    /** A list's words before its "and", commas gone (read-request.ts). */
    spacedPair: String.raw`\b([a-z]+) {2}((?:[a-z]+ )?[a-z]+) and `,
    /** Files of other programs (feature-gaps.ts). */
    spreadsheetFiles: String.raw`\b(csv|excel|xlsx|pdfs?|google sheets)\b`,
    /** Clothing sizes, converted (read-request.ts). */
    clothingSizes: String.raw`\b(?:shoe|clothing|dress|ring) sizes?\b`,
    /** "mood before", "energy after" (spec-words.ts). */
    beforeOrAfter: String.raw`^([a-z]+(?: [a-z]+)?) (?:before|after)$`,
    /** A roomier look asked in a change (spec-words.ts). */
    roomyWords: String.raw`\b(roomy|spacious|comfortable|bigger)\b`,
    /** Words that end a noun phrase (read-request.ts). */
    phraseEndWords: String.raw`^(?:i|we|you|with|and|so|to|in|at|on)$`,
    /** A guest book (read-request.ts). */
    guestBooks: String.raw`\b(?:guest ?books?|visitors? books?)\b`,
    /** Units of area (read-request.ts). */
    areaUnits: String.raw`\b(?:areas?|acres?|hectares?|square)\b`,
    /** Words for a choice field (spec-words.ts). */
    choiceWords: String.raw`\b(?:choice|dropdown|pick|selection)\b`,
    /** "what I spent on groceries": the spending (read-request.ts). */
    whatISpentOn: String.raw`\bwhat (?:i|we) (?:spent|spend) on\b`,
    /** "by series and issue number": the field after the grouping's "and" (read-request.ts). */
    byAndField: String.raw`\bby [a-z]+ and ((?:[a-z]+ )?[a-z]+)$`,
    /** "track which …", "log what …" (spec-words.ts). */
    trackWhichWhat: String.raw`\b(track|log|record) (?:which|what) `,
    /** A choice's word right before a list of its values (spec-words.ts). */
    choiceWordLast: String.raw`\b(?:dropdown|choice|pick|selection)$`,
    /** Where the head of a request ends and its features begin (read-request.ts). */
    featureClause: String.raw` (?:with|that|which|where|including) `,
    /** The words that give the app a name: "called", "named", "set the title to" (request-analysis.ts). */
    namingWords: String.raw`\b(?:(?<!\b(?:field|fields|column|columns|category|tag|folder|option|choice|section) )(?:called|named|titled)|(?:name|call) (?:it|the app|my app|this app)|rename (?:it|the app|my app|this app)(?: to)?|(?:change|set) the (?:app s |apps )?(?:title|name) to)`,
    /** Colour words, each with the accent it asks for after a colon (request-analysis.ts). */
    colourWords:
      'red crimson:red scarlet:red orange amber:orange yellow gold:yellow golden:yellow green emerald:green teal ' +
      'turquoise:teal cyan:teal aqua:teal blue navy:blue purple violet:purple lilac:purple lavender:purple pink ' +
      'magenta:pink brown grey gray:grey black',
    /** Words that name the app itself: "a habit tracker in pink" (request-analysis.ts). */
    appNouns: 'app|tracker|list|log|journal|planner|board|timer|calculator|website|page|site|game|clock|notebook|diary',
    /** "how much sun it needs": a plant's sunlight needs (read-request.ts). */
    /** "a list of my clients and notes", "my clients and notes about them": the notes are theirs (read-request.ts). */
    notesOfRecords: String.raw`\b((?:list|log|record|tracker|database|catalog(?:ue)?) of (?:my|our) [a-z]+(?: [a-z]+)?|(?:my|our) [a-z]+(?: [a-z]+)?(?= and (?:notes|comments) (?:about|on|for) (?:them|each(?: one)?|every one)\b)) and (notes|comments)\b`,
    /** "how far I am in each book": the page each is on, of how many (read-request.ts). */
    howFarInBooks: String.raw`\bhow far (?:i am|i'?m|i have got(?:ten)?|i'?ve got(?:ten)?|i got|i have read|i'?ve read|along i am)(?: (?:in|into|through|with))? (?:each|every|my|the) (book|novel)s?\b`,
    /** "a reading list with progress": of books, the page each is on and how many it has (read-request.ts). */
    readingProgress: String.raw`\b(?:with|and|plus) (?:my |the |reading )*progress(?: (?:for|on|in|of|through) (?:each|every|my|the) (?:book|novel)s?)?(?=$|[ ,.])(?=.*\b(?:books?|novels?|reading)\b|(?<=\b(?:books?|novels?|reading)\b.*))`,
    howMuchSun: String.raw`\bhow much (?:sun|sunlight|light|shade) (?:it|they|each(?: one)?) (?:needs?|gets?|likes?)\b`,
    /** What follows a colour that makes it the app's: "blue theme", "pink-themed" (request-analysis.ts). */
    accentAfterColour: String.raw`(?: |-)(?:themed|theme|colou?r scheme|colou?rs?|accents?|look|style|design|buttons|header|background|palette|skin)\b`,
    /** "the theme colour should be …" before a colour (request-analysis.ts). */
    accentColourIs: String.raw`\b(?:theme|accent|main|app|highlight) colou?r(?: should be| is| to be| of)? {1,2}`,
    /** "a colour scheme in …" before a colour (request-analysis.ts). */
    accentSchemeIs: String.raw`\b(?:colou?r scheme|theme|accent|colou?rs?)(?: should be| to be| to)? {1,2}(?:in )?`,
    /** "make it …", "paint the app …" before a colour (request-analysis.ts). */
    accentMakeIt: String.raw`\b(?:make|paint|colou?r|style|do) (?:it|the app|everything|the whole thing|this|the whole app)(?: all)? `,
    averageOf: String.raw`\b(?:average|averages|avg)\s+(?:of\s+)?(?:the\s+|my\s+)?([a-z]+)`,
    averageBy: String.raw`\b(?:average|averages|avg)\b(?:[a-z ]{0,30}?)\b(?:per|by|for each)\s+([a-z]+)`,
    weightedBy: String.raw`\bweighted\s+(?:by|with)\s+(?:the\s+|their\s+|its\s+)?([a-z]+)`,
    byOfOtherViews: String.raw`^(sort|sorted|sortable|order|ordered|filter|filtered|filtering|board|kanban|column|columns|total|totals|sum|sums|spent|spending|much|streak|streaks)$`,
    groupingVerbs: String.raw`^(group|grouped|organized|organised|split|them|it|sorted|collection|collections|library|catalog|catalogue|list|tracker|log|journal)$`,
    sortBy: String.raw`\b(?:sort|sorted|sortable|order|ordered)\s+(?:them\s+|it\s+)?by\s+([a-z]+)`,
    notARating: String.raw`\b(?:heart|resting|pulse|respiratory|breathing|interest|exchange|tax|hourly|daily|day|pay|birth|pass|success|growth|conversion|frame|bit|burn|flow|irs|mileage|reimbursement) rates?\b`,
    // "when I can donate next", "when I need the next one", "the next date I can donate": the next one's date.
    nextOneWhen: String.raw`\bwhen (?:i|we) (?:can|could|should|may|might|need to|have to|am allowed to|(?:am|are) able to) [a-z]+ (?:next|again)\b|\bwhen (?:i|we) (?:need|want|get|have|book|am due) (?:the|my|our|a) next one\b|\bthe next (?:date|day|time) (?:i|we) (?:can|could|should|may|need to) [a-z]+\b`,
    andWhenDone: String.raw`(?:\b(?:and|with|plus) | {2}|, )when (?:i|we|they|he|she) (?:(last|first) )?([a-z]+ed|froze|bought|made|got|ate|took|gave|wrote|sold|said)\b`,
    /** A second thing done said after the first's "them": "when I repotted them and fertilized them" (spec-words.ts). */
    andAlsoDone: String.raw`^ (?:them|it|each(?: one)?) and (?:(last|first) )?([a-z]+ed) (?:them|it|each(?: one)?)\b`,
    dueBack: String.raw`\b(?:(?:bring|give|hand|get) (?:them|it) back|(?:should|must|need to|needs to|have to|has to|will) (?:come|be) back|due back|(?:return|returned) by|back by|(?:have|has|need|needs) to return)\b`,
    importExportAsked: String.raw`\b(exports?|exporting|exported|imports?|importing|imported|backup|back up|json|download(?! (?:and |or |\/ ?)?(?:upload|speeds?|mbps)\b)|csv)\b`,
    businessAfter: String.raw`^ (?:shops?|house|bar|cart|truck|business|stand|store|company|brand|cafe|restaurant|startup)\b`,
    afterClub: String.raw`^ (?:members?|membership|contacts?|contact list|roster|directory|website|web site|site|page|landing page|blog|newsletter|budget|fees|dues)\b`,
    afterCrypto: String.raw`^ (?:wallets?|exchanges?|mining|miners?|tokens?)\b`,
    beforeCrypto: String.raw`\b(?:own|new|launch\w*|creat\w*|mak\w*|mine|mining|build\w*)(?: (?:a|an|my|our))? $`,
    beforeAllowance: String.raw`\b(?:calorie|calories|carb|carbs|sugar|protein|alcohol|drinks?|points|food|data|baggage|luggage|leave|vacation|holiday|sick|pto|screen time|mobile|phone|gas|fuel|energy) $`,
    // A bus's or a train's times come from the operator's live data, not a class timetable.
    beforeTimetable: String.raw`\b(?:bus|buses|train|trains|tram|ferry|flight|tide|transit|metro|subway|rail|railway|shuttle) $`,
    projectsNotHours: String.raw`^s? (?:tracker|list|manager|planner|board|management|log)\b(?![^.]*\b(?:hours?|time|timer|billable)\b)`,
    /** Things measured out, whose amount is no money, unless money is named (spec-words.ts). */
    amountOfStuff: String.raw`^(?!.*\b(?:costs?|prices?|spen[dt]|spending|budgets?|expenses?|paid|pay|money|dollars?|euros?|bills?|income|savings?)\b).*\b(?:feed\w*|food|formula|milk|water(?:ing)?|drinks?|medicines?|medications?|doses?|fertili[sz]ers?|ml|grams?|cups?)\b`,
    petRoutine: String.raw`^ (?:feedings?|feeding schedules?|meals?|food|walks?|walking|sitters?|sitting|weights?|weigh ins?)\b`,
    weddingPart: String.raw`^ (?:budgets?|guests?|guest lists?|seating|costs?|expenses|spending|vendors?)\b`,
    eventChecklist: String.raw`^ (?:planning )?(?:checklists?|to ?do(?: list)?s?|task lists?|tasks)\b`,
    gymBusiness: String.raw`^ (?:members?|membership|memberships|equipment|machines?|staff|clients?|customers?|class bookings?|bookings?|class(?:es)? (?:timetables?|schedules?)|timetables?)\b`,
    medicineStock: String.raw`^ (?:inventory|inventories)\b`,
    afterBook: String.raw`^ (?:clubs? (?:members?|membership|roster)|appointments?|tickets?|flights?|rooms?|tables?|lessons?|classes|sessions?|slots?|online|now)\b`,
    allowanceForChores: String.raw`^ (?:and|for|with) (?:their |her |his |the |doing )?(?:chores?|jobs?|tasks?)\b`,
    afterFilm: String.raw`^ (?:photography|photos?|cameras?|rolls?|stocks?|developing|negatives?|scans?|labs?)\b`,
    afterCoffee: String.raw`^ (?:table|tables|machines?|makers?|mornings?|dates?|breaks?|roasting)\b`,
    household: String.raw`\b(?:flat|flatmates?|roommates?|housemates?|household|apartment|rent|utilities)\b`,
    /** Others one's spending is shared with beyond a household: "split between 4 friends" (read-request.ts). */
    spendingCompanions: String.raw`\b(?:friends|(?:two|three|four|five|six|\d+) of us|travel (?:buddies|companions))\b`,
    beforeBill: String.raw`\b(?:split|splitting|divide|dividing|share|sharing) (?:the |a |our |my )?(?:[a-z]+ )?$`,
    babyNamed: String.raw`\b(?:bab(?:y|ies)|infants?|newborns?|breast\w*|bottles?|nursing|twins)\b`,
    notBabyPets: String.raw`\b(?:pupp(?:y|ies)|dogs?|pets?|horses?|potty|crate|obedience)\b`,
    tastingNamed: String.raw`\b(?:tastings?|taste|tasted|ratings?|reviews?|journal|notes|collection|cellar)\b`,
    notTastingIntake: String.raw`\b(?:consumption|intake|units|how many|how much(?! (?:i|we|you|she|he|they) (?:liked?|loved?|enjoyed?|rated?)\b)|coffee cups|(?:cups?|drinks?|\d+) (?:a|per) day)\b`,
    quotesNamed: String.raw`\b(?:famous|inspir\w*|motivation\w*|favou?rite|sayings?|authors?|quotations?|poems?|lines?|lyrics)\b`,
    investmentsNamed: String.raw`\b(?:shares?|portfolio|dividends?|invest\w*|tickers?|markets?|brokers?|etfs?|trading|stock market)\b`,
    /** A record of things asked for in words: "a tracker", "log my", "a journal" (otherSubjects). */
    recordsAsked: String.raw`\b(?:track\w*|log|logs|logging|logbook|record|records|recording|journal|diary|list|catalog|catalogue|planner|organi[sz]er|database)\b`,
    /** A website, a blog or a shop asked for (otherSubjects). */
    siteAsked: String.raw`\b(?:web ?sites?|web ?pages?|landing pages?|home ?pages?|pages?|sites?|blogs?|online (?:store|shop)s?|e ?commerce|portfolio)\b`,
    rewardsNamed: String.raw`\b(?:stars?|stickers?|rewards?|kids?|child\w*|toddlers?|sons?|daughters?|boys?|girls?)\b`,
    typingNouns: String.raw`\b(?:typing (?:tests?|speed|practice|tutor|trainer|games?)|wpm tests?|touch typing)\b`,
    focusTimer: String.raw`\b(?:pomodoro|focus|study|studying|work|concentrat\w*|break)\b`,
    currencyUnits: String.raw`\b(?:currenc\w*|dollars?|euros?|pounds sterling|yen|exchange rates?)\b`,
    dataSizeUnits: String.raw`\b(?:bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|kb|mb|gb|tb|data sizes?|file sizes?)\b`,
    numberSystemUnits: String.raw`\b(?:binary|hexadecimal|hex|octal|decimal to|number bases?|roman numerals?)\b`,
    yearlyDates: String.raw`\b(?:birthdays?|anniversar(?:y|ies)|christmas|every year|each year|yearly|annual|annually)\b`,
    dateWords: String.raw`(?:^| )(?:birthdays?|birthdate|anniversary|expiry|expiration|expires|born|check in|check out|checkin|checkout)(?: |$)|(?:^| )on$|^(?:last|next) (?:[a-z]+ed|(?:[a-z]+ )?visit|service|check|check up|seen|contact|call|appointment|meeting|dose|shot|booster|refill|inspection|oil change|haircut|cleaning|treatment|session|lesson|class|trip)$|^[a-z]+ (?:end|start)s?$`,
    /** Records of a performance, whose time is how long it took: "a puzzle log with date and time" (spec-words.ts). */
    timedPerformance: String.raw`\b(?:runs?|running|races?|racing|swims?|swimming|puzzles?|rubik|cubes?|cubing|speed ?runs?|speedrunning|laps?|sprints?|cycling|bike|biking|rides?|marathons?|triathlons?|workouts?|exercises?|rowing|solves?|solving|trials?|personal (?:bests?|records?)|pbs?|drills?|skiing|climbs?|climbing|hikes?|hiking|walks?|paddling|kayaking|games?|matches|quiz(?:zes)?|tests?|exams?|rounds?|events?|meets?|training|practices?|commutes?|drives?|trips?|journeys?|flights?|cooking|baking|recipes?)\b`,
    /** Records of play, whose goals are scored: "a hockey team roster with … goals" (spec-words.ts). */
    scoredGoals: String.raw`\b(?:rosters?|teams?|players?|matche?s?|games?|seasons?|leagues?|soccer|football|hockey|lacrosse|polo|handball|netball|futsal|scor(?:ed|er|ers|ing)|assists|strikers?)\b`,
    /** "bedtime", "start time", "departure times": a time of day, not how long something took (spec-words.ts). */
    clockTimes: String.raw`^(?:bed ?times?|lights out|curfew|times? of day|(?:shift|class|lesson|meeting|session|school|work|nap|sleep|feed|feeding) (?:start|end)s?|(?:start|starting|end|ending|departure|arrival|pick ?up|drop ?off|opening|closing|meeting|appointment|class|lesson|feeding|meal|dinner|lunch|breakfast|check ?in|check ?out|sunrise|sunset|alarm|reservation|booking|show|kick ?off|tee|boarding|dose|doors?|curtain|wake|wake up|waking|train|bus|flight) times?)$`,
    measureHead: String.raw`^([a-z]+(?: [a-z]+)?) (amount|amounts|count|number|date|time|weight|size|price|cost)$`,
    chartAsks: String.raw`\b(charts?|graphs?|visuali[sz]ations?|histograms?|sparklines?|pie charts?|bar charts?|heat ?maps?|(?:show|see|view|plot|display)s?(?: me)? (?:the |my |a )?(?:[a-z]+ )?trend(?: line)?s?)\b`,
    dragAsks: String.raw`\bdrag(?:ging)?\s*(?:and|&|n|'n'|-|to)?\s*(?:drop\w*|reorder\w*|sort\w*|move\w*|rearrange\w*)\b`,
    progressBarAsks: String.raw`\bprogress bars?\b|\bpercent(?:age)? (?:complete|completed|done|read|finished)\b`,
    madeListAlso: String.raw`\b(?:recipes?|meals?|meal plans?|meal planner)\b[^.;]{0,60}\b(?:shopping|grocery) lists?\b`,
    mapOtherMeaning: String.raw`\b(?:mind|road|site|heat|concept|treasure|story)[ -]?maps?\b`,
    repaymentScheduleAsks: String.raw`\b(?:amorti[sz]ation|repayment|payment) (?:tables?|schedules?|plans?)\b|\bamorti[sz]ation\b`,
    formAsks: String.raw`\b(?:contact|enquiry|inquiry|feedback|order|booking|signup|sign up|newsletter|quote) forms?\b|\brsvps?\b`,
    negatedBefore: String.raw`\b(?:no|without|not|don'?t (?:need|want)|never)\b[^.;,]{0,12}$`,
    pollsAsked: String.raw`\b(polls?|voting|votes?|surveys?|questionnaires?|elections?|petitions?)\b`,
    blockchainAsked: String.raw`\b(blockchain|crypto ?currency(?! (?:portfolio|holdings?|investments?|purchases?|trades?|tracker|log))|bitcoin mining|mining crypto|nft|smart contracts?)\b`,
    videoAsked: String.raw`\b(video streaming|stream videos?|live stream\w*|upload videos?|video platform)\b`,
    beforeExercise: String.raw`\b(?:breathing|breath|eye|writing|spelling|math|maths|grammar|vocal|voice|mindfulness|reading|language) $`,
    beforeShoppingProducts: String.raw`\b(?:grocery|groceries|shopping|food|supermarket|beauty|skincare|skin care|makeup|cleaning) $`,
    beforeClubApp: String.raw`\b(?:lists?|contacts?|directory|website|web site|site|page|landing page|blog|newsletter|budget|calendar|schedule|planner|reading list|inventory|sign ?up sheet|roster|members list) (?:for|of) (?:my|our|the|a) $`,
    beforeBook: String.raw`\b(?:log|sketch|exercise|note|scrap|colou?ring|work|text|year|cheque|check|pass|story|picture|hand|guide|face|day|account|order|appointment|booking|reservation|reservations|guest|visitor|rule|song|hymn|prayer|bank) $`,
    notQuotes: String.raw`\b(?:business|customers?|clients?|jobs?|prices?|pricing|estimates?|invoices?|contractors?|painting|plumbing|roofing|landscaping|services?|insurance|freelanc\w*)\b`,
    notInvestments: String.raw`\b(?:food|freezer|fridge|pantry|kitchen|groceries|grocery|supplies|supply|warehouse|shop|store|inventory|firewood|wood|soup|cellar)\b`,
    notDrinkingWater: String.raw`\b(?:aquariums?|tanks?|fish|pools?|ponds?|hot tubs?|spas?|tests?|testing|quality|ph|nitrates?|meters?|bills?|heaters?|softeners?|filters?|plants?|garden|lawn|leaks?|usage|wells?|rain\w*)\b`,
    madeFromOthers: String.raw`\b(?:generat\w*|auto(?:matically)? (?:make|makes|create|creates|build|builds)|turns? (?:them |it )?into|makes? me|creates? me)(?: (?:a|an|the|my))? ?$`,
    askedToMake: String.raw`^(?:(?:please|can you|could you|would you|just|now) )*(?:generate|make|create)s? (?:me |us )?(?:a|an|the|my|our)? ?$`,
    randomizerNouns: String.raw`\b(?:dice(?! games?\b)|die roller|coin (?:flip\w*|toss\w*)|flip a coin|random numbers?|number generators?|password generators?|random picker|name picker|decision maker|randomi[sz]ers?|d20)\b`,
    wordcountNouns: String.raw`\b(?:words? count\w*|character count\w*|letter count\w*|count (?:the )?(?:words|characters|letters))\b`,
    colorNouns: String.raw`\b(?:colou?r (?:picker|chooser|palette|code|contrast|converter)s?|palette generators?|hex (?:colou?rs?|codes?|to rgb)|rgb to hex|contrast checkers?)\b`,
    drawingNouns: String.raw`\b(?:drawing (?:apps?|pads?|boards?|tools?|canvas)|sketch ?pads?|sketch(?:ing)? apps?|paint(?:ing)? apps?|doodle (?:apps?|pads?)|white ?boards?|signature pads?)\b`,
    clockNouns: String.raw`\b(?:world (?:clocks?|times?)|time ?zones? (?:converters?|clocks?|planners?|apps?)|international clocks?|(?:meeting|call)s? (?:planner )?across time ?zones)\b`,
    datedCountdown: String.raw`\b(?:event|date|wedding|birthday|anniversary|holiday|vacation|trip|exam|deadline|launch|christmas|new year|retirement|due date)s? count ?downs?\b`,
    gradeAverage: String.raw`\b(?:gpa|grade point average|grades? averages?|average grades?|weighted grades?|grades? calculators?|final grade)\b`,
    eventNouns: String.raw`^(birthday|anniversary|appointment|event|meeting|exam|deadline|holiday|concert|party|flight|reservation)$`,
    toolHeadEnd: String.raw`^(?: (?:app|tool|page|website|widget)s?)?(?: (?:with|that|which|where|including|for|to|in|on|so|like)\b|$)`,
    volumeUnits: String.raw`\b(?:volumes?|lit(?:re|er)s?|millilit\w+|ml|gallons?|pints?|quarts?|cups?|tablespoons?|teaspoons?|fluid)\b`,
    energyPressureAngleUnits: String.raw`\b(?:energy|calories to|joules?|kilojoules?|pressure|psi|bar|pascals?|angles?|degrees to radians|radians?)\b`,
    gameRequest: String.raw`\b(?:games?|puzzles?|bingo|sudoku|crosswords?|chess|checkers|hangman|wordle|tic tac toe|noughts and crosses)\b`,
    toBuy: String.raw`^(?:(?:a|an|the|my|our|some|all the) )?(?:list of )?(?:things|stuff|items) (?:(?:that )?(?:i|we) (?:want|would like|need|plan|hope) to|to) (?:buy|get|order|purchase)\b`,
    requestLabel: String.raw`^\s*(?:(?:my|our|an?|the|new|app|project|website)\s+)*(?:idea|request|task|project|app|brief|spec|prompt|goal|build|concept|wish)\s*:\s+(?=(?:a|an|the|my|our)\s)`,
    secondApp: String.raw`^(?:[a-z0-9]+ ){1,2}(?:tracker|log|logbook|list|planner|journal|diary|organi[sz]er|checklist|inventory|catalog|catalogue)$`,
    moneyWords: String.raw`(?:^| )(?:vat|gst|tax|taxes|sales tax|fee|fees|premiums?|rent|principal|interest|value|worth|bill|tip|tips|deposit|deposits|fare|spent|budget|payment|payments|rates|(?:hourly|daily|day|nightly|weekly|monthly) rate|profit|profits|margin|revenue|refund|money)$`,
    booleanWords: String.raw`^(?:whether|is|was|if) |^would (?:go|buy|visit|eat|order|watch|read|play|recommend|return|come)(?: (?:again|back|there|it|them))?$|^(?:paid|returned|watched|visited|bought|packed|attended|signed|sent|received|shipped|delivered|confirmed|booked|cooked|tried|owned|loaned|lent|borrowed|success|successful|approved|accepted|completed|finished|verified|paid back|paid off|repaid|published|posted|resolved|fixed|wrapped|refunded|replied|answered|sold|cancell?ed|collected|submitted|graded|vaccinated|neutered|spayed|insured|renewed|shipped out|built|assembled|painted|framed|opened|planted|harvested|cleaned|repaired|installed|worn|played|taken|watered|fertili[sz]ed|repotted|pruned|fed|walked|groomed|charged|reviewed|called|contacted|donated|mailed|printed|registered|archived|backed up|learned|learnt|listened|practi[sc]ed|memori[sz]ed|mastered)$`,
    longWords: String.raw`(?:^| )(?:ingredients|instructions|directions|summary|review|reviews|thoughts|impressions|reflections?|interpretations?|feedback|lessons learned|takeaways|action items|agenda|lyrics|symptoms|story|plot|synopsis|body|text)$`,
    moneyModifier: String.raw`\b(?:money|cash|payment|paid|loan|tip|deposit|rent|bill|invoice|refund|salary|budget|purchase|sale|ticket|quote|quoted)$`,
    chartsOtherMeaning: String.raw`\b(chore|reward|star|sticker|seating|behaviou?r|potty|potty training|toilet training|allowance|responsibility|feelings?|emotions?|family|habit) charts?\b|\bgraph paper\b`,
    repeatingAsks: String.raw`\b(recurring|repeating|repeats? (?:every|each|daily|weekly|monthly)|every (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`,
    nestedAsks: String.raw`\bsub-? ?(?:tasks?|items?|lists?)\b|\bnested (?:tasks?|items?|lists?|records?)\b|\b(?:checklists?|tasks?|items?) (?:inside|within) (?:each|every)\b`,
    soundAsks: String.raw`\b(sounds?|beeps?|chimes?|(?:(?:a|the) bell|bells)(?! peppers?)|gongs?|alarm tones?|ringtones?|audio|voice (?:notes?|memos?|recordings?|input|entry|commands?|control)|by voice|pronunciations?|text to speech|read (?:it|them) aloud)\b`,
    splitAsks: String.raw`\bwho owes\b|\bsettle up\b|\bsplit(?:s|ting)? (?:it |them |everything )?(?:evenly |equally |fairly )?(?:between|among|amongst) (?:the |us|our |my |\d+|two|three|four|five|six|several|friends|roommates|flatmates|housemates)|\bsplit(?:s|ting)? (?:it |them |the bill |costs )?(?:\d+|two|three|four|five|six) ways\b|\bsplit(?:s|ting)? (?:the |our )?(?:[a-z]+ )?(?:bills?|costs?|expenses?|rent)\b|\b(?:bills?|costs?|expenses?|rent) split(?:ter|ting)?s?\b`,
    personalBestAsks: String.raw`\bpersonal (?:records?|bests?)\b|\b(?:best|fastest|heaviest|longest|highest|max(?:imum)?) (?:times?(?! (?:to|of year|of the year|for)\b)|lifts?|weights?|runs?|results?|distances?)\b`,
    /**
     * A field the app would work out from others: "pace calculated automatically", "and show my
     * pace" (only the verb: the pace stays a field) (feature-gaps.ts, spec-words.ts).
     */
    derivedAsks: String.raw`\b(?:(?:show|shows|showing|calculate|calculates|calculating|work out|works out|display|displays|see|tell)(?: me| us)?(?: my| our| the| its| their| each)?(?= (?:average )?(?:pace|speed|fuel economy|fuel efficiency|fuel consumption|mpg|miles per gallon|(?:km|kilomet(?:re|er)s) per (?:litre|liter)|(?:litres|liters) per 100 ?km|gas mileage|bmi|cost per [a-z]+|price per [a-z]+)\b)|auto(?:matically)?[- ]?(?:calculated|computed)|(?<=\b(?:pace|speed|bmi|profit|duration|age|percentage|ratio|cost per [a-z]+) )(?:calculated|computed)(?= ?(?:,|$|\band\b|\.))|(?<!\b(?:totals?|sums?|counts?|averages?|balances?) (?:is |are |gets? )?)(?:calculated|computed|worked out) (?:automatically|for me|from (?:the |my |its )?[a-z]+(?: (?:and|,) [a-z]+)?))\b`,
    /**
     * A vehicle's fuel economy, worked out from each fill-up's distance and fuel (a ratio,
     * spec-words.ts): "mpg", "miles per gallon", "fuel consumption in litres per 100 km". Not plain
     * "mileage" (the distance driven).
     */
    fuelEconomyAsks: String.raw`\b(?:mpg|miles (?:per|to the|a) gallon|gas mileage|fuel (?:economy|efficiency|consumption)|(?:km|kilomet(?:re|er)s) (?:per|a) (?:litre|liter)|kmpl|(?:l|litres|liters) ?(?:per|\/) ?100 ?km)\b`,
    /**
     * Records picked out when their number reaches a limit of their own (a threshold,
     * spec-words.ts): "reorder alerts", "low stock warnings", "tell me when stock is low",
     * "running low". The words a threshold answers are no goal's (feature-gaps.ts).
     */
    /** A child the records are for (read-request.ts): "for my daughter", "my kids' savings". */
    kidWords: String.raw`\b(?:kids?|child(?:ren)?|sons?|daughters?|toddlers?|teens?|teenagers?|grandkids?|grandchildren|(?:my|our) (?:boy|girl)s?|she|he)\b`,
    /** A budget for one occasion, not for each month (spec-words.ts): "a wedding budget", "a trip budget". */
    occasionBudget: String.raw`\b(?:wedding|trip|travel|vacation|holiday|honeymoon|renovation|remodel|party|birthday|event|project|move|moving|christmas|build)(?: (?!with|and|for|of|a|an|the|my|our)[a-z]+)? budgets?\b|\bbudgets? (?:for|of) (?:my |our |the |a |an )?(?:[a-z]+ )?(?:wedding|trip|vacation|holiday|honeymoon|renovation|remodel|party|event|project|move|christmas)\b`,
    /** A profit or a net asked for (spec-words.ts): "and profit", "my net", "the margin". */
    differenceAsks: String.raw`\b(?:profits?|net(?: (?:income|earnings|amount|gain|result))?(?! (?:worth|weight|wt)\b)|margins?|earnings after (?:fees|costs))\b`,
    /** The names of what came in, for a profit: the most particular first (spec-words.ts). */
    differenceIn: [
      String.raw`^(?:sold price|sale price|selling price|price sold|sold for|sold at|sales price)$`,
      String.raw`^(?:revenue|income|sales|takings|cash out|cashout|payout|winnings|gross)$`,
      String.raw`^(?:price|amount|total)$`,
    ],
    /** The names of what a profit takes off what came in (spec-words.ts). */
    differenceOut: String.raw`^(?:costs?|cost price|unit cost|item cost|purchase price|bought for|buy price|paid|price paid|buy in|buyin|fees?|selling fees|shipping|shipping cost|postage|materials?|materials cost|supplies|expenses?|commission)$`,
    /**
     * Words of a list that name what a balance adds or takes off, or the balance (spec-words.ts):
     * "deposits and withdrawals", "money in and out", "what's left".
     */
    balanceWords: String.raw`^(?:(?:the |my |their |a |an )?(?:money|money (?:in|out|coming in|going out)|in|out|ins|outs|deposits?|withdrawals?|incomes?|expenses?|spending|spent|credits?|debits?|payments? in|payments? out|balances?|running balances?|current balances?|totals? left|what'?s left|what is left|how much (?:is |i have |they have |he has |she has )?left|remaining|money left|amount left|what (?:i|we|she|he|they) (?:spends?|spent|earns?|earned|gets?|got|saves?|saved)|top[- ]?ups?|money (?:collected|received|earned|spent|saved|added|taken out|paid (?:in|out))|collected|received|earnings|earned|saved|savings|added|taken out|contributions?|charges?|payments?|bought|sold|buys?|sells?|used|taken|accrued|remaining days|days (?:used|taken|left|remaining)|hours (?:used|left|remaining)))$`,
    /**
     * A streak asked (spec-words.ts, read-request.ts): "with streaks", "a 30 day streak", "how many
     * days in a row I meditated", "consecutive days".
     */
    streakAsks: String.raw`\bstreaks?\b|\b(?:days|nights|mornings|evenings|weeks) in a row\b|\bconsecutive days\b|\b(?:never|don'?t|not) (?:break|breaking|miss|missing) (?:the |my )?chain\b`,
    /** A warning before things expire asked (spec-words.ts): "warns me before things expire", "expiring soon". */
    expiryWarnAsks: String.raw`\b(?:(?:warn|warns|warning|alert|alerts|remind|reminds|tell|tells|notify|notifies|show|shows|see)(?: me| us)?(?: know)? (?:before|when|what|which) (?:[a-z]+ ){0,3}(?:expires?|expiring|go(?:es)? (?:bad|off)|goes out of date)|expir(?:ing|es|e) soon|about to (?:expire|go (?:bad|off))|expir(?:y|ation) (?:alerts?|warnings?|reminders?|notifications?|countdowns?)|(?:close to|near|nearing) (?:its |their )?(?:expiry|expiration))\b`,
    /**
     * A number's change from one record to the next asked (spec-words.ts): "the change since last
     * week", "how much I've lost", "the difference from my last weigh-in", "miles driven between
     * them". The group names what changed: a weight, a height, a meter's use, a distance driven.
     */
    changeAsks: String.raw`\b(?:(?:the |a |with |shows? |showing |see |track\w* |and )(?:the |my |its |their |any )?changes?(?! (?:of|to|in) (?:clothes|plans?|address|oil|sheets|filters?|batter(?:y|ies)|tires?|tyres?|brakes?)\b)(?= (?:since|from|between|over|each|every|per|week|day|month|on each|in (?:my |the )?[a-z]+)\b|$|[ ,.])|how (?:it|they|my [a-z]+(?: [a-z]+)?) (?:has |have )?changes?d?|how much (?:i'?ve |i have |i |we'?ve |we have |we |they'?ve |they have |they |he'?s |she'?s |he has |she has |he |she |it'?s |it has |it )?(?:(lost|gained|grown|grew|dropped|changed|gone (?:up|down)|went (?:up|down)|put on)|(used)(?! (?:for|to|on|in|by)\b))|(?:lost|gained) or (?:lost|gained)|(?:the )?differences? (?:from|since|between|to|with) (?:the |my |each |a )?(?:last|previous|prior|one before|week before|day before|month before|yesterday|readings?|weigh-?ins?|entr(?:y|ies)|records?|measurements?|them)|(?:my |the )?progress since (?:i |we )?(?:started|began|the start)|(?:the )?total (?:weight )?(?:lost|gained)|(?:lost|gained) (?:so far|overall|in total)|(?:inches|cm) (?:lost|gained)|((?:pounds|lbs|kg|kilos|weight) (?:lost|gained)|weight loss|los(?:e|ing) weight|gain(?:ing)? weight)|(?:miles|km|kilometres|kilometers) (driven(?= between| since| each| per)|(?:i |we )(?:drive|drove)\b)|(usage))\b`,
    lowStockAsks: String.raw`\b(?:reorder (?:alerts?|warnings?|reminders?|points?|levels?|thresholds?|notifications?)|low[- ](?:stock|inventory|supplies)(?: (?:alerts?|warnings?|levels?|reminders?|notifications?|items?))?|(?:alerts?|alerting|warn(?:s|ing)?|tells?|telling|remind(?:s|ing)?|notif(?:y|ies|ying)|flags?|flagging|shows?|showing|lets?)(?: (?:me|us))?(?: know)? when (?:the |my |our )?(?:stock|it|they|something|anything|an item|a product|items|products|supplies|quantity|quantities|inventory)(?: levels?)? (?:is |are |gets? |runs? |goes |go |falls? |drops? )?(?:low|out|below [a-z ]+)|(?:is|are|runs?|running|gets?|getting) low|minimum (?:stock|quantity|levels?)|par levels?)\b`,
    /**
     * What follows "how many times I drink" (read-request.ts): one or two words of what is done,
     * "coffee", "my phone" (its determiner dropped), up to a word that ends it.
     */
    timesDoneObject: String.raw`^ (?:(?:my|our|the|a|an) )?((?!(?:to|at|in|on|up|out|off|with|for)\b)[a-z]+(?: (?!(?:with|and|or|per|each|every|a|an|in|on|at|for|so|to|that|which|when|while|during|this|today)\b)[a-z]+)?)\b`,
    /** The unit of a fuel economy asked (`fuelEconomyAsks`): litres per 100 km, km per litre, or miles per gallon. */
    fuelPerHundred: String.raw`\b(?:l|litres|liters) ?(?:per|\/) ?100 ?km\b`,
    fuelKmPerLitre: String.raw`\b(?:(?:km|kilomet(?:re|er)s) (?:per|a) (?:litre|liter)|kmpl)\b`,
    fuelUsUnits: String.raw`\b(?:mpg|miles?|gallons?|gas)\b`,
    /** A speed worked out from each record's distance and time: "calculate my average speed" (not one entered: "average speed" alone). */
    speedWorkedOut: String.raw`\b(?:calculat\w*|comput\w*|work(?:s|ing)? out|show(?:s|ing)?|display\w*|tell\w*)(?: me| us)?(?: my| our| the| its| their| each)?(?: average)? speeds?\b|\bspeeds? (?:calculated|computed|worked out)\b`,
    /** The units a price or a cost is said per ("cost per kWh", "price per cup"): no grouping by a field of that name (spec-words.ts). */
    perUnitWords: String.raw`^(?:units?|items?|servings?|portions?|cups?|glass(?:es)?|bottles?|kwh|kilowatt hours?|kg|kilos?|lbs?|pounds?|grams?|ounces?|oz|litres?|liters?|gallons?|miles?|km|kilomet(?:re|er)s?|hours?|minutes?|person|people|heads?|pieces?|dozens?|slices?|bars?|packs?|boxes|bags?|sessions?|classes|lessons?|visits?|nights?|rides?|trips?|loads?)$`,
    /** "cost per kWh", "price per serving": an amount divided by a number the records keep (spec-words.ts). */
    costPer: String.raw`\b(costs?|price|spend|spending|spent) (?:per|a|for each) ([a-z]+)\b`,
    /** "a chore chart for my kids": whose each chore is (spec-words.ts; read-request.ts, beyond the task template). */
    /** "the chores of each roommate", "tasks for each team member": each one's person (spec-words.ts). */
    choresOfEach: String.raw`\b(?:(?:chores?|tasks?|jobs?|to ?dos?) (?:of|for) each|each(?= (?:kid|child|son|daughter|roommate|housemate|flatmate|person|team member|member|employee|student) (?:has|gets|does|is given) (?:their own |his own |her own |some |a few )?(?:chores?|tasks?|jobs?)\b)) (kid|child|son|daughter|roommate|housemate|flatmate|person|team member|member|employee|student)\b`,
    choresForPeople: String.raw`\bchores?\b(?: (?:chart|list|tracker|rota|rotation|schedule|board|app))? for (?:my|our|the) (?:[a-z]+ )?(kids|children|sons|daughters|grandkids|roommates|housemates|flatmates|family|team)\b`,
    /** "a habit tracker for flossing and reading": the things on the list (spec-words.ts). */
    habitThingsFor: String.raw`\b(tracker|list|chart|checklist) for ((?:[a-z]{3,}ing(?: water)?|meditation|exercise|yoga|prayer|vitamins)(?:(?: ,)? (?:and |or )?(?:[a-z]{3,}ing(?: water)?|meditation|exercise|yoga|prayer|vitamins))+)(?: (?:every|each) day| daily)?\b`,
    /** "when planted": the day it was done (spec-words.ts). */
    whenDoneOnce: String.raw`\bwhen (planted|bought|built|installed|adopted|started|finished)\b(?! (?:it|them|each|the|my|a)\b)`,
    /** "add a field for cooking time", "a column called format": the field's own words (spec-words.ts). */
    fieldCalled: String.raw`\b(add|adding|with|include) (?:a |an )?(?:new )?(?:field|column) (?:for|called|named) `,
    /** "when they will arrive", "when it expires": the day it does (spec-words.ts). */
    whenItDoes: String.raw`\b(?:(?:and|with) )?when (?:it|they|its|theyre|each(?: one)?) (?:will |should |(?:is |are )?(?:due|supposed|expected) to )?(arrive|ship|expire|renew|return|hatch|open|close|start|end)s?\b`,
    /** "where each one is kept", "where I store them": where it is (spec-words.ts). */
    whereKept: String.raw`\bwhere (?:(?:i|we) (?:keep|store)\b|(?:it|they|each(?: one)?)(?: is| are)? (?:kept|stored)\b)`,
    /** "catalog them with brand, model and year": a list about the records, by the verb that keeps them (spec-words.ts). */
    keepThem: String.raw`\b(?:catalog(?:ue)?|list|track|log|record|keep|organi[sz]e|store|save|sort|file|tag|label|enter|rate) them$`,
    /** One's own words about a record: "my verdict", "my coach's feedback" (spec-words.ts). */
    ownWordsAbout: String.raw`\b(?:[a-z]{3,}(?:tion|ment|ness)|thoughts|opinion|impressions?|reflections?|takeaways?|verdict|prediction|feedback|comments|advice|favou?rite [a-z]+)s?\s*$`,
    /** A field that names whose a record is, or who does it (spec-words.ts). */
    personField: String.raw`^(?:who|turn|kid|child|assignee|owner|person|member|student|son|daughter|roommate|housemate|flatmate)$`,
    /** "whether I know it", "whether I sent a card": a yes or no, and what it is about (spec-words.ts). */
    whetherAsked: String.raw`^whether ((?:i|we|ive|weve) [a-z]+(?: (?:it|them|there|one))?)(?: ([a-z]{3,}))?$`,
    /** "I sent", "we paid": a thing done (spec-words.ts). */
    doneByOne: String.raw`^(?:i|we) (?:[a-z]+ed|sent|paid|made|gave|given|bought|sold|wrote|took|brought|saw|found|heard)$`,
    /** "whether I posted it", "whether I took it": what was done (spec-words.ts). */
    whetherDone: String.raw`^(?:ive|weve) ([a-z]+)|^(?:i|we) ([a-z]{3,}ed|took|ate|wore|saw|gave|wrote|did|sent|paid|bought|sold|made)\b`,
    /** "change the categories to food, rent and fun": the values a choice offers (spec-words.ts). */
    changeValues: String.raw`\b(?:change|set) (?:the )?((?:[a-z]+ )?[a-z]+) (?:options |choices |values )?to ((?:[a-z ]+ , )+[a-z ]+)`,
    /** "a cards view", "switch to cards" (spec-words.ts). */
    cardsAsked: String.raw`\b(cards view|card view|as cards|grid|(?:switch|change|turn)(?: it)? (?:to|into) cards)\b`,
    /** "total by category", "hours per subject": what is grouped, and by what (spec-words.ts). */
    byOrPer: String.raw`\b([a-z]+)\s+(?:by|per)\s+([a-z]+)(?:\s+(type|kind|method|category|status|level|size|style|location|source|group))?\b`,
    /** "language learning" followed by what a log of it keeps (read-request.ts). */
    languageLearningLog: String.raw`^ (?:logs?|trackers?|journals?|diar(?:y|ies)|streaks?|hours|minutes|time|progress)\b`,
    /** "sales" followed by a salesperson's work, not things sold (read-request.ts). */
    salesWork: String.raw`^ (?:tax|calls?|leads?|pipeline|funnel|team|reps?|pitch\w*|quotas?|targets?|goals?)\b`,
    /** One person whose records they are: "my kid's vaccinations" are just the records (read-request.ts). */
    oneOwner: String.raw`^(?:kid|child|son|daughter|teenager|teen|wife|husband|partner|mom|mum|dad)$`,
    /** "who I sent christmas cards to": the cards, each to someone (read-request.ts). */
    whoISentTo: String.raw`\bwho (?:i|we|ive|weve) (?:sent|send|give|gave|given) ((?:[a-z]+ )?[a-z]+) to\b`,
    /** "log what I feed my chickens": each feeding of them (read-request.ts). */
    whatIFeed: String.raw`\bwhat (?:i|we) (?:feed|fed) (my|our) ((?:[a-z]+ (?!(?:each|every|and|with|daily|on|at|in|to|for|so|when)\b)(?=[a-z]))?[a-z]+?)s?\b(?= |$)`,
    /** A verb of a thing done: "I finished", "we won" (read-request.ts). */
    didVerb: String.raw`^(?:[a-z]{3,}ed|did|made|took|got|ate|ran|paid|sold|bought|gave|won|wrote)$`,
    /** Days and nights named by what they are for: "date night", "mental health" (read-request.ts). */
    dayCompounds: String.raw`^(?:(?:date|game|movie|family|trivia|poker) nights?|mental health|screen free|side (?:hustles?|gigs?|jobs?|business(?:es)?))$`,
    /** "an inventory of my tools": what the inventory holds (read-request.ts). */
    inventoryOf: String.raw`\binventory (?:app |tracker |list |system |sheet )?(of|for) (?:all )?(?:my |our |the )?([a-z]+(?: [a-z]+){0,2})`,
    /** The people who work for one: "my employees", "our volunteers" (read-request.ts). */
    /** The help one has at home, paid by the hour (read-request.ts). */
    householdHelp: String.raw`^(?:babysitters?|nann(?:y|ies)|cleaners?|housekeepers?|caregivers?|carers?|au pairs?)$`,
    staffWords: String.raw`\b(employees?|staff|workers|crew|volunteers|babysitters?|nann(?:y|ies)|cleaners?|housekeepers?|caregivers?|carers?|au pairs?|helpers)\b`,
    /** A container of records or an app: "a tracker", "a book" (read-request.ts). */
    containerOrApp: String.raw`\b(?:tracker|log|list|app|book|planner|journal|diary|manager|keeper|board|notes?)\b`,
    /** "the Lego sets I own": one's Lego sets (read-request.ts). */
    thingsIOwn: String.raw`\bthe ((?:[a-z]+ ){0,2}[a-z]+s) (?:i|we) (?:own|collect|have(?= *$| and\b| with\b))\b`,
    /** "people who owe me money", "the people I owe": the money owed (read-request.ts). */
    peopleOwed: String.raw`\b(?:the )?(?:people|friends) (?:who owes? (?:me|us)|(?:i|we) owe)(?: money)?(?: to)?\b`,
    /** "which friends have borrowed my books": the books, each borrowed by someone (read-request.ts). */
    whoBorrowed: String.raw`\b(?:which|what) (?:of (?:my|our|the) )?([a-z]+s) (?:have |has )?borrowed my [a-z]{3,}[^s\W]\b`,
    /** "… and whether it's built or still in the box": a yes or no for each (read-request.ts). */
    andWhetherIt: String.raw`\band whether (?:it|they|its|theyre|each(?: one)?)(?: is| are| was| were| has been| have been)? ([a-z]{3,})(?: or [a-z ]+)?$`,
    /** "my friends and whether I sent a card", "my sleep and how many times I woke up": a field, as after "with" (read-request.ts). */
    andAskedOf: String.raw`\band (whether (?:i|we|ive|weve) [a-z]+(?: (?:a|an|the|them|it|their) [a-z]+| (?:one|it|them) (?:back|again))?|how many times (?:i|we|he|she|they) [a-z]+(?: up| out| over)?|the (?:money|points|hours|minutes) (?:i|we|he|she|they) [a-z]+|(?:one thing|something|a thing) (?:i|we) [a-z]+(?: today)?)$`,
    /** "which of my plants need repotting": each with a yes or no for it (spec-words.ts). */
    whichNeed: String.raw`\b(track|log) which (?:of )?(?:my |our )?([a-z]+s) needs? ([a-z]+ing)\b`,
    /** "how many miles are on each pair": the miles (spec-words.ts). */
    howManyOnEach: String.raw`\bhow many ([a-z]+) (?:are|is) on (?:each|every|it|them)(?: [a-z]+)?`,
    /** "Track each market, …": the verb of a sentence that lists what each record has (spec-words.ts). */
    trackEachVerb: String.raw`^\s*(?:(?:track|log|record|note|save|keep track of) (?=(?:each|every|the|a|an|my|our|all) )|(?:track|log|keep track of) (?=[a-z]))`,
    /** "the value of each item": its value (spec-words.ts). */
    measureOfEach: String.raw`^(value|worth|cost|price|weight|size|age|condition|location) of [a-z]+$`,
    /** "how many packets I have": the number of them (spec-words.ts). */
    howManyIHave: String.raw`^how many ([a-z]{3,})(?: (?:i|we|ive|weve) (?:have|own|got|bought))?$`,
    /** "who it came from": whom a record is from (spec-words.ts). */
    whoFrom: String.raw`^who (?:it|they|this|(?:the )?[a-z]+) (?:came|comes|is|are|was|were) from$`,
    /** "card sent checkbox": a yes or no called Card sent (spec-words.ts). */
    checkboxNamed: String.raw`^([a-z]+(?: [a-z]+)?) (?:checkbox|check box|tick box|toggle|flag|yes or no)$`,
    /** "number of visitors per day": a count of them (spec-words.ts). */
    numberOfPer: String.raw`^number of ([a-z]+(?: [a-z]+)??)(?:(?: per| a| every)? (?:day|week|month))?$`,
    /** Verbs of money paid or owed (spec-words.ts). */
    moneyVerbs: String.raw`^(?:owe|owes|owed|paid|pay|pays|spent|spend|charged|charge)$`,
    /** "how many times I woke up": a count of them each time (spec-words.ts). */
    howManyTimesItem: String.raw`^how many times (?:i|we|he|she|they|it) ([a-z]+(?: up| out| over)?)$`,
    /** "what it was for", "what they were spent on": what a record is for (spec-words.ts). */
    whatItWasFor: String.raw`^what (?:(?:it|they|each) (?:was|were|is|are)|theyre|its) ((?:[a-z]+ )?(?:on|for))$`,
    /** Words of paid work: an hourly rate is pay, not a rating (spec-words.ts). */
    paidWork: String.raw`\b(?:hours?|hourly|invoices?|clients?|paid|pay|wages?|billable|tutor(?:s|ing)?|students?|lessons?|babysitt(?:ing|er)|freelance|gigs?|shifts?)\b`,
    /** "I'd like …", "we would love …": asking, not giving examples (spec-words.ts). */
    askingFor: String.raw`\b(?:i|we|id|wed)(?: would)?(?: also| really)? (?:like|love)\b`,
    /** "my migraine triggers like food, sleep and weather": kinds of something, given as examples (spec-words.ts). */
    kindsOf: String.raw`(?:^| )(?:triggers|causes|types|kinds|methods|styles|flavou?rs|sources)$`,
    /** Words after "by" or "per" that name no field of their own (spec-words.ts). */
    notAFieldName: String.raw`^(?:the|a|an|my|day|week|month|voice|hand|phone|speech|dictation|typing)$`,
    /** What follows a verb's object rather than a noun of the request (read-request.ts). */
    beforeObject: String.raw`^ (?:a|an|the|my|our|your|it|them|me|how|what|where|whether)\b`,
    /** What "score" tracks when it is not a game's: "credit score", "sleep score" (read-request.ts). */
    scoreQualified: String.raw`\b(?:credit|fico|test|exam|sat|act|sleep|health|fitness|golf|bowling)\s$`,
    /** Sales that are events, not a salesperson's: "yard sales", "bake sales" (read-request.ts). */
    salesQualified: String.raw`\b(?:yard|garage|estate|boot|rummage|bake|clearance|flash|black friday)\s$`,
    /** Time one spends, said before "spend" (read-request.ts). */
    timeSpentBefore: String.raw`\b(?:hours?|minutes?|mins?|time|days?|weeks?)\b(?: [a-z]+){0,3}\s+$`,
    /** Things that have miles on them: shoes, bikes and tyres (read-request.ts). */
    leisureTimeBefore: String.raw`\b(?:free|spare|quality|family|leisure|me|play|outdoor|outside|screen free|screen-free|green)\s$`,
    mileageQualified: String.raw`\b(?:shoes?|sneakers?|trainers?|bikes?|bicycles?|tyres?|tires?)\s$`,
    /** "log what she ate": her meals (read-request.ts). */
    whatSheAte: String.raw`\bwhat (?:i|we|she|he|they|my [a-z]+) (?:ate|eat|eats|had)\b`,
    /** "track which dogs I walked": the dogs (read-request.ts). */
    trackWhich: String.raw`\b(track|log|record|keep track of|remember) (?:which|what) `,
    /** Units a count is kept in (read-request.ts). */
    // What one practises or is taught, counted in time: "driving practice hours", "flight training hours".
    practiceWords: String.raw`^(?:practice|practise|training|lessons?|tuition|tutoring|revision|study)$`,
    measureUnits: String.raw`^(?:minutes|hours|laps|miles|kilometres|kilometers|km|pages|reps)$`,
    /** Games played: "our game nights", "matches" (read-request.ts). */
    gamesPlayed: String.raw`\b(?:games?|(?:game|poker|card|trivia) nights?|matches|rounds)\b`,
    /** "what time I go to bed": the sleep log (read-request.ts). */
    whatTimeToBed: String.raw`\bwhat time (?=(?:i|we) (?:go|went|get|got) (?:to bed|to sleep)\b)`,
    /** Stars, stickers and rewards earned: a reward chart (read-request.ts). */
    rewardWords: String.raw`\b(?:stars?|stickers?|rewards?)\b|\bearn\w* (?:\w+ )?points\b`,
    /** "categories (health, learning, work)": a choice and its values (request-analysis.ts). */
    choiceInParens: String.raw`\b(categor(?:y|ies)|types?|kinds?|status|stages?|priorit(?:y|ies)|genres?|moods?|rooms?|levels?|difficulty|sizes?|cuisines?|severity|condition|formats?|platforms?|sources?|methods?|colou?rs?|roasts?|flow|light|sunlight|options|choices) ?\(((?:[a-z][a-z -]*(?:,|/| or | and ) ?)+[a-z][a-z -]*)\)`,
    /** Files put into the app: "with receipts upload", "attach a photo" (feature-gaps.ts, spec-words.ts). */
    uploadAsks: String.raw`\b(?<!\bdownload (?:and |or |\/ ?)?)(?<!\bdownload\/)(?:uploads?|uploading|uploaded|attachments?)\b(?! (?:dates?|on|times?|speeds?|mbps)\b)|\battach (?:a |the |my )?(?:photos?|files?|receipts?|pictures?|images?|documents?|pdfs?)\b`,
    /** Records that would come from a bank: "import from my bank" (feature-gaps.ts). */
    bankAsks: String.raw`\b(?:import\w*|sync\w*|connect\w*|link\w*|pull\w*|download\w*)(?: \w+)? (?:from|to|with) (?:my |the |our )?bank(?: accounts?)?\b|\bbank (?:sync|feeds?|connections?|imports?|integration)\b|\bplaid\b|\bopen banking\b`,
    /** The app's own words in another language: "a habit tracker in French" (feature-gaps.ts). */
    otherLanguageAsks: String.raw`\b(?:in|into) (?:french|spanish|german|italian|portuguese|dutch|swedish|norwegian|danish|finnish|polish|russian|ukrainian|turkish|greek|arabic|hebrew|hindi|chinese|mandarin|japanese|korean|vietnamese|thai|indonesian)\b(?! (?:words|vocab\w*|phrases|verbs|cuisine|food|recipes|dishes|books|films|movies|songs|music))`,
    /** A word before a kind's name that makes it a verb's object: "to", "please" (read-request.ts). */
    verbBeforeKind: String.raw`(?:^|\b(?:to|i|we|you|can|please|and|lets))\s?$`,
    /** What follows "bill" for a bill split: "with tips", "between" (read-request.ts). */
    tipQualified: String.raw`^ (?:with (?:a |the )?tips?|splitt\w*|split|between)\b`,
    /** Makers of things: "generators", "writers", "bots" (read-request.ts). */
    toolMakers: String.raw`^ (?:generators?|makers?|writers?|bots?)\b`,
    /** What follows "donation" for a drive, not a gift: "drives", "boxes" (read-request.ts). */
    donationEvents: String.raw`^ (?:drives?|box|boxes|bins?|campaigns?|events?)\b`,
    /** What follows "running" for a group or gear, not runs (read-request.ts). */
    runningGroups: String.raw`^ (?:club|clubs|shoes?|trainers|team|group|crew|coach)\b`,
    /** What follows "garden" for its plants and harvests (read-request.ts). */
    gardenParts: String.raw`^ (?:cent(?:er|re)s?|shops?|stores?|nurser(?:y|ies)|plants?|flowers?|rooms?|harvests?|yields?|rainfall|rain|temperatures?|soil moisture)\b`,
    /** The same after "vegetable" (read-request.ts). */
    gardenPartsToo: String.raw`^ (?:cent(?:er|re)s?|shops?|stores?|nurser(?:y|ies)|plants?|flowers?|rooms?|harvests?|yields?|rainfall|rain|temperatures?|soil moisture)\b`,
    /** What follows "contact" for a directory (read-request.ts). */
    contactParts: String.raw`^ (?:contacts?|directory|phone|numbers?)\b`,
    /** What follows "gift" for cards and wrapping, not gifts (read-request.ts). */
    giftParts: String.raw`^ (?:cards?|certificates?|vouchers?|shops?|wrap\w*)\b`,
    /** What follows a holiday word for parties and lights (read-request.ts). */
    partyParts: String.raw`^ (?:party|parties|time|towels?|lights?)\b`,
    /** School subjects before "tests" and "quiz" (read-request.ts). */
    mathQualified: String.raw`\b(?:math|maths|algebra|calculus|arithmetic|fractions?)\s$`,
    /** What is donated that is not money: blood, plasma (read-request.ts). */
    bloodQualified: String.raw`\b(?:blood|plasma|platelets?|organ|bone marrow)\s$`,
    /** Words of working out (read-request.ts). */
    workoutWords: String.raw`\b(?:workouts?|exercis\w*|gym|fitness|strength|weight)\b`,
    /** Words of groceries (read-request.ts). */
    groceryWords: String.raw`\b(?:grocer\w*|food|supermarket|aisles?|milk|bread|eggs)\b`,
    /** Words of pets (read-request.ts). */
    petWords: String.raw`\b(?:dogs?|pupp(?:y|ies)|cats?|kittens?|pets?)\b`,
    /** Words of houseplants and watering (read-request.ts). */
    plantWords: String.raw`\b(?:water\w*|houseplants?|plants?|indoor)\b`,
    /** Words of drinking and intake (read-request.ts). */
    drinkWords: String.raw`\b(?:intake|drink\w*|hydrat\w*|glass(?:es)?|cups?)\b`,
    /** Words of timers (read-request.ts). */
    // (A HIIT or a 7-minute workout is a timed routine, unless the request keeps a log of them.)
    timerWords: String.raw`\b(?:timers?|stopwatch(?:es)?|metronomes?|countdowns?|(?<!\b(?:${LOGGED})\b.*)(?:hiit|tabata|emom|(?:7|seven) minute workouts?)(?!.*\b(?:${LOGGED})\b))\b`,
    /** Aches: headaches, backaches (read-request.ts). */
    achesWords: String.raw`(?:head|stomach|back|tooth|ear|tummy)aches$`,
    /** Kinds of game that are records: board games, video games (read-request.ts). */
    gameQualified: String.raw`^(?:board|video|card|dice|tabletop|computer|party)$`,
    /** "how many times my baby kicks": what follows the measure names the records (read-request.ts). */
    howManyOfMy: String.raw`\bhow (?:many|much|often)(?: times)? (?=my |our |the )`,
    /** "every", "each", "all of the" before the records (read-request.ts). */
    everyOneOf: String.raw`^(?:every|each|all(?: of)?(?: the| my)?) (?=[a-z])`,
    /** Words that begin a clause after the records (read-request.ts). */
    clauseStarts: String.raw`^(?:every|each|before|after|during|so|because|over)$`,
    /** Containers of dated records: a log, a journal (read-request.ts). */
    logContainers: String.raw`^(tracker|log|logbook|journal|diary|register|record)$`,
    /** Containers of things kept: a catalog, a collection (read-request.ts). */
    catalogContainers: String.raw`^(catalog|catalogue|collection|library|database)$`,
    /** "my garage inventory": what the inventory holds (read-request.ts). */
    /** A shop named by its wares, whose inventory holds them: "a bookstore inventory" (read-request.ts). */
    shopWares: String.raw`\b(book|garden|plant|wine|record|yarn|toy|shoe|bike|flower|comic|tea|cheese) ?(?:stores?|shops?|cent(?:er|re)s?|nurser(?:y|ies))\b|\b(florist|pharmacy|nursery)\b`,
    /** The verb of a wish: "places I want to visit", "board games to play" (read-request.ts). */
    wishVerb: String.raw`\b(?:want to|wanna|would like to|hope to|plan to|need to|to) (visit|travel|go|see|watch|read|try|learn|buy|make|cook|play|listen)\b`,
    /** What a thing wished for is, ticked off, by the verb in `wishVerb` (read-request.ts). */
    wishDone: {
      visit: 'Visited',
      travel: 'Visited',
      go: 'Been',
      see: 'Seen',
      watch: 'Watched',
      read: 'Read',
      try: 'Tried',
      learn: 'Learned',
      buy: 'Bought',
      make: 'Made',
      cook: 'Made',
      play: 'Played',
      listen: 'Listened to',
    } as Record<string, string>,
    /** A thing done said by another verb: the same yes or no ("seen" of a film is Watched; "been" to a place Visited) (spec-words.ts). */
    sameDone: {
      seen: ['watched'],
      watched: ['seen'],
      been: ['visited'],
      visited: ['been'],
      finished: ['read', 'done', 'completed'],
      completed: ['done', 'finished'],
    } as Record<string, readonly string[]>,
    /** What a place things are kept in holds, by its name: "a spice rack inventory" (read-request.ts). */
    containerContents: {
      'spice rack': 'spices',
      'spice cabinet': 'spices',
      'spice drawer': 'spices',
      bookshelf: 'books',
      bookshelves: 'books',
      'book shelf': 'books',
      'book shelves': 'books',
      bookcase: 'books',
      closet: 'clothes',
      wardrobe: 'clothes',
      toolbox: 'tools',
      'tool box': 'tools',
      'tool chest': 'tools',
      'tool shed': 'tools',
      'shoe rack': 'shoes',
      'jewelry box': 'jewelry',
      'jewellery box': 'jewellery',
      'makeup bag': 'makeup',
    } as Record<string, string>,
    /** What a shop of each kind in `shopWares` holds, by the word that names it (read-request.ts). */
    shopWaresHeld: {
      book: 'books',
      garden: 'plants',
      plant: 'plants',
      nursery: 'plants',
      wine: 'wines',
      record: 'records',
      yarn: 'yarns',
      toy: 'toys',
      shoe: 'shoes',
      bike: 'bikes',
      flower: 'flowers',
      florist: 'flowers',
      comic: 'comics',
      tea: 'teas',
      cheese: 'cheeses',
      pharmacy: 'medicines',
    } as Record<string, string>,
    namedInventory: String.raw`\b(?:my|our|the|an?) ([a-z]+(?: [a-z]+)?) inventory\b`,
    /** Kinds of calculator the arithmetic one is not (read-request.ts). */
    calculatorKinds: String.raw`^(scientific|graphing|programmer|programming|engineering)$`,
    /** Generators and randomizers, not a list's (read-request.ts). */
    generatorWords: String.raw`\b(?:(?<!\blists? )generators?|randomi[sz]ers?|(?:random|movie|dinner|lunch|meal|restaurant|game|book|name|chore|winner|night) pickers?|random (?:picks?|choices?)|picks? (?:one|something)|(?:pick|choose|draw)s? (?:one |something )?at random)\b`,
    /** Sign-up sheets and potlucks (read-request.ts). */
    signUpWords: String.raw`\bsign ?ups?(?: sheets?| lists?)?\b|\bpotluck\b`,
    /** Alarms: a clock that rings (read-request.ts). */
    alarmWords: String.raw`\b(?:alarm|alarms|alarm clock|ring at|wake me)\b`,
    /** Text tools of a drawing app (read-request.ts). */
    textToolWords: String.raw`\b(?:text tool|add text|typing text|text boxes?)\b`,
    /** Snake that wraps round the walls (read-request.ts). */
    wrapWords: String.raw`\b(?:wrap\w*|no walls|without walls|through the walls?)\b`,
    /** Who won: winners, game nights (read-request.ts). */
    gamesWon: String.raw`\b(?:who (?:wins|won)|winners?|game nights?)\b`,
    /** "which students have turned in": the students with whether they did (read-request.ts). */
    whichHaveDone: String.raw`\b(which [a-z]+s) (?:have|has) (?=[a-z]{3,}ed\b)`,
    /** "to list my camping trips": the trips (read-request.ts). */
    listMyThings: String.raw`\b(?<=(?:to|can|i|and) )list (?=(?:my|our) )`,
    /** "how often I go to the gym": each time I do (read-request.ts). */
    howOftenI: String.raw`\bhow often (?=(?:i|we|my [a-z]+|our [a-z]+) [a-z])`,
    /** "plants I propagated": the propagation log (read-request.ts). */
    plantsIPropagated: String.raw`\bplants (?:i|ive|we|weve) (?:propagated|propagate)\b`,
    /** Quizzes and lessons a deck of flashcards is not (read-request.ts). */
    quizKinds: String.raw`^(?:quiz|trivia|duolingo|language learning|point of sale)$`,
    /** The winner, said in a games-won request (read-request.ts). */
    winnerWords: String.raw`\b(?:(?:the )?winners?|who (?:won|wins))\b`,
    /** "water intake", "alcohol units": the measure after the drink (read-request.ts). */
    measureTail: String.raw` (?:intake|consumption|units|amount|level)s?$`,
    /** Words that end the name of a game asked for (read-request.ts). */
    gameHeadEnd: String.raw`\b(?:for|during|at|in|to|that|which|with)\b`,
    /** "receipts upload": the receipts (a note says what an upload is here) (spec-words.ts). */
    uploadWords: String.raw`\b(?<!\bdownload (?:and |or |\/ ?)?)(?<!\bdownload\/)(?:uploads?|uploaded|attachments?)\b(?! (?:dates?|on|times?|speeds?|mbps)\b)`,
    /** "whether dogs are allowed": dogs allowed (spec-words.ts). */
    whetherTheyAre: String.raw`\bwhether ([a-z]{3,}) (?:are|is) ([a-z]+ed)\b`,
    /** Words of a habit's own fields, not habits (spec-words.ts). */
    habitFieldWords: String.raw`\b(?:names?|dates?|notes?|streaks?|categor(?:y|ies)|goals?)\b`,
    /** "how long it took": its duration (spec-words.ts). */
    howLongItem: String.raw`^how long(?: (?:it|they|each|he|she|took|lasted)\b|$)`,
    /** "who gets each batch": whom it is for (spec-words.ts). */
    whoGetsItem: String.raw`^who (?:gets|receives|got|received)(?: [a-z]+)?$`,
    /** Fields that already name a person (spec-words.ts). */
    personFieldIds: String.raw`^(?:person|who|member|player|child|kid|host|winner)$`,
    /** Fields that already name a person or the record (spec-words.ts). */
    personOrNameIds: String.raw`^(?:person|who|name|member|player|child|kid|owner)$`,
    /** Fields that already say what a record is for (spec-words.ts). */
    purposeIds: String.raw`^(?:description|what|item|purpose|reason|for|spentOn)$`,
    /** The values end with the one after "or" or "and" (spec-words.ts). */
    lastValue: String.raw`^(.*?\b(?:and|or) [a-z]+(?: [a-z]+)?)\b.*$`,
    /** "a board by status": the field a board groups by (spec-words.ts). */
    boardBy: String.raw`\b(?:board|kanban|columns?)\s+(?:by|for|of)\s+([a-z]+)`,
    /** A detail view asked for (spec-words.ts). */
    detailAsked: String.raw`\b(detail view|details? page|detail page)\b`,
    /** A total asked for (spec-words.ts). */
    totalAsked: String.raw`\b(total|totals|sum|how much(?! (?:i|we|you|she|he|they) (?:liked?|loved?|enjoyed?|rated?)\b)|add up|adds up)\b`,
    /** Words of a period, not a field to group by (spec-words.ts). */
    periodWords: String.raw`^(?:the|day|week|month|year|quarter|each|every)$`,
    /** "filter by genre": the field to filter by (spec-words.ts). */
    filterBy: String.raw`\bfilter(?:ed|ing)?\s+(?:them\s+|it\s+)?by\s+([a-z]+)`,
    /** Tags and labels asked for (spec-words.ts). */
    tagWords: String.raw`\b(tag|tags|tagged|tagging|label|labels)\b`,
    /** Due dates and reminders asked for (spec-words.ts). */
    dueWords: String.raw`\b(due today|(?<!\b(?:balance|amount|money) )due|overdue|deadlines?|reminders?)\b`,
    /** Cards that flip (spec-words.ts). */
    flipWords: String.raw`\b(flip|flips|flipping|reveal|flashcards?)\b`,
    /** Dark mode asked for (spec-words.ts). */
    darkWords: String.raw`\b(dark mode|dark theme|night mode|darkmode|dark)\b`,
    /** What an app does, said in a list of the things it keeps (spec-words.ts). */
    /** Ticking records off, with how often: "check them off day" (spec-words.ts). */
    checkOffWhen: String.raw`^(?:check|tick|mark|cross)(?:ed)? (?:(?:them|it|each(?: one)?|[a-z]+) )?off\b`,
    appDoesWords: String.raw`\b(?:mark(?:s|ed|ing)?|streaks?|check(?:ed)? off|tick(?:ed)? off|reminders?|charts?|search|filter(?:ed|ing)? by|filtering|sort(?:ed|ing)? by|export\w*|dark mode)\b`,
    /** "a step counter", "a step counter log": the counter, and the kind of record after it (read-request.ts). */
    stepCounterKind: String.raw`\bstep counters?( (?:log|journal|diary|record|tracker|sheet)s?\b)?`,
    /** "log in my hours": log my hours, no sign-in (read-request.ts). */
    logInMy: String.raw`(?<=\b(?:to|can|i|we|and|please|will) )log in (?=(?:my|our) )`,
    /** "the books I lend": things lent (read-request.ts). */
    thingsILend: String.raw`\b(?:the |my )?[a-z]+s (?:i|we) (?:lend|lent|loan|loaned)\b`,
    /** "where I can attach receipts": with a receipt (spec-words.ts). */
    attachWhere: String.raw`\b(?:where|so|and) (?:i|we) can attach (?:a |the |my )?`,
    /** "and mark it paid": whether paid (spec-words.ts). */
    markDone: String.raw`\b(?:and )?mark (?:it |them |each(?: one)? )?(?:as )?([a-z]{3,}ed|paid|sold)\b`,
    /** "paid with" at a list end: how it was paid (spec-words.ts). */
    paidWith: String.raw`\bpaid (?:with|using)(?= *(?:,|$|\band\b))`,
    /** "goals she scored": the goals scored (spec-words.ts). */
    goalsSheScored: String.raw`\b(goals?|points|tries|runs|baskets) (?:she|he|they|i|we|you) scored$`,
    /** A yes or no asked for by the word for its kind: "a checkbox", "a toggle" (spec-words.ts). */
    booleanAsked: String.raw`^(?:check ?box|tick ?box|yes or no|yes no|boolean|toggle)$`,
    /** Money asked for by the word for its kind: "currency", "an amount of money" (spec-words.ts). */
    moneyAsked: String.raw`^(?:money|amount of money|currency|price)$`,
    /** "I volunteer at a shelter and want to track the animals": records other than one's own hours (read-request.ts). */
    trackTheAll: String.raw` (?:track|log|record|list) (?:the|all the|our|its|their) (?!hours?\b|shifts?\b|times?\b|days?\b)[a-z]+s\b`,
    /** An inventory's last word that only measures its things ("stock levels"), naming none (read-request.ts). */
    measureOnlyIds: String.raw`^(?:levels?|counts?|amounts?|quantit(?:y|ies))$`,
    /** "certificate earned": whether certified (spec-words.ts). */
    certificateEarned: String.raw`\bcertificates? (?:earned|received)\b`,
    /** "eggs laid per week": the eggs laid, whatever the period (spec-words.ts). */
    measurePerPeriod: String.raw`^([a-z]+ [a-z]+) per (?:week|month|year)$`,
    /** "whether I got one back": the word after the thing done (spec-words.ts). */
    backParticle: String.raw`^(?:back|up|out|off|over|home|again)$`,
    /** "how they are related (to me)": their relation (spec-words.ts). */
    howRelated: String.raw`\bhow (?:they|he|she|we|you) (?:are|is) related(?: to (?:me|us|each other))?`,
    /** "what was happening": said as asked (spec-words.ts). */
    whatWasHappening: String.raw`^what (?:was|is) (?:happening|going on)$`,
    /** "what I planted", "what she played": said as asked (spec-words.ts). */
    whatOneDid: String.raw`^what (?:(i|we|he|she|they) )?([a-z]+(?: about)?)$`,
    /** a money word at the end of a phrase (read-request.ts). */
    moneyWordEnd: String.raw`(?:^| )(?:costs?|prices?|value|worth)$`,
    /** "how much I drink": my drinks (read-request.ts). */
    howMuchIDrink: String.raw`\bhow (?:much|many) (?:i|we) drink\b`,
    /** a field that is an amount of money (read-request.ts). */
    moneyIds: String.raw`^(?:price|value|worth|rate|balance)$`,
    madeListAsks: String.raw`\b(?:generated?|generates|created|derived|filled in|populated) (?:automatically )?from (?:the |my |our |your |its |their )?[a-z]+|\bauto(?:matically)?[- ]?(?:generat|fill|creat|populat)\w*`,
    scalingAsks: String.raw`\bscal(?:e|es|er|ers|ing) (?:a |the |my )?(?:recipes?|servings?|portions?)\b|\brecipe scal\w*|\b(?:double|halve|triple) (?:a |the )?recipes?\b|\b(?:adjust|change) (?:the )?servings\b`,
    marketPriceAsks: String.raw`\b(?:stock|investment|shares?) portfolios?\b|\bstocks\b|\bstock market\b|\bstock tracker\b(?! for (?:my |our |the )?(?:shop|store|warehouse|business|bakery|cafe|restaurant|bar|salon|kitchen|pantry|stall)\b)|\binvestments?\b(?! propert(?:y|ies)\b)|\bdividends?\b|\bcrypto(?:currency|currencies)?\b|\bbitcoins?\b|\bethereum\b`,
    stockNotShares: String.raw`\b(?:food|freezer|fridge|pantry|kitchen|grocer\w*|suppl\w*|warehouse|shop|store|inventory|firewood|wood|soup|cellar) stocks\b|\bstocks (?:of|in) `,
    spellCheckAsks: String.raw`\bspell(?:ing)?[- ]?check\w*|\bcheck(?:s|ing)? (?:my |the )?(?:spelling|grammar)\b|\bgrammar (?:check\w*|corrections?)\b|\bautocorrect\w*`,
    taskListBesideTimerAsks: String.raw`\btimer\b[^.;]{0,30}\b(?:with|and|plus|including)\b[^.;]{0,12}\b(?:tasks?|to-?dos?|to do)(?: ?lists?)?\b`,
    teamSplitAsks: String.raw`\b(?:team generators?|random teams|(?:split|divide|sort) (?:\w+ )?into (?:\w+ )?teams|make (?:random |fair )?teams)\b`,
    quizAsks: String.raw`\b(?:times tables?|multiplication (?:tables?|practice|quiz\w*|drills?)|math(?:s)? (?:practice|drills?|quiz\w*)|spelling (?:tests?|practice|quiz\w*))\b`,
    lessonAsks: String.raw`\blanguage (?:learning|lessons?|courses?|tutor)\b|\blearn(?:ing)? (?:a |another |new )*languages?\b|\bduolingo\b(?![- ]?(?:style|like|inspired)\b)`,
    systemSoftwareAsked: String.raw`\b(operating systems?|os kernel|kernel|device drivers?|bootloader|firmware|compiler for|hypervisor)\b`,
    multiplayerAsked: String.raw`\b(multiplayer|multi player|online game|play online|play (with|against) (my )?(friends|others|other people|people)|mmo\w*|matchmaking)\b`,
    messagingAsked: String.raw`\b(chat app|chat with|chatroom|chat room|messaging|messenger|instant messages?|video calls?|video chat|voice calls?)\b`,
    aiModelAsked: String.raw`\b(chatbot|chat bot|ai assistant|machine learning|neural network|train a model|gpt|llm|artificial intelligence)\b`,
    nativeAppAsked: String.raw`\b(ios|iphone app|ipad app|android|native app|mobile app|desktop app|windows app|mac app|macos app|app store|play store|apple watch|smartwatch)\b`,
    otherLanguageAsked: String.raw`\b(in|using|with|written in) (python|java|c\+\+|c#|rust|golang|go|php|ruby|swift|kotlin|django|flask|rails|spring)\b`,
    serverAsked: String.raw`\b(backend|back end|server[- ]side|api server|rest api|databases?(?! (?:of|for) (?:my|our|all|the)\b)|sql|postgres\w*|mysql|mongo\w*|firebase)\b`,
    /** A lock on the app itself: "a journal with a lock", "a diary with a pin code" (a limit). */
    appLockAsked: String.raw`\b(?:(?:with|and|plus|behind|needs?|has|having|under) (?:a |an )?(?:pin(?: code| lock| number)?|passcode(?: lock)?|pass code|(?:screen |app |password |passcode )?lock(?: screen)?|face id|fingerprint(?: lock)?)(?! (?:box|boxes|combinations?|codes? for)\b)|lockable|password[- ]protect\w*|pin[- ]protect\w*|locked with a \w+)\b`,
    signInAsked: String.raw`\b(login|log in(?= (?:to|with|using|page|screen|form|button|system|feature|details)\b)|(?<=\b(?:can|to|i|we|they|users?|people|members?|you|must|should|and|or|will|then|me|them|everyone|anyone|customers|clients|staff|employees|owners?|admins?|parents|kids|students|players|guests|visitors) )log in(?! (?:my|our|a|an|each|every|all|the(?! app))\b)|sign ?in(?! (?:sheets?|logs?|books?|lists?|times?|(?:and|or) (?:sign ?)?out)\b)|sign ?up(?! (?:sheets?|lists?|sheet app))|user accounts?|(?<!\b(?:bank|savings|checking|current|credit card|investment|brokerage|retirement|pension|loan|utility|customer|client|business|joint) )(?<!\b(?:net worth|finances?|financial|balances?)\b.{0,60})accounts(?!,? (?:and|with) (?:their |the )?balances?\b)|passwords?(?! (generator|strength|checker|ideas?)s?\b)|authentication)\b`,
    notificationsAsked: String.raw`\b(e-?mails? (me|them|reminders?|notifications?)|send e-?mails?|sms|text messages?|push notifications?|notifications?|notify me|remind(?:s)? me|reminders?)\b`,
    sharingAsked: String.raw`\b(sync\w*|share (it |them )?with|shared( with)?|sharing|everyone can see|collaborat\w*|real[- ]?time|my (family|team|friends) can|other users|across (my )?devices|(?:i|we) can share|(?:we|they) (?:all can|can all) (?:use|see|edit|add|update)|(?:both|all) of us can (?:use|see|edit|add|update)|(?:my|our) (?:wife|husband|partner|spouse|roommates?|housemates?|flatmates?|coworkers|colleagues) (?:can|could) (?:also )?(?:see|edit|add to|update|access|view)|(?:my|our|the) (?:students|pupils|clients|customers|members|employees|staff|players|parents) (?:can|could) (?:submit|send|upload|hand in|turn in))\b`,
    serviceCopyAsked: `\\b(?:reddit|youtube|tiktok|uber|lyft|airbnb|facebook|slack|discord|whatsapp|snapchat|tinder|bumble|github|ebay|zoom|doordash)\\b(?= (?:clone|copy|for|like|style)\\b|$)|${copyOf('instagram|twitter|linkedin|pinterest|telegram|hinge|etsy|amazon')}`,
    streamingCopyAsked: copyOf('spotify|netflix|twitch|hulu|disney plus|apple music|soundcloud|prime video'),
    blogAsked: String.raw`\b(blogs?|blog posts?|blogging)\b`,
    socialAsked: String.raw`\b(?:social (?:network(?:ing)?|media (?:apps?|sites?|platforms?|networks?))|forums?|message boards?|discussion boards?|online communit(?:y|ies))\b`,
    /** What a static web app cannot do (request-limits.ts), in order: [pattern, need, core, what to build instead]. */
    // The reader's two longest refusals: a request that names no app it knows, and a game it has
    // not ({excerpt}: the request's opening words).
    notUnderstood:
      'The offline architect could not find an app it knows how to build in "{excerpt}". It builds trackers, logs, lists, catalogs and planners (say what they hold: "a tracker for my plants with a watering date"), games (tic-tac-toe, memory, hangman, snake, 2048, rock-paper-scissors, a five-letter word game like Wordle, sudoku, flashcards, score keeping), calculators, color pickers, typing tests, world clocks, sketch pads, JSON formatters and encoders, unit converters, timers, dice rollers and random pickers (numbers, coins, passwords), word counters, notes, task lists, kanban boards, feeds and one-page websites.',
    // A request in another language none of whose words named an app ({language}, {sorry}).
    otherLanguage:
      'The request looks like {language}, and the offline architect reads only a few {language} words; none of them named an app it can build. {sorry} (In English, for example: "a habit tracker with streaks" or "a calculator".)',
    noGame:
      'The offline architect has no game it can build for "{excerpt}": its games are tic-tac-toe, a memory game, hangman, snake, 2048, rock-paper-scissors, a five-letter word game like Wordle, sudoku, flashcard quizzes and score keepers. It can build instead: tic-tac-toe, a memory game, hangman, snake, 2048, rock-paper-scissors, a word game, sudoku, a flashcard game, a score keeper or a dice roller.',
    requestLimits: [
      [
        'systemSoftwareAsked',
        'an operating system or other system software, which runs on the machine itself, not in a web page',
        true,
        'a notes app to plan it, or a checklist of its parts',
      ],
      [
        'multiplayerAsked',
        'playing with other people over the network, which needs a server',
        true,
        'a score keeper for games played together in the room, or a flashcard game',
      ],
      [
        'messagingAsked',
        'messages between people over the network, which needs a server',
        true,
        'a notes app or an address book kept in this browser',
      ],
      [
        'customerBookingAsked',
        'customers booking for themselves from their own devices, which needs a server to take the bookings',
        false,
        '',
      ],
      [
        'visitorCountAsked',
        "counting visits from other people's browsers, which needs a server",
        true,
        'a tally counter you click yourself, or a one-page website',
      ],
      [
        'pollsAsked',
        'collecting votes or answers from many people, which needs a server',
        true,
        'a score keeper to tally votes counted in the room, or a random picker',
      ],
      [
        'onlineStoreAsked',
        'selling online, with orders and payments, which needs a server and a payment provider',
        true,
        'a product catalog or an inventory kept in this browser, or a one-page website for the shop',
      ],
      ['aiModelAsked', 'an AI model, which a dependency-free static page cannot run', true, 'a flashcard game or a notes app'],
      ['blockchainAsked', 'a blockchain, which needs a network of servers', true, 'an expense tracker kept in this browser'],
      [
        'serviceCopyAsked',
        'what such a service does for many people (their accounts, posts, messages or bookings, and a server to hold them)',
        true,
        'a feed, a notes app or a list kept in this browser',
      ],
      [
        'streamingCopyAsked',
        'streaming music or video from a catalogue, which needs a server and the rights to what it plays',
        true,
        'a watchlist or a list of songs kept in this browser',
      ],
      ['videoAsked', 'storing and streaming video, which needs a server', true, 'a watchlist of videos to watch'],
      [
        'nativeAppAsked',
        'a native phone, watch or desktop app (Gantry builds web apps that also work in a phone browser)',
        false,
        '',
      ],
      ['otherLanguageAsked', 'another programming language (Gantry builds HTML, CSS and JavaScript)', false, ''],
      ['serverAsked', 'a server or database (the app keeps its data in this browser)', false, ''],
      [
        'passwordsAsked',
        "keeping passwords safe, which needs encryption and a vault a web page's own storage is not (anyone at this browser could read them)",
        true,
        'a notes app or an address book kept in this browser',
      ],
      ['signInAsked', 'user accounts and sign-in', false, ''],
      [
        'appLockAsked',
        "a lock, PIN or passcode on the app (it opens for anyone at this browser; a web page's own storage cannot be locked)",
        false,
        '',
      ],
      ['blogAsked', 'publishing posts for other people to read (the posts stay in this browser)', false, ''],
      [
        'socialAsked',
        'other people reading and answering the posts, which needs a server (the posts stay in this browser)',
        false,
        'a social feed or a notes app kept in this browser',
      ],
      // (Said so in read-request.ts, which keeps payments as money the records have unless sellingWords say they are taken.)
      ['paymentsAsked', 'taking payments', false, ''],
      ['notificationsAsked', 'sending e-mail, text messages or push notifications', false, ''],
      ['sharingAsked', 'sharing between devices or people (the data stays in this browser)', false, ''],
      ['deviceFeatures', 'native device features (camera, location, sensors)', false, ''],
      ['liveData', 'live data from the internet (the app has no server to fetch it)', false, ''],
    ] as ReadonlyArray<readonly [pattern: string, need: string, core: boolean, instead: string]>,
    /** Selling to others: payments asked are taken, not kept (read-request.ts). */
    sellingWords: String.raw`\b(?:marketplaces?|shops?|sell|selling|sales|buyers|checkout|e-?commerce)\b`,
    /** Words that name no records in a request's noun (read-request.ts, NOUN_STOP). */
    nounStop:
      'a an the my our your of for to app application web simple small little tiny basic nice personal daily weekly ' +
      'todo task tasks my own all every some new good quick build make create want need please i me can that which ' +
      'with and or where keep track see it them this is be what how much many when who something anything everything stuff ' +
      'would like love d needed information info details progress journey help',
    /** Words that end a noun phrase (read-request.ts, CLAUSE_WORDS). */
    clauseWords:
      'with that which where who including grouped sorted sortable by per and or in on at to from when while toward towards until across as i we they im ive weve youre theyre whether',
    /** Words before "calculator" that ask only for the arithmetic one (read-request.ts, PLAIN_CALCULATOR). */
    plainCalculator:
      'a an the my our your me simple basic small little tiny nice clean minimal minimalist pocket desk desktop online ' +
      'web math maths arithmetic everyday standard regular normal quick easy good cool dark light mode themed retro ' +
      'modern big classic style ios iphone android mobile beautiful pretty handy plain build make create want need am i',
    /** What a kind template or a compiled app does instead of a part asked for (read-request.ts). */
    readingNotes: {
      invoice: 'a printable invoice with line items (the app keeps each invoice as one record with its amount)',
      drawOne: 'drawing one at random (the app keeps the records you add and lists them)',
      signUps: 'people signing up from their own devices (the sheet is filled in at this browser, and stays there)',
      guestBook: 'visitors signing it from their own devices (entries stay in the browser they were written in)',
      formSends: 'sending what a visitor fills in to you (the app has no server: entries stay in the browser they were made in)',
      timerAlarm: 'an alarm at a time of day (the timer counts down minutes, and a stopwatch counts up)',
      clockAlarm: 'an alarm (the clock shows the time; it rings no alarm)',
      clockFace: 'an analog face with hands (the times are shown in digits)',
      drawingPad: '(the pad draws freehand strokes with a pen and an eraser)',
      devtools: '(the tools are JSON, Base64, URL encoding and SHA digests)',
      fromPantry:
        'suggesting what to cook from the ingredients you have (the app keeps your recipes and finds them by an ingredient you search for)',
      turnsByHand: 'turns that pass to the next person by themselves (each chore shows whose turn it is, and you change it)',
      whoOwesWhom: 'working out who owes whom (each expense keeps who paid it)',
      pageWords: 'your own words and pictures (the page has its sections, with placeholder words for you to replace)',
      notStatic:
        'Gantry builds static web apps that run in the browser and keep their data there, so it cannot build this: it needs',
      filterKinds: '(a filter picks among a choice, tags or a yes or no; a number, an amount or a date can be sorted by)',
    },
    /** The parts a request asks for that the app lacks (feature-gaps.ts), each with what the app does instead. */
    gapNeeds: {
      charts:
        'charts and graphs (the app shows its records in lists, tables, cards, boards or calendars, with totals and counts)',
      filesJson: 'CSV, Excel or PDF files (the app exports and imports its records as a JSON file instead)',
      filesNone: 'CSV, Excel or PDF files (the app writes no files)',
      spacedRepetition: 'spaced repetition (the cards flip and can be filtered, but are not scheduled for review)',
      drag: 'drag and drop (nothing in the app moves by dragging)',
      boardColumns:
        'columns of your own from the start (the board starts with To do, Doing and Done; add, rename or delete lists)',
      periodTotals:
        'totals or statistics per week, month or year (its totals of a number or an amount cover all the records shown, each value of a field, or each day, week, month or year of their date)',
      averagesKind: 'averages (the app sums and counts its records)',
      averagesSpec: 'averages (the records have no number, amount or rating to average)',
      timeline: 'a week, hour or timeline view (a calendar lists the records by month and day)',
      medians: 'medians (the app sums, counts and averages its records)',
      repeating: 'records that repeat on a schedule (each record is entered once)',
      nested: 'records inside records, such as subtasks (each record stands on its own)',
      progressBars: 'progress bars (the app shows counts and totals)',
      sound: 'sounds, voice and audio (the app is silent)',
      split: 'working out who owes whom (the app adds the amounts up; it does not split them)',
      goal: 'a goal or a limit and the progress towards it (the app shows totals; a goal with its number on what the records keep, such as "a daily goal of 8 glasses", would show how far they have got)',
      personalBest:
        'best results such as personal records (the app sums and counts its records; it does not pick out the best one)',
      derived:
        'fields worked out from other fields, such as a pace from the distance and the time (you enter each value yourself; the app adds up totals)',
      madeList: 'a list built from other records, such as a shopping list from the recipes (you enter each record yourself)',
      scaling: 'scaling a recipe to more or fewer servings (each recipe keeps the amounts written in it)',
      writingPrompts: 'writing prompts or questions the app asks each day (each entry is written freely)',
      giftDraw:
        'drawing who gives to whom (the app keeps each person, whom they give to, their wishes and the gift; you make the draw)',
      carrierTracking:
        "the carrier's live tracking (the app keeps each tracking number and the status you set; it asks no carrier)",
      marketPrices: 'current market prices and gains (the app keeps what you paid; it fetches no prices)',
      map: 'a map (the app keeps the places as a list; it draws no map)',
      predictions:
        'predictions, such as the next date from the past ones (the app keeps the dates you enter; it works out none ahead)',
      familyTree: 'a drawn tree (the app keeps each relative as a record, with how they are related and their parents)',
      timeZones: 'time zones (times are kept as entered; a world clock converts between zones)',
      wiki: 'pages that link to each other and that other people edit (each note stands alone, in this browser)',
      spelling: 'checking spelling or grammar (the app has no dictionary)',
      favourites: 'favourites (nothing in the app can be marked as a favourite)',
      taskListTimer: 'a task list beside the timer (the timer counts down focus and break phases)',
      markdown: 'markdown or rich text formatting (the text is shown as written)',
      upload: "uploading files or photos (a photo field keeps the picture's web address)",
      bank: 'connecting to a bank (you enter each record, or import a file the app exported)',
      language: "words in another language (the app's own words are English; what you enter stays as you write it)",
      repayment: 'a payment-by-payment schedule (the calculator works out the monthly payment, the total paid and the interest)',
      magic8: "the magic 8-ball's own answers (the picker draws from a list you write)",
      teams: 'splitting names into teams (the picker draws one name from a list at a time)',
      quiz: 'questions made up and answers marked for you (you write each card, and the game flips them)',
      formPage:
        'a form that sends what visitors fill in (the page has no server to receive it; visitors get in touch by its e-mail link)',
      formApp: 'a form that sends what visitors fill in (the app has no server to receive it)',
      lessons: 'lessons, exercises and grading (the app is a deck of flashcards you write yourself)',
    },
  };
}
