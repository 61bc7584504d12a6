import { themeFor } from '../themes';
import { blocks, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';

/**
 * The feed kind: a social feed of posts with likes, reposts and comments. A LinkedIn or Twitter
 * theme changes its layout, wording, limits and actions, not just its colours.
 */

type ActionId = 'comment' | 'repost' | 'like';

interface FeedVariant {
  readonly id: 'plain' | 'linkedin' | 'twitter';
  readonly maxLength: number;
  readonly placeholder: string;
  readonly emptyText: string;
  /** Order of the buttons under a post. */
  readonly actions: readonly ActionId[];
  readonly commentLabel: string;
  readonly commentPlaceholder: string;
  /** Counts next to the action buttons (Twitter) instead of a summary line (LinkedIn). */
  readonly countsOnButtons: boolean;
  /** Profile headline under the name (LinkedIn). */
  readonly headline: boolean;
  /** @handles derived from the name (Twitter). */
  readonly handles: boolean;
}

const VARIANTS: Readonly<Record<FeedVariant['id'], FeedVariant>> = {
  plain: {
    id: 'plain',
    maxLength: 500,
    placeholder: 'Share an update',
    emptyText: 'No posts yet. Share the first one.',
    actions: ['like', 'comment', 'repost'],
    commentLabel: 'Comment',
    commentPlaceholder: 'Add a comment',
    countsOnButtons: false,
    headline: false,
    handles: false,
  },
  linkedin: {
    id: 'linkedin',
    maxLength: 3000,
    placeholder: 'Start a post',
    emptyText: 'Your feed is empty. Start a post to share what you are working on.',
    actions: ['like', 'comment', 'repost'],
    commentLabel: 'Comment',
    commentPlaceholder: 'Add a comment…',
    countsOnButtons: false,
    headline: true,
    handles: false,
  },
  twitter: {
    id: 'twitter',
    maxLength: 280,
    placeholder: "What's happening?",
    emptyText: 'Nothing here yet. Post something.',
    actions: ['comment', 'repost', 'like'],
    commentLabel: 'Reply',
    commentPlaceholder: 'Post your reply',
    countsOnButtons: true,
    headline: false,
    handles: true,
  },
};

export function feedVariant(spec: AppSpec): FeedVariant {
  const theme = themeFor(spec.designTarget);
  if (theme?.id === 'LINKEDIN') return VARIANTS.linkedin;
  if (theme?.id === 'TWITTER') return VARIANTS.twitter;
  return VARIANTS.plain;
}

function feedModule(spec: AppSpec, v: FeedVariant): string {
  return blocks(
    js`// Pure feed logic: every function returns new data; times are passed in, so tests control them.

export const MAX_POST_LENGTH = ${String(v.maxLength)};
export const MAX_COMMENT_LENGTH = 1000;
export const MAX_NAME_LENGTH = 50;
export const MAX_HEADLINE_LENGTH = 120;
export const DEFAULT_PROFILE = Object.freeze({ name: 'You', headline: '' });

/** Unix newlines, no trailing spaces, at most one blank line in a row, trimmed. */
export function cleanText(text) {
  return String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Length as a person counts it: an emoji or an accented letter is one character. */
export function textLength(text) {
  return [...cleanText(text)].length;
}

export function remainingCharacters(text, max = MAX_POST_LENGTH) {
  return max - textLength(text);
}

export function canPost(text, max = MAX_POST_LENGTH) {
  const length = textLength(text);
  return length > 0 && length <= max;
}

function cleanLine(text, max) {
  return [...String(text ?? '').replace(/\s+/g, ' ').trim()].slice(0, max).join('').trim();
}

/** A usable profile from anything stored: a name (default "You") and an optional headline. */
export function normalizeProfile(raw) {
  const name = cleanLine(raw ? raw.name : '', MAX_NAME_LENGTH);
  return { name: name || DEFAULT_PROFILE.name, headline: cleanLine(raw ? raw.headline : '', MAX_HEADLINE_LENGTH) };
}

export function nextId(items) {
  return items.reduce((max, item) => Math.max(max, item.id), 0) + 1;
}

/** Adds a post by the given author; returns the new list and the post. */
export function createPost(posts, fields, now) {
  const text = cleanText(fields.text);
  if (text === '') throw new TypeError('A post needs some text');
  if (textLength(text) > MAX_POST_LENGTH) {
    throw new RangeError('A post can have at most ' + MAX_POST_LENGTH + ' characters');
  }
  const author = normalizeProfile({ name: fields.author, headline: fields.headline });
  const post = {
    id: nextId(posts),
    author: author.name,
    headline: author.headline,
    text,
    createdAt: now,
    likes: 0,
    liked: false,
    reposts: 0,
    reposted: false,
    comments: [],
  };
  return { posts: [...posts, post], post };
}

function requirePost(posts, id) {
  if (!posts.some((post) => post.id === id)) throw new RangeError('There is no post ' + id);
}

/** Likes or unlikes a post; the count follows. */
export function toggleLike(posts, id) {
  requirePost(posts, id);
  return posts.map((post) =>
    post.id !== id ? post : { ...post, liked: !post.liked, likes: Math.max(0, post.likes + (post.liked ? -1 : 1)) },
  );
}

export function toggleRepost(posts, id) {
  requirePost(posts, id);
  return posts.map((post) =>
    post.id !== id
      ? post
      : { ...post, reposted: !post.reposted, reposts: Math.max(0, post.reposts + (post.reposted ? -1 : 1)) },
  );
}

export function addComment(posts, id, fields, now) {
  requirePost(posts, id);
  const text = cleanText(fields.text);
  if (text === '') throw new TypeError('A comment needs some text');
  if (textLength(text) > MAX_COMMENT_LENGTH) {
    throw new RangeError('A comment can have at most ' + MAX_COMMENT_LENGTH + ' characters');
  }
  const author = normalizeProfile({ name: fields.author }).name;
  return posts.map((post) =>
    post.id !== id
      ? post
      : { ...post, comments: [...post.comments, { id: nextId(post.comments), author, text, createdAt: now }] },
  );
}

export function deletePost(posts, id) {
  return posts.filter((post) => post.id !== id);
}

/** Newest first. */
export function sortFeed(posts) {
  return [...posts].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** now, 5m, 3h, 2d, 4w, 1y: the short form feeds use. */
export function relativeTime(then, now) {
  const ago = Math.max(0, now - then);
  if (ago < MINUTE) return 'now';
  if (ago < HOUR) return Math.floor(ago / MINUTE) + 'm';
  if (ago < DAY) return Math.floor(ago / HOUR) + 'h';
  if (ago < WEEK) return Math.floor(ago / DAY) + 'd';
  if (ago < 52 * WEEK) return Math.floor(ago / WEEK) + 'w';
  return Math.floor(ago / (365 * DAY)) + 'y';
}

const TOKEN = /(https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)])|(?<![\p{L}\p{N}_&])(#[\p{L}\p{N}_]+)|(?<![\p{L}\p{N}_])(@[A-Za-z0-9_]{1,15})/gu;

/** Splits text into plain text, links, #hashtags and @mentions so the page builds text nodes and never parses markup. */
export function tokenize(text) {
  const source = String(text ?? '');
  const parts = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ type: 'text', value: source.slice(last, match.index) });
    parts.push({ type: match[1] ? 'link' : match[2] ? 'hashtag' : 'mention', value: match[0] });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ type: 'text', value: source.slice(last) });
  return parts;
}

/** The distinct hashtags of a text, lower-case, in order of first use. */
export function hashtags(text) {
  const tags = tokenize(text)
    .filter((part) => part.type === 'hashtag')
    .map((part) => part.value.toLowerCase());
  return [...new Set(tags)];
}

/** @handle from a display name: letters, digits and underscores, at most 15. */
export function handleFor(name) {
  const base = String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '')
    .slice(0, 15);
  return '@' + (base || 'you');
}

/** Up to two initials for an avatar. */
export function initials(name) {
  const words = cleanLine(name, MAX_NAME_LENGTH).split(' ').filter((word) => word !== '');
  const letters = words
    .slice(0, 2)
    .map((word) => [...word][0].toUpperCase())
    .join('');
  return letters || '?';
}

function plural(count, word) {
  return count + ' ' + word + (count === 1 ? '' : 's');
}

/** "3 likes · 1 comment · 2 reposts"; empty when nobody reacted yet. */
export function reactionSummary(post) {
  const parts = [];
  if (post.likes > 0) parts.push(plural(post.likes, 'like'));
  if (post.comments.length > 0) parts.push(plural(post.comments.length, 'comment'));
  if (post.reposts > 0) parts.push(plural(post.reposts, 'repost'));
  return parts.join(' · ');
}
`,
    has(spec, 'search') &&
      js`/** Posts whose author or text contains every word of the query, ignoring case; "#tag" finds a hashtag. */
export function searchPosts(posts, query) {
  const terms = cleanLine(query, 200).toLowerCase().split(' ').filter((term) => term !== '');
  if (terms.length === 0) return posts.slice();
  return posts.filter((post) => {
    const text = (post.author + '\n' + post.text).toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}
`,
    js`function count(value) {
  return Number.isInteger(value) && value > 0 ? value : 0;
}

function normalizeComments(raw) {
  if (!Array.isArray(raw)) return [];
  const seen = new Set();
  const comments = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object' || !Number.isInteger(item.id) || seen.has(item.id)) continue;
    const text = cleanText(item.text);
    if (text === '') continue;
    seen.add(item.id);
    const createdAt = Number.isFinite(item.createdAt) ? item.createdAt : 0;
    comments.push({ id: item.id, author: normalizeProfile({ name: item.author }).name, text, createdAt });
  }
  return comments;
}

/** Posts read back from storage: malformed entries, duplicate ids and empty posts are dropped. */
export function normalizePosts(raw) {
  if (!Array.isArray(raw)) return [];
  const seen = new Set();
  const posts = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object' || !Number.isInteger(item.id) || item.id < 1 || seen.has(item.id)) continue;
    const text = cleanText(item.text);
    if (text === '') continue;
    seen.add(item.id);
    const author = normalizeProfile({ name: item.author, headline: item.headline });
    posts.push({
      id: item.id,
      author: author.name,
      headline: author.headline,
      text,
      createdAt: Number.isFinite(item.createdAt) ? item.createdAt : 0,
      likes: count(item.likes),
      liked: item.liked === true,
      reposts: count(item.reposts),
      reposted: item.reposted === true,
      comments: normalizeComments(item.comments),
    });
  }
  return posts;
}
`,
  );
}

function feedTest(spec: AppSpec, v: FeedVariant): string {
  const imports = [
    'addComment',
    'canPost',
    'createPost',
    'deletePost',
    'handleFor',
    'hashtags',
    'initials',
    'MAX_POST_LENGTH',
    'normalizePosts',
    'normalizeProfile',
    'reactionSummary',
    'relativeTime',
    'remainingCharacters',
    has(spec, 'search') && 'searchPosts',
    'sortFeed',
    'tokenize',
    'toggleLike',
    'toggleRepost',
  ].filter((x): x is string => typeof x === 'string');
  return blocks(
    js`import { test } from 'node:test';
import assert from 'node:assert/strict';
${importLine(imports, '../src/feed.js')}

function sample() {
  let posts = createPost([], { author: 'Ada Lovelace', headline: 'Analyst', text: 'Hello #world' }, 1000).posts;
  posts = createPost(posts, { author: 'Grace Hopper', text: 'Shipping the compiler today @ada' }, 2000).posts;
  posts = createPost(posts, { author: 'Ada Lovelace', text: 'Notes on the engine' }, 3000).posts;
  return posts;
}

test('a new post gets the next id, clean text, its author and no reactions', () => {
  const { posts, post } = createPost(sample(), { author: '  Linus  ', text: '  Line one  \r\n\r\n\r\nLine two  ' }, 5000);
  assert.equal(posts.length, 4);
  assert.deepEqual(post, {
    id: 4,
    author: 'Linus',
    headline: '',
    text: 'Line one\n\nLine two',
    createdAt: 5000,
    likes: 0,
    liked: false,
    reposts: 0,
    reposted: false,
    comments: [],
  });
  assert.equal(createPost([], { author: '', text: 'x' }, 1).post.author, 'You');
});

test('a post needs text and respects the length limit of ${String(v.maxLength)} characters', () => {
  assert.equal(MAX_POST_LENGTH, ${String(v.maxLength)});
  assert.throws(() => createPost([], { author: 'A', text: '   \n ' }, 1), /needs some text/);
  const longest = 'a'.repeat(MAX_POST_LENGTH);
  assert.equal(createPost([], { author: 'A', text: longest }, 1).post.text.length, MAX_POST_LENGTH);
  assert.throws(() => createPost([], { author: 'A', text: longest + 'b' }, 1), /at most ${String(v.maxLength)} characters/);
  assert.equal(canPost(longest), true);
  assert.equal(canPost(longest + 'b'), false);
  assert.equal(canPost(' '), false);
});

test('the counter counts what a person sees: an emoji is one character', () => {
  assert.equal(remainingCharacters(''), MAX_POST_LENGTH);
  assert.equal(remainingCharacters('héllo 👋'), MAX_POST_LENGTH - 7);
  assert.equal(remainingCharacters('a'.repeat(MAX_POST_LENGTH + 3)), -3);
});

test('liking twice takes the like back', () => {
  const liked = toggleLike(sample(), 2);
  assert.deepEqual([liked[1].liked, liked[1].likes], [true, 1]);
  assert.equal(liked[0].likes, 0);
  const unliked = toggleLike(liked, 2);
  assert.deepEqual([unliked[1].liked, unliked[1].likes], [false, 0]);
  assert.throws(() => toggleLike(sample(), 42), /no post 42/);
});

test('reposting counts and toggles', () => {
  const reposted = toggleRepost(sample(), 1);
  assert.deepEqual([reposted[0].reposted, reposted[0].reposts], [true, 1]);
  assert.equal(toggleRepost(reposted, 1)[0].reposts, 0);
});

test('comments are added to one post in order', () => {
  let posts = addComment(sample(), 1, { author: 'Grace Hopper', text: ' Nice! ' }, 4000);
  posts = addComment(posts, 1, { author: '', text: 'Agreed' }, 5000);
  assert.deepEqual(posts[0].comments, [
    { id: 1, author: 'Grace Hopper', text: 'Nice!', createdAt: 4000 },
    { id: 2, author: 'You', text: 'Agreed', createdAt: 5000 },
  ]);
  assert.equal(posts[1].comments.length, 0);
  assert.throws(() => addComment(posts, 1, { author: 'x', text: ' ' }, 1), /needs some text/);
});

test('deleting removes exactly one post', () => {
  assert.deepEqual(deletePost(sample(), 2).map((post) => post.id), [1, 3]);
});

test('the feed shows the newest post first', () => {
  assert.deepEqual(sortFeed(sample()).map((post) => post.id), [3, 2, 1]);
});

test('times read like a feed: now, minutes, hours, days, weeks, years', () => {
  const now = 10 * 365 * 86400000;
  assert.equal(relativeTime(now - 30000, now), 'now');
  assert.equal(relativeTime(now - 5 * 60000, now), '5m');
  assert.equal(relativeTime(now - 3 * 3600000, now), '3h');
  assert.equal(relativeTime(now - 2 * 86400000, now), '2d');
  assert.equal(relativeTime(now - 15 * 86400000, now), '2w');
  assert.equal(relativeTime(now - 400 * 86400000, now), '1y');
  assert.equal(relativeTime(now + 5000, now), 'now');
});

test('links, hashtags and mentions are recognised, and nothing else', () => {
  assert.deepEqual(tokenize('Read https://example.com/a?b=1, then #Ship it @grace_h!'), [
    { type: 'text', value: 'Read ' },
    { type: 'link', value: 'https://example.com/a?b=1' },
    { type: 'text', value: ', then ' },
    { type: 'hashtag', value: '#Ship' },
    { type: 'text', value: ' it ' },
    { type: 'mention', value: '@grace_h' },
    { type: 'text', value: '!' },
  ]);
  assert.deepEqual(tokenize('mail me at ada@example.com about C#'), [{ type: 'text', value: 'mail me at ada@example.com about C#' }]);
  assert.deepEqual(hashtags('#One #two #ONE'), ['#one', '#two']);
});

test('names give handles, initials and a clean profile', () => {
  assert.equal(handleFor('Grace Hopper'), '@gracehopper');
  assert.equal(handleFor('Zoë'), '@zoe');
  assert.equal(handleFor('!!!'), '@you');
  assert.equal(initials('grace brewster hopper'), 'GB');
  assert.equal(initials(''), '?');
  assert.deepEqual(normalizeProfile({ name: '  ', headline: 7 }), { name: 'You', headline: '7' });
  assert.deepEqual(normalizeProfile(null), { name: 'You', headline: '' });
});

test('the reaction summary names only what happened', () => {
  let posts = toggleLike(sample(), 1);
  assert.equal(reactionSummary(posts[0]), '1 like');
  posts = addComment(addComment(toggleRepost(posts, 1), 1, { text: 'a' }, 1), 1, { text: 'b' }, 2);
  assert.equal(reactionSummary(posts[0]), '1 like · 2 comments · 1 repost');
  assert.equal(reactionSummary(posts[1]), '');
});

test('stored posts are cleaned', () => {
  const posts = normalizePosts([
    { id: 1, author: 'Ada', text: ' Hi ', createdAt: 5, likes: 2, liked: true, comments: [{ id: 1, text: 'yo' }, { id: 1, text: 'dup' }, null] },
    { id: 1, author: 'Dup', text: 'dup id' },
    { id: 2, author: 'Empty', text: '  ' },
    { id: 'x', text: 'bad id' },
    null,
  ]);
  assert.deepEqual(posts, [
    {
      id: 1,
      author: 'Ada',
      headline: '',
      text: 'Hi',
      createdAt: 5,
      likes: 2,
      liked: true,
      reposts: 0,
      reposted: false,
      comments: [{ id: 1, author: 'You', text: 'yo', createdAt: 0 }],
    },
  ]);
  assert.deepEqual(normalizePosts('nope'), []);
});
`,
    has(spec, 'search') &&
      js`test('search matches author and text, every word, any case, hashtags included', () => {
  const posts = sample();
  assert.deepEqual(searchPosts(posts, 'ada').map((post) => post.id), [1, 2, 3]);
  assert.deepEqual(searchPosts(posts, 'GRACE compiler').map((post) => post.id), [2]);
  assert.deepEqual(searchPosts(posts, '#world').map((post) => post.id), [1]);
  assert.equal(searchPosts(posts, 'engine compiler').length, 0);
  assert.equal(searchPosts(posts, '  ').length, 3);
});
`,
  );
}

function body(spec: AppSpec, v: FeedVariant): string {
  return blocks(
    `      <div class="feed-layout feed-${v.id}">`,
    `        <aside class="card profile-card" aria-labelledby="profile-heading">`,
    '          <div class="profile-top">',
    '            <span id="profile-avatar" class="avatar avatar-large" aria-hidden="true">Y</span>',
    '            <div>',
    '              <h2 id="profile-heading">Your profile</h2>',
    v.handles && '              <p id="profile-handle" class="muted handle">@you</p>',
    v.headline && '              <p id="profile-headline-view" class="muted headline"></p>',
    '            </div>',
    '          </div>',
    '          <form id="profile-form" class="profile-form" autocomplete="off">',
    '            <div class="field">',
    '              <label for="profile-name">Name</label>',
    '              <input id="profile-name" maxlength="50">',
    '            </div>',
    v.headline &&
      blocks(
        '            <div class="field">',
        '              <label for="profile-headline">Headline</label>',
        '              <input id="profile-headline" maxlength="120" placeholder="What you do">',
        '            </div>',
      ),
    '            <button type="submit">Save profile</button>',
    '          </form>',
    '        </aside>',
    '        <div class="feed-column">',
    '          <section class="card composer" aria-label="New post">',
    '            <form id="composer" autocomplete="off">',
    '              <label for="post-text" class="visually-hidden">New post</label>',
    `              <textarea id="post-text" rows="3" placeholder="${v.placeholder.replace(/'/g, '&#39;')}"></textarea>`,
    '              <div class="row spread composer-footer">',
    `                <span id="char-count" class="char-count muted" title="Characters left">${v.maxLength}</span>`,
    '                <button id="post-button" type="submit" class="primary pill" disabled>Post</button>',
    '              </div>',
    '            </form>',
    '            <p id="composer-error" class="error" role="alert"></p>',
    '          </section>',
    has(spec, 'search') &&
      blocks(
        '          <div class="field search-field">',
        '            <label for="search" class="visually-hidden">Search posts</label>',
        '            <input id="search" type="search" placeholder="Search posts">',
        '          </div>',
      ),
    '          <section aria-labelledby="feed-heading">',
    '            <h2 id="feed-heading" class="visually-hidden">Posts</h2>',
    '            <div id="feed" class="feed"></div>',
    `            <p id="feed-empty" class="muted">${v.emptyText}</p>`,
    has(spec, 'export') && '            <button id="export" type="button">Export JSON</button>',
    '          </section>',
    '        </div>',
    '      </div>',
  );
}

function css(v: FeedVariant): string {
  return blocks(
    js`.feed-layout {
  display: grid;
  gap: 1rem;
  align-items: start;
}

.spread {
  justify-content: space-between;
  align-items: center;
}

.profile-top {
  display: flex;
  align-items: center;
  gap: 0.75rem;
  margin-bottom: 0.5rem;
}

.profile-top h2,
.profile-top p {
  margin: 0;
}

.profile-form {
  display: flex;
  flex-direction: column;
  gap: 0.5rem;
}

.avatar {
  display: inline-flex;
  flex: none;
  align-items: center;
  justify-content: center;
  width: 2.75rem;
  height: 2.75rem;
  border-radius: 50%;
  background: var(--accent);
  color: var(--accent-text);
  font-weight: 700;
}

.avatar-large {
  width: 3.5rem;
  height: 3.5rem;
  font-size: 1.2rem;
}

.composer textarea {
  width: 100%;
  resize: vertical;
  min-height: 4.5rem;
}

.composer-footer {
  margin-top: 0.5rem;
}

.char-count.over {
  color: var(--danger);
  font-weight: 700;
}

.search-field {
  margin-bottom: 1rem;
}

.post {
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  padding: 0.75rem 1rem;
  margin-bottom: 0.75rem;
}

.post-header {
  display: flex;
  align-items: center;
  gap: 0.6rem;
}

.post-author {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0 0.4rem;
  min-width: 0;
}

.post-text {
  margin: 0.5rem 0;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}

.hashtag,
.mention,
.post-text a {
  color: var(--accent);
  font-weight: 600;
}

.post-summary {
  margin: 0 0 0.25rem;
  font-size: 0.85rem;
}

.post-actions {
  display: flex;
  gap: 0.25rem;
  border-top: 1px solid var(--border);
  padding-top: 0.35rem;
}

.post-actions button {
  border: none;
  background: transparent;
  color: var(--muted);
  font-weight: 600;
}

.post-actions button:hover {
  background: var(--surface-2);
}

.post-actions button[aria-pressed='true'] {
  background: transparent;
  color: var(--accent);
}

.post-actions .delete {
  margin-left: auto;
}

.comments {
  margin-top: 0.5rem;
  padding-top: 0.5rem;
  border-top: 1px solid var(--border);
}

.comment-list {
  list-style: none;
  margin: 0 0 0.5rem;
  padding: 0;
}

.comment-list li {
  background: var(--surface-2);
  border-radius: var(--radius);
  padding: 0.4rem 0.6rem;
  margin-bottom: 0.35rem;
  white-space: pre-wrap;
}

.comment-form input {
  flex: 1 1 12rem;
}
`,
    v.id === 'linkedin' &&
      js`/* LinkedIn-style: profile card on the left, feed of cards on the right. */
main,
.app-header {
  max-width: 60rem;
}

.app-header h1 {
  color: var(--accent);
}

.feed-linkedin {
  grid-template-columns: minmax(12rem, 15rem) 1fr;
}

@media (max-width: 44rem) {
  .feed-linkedin {
    grid-template-columns: 1fr;
  }
}

.feed-linkedin .card,
.feed-linkedin .post {
  border: none;
  box-shadow: 0 0 0 1px rgb(140 140 140 / 20%), 0 2px 3px rgb(0 0 0 / 8%);
}

.feed-linkedin .profile-card {
  text-align: center;
}

.feed-linkedin .profile-top {
  flex-direction: column;
}

.feed-linkedin .headline {
  flex-basis: 100%;
  font-size: 0.8rem;
}

.feed-linkedin .composer textarea {
  border-radius: 2rem;
  padding: 0.75rem 1rem;
}

.pill {
  border-radius: 2rem;
  font-weight: 600;
}
`,
    v.id === 'twitter' &&
      js`/* Twitter-style: one centred timeline column between hairlines, pill buttons. */
main,
.app-header {
  max-width: 38rem;
}

.app-header h1 {
  font-size: 1.25rem;
  font-weight: 800;
}

.feed-twitter {
  border-left: 1px solid var(--border);
  border-right: 1px solid var(--border);
  gap: 0;
}

.feed-twitter .card {
  border-width: 0 0 1px;
  border-radius: 0;
  margin: 0;
}

.feed-twitter .post {
  border-width: 0 0 1px;
  border-radius: 0;
  margin: 0;
}

.feed-twitter .search-field {
  padding: 0.5rem 1rem;
  margin: 0;
}

.feed-twitter .search-field input,
.pill {
  border-radius: 9999px;
}

.pill {
  font-weight: 700;
  padding: 0.45rem 1.1rem;
}

.feed-twitter .composer textarea {
  border: none;
  font-size: 1.15rem;
}

.feed-twitter .post-author .author-name {
  font-weight: 700;
}

.feed-twitter .post-actions {
  border-top: none;
  justify-content: space-between;
  max-width: 26rem;
}

.feed-twitter .post-actions button.like[aria-pressed='true'] {
  color: #f91880;
}

.feed-twitter .post-actions button.repost[aria-pressed='true'] {
  color: var(--ok);
}
`,
    v.id === 'plain' &&
      js`main,
.app-header {
  max-width: 40rem;
}

.pill {
  border-radius: 2rem;
}
`,
  );
}

function main(spec: AppSpec, v: FeedVariant): string {
  const saves = has(spec, 'local-storage');
  const search = has(spec, 'search');
  const imports = [
    'addComment',
    'canPost',
    'createPost',
    'deletePost',
    v.handles && 'handleFor',
    'initials',
    saves && 'normalizePosts',
    'normalizeProfile',
    !v.countsOnButtons && 'reactionSummary',
    'relativeTime',
    'remainingCharacters',
    search && 'searchPosts',
    'sortFeed',
    'tokenize',
    'toggleLike',
    'toggleRepost',
  ].filter((x): x is string => typeof x === 'string');
  const actionCode: Record<ActionId, string> = {
    like: js`  actions.append(
    actionButton(post.id, 'like', ${v.countsOnButtons ? "'Like' + (post.likes > 0 ? ' ' + post.likes : '')" : "'Like'"}, post.liked, 'Like post by ' + post.author, () =>
      commit(toggleLike(posts, post.id)),
    ),
  );`,
    repost: js`  actions.append(
    actionButton(post.id, 'repost', ${v.countsOnButtons ? "'Repost' + (post.reposts > 0 ? ' ' + post.reposts : '')" : "'Repost'"}, post.reposted, 'Repost post by ' + post.author, () =>
      commit(toggleRepost(posts, post.id)),
    ),
  );`,
    comment: js`  const commentButton = actionButton(
    post.id,
    'comment',
    ${v.countsOnButtons ? `${jsString(v.commentLabel)} + (post.comments.length > 0 ? ' ' + post.comments.length : '')` : jsString(v.commentLabel)},
    null,
    ${jsString(v.commentLabel)} + ' on post by ' + post.author,
    () => {
      if (openComments.has(post.id)) openComments.delete(post.id);
      else openComments.add(post.id);
      renderFeed();
      focusIn(post.id, openComments.has(post.id) ? '.comment-form input' : 'button.comment');
    },
  );
  commentButton.setAttribute('aria-expanded', String(openComments.has(post.id)));
  actions.append(commentButton);`,
  };
  return blocks(
    ...sharedImports(spec),
    importLine(imports, './feed.js'),
    '',
    mainPreamble(spec),
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'posts'))}, { fallback: [], revive: normalizePosts });
const profileStore = createStore(storage, ${jsString(storageKey(spec, 'profile'))}, {
  fallback: normalizeProfile(null),
  revive: normalizeProfile,
});
let posts = store.load();
let profile = profileStore.load();`
      : js`let posts = [];
