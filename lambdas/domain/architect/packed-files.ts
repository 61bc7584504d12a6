import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * Files (or any JSON) shipped inside a Lambda bundle as one string: a JSON object of path → text,
 * brotli-compressed, then written with 117 characters, every ASCII character that esbuild prints
 * as it is inside a double-quoted string literal: the printable ones but the double quote and the
 * backslash, and the control characters but NUL, line breaks, BEL, backspace, the form and
 * vertical feeds and ESC. Source files hold the control characters as escapes (the generators
 * write JSON strings); a bundle holds each as one byte. Every 6 bytes become 7 characters (117^7 ≥
 * 2^48), the last n < 6 bytes n + 1: about 1.17 characters per byte where 91 printable
 * characters took 1.23, Z85 1.25 and base64 1.33 (about 6 KB less in the architect's bundle).
 */
const ALPHABET = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1))
  .filter((c) => !'\x07\x08\n\x0b\x0c\r\x1b"\\\x7f'.includes(c))
  .join('');
const RADIX = ALPHABET.length;
const DIGIT = new Uint8Array(128).fill(255);
for (let i = 0; i < RADIX; i += 1) DIGIT[ALPHABET.charCodeAt(i)] = i;
/** Bytes per group of characters (a group of n bytes is n + 1 characters). */
const GROUP = 6;

/**
 * `files` as a packed string (see above); what the generators write. Files of one kind go next to
 * each other (by extension, a module's tests after the modules), where the compressor finds
 * more of what they share: about 0.5 KB less than in path order. The unpacked object's key order
 * is then that order, not the given one.
 */
export function packFiles(files: Readonly<Record<string, string>>): string {
  return packJson(inPackOrder(files));
}

/**
 * `files` as the bytes {@link packFiles} writes in characters: brotli-compressed JSON, for a file
 * shipped beside a bundle, where the characters would be a sixth more.
 */
export function packFilesBytes(files: Readonly<Record<string, string>>): Buffer {
  return compressedJson(inPackOrder(files));
}

/** `files` in the order the packers write them (see {@link packFiles}). */
function inPackOrder(files: Readonly<Record<string, string>>): Record<string, string> {
  const kind = (path: string): string => `${path.slice(path.lastIndexOf('.') + 1)}${path.includes('test') ? 1 : 0}`;
  const order = (a: string, b: string): number => {
    const [x, y] = [kind(a), kind(b)];
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  return Object.fromEntries(
    Object.keys(files)
      .sort(order)
      .map((path) => [path, files[path]!]),
  );
}

/** The files of a packed string; throws on a string that is not one. */
export function unpackFiles(packed: string): Record<string, string> {
  return unpackJson(packed) as Record<string, string>;
}

/** The files of bytes {@link packFilesBytes} wrote; throws on bytes that are not some. */
export function unpackFilesBytes(packed: Uint8Array): Record<string, string> {
  return uncompressedJson(packed) as Record<string, string>;
}

/**
 * `value` as JSON in which each object is an array: a negative number naming its keys' list,
 * which the text's first part lists once per set of keys, then its values. Brotli finds repeated
 * keys well, but not as well as leaving them out: about 3 KB less in the request reader's pack.
 * An array whose own first item is a negative number is marked with -1 first.
 */
export function shapedJson(value: unknown): string {
  const shapes = new Map<string, number>();
  const shape = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(shape);
      return typeof v[0] === 'number' && v[0] < 0 ? [-1, ...items] : items;
    }
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    const id = JSON.stringify(keys);
    if (!shapes.has(id)) shapes.set(id, shapes.size);
    return [-2 - shapes.get(id)!, ...keys.map((k) => shape((v as Record<string, unknown>)[k]))];
  };
  const shaped = shape(JSON.parse(JSON.stringify(value) ?? 'null'));
  return JSON.stringify([[...shapes.keys()].map((id) => JSON.parse(id) as string[]), shaped]);
}

/** The value {@link shapedJson} wrote. */
function unshaped(text: string): unknown {
  const [shapes, shaped] = JSON.parse(text) as [string[][], unknown];
  const read = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    const head: unknown = v[0];
    if (typeof head !== 'number' || head >= 0) return v.map(read);
    const items = v.slice(1).map(read);
    if (head === -1) return items;
    const keys = shapes[-2 - head];
    if (!keys) throw new Error('Not a packed file set');
    return Object.fromEntries(keys.map((k, i) => [k, items[i]]));
  };
  return read(shaped);
}

/**
 * Any JSON value packed the same way, its objects' keys listed once ({@link shapedJson}): the
 * bundling's `define`s (the policy, the presets) are these.
 */
export function packJson(value: unknown): string {
  const bytes = compressedJson(value);
  let text = '';
  for (let at = 0; at < bytes.length; at += GROUP) {
    const group = bytes.subarray(at, at + GROUP);
    let value = 0;
    for (let i = group.length - 1; i >= 0; i -= 1) value = value * 256 + group[i]!;
    for (let i = 0; i <= group.length; i += 1) {
      text += ALPHABET[value % RADIX]!;
      value = Math.floor(value / RADIX);
    }
  }
  return text;
}

/** `value` as {@link shapedJson}, brotli-compressed. */
function compressedJson(value: unknown): Buffer {
  return brotliCompressSync(Buffer.from(shapedJson(value), 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The value of {@link compressedJson}'s bytes. */
function uncompressedJson(bytes: Uint8Array): unknown {
  try {
    return unshaped(brotliDecompressSync(bytes).toString('utf8'));
  } catch {
    throw new Error('Not a packed file set');
  }
}

/** The value of a string {@link packJson} made; throws on a string that is not one. */
export function unpackJson(packed: string): unknown {
  const bytes = Buffer.alloc(packed.length - Math.ceil(packed.length / (GROUP + 1)));
  let written = 0;
  for (let at = 0; at < packed.length; at += GROUP + 1) {
    const count = Math.min(GROUP + 1, packed.length - at) - 1;
    let value = 0;
    for (let i = count; i >= 0; i -= 1) {
      const digit = DIGIT[packed.charCodeAt(at + i)] ?? 255;
      if (digit === 255) throw new Error('Not a packed file set');
      value = value * RADIX + digit;
    }
    if (count === 0 || value >= 256 ** count) throw new Error('Not a packed file set');
    for (let i = 0; i < count; i += 1) {
      bytes[written++] = value % 256;
      value = Math.floor(value / 256);
    }
  }
  return uncompressedJson(bytes);
}
