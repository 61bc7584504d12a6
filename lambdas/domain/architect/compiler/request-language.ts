/**
 * Requests in other languages: the offline architect recognises a few European languages by their
 * small words and reads their everyday app words ("una calculadora", "mes habitudes avec mode
 * sombre"). What it cannot read it says so plainly instead of guessing.
 */

export interface LanguageInfo {
  readonly code: 'es' | 'fr' | 'de' | 'pt' | 'it';
  readonly name: string;
  /** A short sentence in the language: "I only understand a few words of Spanish". */
  readonly sorry: string;
  readonly markers: readonly string[];
  /** Phrases (normalised, no accents) and their English reading; longer phrases first. */
  readonly words: ReadonlyArray<readonly [string, string]>;
}

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

/** English words that rule a request in as English even when it shares small words with others. */
const ENGLISH_MARKERS = new Set([
  'a',
  'an',
  'the',
  'with',
  'for',
  'my',
  'i',
  'where',
  'and',
  'to',
  'that',
  'build',
  'make',
  'want',
  'app',
  'of',
  'me',
  'can',
]);

export interface LanguageReading {
  /** The request's language when it is not English, else null. */
  readonly language: LanguageInfo | null;
  /** The request with the words this module knows put into English. */
  readonly text: string;
  /** Whether at least one app word was read. */
  readonly understood: boolean;
  /** The words read, as "calculadora → calculator". */
  readonly read: readonly string[];
}

/** Detects a non-English request and puts its known app words into English; `text` is normalised. */
export function readLanguage(text: string): LanguageReading {
  const words = text.split(' ').filter(Boolean);
  const english = words.filter((w) => ENGLISH_MARKERS.has(w)).length;
  let best: { lang: LanguageInfo; hits: number } | null = null;
  for (const lang of LANGUAGES) {
    const markerHits = words.filter((w) => lang.markers.includes(w)).length;
    const wordHits = lang.words.filter(([phrase]) => ` ${text} `.includes(` ${phrase} `)).length;
    const hits = markerHits + wordHits * 2;
    if (hits > english && hits >= 2 && (best === null || hits > best.hits)) best = { lang, hits };
  }
  if (!best) return { language: null, text, understood: false, read: [] };
  let translated = ` ${text} `;
  const read: string[] = [];
  for (const [phrase, english] of best.lang.words) {
    if (translated.includes(` ${phrase} `)) {
      translated = translated.split(` ${phrase} `).join(` ${english} `);
      read.push(`${phrase} → ${english}`);
    }
  }
  return { language: best.lang, text: translated.trim(), understood: read.length > 0, read };
}
