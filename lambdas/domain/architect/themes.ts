import * as z from '../zod';
import type { AppKindId, FeatureId } from './catalog';
import { unpackJson } from './packed-files';
import { sourceThemes } from './theme-data';

/**
 * Famous-app themes ("clone mode"): a design target names one, and the offline architect builds
 * the theme's kind of app with its layout, wording, behaviour and colours. Each entry is
 * versioned: a change to what a theme generates bumps its version, and the version is written
 * into every app built with it, so a mission's evidence says exactly which look it was built to.
 *
 * These are look-alikes for prototypes: original code and colours close to the public look of
 * each product, no logos, names or assets of theirs.
 */

export const THEME_IDS = ['LINKEDIN', 'TWITTER', 'TRELLO', 'NOTION'] as const;
export const ThemeIdSchema = z.enum(THEME_IDS);
export type ThemeId = z.infer<typeof ThemeIdSchema>;

/** The colour variables every generated style sheet is written against. */
export interface Palette {
  readonly bg: string;
  readonly surface: string;
  readonly surface2: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly accentText: string;
  readonly danger: string;
  readonly ok: string;
}

export interface Theme {
  readonly id: ThemeId;
  /** Semantic version of what the theme generates. */
  readonly version: string;
  /** What a person reads in a plan: "LinkedIn-style feed". */
  readonly name: string;
  readonly inspiredBy: string;
  readonly description: string;
  /** The kind of app the theme is built on. */
  readonly kind: AppKindId;
  /** Page title and project slug when the request names no app. */
  readonly title: string;
  readonly projectName: string;
  /** Other kinds a request may name that still mean this theme's kind ("a Trello-style todo list" is a board). */
  readonly absorbs: readonly AppKindId[];
  /** Features the theme implies; a plan starts from these plus the kind's defaults. */
  readonly features: readonly FeatureId[];
  /** What makes it look and behave like the original, one short phrase each (for plans and READMEs). */
  readonly traits: readonly string[];
  /** Phrases that name the theme in a request (lower-case, matched on whole words). */
  readonly keywords: readonly string[];
  readonly palette: { readonly light: Palette; readonly dark: Palette };
  readonly font: string;
  readonly radius: string;
}

/**
 * The themes a function bundle carries: the bundling makes them from ./theme-data.ts at synth and
 * puts them in as packed JSON (./packed-files.ts) through an esbuild `define`.
 */
declare const GANTRY_BUNDLED_THEMES: string | undefined;

// In a bundle the condition is a constant, so esbuild leaves the data's code out.
export const THEMES: Readonly<Record<ThemeId, Theme>> =
  typeof GANTRY_BUNDLED_THEMES === 'string' ? (unpackJson(GANTRY_BUNDLED_THEMES) as Record<ThemeId, Theme>) : sourceThemes();

export function isThemeId(value: unknown): value is ThemeId {
  return ThemeIdSchema.safeParse(value).success;
}

/** The registry theme a (normalised, upper-case) design target names, or null. */
export function themeFor(designTarget: string | null | undefined): Theme | null {
  return isThemeId(designTarget) ? THEMES[designTarget] : null;
}

/** What `GET /gantry/themes` lists: everything but the colour tables. */
export function themeSummary(theme: Theme): Record<string, unknown> {
  return {
    id: theme.id,
    version: theme.version,
    name: theme.name,
    inspired_by: theme.inspiredBy,
    description: theme.description,
    kind: theme.kind,
    features: [...theme.features],
    traits: [...theme.traits],
    accent: theme.palette.light.accent,
  };
}

/**
 * Accent colours a request may ask for ("a blue todo app", "make it green"): the colour of the
 * buttons, links and highlights, in the light and the dark scheme. Each pair is chosen so that the
 * accent's text on it, and the accent on every background of the scheme, reach WCAG AA (4.5:1); a
 * theme keeps its other colours and takes the accent.
 */
export const ACCENT_IDS = [
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
  'brown',
  'grey',
  'black',
] as const;
export const AccentIdSchema = z.enum(ACCENT_IDS);
export type AccentId = z.infer<typeof AccentIdSchema>;

type AccentPair = Pick<Palette, 'accent' | 'accentText'>;

/** Light and dark accent of each id, in ACCENT_IDS order; text on a light accent is white, on a dark one near-black. */
const ACCENT_COLOURS =
  'c62828 ff8a80 b4430b fdba74 8f5b05 fde047 137333 86efac 0e6b64 5eead4 2456d3 7aa2ff 7c3aed c4b5fd be185d f9a8d4 8a4b1f e0b185 4b5563 cbd5e1 1f2937 f3f4f6'.split(
    ' ',
  );

export const ACCENTS = Object.fromEntries(
  ACCENT_IDS.map((id, i) => [
    id,
    {
      light: { accent: `#${ACCENT_COLOURS[2 * i]}`, accentText: '#ffffff' },
      dark: { accent: `#${ACCENT_COLOURS[2 * i + 1]}`, accentText: '#0b1220' },
    },
  ]),
) as Readonly<Record<AccentId, { readonly light: AccentPair; readonly dark: AccentPair }>>;

/** `palette` with the accent colour asked for (unchanged for null). */
export function withAccent(
  palette: { readonly light: Palette; readonly dark: Palette },
  accent: AccentId | null | undefined,
): { readonly light: Palette; readonly dark: Palette } {
  if (!accent) return palette;
  return { light: { ...palette.light, ...ACCENTS[accent].light }, dark: { ...palette.dark, ...ACCENTS[accent].dark } };
}
