import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from '../src/zones.js';

const JANUARY = Date.UTC(2026, 0, 15, 12, 0);
const JULY = Date.UTC(2026, 6, 1, 12, 0);

test('offsets from UTC follow each zone, summer time included', () => {
  assert.equal(z.offsetMinutes('UTC', JANUARY), 0);
  assert.equal(z.offsetMinutes('Europe/London', JANUARY), 0);
  assert.equal(z.offsetMinutes('Europe/London', JULY), 60);
  assert.equal(z.offsetMinutes('America/New_York', JANUARY), -300);
  assert.equal(z.offsetMinutes('America/New_York', JULY), -240);
  assert.equal(z.offsetMinutes('Asia/Kolkata', JULY), 330);
  assert.equal(z.offsetMinutes('Asia/Kathmandu', JANUARY), 345);
  assert.equal(z.offsetMinutes('Australia/Sydney', JANUARY), 660, 'summer in the south is in January');
  assert.equal(z.offsetMinutes('Australia/Sydney', JULY), 600);
});

test('offsets and differences are written as people write them', () => {
  assert.equal(z.formatOffset(0), 'UTC');
  assert.equal(z.formatOffset(120), 'UTC+2');
  assert.equal(z.formatOffset(-300), 'UTC−5');
  assert.equal(z.formatOffset(330), 'UTC+5:30');
  assert.equal(z.difference('Asia/Tokyo', 'Europe/London', JANUARY), '9 h ahead');
  assert.equal(z.difference('America/New_York', 'Europe/London', JULY), '5 h behind');
  assert.equal(z.difference('Asia/Kolkata', 'Europe/London', JANUARY), '5 h 30 min ahead');
  assert.equal(z.difference('Europe/Dublin', 'Europe/London', JULY), 'same time');
});

test('the wall clock of a zone at an instant', () => {
  const tokyo = z.wallClock('Asia/Tokyo', JANUARY);
  assert.deepEqual({ ...tokyo, weekday: undefined }, { year: 2026, month: 1, day: 15, hour: 21, minute: 0, second: 0, weekday: undefined });
  assert.equal(tokyo.weekday, 'Thu');
  assert.equal(z.formatTime(z.wallClock('America/Los_Angeles', JANUARY + 65000), true), '04:01:05');
  assert.equal(z.formatDate(z.wallClock('Pacific/Auckland', Date.UTC(2026, 0, 15, 20, 0))), '2026-01-16');
});

test('a time in one zone converts to the others', () => {
  const nineInLondon = z.instantAt('Europe/London', 2026, 7, 1, 9, 0);
  assert.equal(nineInLondon, Date.UTC(2026, 6, 1, 8, 0));
  assert.equal(z.formatTime(z.wallClock('America/New_York', nineInLondon)), '04:00');
  assert.equal(z.formatTime(z.wallClock('Asia/Tokyo', nineInLondon)), '17:00');
  const eveningInLondon = z.instantAt('Europe/London', 2026, 1, 15, 20, 0);
  const auckland = z.wallClock('Pacific/Auckland', eveningInLondon);
  assert.equal(z.formatTime(auckland), '09:00');
  assert.equal(z.dayShift(auckland, z.wallClock('Europe/London', eveningInLondon)), 1, 'the next day in Auckland');
  assert.equal(z.dayShift(z.wallClock('Pacific/Honolulu', z.instantAt('Asia/Tokyo', 2026, 1, 15, 8, 0)), { year: 2026, month: 1, day: 15 }), -1);
});

test('a time skipped when clocks go forward does not exist; one repeated when they go back is the first', () => {
  assert.equal(z.instantAt('America/New_York', 2026, 3, 8, 2, 30), null);
  assert.equal(z.instantAt('America/New_York', 2026, 11, 1, 1, 30), Date.UTC(2026, 10, 1, 5, 30));
  assert.equal(z.instantAt('Europe/Berlin', 2026, 3, 29, 3, 0), Date.UTC(2026, 2, 29, 1, 0));
});

test('working hours shared by every zone are the times to meet', () => {
  assert.deepEqual(z.sharedWorkingHours(['Europe/London', 'America/New_York'], 'Europe/London', 2026, 1, 15), [14, 15, 16, 17]);
  assert.deepEqual(z.sharedWorkingHours(['America/New_York', 'Asia/Tokyo'], 'Europe/London', 2026, 1, 15), []);
  assert.deepEqual(z.sharedWorkingHours(['Europe/Paris'], 'Europe/Paris', 2026, 1, 15), [9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.equal(z.partOfDay(3), 'night');
  assert.equal(z.partOfDay(7), 'morning');
  assert.equal(z.partOfDay(12), 'working hours');
  assert.equal(z.partOfDay(20), 'evening');
});

test('the chosen cities: listed zones only, no repeats, within the limit', () => {
  let cities = z.addCity([], 'Asia/Tokyo');
  cities = z.addCity(cities, 'Asia/Tokyo');
  cities = z.addCity(cities, 'Mars/Olympus_Mons');
  assert.deepEqual(cities, ['Asia/Tokyo']);
  assert.deepEqual(z.removeCity(z.addCity(cities, 'Europe/Paris'), 'Asia/Tokyo'), ['Europe/Paris']);
  const full = z.CITIES.slice(0, z.MAX_CITIES).map(([, zone]) => zone);
  assert.equal(z.addCity(full, 'Pacific/Auckland'), full);
  assert.deepEqual(z.normalizeCities(['Europe/Paris', 'Europe/Paris', 'Nowhere/City', 7]), ['Europe/Paris']);
  assert.deepEqual(z.normalizeCities(undefined), z.DEFAULT_CITIES);
  assert.deepEqual(z.normalizeCities([]), []);
  assert.equal(z.cityName('Asia/Kolkata'), 'Mumbai and Delhi');
  assert.equal(z.cityName('America/Argentina/Buenos_Aires'), 'Buenos Aires');
  assert.equal(z.cityName('America/Port_of_Spain'), 'Port of Spain');
});

test('every listed city is a time zone this runtime knows, named once', () => {
  for (const [, zone] of z.CITIES) assert.ok(z.isTimeZone(zone), zone);
  assert.equal(new Set(z.CITIES.map(([name]) => name)).size, z.CITIES.length);
  assert.equal(z.isTimeZone('Nowhere/City'), false);
});
