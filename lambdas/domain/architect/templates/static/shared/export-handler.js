byId('export').addEventListener('click', () => {
  const data = buildExport({{title}}, '{{kind}}', {{items}});
  downloadText(document, exportFileName({{projectName}}, new Date()), serializeExport(data));
});
