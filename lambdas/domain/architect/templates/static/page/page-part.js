const toggle = byId('menu-toggle');
const nav = byId('site-nav');

toggle.addEventListener('click', () => {
  const open = nextMenuState(toggle.getAttribute('aria-expanded') === 'true');
  toggle.setAttribute('aria-expanded', String(open));
  nav.parentElement.classList.toggle('open', open);
});

// A link to a section closes the menu on a small screen.
nav.addEventListener('click', (event) => {
  if (event.target instanceof HTMLAnchorElement) {
    toggle.setAttribute('aria-expanded', 'false');
    nav.parentElement.classList.remove('open');
  }
});
