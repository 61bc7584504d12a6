// Exports the app's items as a JSON file the person can keep or import elsewhere.

export const EXPORT_FORMAT = 1;

/** A self-describing copy of the items; later edits to the items do not change it. */
export function buildExport(app, kind, items) {
  return {
    app,
    kind,
    format: EXPORT_FORMAT,
    count: items.length,
    items: items.map((item) => ({ ...item })),
  };
}

export function serializeExport(data) {
  return JSON.stringify(data, null, 2) + '\n';
}

/** project-2024-05-01.json: sortable and unique per day. */
export function exportFileName(project, date) {
  return project + '-' + date.toISOString().slice(0, 10) + '.json';
}

/** Hands the text to the browser as a download (the only part that needs a page). */
export function downloadText(doc, fileName, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
