import * as z from './zod';
import { GantryError } from './errors';

/**
 * One normaliser for every text a person sends as a prompt (architect, consult, voice, chat,
 * Siri). A prompt travels into commit messages, PR bodies, generated files and the evidence: a
 * NUL or another control character is refused at the door (400 INVALID_PROMPT, naming the
 * character and where it is) rather than failing at PUBLISHING after the app is already live.
 * Line breaks are kept (CRLF and CR become LF), tabs are kept, and the text is NFC-normalised so
 * the same words always hash, compare and search the same.
 */
export class InvalidPromptError extends GantryError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('INVALID_PROMPT', message, 400, details);
    this.name = 'InvalidPromptError';
  }
}

/** Short names of the C0 controls and DEL, for messages a person can act on. */
const CONTROL_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
]; // prettier-ignore

/** C0 controls except TAB and LF (CR is normalised before this runs), DEL, and the C1 controls. */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** A UTF-16 surrogate without its pair: not a character at all, and invalid UTF-8 once stored. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(char: string): string {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    code < 0x20 ? CONTROL_NAMES[code] : code === 0x7f ? 'DEL' : code >= 0x80 && code <= 0x9f ? 'C1 control' : undefined;
  return name ? `${hex} (${name})` : hex;
}

/**
 * Returns the prompt with line breaks unified and NFC applied, or throws InvalidPromptError
 * naming the field, the first forbidden character and its 1-based position.
 */
export function normalizePromptText(text: string, field = 'prompt'): string {
  const unified = text.replace(/\r\n?/g, '\n');
  const control = FORBIDDEN_CONTROL.exec(unified);
  if (control) {
    throw new InvalidPromptError(
      `${field} contains the control character ${describe(control[0])} at position ${control.index + 1}; only text, line breaks and tabs are accepted`,
      { field, position: control.index + 1, character: describe(control[0]) },
    );
  }
  const surrogate = LONE_SURROGATE.exec(unified);
  if (surrogate) {
    throw new InvalidPromptError(
      `${field} contains an unpaired surrogate ${describe(surrogate[0])} at position ${surrogate.index + 1}`,
      {
        field,
        position: surrogate.index + 1,
      },
    );
  }
  return unified.normalize('NFC');
}

/**
 * The schema of a prompt field: normalised (see `normalizePromptText`), trimmed, not empty, at
 * most `maxChars` characters after normalisation. A forbidden character is thrown as
 * InvalidPromptError from the transform: zod passes exceptions from transforms through
 * `safeParse`, so the edge answers 400 INVALID_PROMPT rather than a generic validation error.
 */
export function promptTextSchema(field: string, maxChars: number) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((text) => normalizePromptText(text, field)),
    ),
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1, `${field} must not be empty`),
        z.maxLength(maxChars, `${field} is longer than api.max_prompt_chars (${maxChars})`),
      ),
  );
}
