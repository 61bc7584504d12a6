import { js, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';
import { staticSource } from './static-sources';

/**
 * A one-page website: a short introduction, sections with headings and a way to get in touch,
 * written as plain HTML so the page reads without its script. Its words are placeholders for the
 * person to replace; which sections it has follows what the title names: an event (a wedding, a
 * party), a person (a résumé, a portfolio) or, otherwise, a business.
 */

interface Section {
  readonly id: string;
  readonly heading: string;
  readonly html: string;
}

export type PageVariant = 'business' | 'event' | 'person';

const EVENT = /\b(?:wedding|party|birthday|anniversary|reunion|conference|festival|meetup|launch|shower|celebration|event|gala|fundraiser)s?\b/i;
const PERSON = /\b(?:resume|résumé|cv|portfolio|about me|personal|profile|bio|freelancer?)\b/i;

/** The page's sections follow what its title names. */
export function pageVariant(title: string): PageVariant {
  return EVENT.test(title) ? 'event' : PERSON.test(title) ? 'person' : 'business';
}

const p = (text: string): string => `<p>${text}</p>`;
const list = (items: readonly string[]): string => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
const pairs = (rows: ReadonlyArray<readonly [string, string]>): string =>
  `<dl class="pairs">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
const mail = (label: string): string => `<p><a class="button" href="mailto:hello@example.com">${label}</a></p>`;

function sections(variant: PageVariant): readonly Section[] {
  if (variant === 'event') {
    return [
      { id: 'about', heading: 'About the day', html: p('Tell your guests what the day is about and why you would love them there.') },
      {
        id: 'details',
        heading: 'When and where',
        html: pairs([
          ['Date', 'Saturday, 1 June'],
          ['Time', '2 pm'],
          ['Place', 'The venue, street and town'],
        ]),
      },
      { id: 'schedule', heading: 'Schedule', html: list(['2 pm: welcome', '3 pm: the main event', '6 pm: dinner and music']) },
      { id: 'contact', heading: 'RSVP', html: p('Let us know by 1 May whether you can come.') + mail('Reply by e-mail') },
    ];
  }
  if (variant === 'person') {
    return [
      { id: 'about', heading: 'About me', html: p('A few sentences about who you are, what you do and what you are looking for.') },
      { id: 'experience', heading: 'Experience', html: list(['Role, company, years: what you did there', 'Role, company, years: what you did there']) },
      { id: 'skills', heading: 'Skills', html: list(['A skill', 'Another skill', 'A tool you know well']) },
      { id: 'projects', heading: 'Projects', html: list(['A project and what came of it', 'Another project']) },
      { id: 'contact', heading: 'Contact', html: p('The best way to reach me.') + mail('Send me an e-mail') },
    ];
  }
  return [
    { id: 'about', heading: 'About us', html: p('How it all started, what you care about and what makes you different.') },
    { id: 'offer', heading: 'What we offer', html: list(['Your first speciality', 'Your second speciality', 'Your third speciality']) },
    {
      id: 'hours',
      heading: 'Opening hours',
      html: pairs([
        ['Monday to Friday', '9:00 to 17:00'],
        ['Saturday', '10:00 to 14:00'],
        ['Sunday', 'Closed'],
      ]),
    },
    {
      id: 'contact',
      heading: 'Find us',
      html: '<address>Street and number<br>Postcode and town</address>' + mail('E-mail us'),
    },
  ];
}

function body(spec: AppSpec): string {
  const parts = sections(pageVariant(spec.title));
  const intro =
    pageVariant(spec.title) === 'person'
      ? 'Hello! One sentence that says who you are and what you do.'
      : 'One sentence that says what this is and who it is for.';
  return [
    '      <nav class="site-nav" aria-label="Sections">',
    '        <button id="menu-toggle" type="button" class="menu-toggle" aria-expanded="false" aria-controls="site-nav">Menu</button>',
    `        <ul id="site-nav">${parts.map((s) => `<li><a href="#${s.id}">${s.heading}</a></li>`).join('')}</ul>`,
    '      </nav>',
    `      <section id="intro" class="intro"><p class="lead">${intro}</p><p><a class="button" href="#contact">Get in touch</a></p></section>`,
    ...parts.map((s) => `      <section id="${s.id}" aria-labelledby="${s.id}-heading"><h2 id="${s.id}-heading">${s.heading}</h2>${s.html}</section>`),
    '',
  ].join('\n');
}

const MENU = staticSource('page/menu.js');

function main(spec: AppSpec): string {
  return [
    ...sharedImports(spec),
    js`import { nextMenuState } from './menu.js';`,
    '',
    mainPreamble(spec),
    staticSource('page/page-part.js'),
  ].join('\n');
}

const PAGE_TEST = staticSource('page/page-test.js');

const MENU_TEST = staticSource('page/menu-test.js');

export function pageTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: staticSource('page/page.css'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/menu.js', content: MENU },
      { path: 'test/menu.test.js', content: MENU_TEST },
      { path: 'test/page.test.js', content: PAGE_TEST },
    ],
    layout: { 'src/menu.js': 'the small-screen menu, opened and closed' },
  };
}
