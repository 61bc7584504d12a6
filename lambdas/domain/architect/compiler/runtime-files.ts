import { brotliDecompressSync } from 'node:zlib';
import { RUNTIME_FILES_BROTLI } from './runtime-sources.generated';

/**
 * The app runtime's files (./runtime), which the compiler writes into every compiled app. They
 * ship in the bundle as one brotli-compressed JSON object (about a fifth of the text's size) and
 * are decompressed once, on first use.
 */
let files: Readonly<Record<string, string>> | undefined;

export function runtimeFiles(): Readonly<Record<string, string>> {
  files ??= JSON.parse(brotliDecompressSync(Buffer.from(RUNTIME_FILES_BROTLI, 'base64')).toString('utf8')) as Record<
    string,
    string
  >;
  return files;
}
