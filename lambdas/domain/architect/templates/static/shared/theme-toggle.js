const THEME_KEY = {{themeKey}};
const themeToggle = byId('theme-toggle');
const darkQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
let theme = loadTheme(storage, THEME_KEY, darkQuery ? darkQuery.matches : false);

function showTheme() {
  applyTheme(document.documentElement, theme);
  themeToggle.setAttribute('aria-pressed', String(theme === 'dark'));
}

themeToggle.addEventListener('click', () => {
  theme = toggleTheme(theme);
  saveTheme(storage, THEME_KEY, theme);
  showTheme();
});
if (darkQuery) {
  // Follow the system while the person has not picked a theme themselves.
  darkQuery.addEventListener('change', (event) => {
    if (hasSavedTheme(storage, THEME_KEY)) return;
    theme = event.matches ? 'dark' : 'light';
    showTheme();
  });
}
showTheme();
