/** Posts whose author or text contains every word of the query, ignoring case; "#tag" finds a hashtag. */
export function searchPosts(posts, query) {
  const terms = cleanLine(query, 200).toLowerCase().split(' ').filter((term) => term !== '');
  if (terms.length === 0) return posts.slice();
  return posts.filter((post) => {
    const text = (post.author + '\n' + post.text).toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}
