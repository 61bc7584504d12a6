// Rock, paper, scissors against the computer, which throws at random (the browser's secure source).
const rpsCard = byId('rps-title').closest('section');
const rpsButtons = [...rpsCard.querySelectorAll('[data-throw]')];
let rpsLast = null;

function rpsRender() {
  const { wins, losses, draws } = saved.rps.tally;
  byId('rps-score').textContent = 'You ' + wins + ' · The computer ' + losses + ' · Draws ' + draws;
  byId('rps-status').textContent =
    rpsLast === null
      ? 'Rock, paper or scissors?'
      : 'You threw ' + rpsLast.player + ', the computer ' + rpsLast.computer + ': ' +
        (rpsLast.outcome === 'win' ? 'you win!' : rpsLast.outcome === 'lose' ? 'the computer wins.' : 'a draw.');
  for (const button of rpsButtons) button.classList.toggle('chosen', rpsLast !== null && button.dataset.throw === rpsLast.player);
}

function rpsThrow(player) {
  const computer = computerThrow(random);
  const outcome = throwOutcome(player, computer);
  rpsLast = { player, computer, outcome };
  update({ rps: { ...saved.rps, tally: addThrow(saved.rps.tally, outcome) } });
  rpsRender();
}

for (const button of rpsButtons) button.addEventListener('click', () => rpsThrow(button.dataset.throw));
byId('rps-reset').addEventListener('click', () => {
  rpsLast = null;
  update({ rps: { ...saved.rps, tally: normalizeRpsTally(null) } });
  rpsRender();
});
// The keys throw from anywhere, unless a letter game (hangman, the word game) is on the page too:
// then only from this card (letters elsewhere are that game's).
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || (target instanceof Element && target.closest('input, textarea, select'))) return;
  const here =
    (target instanceof Element && rpsCard.contains(target)) ||
    (document.getElementById('hangman-title') === null && document.getElementById('words-title') === null);
  const player = throwForKey(event.key);
  if (!here || !player) return;
  event.preventDefault();
  rpsThrow(player);
});
rpsRender();
