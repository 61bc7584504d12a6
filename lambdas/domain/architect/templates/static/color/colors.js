// Colours as pure functions: reading what a person types (#1e90ff, #fff, rgb(30, 144, 255),
// hsl(210, 100%, 56%) or a few names), writing it in each notation, and the contrast between two
// colours as WCAG 2 measures it.

export const NAMED = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  pink: '#ffc0cb',
  gray: '#808080',
  grey: '#808080',
  navy: '#000080',
  teal: '#008080',
};

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** { r, g, b } (0–255 each) from what a person typed; a RangeError that says what is accepted otherwise. */
export function parseColor(text) {
  const input = String(text ?? '').trim().toLowerCase();
  if (Object.hasOwn(NAMED, input)) return parseColor(NAMED[input]);
  let m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(input);
  if (m) {
    const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
    return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
  }
  m = /^rgb\(\s*(\d{1,3})\s*,?\s*(\d{1,3})\s*,?\s*(\d{1,3})\s*\)$/.exec(input);
  if (m) {
    const [r, g, b] = m.slice(1).map(Number);
    if ([r, g, b].some((v) => v > 255)) throw new RangeError('Each of red, green and blue is 0 to 255');
    return { r, g, b };
  }
  m = /^hsl\(\s*(\d{1,3}(?:\.\d+)?)\s*,?\s*(\d{1,3}(?:\.\d+)?)%\s*,?\s*(\d{1,3}(?:\.\d+)?)%\s*\)$/.exec(input);
  if (m) {
    const [h, s, l] = m.slice(1).map(Number);
    if (h > 360 || s > 100 || l > 100) throw new RangeError('Hue is 0 to 360, saturation and lightness 0% to 100%');
    return hslToRgb({ h, s, l });
  }
  throw new RangeError('Write a colour as #1e90ff, #fff, rgb(30, 144, 255), hsl(210, 100%, 56%) or a name such as teal');
}

export function toHex({ r, g, b }) {
  return '#' + [r, g, b].map((v) => clamp(Math.round(v), 0, 255).toString(16).padStart(2, '0')).join('');
}

export function toRgbText({ r, g, b }) {
  return 'rgb(' + r + ', ' + g + ', ' + b + ')';
}

/** Hue in degrees, saturation and lightness in percent, each rounded to a whole number. */
export function rgbToHsl({ r, g, b }) {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  let s = 0;
  if (d !== 0) {
    s = d / (1 - Math.abs(2 * l - 1));
    if (max === rn) h = 60 * (((gn - bn) / d) % 6);
    else if (max === gn) h = 60 * ((bn - rn) / d + 2);
    else h = 60 * ((rn - gn) / d + 4);
  }
  return { h: Math.round((h + 360) % 360), s: Math.round(s * 100), l: Math.round(l * 100) };
}

export function hslToRgb({ h, s, l }) {
  const sn = s / 100;
  const ln = l / 100;
  const c = (1 - Math.abs(2 * ln - 1)) * sn;
  const hp = (((h % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r1, g1, b1] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = ln - c / 2;
  return { r: Math.round((r1 + m) * 255), g: Math.round((g1 + m) * 255), b: Math.round((b1 + m) * 255) };
}

export function toHslText(rgb) {
  const { h, s, l } = rgbToHsl(rgb);
  return 'hsl(' + h + ', ' + s + '%, ' + l + '%)';
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }) {
  const lin = (v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours, 1 to 21, rounded to two decimals. */
export function contrastRatio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** What a contrast ratio passes for text: AAA (7), AA (4.5), AA for large text only (3), or nothing. */
export function contrastGrade(ratio) {
  if (ratio >= 7) return 'AAA';
  if (ratio >= 4.5) return 'AA';
  if (ratio >= 3) return 'AA large text';
  return 'Fails';
}

/** Two darker and two lighter shades around a colour (a third and two thirds of the way to black and to white), darkest first. */
export function shades(rgb) {
  const { h, s, l } = rgbToHsl(rgb);
  const levels = [l / 3, (2 * l) / 3, l, l + (100 - l) / 3, l + (2 * (100 - l)) / 3];
  return levels.map((level) => toHex(hslToRgb({ h, s, l: level })));
}

/** The palette after saving a colour: newest first, no repeats, at most `max`. */
export function addToPalette(palette, hex, max = 24) {
  return [hex, ...palette.filter((c) => c !== hex)].slice(0, max);
}

/** A saved palette, keeping only colours written as #rrggbb. */
export function normalizePalette(raw) {
  return Array.isArray(raw) ? raw.filter((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/.test(c)).slice(0, 24) : [];
}
