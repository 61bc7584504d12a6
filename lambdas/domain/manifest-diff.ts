import { createHash } from 'node:crypto';
import type { GantryManifest } from './manifest';

/**
 * Unified diffs between two manifests: what a heal changed, recorded with every attempt. Lines are
 * compared with Myers' O(ND) algorithm; when two versions of a file differ in more than
 * MAX_EDIT_DISTANCE lines the changed middle is shown as one replacement instead (still a correct
 * diff, just not a minimal one).
 */

export interface ManifestDiff {
  /** The unified diff text (`--- a/path` / `+++ b/path` / `@@` hunks), one section per changed file. */
  readonly text: string;
  readonly sha256: string;
  readonly files_changed: number;
  readonly files_added: readonly string[];
  readonly files_removed: readonly string[];
  readonly files_modified: readonly string[];
  readonly lines_added: number;
  readonly lines_removed: number;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

const MAX_EDIT_DISTANCE = 2000;
const CONTEXT = 3;
/** Manifest fields other than `files`, diffed as a pseudo-file so command changes show too. */
const FIELDS_PATH = 'manifest:fields';

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Myers' shortest edit script between two line lists (without their common prefix and suffix). */
function shortestEdit(a: readonly string[], b: readonly string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d-1 .. d+1] as it was before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], distance: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = distance; d > 0; d--) {
    const saved = trace[d] as Int32Array;
    const at = (k: number): number => saved[k + d + 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1] as string });
      x--;
      y--;
    }
    if (down) {
      ops.push({ kind: '+', line: b[y - 1] as string });
      y--;
    } else {
      ops.push({ kind: '-', line: a[x - 1] as string });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[x - 1] as string });
    x--;
    y--;
  }
  return ops.reverse();
}

/** The edit script of two texts, line by line. */
export function diffLines(before: string, after: string): Op[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = shortestEdit(middleA, middleB) ?? [
    ...middleA.map((line) => ({ kind: '-' as const, line })),
    ...middleB.map((line) => ({ kind: '+' as const, line })),
  ];
  return [
    ...a.slice(0, start).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** Unified-diff hunks (with CONTEXT lines around each change) of one edit script. */
function hunks(ops: readonly Op[]): string[] {
  const out: string[] = [];
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return out;
  // Group changes whose context windows touch.
  const groups: Array<[number, number]> = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] <= 2 * CONTEXT) last[1] = i;
    else groups.push([i, i]);
  }
  // Line numbers (1-based) of each op in the old and new text.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  for (const [first, last] of groups) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, last + CONTEXT);
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? (oldLine[from] as number) - 1 : (oldLine[from] as number);
    const newStart = newCount === 0 ? (newLine[from] as number) - 1 : (newLine[from] as number);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of slice) out.push(`${op.kind}${op.line}`);
  }
  return out;
}

function fieldsText(manifest: GantryManifest): string {
  const { files: _files, ...fields } = manifest;
  return Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
}

/** The diff from `before` to `after`, files in path order, manifest fields first. */
export function diffManifests(before: GantryManifest, after: GantryManifest): ManifestDiff {
  const sections: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  const modified: string[] = [];
  let linesAdded = 0;
  let linesRemoved = 0;

  const section = (path: string, oldText: string | null, newText: string | null, binary: boolean): void => {
    const header = [`--- ${oldText === null ? '/dev/null' : `a/${path}`}`, `+++ ${newText === null ? '/dev/null' : `b/${path}`}`];
    if (binary) {
      sections.push(
        `diff ${path}`,
        `Binary files ${oldText === null ? '/dev/null' : `a/${path}`} and ${newText === null ? '/dev/null' : `b/${path}`} differ`,
      );
      return;
    }
    const ops = diffLines(oldText ?? '', newText ?? '');
    linesAdded += ops.filter((op) => op.kind === '+').length;
    linesRemoved += ops.filter((op) => op.kind === '-').length;
    const body = hunks(ops);
    if (body.length > 0) sections.push(`diff ${path}`, ...header, ...body);
  };

  const fieldsBefore = fieldsText(before);
  const fieldsAfter = fieldsText(after);
  if (fieldsBefore !== fieldsAfter) {
    section(FIELDS_PATH, fieldsBefore, fieldsAfter, false);
    modified.push(FIELDS_PATH);
  }
  const oldFiles = new Map(before.files.map((f) => [f.path, f]));
  const newFiles = new Map(after.files.map((f) => [f.path, f]));
  const paths = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  for (const path of paths) {
    const a = oldFiles.get(path);
    const b = newFiles.get(path);
    if (a && b && a.content === b.content && (a.encoding ?? 'utf8') === (b.encoding ?? 'utf8')) continue;
    if (!a) added.push(path);
    else if (!b) removed.push(path);
    else modified.push(path);
    const binary = a?.encoding === 'base64' || b?.encoding === 'base64';
    section(path, a ? a.content : null, b ? b.content : null, binary);
  }
  const text = sections.length > 0 ? `${sections.join('\n')}\n` : '';
  return {
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
    files_changed: added.length + removed.length + modified.length,
    files_added: added,
    files_removed: removed,
    files_modified: modified,
    lines_added: linesAdded,
    lines_removed: linesRemoved,
  };
}
