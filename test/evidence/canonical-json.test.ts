import { canonicalize, CanonicalJsonError } from '../../lambdas/domain/canonical-json';
import { canonicalJson } from '../../lambdas/domain/event-chain';
import { DuplicateJsonKeyError, InvalidJsonError, parseStrictJson } from '../../lambdas/domain/strict-json';

describe('RFC 8785 canonical JSON', () => {
  test('the sample of RFC 8785 section 3.2.2 serialises byte for byte', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test('members sort by UTF-16 code units (RFC 8785 section 3.2.3 sample)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the order from the text: Object.keys would put the integer-like "1" first.
    const keys = [...canonicalize(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  test('numbers use the ECMAScript form; -0 is 0; NaN, Infinity and lone surrogates are refused', () => {
    expect(canonicalize([-0, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, 5e-324])).toBe(
      '[0,1e+21,1e-7,123456789012345680000,0.30000000000000004,5e-324]',
    );
    expect(() => canonicalize({ a: NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalize([Infinity])).toThrow(CanonicalJsonError);
    expect(() => canonicalize('\ud800')).toThrow(/lone UTF-16 surrogate/);
    expect(() => canonicalize({ big: BigInt(1) })).toThrow(CanonicalJsonError);
  });

  test('undefined members are left out and undefined array entries become null, as JSON.stringify does', () => {
    expect(canonicalize({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
  });

  test('the event chain hash form agrees with RFC 8785 on JSON values (chains stay valid)', () => {
    const value = { z: [1, 'two', { y: null, x: true }], a: 'é\n\u0001', m: 1.5e-9 };
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });
});

describe('strict JSON parsing', () => {
  test('parses what JSON.parse parses', () => {
    const text = '{"a":[1,-2.5e3,"x\\u00e9",true,false,null,{}],"b":{"c":[]},"__proto__":1}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    expect(Object.prototype.hasOwnProperty.call(parseStrictJson(text), '__proto__')).toBe(true);
  });

  test('a duplicated key anywhere is refused with a named error and its path', () => {
    expect(() => parseStrictJson('{"outcome":"FAILED","outcome":"DEPLOYED"}')).toThrow(DuplicateJsonKeyError);
    expect(() => parseStrictJson('{"a":[{"b":{"k":1,"k":2}}]}')).toThrow('Duplicate JSON key "k" in the object at $.a[0].b');
    // Different spellings of the same key are the same key.
    expect(() => parseStrictJson('{"k":1,"\\u006b":2}')).toThrow(DuplicateJsonKeyError);
  });

  test('invalid JSON is refused', () => {
    for (const bad of ['', '{', '{"a":1,}', '[1 2]', '01', '"\\x"', '{"a":1} x', 'NaN']) {
      expect(() => parseStrictJson(bad)).toThrow(InvalidJsonError);
    }
  });
});
