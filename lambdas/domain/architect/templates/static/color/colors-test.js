import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as c from '../src/colors.js';

test('a colour is read in hex, short hex, rgb(), hsl() or by name', () => {
  assert.deepEqual(c.parseColor('#1E90FF'), { r: 30, g: 144, b: 255 });
  assert.deepEqual(c.parseColor('1e90ff'), { r: 30, g: 144, b: 255 });
  assert.deepEqual(c.parseColor('#fff'), { r: 255, g: 255, b: 255 });
  assert.deepEqual(c.parseColor('rgb(30, 144, 255)'), { r: 30, g: 144, b: 255 });
  assert.deepEqual(c.parseColor('rgb(30 144 255)'), { r: 30, g: 144, b: 255 });
  assert.deepEqual(c.parseColor('hsl(0, 100%, 50%)'), { r: 255, g: 0, b: 0 });
  assert.deepEqual(c.parseColor(' Teal '), { r: 0, g: 128, b: 128 });
  assert.throws(() => c.parseColor('rgb(300, 0, 0)'), /0 to 255/);
  assert.throws(() => c.parseColor('hsl(400, 10%, 10%)'), /Hue is 0 to 360/);
  assert.throws(() => c.parseColor('bluish'), /Write a colour as/);
});

test('each notation is written back, and hsl goes round to the same colour', () => {
  const blue = { r: 30, g: 144, b: 255 };
  assert.equal(c.toHex(blue), '#1e90ff');
  assert.equal(c.toRgbText(blue), 'rgb(30, 144, 255)');
  assert.equal(c.toHslText(blue), 'hsl(210, 100%, 56%)');
  assert.deepEqual(c.rgbToHsl({ r: 128, g: 128, b: 128 }), { h: 0, s: 0, l: 50 });
  for (const hex of ['#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff', '#ff00ff', '#ffffff', '#000000']) {
    assert.equal(c.toHex(c.hslToRgb(c.rgbToHsl(c.parseColor(hex)))), hex);
  }
});

test('contrast is measured as WCAG 2 does, and graded', () => {
  const black = c.parseColor('#000');
  const white = c.parseColor('#fff');
  assert.equal(c.contrastRatio(black, white), 21);
  assert.equal(c.contrastRatio(white, white), 1);
  assert.equal(c.contrastRatio(c.parseColor('#777777'), white), 4.48);
  assert.equal(c.contrastRatio(white, c.parseColor('#767676')), 4.54);
  assert.deepEqual([7, 4.5, 4.49, 3, 2.99].map(c.contrastGrade), ['AAA', 'AA', 'AA large text', 'AA large text', 'Fails']);
});

test('shades run from darker to lighter around the colour; a palette keeps the newest first without repeats', () => {
  const list = c.shades(c.parseColor('hsl(210, 100%, 50%)'));
  assert.equal(list.length, 5);
  assert.equal(list[2], '#0080ff');
  assert.ok(!list.includes('#000000') && !list.includes('#ffffff'), 'no shade is plain black or white: ' + list);
  const light = list.map((hex) => c.rgbToHsl(c.parseColor(hex)).l);
  assert.deepEqual(light, [...light].sort((a, b) => a - b));
  let palette = c.addToPalette([], '#112233');
  palette = c.addToPalette(palette, '#445566');
  palette = c.addToPalette(palette, '#112233');
  assert.deepEqual(palette, ['#112233', '#445566']);
  assert.deepEqual(c.normalizePalette(['#112233', 'red', 7, '#GGGGGG']), ['#112233']);
});