let profile = normalizeProfile(null);`,
    js`let query = '';
const openComments = new Set();

const composer = byId('composer');
const postText = byId('post-text');
const charCount = byId('char-count');
const postButton = byId('post-button');
const composerError = byId('composer-error');
const feed = byId('feed');
const feedEmpty = byId('feed-empty');
const profileForm = byId('profile-form');
const profileName = byId('profile-name');
const profileAvatar = byId('profile-avatar');`,
    v.headline &&
      js`const profileHeadline = byId('profile-headline');
const profileHeadlineView = byId('profile-headline-view');`,
    v.handles && js`const profileHandle = byId('profile-handle');`,
    js`
function commit(next) {
  posts = next;
${saves ? '  store.save(posts);\n' : ''}  renderFeed();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Keeps keyboard focus on the same control after the feed is redrawn. */
function focusIn(id, selector) {
  const target = feed.querySelector('article[data-id="' + id + '"] ' + selector);
  if (target) target.focus();
}

/** Text as nodes: links open in a new tab, hashtags and mentions are highlighted; no markup is ever parsed. */
function richText(text) {
  return tokenize(text).map((part) => {
    if (part.type === 'link') {
      const link = element('a', '', part.value);
      link.href = part.value;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    if (part.type === 'hashtag' || part.type === 'mention') return element('span', part.type, part.value);
    return document.createTextNode(part.value);
  });
}

function timeElement(at) {
  const time = element('time', 'muted post-time', relativeTime(at, Date.now()));
  time.dateTime = new Date(at).toISOString();
  time.dataset.at = String(at);
  return time;
}

function actionButton(postId, action, label, pressed, name, onClick) {
  const button = element('button', action, label);
  button.type = 'button';
  button.setAttribute('aria-label', name);
  if (pressed !== null) button.setAttribute('aria-pressed', String(pressed));
  button.addEventListener('click', () => {
    onClick();
    // The feed was redrawn; unless the action moved focus on purpose, keep it on the same button.
    if (!document.activeElement || document.activeElement === document.body) focusIn(postId, 'button.' + action);
  });
  return button;
}

function renderComments(post) {
  const section = element('div', 'comments');
  const list = element('ul', 'comment-list');
  for (const comment of post.comments) {
    const item = element('li');
    item.append(element('strong', '', comment.author), document.createTextNode(' '), ...richText(comment.text));
    list.append(item);
  }
  const form = element('form', 'row comment-form');
  const input = element('input');
  input.maxLength = 1000;
  input.placeholder = ${jsString(v.commentPlaceholder)};
  input.setAttribute('aria-label', ${jsString(v.commentPlaceholder)});
  const submit = element('button', 'primary pill', ${jsString(v.commentLabel)});
  submit.type = 'submit';
  const error = element('p', 'error');
  error.setAttribute('role', 'alert');
  form.append(input, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      commit(addComment(posts, post.id, { author: profile.name, text: input.value }, Date.now()));
      focusIn(post.id, '.comment-form input');
    } catch (problem) {
      error.textContent = problem.message;
    }
  });
  section.append(list, form, error);
  return section;
}

