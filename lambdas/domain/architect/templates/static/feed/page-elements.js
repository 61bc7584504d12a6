let query = '';
const openComments = new Set();

const composer = byId('composer');
const postText = byId('post-text');
const charCount = byId('char-count');
const postButton = byId('post-button');
const composerError = byId('composer-error');
const feed = byId('feed');
const feedEmpty = byId('feed-empty');
const profileForm = byId('profile-form');
const profileName = byId('profile-name');
const profileAvatar = byId('profile-avatar');