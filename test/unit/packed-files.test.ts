import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import {
  packFiles,
  packFilesBytes,
  packJson,
  shapedJson,
  unpackFiles,
  unpackFilesBytes,
  unpackJson,
} from '../../lambdas/domain/architect/packed-files';

/**
 * The packing every bundled data set goes through (templates, runtime, presets, word lists,
 * policy): any JSON value comes back exactly, esbuild prints the text in a bundle one byte per
 * character, and a text that is not a pack is refused.
 */

test('any value comes back exactly, whatever the length of its compressed bytes', () => {
  // Random text compresses badly, so its compressed length runs through every remainder of the
  // 6-byte groups.
  for (let size = 0; size < 300; size += 1) {
    const value = { size, text: randomBytes(size).toString('latin1'), nested: [size, null, true, 'é✓'] };
    expect(unpackJson(packJson(value))).toEqual(value);
  }
  const large = Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [`file-${i}.js`, `export const v${i} = ${i};\n`.repeat(i)]),
  );
  expect(unpackJson(packJson(large))).toEqual(large);
});

test('a pack takes about 1.17 characters per compressed byte, each printed as one byte in a bundle', async () => {
  const value = { text: randomBytes(4000).toString('base64') };
  const packed = packJson(value);
  const compressed = brotliCompressSync(Buffer.from(shapedJson(value), 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  // 7 characters per 6 bytes; 91 printable characters took 1.23 per byte, Z85 1.25, base64 1.33.
  expect(packed.length).toBe(compressed.length + Math.ceil(compressed.length / 6));
  expect(new Set(packed).size).toBe(117);
  // The way a bundle carries a pack: a `define` (the policy, the presets) and a generated module's
  // literal, as JSON strings with escapes. esbuild prints every character of it as itself.
  const bundle = await build({
    stdin: { contents: `export const files = ${JSON.stringify(packed)};\nexport const policy = GANTRY_PACK;` },
    define: { GANTRY_PACK: JSON.stringify(packed) },
    format: 'cjs',
    minify: true,
    write: false,
  });
  const code = bundle.outputFiles[0]!.text;
  expect(code.split(`"${packed}"`)).toHaveLength(3);
  expect(Buffer.byteLength(code)).toBe(code.length);
});

test('objects are written as their values after a list of their keys, and come back with their keys in order', () => {
  const value = {
    rows: [
      { id: 'a', label: 'A', required: true },
      { id: 'b', label: 'B', required: false },
    ],
    empty: {},
    negative: [-3, 1],
    nested: [[-1, { '': null }], []],
    proto: JSON.parse('{"__proto__": {"x": 1}}') as unknown,
  };
  expect(JSON.parse(shapedJson(value))).toEqual([
    [['rows', 'empty', 'negative', 'nested', 'proto'], ['id', 'label', 'required'], [], [''], ['__proto__'], ['x']],
    [
      -2,
      [
        [-3, 'a', 'A', true],
        [-3, 'b', 'B', false],
      ],
      [-4],
      [-1, -3, 1],
      [[-1, -1, [-5, null]], []],
      [-6, [-7, 1]],
    ],
  ]);
  const back = unpackJson(packJson(value)) as typeof value;
  expect(back).toEqual(value);
  expect(Object.keys(back)).toEqual(Object.keys(value));
  expect(Object.getPrototypeOf(back.proto)).toBe(Object.prototype);
  expect(Object.keys(back.proto as object)).toEqual(['__proto__']);
  for (const plain of ['text', 42, null, true, [], [1, 2]]) expect(unpackJson(packJson(plain))).toEqual(plain);
});

test('a text that is not a pack is refused', () => {
  expect(() => unpackJson('not a "pack"')).toThrow('Not a packed file set');
  expect(() => unpackJson(packJson({ a: 1 }).slice(0, -3))).toThrow();
});

test('files packed as bytes (a data file beside a bundle) come back as the characters give them, in a sixth less', () => {
  const files = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [i % 2 ? `src/m${i}.js` : `test/m${i}.test.js`, randomBytes(200 + i).toString('hex')]),
  );
  const bytes = packFilesBytes(files);
  expect(unpackFilesBytes(bytes)).toEqual(unpackFiles(packFiles(files)));
  expect(unpackFilesBytes(bytes)).toEqual(files);
  expect(packFiles(files).length / bytes.length).toBeCloseTo(7 / 6, 1);
  expect(() => unpackFilesBytes(Buffer.from('not brotli'))).toThrow('Not a packed file set');
});
