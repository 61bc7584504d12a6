function save() {
{{saveLine}}
}

function showSettings() {
  for (const key of TEXT_FIELDS) {
    const input = byId(key);
    if (input.value !== settings[key]) input.value = settings[key];
  }
  for (const key of FLAGS) byId(key).checked = settings[key];
}

