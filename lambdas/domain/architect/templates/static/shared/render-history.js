function renderHistory() {
  historyList.replaceChildren(
    ...history.map((entry) => {
      const item = document.createElement('li');
      item.textContent = entry.input + {{separator}} + entry.output;
      return item;
    }),
  );
  historyEmpty.hidden = history.length > 0;
  historyClear.disabled = history.length === 0;
}
