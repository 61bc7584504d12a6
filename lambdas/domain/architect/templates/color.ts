import { has, js, type AppSpec, type KindTemplate } from './app-spec';
import { fixedBody, fixedMain } from './shared';
import { staticSource } from './static-sources';

/**
 * The color kind: a color chosen or typed (hex, rgb(), hsl() or a name), shown in each notation,
 * its contrast with white and black text graded as WCAG 2 does, its shades and a saved palette.
 * The logic is `static/color/colors.js` with its tests; the page script and markup are fixed too.
 */

function body(spec: AppSpec): string {
  return fixedBody(
    spec,
    'color',
    'The color and the palette are kept in this browser.',
    'The palette lasts until the page is closed.',
  );
}

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  return fixedMain(spec, {
    names: [
      'addToPalette',
      'contrastGrade',
      'contrastRatio',
      saves && 'normalizePalette',
      'parseColor',
      'shades',
      'toHex',
      'toHslText',
      'toRgbText',
    ],
    module: 'colors.js',
    state: [
      'colors',
      "{ color: '#1e90ff', palette: [] }",
      js`(raw) => ({
    color: typeof raw.color === 'string' && /^#[0-9a-f]{6}$/.test(raw.color) ? raw.color : '#1e90ff',
    palette: normalizePalette(raw.palette),
  })`,
    ],
    script: 'color/main.js',
  });
}

export function colorTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: staticSource('color/css.css'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/colors.js', content: staticSource('color/colors.js') },
      { path: 'test/colors.test.js', content: staticSource('color/colors-test.js') },
    ],
    layout: { 'src/colors.js': 'reading and writing colors, WCAG contrast, shades and the palette, as pure functions' },
  };
}
