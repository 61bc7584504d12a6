import { themeFor } from '../themes';
import { blocks, has, importLine, js, jsString, type AppSpec, type KindTemplate } from './app-spec';
import { exportHandler, mainPreamble, recordsStore, searchHandler, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

/**
 * The board kind: a kanban board of lists and cards. The Trello theme gives it Trello's wording
 * and colours; the behaviour (lists, cards, moving by drag and drop or buttons) is the same.
 */

interface BoardVariant {
  readonly id: 'plain' | 'trello';
  readonly addCard: string;
  readonly addList: string;
  readonly cardPlaceholder: string;
  readonly listPlaceholder: string;
}

const VARIANTS: Readonly<Record<BoardVariant['id'], BoardVariant>> = {
  plain: {
    id: 'plain',
    addCard: 'Add card',
    addList: 'Add list',
    cardPlaceholder: 'New card',
    listPlaceholder: 'New list',
  },
  trello: {
    id: 'trello',
    addCard: 'Add a card',
    addList: 'Add another list',
    cardPlaceholder: 'Enter a title for this card…',
    listPlaceholder: 'Enter list title…',
  },
};

function boardVariant(spec: AppSpec): BoardVariant {
  return themeFor(spec.designTarget)?.id === 'TRELLO' ? VARIANTS.trello : VARIANTS.plain;
}

function boardModule(spec: AppSpec): string {
  return blocks(
    staticSource('board/board-logic.js'),
    has(spec, 'search') &&
      staticSource('board/filter-cards.js'),
    staticSource('board/normalize-board.js'),
  );
}

function boardTest(spec: AppSpec): string {
  const imports = [
    'addCard',
    'addList',
    'cardsIn',
    'countCards',
    'createBoard',
    'deleteCard',
    'deleteList',
    has(spec, 'search') && 'filterCards',
    'MAX_LISTS',
    'moveCard',
    'moveCardBy',
    'normalizeBoard',
    'renameCard',
    'renameList',
  ].filter((x): x is string => typeof x === 'string');
  return blocks(
    js`import { test } from 'node:test';
import assert from 'node:assert/strict';
${importLine(imports, '../src/board.js')}
` + staticSource('board/board-test-rest.js'),
    has(spec, 'search') &&
      staticSource('board/search-test.js'),
  );
}

function body(spec: AppSpec, v: BoardVariant): string {
  const toolbar =
    (has(spec, 'search') || has(spec, 'export')) &&
    blocks(
      '      <div class="row board-toolbar">',
      has(spec, 'search') && staticSource('board/search-field.html').trimEnd(),
      has(spec, 'export') && '        <button id="export" type="button">Export JSON</button>',
      '      </div>',
    );
  return fillSlots(staticSource('board/body.html'), {
    toolbar: toolbar ? `${toolbar}\n` : '',
    variant: v.id,
    listPlaceholder: v.listPlaceholder,
    addList: v.addList,
  }).trimEnd();
}

function css(v: BoardVariant): string {
  return blocks(
    staticSource('board/css.css'),
    v.id === 'trello' &&
      staticSource('board/trello.css'),
  );
}

function main(spec: AppSpec, v: BoardVariant): string {
  const saves = has(spec, 'local-storage');
  const search = has(spec, 'search');
  const imports = [
    'addCard',
    'addList',
    'cardsIn',
    'countCards',
    'createBoard',
    'deleteCard',
    'deleteList',
    search && 'filterCards',
    'moveCard',
    'moveCardBy',
    saves && 'normalizeBoard',
  ].filter((x): x is string => typeof x === 'string');
  return blocks(
    ...sharedImports(spec),
    importLine(imports, './board.js'),
    '',
    mainPreamble(spec),
    saves
      ? recordsStore(spec, 'board', 'board', 'createBoard()', 'normalizeBoard')
      : js`let board = createBoard();`,
    fillSlots(staticSource('board/main.js'), {
      save: saves ? '  store.save(board);\n' : '',
      cardPlaceholder: jsString(v.cardPlaceholder),
      addCard: jsString(v.addCard),
      shown: search ? 'filterCards(board, query)' : 'board',
    }),
    search &&
      searchHandler('query', 'render'),
    has(spec, 'export') &&
      exportHandler(
        spec,
        'board',
        '[\n    ...board.lists.map((list) => ({ ...list, cards: cardsIn(board, list.id).map((card) => card.title) })),\n  ]',
      ),
    js`render();`,
    '',
  );
}

export function boardTemplate(spec: AppSpec): KindTemplate {
  const v = boardVariant(spec);
  return {
    body: body(spec, v),
    css: css(v),
    files: [
      { path: 'src/main.js', content: main(spec, v) },
      { path: 'src/board.js', content: boardModule(spec) },
      { path: 'test/board.test.js', content: boardTest(spec) },
    ],
    layout: {
      'src/board.js': `the board as pure functions: lists, cards, moves between and within lists${has(spec, 'search') ? ', search' : ''}`,
    },
  };
}
