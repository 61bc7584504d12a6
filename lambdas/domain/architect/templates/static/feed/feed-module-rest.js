function count(value) {
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
