import { test } from 'node:test';
import assert from 'node:assert/strict';
{{imports}}

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

test('a post needs text and respects the length limit of {{maxLength}} characters', () => {
  assert.equal(MAX_POST_LENGTH, {{maxLength}});
  assert.throws(() => createPost([], { author: 'A', text: '   \n ' }, 1), /needs some text/);
  const longest = 'a'.repeat(MAX_POST_LENGTH);
  assert.equal(createPost([], { author: 'A', text: longest }, 1).post.text.length, MAX_POST_LENGTH);
  assert.throws(() => createPost([], { author: 'A', text: longest + 'b' }, 1), /at most {{maxLength}} characters/);
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
