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
