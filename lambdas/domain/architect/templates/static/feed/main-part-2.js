}

function renderComposer() {
  const left = remainingCharacters(postText.value);
  charCount.textContent = String(left);
  charCount.classList.toggle('over', left < 0);
  postButton.disabled = !canPost(postText.value);
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    commit(createPost(posts, { author: profile.name, headline: profile.headline, text: postText.value }, Date.now()).posts);
    postText.value = '';
    composerError.textContent = '';
  } catch (problem) {
    composerError.textContent = problem.message;
  }
  renderComposer();
  postText.focus();
});

postText.addEventListener('input', renderComposer);

profileForm.addEventListener('submit', (event) => {
  event.preventDefault();
  profile = normalizeProfile({ name: profileName.value, headline: {{headlineValue}} });
{{saveProfile}}  renderProfile();
});
