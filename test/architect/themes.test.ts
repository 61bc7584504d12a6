/**
 * Famous-app themes: the registry is consistent with the catalog, a design target selects a
 * theme, and every theme generates an app that looks and behaves like its original (layout,
 * wording, limits, colours) and still passes its own tests and build. Mutants of the
 * theme-specific logic prove those tests would notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_KINDS, FEATURES, supportedFeatures, supportsFeature } from '../../lambdas/domain/architect/catalog';
import { draftManifest, healManifest, resolveDraft } from '../../lambdas/domain/architect/offline-architect';
import { analyzeRequest } from '../../lambdas/domain/architect/request-analysis';
import { THEME_IDS, THEMES, themeFor, themeSummary, type ThemeId } from '../../lambdas/domain/architect/themes';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { mapLimit, mutate, passedTests, removeDir, runCommand, writeApp, type CommandResult } from './app-workspace';

function file(manifest: GantryManifest, path: string): string {
  const found = manifest.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} missing from ${manifest.project_name}`);
  return found.content;
}

describe('theme registry', () => {
  it.each(THEME_IDS)('%s is a versioned entry whose kind implements the features it implies', (id) => {
    const theme = THEMES[id];
    expect(theme.id).toBe(id);
    expect(theme.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(APP_KINDS[theme.kind]).toBeDefined();
    for (const feature of theme.features) expect(supportsFeature(theme.kind, feature)).toBe(true);
    expect(theme.traits.length).toBeGreaterThanOrEqual(3);
    expect(theme.projectName).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    for (const scheme of ['light', 'dark'] as const) {
      for (const colour of Object.values(theme.palette[scheme])) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(themeSummary(theme)).toMatchObject({ id, version: theme.version, kind: theme.kind, features: theme.features });
  });

  it('covers at least the four themes of the seed', () => {
    expect([...THEME_IDS]).toEqual(expect.arrayContaining(['LINKEDIN', 'TWITTER', 'TRELLO', 'NOTION']));
    expect(themeFor('TRELLO')?.kind).toBe('board');
    expect(themeFor('SPOTIFY')).toBeNull();
    expect(themeFor(null)).toBeNull();
  });

  it.each([
    ['Build a LinkedIn-style feed', 'LINKEDIN', 'feed'],
    ['a twitter clone for my team', 'TWITTER', 'feed'],
    ['somewhere to tweet', 'TWITTER', 'feed'],
    ['a Trello board for our sprint', 'TRELLO', 'board'],
    ['a todo list like Trello', 'TRELLO', 'board'],
    ['my notes, but like Notion', 'NOTION', 'notes'],
    ['a professional network feed', 'LINKEDIN', 'feed'],
  ] as const)('%j selects %s and builds a %s', (prompt, target, kind) => {
    expect(analyzeRequest(prompt).designTarget).toBe(target);
    const { spec, usedFallbackKind } = resolveDraft({ prompt });
    expect(spec).toMatchObject({ kind, designTarget: target });
    expect(usedFallbackKind).toBe(false);
    for (const feature of THEMES[target].features) expect(spec.features).toContain(feature);
  });

  it('lets a request decline a feature the theme implies', () => {
    expect(resolveDraft({ prompt: 'a Twitter-style timeline without search' }).spec.features).not.toContain('search');
  });
});

interface ThemedCase {
  readonly id: ThemeId;
  readonly label: string;
  readonly manifest: GantryManifest;
}

const cases: ThemedCase[] = THEME_IDS.flatMap((id) => [
  { id, label: `${id} (implied features)`, manifest: draftManifest({ prompt: 'an app', designTarget: id }) },
  {
    id,
    label: `${id} (every feature)`,
    manifest: draftManifest({
      prompt: 'an app',
      designTarget: id,
      kind: THEMES[id].kind,
      features: supportedFeatures(THEMES[id].kind),
    }),
  },
]);

describe('themed apps', () => {
  const runs = new Map<string, { dir: string; test: CommandResult; build: CommandResult }>();

  beforeAll(async () => {
    await mapLimit(cases, 2, async (c) => {
      const dir = writeApp(c.manifest);
      const test = await runCommand(c.manifest.audit_command, dir);
      const build = await runCommand(c.manifest.build_command, dir);
      runs.set(c.label, { dir, test, build });
    });
  });
  afterAll(() => {
    for (const run of runs.values()) removeDir(run.dir);
  });

  describe.each(cases.map((c) => [c.label, c] as const))('%s', (label, c) => {
    it('passes its own tests and builds', () => {
      const run = runs.get(label)!;
      expect({ code: run.test.code, output: run.test.code === 0 ? '' : run.test.output }).toEqual({ code: 0, output: '' });
      expect(passedTests(run.test.output)).toBeGreaterThanOrEqual(10);
      expect({ code: run.build.code, output: run.build.code === 0 ? '' : run.build.output }).toEqual({ code: 0, output: '' });
    });

    it("carries the theme's name, version, colours and traits", () => {
      const theme = THEMES[c.id];
      const run = runs.get(label)!;
      const html = readFileSync(join(run.dir, 'dist/index.html'), 'utf8');
      const css = readFileSync(join(run.dir, 'dist/styles.css'), 'utf8');
      expect(html).toContain(
        `data-app-kind="${theme.kind}" data-design-target="${theme.id}" data-theme-version="${theme.version}"`,
      );
      expect(html).toContain(`<h1>${theme.title}</h1>`);
      expect(css).toContain(`--accent: ${theme.palette.light.accent};`);
      expect(css).toContain(`--bg: ${theme.palette.light.bg};`);
      expect(css).toContain(`${theme.name} v${theme.version}`);
      const readme = file(c.manifest, 'README.md');
      for (const trait of theme.traits) expect(readme).toContain(trait);
      expect(c.manifest.description).toContain(`theme ${theme.name} v${theme.version}`);
    });
  });

  it('LinkedIn: profile card with a headline, "Start a post", 3,000 characters, Like · Comment · Repost', () => {
    const m = draftManifest({ prompt: 'Build a LinkedIn-style feed' });
    const html = file(m, 'index.html');
    expect(html).toContain('class="feed-layout feed-linkedin"');
    expect(html).toContain('id="profile-headline"');
    expect(html).toContain('placeholder="Start a post"');
    expect(file(m, 'src/feed.js')).toContain('export const MAX_POST_LENGTH = 3000;');
    const main = file(m, 'src/main.js');
    expect(main.indexOf("'like'")).toBeLessThan(main.indexOf("'comment'"));
    expect(main.indexOf("'comment'")).toBeLessThan(main.indexOf("'repost'"));
    expect(main).toContain('reactionSummary(post)');
  });

  it('Twitter: 280 characters, "What\'s happening?", @handles, Reply · Repost · Like with counts, search', () => {
    const m = draftManifest({ prompt: 'a twitter clone' });
    expect(m.features).toEqual(['dark-mode', 'local-storage', 'search']);
    const html = file(m, 'index.html');
    expect(html).toContain('class="feed-layout feed-twitter"');
    expect(html).toContain('placeholder="What&#39;s happening?"');
    expect(html).toContain('id="char-count"');
    expect(html).toContain('id="search"');
    expect(file(m, 'src/feed.js')).toContain('export const MAX_POST_LENGTH = 280;');
    const main = file(m, 'src/main.js');
    expect(main).toContain('handleFor(post.author)');
    expect(main.indexOf("'comment'")).toBeLessThan(main.indexOf("'repost'"));
    expect(main.indexOf("'repost'")).toBeLessThan(main.indexOf("'like'"));
    expect(main).toContain("'Reply'");
    expect(file(m, 'styles.css')).toContain('border-radius: 9999px;');
  });

  it('Trello: lists of cards on a blue board, "Add a card", "Add another list", drag and drop', () => {
    const m = draftManifest({ prompt: 'a Trello-style board' });
    expect(file(m, 'index.html')).toContain('Add another list');
    const main = file(m, 'src/main.js');
    expect(main).toContain("'Add a card'");
    expect(main).toContain('item.draggable = true;');
    expect(main).toContain("addEventListener('drop'");
    expect(file(m, 'styles.css')).toContain('--bg: #0079bf;');
  });

  it('Notion: pages with icons, "Untitled" titles and blocks with clickable to-dos', () => {
    const m = draftManifest({ prompt: 'notes like Notion' });
    const html = file(m, 'index.html');
    expect(html).toContain('placeholder="Untitled"');
    expect(html).toContain('id="page-view"');
    expect(html).toContain('New page');
    expect(m.files.map((f) => f.path)).toEqual(expect.arrayContaining(['src/blocks.js', 'test/blocks.test.js']));
    expect(file(m, 'src/main.js')).toContain('toggleTodoLine(note.body, block.line)');
  });

  it('a themed app is healed back to the same theme', () => {
    const original = draftManifest({ prompt: 'a twitter clone called "Chirp"' });
    const damaged = mutate(original, 'src/feed.js', 'export const MAX_POST_LENGTH = 280;', 'export const MAX_POST_LENGTH = 500;');
    expect(healManifest({ manifest: damaged, failingCommand: 'npm test', logTail: '', prompt: 'unrelated' })).toEqual(original);
  });
});

/** Theme-specific behaviour the generated tests must protect. */
const MUTANTS: ReadonlyArray<readonly [string, GantryManifest, string, string, string]> = [
  [
    'Twitter posts may run past 280 characters',
    draftManifest({ prompt: 'a twitter clone' }),
    'src/feed.js',
    'if (textLength(text) > MAX_POST_LENGTH) {',
    'if (textLength(text) > MAX_POST_LENGTH + 20) {',
  ],
  [
    'a like never comes back off',
    draftManifest({ prompt: 'Build a LinkedIn-style feed' }),
    'src/feed.js',
    'likes: Math.max(0, post.likes + (post.liked ? -1 : 1))',
    'likes: post.likes + 1',
  ],
  [
    'the feed shows the oldest post first',
    draftManifest({ prompt: 'Build a LinkedIn-style feed' }),
    'src/feed.js',
    'b.createdAt - a.createdAt',
    'a.createdAt - b.createdAt',
  ],
  [
    'Trello cards always land at the end of a list',
    draftManifest({ prompt: 'a Trello board' }),
    'src/board.js',
    'if (at < target.length) position = others.indexOf(target[at]);',
    'if (false) position = 0;',
  ],
  [
    'Trello arrow moves jump past the edge',
    draftManifest({ prompt: 'a Trello board' }),
    'src/board.js',
    'return target ? moveCard(board, cardId, target.id) : board;',
    'return moveCard(board, cardId, (target ?? board.lists[0]).id);',
  ],
  [
    'Notion to-dos cannot be unticked',
    draftManifest({ prompt: 'notes like Notion' }),
    'src/blocks.js',
    "match[1] + (match[2] === ' ' ? 'x' : ' ')",
    "match[1] + 'x'",
  ],
];

describe('mutation: theme behaviour is protected by the generated tests', () => {
  const outcomes = new Map<string, CommandResult>();
  const dirs: string[] = [];
  beforeAll(async () => {
    await mapLimit(MUTANTS, 2, async ([name, manifest, path, from, to]) => {
      const dir = writeApp(mutate(manifest, path, from, to));
      dirs.push(dir);
      outcomes.set(name, await runCommand('npm test', dir));
    });
  });
  afterAll(() => {
    for (const dir of dirs) removeDir(dir);
  });

  it.each(MUTANTS.map((m) => m[0]))('%s → npm test fails', (name) => {
    const outcome = outcomes.get(name);
    expect(outcome?.code).not.toBe(0);
    expect(outcome?.output).toMatch(/^# fail [1-9]/m);
  });
});

describe('catalog additions', () => {
  it('feed and board support the shared features', () => {
    for (const kind of ['feed', 'board'] as const) {
      expect(supportedFeatures(kind)).toEqual(['dark-mode', 'local-storage', 'search', 'export']);
      expect(FEATURES.search.kinds).toContain(kind);
    }
  });
});
