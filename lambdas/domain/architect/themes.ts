import * as z from 'zod';
import type { AppKindId, FeatureId } from './catalog';

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

const SYSTEM_FONT = "-apple-system, system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const THEMES: Readonly<Record<ThemeId, Theme>> = {
  LINKEDIN: {
    id: 'LINKEDIN',
    version: '1.0.0',
    title: 'Professional Feed',
    projectName: 'professional-feed',
    name: 'LinkedIn-style feed',
    inspiredBy: 'LinkedIn',
    description:
      'A professional network feed: a profile card with name and headline beside a "Start a post" box and a feed of post cards with Like, Comment and Repost.',
    kind: 'feed',
    absorbs: [],
    features: ['local-storage'],
    traits: [
      'profile card with name and headline',
      '"Start a post" composer, posts up to 3,000 characters',
      'Like, Comment and Repost under every post, with a reactions summary',
      'two-column layout on a warm grey background with blue accents',
    ],
    keywords: ['linkedin', 'linked in', 'professional network'],
    palette: {
      light: {
        bg: '#f4f2ee',
        surface: '#ffffff',
        surface2: '#eef3f8',
        text: '#191919',
        muted: '#666666',
        border: '#e0dfdc',
        accent: '#0a66c2',
        accentText: '#ffffff',
        danger: '#b24020',
        ok: '#057642',
      },
      dark: {
        bg: '#000000',
        surface: '#1b1f23',
        surface2: '#293138',
        text: '#e9e9e9',
        muted: '#b0b0b0',
        border: '#38434f',
        accent: '#71b7fb',
        accentText: '#000000',
        danger: '#f5987e',
        ok: '#7fc15e',
      },
    },
    font: SYSTEM_FONT,
    radius: '8px',
  },
  TWITTER: {
    id: 'TWITTER',
    version: '1.0.0',
    title: 'Timeline',
    projectName: 'timeline',
    name: 'Twitter-style timeline',
    inspiredBy: 'Twitter / X',
    description:
      'A microblog timeline: a "What\'s happening?" box with a 280-character counter, posts with @handles, hashtags and mentions, Reply, Repost and Like counts, and search.',
    kind: 'feed',
    absorbs: [],
    features: ['local-storage', 'search', 'dark-mode'],
    traits: [
      '"What\'s happening?" composer with a 280-character counter',
      '@handles, highlighted #hashtags and @mentions',
      'Reply, Repost and Like with counts on every post',
      'single centred timeline column with pill-shaped buttons and a black "lights out" dark mode',
    ],
    keywords: ['twitter', 'tweet', 'tweets'],
    palette: {
      light: {
        bg: '#ffffff',
        surface: '#ffffff',
        surface2: '#f7f9f9',
        text: '#0f1419',
        muted: '#536471',
        border: '#eff3f4',
        accent: '#1d9bf0',
        accentText: '#ffffff',
        danger: '#f4212e',
        ok: '#00ba7c',
      },
      dark: {
        bg: '#000000',
        surface: '#000000',
        surface2: '#16181c',
        text: '#e7e9ea',
        muted: '#71767b',
        border: '#2f3336',
        accent: '#1d9bf0',
        accentText: '#ffffff',
        danger: '#f4212e',
        ok: '#00ba7c',
      },
    },
    font: SYSTEM_FONT,
    radius: '16px',
  },
  TRELLO: {
    id: 'TRELLO',
    version: '1.0.0',
    title: 'Project Board',
    projectName: 'project-board',
    name: 'Trello-style board',
    inspiredBy: 'Trello',
    description:
      'A kanban board on a blue background: grey lists of white cards, "Add a card" under each list, "Add another list", and cards moved between lists by drag and drop or buttons.',
    kind: 'board',
    absorbs: ['tasks'],
    features: ['local-storage'],
    traits: [
      'lists side by side on a blue board, scrolling sideways',
      'white cards that move between lists by drag and drop or with the arrow buttons',
      '"Add a card" under every list and "Add another list" at the end',
      'card counts on each list',
    ],
    keywords: ['trello'],
    palette: {
      light: {
        bg: '#0079bf',
        surface: '#ebecf0',
        surface2: '#dfe1e6',
        text: '#172b4d',
        muted: '#5e6c84',
        border: '#c1c7d0',
        accent: '#0c66e4',
        accentText: '#ffffff',
        danger: '#c9372c',
        ok: '#5aac44',
      },
      dark: {
        bg: '#0b3d66',
        surface: '#101204',
        surface2: '#22272b',
        text: '#b6c2cf',
        muted: '#8c9bab',
        border: '#38414a',
        accent: '#579dff',
        accentText: '#1d2125',
        danger: '#f87168',
        ok: '#4bce97',
      },
    },
    font: SYSTEM_FONT,
    radius: '8px',
  },
  NOTION: {
    id: 'NOTION',
    version: '1.0.0',
    title: 'Workspace',
    projectName: 'workspace',
    name: 'Notion-style notes',
    inspiredBy: 'Notion',
    description:
      'A pages-and-blocks notebook: a quiet grey sidebar of pages with icons, a large "Untitled" page title, and a body whose # headings, - bullets, [ ] to-dos, > quotes and --- dividers render as blocks, with clickable to-dos.',
    kind: 'notes',
    absorbs: [],
    features: ['local-storage', 'search'],
    traits: [
      'sidebar of pages with page icons',
      'large "Untitled" page titles',
      'blocks: headings, bullets, numbered lists, quotes, dividers and clickable to-dos with progress',
      'minimal black-on-white look with light grey accents',
    ],
    keywords: ['notion'],
    palette: {
      light: {
        bg: '#ffffff',
        surface: '#ffffff',
        surface2: '#f7f7f5',
        text: '#37352f',
        muted: '#787774',
        border: '#e9e9e7',
        accent: '#2383e2',
        accentText: '#ffffff',
        danger: '#d44c47',
        ok: '#448361',
      },
      dark: {
        bg: '#191919',
        surface: '#191919',
        surface2: '#202020',
        text: '#d4d4d4',
        muted: '#9b9b9b',
        border: '#2f2f2f',
        accent: '#2383e2',
        accentText: '#ffffff',
        danger: '#e06c6c',
        ok: '#6aa57f',
      },
    },
    font: "ui-sans-serif, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
    radius: '4px',
  },
};

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
