import { blocks, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { clearHistoryScript, historySection, mainPreamble, renderHistoryScript, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

const UNITS = staticSource('converter/units.js');

const UNITS_TEST = staticSource('converter/units-test.js');

function body(spec: AppSpec): string {
  return blocks(
    staticSource('converter/form.html'),
    has(spec, 'history') && '        <button type="submit" class="primary">Add to history</button>',
    '      </form>',
    has(spec, 'history') && historySection('Recent conversions', 'Nothing here yet. Press “Add to history” to keep a result.'),
  );
}

const CSS = staticSource('converter/css.css');

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const history = has(spec, 'history');
  return blocks(
    ...sharedImports(spec),
    importLine(
      [
        'CATEGORIES',
        'convert',
        'DEFAULT_SELECTION',
        history && 'describe',
        'formatValue',
        'normalizeSelection',
        'parseAmount',
        'symbolOf',
        'unitsOf',
      ],
      './units.js',
    ),
    history && js`import { addEntry${saves ? ', normalizeHistory' : ''} } from './history.js';`,
    '',
    mainPreamble(spec),
    saves
      ? fillSlots(staticSource('converter/store.js'), {
          key: jsString(storageKey(spec, 'converter')),
          revivedHistory: history ? 'normalizeHistory(raw.history)' : '[]',
          historyLet: history ? '\nlet history = saved.history;' : '',
        }).trimEnd()
      : js`let selection = normalizeSelection(DEFAULT_SELECTION);${history ? '\nlet history = [];' : ''}`,
    staticSource('converter/elements.js'),
    history &&
      staticSource('shared/history-elements.js'),
    fillSlots(staticSource('converter/main-rest.js'), { saveSelection: saves ? `  store.save({ selection${history ? ', history' : ''} });` : '  // Nothing is kept between visits: this build has no local storage.' }),
    history
      ? fillSlots(staticSource('converter/history-submit.js'), {
          renderHistory: renderHistoryScript(' = '),
          clearHistory: clearHistoryScript('  save();\n'),
        })
      : js`form.addEventListener('submit', (event) => event.preventDefault());`,
    js`render();`,
    '',
  );
}

export function converterTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/units.js', content: UNITS },
      { path: 'test/units.test.js', content: UNITS_TEST },
    ],
    layout: { 'src/units.js': 'units of length, mass and temperature and the pure conversion functions' },
  };
}
