test('search matches author and text, every word, any case, hashtags included', () => {
  const posts = sample();
  assert.deepEqual(searchPosts(posts, 'ada').map((post) => post.id), [1, 2, 3]);
  assert.deepEqual(searchPosts(posts, 'GRACE compiler').map((post) => post.id), [2]);
  assert.deepEqual(searchPosts(posts, '#world').map((post) => post.id), [1]);
  assert.equal(searchPosts(posts, 'engine compiler').length, 0);
  assert.equal(searchPosts(posts, '  ').length, 3);
});
