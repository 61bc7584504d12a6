/**
 * What a static web app cannot do, found in a request: a server, other people over the network,
 * native device features, another platform or language, system software. Each limit is either
 * the core of the request (nothing close can be built without it: "an operating system kernel")
 * or a part that can be left out of a close reading ("a habit tracker with push notifications").
 */

import { wordPattern } from './word-lists';

export interface RequestLimit {
  /** What is asked that a static web app cannot do, in plain words. */
  readonly need: string;
  /** True when the request is about this need itself, so leaving it out would build something else. */
  readonly core: boolean;
  /** What Gantry can build instead, when the request has no buildable part. */
  readonly instead: string;
}

/** A pattern for a copy of one of `names` ('a|b'): "an X clone", "a copy of X", "an app like X". */
const copyOf = (names: string): string => `\\b(?:${names})(?= (?:clone|copy)\\b)|(?<=\\b(?:like|clone of|copy of) )(?:${names})$`;

const LIMITS: ReadonlyArray<readonly [RegExp, RequestLimit]> = [
  [
    wordPattern('systemSoftwareAsked'),
    {
      need: 'an operating system or other system software, which runs on the machine itself, not in a web page',
      core: true,
      instead: 'a notes app to plan it, or a checklist of its parts',
    },
  ],
  [
    wordPattern('multiplayerAsked'),
    {
      need: 'playing with other people over the network, which needs a server',
      core: true,
      instead: 'a score keeper for games played together in the room, or a flashcard game',
    },
  ],
  [
    wordPattern('messagingAsked'),
    {
      need: 'messages between people over the network, which needs a server',
      core: true,
      instead: 'a notes app or an address book kept in this browser',
    },
  ],
  [
    // Visits counted from other people's browsers: "a visitor counter for my website".
    wordPattern('visitorCountAsked'),
    {
      need: "counting visits from other people's browsers, which needs a server",
      core: true,
      instead: 'a tally counter you click yourself, or a one-page website',
    },
  ],
  [
    wordPattern('pollsAsked'),
    {
      need: 'collecting votes or answers from many people, which needs a server',
      core: true,
      instead: 'a score keeper to tally votes counted in the room, or a random picker',
    },
  ],
  [
    // Not a shop's own records: "a product catalog for my online shop".
    wordPattern('onlineStoreAsked'),
    {
      need: 'selling online, with orders and payments, which needs a server and a payment provider',
      core: true,
      instead: 'a product catalog or an inventory kept in this browser, or a one-page website for the shop',
    },
  ],
  [
    wordPattern('aiModelAsked'),
    {
      need: 'an AI model, which a dependency-free static page cannot run',
      core: true,
      instead: 'a flashcard game or a notes app',
    },
  ],
  [
    wordPattern('blockchainAsked'),
    { need: 'a blockchain, which needs a network of servers', core: true, instead: 'an expense tracker kept in this browser' },
  ],
  [
    // A copy of a service that lives on its users' posts, rides, stays or messages.
    // (Names that also stand in lists of one's own, "a content calendar for instagram", only as a copy.)
    new RegExp(
      `\\b(?:reddit|youtube|tiktok|uber|lyft|airbnb|facebook|slack|discord|whatsapp|snapchat|tinder|bumble|github|ebay|zoom|doordash)\\b(?= (?:clone|copy|for|like|style)\\b|$)|${copyOf('instagram|twitter|linkedin|pinterest|telegram|hinge|etsy|amazon')}`,
    ),
    {
      need: 'what such a service does for many people (their accounts, posts, messages or bookings, and a server to hold them)',
      core: true,
      instead: 'a feed, a notes app or a list kept in this browser',
    },
  ],
  [
    // A copy of a service that streams a catalogue of music or video.
    new RegExp(copyOf('spotify|netflix|twitch|hulu|disney plus|apple music|soundcloud|prime video')),
    {
      need: 'streaming music or video from a catalogue, which needs a server and the rights to what it plays',
      core: true,
      instead: 'a watchlist or a list of songs kept in this browser',
    },
  ],
  [
    wordPattern('videoAsked'),
    { need: 'storing and streaming video, which needs a server', core: true, instead: 'a watchlist of videos to watch' },
  ],
  [
    wordPattern('nativeAppAsked'),
    {
      need: 'a native phone, watch or desktop app (Gantry builds web apps that also work in a phone browser)',
      core: false,
      instead: '',
    },
  ],
  [
    wordPattern('otherLanguageAsked'),
    { need: 'another programming language (Gantry builds HTML, CSS and JavaScript)', core: false, instead: '' },
  ],
  [
    wordPattern('serverAsked'),
    { need: 'a server or database (the app keeps its data in this browser)', core: false, instead: '' },
  ],
  [
    wordPattern('passwordsAsked'),
    {
      need: "keeping passwords safe, which needs encryption and a vault a web page's own storage is not (anyone at this browser could read them)",
      core: true,
      instead: 'a notes app or an address book kept in this browser',
    },
  ],
  [wordPattern('signInAsked'), { need: 'user accounts and sign-in', core: false, instead: '' }],
  [
    /\b(blogs?|blog posts?|blogging)\b/,
    { need: 'publishing posts for other people to read (the posts stay in this browser)', core: false, instead: '' },
  ],
  [
    // Not a payment worked out or recorded: "a mortgage calculator with the monthly payment", "a payment tracker".
    wordPattern('paymentsAsked'),
    { need: 'taking payments', core: false, instead: '' },
  ],
  [wordPattern('notificationsAsked'), { need: 'sending e-mail, text messages or push notifications', core: false, instead: '' }],
  [
    wordPattern('sharingAsked'),
    { need: 'sharing between devices or people (the data stays in this browser)', core: false, instead: '' },
  ],
  [wordPattern('deviceFeatures'), { need: 'native device features (camera, location, sensors)', core: false, instead: '' }],
  [
    wordPattern('liveData'),
    { need: 'live data from the internet (the app has no server to fetch it)', core: false, instead: '' },
  ],
];

/** The limits a request runs into, in the order above; `text` is the normalised request. */
export function findLimits(text: string): RequestLimit[] {
  const found: RequestLimit[] = [];
  for (const [pattern, limit] of LIMITS) if (pattern.test(text)) found.push(limit);
  return found;
}
