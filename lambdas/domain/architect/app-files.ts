import { APP_FILES_PACKED } from './app-files.generated';
import { unpackFiles } from './packed-files';

/**
 * The files the architect writes as they are: the compiled apps' runtime (compiler/runtime, under
 * `runtime/`) and the kind templates' fixed files (templates/static, under `static/`). They ship
 * in the bundle as one brotli-compressed JSON object (./packed-files.ts): one pack compresses
 * what the two share, about 2 KB less than two. Decompressed once, on first use; a test keeps the
 * data equal to the files (test/architect/app-runtime-sources.test.ts).
 */
let files: Readonly<Record<string, string>> | undefined;

/** Every embedded file, by `runtime/<name>` or `static/<path>`. */
export function appFiles(): Readonly<Record<string, string>> {
  files ??= unpackFiles(APP_FILES_PACKED);
  return files;
}
