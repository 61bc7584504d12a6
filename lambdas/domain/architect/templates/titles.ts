/**
 * What the title of a randomizer or a one-page site is, read from the request: apart from the
 * templates that render them, so a function that only reads requests (the Siri endpoint, the
 * consultation) does not carry the templates' files.
 */

/** The tools of the randomizer, in their usual order on the page. */
export const RANDOM_TOOLS = ['dice', 'coin', 'number', 'pick', 'password'] as const;
export type RandomTool = (typeof RANDOM_TOOLS)[number];

const TOOL_WORDS: ReadonlyArray<readonly [RandomTool, RegExp, string]> = [
  ['password', /\bpasswords?\b|\bpassphrases?\b/, 'Password Generator'],
  ['coin', /\bcoins?\b/, 'Coin Flip'],
  ['number', /\b(random numbers?|number generators?|lottery|lotto|raffle)\b/, 'Random Number Generator'],
  ['dice', /\b(dice|die roller|d20|d6|roll a die|rolls? dice)\b/, 'Dice Roller'],
  ['pick', /\b(pick\w*|chooser|choose|decision|decide|name picker|wheel)\b/, 'Random Picker'],
];

/**
 * The tool a request names first and the app's title for it ("a password generator" → the
 * password tool, "Password Generator"); the dice and "Randomizer" when it names none. The same
 * title always leads with the same tool, so a spec renders the same files every time.
 */
export function randomToolOf(text: string): { readonly tool: RandomTool; readonly title: string } {
  const lower = text.toLowerCase();
  let best: { tool: RandomTool; title: string; at: number } | null = null;
  for (const [tool, re, title] of TOOL_WORDS) {
    const at = re.exec(lower)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { tool, title, at };
  }
  return best ? { tool: best.tool, title: best.title } : { tool: 'dice', title: 'Randomizer' };
}

/** Words around the page's noun that name nothing: "a simple landing page for my new bakery". */
const FILLER = new Set(
  'a an the my our your his her their me us i we new simple small little nice clean modern basic static single one build make create want need please landing web home coming soon splash app'.split(
    ' ',
  ),
);
const CLAUSE = new Set('with that which where who and or in on at to from so like using'.split(' '));
const PAGE_NOUN = /\b(?:landing page|web ?site|home ?page|web ?page|one pager|site|page)s?\b/;

/**
 * What a page request is about, as its title: "a landing page for my bakery" → "Bakery", "a
 * wedding website" → "Wedding", "a personal website" → "About Me"; null when it names nothing.
 */
export function pageTitleOf(prompt: string): string | null {
  const text = prompt.toLowerCase().replace(/[^a-z0-9'& -]+/g, ' ').replace(/\s+/g, ' ').trim();
  const noun = PAGE_NOUN.exec(text);
  const after = / (?:for|about|of) (.+)$/.exec(noun ? text.slice(noun.index) : '')?.[1] ?? '';
  const before = noun ? text.slice(0, noun.index).trim().split(' ').slice(-3).join(' ') : '';
  for (const phrase of [after, before]) {
    const words: string[] = [];
    for (const word of phrase.split(' ')) {
      if (CLAUSE.has(word) && words.length > 0) break;
      if (word && !FILLER.has(word) && !CLAUSE.has(word)) words.push(word);
      if (words.length === 3) break;
    }
    if (words.length === 0) continue;
    if (/^(?:personal|about me|me|myself)$/.test(words.join(' '))) return 'About Me';
    return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  }
  return null;
}
