
/** src= and href= values of the page that point at local files (not URLs, fragments or data). */
function localReferences(html) {
  const refs = [];
  for (const match of html.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = (match[1] ?? match[2] ?? '').trim();
    if (value === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(value)) continue;
    refs.push(value);
  }
  return refs;
}

function javascriptFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...javascriptFiles(path));
    else if (entry.name.endsWith('.js')) files.push(path);
  }
  return files;
}

const problems = [];
for (const required of ['index.html', 'styles.css', 'src']) {
  if (!existsSync(join(root, required))) problems.push(required + ' is missing');
}
if (existsSync(join(root, 'index.html'))) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  for (const ref of localReferences(html)) {
    const path = ref.split(/[?#]/)[0];
    if (path.startsWith('/')) {
      problems.push('index.html links "' + ref + '" with an absolute path; use a relative one so the app works under any sub-path');
    } else if (!existsSync(join(root, path))) {
      problems.push('index.html links "' + ref + '", which does not exist');
    }
  }
}
if (existsSync(join(root, 'src'))) {
  for (const file of javascriptFiles(join(root, 'src'))) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g)) {
      const target = match[1] ?? match[2];
      if (!target.startsWith('.')) continue;
      if (!existsSync(join(dirname(file), target))) {
        problems.push(relative(root, file) + ' imports "' + target + '", which does not exist');
      }
    }
  }
}
if (problems.length > 0) {
  console.error('Build failed:\n  - ' + problems.join('\n  - '));
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, 'index.html'), join(out, 'index.html'));
cpSync(join(root, 'styles.css'), join(out, 'styles.css'));
cpSync(join(root, 'src'), join(out, 'src'), { recursive: true });
writeFileSync(join(out, 'build-info.json'), JSON.stringify(APP, null, 2) + '\n');
console.log('Built ' + APP.title + ' into dist/');
