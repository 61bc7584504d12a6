import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_FILES_PACKED } from './app-files.generated';
import { unpackFiles, unpackFilesBytes } from './packed-files';

/**
 * The files the architect writes as they are: the compiled apps' runtime (compiler/runtime, under
 * `runtime/`) and the kind templates' fixed files (templates/static, under `static/`), as one
 * brotli-compressed JSON object (./packed-files.ts): one pack compresses what the two share, about
 * 2 KB less than two. Decompressed once, on first use; a test keeps the data equal to the files
 * (test/architect/app-runtime-sources.test.ts).
 *
 * From sources they are the generated module's text. A function bundle ships them as a data file
 * beside its code instead (lib/constructs/function-bundling.ts names it through the esbuild
 * `define` `GANTRY_APP_FILES_BESIDE`, a constant there, so the module's text is left out): they
 * are what the function writes, not code it runs, so its JavaScript is a quarter smaller. The
 * file is read once, when the templates' modules load (they take their fixed files as they do):
 * the same decompression as from a string, plus one read of about 100 KB.
 */
declare const GANTRY_APP_FILES_BESIDE: string | undefined;

let files: Readonly<Record<string, string>> | undefined;

/** Every embedded file, by `runtime/<name>` or `static/<path>`. */
export function appFiles(): Readonly<Record<string, string>> {
  files ??=
    typeof GANTRY_APP_FILES_BESIDE === 'string'
      ? unpackFilesBytes(readFileSync(join(__dirname, GANTRY_APP_FILES_BESIDE)))
      : unpackFiles(APP_FILES_PACKED);
  return files;
}
