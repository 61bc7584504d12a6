import { js } from './app-spec';

/**
 * Notion-style blocks for the notes kind under the NOTION theme: each line of a page is a block
 * written in the shorthand Notion itself accepts (# heading, - bullet, [ ] to-do, > quote, ---).
 */

export const BLOCKS_MODULE = js`// Notion-style blocks: every line of a page body is one block, written in the shorthand Notion
// accepts while typing. Parsing is pure, so the page view and the tests see the same blocks.

export const PAGE_ICONS = ['📄', '📝', '💡', '✅', '📚', '🗓️', '🎯', '🚀'];

const TODO = /^(\s*(?:[-*]\s+)?\[)( |x|X)(\]\s+)(.*)$/;
const RULES = [
  [/^###\s+(.+)$/, 'heading3'],
  [/^##\s+(.+)$/, 'heading2'],
  [/^#\s+(.+)$/, 'heading1'],
  [/^[-*+]\s+(.+)$/, 'bullet'],
  [/^>\s?(.*)$/, 'quote'],
];

function lines(body) {
  return String(body ?? '').replace(/\r\n?/g, '\n').split('\n');
}

/** The blocks of a page body; line is the body line each block came from (to toggle a to-do). */
export function parseBlocks(body) {
  const blocks = [];
  lines(body).forEach((raw, line) => {
    const text = raw.trimEnd();
    if (text.trim() === '') return;
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(text)) {
      blocks.push({ type: 'divider', text: '', line });
      return;
    }
    const todo = TODO.exec(text);
    if (todo) {
      blocks.push({ type: 'todo', text: todo[4].trim(), checked: todo[2] !== ' ', line });
      return;
    }
    const numbered = /^(\d{1,4})[.)]\s+(.+)$/.exec(text);
    if (numbered) {
      blocks.push({ type: 'numbered', text: numbered[2].trim(), number: Number(numbered[1]), line });
      return;
    }
    for (const [pattern, type] of RULES) {
      const match = pattern.exec(text);
      if (match) {
        blocks.push({ type, text: match[1].trim(), line });
        return;
      }
    }
    blocks.push({ type: 'paragraph', text: text.trim(), line });
  });
  return blocks;
}

/** Ticks or unticks the to-do on one line; any other line leaves the body as it was. */
export function toggleTodoLine(body, line) {
  const all = lines(body);
  const match = TODO.exec(all[line] ?? '');
  if (!match) return String(body ?? '');
  all[line] = match[1] + (match[2] === ' ' ? 'x' : ' ') + match[3] + match[4];
  return all.join('\n');
}

/** How many to-dos a page has and how many are done. */
export function todoProgress(body) {
  const todos = parseBlocks(body).filter((block) => block.type === 'todo');
  return { done: todos.filter((block) => block.checked).length, total: todos.length };
}

/** A page's icon: chosen by its id, so it never changes and needs no storage. */
export function pageIcon(note) {
  const index = Math.abs(Math.trunc(Number(note.id) || 1) - 1) % PAGE_ICONS.length;
  return PAGE_ICONS[index];
}
`;

export const BLOCKS_TEST = js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_ICONS, pageIcon, parseBlocks, todoProgress, toggleTodoLine } from '../src/blocks.js';

const PAGE = [
  '# Launch plan',
  'Everything for Friday.',
  '',
  '## Tasks',
  '[ ] Book the room',
  '- [x] Send invites',
  '1. Rehearse',
  '2) Present',
  '- slides',
  '* demo',
  '> Keep it short',
  '---',
  '### Notes',
].join('\n');

test('each shorthand becomes its block', () => {
  assert.deepEqual(
    parseBlocks(PAGE).map((block) => [block.type, block.text]),
    [
      ['heading1', 'Launch plan'],
      ['paragraph', 'Everything for Friday.'],
      ['heading2', 'Tasks'],
      ['todo', 'Book the room'],
      ['todo', 'Send invites'],
      ['numbered', 'Rehearse'],
      ['numbered', 'Present'],
      ['bullet', 'slides'],
      ['bullet', 'demo'],
      ['quote', 'Keep it short'],
      ['divider', ''],
      ['heading3', 'Notes'],
    ],
  );
});

test('blocks remember their line, to-dos their state and lists their number', () => {
  const blocks = parseBlocks(PAGE);
  const todos = blocks.filter((block) => block.type === 'todo');
  assert.deepEqual(todos.map((block) => [block.line, block.checked]), [[4, false], [5, true]]);
  assert.deepEqual(blocks.filter((block) => block.type === 'numbered').map((block) => block.number), [1, 2]);
});

test('a hash without a space is text, not a heading', () => {
  assert.deepEqual(parseBlocks('#hashtag'), [{ type: 'paragraph', text: '#hashtag', line: 0 }]);
  assert.deepEqual(parseBlocks(''), []);
  assert.deepEqual(parseBlocks(null), []);
});

test('toggling a to-do ticks and unticks only that line', () => {
  const ticked = toggleTodoLine(PAGE, 4);
  assert.equal(ticked.split('\n')[4], '[x] Book the room');
  assert.equal(toggleTodoLine(ticked, 4), PAGE);
  assert.equal(toggleTodoLine(PAGE, 5).split('\n')[5], '- [ ] Send invites');
  assert.equal(toggleTodoLine(PAGE, 0), PAGE);
  assert.equal(toggleTodoLine(PAGE, 99), PAGE);
});

test('progress counts done to-dos', () => {
  assert.deepEqual(todoProgress(PAGE), { done: 1, total: 2 });
  assert.deepEqual(todoProgress(toggleTodoLine(PAGE, 4)), { done: 2, total: 2 });
  assert.deepEqual(todoProgress('no tasks'), { done: 0, total: 0 });
});

test('every page has a stable icon', () => {
  assert.equal(pageIcon({ id: 1 }), PAGE_ICONS[0]);
  assert.equal(pageIcon({ id: PAGE_ICONS.length + 2 }), PAGE_ICONS[1]);
  assert.equal(pageIcon({ id: 3 }), pageIcon({ id: 3 }));
});
`;
