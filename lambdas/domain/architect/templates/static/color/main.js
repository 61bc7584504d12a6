const colorInput = byId('color-input');
const colorText = byId('color-text');
const colorError = byId('color-error');

/** A row of swatch buttons; choosing one makes it the current color. */
function swatches(container, colors) {
  container.replaceChildren(
    ...colors.map((hex) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'swatch';
      button.style.background = hex;
      button.title = hex;
      button.setAttribute('aria-label', hex);
      button.addEventListener('click', () => choose(hex));
      return button;
    }),
  );
}

function render() {
  const rgb = parseColor(state.color);
  byId('hex').textContent = toHex(rgb);
  byId('rgb').textContent = toRgbText(rgb);
  byId('hsl').textContent = toHslText(rgb);
  document.documentElement.style.setProperty('--picked', toHex(rgb));
  for (const [id, other] of [['white', '#ffffff'], ['black', '#000000']]) {
    const ratio = contrastRatio(rgb, parseColor(other));
    byId('sample-' + id).style.background = toHex(rgb);
    byId('contrast-' + id).textContent = ratio.toFixed(2) + ':1 · ' + contrastGrade(ratio);
  }
  swatches(byId('shades'), shades(rgb));
  swatches(byId('palette'), state.palette);
  byId('palette-empty').hidden = state.palette.length > 0;
  byId('palette-clear').hidden = state.palette.length === 0;
  if (colorInput.value !== toHex(rgb)) colorInput.value = toHex(rgb);
}

/** Makes `text` the current color when it reads as one; otherwise says why and keeps the last. */
function choose(text, fromTyping = false) {
  try {
    const hex = toHex(parseColor(text));
    state = { ...state, color: hex };
    colorError.textContent = '';
    if (!fromTyping) colorText.value = hex;
    save();
    render();
  } catch (problem) {
    colorError.textContent = problem.message;
  }
}

colorInput.addEventListener('input', () => choose(colorInput.value));
colorText.addEventListener('input', () => choose(colorText.value, true));
byId('save-color').addEventListener('click', () => {
  state = { ...state, palette: addToPalette(state.palette, state.color) };
  save();
  render();
});
byId('palette-clear').addEventListener('click', () => {
  state = { ...state, palette: [] };
  save();
  render();
});
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', () => {
    const text = byId(button.dataset.copy).textContent;
    if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => undefined);
  });
}

colorText.value = state.color;
render();
