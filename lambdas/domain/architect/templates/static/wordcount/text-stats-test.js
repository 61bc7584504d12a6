import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  characters,
  limitStatus,
  lowerCase,
  paragraphs,
  parseLimit,
  readingTime,
  sentenceCase,
  sentences,
  textStats,
  titleCase,
  topWords,
  upperCase,
  words,
} from '../src/text-stats.js';

test('words are counted as a person counts them', () => {
  assert.equal(words('').length, 0);
  assert.equal(words('   ').length, 0);
  assert.equal(words('Hello, world!').length, 2);
  assert.equal(words("Don't stop: a well-known fact.").length, 5);
  assert.equal(words('Café au lait costs 3 euros').length, 6);
  assert.equal(words('one\ntwo\tthree — four').length, 4);
});

test('characters count an emoji or an accented letter once, with and without spaces', () => {
  assert.equal(characters('abc'), 3);
  assert.equal(characters('café'), 4);
  assert.equal(characters('e\u0301'), 1);
  assert.equal(characters('👍🏽 ok'), 4);
  const stats = textStats('a b  c');
  assert.equal(stats.characters, 6);
  assert.equal(stats.charactersNoSpaces, 3);
});

test('sentences and paragraphs', () => {
  assert.equal(sentences('One. Two! Three? Four'), 4);
  assert.equal(sentences('...'), 0);
  assert.equal(sentences(''), 0);
  assert.equal(paragraphs('First line\nstill first\n\nSecond\n\n\n  \nThird'), 3);
  assert.equal(paragraphs('   '), 0);
});

test('reading time at 200 words a minute', () => {
  assert.equal(readingTime(0), '0 min');
  assert.equal(readingTime(50), 'under a minute');
  assert.equal(readingTime(200), '1 min');
  assert.equal(readingTime(900), '5 min');
});

test('the most used words leave out common words and numbers', () => {
  const top = topWords('The cat and the dog. The CAT sat; a dog ran, the cat ran 3 3 3.', 3);
  assert.deepEqual(top, [
    { word: 'cat', count: 3 },
    { word: 'dog', count: 2 },
    { word: 'ran', count: 2 },
  ]);
  assert.deepEqual(topWords(''), []);
});

test('a character limit says what is left or how far over', () => {
  assert.equal(limitStatus(10, null), null);
  assert.deepEqual(limitStatus(270, 280), { left: 10, over: false, text: '10 characters left' });
  assert.deepEqual(limitStatus(285, 280), { left: -5, over: true, text: '5 characters over the limit' });
  assert.equal(limitStatus(279, 280).text, '1 character left');
  assert.equal(parseLimit('280'), 280);
  assert.equal(parseLimit(' 0 '), null);
  assert.equal(parseLimit('abc'), null);
  assert.equal(parseLimit('2.5'), null);
});

test('case changes keep the words and change only their letters', () => {
  assert.equal(upperCase('Hello world'), 'HELLO WORLD');
  assert.equal(lowerCase('Hello World'), 'hello world');
  assert.equal(titleCase("the QUICK brown fox's den"), "The Quick Brown Fox's Den");
  assert.equal(sentenceCase('HELLO THERE. how are you? fine!\nnew line'), 'Hello there. How are you? Fine!\nNew line');
});
