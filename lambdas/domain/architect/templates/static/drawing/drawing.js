// A drawing as data: strokes of a pen or an eraser, undone and redone one at a time, kept small
// enough to save in the browser, and drawn on any canvas-like context.

/** The canvas's own size in pixels; the page scales it to fit. */
export const WIDTH = 960;
export const HEIGHT = 640;
export const MIN_SIZE = 1;
export const MAX_SIZE = 64;
/** Points kept in all (a saved drawing must fit the browser's storage). */
export const MAX_POINTS = 40000;
export const COLORS = ['#111111', '#e03131', '#f08c00', '#2f9e44', '#1971c2', '#7048e8', '#ffffff'];

export function createDrawing() {
  return { actions: [], undone: [] };
}

const isColor = (value) => typeof value === 'string' && /^#[0-9a-f]{6}$/.test(value);
const clampSize = (size) => Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(Number(size) || MIN_SIZE)));
const clampPoint = (x, y) => [
  Math.round(Math.min(WIDTH, Math.max(0, Number(x) || 0)) * 10) / 10,
  Math.round(Math.min(HEIGHT, Math.max(0, Number(y) || 0)) * 10) / 10,
];

/** Every point of every stroke in the drawing. */
export function pointCount(drawing) {
  return drawing.actions.reduce((n, action) => n + (action.type === 'stroke' ? action.points.length : 0), 0);
}

/**
 * A new stroke at (x, y) with the pen (in `color`) or the eraser, `size` pixels wide. A new stroke
 * cannot be redone past: what was undone is dropped. A full drawing refuses it.
 */
export function startStroke(drawing, { tool, color, size, x, y }) {
  if (pointCount(drawing) >= MAX_POINTS) throw new Error('The drawing is full: clear it or undo some strokes.');
  const stroke = {
    type: 'stroke',
    tool: tool === 'eraser' ? 'eraser' : 'pen',
    color: isColor(color) ? color : COLORS[0],
    size: clampSize(size),
    points: [clampPoint(x, y)],
  };
  return { actions: [...drawing.actions, stroke], undone: [] };
}

/** The stroke being drawn, one point further; a point under half a pixel from the last adds nothing. */
export function extendStroke(drawing, x, y) {
  const last = drawing.actions[drawing.actions.length - 1];
  if (!last || last.type !== 'stroke' || pointCount(drawing) >= MAX_POINTS) return drawing;
  const point = clampPoint(x, y);
  const [px, py] = last.points[last.points.length - 1];
  if (Math.hypot(point[0] - px, point[1] - py) < 0.5) return drawing;
  const stroke = { ...last, points: [...last.points, point] };
  return { ...drawing, actions: [...drawing.actions.slice(0, -1), stroke] };
}

/** Clears the canvas; it is one action, so undo brings the drawing back. */
export function clearDrawing(drawing) {
  if (visibleStrokes(drawing).length === 0) return drawing;
  return { actions: [...drawing.actions, { type: 'clear' }], undone: [] };
}

export function canUndo(drawing) {
  return drawing.actions.length > 0;
}

export function canRedo(drawing) {
  return drawing.undone.length > 0;
}

export function undo(drawing) {
  if (!canUndo(drawing)) return drawing;
  return { actions: drawing.actions.slice(0, -1), undone: [...drawing.undone, drawing.actions[drawing.actions.length - 1]] };
}

export function redo(drawing) {
  if (!canRedo(drawing)) return drawing;
  return { actions: [...drawing.actions, drawing.undone[drawing.undone.length - 1]], undone: drawing.undone.slice(0, -1) };
}

/** The strokes on the canvas now: those after the last clear. */
export function visibleStrokes(drawing) {
  let from = 0;
  drawing.actions.forEach((action, i) => {
    if (action.type === 'clear') from = i + 1;
  });
  return drawing.actions.slice(from);
}

/** Draws `strokes` on a 2D context: pen strokes in their color, the eraser taking paint away; a single point is a dot. */
export function drawStrokes(ctx, strokes) {
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  for (const stroke of strokes) {
    ctx.globalCompositeOperation = stroke.tool === 'eraser' ? 'destination-out' : 'source-over';
    ctx.strokeStyle = stroke.color;
    ctx.fillStyle = stroke.color;
    ctx.lineWidth = stroke.size;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    const [first, ...rest] = stroke.points;
    if (rest.length === 0) {
      ctx.arc(first[0], first[1], stroke.size / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.moveTo(first[0], first[1]);
    for (const [x, y] of rest) ctx.lineTo(x, y);
    ctx.stroke();
  }
  ctx.globalCompositeOperation = 'source-over';
}

/** Where a pointer at (clientX, clientY) falls on the canvas, given the box the page shows it in. */
export function toCanvasPoint(clientX, clientY, box) {
  return {
    x: ((clientX - box.left) / box.width) * WIDTH,
    y: ((clientY - box.top) / box.height) * HEIGHT,
  };
}

/** A saved drawing as it was, without anything malformed, within the limits. */
export function normalizeDrawing(raw) {
  const drawing = createDrawing();
  if (!raw || !Array.isArray(raw.actions)) return drawing;
  let points = 0;
  for (const action of raw.actions) {
    if (action && action.type === 'clear') {
      drawing.actions.push({ type: 'clear' });
      continue;
    }
    if (!action || action.type !== 'stroke' || !Array.isArray(action.points)) continue;
    const kept = action.points.filter((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite)).map(([x, y]) => clampPoint(x, y));
    if (kept.length === 0 || points + kept.length > MAX_POINTS) continue;
    points += kept.length;
    drawing.actions.push({
      type: 'stroke',
      tool: action.tool === 'eraser' ? 'eraser' : 'pen',
      color: isColor(action.color) ? action.color : COLORS[0],
      size: clampSize(action.size),
      points: kept,
    });
  }
  return drawing;
}

/** The file name of a drawing saved as a picture: the app's name and the date. */
export function pictureFileName(name, date) {
  const day = date.toISOString().slice(0, 10);
  return (name || 'drawing') + '-' + day + '.png';
}

/** The last segment of `stroke` (its last two points) on a 2D context: drawn while the stroke goes on. */
export function drawLastSegment(ctx, stroke) {
  const n = stroke.points.length;
  if (n < 2) return;
  ctx.globalCompositeOperation = stroke.tool === 'eraser' ? 'destination-out' : 'source-over';
  ctx.strokeStyle = stroke.color;
  ctx.lineWidth = stroke.size;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(stroke.points[n - 2][0], stroke.points[n - 2][1]);
  ctx.lineTo(stroke.points[n - 1][0], stroke.points[n - 1][1]);
  ctx.stroke();
  ctx.globalCompositeOperation = 'source-over';
}
