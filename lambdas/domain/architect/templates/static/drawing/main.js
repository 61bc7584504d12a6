const canvas = byId('canvas');
const ctx = canvas.getContext('2d');
const colorInput = byId('brush-color');
const sizeInput = byId('brush-size');
const drawingError = byId('drawing-error');
let tool = 'pen';
let drawing = state.drawing;
let drawingPointer = null;

function redraw() {
  drawStrokes(ctx, visibleStrokes(drawing));
  byId('undo').disabled = !canUndo(drawing);
  byId('redo').disabled = !canRedo(drawing);
  byId('clear').disabled = visibleStrokes(drawing).length === 0;
}

function keep() {
  state = { ...state, drawing, color: colorInput.value, size: Number(sizeInput.value) };
  save();
}

function choose(next) {
  tool = next;
  byId('tool-pen').setAttribute('aria-pressed', String(tool === 'pen'));
  byId('tool-eraser').setAttribute('aria-pressed', String(tool === 'eraser'));
}

function pointFor(event) {
  return toCanvasPoint(event.clientX, event.clientY, canvas.getBoundingClientRect());
}

canvas.addEventListener('pointerdown', (event) => {
  if (event.button !== 0 || drawingPointer !== null) return;
  const { x, y } = pointFor(event);
  try {
    drawing = startStroke(drawing, { tool, color: colorInput.value, size: sizeInput.value, x, y });
    drawingError.textContent = '';
  } catch (problem) {
    drawingError.textContent = problem.message;
    return;
  }
  drawingPointer = event.pointerId;
  canvas.setPointerCapture(event.pointerId);
  redraw();
  event.preventDefault();
});

canvas.addEventListener('pointermove', (event) => {
  if (event.pointerId !== drawingPointer) return;
  const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
  for (const each of events.length > 0 ? events : [event]) {
    const { x, y } = pointFor(each);
    const next = extendStroke(drawing, x, y);
    if (next === drawing) continue;
    drawing = next;
    drawLastSegment(ctx, drawing.actions[drawing.actions.length - 1]);
  }
});

function finishStroke(event) {
  if (event.pointerId !== drawingPointer) return;
  drawingPointer = null;
  keep();
  redraw();
}
canvas.addEventListener('pointerup', finishStroke);
canvas.addEventListener('pointercancel', finishStroke);

byId('tool-pen').addEventListener('click', () => choose('pen'));
byId('tool-eraser').addEventListener('click', () => choose('eraser'));
byId('undo').addEventListener('click', () => {
  drawing = undo(drawing);
  keep();
  redraw();
});
byId('redo').addEventListener('click', () => {
  drawing = redo(drawing);
  keep();
  redraw();
});
byId('clear').addEventListener('click', () => {
  drawing = clearDrawing(drawing);
  keep();
  redraw();
});
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
  event.preventDefault();
  drawing = event.shiftKey ? redo(drawing) : undo(drawing);
  keep();
  redraw();
});
sizeInput.addEventListener('input', () => {
  byId('size-value').textContent = sizeInput.value;
  keep();
});
colorInput.addEventListener('input', () => {
  choose('pen');
  keep();
});
byId('swatches').replaceChildren(
  ...COLORS.map((color) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'swatch';
    button.style.background = color;
    button.setAttribute('aria-label', 'Color ' + color);
    button.addEventListener('click', () => {
      colorInput.value = color;
      choose('pen');
      keep();
    });
    return button;
  }),
);

// The picture on white: erased parts are see-through on the canvas, white in the file.
byId('save-picture').addEventListener('click', () => {
  const flat = document.createElement('canvas');
  flat.width = WIDTH;
  flat.height = HEIGHT;
  const flatCtx = flat.getContext('2d');
  flatCtx.fillStyle = '#ffffff';
  flatCtx.fillRect(0, 0, WIDTH, HEIGHT);
  flatCtx.drawImage(canvas, 0, 0);
  const link = document.createElement('a');
  link.href = flat.toDataURL('image/png');
  link.download = pictureFileName(APP_SLUG, new Date());
  document.body.append(link);
  link.click();
  link.remove();
});

colorInput.value = state.color;
sizeInput.value = String(state.size);
byId('size-value').textContent = sizeInput.value;
redraw();
