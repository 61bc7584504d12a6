// Notion-style blocks: every line of a page body is one block, written in the shorthand Notion
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
