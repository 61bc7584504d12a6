import { test } from 'node:test';
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
