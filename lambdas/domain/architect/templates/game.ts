import { GAME_TITLES, type FeatureId } from '../catalog';
import { blocks, escapeHtml, has, importLine, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

/** The games this kind plays, in the order the page shows them when more than one is built. */
export const GAMES = [
  'tic-tac-toe',
  'memory',
  'hangman',
  'word-guess',
  'sudoku',
  'snake',
  '2048',
  'rock-paper-scissors',
] as const satisfies readonly FeatureId[];
export type Game = (typeof GAMES)[number];
/** The games built when a spec names none ("a few games for my kids"): the three classics. */
const CLASSIC_GAMES: readonly Game[] = ['tic-tac-toe', 'memory', 'hangman'];

/** The games a spec asks for; the classics when it names none. */
export function gamesOf(spec: AppSpec): Game[] {
  const named = GAMES.filter((game) => has(spec, game));
  return named.length > 0 ? named : [...CLASSIC_GAMES];
}

/** A heading per game: its own page's title when it is the only one, else the game's name. */
const heading = (spec: AppSpec, game: Game): string =>
  gamesOf(spec).length === 1 ? 'Play' : (GAME_TITLES[game] ?? game).replace(/ Game$/, '');

/** A game's markup: its card, headed by `heading`. */
const markup = (spec: AppSpec, game: Game): string =>
  fillSlots(staticSource(`game/${MODULES[game].file}.html`).trimEnd(), { heading: escapeHtml(heading(spec, game)) });

function body(spec: AppSpec): string {
  return blocks(
    ...gamesOf(spec).map((game) => markup(spec, game)),
    `      <p class="muted">${escapeHtml(
      has(spec, 'local-storage')
        ? 'Scores and settings are kept in this browser.'
        : 'Scores last until the page is closed.',
    )}</p>`,
  );
}

const MODULES: Readonly<Record<Game, { file: string; names: string[]; layout: string }>> = {
  'tic-tac-toe': {
    file: 'tictactoe',
    names: ['addResult', 'computerMove', 'emptyBoard', 'normalizeScores', 'outcomeOf', 'play', 'turnOf', 'winnerOf'],
    layout: 'tic-tac-toe: the rules and a computer player that never loses, as pure functions of a board',
  },
  memory: {
    file: 'memory',
    names: ['isFaceUp', 'isMismatch', 'isWon', 'newGame', 'normalizeBest', 'recordBest', 'SIZES', 'turn', 'turnBack'],
    layout: 'the memory game: dealing, turning cards and matching pairs, as pure functions of its state',
  },
  hangman: {
    file: 'hangman',
    names: ['addRound', 'guess', 'maskOf', 'MAX_WRONG', 'newRound', 'normalizeTally', 'parseWords', 'statusOf', 'WORDS', 'wrongLetters'],
    layout: 'hangman: rounds, guesses and the built-in words, as pure functions of a round',
  },
  'word-guess': {
    file: 'words',
    names: ['addWordRound', 'guessWord', 'letterHints', 'MAX_GUESSES', 'newWordRound', 'normalizeWordTally', 'scoreGuess', 'WORD_LENGTH', 'wordStatus'],
    layout: 'the word game: scoring a guess letter by letter, rounds and the built-in words, as pure functions of a round',
  },
  sudoku: {
    file: 'sudoku',
    names: ['conflicts', 'isSolved', 'newPuzzle', 'normalizeSudokuSolved', 'setCell', 'SUDOKU_LEVELS'],
    layout: 'sudoku: a solver that counts solutions, puzzles with exactly one, the moves and checks, as pure functions of a grid',
  },
  snake: {
    file: 'snake',
    names: ['directionForKey', 'newSnake', 'normalizeSnakeBest', 'snakeCell', 'SNAKE_SIZE', 'snakeStepMs', 'stepSnake', 'turnSnake'],
    layout: 'snake: moving, turning, eating and the end of a game, as pure functions of its state',
  },
  '2048': {
    file: 'tiles',
    names: ['moveTiles', 'newTiles', 'normalizeTilesBest', 'swipeDirection', 'tilesDirectionForKey'],
    layout: '2048: sliding and merging tiles, new tiles and the end of a game, as pure functions of the board',
  },
  'rock-paper-scissors': {
    file: 'rps',
    names: ['addThrow', 'computerThrow', 'normalizeRpsTally', 'throwForKey', 'throwOutcome'],
    layout: 'rock, paper, scissors: who wins a throw, the computer\'s throw and the tally, as pure functions',
  },
};

/** What each game keeps, and how saved data is read back (static/game/saved.json, read on first use). */
let savedTable: Readonly<Record<Game, { fallback: string; revive: string }>> | undefined;
const saved = (game: Game): { fallback: string; revive: string } =>
  (savedTable ??= JSON.parse(staticSource('game/saved.json')) as Readonly<Record<Game, { fallback: string; revive: string }>>)[
    game
  ];

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const games = gamesOf(spec);
  const fallback = `{ ${games.map((game) => saved(game).fallback).join(', ')} }`;
  return blocks(
    ...sharedImports(spec),
    ...games.map((game) => importLine(MODULES[game].names, `./${MODULES[game].file}.js`)),
    '',
    mainPreamble(spec),
    staticSource('shared/secure-random.js'),
    games.includes('hangman') && staticSource('game/read-words.js'),
    saves
      ? fillSlots(staticSource('game/store.js'), {
          key: jsString(storageKey(spec, 'games')),
          fallback,
          revives: games.map((game) => saved(game).revive).join(',\n    '),
        }).trimEnd()
      : `let saved = ${fallback};`,
    fillSlots(staticSource('game/update.js'), {
      save: saves ? '  store.save(saved);' : '  // Nothing is kept between visits: this build has no local storage.',
    }).trimEnd(),
    // Each game's part of the page script (game/<file>-main.js) takes nothing from the spec.
    ...games.map((game) => `\n${staticSource(`game/${MODULES[game].file}-main.js`)}`),
  );
}

export function gameTemplate(spec: AppSpec): KindTemplate {
  const games = gamesOf(spec);
  return {
    body: body(spec),
    css: [
      staticSource('game/css.css'),
      ...(['word-guess', 'sudoku', 'snake', '2048', 'rock-paper-scissors'] as const)
        .filter((game) => games.includes(game))
        .map((game) => staticSource(`game/${MODULES[game].file}.css`)),
      ...(games.includes('snake') || games.includes('2048') ? [staticSource('game/pad.css')] : []),
    ].join('\n'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      ...games.flatMap((game) => [
        { path: `src/${MODULES[game].file}.js`, content: staticSource(`game/${MODULES[game].file}.js`) },
        { path: `test/${MODULES[game].file}.test.js`, content: staticSource(`game/${MODULES[game].file}-test.js`) },
      ]),
    ],
    layout: Object.fromEntries(games.map((game) => [`src/${MODULES[game].file}.js`, MODULES[game].layout])),
  };
}
