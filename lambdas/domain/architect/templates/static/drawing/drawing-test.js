import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as d from '../src/drawing.js';

/** A 2D context that records what is drawn on it. */
function recorder() {
  const calls = [];
  const ctx = { calls };
  for (const name of ['clearRect', 'beginPath', 'moveTo', 'lineTo', 'stroke', 'arc', 'fill']) {
    ctx[name] = (...args) => calls.push([name, ...args]);
  }
  for (const name of ['globalCompositeOperation', 'strokeStyle', 'fillStyle', 'lineWidth', 'lineCap', 'lineJoin']) {
    let value;
    Object.defineProperty(ctx, name, {
      get: () => value,
      set: (v) => {
        value = v;
        calls.push(['set ' + name, v]);
      },
    });
  }
  return ctx;
}

function line(drawing, tool, color, size, points) {
  let next = d.startStroke(drawing, { tool, color, size, x: points[0][0], y: points[0][1] });
  for (const [x, y] of points.slice(1)) next = d.extendStroke(next, x, y);
  return next;
}

test('a stroke keeps its tool, color, size and points; points closer than half a pixel add nothing', () => {
  let drawing = d.startStroke(d.createDrawing(), { tool: 'pen', color: '#e03131', size: 8, x: 10, y: 10 });
  drawing = d.extendStroke(drawing, 20, 20);
  drawing = d.extendStroke(drawing, 20.2, 20.1);
  drawing = d.extendStroke(drawing, 30, 25);
  assert.deepEqual(drawing.actions, [{ type: 'stroke', tool: 'pen', color: '#e03131', size: 8, points: [[10, 10], [20, 20], [30, 25]] }]);
  assert.equal(d.pointCount(drawing), 3);
});

test('strokes stay on the canvas and within the sizes; an unknown color or tool is the pen in black', () => {
  const drawing = d.startStroke(d.createDrawing(), { tool: 'laser', color: 'red', size: 500, x: -5, y: 9999 });
  assert.deepEqual(drawing.actions[0], { type: 'stroke', tool: 'pen', color: '#111111', size: d.MAX_SIZE, points: [[0, d.HEIGHT]] });
  assert.equal(d.startStroke(d.createDrawing(), { tool: 'eraser', color: '#ffffff', size: 0, x: 1, y: 1 }).actions[0].size, d.MIN_SIZE);
});

test('undo and redo step through strokes, and a new stroke drops what was undone', () => {
  let drawing = line(d.createDrawing(), 'pen', '#111111', 4, [[0, 0], [10, 10]]);
  drawing = line(drawing, 'pen', '#1971c2', 4, [[5, 5], [50, 50]]);
  assert.equal(d.canRedo(drawing), false);
  drawing = d.undo(drawing);
  assert.equal(d.visibleStrokes(drawing).length, 1);
  assert.equal(d.canRedo(drawing), true);
  drawing = d.redo(drawing);
  assert.deepEqual(d.visibleStrokes(drawing).map((s) => s.color), ['#111111', '#1971c2']);
  drawing = line(d.undo(drawing), 'pen', '#2f9e44', 4, [[1, 1], [2, 9]]);
  assert.equal(d.canRedo(drawing), false, 'a new stroke after an undo cannot be redone past');
  assert.deepEqual(d.visibleStrokes(drawing).map((s) => s.color), ['#111111', '#2f9e44']);
  assert.equal(d.undo(d.createDrawing()).actions.length, 0);
});

test('clearing is one step that undo takes back', () => {
  let drawing = line(d.createDrawing(), 'pen', '#111111', 4, [[0, 0], [10, 10]]);
  drawing = d.clearDrawing(drawing);
  assert.equal(d.visibleStrokes(drawing).length, 0);
  assert.equal(d.clearDrawing(drawing), drawing, 'clearing an empty canvas changes nothing');
  drawing = line(drawing, 'pen', '#e03131', 4, [[3, 3], [9, 9]]);
  assert.deepEqual(d.visibleStrokes(drawing).map((s) => s.color), ['#e03131']);
  drawing = d.undo(d.undo(drawing));
  assert.deepEqual(d.visibleStrokes(drawing).map((s) => s.color), ['#111111']);
});

