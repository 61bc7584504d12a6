// Time in the world's cities, as pure functions over the browser's own time-zone data (Intl).

/** Cities to choose from, each with its IANA time zone, west to east. */
export const CITIES = [
  ['Honolulu', 'Pacific/Honolulu'],
  ['Anchorage', 'America/Anchorage'],
  ['Los Angeles', 'America/Los_Angeles'],
  ['Vancouver', 'America/Vancouver'],
  ['Denver', 'America/Denver'],
  ['Chicago', 'America/Chicago'],
  ['Mexico City', 'America/Mexico_City'],
  ['New York', 'America/New_York'],
  ['Toronto', 'America/Toronto'],
  ['Bogotá', 'America/Bogota'],
  ['Santiago', 'America/Santiago'],
  ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ['São Paulo', 'America/Sao_Paulo'],
  ['Reykjavík', 'Atlantic/Reykjavik'],
  ['UTC', 'UTC'],
  ['London', 'Europe/London'],
  ['Dublin', 'Europe/Dublin'],
  ['Lisbon', 'Europe/Lisbon'],
  ['Lagos', 'Africa/Lagos'],
  ['Paris', 'Europe/Paris'],
  ['Berlin', 'Europe/Berlin'],
  ['Madrid', 'Europe/Madrid'],
  ['Rome', 'Europe/Rome'],
  ['Amsterdam', 'Europe/Amsterdam'],
  ['Stockholm', 'Europe/Stockholm'],
  ['Warsaw', 'Europe/Warsaw'],
  ['Johannesburg', 'Africa/Johannesburg'],
  ['Cairo', 'Africa/Cairo'],
  ['Athens', 'Europe/Athens'],
  ['Istanbul', 'Europe/Istanbul'],
  ['Moscow', 'Europe/Moscow'],
  ['Nairobi', 'Africa/Nairobi'],
  ['Dubai', 'Asia/Dubai'],
  ['Karachi', 'Asia/Karachi'],
  ['Mumbai and Delhi', 'Asia/Kolkata'],
  ['Kathmandu', 'Asia/Kathmandu'],
  ['Dhaka', 'Asia/Dhaka'],
  ['Bangkok', 'Asia/Bangkok'],
  ['Jakarta', 'Asia/Jakarta'],
  ['Singapore', 'Asia/Singapore'],
  ['Hong Kong', 'Asia/Hong_Kong'],
  ['Shanghai', 'Asia/Shanghai'],
  ['Manila', 'Asia/Manila'],
  ['Perth', 'Australia/Perth'],
  ['Seoul', 'Asia/Seoul'],
  ['Tokyo', 'Asia/Tokyo'],
  ['Adelaide', 'Australia/Adelaide'],
  ['Sydney', 'Australia/Sydney'],
  ['Auckland', 'Pacific/Auckland'],
];

export const DEFAULT_CITIES = ['Europe/London', 'America/New_York', 'Asia/Tokyo'];
export const MAX_CITIES = 24;

const MINUTE = 60000;
const DAY = 86400000;
const formatters = new Map();

function formatter(zone) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** True when the browser knows `zone` as a time zone. */
export function isTimeZone(zone) {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The clock on the wall in `zone` at the instant `ms`: year, month (1 to 12), day, hour, minute, second and weekday. */
export function wallClock(zone, ms) {
  const parts = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday,
  };
}

