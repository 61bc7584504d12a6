// Developer text tools as pure functions: JSON read exactly as written (numbers keep every
// digit) and printed pretty or minified, Base64 and URL encoding of UTF-8 text, and SHA digests.

/** A JSON text that does not read, with where: line and column from 1. */
export class JsonError extends Error {
  constructor(message, text, index) {
    const before = text.slice(0, index).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    super(message + ' at line ' + line + ', column ' + column);
    this.line = line;
    this.column = column;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * Reads JSON into a tree that keeps each number's text and each string's escapes as written:
 * { type: 'object', entries: [[key, node]] }, { type: 'array', items }, or { type: 'value', raw }.
 */
export function parseJson(text) {
  let i = 0;
  const fail = (message, at = i) => {
    throw new JsonError(message, text, at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i += 1;
  };
  const string = () => {
    const start = i;
    i += 1;
    STRING_BODY.lastIndex = i;
    STRING_BODY.exec(text);
    i = STRING_BODY.lastIndex;
    if (text[i] !== '"') {
      if (i >= text.length) fail('A string is not closed', start);
      fail(text[i] === '\\' ? 'An unknown escape in a string' : 'A control character in a string (write it as \\n, \\t or \\u…)');
    }
    i += 1;
    return text.slice(start, i);
  };
  const value = (depth) => {
    if (depth > 500) fail('Nested too deeply');
    space();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      const entries = [];
      space();
      if (text[i] === '}') {
        i += 1;
        return { type: 'object', entries };
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(text[i] === '}' ? 'A comma before }' : 'Expected a key in double quotes');
        const key = string();
        space();
        if (text[i] !== ':') fail('Expected : after the key');
        i += 1;
        entries.push([key, value(depth + 1)]);
        space();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return { type: 'object', entries };
        }
        fail(i >= text.length ? 'The object is not closed' : 'Expected , or }');
      }
    }
    if (ch === '[') {
      i += 1;
      const items = [];
      space();
      if (text[i] === ']') {
        i += 1;
        return { type: 'array', items };
      }
      for (;;) {
        space();
        if (text[i] === ']') fail('A comma before ]');
        items.push(value(depth + 1));
        space();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return { type: 'array', items };
        }
        fail(i >= text.length ? 'The array is not closed' : 'Expected , or ]');
      }
    }
    if (ch === '"') return { type: 'value', raw: string() };
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { type: 'value', raw: word };
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '-') {
      i += number[0].length;
      return { type: 'value', raw: number[0] };
    }
    if (i >= text.length) fail('Expected a value, but the text ends');
    if (ch === "'") fail('Strings take double quotes');
    fail('Unexpected ' + JSON.stringify(ch));
  };
  const tree = value(0);
  space();
  if (i < text.length) fail('Unexpected text after the value');
  return tree;
}

/** A key as it reads (for sorting): the string's text without its escapes. */
const keyText = (raw) => JSON.parse(raw);

/** The tree as JSON text: `indent` spaces (or a tab) per level, 0 for one line; keys sorted when asked. */
export function printJson(tree, { indent = 2, sortKeys = false } = {}) {
  const unit = indent === 'tab' ? '\t' : ' '.repeat(indent);
  const pretty = unit !== '';
  const print = (node, pad) => {
    if (node.type === 'value') return node.raw;
    const inner = pad + unit;
    const open = node.type === 'object' ? '{' : '[';
    const close = node.type === 'object' ? '}' : ']';
    let parts;
    if (node.type === 'object') {
      const entries = sortKeys ? [...node.entries].sort(([a], [b]) => (keyText(a) < keyText(b) ? -1 : keyText(a) > keyText(b) ? 1 : 0)) : node.entries;
      parts = entries.map(([key, child]) => key + (pretty ? ': ' : ':') + print(child, inner));
    } else {
      parts = node.items.map((child) => print(child, inner));
    }
    if (parts.length === 0) return open + close;
    return pretty ? open + '\n' + inner + parts.join(',\n' + inner) + '\n' + pad + close : open + parts.join(',') + close;
  };
  return print(tree, '');
}

/** Pretty JSON of `text` (see printJson); throws a JsonError saying where it does not read. */
export function formatJson(text, options) {
  return printJson(parseJson(text), options);
}

export function minifyJson(text) {
  return printJson(parseJson(text), { indent: 0 });
}

const utf8 = new TextEncoder();

/** UTF-8 text as Base64; URL-safe (- and _, no padding) when asked. */
export function encodeBase64(text, urlSafe = false) {
  let binary = '';
  for (const byte of utf8.encode(text)) binary += String.fromCharCode(byte);
  const plain = btoa(binary);
  return urlSafe ? plain.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : plain;
}

/** Base64 (plain or URL-safe, padding optional, spaces and line breaks ignored) back to UTF-8 text. */
export function decodeBase64(text) {
  const compact = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new Error('This is not Base64: only letters, digits, + and / (or - and _), with = at the end.');
  }
  const padded = compact.replace(/=+$/, '') + '='.repeat((4 - (compact.replace(/=+$/, '').length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('The Base64 reads, but what it holds is not UTF-8 text (' + bytes.length + ' bytes of binary data).');
  }
}

/** Text encoded for a URL's query or path part (every reserved character escaped). */
export function encodeUrl(text) {
  return encodeURIComponent(text);
}

/** URL encoding back to text; a + in a query is a space when asked. */
export function decodeUrl(text, plusIsSpace = true) {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    throw new Error('This is not URL encoding: a % must start a valid escape such as %20 or %C3%A9.');
  }
}

export const DIGESTS = ['SHA-256', 'SHA-384', 'SHA-512', 'SHA-1'];

/** The digest of UTF-8 text in hex, with the browser's own crypto (SHA-256 unless asked). */
export async function digestHex(text, algorithm = 'SHA-256') {
  if (!DIGESTS.includes(algorithm)) throw new Error('Unknown digest ' + algorithm);
  const hash = await crypto.subtle.digest(algorithm, utf8.encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
