import { themeFor } from '../themes';
import { blocks, has, importLine, js, type AppSpec, type KindTemplate } from './app-spec';
import { BLOCKS_MODULE, BLOCKS_TEST } from './blocks';
import { exportHandler, mainPreamble, recordsStore, searchHandler, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

/** Under the NOTION theme a note is a page: icon, large title, and a body rendered as blocks. */
function isNotion(spec: AppSpec): boolean {
  return themeFor(spec.designTarget)?.id === 'NOTION';
}

function notesModule(spec: AppSpec): string {
  return blocks(
    staticSource('notes/notes-logic.js'),
    has(spec, 'search') &&
      staticSource('notes/search-notes.js'),
    staticSource('notes/normalize-notes.js'),
  );
}

function notesTest(spec: AppSpec): string {
  const imports = [
    'createNote',
    'deleteNote',
    'normalizeNotes',
    'notePreview',
    'noteTitle',
    has(spec, 'search') && 'searchNotes',
    'sortNotes',
    'updateNote',
  ].filter((x): x is string => typeof x === 'string');
  return blocks(
    js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ${imports.join(', ')} } from '../src/notes.js';
` + staticSource('notes/notes-test-rest.js'),
    has(spec, 'search') &&
      staticSource('notes/search-test.js'),
  );
}

function body(spec: AppSpec): string {
  const notion = isNotion(spec);
  return fillSlots(staticSource('notes/body.html'), {
    notion: notion ? ' notion' : '',
    listTitle: notion ? 'Private' : 'All notes',
    thing: notion ? 'page' : 'note',
    search: has(spec, 'search') ? staticSource('notes/search-field.html') : '',
    export: has(spec, 'export') ? '          <button id="export" type="button">Export JSON</button>\n' : '',
    editor: staticSource(notion ? 'notes/page-editor.html' : 'notes/note-editor.html'),
  });
}

const CSS = staticSource('notes/css.css');

const NOTION_CSS = staticSource('notes/notion-css.css');

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const search = has(spec, 'search');
  const imports = [
    'createNote',
    'deleteNote',
    saves && 'normalizeNotes',
    'notePreview',
    'noteTitle',
    search && 'searchNotes',
    'sortNotes',
    'updateNote',
  ].filter((x): x is string => typeof x === 'string');
  const notion = isNotion(spec);
  return blocks(
    ...sharedImports(spec),
    importLine(imports, './notes.js'),
    notion && js`import { pageIcon, parseBlocks, todoProgress, toggleTodoLine } from './blocks.js';`,
    '',
    mainPreamble(spec),
    saves
      ? recordsStore(spec, 'notes', 'notes', '[]', 'normalizeNotes')
      : js`let notes = [];`,
    fillSlots(staticSource('notes/main.js'), {
      pageElements: notion ? "\nconst pageView = byId('page-view');\nconst todoProgressText = byId('todo-progress');" : '',
      save: saves ? '  store.save(notes);\n' : '',
      shown: search ? 'searchNotes(notes, query)' : 'notes',
      appendButton: `\n${notion ? staticSource('notes/page-link.js').trimEnd() : '      button.append(title, preview);'}`,
      renderOnSelect: notion ? '\n  renderPage(note);' : '',
      renderPage: notion ? staticSource('notes/render-page.js') : '',
      savedWord: saves ? "'Saved'" : "'Edited'",
      renderOnSave: notion ? '\n  renderPage(selectedNote());' : '',
    }),
    search &&
      searchHandler('query', 'renderList'),
    has(spec, 'export') &&
      exportHandler(spec, 'notes', 'sortNotes(notes)'),
    js`renderList();
renderEditor();`,
    '',
  );
}

export function notesTemplate(spec: AppSpec): KindTemplate {
  const notion = isNotion(spec);
  return {
    body: body(spec),
    css: notion ? `${CSS}\n${NOTION_CSS}` : CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/notes.js', content: notesModule(spec) },
      { path: 'test/notes.test.js', content: notesTest(spec) },
      ...(notion
        ? [
            { path: 'src/blocks.js', content: BLOCKS_MODULE },
            { path: 'test/blocks.test.js', content: BLOCKS_TEST },
          ]
        : []),
    ],
    layout: {
      'src/notes.js': `notes as pure functions: create, edit, delete, order${has(spec, 'search') ? ', search' : ''}`,
      ...(notion ? { 'src/blocks.js': 'Notion-style blocks: headings, lists, quotes, dividers and to-dos parsed from a page body' } : {}),
    },
  };
}
