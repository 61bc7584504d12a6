
/** Runs one tool on submit: shows its result, or its error in words. */
function tool(name, draw) {
  const output = byId(name + '-result');
  const error = byId(name + '-error');
  byId(name + '-form').addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const result = draw();
      output.textContent = result.shown;
      error.textContent = '';
      if (result.what) remember(result.what, result.logged ?? result.shown);
    } catch (problem) {
      output.textContent = '–';
      error.textContent = problem.message;
    }
  });
}

for (const key of TEXT_FIELDS) {
  byId(key).addEventListener('input', (event) => {
    settings = { ...settings, [key]: event.target.value };
    save();
  });
}
for (const key of FLAGS) {
  byId(key).addEventListener('change', (event) => {
    settings = { ...settings, [key]: event.target.checked };
    save();
    showStrength();
  });
}

tool('dice', () => {
  const roll = rollDice(settings.dice, source);
  const [what, logged] = roll.line.split(': ');
  return { shown: roll.line, what, logged };
});

tool('coin', () => {
  const count = parseWhole(settings.coins);
  if (count === null) throw new RangeError('Enter how many coins, for example 3');
  const flips = flipCoins(count, source);
  return { shown: flips.line, what: count === 1 ? 'coin' : count + ' coins' };
});

tool('number', () => {
  const min = parseWhole(settings.min);
  const max = parseWhole(settings.max);
  if (min === null || max === null) throw new RangeError('Enter whole numbers, for example 1 and 100');
  return { shown: String(randomBetween(min, max, source)), what: min + '–' + max };
});

tool('pick', () => ({ shown: pickOne(parseChoices(settings.choices), source), what: 'pick' }));

let password = '';
function passwordOptions() {
  const length = parseWhole(settings.length);
  if (length === null) throw new RangeError('Enter a length, for example 16');
  return { length, lower: settings.lower, upper: settings.upper, digits: settings.digits, symbols: settings.symbols };
}

function showStrength() {
  const strength = byId('password-strength');
  try {
    const options = passwordOptions();
    const { bits, label } = passwordStrength(options.length, poolSize(options));
    strength.textContent = poolSize(options) === 0 ? '' : 'About ' + bits + ' bits: ' + label;
  } catch {
    strength.textContent = '';
  }
}
byId('length').addEventListener('input', showStrength);

// A password is shown, never saved and never added to the history.
tool('password', () => {
  password = makePassword(passwordOptions(), source);
  copyButton.disabled = false;
  return { shown: password, what: null };
});

copyButton.addEventListener('click', () => {
  if (password && navigator.clipboard) navigator.clipboard.writeText(password).catch(() => undefined);
});

showSettings();
showStrength();