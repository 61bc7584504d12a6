// Relative times ("5m") age while the page is open; only the time labels are rewritten.
setInterval(() => {
  for (const time of feed.querySelectorAll('time[data-at]')) time.textContent = relativeTime(Number(time.dataset.at), Date.now());
}, 30000);

renderProfile();
renderComposer();
renderFeed();