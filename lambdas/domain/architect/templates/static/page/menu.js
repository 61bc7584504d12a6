// The small-screen menu: open or closed, said to assistive technology through aria-expanded.

/** The menu's state after a press of its button. */
export function nextMenuState(open) {
  return !open;
}