test('the pen paints, the eraser takes paint away, and a single point is a dot', () => {
  let drawing = line(d.createDrawing(), 'pen', '#e03131', 6, [[0, 0], [10, 0], [10, 10]]);
  drawing = line(drawing, 'eraser', '#111111', 20, [[5, 5], [6, 6]]);
  drawing = d.startStroke(drawing, { tool: 'pen', color: '#1971c2', size: 8, x: 40, y: 40 });
  const ctx = recorder();
  d.drawStrokes(ctx, d.visibleStrokes(drawing));
  const ops = ctx.calls.map((c) => c.join(' '));
  assert.deepEqual(ops.slice(0, 1), ['clearRect 0 0 ' + d.WIDTH + ' ' + d.HEIGHT]);
  const pen = ops.indexOf('moveTo 0 0');
  assert.ok(pen > 0);
  assert.deepEqual(ops.slice(pen, pen + 4), ['moveTo 0 0', 'lineTo 10 0', 'lineTo 10 10', 'stroke']);
  assert.ok(ops.slice(0, pen).includes('set globalCompositeOperation source-over'));
  assert.ok(ops.slice(0, pen).includes('set strokeStyle #e03131'));
  const eraser = ops.indexOf('moveTo 5 5');
  assert.ok(ops.slice(pen, eraser).includes('set globalCompositeOperation destination-out'));
  assert.ok(ops.slice(pen, eraser).includes('set lineWidth 20'));
  const dot = ops.findIndex((op) => op.startsWith('arc 40 40 4'));
  assert.ok(dot > eraser, 'a stroke of one point is drawn as a dot');
  assert.equal(ops[dot + 1], 'fill');
  assert.equal(ops[ops.length - 1], 'set globalCompositeOperation source-over');
});

test('the segment drawn while a stroke goes on joins its last two points', () => {
  const drawing = line(d.createDrawing(), 'eraser', '#111111', 12, [[0, 0], [4, 4], [8, 2]]);
  const ctx = recorder();
  d.drawLastSegment(ctx, drawing.actions[0]);
  const ops = ctx.calls.map((c) => c.join(' '));
  assert.ok(ops.includes('set globalCompositeOperation destination-out'));
  assert.deepEqual(ops.filter((op) => /^(?:moveTo|lineTo|stroke)/.test(op)), ['moveTo 4 4', 'lineTo 8 2', 'stroke']);
});

test('a pointer on the page maps onto the canvas however it is scaled', () => {
  const box = { left: 100, top: 50, width: 480, height: 320 };
  assert.deepEqual(d.toCanvasPoint(100, 50, box), { x: 0, y: 0 });
  assert.deepEqual(d.toCanvasPoint(340, 210, box), { x: d.WIDTH / 2, y: d.HEIGHT / 2 });
  assert.deepEqual(d.toCanvasPoint(580, 370, box), { x: d.WIDTH, y: d.HEIGHT });
});

test('a drawing has a limit on its points, and a saved one is cleaned', () => {
  let full = d.startStroke(d.createDrawing(), { tool: 'pen', color: '#111111', size: 2, x: 0, y: 0 });
  full.actions[0].points = Array.from({ length: d.MAX_POINTS }, (_, i) => [i % d.WIDTH, 1]);
  assert.throws(() => d.startStroke(full, { tool: 'pen', color: '#111111', size: 2, x: 0, y: 0 }), /drawing is full/);
  assert.equal(d.extendStroke(full, 300, 300), full);
  const saved = d.normalizeDrawing({
    actions: [
      { type: 'stroke', tool: 'pen', color: '#2f9e44', size: 5, points: [[1, 2], [3, 'x'], [4, 5]] },
      { type: 'stroke', tool: 'pen', color: '#2f9e44', size: 5, points: [] },
      { type: 'clear' },
      { type: 'stroke', tool: 'eraser', color: 'javascript:alert(1)', size: 9, points: [[2000, -3]] },
      { type: 'fill' },
      null,
    ],
  });
  assert.deepEqual(saved, {
    actions: [
      { type: 'stroke', tool: 'pen', color: '#2f9e44', size: 5, points: [[1, 2], [4, 5]] },
      { type: 'clear' },
      { type: 'stroke', tool: 'eraser', color: '#111111', size: 9, points: [[d.WIDTH, 0]] },
    ],
    undone: [],
  });
  assert.deepEqual(d.normalizeDrawing('nonsense'), d.createDrawing());
  assert.equal(d.pictureFileName('sketch-pad', new Date(Date.UTC(2026, 4, 3))), 'sketch-pad-2026-05-03.png');
});
