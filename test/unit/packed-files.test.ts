import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { packJson, unpackJson } from '../../lambdas/domain/architect/packed-files';

/**
 * The packing every bundled data set goes through (templates, runtime, presets, word lists,
 * policy): any JSON value comes back exactly, the text holds no character a string literal must
 * escape, and a text that is not a pack is refused.
 */

test('any value comes back exactly, whatever the length of its compressed bytes', () => {
  // Random text compresses badly, so its compressed length runs through every remainder of the
  // 13- and 14-bit groups.
  for (let size = 0; size < 300; size += 1) {
    const value = { size, text: randomBytes(size).toString('latin1'), nested: [size, null, true, 'é✓'] };
    expect(unpackJson(packJson(value))).toEqual(value);
  }
  const large = Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [`file-${i}.js`, `export const v${i} = ${i};\n`.repeat(i)]),
  );
  expect(unpackJson(packJson(large))).toEqual(large);
});

test('a pack is printable ASCII without quotes, backslashes or spaces, about 1.23 characters per compressed byte', () => {
  const value = { text: randomBytes(4000).toString('base64') };
  const packed = packJson(value);
  expect(packed).toMatch(/^[!#-&(-[\]-~]+$/);
  const compressed = brotliCompressSync(Buffer.from(JSON.stringify(value), 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  // Z85 would take 1.25 characters per byte, base64 1.33.
  expect(packed.length).toBeLessThanOrEqual(Math.ceil(compressed.length * 1.235) + 2);
  expect(packed.length).toBeLessThan(compressed.toString('base64').length);
});

test('a text that is not a pack is refused', () => {
  expect(() => unpackJson('not a "pack"')).toThrow('Not a packed file set');
  expect(() => unpackJson(packJson({ a: 1 }).slice(0, -3))).toThrow();
});
