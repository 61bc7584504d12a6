/**
 * The themed apps behave like their originals in a real browser: each is built, served from a
 * sub-path, used in headless Chromium, reloaded (saved state) and watched for script errors.
 * Skipped when Chromium is not installed (and a failure in CI, where it always is).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import { THEMES, type ThemeId } from '../../lambdas/domain/architect/themes';
import { describeIfChromium, launchChromium } from '../helpers/chromium';
import { type AppHost, mapLimit, removeDir, rgb, runCommand, serveBuiltApps, writeApp } from './app-workspace';

describeIfChromium('themed apps in Chromium', () => {
  const apps: Record<ThemeId, ReturnType<typeof draftManifest>> = {
    LINKEDIN: draftManifest({ prompt: 'Build a LinkedIn-style feed' }),
    TWITTER: draftManifest({ prompt: 'a twitter clone' }),
    TRELLO: draftManifest({ prompt: 'a Trello board', features: ['local-storage', 'dark-mode'] }),
    NOTION: draftManifest({ prompt: 'notes like Notion' }),
  };
  const dists = new Map<string, string>();
  const dirs: string[] = [];
  let host: AppHost | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    await mapLimit(Object.values(apps), 2, async (manifest) => {
      const dir = writeApp(manifest);
      dirs.push(dir);
      const build = await runCommand(manifest.build_command, dir);
      if (build.code !== 0) throw new Error(`build of ${manifest.project_name} failed:\n${build.output}`);
      dists.set(manifest.project_name, join(dir, manifest.output_dir));
    });
    host = await serveBuiltApps(dists);
    base = host.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    for (const dir of dirs) removeDir(dir);
  });

  async function open(id: ThemeId): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(`${base}/${apps[id].project_name}/`);
    return { page, problems };
  }

  // A string expression: it runs in the page, where the DOM exists (this file is compiled without DOM types).
  const bodyBackground = (page: Page): Promise<string> => page.evaluate('getComputedStyle(document.body).backgroundColor');

  it('LinkedIn: profile with headline, a post with a hashtag, Like and Comment, summary, saved', async () => {
    const { page, problems } = await open('LINKEDIN');
    expect(await bodyBackground(page)).toBe(rgb(THEMES.LINKEDIN.palette.light.bg));
    expect(await page.textContent('h1')).toBe('Professional Feed');
    await page.fill('#profile-name', 'Ada Lovelace');
    await page.fill('#profile-headline', 'Engineer at the Engine');
    await page.click('#profile-form button[type="submit"]');
    expect(await page.textContent('#profile-avatar')).toBe('AL');
    expect(await page.isDisabled('#post-button')).toBe(true);
    await page.fill('#post-text', 'Shipped the #analytical engine with @grace');
    await page.click('#post-button');
    const post = page.locator('article.post').first();
    expect(await post.locator('.author-name').textContent()).toBe('Ada Lovelace');
    expect(await post.locator('.headline').textContent()).toBe('Engineer at the Engine');
    expect(await post.locator('.hashtag').textContent()).toBe('#analytical');
    expect(await post.locator('.mention').textContent()).toBe('@grace');
    expect(await post.locator('.post-time').textContent()).toBe('now');
    await post.locator('button.like').click();
    expect(await page.getAttribute('article.post button.like', 'aria-pressed')).toBe('true');
    await page.click('article.post button.comment');
    await page.fill('article.post .comment-form input', 'Congratulations!');
    await page.press('article.post .comment-form input', 'Enter');
    expect(await page.textContent('article.post .post-summary')).toBe('1 like · 1 comment');
    await page.reload();
    expect(await page.textContent('article.post .post-summary')).toBe('1 like · 1 comment');
    expect(await page.inputValue('#profile-headline')).toBe('Engineer at the Engine');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('Twitter: 280-character counter, @handle, Reply/Repost/Like counts, search and lights-out dark mode', async () => {
    const { page, problems } = await open('TWITTER');
    expect(await page.textContent('#char-count')).toBe('280');
    await page.fill('#post-text', 'x'.repeat(290));
    expect(await page.textContent('#char-count')).toBe('-10');
    expect(await page.isDisabled('#post-button')).toBe(true);
    expect(await page.getAttribute('#char-count', 'class')).toContain('over');
    await page.fill('#post-text', 'First post #hello');
    expect(await page.textContent('#char-count')).toBe(String(280 - 'First post #hello'.length));
    await page.click('#post-button');
    await page.fill('#post-text', 'Second post about lunch');
    await page.click('#post-button');
    expect(await page.$$eval('article.post .post-text', (els) => els.map((e) => e.textContent))).toEqual([
      'Second post about lunch',
      'First post #hello',
    ]);
    expect(await page.textContent('article.post .handle')).toBe('@you');
    await page.click('article.post:first-child button.like');
    expect(await page.textContent('article.post:first-child button.like')).toBe('Like 1');
    await page.click('article.post:first-child button.repost');
    expect(await page.textContent('article.post:first-child button.repost')).toBe('Repost 1');
    await page.click('article.post:first-child button.comment');
    await page.fill('article.post:first-child .comment-form input', 'Same here');
    await page.click('article.post:first-child .comment-form button');
    expect(await page.textContent('article.post:first-child button.comment')).toBe('Reply 1');
    await page.fill('#search', '#hello');
    expect(await page.$$eval('article.post', (els) => els.length)).toBe(1);
    await page.fill('#search', '');
    await page.click('#theme-toggle');
    expect(await bodyBackground(page)).toBe('rgb(0, 0, 0)');
    await page.reload();
    expect(await page.textContent('article.post:first-child button.like')).toBe('Like 1');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('Trello: blue board, add cards, move them with the arrows and by drag and drop, add a list, saved', async () => {
    const { page, problems } = await open('TRELLO');
    expect(await bodyBackground(page)).toBe(rgb('#0079bf'));
    const listTitles = () => page.$$eval('section.list h2', (els) => els.map((e) => e.textContent));
    const cardsOf = (list: string) =>
      page.$$eval(`section.list[aria-label="${list}"] .card-title`, (els) => els.map((e) => e.textContent));
    expect(await listTitles()).toEqual(['To do', 'Doing', 'Done']);
    const todo = page.locator('section.list[aria-label="To do"]');
    await todo.locator('.add-card input').fill('Write spec');
    await todo.locator('.add-card button').click();
    await page.locator('section.list[aria-label="To do"] .add-card input').fill('Design logo');
    await page.locator('section.list[aria-label="To do"] .add-card input').press('Enter');
    expect(await cardsOf('To do')).toEqual(['Write spec', 'Design logo']);
    expect(await page.textContent('section.list[aria-label="To do"] button:has-text("Add a card")')).toBe('Add a card');
    await page.click('button[aria-label="Move Write spec to Doing"]');
    expect(await cardsOf('Doing')).toEqual(['Write spec']);
    await page.dragAndDrop('li.board-card:has-text("Design logo")', 'section.list[aria-label="Done"] ul.cards');
    expect(await cardsOf('Done')).toEqual(['Design logo']);
    expect(await cardsOf('To do')).toEqual([]);
    expect(await page.textContent('section.list[aria-label="Done"] .list-count')).toBe('1');
    await page.fill('#list-title', 'Review');
    await page.click('#list-form button[type="submit"]');
    expect(await listTitles()).toEqual(['To do', 'Doing', 'Done', 'Review']);
    await page.reload();
    expect(await listTitles()).toEqual(['To do', 'Doing', 'Done', 'Review']);
    expect(await cardsOf('Doing')).toEqual(['Write spec']);
    expect(await page.textContent('#card-count')).toBe('2 cards');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('Notion: a page with an icon, an "Untitled" title, blocks and a clickable to-do, saved', async () => {
    const { page, problems } = await open('NOTION');
    expect(await bodyBackground(page)).toBe(rgb(THEMES.NOTION.palette.light.bg));
    await page.click('#new-note');
    expect(await page.getAttribute('#note-title', 'placeholder')).toBe('Untitled');
    await page.fill('#note-title', 'Launch plan');
    await page.fill('#note-body', '# Friday\n[ ] Book the room\n- slides\n- demo\n> Keep it short');
    expect(await page.textContent('#page-view h2')).toBe('Friday');
    expect(await page.$$eval('#page-view ul li', (els) => els.map((e) => e.textContent))).toEqual(['slides', 'demo']);
    expect(await page.textContent('#page-view blockquote')).toBe('Keep it short');
    expect(await page.textContent('#todo-progress')).toBe('0 of 1 to-dos done');
    await page.check('#page-view input[type="checkbox"]');
    expect(await page.inputValue('#note-body')).toContain('[x] Book the room');
    expect(await page.textContent('#todo-progress')).toBe('1 of 1 to-dos done');
    expect(await page.textContent('#note-list .page-link')).toBe('📄Launch plan');
    await page.reload();
    await page.click('#note-list button:has-text("Launch plan")');
    expect(await page.isChecked('#page-view input[type="checkbox"]')).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
