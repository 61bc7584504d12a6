  actions.append(
    actionButton(post.id, '{{id}}', {{label}}, post.{{flag}}, '{{Title}} post by ' + post.author, () =>
      commit(toggle{{Title}}(posts, post.id)),
    ),
  );
