// Saves JSON values in the browser's localStorage. The storage is passed in, so tests use an
// in-memory fake and the app keeps working (without saving) where localStorage is unavailable.

/** localStorage when it can be used (it throws in some private modes), otherwise null. */
export function browserStorage() {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    const probe = '__storage_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * A typed slot in storage. revive(raw) turns whatever was stored into a valid value, so data
 * written by an older version or edited by hand never breaks the app.
 */
export function createStore(storage, key, { fallback, revive = (value) => value }) {
  return {
    load() {
      if (!storage) return fallback;
      let text = null;
      try {
        text = storage.getItem(key);
      } catch {
        return fallback;
      }
      if (text === null) return fallback;
      try {
        return revive(JSON.parse(text));
      } catch {
        return fallback;
      }
    },
    save(value) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        // Quota exceeded or storage disabled: keep running with the data in memory.
        return false;
      }
    },
    clear() {
      if (!storage) return;
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to clear when storage is unusable.
      }
    },
  };
}
