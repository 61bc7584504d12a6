import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as t from '../src/devtools.js';

test('JSON is printed pretty or on one line, every number and escape as written', () => {
  const text = '{"b":[1,2.50,{"x":null}],"a":"caf\\u00e9 \\"q\\"","big":12345678901234567890,"e":1E+3,"t":true,"o":{},"l":[]}';
  assert.equal(
    t.formatJson(text),
    '{\n  "b": [\n    1,\n    2.50,\n    {\n      "x": null\n    }\n  ],\n  "a": "caf\\u00e9 \\"q\\"",\n  "big": 12345678901234567890,\n  "e": 1E+3,\n  "t": true,\n  "o": {},\n  "l": []\n}',
  );
  assert.equal(t.minifyJson(t.formatJson(text)), text);
  assert.equal(t.formatJson('[1,[2]]', { indent: 'tab' }), '[\n\t1,\n\t[\n\t\t2\n\t]\n]');
  assert.equal(t.formatJson('{"a":1}', { indent: 4 }), '{\n    "a": 1\n}');
  assert.equal(t.formatJson(' "just a string" '), '"just a string"');
});

test('keys sort when asked, by their text, and nested objects too', () => {
  assert.equal(t.minifyJson('{"b":1,"a":{"d":1,"c":2},"\\u0041":0}'), '{"b":1,"a":{"d":1,"c":2},"\\u0041":0}');
  assert.equal(
    t.printJson(t.parseJson('{"b":1,"a":{"d":1,"c":2},"\\u0041":0}'), { indent: 0, sortKeys: true }),
    '{"\\u0041":0,"a":{"c":2,"d":1},"b":1}',
  );
});

test('JSON that does not read says what is wrong and where', () => {
  const where = (text) => {
    try {
      t.parseJson(text);
    } catch (error) {
      assert.ok(error instanceof t.JsonError);
      return error.message;
    }
    return 'read';
  };
  assert.equal(where('{"a": 1,}'), 'A comma before } at line 1, column 9');
  assert.equal(where('{\n  "a": 1\n  "b": 2\n}'), 'Expected , or } at line 3, column 3');
  assert.equal(where("{'a': 1}"), 'Expected a key in double quotes at line 1, column 2');
  assert.equal(where('[1, 2'), 'The array is not closed at line 1, column 6');
  assert.equal(where('"abc'), 'A string is not closed at line 1, column 1');
  assert.equal(where('["a\\x"]'), 'An unknown escape in a string at line 1, column 4');
  assert.equal(where('[01]'), 'Expected , or ] at line 1, column 3');
  assert.equal(where('{"a": tru}'), 'Unexpected "t" at line 1, column 7');
  assert.equal(where('[] []'), 'Unexpected text after the value at line 1, column 4');
  assert.equal(where(''), 'Expected a value, but the text ends at line 1, column 1');
  assert.equal(where('-'), 'Unexpected "-" at line 1, column 1');
  assert.equal(where('['.repeat(600)), 'Nested too deeply at line 1, column 502');
  for (const good of ['0', '-0.5e-3', '"\\ud83d\\ude00"', '{"a":[true,false,null]}']) assert.equal(where(good), 'read');
});

test('Base64 carries UTF-8 text both ways, plain or URL-safe', () => {
  assert.equal(t.encodeBase64('hello'), 'aGVsbG8=');
  assert.equal(t.encodeBase64('héllo ✓'), 'aMOpbGxvIOKckw==');
  assert.equal(t.encodeBase64('??>'), 'Pz8+');
  assert.equal(t.encodeBase64('??>', true), 'Pz8-');
  assert.equal(t.decodeBase64('aMOpbGxvIOKckw=='), 'héllo ✓');
  assert.equal(t.decodeBase64('aGVs\nbG8'), 'hello', 'line breaks and missing padding are fine');
  assert.equal(t.decodeBase64('Pz8-'), '??>');
  assert.throws(() => t.decodeBase64('not base64!'), /not Base64/);
  assert.throws(() => t.decodeBase64('abcde'), /not Base64/);
  assert.throws(() => t.decodeBase64('/w=='), /not UTF-8 text \(1 bytes/);
});

test('URL encoding escapes every reserved character and comes back', () => {
  assert.equal(t.encodeUrl('a b&c=d/é'), 'a%20b%26c%3Dd%2F%C3%A9');
  assert.equal(t.decodeUrl('a%20b%26c%3Dd%2F%C3%A9'), 'a b&c=d/é');
  assert.equal(t.decodeUrl('a+b'), 'a b');
  assert.equal(t.decodeUrl('a+b', false), 'a+b');
  assert.throws(() => t.decodeUrl('100%'), /not URL encoding/);
});

test('digests are the standard ones, in hex', async () => {
  assert.equal(await t.digestHex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(await t.digestHex('', 'SHA-1'), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  assert.equal((await t.digestHex('abc', 'SHA-512')).length, 128);
  await assert.rejects(() => t.digestHex('abc', 'MD5'), /Unknown digest/);
});
