const jsonInput = byId('json-input');
const jsonOutput = byId('json-output');
const jsonStatus = byId('json-status');
const b64Input = byId('b64-input');
const urlInput = byId('url-input');
const hashInput = byId('hash-input');
const hashAlgorithm = byId('hash-algorithm');

function keep() {
  state = { ...state, json: jsonInput.value, indent: byId('json-indent').value, sortKeys: byId('json-sort').checked };
  save();
}

/** Formats or minifies the JSON typed; where it does not read, says what and where, and selects that spot. */
function runJson(minify) {
  keep();
  if (jsonInput.value.trim() === '') {
    jsonStatus.textContent = 'Paste or type some JSON first.';
    jsonStatus.className = 'muted';
    jsonOutput.value = '';
    return;
  }
  try {
    const indentValue = byId('json-indent').value;
    const tree = parseJson(jsonInput.value);
    jsonOutput.value = printJson(tree, {
      indent: minify ? 0 : indentValue === 'tab' ? 'tab' : Number(indentValue),
      sortKeys: byId('json-sort').checked,
    });
    jsonStatus.textContent = 'Valid JSON' + (minify ? ', minified: ' : ', formatted: ') + jsonOutput.value.length + ' characters.';
    jsonStatus.className = 'ok';
  } catch (problem) {
    if (!(problem instanceof JsonError)) throw problem;
    jsonOutput.value = '';
    jsonStatus.textContent = problem.message + '.';
    jsonStatus.className = 'error';
    const lines = jsonInput.value.split('\n');
    const at = lines.slice(0, problem.line - 1).reduce((n, line) => n + line.length + 1, 0) + problem.column - 1;
    jsonInput.focus();
    jsonInput.setSelectionRange(at, Math.min(at + 1, jsonInput.value.length));
  }
}

/** Runs `convert` on a tool's input into its output, or shows why it cannot. */
function convertInto(prefix, convert) {
  const error = byId(prefix + '-error');
  const output = byId(prefix + '-output');
  try {
    output.value = convert(byId(prefix + '-input').value);
    error.textContent = '';
  } catch (problem) {
    output.value = '';
    error.textContent = problem.message;
  }
}

let hashRun = 0;
async function runHash() {
  const run = (hashRun += 1);
  const hex = await digestHex(hashInput.value, hashAlgorithm.value);
  if (run === hashRun) byId('hash-output').textContent = hex;
}

byId('json-format').addEventListener('click', () => runJson(false));
byId('json-minify').addEventListener('click', () => runJson(true));
jsonInput.addEventListener('input', keep);
byId('json-indent').addEventListener('change', keep);
byId('json-sort').addEventListener('change', keep);
byId('b64-encode').addEventListener('click', () => convertInto('b64', (text) => encodeBase64(text, byId('b64-url').checked)));
byId('b64-decode').addEventListener('click', () => convertInto('b64', decodeBase64));
byId('url-encode').addEventListener('click', () => convertInto('url', encodeUrl));
byId('url-decode').addEventListener('click', () => convertInto('url', (text) => decodeUrl(text)));
hashInput.addEventListener('input', runHash);
hashAlgorithm.addEventListener('change', runHash);
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', () => {
    const source = byId(button.dataset.copy);
    const text = 'value' in source ? source.value : source.textContent;
    if (navigator.clipboard && text) navigator.clipboard.writeText(text).catch(() => undefined);
  });
}

hashAlgorithm.replaceChildren(
  ...DIGESTS.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name + (name === 'SHA-1' ? ' (not for security)' : '');
    return option;
  }),
);
jsonInput.value = state.json;
byId('json-indent').value = state.indent;
byId('json-sort').checked = state.sortKeys;
runHash();
