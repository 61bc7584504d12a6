import { unpackFiles } from '../packed-files';
import { STATIC_SOURCES_PACKED } from './static-sources.generated';

/**
 * The templates' fixed files (./static: logic modules, their tests and styles that take nothing
 * from the spec). They ship in the bundle as one brotli-compressed JSON object (../packed-files.ts),
 * as the compiled apps' runtime does, and are decompressed once, on first use; a test keeps that
 * data equal to the files.
 */
let files: Readonly<Record<string, string>> | undefined;

/** The text of `static/<path>`, exactly as the file holds it. */
export function staticSource(path: string): string {
  files ??= unpackFiles(STATIC_SOURCES_PACKED);
  const text = files[path];
  if (text === undefined) throw new Error(`No template file static/${path}`);
  return text;
}

/**
 * `text` with each `{{name}}` replaced by `slots[name]`: a fixed file with the few places a spec
 * changes. A slot the text lacks, or a `{{name}}` without a value, is a bug in the template.
 */
export function fillSlots(text: string, slots: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const filled = text.replace(/\{\{([A-Za-z]+)\}\}/g, (_match, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`No value for the slot {{${name}}}`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(slots).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`The text has no slot ${unused.map((n) => `{{${n}}}`).join(', ')}`);
  return filled;
}
