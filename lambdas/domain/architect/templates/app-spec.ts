import type { AppKindId, FeatureId } from '../catalog';
import type { AccentId } from '../themes';

/**
 * Everything a generated app's files depend on. Two equal specs render byte-identical files, which
 * is what lets the offline heal tell a damaged file from a generated one.
 */
export interface AppSpec {
  readonly kind: AppKindId;
  /** Supported features only, in catalog order. */
  readonly features: readonly FeatureId[];
  /** Display name: page title, `<h1>`, README heading. */
  readonly title: string;
  /** Slug: package name and localStorage key prefix (apps served from one origin must not collide). */
  readonly projectName: string;
  /** Upper-case design target (`TRELLO`), recorded for a later theme; null when none. */
  readonly designTarget: string | null;
  /** The accent colour asked for ("a blue todo app"); absent or null: the theme's or the default one. */
  readonly accent?: AccentId | null;
  /** The workout an interval timer starts with ("30 seconds on, 10 off, 8 rounds"); absent: the common one. */
  readonly intervals?: IntervalSettings | null;
}

/** An interval timer's workout, in whole seconds and rounds. */
export interface IntervalSettings {
  readonly prepareSeconds: number;
  readonly workSeconds: number;
  readonly restSeconds: number;
  readonly rounds: number;
}

/** A generated file before it becomes a manifest entry. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** What a kind contributes to the shared page, styles and README. */
export interface KindTemplate {
  /** Markup inside `<main>`. */
  readonly body: string;
  /** Styles appended to the shared base styles. */
  readonly css: string;
  /** Kind-specific files: logic modules, `src/main.js`, tests. */
  readonly files: readonly GeneratedFile[];
  /** One line per kind-specific file for the README's layout section. */
  readonly layout: Readonly<Record<string, string>>;
}

/**
 * Generated JavaScript is written with `String.raw` so backslashes in regular expressions and
 * string escapes reach the file unchanged. Generated code must therefore never use backticks.
 */
export const js = String.raw;

export function has(spec: AppSpec, feature: FeatureId): boolean {
  return spec.features.includes(feature);
}

/** Joins code or markup blocks, dropping the ones switched off with `false`, `null` or `undefined`. */
export function blocks(...parts: ReadonlyArray<string | false | null | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string').join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A single-quoted JavaScript string literal for `text` (JSON's escapes are valid JavaScript escapes). */
export function jsString(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An import declaration, wrapped one name per line when it would be longer than 120 characters. */
export function importLine(names: ReadonlyArray<string | false | null | undefined>, from: string): string {
  const kept = names.filter((n): n is string => typeof n === 'string');
  const line = `import { ${kept.join(', ')} } from '${from}';`;
  return line.length <= 120 ? line : `import {\n${kept.map((n) => `  ${n},\n`).join('')}} from '${from}';`;
}

/** The localStorage key of one kind of saved value, prefixed by the project so apps on one origin stay apart. */
export function storageKey(spec: AppSpec, name: string): string {
  return `${spec.projectName}:${name}`;
}

/** Whether the app needs the storage module: for its data, or only to remember the theme. */
export function needsStorage(spec: AppSpec): boolean {
  return has(spec, 'local-storage') || has(spec, 'dark-mode');
}
