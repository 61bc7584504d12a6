const store = createStore(storage, {{key}}, {
  fallback: {{fallback}},
  revive: {{revive}},
});
let state = store.load();

function save() {
  store.save(state);
}
