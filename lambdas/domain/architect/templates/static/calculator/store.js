const store = createStore(storage, {{key}}, {
  fallback: { state: INITIAL_STATE, history: [] },
  revive: (raw) => ({ state: restoreState(raw.state), history: {{revivedHistory}} }),
});
const saved = store.load();
let state = saved.state;
{{historyLet}}
