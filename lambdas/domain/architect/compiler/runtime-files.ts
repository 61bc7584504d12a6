import { appFiles } from '../app-files';

/**
 * The app runtime's files (./runtime), which the compiler writes into every compiled app. They
 * ship in the bundle packed with the templates' fixed files (../app-files.ts).
 */
let files: Readonly<Record<string, string>> | undefined;

export function runtimeFiles(): Readonly<Record<string, string>> {
  files ??= Object.fromEntries(
    Object.entries(appFiles())
      .filter(([path]) => path.startsWith('runtime/'))
      .map(([path, text]) => [path.slice('runtime/'.length), text]),
  );
  return files;
}
