  const commentButton = actionButton(
    post.id,
    'comment',
    {{commentButtonLabel}},
    null,
    {{commentLabel}} + ' on post by ' + post.author,
    () => {
      if (openComments.has(post.id)) openComments.delete(post.id);
      else openComments.add(post.id);
      renderFeed();
      focusIn(post.id, openComments.has(post.id) ? '.comment-form input' : 'button.comment');
    },
  );
  commentButton.setAttribute('aria-expanded', String(openComments.has(post.id)));
  actions.append(commentButton);