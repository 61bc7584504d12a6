const historyList = byId('history-list');
const historyEmpty = byId('history-empty');
const historyClear = byId('history-clear');
