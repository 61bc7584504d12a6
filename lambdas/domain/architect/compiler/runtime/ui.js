// The page of an app compiled from its spec: one section per entity with its form, toolbar
// (search, filter, sort), summaries (totals, averages, ratios, thresholds, changes, goals, counts, due today, countdowns) and views (list, table, cards,
// board, calendar, detail), plus the app-wide timer, undo, import/export and dark mode.
// Only textContent is used for values, so nothing a person types becomes markup.
import {
  addRecord,
  averageOf,
  averagesBy,
  averageText,
  balancesOf,
  balanceText,
  runningBalances,
  behavioursOf,
  countdowns,
  countProgress,
  countsBy,
  createHistory,
  daysLeftText,
  deleteRecord,
  displayValue,
  dueToday,
  entityOf,
  exportData,
  fieldOf,
  filterRecords,
  filterValues,
  formatClock,
  goalProgress,
  goalKey,
  goalTarget,
  groupRecords,
  importData,
  changeOver,
  changesOf,
  changeText,
  isoDay,
  pastThreshold,
  ratioOf,
  ratioOver,
  ratioText,
  searchRecords,
  setGoal,
  sortRecords,
  startTimer,
  stepRecord,
  streaksByParent,
  dayStreak,
  differenceOf,
  differenceOver,
  tickOffToday,
  tickTimer,
  totalOf,
  totalsBy,
  updateRecord,
} from './model.js';
import { loadData, loadTheme, saveData, saveTheme } from './store.js';

function h(doc, tag, attrs, ...children) {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'className') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child) el.append(child);
  return el;
}

const INPUT_TYPES = { number: 'number', money: 'number', date: 'date', time: 'time', url: 'url', image: 'url', rating: 'number' };

function fieldInput(doc, field) {
  const name = field.id;
  if (field.type === 'longtext') return h(doc, 'textarea', { name, rows: 3, required: field.required });
  if (field.type === 'boolean') return h(doc, 'input', { name, type: 'checkbox' });
  if (field.type === 'choice') {
    return h(doc, 'select', { name }, ...field.options.map((o) => h(doc, 'option', { value: o, text: o })));
  }
  const attrs = { name, type: INPUT_TYPES[field.type] ?? 'text', required: field.required };
  if (field.type === 'money') attrs.step = '0.01';
  if (field.type === 'number') attrs.step = 'any';
  if (field.type === 'rating') Object.assign(attrs, { min: 0, max: 5, step: 1 });
  if (field.type === 'tags') attrs.placeholder = 'comma, separated';
  return h(doc, 'input', attrs);
}

function readForm(form, entity) {
  const input = {};
  for (const field of entity.fields) {
    const control = form.elements.namedItem(field.id);
    if (!control) continue;
    input[field.id] = field.type === 'boolean' ? control.checked : control.value;
  }
  if (entity.parent) input[entity.parent.field] = form.elements.namedItem(entity.parent.field).value;
  return input;
}

function fillForm(form, entity, record) {
  for (const field of entity.fields) {
    const control = form.elements.namedItem(field.id);
    if (!control) continue;
    const value = record ? record[field.id] : null;
    if (field.type === 'boolean') control.checked = Boolean(value);
    else if (field.type === 'tags') control.value = value ? value.join(', ') : '';
    else if (field.type === 'choice') control.value = value ?? field.options[0];
    else control.value = value ?? '';
  }
  if (entity.parent && record) form.elements.namedItem(entity.parent.field).value = record[entity.parent.field];
}

