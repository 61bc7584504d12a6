import { createHash } from 'node:crypto';
import { GantryError } from './errors';

/**
 * A design reference image sent with a consultation (seed 000: base64 + filename). Its type is
 * decided by its bytes, never by its name; the name's extension must agree; its size is bounded
 * by policy (`api.max_image_bytes`). Pure.
 */

export const IMAGE_TYPES = {
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** A checked design image: the exact bytes and what they are. */
export interface DesignImage {
  readonly type: ImageType;
  /** Extension used for the stored and published copy (`jpg` for JPEG). */
  readonly ext: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  /** The name the person gave it, cleaned for display. */
  readonly filename: string;
}

/** What the mission record keeps about its design reference (the bytes live in the artifact store). */
export interface DesignReferenceRecord {
  readonly key: string;
  readonly filename: string;
  readonly ext: string;
  readonly content_type: string;
  readonly bytes: number;
  readonly sha256: string;
}

export class InvalidImageError extends GantryError {
  constructor(code: string, message: string, httpStatus = 400, details?: Record<string, unknown>) {
    super(code, message, httpStatus, details);
    this.name = 'InvalidImageError';
  }
}

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The image type the bytes are, by their magic numbers, or null. */
export function detectImageType(bytes: Buffer): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) {
    return 'gif';
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/** Standard or URL-safe base64, optionally as a `data:image/...;base64,` URL, whitespace ignored. */
function decodeBase64(text: string): Buffer {
  const body = text.replace(/^data:[a-z0-9.+/-]+;base64,/i, '').replace(/\s+/g, '');
  if (body.length === 0) throw new InvalidImageError('IMAGE_EMPTY', 'image_base64 is empty');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(body) || body.length % 4 === 1) {
    throw new InvalidImageError('IMAGE_NOT_BASE64', 'image_base64 is not valid base64');
  }
  return Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Bytes a base64 text decodes to, computed without decoding (to refuse a huge image cheaply). */
export function decodedLength(text: string): number {
  const body = text.replace(/^data:[a-z0-9.+/-]+;base64,/i, '').replace(/\s+/g, '');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
}

function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[^\p{L}\p{N} ._()-]+/gu, '_').slice(0, 120) || 'design';
}

/**
 * Checks a design image: size within `maxBytes`, bytes that are a PNG, JPEG, WebP or GIF, and a
 * filename whose extension names that same type. Every refusal is a 4xx with its own code.
 */
export function validateDesignImage(input: { base64: string; filename: string; maxBytes: number }): DesignImage {
  const filename = cleanFilename(input.filename);
  const declared = decodedLength(input.base64);
  if (declared > input.maxBytes) {
    throw new InvalidImageError(
      'IMAGE_TOO_LARGE',
      `The image is ${declared} bytes; the limit (api.max_image_bytes) is ${input.maxBytes} bytes`,
      413,
      { limit_bytes: input.maxBytes, actual_bytes: declared },
    );
  }
  const bytes = decodeBase64(input.base64);
  const type = detectImageType(bytes);
  if (!type) {
    throw new InvalidImageError(
      'UNSUPPORTED_IMAGE_TYPE',
      `${filename} is not a PNG, JPEG, WebP or GIF image (checked by its content, not its name)`,
      415,
    );
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const allowed: readonly string[] = IMAGE_TYPES[type].extensions;
  if (!allowed.includes(ext)) {
    throw new InvalidImageError(
      'IMAGE_EXTENSION_MISMATCH',
      `${filename} contains a ${type.toUpperCase()} image but its name says ${ext ? `.${ext}` : 'no type'}; name it .${allowed.join(' or .')}`,
      400,
      { detected: type, extension: ext || null },
    );
  }
  return {
    type,
    ext: type === 'jpeg' ? 'jpg' : type,
    contentType: IMAGE_TYPES[type].contentType,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    filename,
  };
}

/** Where a mission's design reference is stored (S3 in AWS, the data dir locally). */
export function designReferenceKey(tenantId: string, missionId: string, ext: string): string {
  return `tenants/${tenantId}/missions/${missionId}/design-reference.${ext}`;
}

/** Where it lands in the built repository. */
export function designReferencePath(ext: string): string {
  return `public/design-reference.${ext}`;
}
