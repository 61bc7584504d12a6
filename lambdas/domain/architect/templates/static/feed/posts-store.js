const store = createStore(storage, {{postsKey}}, { fallback: [], revive: normalizePosts });
const profileStore = createStore(storage, {{profileKey}}, {
  fallback: normalizeProfile(null),
  revive: normalizeProfile,
});
let posts = store.load();
let profile = profileStore.load();
