import { themeFor } from '../themes';
import { blocks, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { exportHandler, mainPreamble, searchHandler, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

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

/** The feed module's fixed part: everything after its length limit (static/feed/feed-logic.js). */
const FEED_LOGIC = staticSource('feed/feed-logic.js');

const FEED_CSS = staticSource('feed/css.css');

function feedModule(spec: AppSpec, v: FeedVariant): string {
  return blocks(
    js`// Pure feed logic: every function returns new data; times are passed in, so tests control them.

export const MAX_POST_LENGTH = ${String(v.maxLength)};
` + FEED_LOGIC,
    has(spec, 'search') &&
      staticSource('feed/search-posts.js'),
    staticSource('feed/feed-module-rest.js'),
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
    fillSlots(staticSource('feed/feed-test.js'), { imports: importLine(imports, '../src/feed.js'), maxLength: String(v.maxLength) }),
    has(spec, 'search') &&
      staticSource('feed/search-test.js'),
  );
}

function body(spec: AppSpec, v: FeedVariant): string {
  // A slot that holds lines ends each with its newline, so an empty one leaves no blank line.
  const lines = (on: boolean, ...text: string[]): string => (on ? text.map((t) => `${t}\n`).join('') : '');
  return fillSlots(staticSource('feed/body.html'), {
    variant: v.id,
    handle: lines(v.handles, '              <p id="profile-handle" class="muted handle">@you</p>'),
    headlineView: lines(v.headline, '              <p id="profile-headline-view" class="muted headline"></p>'),
    headlineField: lines(
      v.headline,
      '            <div class="field">',
      '              <label for="profile-headline">Headline</label>',
      '              <input id="profile-headline" maxlength="120" placeholder="What you do">',
      '            </div>',
    ),
    placeholder: v.placeholder.replace(/'/g, '&#39;'),
    maxLength: String(v.maxLength),
    search: lines(
      has(spec, 'search'),
      '          <div class="field search-field">',
      '            <label for="search" class="visually-hidden">Search posts</label>',
      '            <input id="search" type="search" placeholder="Search posts">',
      '          </div>',
    ),
    emptyText: v.emptyText,
    exportButton: lines(has(spec, 'export'), '            <button id="export" type="button">Export JSON</button>'),
  });
}

function css(v: FeedVariant): string {
  return blocks(
    FEED_CSS,
    v.id === 'linkedin' &&
      staticSource('feed/linkedin.css'),
    v.id === 'twitter' &&
      staticSource('feed/twitter.css'),
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

/** A like or a repost button (static/feed/toggle-action.js), with its count on it where the variant shows counts there. */
function toggleAction(id: Exclude<ActionId, 'comment'>, Title: string, flag: string, v: FeedVariant): string {
  const label = v.countsOnButtons ? `'${Title}' + (post.${id}s > 0 ? ' ' + post.${id}s : '')` : `'${Title}'`;
  return fillSlots(staticSource('feed/toggle-action.js'), { id, Title, flag, label }).trimEnd();
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
    like: toggleAction('like', 'Like', 'liked', v),
    repost: toggleAction('repost', 'Repost', 'reposted', v),
    comment: fillSlots(staticSource('feed/comment-action.js'), { commentButtonLabel: v.countsOnButtons ? `${jsString(v.commentLabel)} + (post.comments.length > 0 ? ' ' + post.comments.length : '')` : jsString(v.commentLabel), commentLabel: jsString(v.commentLabel) }),
  };
  return blocks(
    ...sharedImports(spec),
    importLine(imports, './feed.js'),
    '',
    mainPreamble(spec),
    saves
      ? fillSlots(staticSource('feed/posts-store.js'), {
          postsKey: jsString(storageKey(spec, 'posts')),
          profileKey: jsString(storageKey(spec, 'profile')),
        }).trimEnd()
      : js`let posts = [];
let profile = normalizeProfile(null);`,
    staticSource('feed/page-elements.js'),
    v.headline &&
      js`const profileHeadline = byId('profile-headline');
const profileHeadlineView = byId('profile-headline-view');`,
    v.handles && js`const profileHandle = byId('profile-handle');`,
    fillSlots(staticSource('feed/main-part-1.js'), {
      savePosts: saves ? '  store.save(posts);\n' : '',
      commentPlaceholder: jsString(v.commentPlaceholder),
      commentLabel: jsString(v.commentLabel),
    }),
    v.handles && js`  author.append(element('span', 'muted handle', handleFor(post.author)), element('span', 'muted', '·'));`,
    v.headline && js`  if (post.headline) author.append(element('span', 'muted headline', post.headline));`,
    staticSource('feed/post-text.js').trimEnd(),
    !v.countsOnButtons &&
      js`  const summary = reactionSummary(post);
  if (summary) article.append(element('p', 'muted post-summary', summary));`,
    staticSource('feed/post-actions.js').trimEnd(),
    ...v.actions.map((a) => actionCode[a]),
    fillSlots(staticSource('feed/render-rest.js'), { shownPosts: search ? 'searchPosts(posts, query)' : 'posts', emptyText: jsString(v.emptyText) }),
    v.headline &&
      js`  profileHeadline.value = profile.headline;
  profileHeadlineView.textContent = profile.headline;`,
    v.handles && js`  profileHandle.textContent = handleFor(profile.name);`,
    fillSlots(staticSource('feed/main-part-2.js'), {
      headlineValue: v.headline ? 'profileHeadline.value' : "''",
      saveProfile: saves ? '  profileStore.save(profile);\n' : '',
    }),
    search &&
      searchHandler('query', 'renderFeed'),
    has(spec, 'export') &&
      exportHandler(spec, 'feed', 'sortFeed(posts)'),
    staticSource('feed/main-part-3.js').trimEnd(),
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
