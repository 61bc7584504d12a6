let selectedId = null;
let query = '';

const list = byId('note-list');
const listEmpty = byId('list-empty');
const noteCount = byId('note-count');
const editor = byId('editor');
const noSelection = byId('no-selection');
const titleInput = byId('note-title');
const bodyInput = byId('note-body');
const status = byId('status');
const newButton = byId('new-note');