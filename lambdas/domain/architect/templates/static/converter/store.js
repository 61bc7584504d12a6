const store = createStore(storage, {{key}}, {
  fallback: { selection: DEFAULT_SELECTION, history: [] },
  revive: (raw) => ({ selection: normalizeSelection(raw.selection), history: {{revivedHistory}} }),
});
const saved = store.load();
let selection = normalizeSelection(saved.selection);{{historyLet}}
