// Light and dark theme: the system preference until the person chooses, then their choice.

export const THEMES = ['light', 'dark'];

/** The stored choice when there is a valid one, otherwise the system preference. */
export function resolveTheme(stored, prefersDark) {
  if (THEMES.includes(stored)) return stored;
  return prefersDark ? 'dark' : 'light';
}

export function toggleTheme(theme) {
  return theme === 'dark' ? 'light' : 'dark';
}

function readSaved(storage, key) {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function hasSavedTheme(storage, key) {
  return THEMES.includes(readSaved(storage, key));
}

export function loadTheme(storage, key, prefersDark) {
  return resolveTheme(readSaved(storage, key), prefersDark);
}

export function saveTheme(storage, key, theme) {
  if (!storage || !THEMES.includes(theme)) return false;
  try {
    storage.setItem(key, theme);
    return true;
  } catch {
    return false;
  }
}

/** Marks the root element; the style sheet picks colours from data-theme. */
export function applyTheme(root, theme) {
  root.dataset.theme = theme;
}
