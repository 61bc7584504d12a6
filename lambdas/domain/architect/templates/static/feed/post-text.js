  author.append(timeElement(post.createdAt));
  header.append(avatar, author);
  const text = element('p', 'post-text');
  text.append(...richText(post.text));
  article.append(header, text);
