
function commit(next) {
  posts = next;
{{savePosts}}  renderFeed();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Keeps keyboard focus on the same control after the feed is redrawn. */
function focusIn(id, selector) {
  const target = feed.querySelector('article[data-id="' + id + '"] ' + selector);
  if (target) target.focus();
}

/** Text as nodes: links open in a new tab, hashtags and mentions are highlighted; no markup is ever parsed. */
function richText(text) {
  return tokenize(text).map((part) => {
    if (part.type === 'link') {
      const link = element('a', '', part.value);
      link.href = part.value;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    if (part.type === 'hashtag' || part.type === 'mention') return element('span', part.type, part.value);
    return document.createTextNode(part.value);
  });
}

function timeElement(at) {
  const time = element('time', 'muted post-time', relativeTime(at, Date.now()));
  time.dateTime = new Date(at).toISOString();
  time.dataset.at = String(at);
  return time;
}

function actionButton(postId, action, label, pressed, name, onClick) {
  const button = element('button', action, label);
  button.type = 'button';
  button.setAttribute('aria-label', name);
  if (pressed !== null) button.setAttribute('aria-pressed', String(pressed));
  button.addEventListener('click', () => {
    onClick();
    // The feed was redrawn; unless the action moved focus on purpose, keep it on the same button.
    if (!document.activeElement || document.activeElement === document.body) focusIn(postId, 'button.' + action);
  });
  return button;
}

function renderComments(post) {
  const section = element('div', 'comments');
  const list = element('ul', 'comment-list');
  for (const comment of post.comments) {
    const item = element('li');
    item.append(element('strong', '', comment.author), document.createTextNode(' '), ...richText(comment.text));
    list.append(item);
  }
  const form = element('form', 'row comment-form');
  const input = element('input');
  input.maxLength = 1000;
  input.placeholder = {{commentPlaceholder}};
  input.setAttribute('aria-label', {{commentPlaceholder}});
  const submit = element('button', 'primary pill', {{commentLabel}});
  submit.type = 'submit';
  const error = element('p', 'error');
  error.setAttribute('role', 'alert');
  form.append(input, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      commit(addComment(posts, post.id, { author: profile.name, text: input.value }, Date.now()));
      focusIn(post.id, '.comment-form input');
    } catch (problem) {
      error.textContent = problem.message;
    }
  });
  section.append(list, form, error);
  return section;
}

function renderPost(post) {
  const article = element('article', 'post');
  article.dataset.id = String(post.id);
  const header = element('header', 'post-header');
  const avatar = element('span', 'avatar', initials(post.author));
  avatar.setAttribute('aria-hidden', 'true');
  const author = element('div', 'post-author');
  author.append(element('strong', 'author-name', post.author));