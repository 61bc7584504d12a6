import { appFiles } from '../app-files';

/**
 * The text of `static/<path>`, exactly as the file holds it: the templates' fixed files (./static:
 * logic modules, their tests and styles that take nothing from the spec), which ship in the bundle
 * packed with the compiled apps' runtime (../app-files.ts).
 */
export function staticSource(path: string): string {
  const text = appFiles()[`static/${path}`];
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
