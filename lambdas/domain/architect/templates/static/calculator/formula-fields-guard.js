  // Typing into a formula's fields is theirs, not the keypad's.
  if (event.target instanceof HTMLInputElement) return;