function renderPost(post) {
  const article = element('article', 'post');
  article.dataset.id = String(post.id);
  const header = element('header', 'post-header');
  const avatar = element('span', 'avatar', initials(post.author));
  avatar.setAttribute('aria-hidden', 'true');
  const author = element('div', 'post-author');
  author.append(element('strong', 'author-name', post.author));`,
    v.handles && js`  author.append(element('span', 'muted handle', handleFor(post.author)), element('span', 'muted', '·'));`,
    v.headline && js`  if (post.headline) author.append(element('span', 'muted headline', post.headline));`,
    js`  author.append(timeElement(post.createdAt));
  header.append(avatar, author);
  const text = element('p', 'post-text');
  text.append(...richText(post.text));
  article.append(header, text);`,
    !v.countsOnButtons &&
      js`  const summary = reactionSummary(post);
  if (summary) article.append(element('p', 'muted post-summary', summary));`,
    js`  const actions = element('div', 'post-actions');
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', 'Post actions');`,
    ...v.actions.map((a) => actionCode[a]),
    js`  const remove = actionButton(post.id, 'delete', 'Delete', null, 'Delete post by ' + post.author, () => {
    commit(deletePost(posts, post.id));
    postText.focus();
  });
  actions.append(remove);
  article.append(actions);
  if (openComments.has(post.id)) article.append(renderComments(post));
  return article;
}

function renderFeed() {
  const shown = sortFeed(${search ? 'searchPosts(posts, query)' : 'posts'});
  feed.replaceChildren(...shown.map(renderPost));
  feedEmpty.hidden = shown.length > 0;
  if (posts.length > 0 && shown.length === 0) feedEmpty.textContent = 'No posts match your search.';
  else feedEmpty.textContent = ${jsString(v.emptyText)};
}

function renderProfile() {
  profileName.value = profile.name;
  profileAvatar.textContent = initials(profile.name);`,
    v.headline &&
      js`  profileHeadline.value = profile.headline;
  profileHeadlineView.textContent = profile.headline;`,
    v.handles && js`  profileHandle.textContent = handleFor(profile.name);`,
    js`}

function renderComposer() {
  const left = remainingCharacters(postText.value);
  charCount.textContent = String(left);
  charCount.classList.toggle('over', left < 0);
  postButton.disabled = !canPost(postText.value);
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    commit(createPost(posts, { author: profile.name, headline: profile.headline, text: postText.value }, Date.now()).posts);
    postText.value = '';
    composerError.textContent = '';
  } catch (problem) {
    composerError.textContent = problem.message;
  }
  renderComposer();
  postText.focus();
});

postText.addEventListener('input', renderComposer);

profileForm.addEventListener('submit', (event) => {
  event.preventDefault();
  profile = normalizeProfile({ name: profileName.value, headline: ${v.headline ? 'profileHeadline.value' : "''"} });
${saves ? '  profileStore.save(profile);\n' : ''}  renderProfile();
});
`,
    search &&
      js`byId('search').addEventListener('input', (event) => {
  query = event.target.value;
  renderFeed();
});
`,
    has(spec, 'export') &&
      js`byId('export').addEventListener('click', () => {
  const data = buildExport(${jsString(spec.title)}, 'feed', sortFeed(posts));
  downloadText(document, exportFileName(${jsString(spec.projectName)}, new Date()), serializeExport(data));
});
`,
    js`// Relative times ("5m") age while the page is open; only the time labels are rewritten.
setInterval(() => {
  for (const time of feed.querySelectorAll('time[data-at]')) time.textContent = relativeTime(Number(time.dataset.at), Date.now());
}, 30000);

renderProfile();
renderComposer();
renderFeed();`,
    '',
  );
}

export function feedTemplate(spec: AppSpec): KindTemplate {
  const v = feedVariant(spec);
  return {
    body: body(spec, v),
    css: css(v),
    files: [
      { path: 'src/main.js', content: main(spec, v) },
      { path: 'src/feed.js', content: feedModule(spec, v) },
      { path: 'test/feed.test.js', content: feedTest(spec, v) },
    ],
    layout: {
      'src/feed.js': `the feed as pure functions: posts of at most ${v.maxLength} characters, likes, reposts, comments, relative times, hashtags and mentions${has(spec, 'search') ? ', search' : ''}`,
    },
  };
}