/** Mounts the app into `root`. `options.today()` gives the current day (tests pin it). */
export function mountApp(root, spec, options = {}) {
  const doc = root.ownerDocument;
  const storage = options.storage ?? null;
  const today = options.today ?? (() => isoDay(new Date()));
  const canUndo = behavioursOf(spec, 'undo').length > 0;
  const history = createHistory();
  let data = loadData(storage, spec);
  const ui = {};
  for (const entity of spec.entities)
    ui[entity.id] = { query: '', filters: {}, sort: null, view: null, editing: null, detail: null };

  function commit(next) {
    if (canUndo) history.record(data);
    data = next;
    saveData(storage, spec, data);
    render();
  }

  function showError(section, message) {
    const box = section.querySelector('[data-error]');
    box.textContent = message;
    box.hidden = message === '';
  }

  // --- Look ---
  const html = doc.documentElement;
  html.dataset.density = spec.look.density;
  const savedTheme = loadTheme(storage, spec);
  const applyTheme = (theme) => {
    html.dataset.theme = theme;
    const toggle = doc.getElementById('theme-toggle');
    if (toggle) toggle.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  applyTheme(savedTheme ?? (spec.look.dark ? 'dark' : 'light'));
  const toggle = doc.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', () => {
      const next = html.dataset.theme === 'dark' ? 'light' : 'dark';
      saveTheme(storage, spec, next);
      applyTheme(next);
    });
  }

  // --- App-wide tools: undo, import/export, timer ---
  const tools = h(doc, 'div', { className: 'tools row' });
  if (canUndo) {
    const undo = h(doc, 'button', { type: 'button', 'data-undo': true, text: 'Undo' });
    undo.addEventListener('click', () => {
      data = history.undo(data);
      saveData(storage, spec, data);
      render();
    });
    tools.append(undo);
  }
  if (behavioursOf(spec, 'import-export').length > 0) {
    const exportButton = h(doc, 'button', { type: 'button', 'data-export': true, text: 'Export JSON' });
    exportButton.addEventListener('click', () => {
      const text = exportData(spec, data);
      const output = root.querySelector('[data-export-output]');
      output.value = text;
      output.hidden = false;
      if (typeof URL.createObjectURL === 'function' && typeof Blob === 'function') {
        const link = h(doc, 'a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })) });
        link.download = spec.projectName + '.json';
        link.click();
      }
    });
    const importInput = h(doc, 'input', {
      type: 'file',
      accept: 'application/json,.json',
      'data-import': true,
      'aria-label': 'Import JSON',
    });
    importInput.addEventListener('change', async () => {
      const file = importInput.files && importInput.files[0];
      if (!file) return;
      try {
        commit(importData(spec, await file.text()));
        tools.querySelector('[data-import-error]').textContent = '';
      } catch (err) {
        tools.querySelector('[data-import-error]').textContent = err.message;
      }
      importInput.value = '';
    });
    tools.append(
      exportButton,
      h(doc, 'label', { className: 'import' }, 'Import JSON ', importInput),
      h(doc, 'span', { className: 'error', 'data-import-error': true, role: 'alert' }),
      h(doc, 'textarea', { 'data-export-output': true, hidden: true, readonly: true, rows: 4, 'aria-label': 'Exported data' }),
    );
  }
  for (const timer of behavioursOf(spec, 'timer')) tools.append(timerWidget(doc, timer));
  if (tools.childElementCount > 0) root.append(tools);

  // --- One section per entity ---
  const sections = {};
  for (const entity of spec.entities) {
    const section = buildSection(entity);
    sections[entity.id] = section;
    root.append(section);
  }

  function buildSection(entity) {
    const state = ui[entity.id];
    const views = spec.views.filter((v) => v.type !== 'form' && v.type !== 'detail' && v.entity === entity.id);
    state.view = views[0] ?? { type: 'list', entity: entity.id, field: null };
    const section = h(
      doc,
      'section',
      { className: 'card entity', 'data-entity': entity.id },
      h(doc, 'h2', { text: entity.plural }),
    );
    const crud = behavioursOf(spec, 'crud', entity.id).length > 0;
    if (crud) {
      const form = h(doc, 'form', { 'data-form': entity.id, className: 'record-form', 'aria-label': 'New ' + entity.name });
      if (entity.parent) {
        const parent = entityOf(spec, entity.parent.entity);
        form.append(
          h(
            doc,
            'label',
            { className: 'field' },
            parent.name,
            h(doc, 'select', { name: entity.parent.field, 'data-parent': true }),
          ),
        );
      }
      // A goal or a limit per day, week, month or year counts the records by their first date: a new
      // one is dated today unless the person changes it (an undated one would count in no period).
      const counted = [...behavioursOf(spec, 'goal', entity.id), ...behavioursOf(spec, 'count-goal', entity.id)].some((b) =>
        ['day', 'week', 'month', 'year'].includes(b.per),
      );
      const dated = counted ? entity.fields.find((f) => f.type === 'date') : null;
      for (const field of entity.fields) {
        const input = fieldInput(doc, field);
        if (field === dated) input.defaultValue = today();
        form.append(h(doc, 'label', { className: 'field' }, field.label + (field.required ? ' *' : ''), input));
      }
      const submit = h(doc, 'button', {
        type: 'submit',
        className: 'primary',
        'data-submit': true,
        text: 'Add ' + entity.name.toLowerCase(),
      });
      const cancel = h(doc, 'button', { type: 'button', 'data-cancel': true, hidden: true, text: 'Cancel' });
      form.append(h(doc, 'div', { className: 'row' }, submit, cancel));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        try {
          const input = readForm(form, entity);
          const next = state.editing
            ? updateRecord(spec, data, entity.id, state.editing, input)
            : addRecord(spec, data, entity.id, input);
          state.editing = null;
          form.reset();
          showError(section, '');
          commit(next);
        } catch (err) {
          showError(section, err.message);
        }
      });
      cancel.addEventListener('click', () => {
        state.editing = null;
        form.reset();
        render();
      });
      section.append(form);
    }
    section.append(h(doc, 'p', { className: 'error', 'data-error': true, role: 'alert', hidden: true }));

    const bar = h(doc, 'div', { className: 'toolbar row' });
    if (behavioursOf(spec, 'search', entity.id).length > 0) {
      const search = h(doc, 'input', {
        type: 'search',
        'data-search': true,
        placeholder: 'Search ' + entity.plural.toLowerCase(),
        'aria-label': 'Search',
      });
      search.addEventListener('input', () => {
        state.query = search.value;
        render();
      });
      bar.append(search);
    }
    for (const b of behavioursOf(spec, 'filter', entity.id)) {
      const field = fieldOf(spec, entity.id, b.field);
      const select = h(doc, 'select', { 'data-filter': field.id, 'aria-label': 'Filter by ' + field.label });
      select.addEventListener('change', () => {
        state.filters[field.id] = select.value;
        render();
      });
      bar.append(select);
    }
    const sorts = behavioursOf(spec, 'sort', entity.id);
    if (sorts.length > 0) {
      state.sort = sorts[0];
      const select = h(
        doc,
        'select',
        { 'data-sort': true, 'aria-label': 'Sort' },
        ...sorts.flatMap((b) =>
          ['asc', 'desc'].map((dir) =>
            h(doc, 'option', {
              value: b.field + ':' + dir,
              selected: b.direction === dir && b === sorts[0],
              text: 'By ' + fieldOf(spec, entity.id, b.field).label.toLowerCase() + (dir === 'asc' ? ' ↑' : ' ↓'),
            }),
          ),
        ),
      );
      select.addEventListener('change', () => {
        const [field, direction] = select.value.split(':');
        state.sort = { field, direction };
        render();
      });
      bar.append(select);
    }
    if (views.length > 1) {
      for (const view of views) {
        const button = h(doc, 'button', {
          type: 'button',
          'data-view-button': view.type,
          text: view.type[0].toUpperCase() + view.type.slice(1),
        });
        button.addEventListener('click', () => {
          state.view = view;
          render();
        });
        bar.append(button);
      }
    }
    if (bar.childElementCount > 0) section.append(bar);
    section.append(
      h(doc, 'div', { 'data-summary': true, className: 'summary' }),
      h(doc, 'div', { 'data-body': true }),
      h(doc, 'div', { 'data-detail': true, className: 'detail', hidden: true }),
    );
    return section;
  }

  function visibleRecords(entity) {
    const state = ui[entity.id];
    let records = data.records[entity.id];
    records = searchRecords(entity, records, state.query);
    for (const [fieldId, value] of Object.entries(state.filters))
      records = filterRecords(fieldOf(spec, entity.id, fieldId), records, value);
    if (state.sort) records = sortRecords(fieldOf(spec, entity.id, state.sort.field), records, state.sort.direction);
    return records;
  }

  function recordTitle(entity, record) {
    const field = entity.fields.find((f) => f.type === 'text') ?? entity.fields[0];
    const value = displayValue(field, record[field.id]);
    if (entity.parent) {
      const parent = data.records[entity.parent.entity].find((p) => p.id === record[entity.parent.field]);
      const parentEntity = entityOf(spec, entity.parent.entity);
      const parentTitle = parent ? recordTitle(parentEntity, parent) : '';
      return parentTitle ? parentTitle + ' · ' + value : value;
    }
    return value || '(untitled)';
  }

  function recordActions(entity, record) {
    const actions = h(doc, 'span', { className: 'actions' });
    for (const b of spec.behaviours.filter((x) => x.type === 'streak' && entityOf(spec, x.entity).parent?.entity === entity.id)) {
      const streak = streaksByParent(spec, data, b, today())[record.id];
      actions.append(
        h(doc, 'span', {
          className: 'badge',
          'data-streak': b.entity,
          title: 'Longest: ' + streak.longest,
          text: '🔥 ' + streak.current + (streak.current === 1 ? ' day' : ' days'),
        }),
      );
      const tick = h(doc, 'button', {
        type: 'button',
        'data-tick': b.entity,
        disabled: streak.doneToday,
        text: streak.doneToday ? 'Done today' : 'Tick off today',
      });
      tick.addEventListener('click', () => commit(tickOffToday(spec, data, b, record.id, today())));
      actions.append(tick);
    }
    // A tally: − and + change the count the record shows by one.
    for (const b of behavioursOf(spec, 'step', entity.id)) {
      const field = fieldOf(spec, entity.id, b.field);
      const name = field.label + ' of ' + recordTitle(entity, record);
      for (const by of [-1, 1]) {
        const button = h(doc, 'button', {
          type: 'button',
          'data-step': by,
          'aria-label': name + (by < 0 ? ' minus one' : ' plus one'),
          text: by < 0 ? '−' : '+',
        });
        button.addEventListener('click', () => commit(stepRecord(spec, data, entity.id, record.id, b.field, by)));
        actions.append(button);
      }
    }
    if (spec.views.some((v) => v.type === 'detail' && v.entity === entity.id)) {
      const open = h(doc, 'button', { type: 'button', 'data-open': true, text: 'Details' });
      open.addEventListener('click', () => {
        ui[entity.id].detail = record.id;
        render();
      });
      actions.append(open);
    }
    if (behavioursOf(spec, 'crud', entity.id).length > 0) {
      const edit = h(doc, 'button', { type: 'button', 'data-edit': true, text: 'Edit' });
      edit.addEventListener('click', () => {
        ui[entity.id].editing = record.id;
        render();
      });
      const remove = h(doc, 'button', { type: 'button', className: 'danger', 'data-delete': true, text: 'Delete' });
      remove.addEventListener('click', () => commit(deleteRecord(spec, data, entity.id, record.id)));
      actions.append(edit, remove);
    }
    return actions;
  }

  function recordItem(entity, record, tag) {
    const flip = behavioursOf(spec, 'flip', entity.id)[0];
    const item = h(doc, tag, { className: 'record', 'data-record': record.id });
    if (flip) {
      const front = fieldOf(spec, entity.id, flip.front);
      const back = fieldOf(spec, entity.id, flip.back);
      const card = h(
        doc,
        'button',
        { type: 'button', className: 'flip', 'data-flip': true, 'aria-pressed': 'false' },
        h(doc, 'span', { className: 'front', 'data-front': true, text: displayValue(front, record[front.id]) }),
        h(doc, 'span', { className: 'back', 'data-back': true, text: displayValue(back, record[back.id]) }),
      );
      card.addEventListener('click', () =>
        card.setAttribute('aria-pressed', String(card.getAttribute('aria-pressed') !== 'true')),
      );
      item.append(card);
    } else {
      item.append(h(doc, 'strong', { className: 'title', text: recordTitle(entity, record) }));
    }
    const details = h(doc, 'span', { className: 'meta' });
    const tallied = behavioursOf(spec, 'step', entity.id).map((b) => b.field);
    for (const field of entity.fields) {
      if (field === entity.fields.find((f) => f.type === 'text') && !flip) continue;
      // A tally not yet counted shows 0.
      const value = displayValue(field, record[field.id] ?? (tallied.includes(field.id) ? 0 : null));
      if (value === '') continue;
      if (field.type === 'image')
        details.append(h(doc, 'img', { src: value, alt: field.label, loading: 'lazy', className: 'thumb' }));
      else if (field.type === 'url')
        details.append(h(doc, 'a', { href: value, rel: 'noopener noreferrer', target: '_blank', text: value }));
      else details.append(h(doc, 'span', { 'data-field': field.id, text: value }));
    }
    // A record past its own limit says so ("Low stock").
    for (const b of behavioursOf(spec, 'threshold', entity.id)) {
      if (pastThreshold(b, record)) details.append(h(doc, 'span', { className: 'flag', 'data-past': b.field, text: b.label }));
    }
    // Each record's worked-out figures ("Miles per gallon 31.2").
    for (const b of behavioursOf(spec, 'ratio', entity.id)) {
      const value = ratioOf(b, record);
      if (value !== null)
        details.append(h(doc, 'span', { 'data-ratio': b.field + '/' + b.divisor, text: b.label + ' ' + value }));
    }
    // Each record's difference ("Profit 12.50", "Profit −3.00").
    for (const b of behavioursOf(spec, 'difference', entity.id)) {
      const value = differenceOf(b, record);
      if (value !== null)
        details.append(
          h(doc, 'span', {
            'data-difference': b.field,
            text: b.label + ' ' + balanceText(fieldOf(spec, entity.id, b.field), value),
          }),
        );
    }
    // Each record's change since the one before it ("Used +350", "Change −0.8").
    for (const b of behavioursOf(spec, 'change', entity.id)) {
      const change = changesFor(entity, b).get(record.id) ?? null;
      if (change !== null)
        details.append(
          h(doc, 'span', { 'data-change': b.field, text: b.label + ' ' + changeText(fieldOf(spec, entity.id, b.field), change) }),
        );
    }
    // Each record's running balance, in date order ("Balance 18.25").
    for (const b of runningOf(entity)) {
      const balance = changesFor(entity, b).get(record.id) ?? null;
      if (balance !== null)
        details.append(
          h(doc, 'span', {
            'data-running': b.field,
            text: b.label + ' ' + balanceText(fieldOf(spec, entity.id, b.field), balance),
          }),
        );
    }
    item.append(details, recordActions(entity, record));
    return item;
  }

  /** The balances of an entity that have a running figure on each record: those with a date to order by. */
  function runningOf(entity) {
    return entity.fields.some((f) => f.type === 'date') ? behavioursOf(spec, 'balance', entity.id) : [];
  }

  /**
   * Each record's change since the one before it, or its running balance, over all the records
   * of the entity (the record before may be one the search or filter hides), worked out once per
   * change of the records.
   */
  const changeCache = new WeakMap();
  function changesFor(entity, b) {
    const records = data.records[entity.id];
    let byBehaviour = changeCache.get(records);
    if (!byBehaviour) changeCache.set(records, (byBehaviour = new Map()));
    if (!byBehaviour.has(b)) {
      const date = entity.fields.find((f) => f.type === 'date');
      byBehaviour.set(b, b.type === 'balance' ? runningBalances(b, date, records) : changesOf(b, date, records));
    }
    return byBehaviour.get(b);
  }

  function recordsTable(entity, records) {
    const ratios = behavioursOf(spec, 'ratio', entity.id);
    const thresholds = behavioursOf(spec, 'threshold', entity.id);
    const changes = behavioursOf(spec, 'change', entity.id);
    const running = runningOf(entity);
    const differences = behavioursOf(spec, 'difference', entity.id);
    const head = h(
      doc,
      'thead',
      null,
      h(
        doc,
        'tr',
        null,
        ...entity.fields.map((f) => h(doc, 'th', { text: f.label })),
        ...ratios.map((b) => h(doc, 'th', { text: b.label })),
        ...thresholds.map((b) => h(doc, 'th', { text: b.label })),
        ...changes.map((b) => h(doc, 'th', { text: b.label })),
        ...running.map((b) => h(doc, 'th', { text: b.label })),
        ...differences.map((b) => h(doc, 'th', { text: b.label })),
        h(doc, 'th', { text: '' }),
      ),
    );
    const tbody = h(doc, 'tbody');
    for (const record of records) {
      const cells = entity.fields.map((f) => h(doc, 'td', { 'data-field': f.id, text: displayValue(f, record[f.id]) }));
      // A worked-out figure has a column of its own after the fields.
      for (const b of ratios) {
        const value = ratioOf(b, record);
        cells.push(h(doc, 'td', { 'data-ratio': b.field + '/' + b.divisor, text: value === null ? '' : String(value) }));
      }
      for (const b of thresholds) {
        const past = pastThreshold(b, record);
        cells.push(h(doc, 'td', past ? { className: 'flag', 'data-past': b.field, text: 'Yes' } : { text: '' }));
      }
      for (const b of changes) {
        const change = changesFor(entity, b).get(record.id) ?? null;
        const field = fieldOf(spec, entity.id, b.field);
        cells.push(h(doc, 'td', { 'data-change': b.field, text: change === null ? '' : changeText(field, change) }));
      }
      for (const b of running) {
        const balance = changesFor(entity, b).get(record.id) ?? null;
        const field = fieldOf(spec, entity.id, b.field);
        cells.push(h(doc, 'td', { 'data-running': b.field, text: balance === null ? '' : balanceText(field, balance) }));
      }
      for (const b of differences) {
        const value = differenceOf(b, record);
        const field = fieldOf(spec, entity.id, b.field);
        cells.push(h(doc, 'td', { 'data-difference': b.field, text: value === null ? '' : balanceText(field, value) }));
      }
      tbody.append(h(doc, 'tr', { 'data-record': record.id }, ...cells, h(doc, 'td', null, recordActions(entity, record))));
    }
    return h(doc, 'table', null, head, tbody);
  }

  function recordsList(entity, records, cards) {
    const list = h(doc, 'ul', { className: cards ? 'records cards' : 'records' });
    for (const record of records) list.append(recordItem(entity, record, 'li'));
    return list;
  }

  /** Records as the view shows them: a table, cards or a list. */
  function recordsIn(view, entity, records) {
    if (view.type === 'table') return recordsTable(entity, records);
    return recordsList(entity, records, view.type === 'cards');
  }

  function renderBody(entity, records) {
    const view = ui[entity.id].view;
    const body = h(doc, 'div', { className: 'view view-' + view.type, 'data-view': view.type });
    const groups = behavioursOf(spec, 'group', entity.id);
    if (records.length === 0) {
      body.append(h(doc, 'p', { className: 'empty', text: 'No ' + entity.plural.toLowerCase() + ' yet.' }));
      return body;
    }
    if (view.type === 'calendar') {
      const field = fieldOf(spec, entity.id, view.field);
      // Days in the order the records come (sorted when the app sorts), earliest first otherwise.
      const sorted = ui[entity.id].sort ? records : sortRecords(field, records, 'asc');
      const months = new Map();
      for (const record of sorted) {
        const dayValue = record[field.id] ?? '(no date)';
        const month = dayValue.slice(0, 7);
        if (!months.has(month)) months.set(month, new Map());
        const days = months.get(month);
        if (!days.has(dayValue)) days.set(dayValue, []);
        days.get(dayValue).push(record);
      }
      for (const [month, days] of months) {
        const box = h(doc, 'div', { className: 'month', 'data-month': month }, h(doc, 'h3', { text: month }));
        for (const [dayValue, list] of days) {
          box.append(
            h(
              doc,
              'div',
              { className: 'day', 'data-day': dayValue },
              h(doc, 'time', { datetime: dayValue, text: dayValue }),
              recordsList(entity, list, false),
            ),
          );
        }
        body.append(box);
      }
    } else if (view.type === 'board' || groups.length > 0) {
      const field = fieldOf(spec, entity.id, view.type === 'board' ? view.field : groups[0].field);
      for (const group of groupRecords(field, records)) {
        const column = h(
          doc,
          'div',
          { className: 'group', 'data-group': group.key },
          h(doc, 'h3', { text: group.key + ' (' + group.records.length + ')' }),
        );
        column.append(view.type === 'board' ? recordsList(entity, group.records, false) : recordsIn(view, entity, group.records));
        body.append(column);
      }
    } else {
      body.append(recordsIn(view, entity, records));
    }
    return body;
  }

  /** A figure over the shown records ("Total amount: 15.00") and, per group, one row each. */
  function figureBox(attrs, overallAttr, text, rows) {
    const box = h(doc, 'div', { className: 'totals', ...attrs }, h(doc, 'span', { [overallAttr]: true, text }));
    if (rows) {
      const list = h(doc, 'ul');
      for (const row of rows)
        list.append(h(doc, 'li', { 'data-key': row.key, text: row.key + ': ' + row.value + ' (' + row.count + ')' }));
      box.append(list);
    }
    return box;
  }

  /**
   * The form that sets the target of a goal the spec leaves to the person, or changes it (null for
   * a goal whose target the spec gives).
   */
  function settable(b, current) {
    if (typeof b.target === 'number') return null;
    const input = h(doc, 'input', {
      type: 'number',
      name: 'target',
      min: 0,
      step: b.type === 'count-goal' ? 1 : 'any',
      required: true,
      value: current ?? '',
      'aria-label': b.limit ? 'Limit' : 'Goal',
    });
    const error = h(doc, 'span', { className: 'error', 'data-goal-error': true, role: 'alert' });
    const form = h(
      doc,
      'form',
      { className: 'goal-form row', 'data-goal-form': goalKey(b) },
      input,
      h(doc, 'button', { type: 'submit', text: current === null ? 'Set ' + (b.limit ? 'limit' : 'goal') : 'Change' }),
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      try {
        commit(setGoal(data, b, input.value === '' ? NaN : Number(input.value)));
      } catch (err) {
        error.textContent = err.message;
      }
    });
    return form;
  }

  /** A goal left to the person, before its target is set: says so, with the form to set it. */
  function unsetGoal(b, text) {
    const attrs = b.type === 'count-goal' ? { 'data-count-goal': b.entity } : { 'data-goal': b.field };
    return h(
      doc,
      'div',
      { className: 'totals goal', ...attrs, 'data-goal-unset': true },
      h(doc, 'span', { 'data-goal-text': true, text }),
      settable(b, null),
    );
  }

  function renderSummary(entity, all, visible) {
    const summary = h(doc, 'div', { className: 'summary', 'data-summary': true });
    for (const b of behavioursOf(spec, 'total', entity.id)) {
      const field = fieldOf(spec, entity.id, b.field);
      const by = b.by ? fieldOf(spec, entity.id, b.by) : null;
      const rows = by
        ? totalsBy(field, by, visible, b.per).map((row) => ({
            ...row,
            value: displayValue(field, row.total),
          }))
        : null;
      summary.append(
        figureBox(
          { 'data-totals': b.field, 'data-by': b.by, 'data-per': b.per },
          'data-total-all',
          'Total ' +
            field.label.toLowerCase() +
            ': ' +
            displayValue(field, totalOf(field, visible)) +
            (by && by.type === 'date' ? ' · per ' + (b.per ?? 'day') : ''),
          rows,
        ),
      );
    }
    for (const b of behavioursOf(spec, 'average', entity.id)) {
      const field = fieldOf(spec, entity.id, b.field);
      const weight = b.weight ? fieldOf(spec, entity.id, b.weight) : null;
      const rows = b.by
        ? averagesBy(field, fieldOf(spec, entity.id, b.by), visible, weight).map((row) => ({
            ...row,
            value: averageText(field, row.average),
          }))
        : null;
      summary.append(
        figureBox(
          { 'data-averages': b.field },
          'data-average-all',
          'Average ' + field.label.toLowerCase() + ': ' + averageText(field, averageOf(field, visible, weight)),
          rows,
        ),
      );
    }
    for (const b of entity.parent ? [] : behavioursOf(spec, 'streak', entity.id)) {
      // A log's own streak (one with no parent): days in a row with a record, over all of them (a
      // search keeps it). A streak on a parent's records is on each parent instead.
      const streak = dayStreak(b, all, today());
      summary.append(
        h(
          doc,
          'div',
          { className: 'totals', 'data-day-streak': b.entity },
          h(doc, 'span', {
            'data-day-streak-text': true,
            text:
              '🔥 ' +
              streak.current +
              (streak.current === 1 ? ' day' : ' days') +
              ' in a row' +
              (streak.doneToday || streak.current === 0 ? '' : ' (none yet today)') +
              ' \u00B7 longest ' +
              streak.longest,
          }),
        ),
      );
    }
    for (const b of behavioursOf(spec, 'threshold', entity.id)) {
      // Over all the records, whatever the search or filter shows: none is missed.
      const past = all.filter((record) => pastThreshold(b, record));
      const box = h(
        doc,
        'div',
        { className: 'totals', 'data-thresholds': b.field },
        h(doc, 'span', { 'data-threshold-all': true, text: b.label + ': ' + past.length }),
      );
      if (past.length > 0) {
        const list = h(doc, 'ul');
        for (const record of past) list.append(h(doc, 'li', { 'data-key': record.id, text: recordTitle(entity, record) }));
        box.append(list);
      }
      summary.append(box);
    }
    for (const b of behavioursOf(spec, 'change', entity.id)) {
      // Over the records shown, from the earliest to the latest: "Change: −3.4 (82 → 78.6)";
      // per series with `by` ("Used per meter", a row for each meter), never summed across them.
      const field = fieldOf(spec, entity.id, b.field);
      const series = changeOver(
        b,
        entity.fields.find((f) => f.type === 'date'),
        visible,
      );
      const across = (s) =>
        changeText(field, s.change) + ' (' + displayValue(field, s.from) + ' \u2192 ' + displayValue(field, s.to) + ')';
      summary.append(
        b.by
          ? figureBox(
              { 'data-changes': b.field },
              'data-change-all',
              b.label + ' per ' + fieldOf(spec, entity.id, b.by).label.toLowerCase(),
              series.map((s) => ({ key: s.key || '\u2014', value: across(s), count: s.count })),
            )
          : figureBox(
              { 'data-changes': b.field },
              'data-change-all',
              b.label + ': ' + (series.length ? across(series[0]) : changeText(field, null)),
              null,
            ),
      );
    }
    for (const b of behavioursOf(spec, 'difference', entity.id)) {
      // Over the records shown: "Profit: 120.50".
      const value = differenceOver(b, visible);
      const field = fieldOf(spec, entity.id, b.field);
      summary.append(
        figureBox(
          { 'data-differences': b.field },
          'data-difference-all',
          b.label + ': ' + (value === null ? '\u2013' : balanceText(field, value)),
          null,
        ),
      );
    }
    for (const b of behavioursOf(spec, 'balance', entity.id)) {
      // Over all the records, whatever a search or filter shows: what is left is the account's.
      const field = fieldOf(spec, entity.id, b.field);
      const rows = balancesOf(b, b.by ? fieldOf(spec, entity.id, b.by) : null, all);
      const across = (r) =>
        balanceText(field, r.balance) + ' (in ' + displayValue(field, r.plus) + ', out ' + displayValue(field, r.minus) + ')';
      summary.append(
        b.by
          ? figureBox(
              { 'data-balances': b.field },
              'data-balance-all',
              b.label + ' per ' + fieldOf(spec, entity.id, b.by).label.toLowerCase(),
              rows.map((r) => ({ key: r.key, value: across(r), count: r.count })),
            )
          : figureBox({ 'data-balances': b.field }, 'data-balance-all', b.label + ': ' + across(rows[0]), null),
      );
    }
    for (const b of behavioursOf(spec, 'ratio', entity.id)) {
      summary.append(
        figureBox(
          { 'data-ratios': b.field + '/' + b.divisor },
          'data-ratio-all',
          b.label + ': ' + ratioText(ratioOver(b, visible)),
          null,
        ),
      );
    }
    for (const b of behavioursOf(spec, 'goal', entity.id)) {
      // Over all the records of the period, whatever the search or filter shows.
      const field = fieldOf(spec, entity.id, b.field);
      const date = entity.fields.find((f) => f.type === 'date');
      const target = goalTarget(b, data);
      const kind = b.limit ? 'Limit' : 'Goal';
      if (target === null) {
        summary.append(unsetGoal(b, kind + ' of ' + field.label.toLowerCase() + goalEach(b.per) + ': not set yet'));
        continue;
      }
      const g = goalProgress(field, date, all, b.per, target, today());
      const shown = (n) => displayValue(field, n);
      const unit = field.type === 'money' ? '' : ' ' + field.label.toLowerCase();
      const past = (left) => (left < 0 ? 'over by ' + shown(-left) : shown(left) + ' left');
      if (b.per === 'latest') {
        // The newest value against the target: "Goal: 72.5 weight, to 70 · 2.5 to go".
        const where =
          g.done === null
            ? shown(target) + unit + ' · no entries yet'
            : shown(g.done) +
              unit +
              ', to ' +
              shown(target) +
              ' · ' +
              (b.limit ? past(g.left) : g.percent >= 100 ? 'reached' : shown(Math.abs(g.left)) + ' to go');
        summary.append(goalBox(doc, { 'data-goal': b.field }, kind + ': ' + where, 100, g.percent, settable(b, target)));
      } else {
        const text =
          kind +
          goalPeriod(b.per) +
          ': ' +
          shown(g.done) +
          ' of ' +
          shown(target) +
          unit +
          ' · ' +
          (b.limit ? past(g.left) : g.percent + '%');
        summary.append(
          goalBox(doc, { 'data-goal': b.field }, text, target, Math.min(Math.max(g.done, 0), target), settable(b, target)),
        );
      }
    }
    for (const b of behavioursOf(spec, 'count-goal', entity.id)) {
      // Over all the records of the period, whatever the search or filter shows.
      const date = entity.fields.find((f) => f.type === 'date');
      const target = goalTarget(b, data);
      if (target === null) {
        summary.append(unsetGoal(b, 'Goal of ' + entity.plural.toLowerCase() + goalEach(b.per) + ': not set yet'));
        continue;
      }
      const g = countProgress(date, all, b.per, target, today());
      const text =
        'Goal' +
        goalPeriod(b.per) +
        ': ' +
        g.done +
        ' of ' +
        target +
        ' ' +
        entity.plural.toLowerCase() +
        ' · ' +
        g.percent +
        '%';
      summary.append(goalBox(doc, { 'data-count-goal': entity.id }, text, target, Math.min(g.done, target), settable(b, target)));
    }
    for (const b of behavioursOf(spec, 'count', entity.id)) {
      const list = h(doc, 'ul', { className: 'counts', 'data-counts': b.by });
      for (const row of countsBy(fieldOf(spec, entity.id, b.by), visible))
        list.append(h(doc, 'li', { 'data-key': row.key, text: row.key + ': ' + row.count }));
      summary.append(list);
    }
    for (const b of behavioursOf(spec, 'due-today', entity.id)) {
      const due = dueToday(fieldOf(spec, entity.id, b.field), all, today());
      const box = h(
        doc,
        'div',
        { className: 'due', 'data-due': b.field },
        h(doc, 'strong', {
          text: 'Due today: ' + due.today.length + (due.overdue.length > 0 ? ' · overdue: ' + due.overdue.length : ''),
        }),
      );
      const list = h(doc, 'ul');
      for (const record of [...due.overdue, ...due.today])
        list.append(h(doc, 'li', { 'data-due-record': record.id, text: recordTitle(entity, record) }));
      box.append(list);
      summary.append(box);
    }
    for (const b of behavioursOf(spec, 'countdown', entity.id)) {
      const field = fieldOf(spec, entity.id, b.field);
      const ahead = countdowns(field, all, today(), b.yearly);
      const box = h(
        doc,
        'div',
        { className: 'due countdown', 'data-countdown': b.field },
        h(doc, 'strong', { text: ahead.length > 0 ? 'Coming up' : 'Nothing coming up' }),
      );
      const list = h(doc, 'ul');
      // A birthday's years are an age; other dates' years are how long it has been.
      const birth = /birth|born/i.test(field.label);
      for (const row of ahead.slice(0, 12)) {
        const years = row.years === null ? '' : birth ? ' (turns ' + row.years + ')' : ' (' + row.years + ' years)';
        list.append(
          h(doc, 'li', {
            'data-countdown-record': row.record.id,
            'data-days': String(row.days),
            text: recordTitle(entity, row.record) + ': ' + daysLeftText(row.days) + ', ' + row.date + years,
          }),
        );
      }
      box.append(list);
      summary.append(box);
    }
    return summary;
  }

  function render() {
    for (const entity of spec.entities) {
      const section = sections[entity.id];
      const state = ui[entity.id];
      const all = data.records[entity.id];
      const visible = visibleRecords(entity);
      for (const select of section.querySelectorAll('[data-filter]')) {
        const field = fieldOf(spec, entity.id, select.dataset.filter);
        const current = state.filters[field.id] ?? '';
        select.replaceChildren(
          // "Type: any", like "Done: yes".
          h(doc, 'option', { value: '', text: field.label + ': any' }),
          ...filterValues(field, all).map((v) =>
            h(doc, 'option', {
              value: v,
              text:
                field.type === 'tags'
                  ? '#' + v
                  : field.type === 'boolean'
                    ? field.label + ': ' + (v === 'true' ? 'yes' : 'no')
                    : v,
            }),
          ),
        );
        select.value = current;
      }
      const parentSelect = section.querySelector('[data-parent]');
      if (parentSelect) {
        const parent = entityOf(spec, entity.parent.entity);
        const chosen = parentSelect.value;
        parentSelect.replaceChildren(
          ...data.records[parent.id].map((p) => h(doc, 'option', { value: p.id, text: recordTitle(parent, p) })),
        );
        if (chosen) parentSelect.value = chosen;
      }
      const form = section.querySelector('[data-form]');
      if (form) {
        const editing = state.editing ? all.find((r) => r.id === state.editing) : null;
        if (editing) fillForm(form, entity, editing);
        form.querySelector('[data-submit]').textContent = (editing ? 'Save ' : 'Add ') + entity.name.toLowerCase();
        form.querySelector('[data-cancel]').hidden = !editing;
      }
      section.querySelector('[data-summary]').replaceWith(renderSummary(entity, all, visible));
      section.querySelector('[data-body]').replaceChildren(renderBody(entity, visible));
      const detail = section.querySelector('[data-detail]');
      const shown = state.detail ? all.find((r) => r.id === state.detail) : null;
      detail.hidden = !shown;
      if (shown) {
        const close = h(doc, 'button', { type: 'button', 'data-close': true, text: 'Close' });
        close.addEventListener('click', () => {
          state.detail = null;
          render();
        });
        detail.replaceChildren(
          h(doc, 'h3', { text: recordTitle(entity, shown) }),
          h(
            doc,
            'dl',
            null,
            ...entity.fields.flatMap((f) => [
              h(doc, 'dt', { text: f.label }),
              h(doc, 'dd', { 'data-field': f.id, text: displayValue(f, shown[f.id]) }),
            ]),
          ),
          close,
        );
      }
    }
    const undo = root.querySelector('[data-undo]');
    if (undo) undo.disabled = history.size === 0;
  }

  function timerWidget(d, behaviour) {
    let state = startTimer(behaviour.minutes);
    let handle = null;
    const clock = h(d, 'output', { 'data-clock': true, text: formatClock(state.left) });
    const start = h(d, 'button', { type: 'button', className: 'primary', 'data-timer-start': true, text: 'Start' });
    const reset = h(d, 'button', { type: 'button', 'data-timer-reset': true, text: 'Reset' });
    const show = () => {
      clock.textContent = formatClock(state.left);
      start.textContent = state.running ? 'Pause' : 'Start';
    };
    start.addEventListener('click', () => {
      state = { ...state, running: !state.running && state.left > 0 };
      if (state.running && handle === null) {
        handle = setInterval(() => {
          state = tickTimer(state, 1);
          if (!state.running) {
            clearInterval(handle);
            handle = null;
          }
          show();
        }, 1000);
      }
      show();
    });
    reset.addEventListener('click', () => {
      state = startTimer(behaviour.minutes);
      show();
    });
    return h(d, 'div', { className: 'timer row', 'data-timer': true }, clock, start, reset);
  }

  render();
  return {
    get data() {
      return data;
    },
  };
}

/** When a goal counts: over all the records, or today's, this week's, month's or year's. */
function goalPeriod(per) {
  return per === 'all' ? '' : per === 'day' ? ' today' : ' this ' + per;
}

/** A goal's period as the goal is set: "a day", "a week" (all told or by the newest entry: nothing). */
function goalEach(per) {
  return per === 'all' || per === 'latest' ? '' : ' a ' + per;
}

/** A goal's line of text and its bar, `value` out of `max`, with the form that changes it when it has one. */
function goalBox(doc, attrs, text, max, value, form) {
  return h(
    doc,
    'div',
    { className: 'totals goal', ...attrs },
    h(doc, 'span', { 'data-goal-text': true, text }),
    h(doc, 'progress', { max, value }),
    form,
  );
}
