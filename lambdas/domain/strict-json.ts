/**
 * A JSON parser that refuses what `JSON.parse` silently accepts: a member name given twice in one
 * object. Parsers disagree on which of two values wins ("outcome" twice), so a signed document
 * with a duplicate could mean one thing to the verifier and another to the reader.
 */
export class DuplicateJsonKeyError extends Error {
  readonly code = 'DUPLICATE_JSON_KEY';
  constructor(
    readonly key: string,
    readonly path: string,
  ) {
    super(`Duplicate JSON key ${JSON.stringify(key)} in the object at ${path}`);
    this.name = 'DuplicateJsonKeyError';
  }
}

export class InvalidJsonError extends Error {
  readonly code = 'INVALID_JSON';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidJsonError';
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Parses JSON text like `JSON.parse`, but throws `DuplicateJsonKeyError` on a repeated member name. */
export function parseStrictJson(text: string): unknown {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new InvalidJsonError(`Invalid JSON at offset ${i}: ${what}`);
  };
  const token = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };
  const value = (path: string, depth: number): unknown => {
    if (depth > 512) fail('nested too deeply');
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const seen = new Set<string>();
      skip();
      if (text[i] === '}') {
        i++;
        return { ...obj };
      }
      for (;;) {
        skip();
        const raw = token(STRING) ?? fail('expected a member name');
        const key = JSON.parse(raw) as string;
        if (seen.has(key)) throw new DuplicateJsonKeyError(key, path);
        seen.add(key);
        skip();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        obj[key] = value(`${path}.${key}`, depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          // A plain object again, so callers see ordinary prototypes (the null prototype kept
          // "__proto__" an ordinary member while parsing).
          return Object.fromEntries(Object.entries(obj));
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${path}[${arr.length}]`, depth + 1));
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return JSON.parse(token(STRING) ?? fail('bad string')) as string;
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    const num = token(NUMBER);
    if (num === null) fail('unexpected character');
    return Number(num);
  };
  const out = value('$', 0);
  skip();
  if (i !== text.length) fail('text after the JSON value');
  return out;
}