/** Minutes `zone` is ahead of UTC at the instant `ms` (negative when behind): 60 for Paris in winter, -240 for New York in summer. */
export function offsetMinutes(zone, ms) {
  const wall = wallClock(zone, ms);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

function hoursAndMinutes(minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { h, m };
}

/** An offset as people write it: "UTC", "UTC+2", "UTC−5", "UTC+5:30". */
export function formatOffset(minutes) {
  if (minutes === 0) return 'UTC';
  const { h, m } = hoursAndMinutes(Math.abs(minutes));
  return 'UTC' + (minutes > 0 ? '+' : '−') + h + (m ? ':' + String(m).padStart(2, '0') : '');
}

/** How the clock in `zone` stands against the one in `base` at `ms`: "same time", "9 h ahead", "5 h 30 min behind". */
export function difference(zone, base, ms) {
  const diff = offsetMinutes(zone, ms) - offsetMinutes(base, ms);
  if (diff === 0) return 'same time';
  const { h, m } = hoursAndMinutes(Math.abs(diff));
  return [h ? h + ' h' : '', m ? m + ' min' : ''].filter(Boolean).join(' ') + (diff > 0 ? ' ahead' : ' behind');
}

function sameWallTime(wall, year, month, day, hour, minute) {
  return wall.year === year && wall.month === month && wall.day === day && wall.hour === hour && wall.minute === minute;
}

/**
 * The instant at which the clock in `zone` reads the date and time given (month 1 to 12). A time the
 * clocks skip when they go forward never shows: null. A time shown twice when they go back is the
 * first of the two.
 */
export function instantAt(zone, year, month, day, hour, minute) {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set([offsetMinutes(zone, asUtc - DAY), offsetMinutes(zone, asUtc), offsetMinutes(zone, asUtc + DAY)]);
  const found = [...offsets]
    .map((offset) => asUtc - offset * MINUTE)
    .filter((ms) => sameWallTime(wallClock(zone, ms), year, month, day, hour, minute))
    .sort((a, b) => a - b);
  return found.length > 0 ? found[0] : null;
}

/** Days from the date on `base`'s clock to the date on `wall`'s: 0 the same day, 1 the next, -1 the one before. */
export function dayShift(wall, base) {
  return Math.round((Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(base.year, base.month - 1, base.day)) / DAY);
}

/** Working hours: from 9:00 to 17:59. */
export function isWorkingHour(hour) {
  return hour >= 9 && hour < 18;
}

/** What people are likely doing at this hour. */
export function partOfDay(hour) {
  if (hour < 6 || hour >= 22) return 'night';
  if (hour < 9) return 'morning';
  if (hour < 18) return 'working hours';
  return 'evening';
}

/**
 * The whole hours of a date on `base`'s clock (0 to 23) at which every one of `zones` is in working
 * hours: the times to meet.
 */
export function sharedWorkingHours(zones, base, year, month, day) {
  const hours = [];
  for (let hour = 0; hour < 24; hour += 1) {
    const ms = instantAt(base, year, month, day, hour, 0);
    if (ms !== null && zones.every((zone) => isWorkingHour(wallClock(zone, ms).hour))) hours.push(hour);
  }
  return hours;
}

const pad = (n) => String(n).padStart(2, '0');

/** "14:05", or "14:05:09" with seconds. */
export function formatTime(wall, withSeconds = false) {
  return pad(wall.hour) + ':' + pad(wall.minute) + (withSeconds ? ':' + pad(wall.second) : '');
}

/** "2026-07-01", as a date field holds it. */
export function formatDate(wall) {
  return wall.year + '-' + pad(wall.month) + '-' + pad(wall.day);
}

/** A zone's city: its name in the list, else the last part of the zone ("America/Boise" is Boise). */
export function cityName(zone) {
  const known = CITIES.find(([, z]) => z === zone);
  return known ? known[0] : zone.split('/').pop().replace(/_/g, ' ');
}

function isListed(zone) {
  return CITIES.some(([, z]) => z === zone);
}

/** The list with `zone` added at the end; unchanged for a zone not listed, one already there, or a full list. */
export function addCity(cities, zone) {
  if (!isListed(zone) || cities.includes(zone) || cities.length >= MAX_CITIES) return cities;
  return [...cities, zone];
}

export function removeCity(cities, zone) {
  return cities.filter((z) => z !== zone);
}

/** Saved cities as they were, without unknown zones or repeats; the defaults when nothing was saved. */
export function normalizeCities(raw) {
  if (!Array.isArray(raw)) return [...DEFAULT_CITIES];
  const cities = [];
  for (const zone of raw) if (typeof zone === 'string' && isListed(zone) && !cities.includes(zone)) cities.push(zone);
  return cities.slice(0, MAX_CITIES);
}
