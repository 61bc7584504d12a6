// Starts the app: the spec it was compiled from, mounted into the page and saved in this browser.
import { SPEC } from './spec.js';
import { mountApp } from './ui.js';

let storage = null;
try {
  storage = window.localStorage;
} catch {
  // Storage blocked (private mode, sandboxed frame): the app still works for this visit.
}
mountApp(document.getElementById('app'), SPEC, { storage });
