  const remove = actionButton(post.id, 'delete', 'Delete', null, 'Delete post by ' + post.author, () => {
    commit(deletePost(posts, post.id));
    postText.focus();
  });
  actions.append(remove);
  article.append(actions);
  if (openComments.has(post.id)) article.append(renderComments(post));
  return article;
}

function renderFeed() {
  const shown = sortFeed({{shownPosts}});
  feed.replaceChildren(...shown.map(renderPost));
  feedEmpty.hidden = shown.length > 0;
  if (posts.length > 0 && shown.length === 0) feedEmpty.textContent = 'No posts match your search.';
  else feedEmpty.textContent = {{emptyText}};
}

function renderProfile() {
  profileName.value = profile.name;
  profileAvatar.textContent = initials(profile.name);