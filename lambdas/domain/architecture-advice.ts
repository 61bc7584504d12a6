import { APP_KIND_IDS, APP_KINDS, FEATURE_IDS, FEATURES } from './architect/catalog';
import { THEME_IDS, THEMES } from './architect/themes';
import { STACK_DESCRIPTION } from './consultation';
import type { Policy } from './policy';

/**
 * Architecture questions answered without a model (`POST /gantry/chat` offline): a small,
 * deterministic knowledge base about what Gantry builds and how. It never starts a build.
 */

export interface AdviceTopic {
  readonly id: string;
  /** Lower-case words or phrases; the topic with most matches answers. */
  readonly keywords: readonly string[];
  readonly answer: (policy: Policy) => string;
}

const list = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export const ADVICE_TOPICS: readonly AdviceTopic[] = [
  {
    id: 'stack',
    keywords: [
      'stack',
      'framework',
      'react',
      'vue',
      'language',
      'typescript',
      'javascript',
      'technology',
      'tech',
      'dependencies',
    ],
    answer: () =>
      `Every app is a ${STACK_DESCRIPTION}. No framework and no dependencies: the code is small enough to review, ` +
      'installs nothing, and runs from any static host under any sub-path.',
  },
  {
    id: 'kinds',
    keywords: ['what can you build', 'kinds', 'kind of app', 'apps can', 'catalog', 'types of app', 'capabilities', 'options'],
    answer: () =>
      `Offline I build ${list(APP_KIND_IDS.map((k) => APP_KINDS[k].phrase))}, with optional features: ` +
      `${list(FEATURE_IDS.map((f) => FEATURES[f].title.toLowerCase()))}. With a model configured the architect can go beyond the catalog.`,
  },
  {
    id: 'themes',
    keywords: ['theme', 'themes', 'clone', 'look like', 'style', 'linkedin', 'twitter', 'trello', 'notion', 'design target'],
    answer: () =>
      `Themes make an app look and behave like a famous one: ${list(THEME_IDS.map((id) => `${THEMES[id].name} (v${THEMES[id].version})`))}. ` +
      'Say "like Trello" or pick one from GET /gantry/themes; the plan shows what the theme implies.',
  },
  {
    id: 'testing',
    keywords: ['test', 'tests', 'tested', 'testing', 'quality', 'audit', 'heal', 'healing', 'fix', 'broken'],
    answer: (p) =>
      'Each app ships its own unit tests (node:test) and a checked build. An isolated builder runs them; when they fail, ' +
      `the architect proposes a fix and the build runs again, at most ${p.mission.max_attempts} attempts in all, and a fix that breaks a test that passed before is discarded.`,
  },
  {
    id: 'sandbox',
    keywords: [
      'sandbox',
      'isolation',
      'isolated',
      'secure',
      'security',
      'safe',
      'limits',
      'builder',
      'fargate',
      'container',
      'memory',
      'cpu',
    ],
    answer: (p) =>
      `Builds run in an isolated builder (ECS Fargate in AWS, a bubblewrap sandbox locally) with no network, ${p.builder.memory_mb} MB of memory, ` +
      `${p.builder.cpu_percent}% of a CPU, ${p.builder.command_timeout_seconds} s per command and a ${p.builder.dead_man_switch_seconds} s dead man's switch. ` +
      'A declarative policy gate checks every manifest first, and the builder never sees a secret.',
  },
  {
    id: 'deploy',
    keywords: [
      'deploy',
      'deployed',
      'hosting',
      'host',
      'url',
      'vercel',
      'live',
      'publish',
      'pull request',
      'github',
      'pr',
      'branch',
    ],
    answer: () =>
      'A passing app is deployed to a live URL (Vercel in AWS, a local static host otherwise), checked to really answer, and published ' +
      'as a pull request on its own branch; Gantry never pushes to the default branch.',
  },
  {
    id: 'evidence',
    keywords: ['evidence', 'audit trail', 'prove', 'proof', 'signed', 'tamper', 'hash', 'compliance', 'auditor'],
    answer: () =>
      'Every state change is an event in a hash chain. When a mission ends, the chain, the policy hash and the manifest hash are sealed into a bundle, ' +
      'signed (ECDSA P-256) and stored write-once; `gantry verify` checks a bundle offline.',
  },
  {
    id: 'data',
    keywords: ['database', 'backend', 'server', 'api', 'storage', 'persist', 'save', 'login', 'accounts', 'sql'],
    answer: () =>
      'Generated apps are prototypes: their data lives in the browser (localStorage). There is no server, database or sign-in in the generated code; ' +
      'those are added after the prototype proves the idea.',
  },
  {
    id: 'cost',
    keywords: ['cost', 'price', 'tokens', 'budget', 'expensive', 'money', 'usage'],
    answer: (p) =>
      'Model calls are counted per mission (tokens and an estimated cost, visible in the status and the consultation), and every mission has a budget: ' +
      `${p.budget.max_tokens} tokens, $${p.budget.max_cost_usd} and ${p.budget.max_builder_seconds} builder seconds. The offline consultant and architect cost nothing.`,
  },
  {
    id: 'consultation',
    keywords: [
      'how does',
      'how do i',
      'process',
      'consult',
      'consultation',
      'proceed',
      'confirm',
      'plan',
      'start',
      'workflow',
      'steps',
    ],
    answer: () =>
      'Describe the app in POST /gantry/consult (or by voice). I answer with a question or a plan; tell me what to change until the plan is right, ' +
      'then say "proceed". Nothing is built before that explicit confirmation, which is recorded with your name in the mission\'s evidence.',
  },
  {
    id: 'design-image',
    keywords: ['image', 'screenshot', 'mockup', 'design reference', 'picture', 'png', 'jpeg'],
    answer: (p) =>
      `Send a PNG, JPEG, WebP or GIF (up to ${p.api.max_image_bytes} bytes) as image_base64 with image_filename in POST /gantry/consult. ` +
      'Its type is checked by its content, and it is committed with the app as public/design-reference.<ext> and named in the pull request.',
  },
];

function normalize(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The topics a question is about, best match first. */
export function matchTopics(question: string): AdviceTopic[] {
  const text = normalize(question);
  return ADVICE_TOPICS.map((topic) => ({
    topic,
    score: topic.keywords.filter((k) => text.includes(` ${k.replace(/[^a-z0-9]+/g, ' ').trim()} `)).length,
  }))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((t) => t.topic);
}

/** A deterministic answer: up to two matching topics, or what can be asked. */
export function answerOffline(question: string, policy: Policy): { answer: string; topics: string[] } {
  const topics = matchTopics(question).slice(0, 2);
  if (topics.length === 0) {
    return {
      answer:
        'I can answer questions about the stack, what I can build, themes, testing and healing, the sandbox, deploys and pull requests, evidence, ' +
        'data and storage, cost and budgets, design images and how a consultation works. To start an app, use POST /gantry/consult.',
      topics: [],
    };
  }
  return { answer: topics.map((t) => t.answer(policy)).join(' '), topics: topics.map((t) => t.id) };
}
