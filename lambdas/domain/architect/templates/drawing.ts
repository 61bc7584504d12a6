import { has, jsString, type AppSpec, type KindTemplate } from './app-spec';
import { fixedBody, fixedMain } from './shared';
import { staticSource } from './static-sources';

/**
 * The drawing kind: a sketch pad. Freehand strokes with a pen in any color and size or an eraser,
 * drawn with a mouse, a finger or a pen (pointer events), undone and redone one at a time (a clear
 * too), saved as a PNG picture on white and, with saving on, kept in the browser. The logic is
 * `static/drawing/drawing.js` with its tests (a recording context stands in for the canvas); the
 * page script and markup are fixed too.
 */

function body(spec: AppSpec): string {
  return fixedBody(
    spec,
    'drawing',
    'Your drawing is kept in this browser; save it as a picture to keep a copy.',
    'Your drawing lasts until the page is closed; save it as a picture to keep it.',
  );
}

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  return fixedMain(spec, {
    names: [
      'canRedo',
      'canUndo',
      'clearDrawing',
      'COLORS',
      'createDrawing',
      'drawLastSegment',
      'drawStrokes',
      'extendStroke',
      'HEIGHT',
      saves && 'normalizeDrawing',
      'pictureFileName',
      'redo',
      'startStroke',
      'toCanvasPoint',
      'undo',
      'visibleStrokes',
      'WIDTH',
    ],
    module: 'drawing.js',
    state: [
      'drawing',
      "{ drawing: createDrawing(), color: '#111111', size: 6 }",
      `(raw) => ({
    drawing: normalizeDrawing(raw.drawing),
    color: typeof raw.color === 'string' && /^#[0-9a-f]{6}$/.test(raw.color) ? raw.color : '#111111',
    size: Number.isInteger(raw.size) && raw.size >= 1 && raw.size <= 64 ? raw.size : 6,
  })`,
    ],
    before: [`const APP_SLUG = ${jsString(spec.projectName)};\n`],
    script: 'drawing/main.js',
  });
}

export function drawingTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: staticSource('drawing/css.css'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/drawing.js', content: staticSource('drawing/drawing.js') },
      { path: 'test/drawing.test.js', content: staticSource('drawing/drawing-test.js') },
    ],
    layout: { 'src/drawing.js': 'strokes, undo and redo, clearing, drawing on a canvas context and saved drawings, as pure functions' },
  };
}
