import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as m from '../src/metronome.js';

test('the tempo stays a whole number within what the metronome plays', () => {
  let x = m.createMetronome();
  assert.equal(m.setBpm(x, 120).bpm, 120);
  assert.equal(m.setBpm(x, 72.6).bpm, 73);
  assert.equal(m.setBpm(x, 5).bpm, m.MIN_BPM);
  assert.equal(m.setBpm(x, 999).bpm, m.MAX_BPM);
  assert.equal(m.setBpm(x, 'fast'), x, 'no number changes nothing');
  assert.equal(m.setBeats(x, 3).beats, 3);
  assert.equal(m.setBeats(x, 11), x, 'a bar it does not offer changes nothing');
});

test('the beats fall every 60/bpm seconds, the first of each bar accented', () => {
  let x = m.start(m.setBeats(m.setBpm(m.createMetronome(), 120), 3), 1000);
  assert.equal(m.beatMs(120), 500);
  assert.deepEqual(m.beatAt(x, 1000), { count: 0, beat: 1, accent: true });
  assert.deepEqual(m.beatAt(x, 1499), { count: 0, beat: 1, accent: true });
  assert.deepEqual(m.beatAt(x, 1500), { count: 1, beat: 2, accent: false });
  assert.deepEqual(m.beatAt(x, 2500), { count: 3, beat: 1, accent: true });
  assert.equal(m.nextBeatAt(x, 1000), 1000);
  assert.equal(m.nextBeatAt(x, 1200), 1500);
  assert.equal(m.nextBeatAt(x, 1500), 2000);
  assert.equal(m.start(x, 5000), x, 'starting it again changes nothing');
  x = m.stop(x);
  assert.equal(m.beatAt(x, 3000), null);
  assert.equal(m.nextBeatAt(x, 3000), null);
});

test('a new tempo while it plays starts the bar again', () => {
  const x = m.start(m.createMetronome(), 0);
  const faster = m.setBpm(x, 140);
  assert.equal(faster.startedAt, null);
  assert.equal(faster.running, true);
});

test('tapping sets the tempo from the mean gap of the recent taps', () => {
  assert.equal(m.tapTempo([]), null);
  assert.equal(m.tapTempo([1000]), null);
  assert.equal(m.tapTempo([0, 500, 1000, 1500]), 120);
  assert.equal(m.tapTempo([0, 600, 1200]), 100);
  // A pause of over two seconds starts a new tempo.
  assert.equal(m.tapTempo([0, 1000, 5000, 5500, 6000]), 120);
  assert.equal(m.tapTempo([0, 5000]), null);
  assert.equal(m.tapTempo([0, 50, 100]), m.MAX_BPM);
});

test('tempo names and what is kept between visits', () => {
  assert.equal(m.tempoName(50), 'Largo');
  assert.equal(m.tempoName(100), 'Andante');
  assert.equal(m.tempoName(132), 'Allegro');
  assert.equal(m.tempoName(200), 'Presto');
  assert.deepEqual(m.normalizeMetronome({ bpm: 90, beats: 6, running: true, startedAt: 5 }), {
    ...m.createMetronome(),
    bpm: 90,
    beats: 6,
  });
  assert.deepEqual(m.normalizeMetronome('junk'), m.createMetronome());
});
