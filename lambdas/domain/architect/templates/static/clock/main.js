const here = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const citySelect = byId('city-select');
const cityError = byId('city-error');
const convertDate = byId('convert-date');
const convertTime = byId('convert-time');
const convertZone = byId('convert-zone');

function option(zone, label) {
  const item = document.createElement('option');
  item.value = zone;
  item.textContent = label;
  return item;
}

/** One city's row: its name, then its time and what it stands at, filled in by `fill`. */
function cityRow(zone, removable) {
  const item = document.createElement('li');
  item.dataset.zone = zone;
  const name = document.createElement('span');
  name.className = 'city-name';
  name.textContent = cityName(zone);
  const time = document.createElement('output');
  time.className = 'city-time';
  const detail = document.createElement('span');
  detail.className = 'city-detail';
  item.append(name, time, detail);
  if (removable) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'danger';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove ' + cityName(zone));
    remove.addEventListener('click', () => {
      state = { ...state, cities: removeCity(state.cities, zone) };
      save();
      renderCities();
    });
    item.append(remove);
  }
  return item;
}

function fill(item, time, detail, working) {
  item.querySelector('.city-time').textContent = time;
  const text = item.querySelector('.city-detail');
  text.textContent = detail;
  text.classList.toggle('working', working);
}

const DAY_WORDS = { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' };
const SHIFT_WORDS = { '-1': 'the day before', 0: 'the same day', 1: 'the next day' };

/** Every clock on the page, at this second. */
function tick() {
  const now = Date.now();
  const mine = wallClock(here, now);
  byId('here-time').textContent = formatTime(mine, true);
  byId('here-place').textContent = cityName(here) + ', ' + mine.weekday;
  byId('here-zone').textContent = here + ' · ' + formatOffset(offsetMinutes(here, now));
  for (const item of byId('cities').children) {
    const zone = item.dataset.zone;
    const wall = wallClock(zone, now);
    const shift = dayShift(wall, mine);
    fill(
      item,
      formatTime(wall),
      [DAY_WORDS[shift] ?? wall.weekday, formatOffset(offsetMinutes(zone, now)), difference(zone, here, now)].join(' · '),
      isWorkingHour(wall.hour),
    );
  }
}

function renderCities() {
  byId('cities').replaceChildren(...state.cities.map((zone) => cityRow(zone, true)));
  byId('cities-empty').hidden = state.cities.length > 0;
  citySelect.replaceChildren(...CITIES.filter(([, zone]) => !state.cities.includes(zone)).map(([name, zone]) => option(zone, name)));
  byId('city-add').disabled = citySelect.options.length === 0;
  cityError.textContent = '';
  tick();
  renderConversion();
}

/** The date and time typed, in the zone chosen, on the clock of each city. */
function renderConversion() {
  const note = byId('convert-note');
  const results = byId('convert-results');
  const meet = byId('convert-meet');
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(convertDate.value);
  const time = /^(\d{2}):(\d{2})/.exec(convertTime.value);
  results.replaceChildren();
  meet.textContent = '';
  if (!date || !time) {
    note.textContent = 'Choose a date and a time to see them in each city.';
    return;
  }
  const [year, month, day] = date.slice(1).map(Number);
  const [hour, minute] = time.slice(1).map(Number);
  const zone = convertZone.value || here;
  const ms = instantAt(zone, year, month, day, hour, minute);
  if (ms === null) {
    note.textContent = 'That time does not exist in ' + cityName(zone) + ': the clocks go forward then.';
    return;
  }
  const from = wallClock(zone, ms);
  note.textContent = formatTime(from) + ' on ' + from.weekday + ' ' + formatDate(from) + ' in ' + cityName(zone) + ' (' + formatOffset(offsetMinutes(zone, ms)) + ') is:';
  const zones = [here, ...state.cities].filter((z, i, all) => z !== zone && all.indexOf(z) === i);
  results.replaceChildren(
    ...zones.map((other) => {
      const item = cityRow(other, false);
      const wall = wallClock(other, ms);
      const shift = dayShift(wall, from);
      fill(item, formatTime(wall), [SHIFT_WORDS[shift] ?? formatDate(wall), partOfDay(wall.hour)].join(' · '), isWorkingHour(wall.hour));
      return item;
    }),
  );
  if (zones.length === 0) return;
  const hours = sharedWorkingHours([zone, ...zones], zone, year, month, day);
  meet.textContent =
    hours.length === 0
      ? 'No whole hour of this day is within working hours (9:00 to 18:00) everywhere.'
      : 'Within working hours (9:00 to 18:00) everywhere, in ' + cityName(zone) + ' time: ' + hours.map((h) => String(h).padStart(2, '0') + ':00').join(', ') + '.';
}

byId('city-add').addEventListener('click', () => {
  const next = addCity(state.cities, citySelect.value);
  if (next === state.cities) {
    cityError.textContent = state.cities.length >= MAX_CITIES ? 'At most ' + MAX_CITIES + ' cities.' : 'Choose a city to add.';
    return;
  }
  state = { ...state, cities: next };
  save();
  renderCities();
});
for (const input of [convertDate, convertTime, convertZone]) input.addEventListener('input', renderConversion);

// The converter starts at the next whole hour here.
const start = wallClock(here, Date.now() + 3600000);
convertDate.value = formatDate(start);
convertTime.value = String(start.hour).padStart(2, '0') + ':00';
convertZone.replaceChildren(
  option(here, 'Your time (' + cityName(here) + ')'),
  ...CITIES.filter(([, zone]) => zone !== here).map(([name, zone]) => option(zone, name)),
);
renderCities();
setInterval(tick, 1000);
