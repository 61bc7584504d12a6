// Builds the deployable site into dist/: copies the page, its styles and its modules, and
// refuses to build when the page or a module points at a file that does not exist.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, 'dist');
// No timestamps: the same sources always build the same output.
const APP = {{app}};
