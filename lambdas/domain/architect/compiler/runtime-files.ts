import { unpackFiles } from '../packed-files';
import { RUNTIME_FILES_PACKED } from './runtime-sources.generated';

/**
 * The app runtime's files (./runtime), which the compiler writes into every compiled app. They
 * ship in the bundle as one brotli-compressed JSON object (about a fifth of the text's size, see
 * ../packed-files.ts) and are decompressed once, on first use.
 */
let files: Readonly<Record<string, string>> | undefined;

export function runtimeFiles(): Readonly<Record<string, string>> {
  files ??= unpackFiles(RUNTIME_FILES_PACKED);
  return files;
}
