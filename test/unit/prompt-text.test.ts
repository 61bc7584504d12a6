import { InvalidPromptError, normalizePromptText, promptTextSchema } from '../../lambdas/domain/prompt-text';

describe('normalizePromptText', () => {
  test.each([
    ['\u0000', 'U+0000 (NUL)'],
    ['\u0007', 'U+0007 (BEL)'],
    ['\u000b', 'U+000B (VT)'],
    ['\u001b', 'U+001B (ESC)'],
    ['\u007f', 'U+007F (DEL)'],
    ['\u0085', 'U+0085 (C1 control)'],
    ['\ud800', 'U+D800'],
  ])('refuses %j, naming it and its position', (char, shown) => {
    let caught: unknown;
    try {
      normalizePromptText(`ab${char}c`, 'message');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidPromptError);
    expect(caught).toMatchObject({ code: 'INVALID_PROMPT', httpStatus: 400 });
    expect((caught as Error).message).toContain(shown);
    expect((caught as Error).message).toContain('position 3');
    expect((caught as Error).message).toMatch(/^message /);
  });

  test('keeps tabs and line breaks, unifies CRLF and CR, applies NFC; emoji and other scripts pass', () => {
    expect(normalizePromptText('a\tb\r\nc\rd\ne')).toBe('a\tb\nc\nd\ne');
    expect(normalizePromptText('cafe\u0301')).toBe('caf\u00e9');
    expect(normalizePromptText('una calculadora 🧮 · 計算機')).toBe('una calculadora 🧮 · 計算機');
  });
});

describe('promptTextSchema', () => {
  const schema = promptTextSchema('voice_memo', 10);
  test('trims, checks emptiness and length after normalisation', () => {
    expect(schema.parse('  cafe\u0301  ')).toBe('caf\u00e9');
    expect(schema.safeParse('   ').success).toBe(false);
    expect(schema.safeParse('x'.repeat(11)).success).toBe(false);
    // Ten decomposed characters are five after NFC: within the limit.
    expect(schema.parse('e\u0301'.repeat(5))).toBe('\u00e9'.repeat(5));
  });
  test('a control character surfaces as InvalidPromptError through safeParse (the edge maps it to 400 INVALID_PROMPT)', () => {
    expect(() => schema.safeParse('a\u0000b')).toThrow(InvalidPromptError);
  });
});
