'use strict';
/**
 * Loads a TypeScript entry of this project as prebuilt JavaScript. The first start compiles the
 * entry and everything it imports from the project into one CommonJS file (dependencies stay in
 * node_modules) and caches it beside a record of the SHA-256 of every source read; later starts
 * check those digests and load the cached file, so no TypeScript is compiled at run time. An
 * edited source is picked up by the next start. If the cache cannot be built (a read-only tree,
 * a missing esbuild), the entry runs through tsx as before.
 *
 * Each source's own folder is kept as its `__dirname`, so modules that find files next to
 * themselves (policy.yaml, the state machine, the builder's sources) find them from the bundle.
 */
const { createHash, randomUUID } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');

const ROOT = resolve(__dirname, '..');
const CACHE_DIR = process.env.GANTRY_PREBUILT_DIR || join(ROOT, 'node_modules', '.cache', 'gantry');

/** This file's own digest: a bundle built by another version of it (other build options) is built again. */
const LOADER_DIGEST = digestOf(__filename);

function digestOf(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

/** The cached bundle of `entry` if every source it was built from is unchanged, else null. */
function current(entry, names) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(names.meta, 'utf8'));
  } catch {
    return null;
  }
  if (!meta || meta.entry !== entry || meta.node !== process.version || meta.loader !== LOADER_DIGEST) return null;
  if (typeof meta.inputs !== 'object') return null;
  for (const [path, digest] of Object.entries(meta.inputs)) if (digestOf(join(ROOT, path)) !== digest) return null;
  return names.bundle;
}

/** Keeps each module's own folder as `__dirname` inside the single bundle. */
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('__dirname')) return undefined;
      const loader = /\.ts$/.test(args.path) ? 'ts' : 'js';
      return {
        contents: `const __dirname = ${JSON.stringify(dirname(args.path))};\n${source}`,
        loader,
      };
    });
  },
};

async function build(entry, names) {
  const esbuild = require('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    // Stack traces need the mappings only; the sources are in the tree (the map is read at every start).
    sourcesContent: false,
    write: false,
    metafile: true,
    outfile: names.bundle,
    plugins: [ownDirname],
    logLevel: 'silent',
  });
  const inputs = {};
  for (const input of Object.keys(out.metafile.inputs)) {
    const path = relative(ROOT, resolve(ROOT, input));
    inputs[path] = digestOf(join(ROOT, path));
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written under private names and renamed: a concurrent start never loads half a file.
  for (const file of out.outputFiles) {
    const tmp = `${file.path}.${randomUUID()}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  const tmp = `${names.meta}.${randomUUID()}.tmp`;
  writeFileSync(tmp, JSON.stringify({ entry, node: process.version, esbuild: esbuild.version, loader: LOADER_DIGEST, inputs }));
  renameSync(tmp, names.meta);
  return names.bundle;
}

/** `entry` relative to the project root, e.g. `local/cli.ts`. Resolves to its module's exports. */
async function loadPrebuilt(entry) {
  const base = entry.replace(/[^A-Za-z0-9]+/g, '-');
  const names = { bundle: join(CACHE_DIR, `${base}.js`), meta: join(CACHE_DIR, `${base}.meta.json`) };
  if (process.env.GANTRY_PREBUILT !== '0') {
    let bundle = current(entry, names);
    if (!bundle) {
      try {
        bundle = await build(entry, names);
      } catch (err) {
        rmSync(names.meta, { force: true });
        if (process.env.GANTRY_PREBUILT_DEBUG) process.stderr.write(`gantry: prebuild failed: ${err.message}\n`);
        bundle = null;
      }
    }
    if (bundle) {
      process.setSourceMapsEnabled?.(true);
      return require(bundle);
    }
  }
  require('tsx/cjs');
  return require(join(ROOT, entry));
}

module.exports = { loadPrebuilt };
