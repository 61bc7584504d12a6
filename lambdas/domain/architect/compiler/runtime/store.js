// Saving an app's records and its look in the browser (localStorage), one key per app so apps
// served from one origin stay apart. A missing or damaged save starts empty instead of failing.
import { emptyData, goalsFrom } from './model.js';

export function dataKey(spec) {
  return spec.projectName + ':data';
}

export function themeKey(spec) {
  return spec.projectName + ':theme';
}

export function loadData(storage, spec) {
  const data = emptyData(spec);
  try {
    const raw = storage ? storage.getItem(dataKey(spec)) : null;
    if (!raw) return data;
    const saved = JSON.parse(raw);
    if (!saved || typeof saved.nextId !== 'number' || !saved.records) return data;
    for (const entity of spec.entities) {
      if (Array.isArray(saved.records[entity.id])) data.records[entity.id] = saved.records[entity.id];
    }
    data.nextId = saved.nextId;
    data.goals = goalsFrom(spec, saved.goals);
    return data;
  } catch {
    return data;
  }
}

export function saveData(storage, spec, data) {
  try {
    if (storage) storage.setItem(dataKey(spec), JSON.stringify(data));
    return true;
  } catch {
    // A full or blocked storage keeps the app usable for this visit.
    return false;
  }
}

/** 'dark', 'light' or null (follow the spec's default). */
export function loadTheme(storage, spec) {
  try {
    const value = storage ? storage.getItem(themeKey(spec)) : null;
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

export function saveTheme(storage, spec, theme) {
  try {
    if (storage) storage.setItem(themeKey(spec), theme);
  } catch {
    // Not remembered; the toggle still works for this visit.
  }
}
