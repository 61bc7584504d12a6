import * as z from './zod';
import {
  APP_KIND_IDS,
  APP_KINDS,
  FEATURES,
  FeatureIdSchema,
  orderFeatures,
  supportsFeature,
  type AppKindId,
} from './architect/catalog';
import { AppSpecSchema, type AppSpec } from './architect/compiler/app-spec-schema';
import { describeSpec } from './architect/compiler/describe-spec';
import { THEMES, ThemeIdSchema, type AccentId } from './architect/themes';

/**
 * The CTO consultation (seed 000 "Consultation Flow"): the shapes a consultant answers with, the
 * plan a person confirms, and the rules no consultant (offline or LLM) may bend: a build starts
 * only after an explicit confirmation of the plan on the table. Pure.
 */

export const CONSULTATION_STATUSES = ['NEEDS_INPUT', 'NEEDS_CONFIRMATION', 'READY_TO_BUILD'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The only stack the policy allows today; a plan names it so the person sees what they get. */
export const OFFLINE_STACK_ID = 'static-web';
export const STACK_DESCRIPTION =
  'static web app (HTML, CSS and JavaScript modules, no dependencies), unit-tested with node:test, built into dist/';

export const ConversationTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().check(z.maxLength(20_000)),
  at: z.string(),
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

/**
 * The kind a plan builds: one of the catalog's hand-made kinds, or `custom`: an app compiled from
 * the plan's app spec (entities, views, behaviours, look), which the plan then must carry.
 */
export const CUSTOM_KIND = 'custom' as const;
export const PlanKindSchema = z.enum([...APP_KIND_IDS, CUSTOM_KIND]);
export type PlanKind = z.infer<typeof PlanKindSchema>;

function isCatalogKind(kind: PlanKind): kind is AppKindId {
  return kind !== CUSTOM_KIND;
}

/** Fields a plan and a consultant's answer share for a compiled app and for an honest reading. */
const specFields = {
  app_spec: z
    .nullish(AppSpecSchema)
    .check(
      z.describe(
        'For app_kind "custom": the app spec to compile (entities with typed fields, views, behaviours, look). Null otherwise.',
      ),
    ),
  interpreted_as: z
    .nullish(z.string().check(z.maxLength(300)))
    .check(
      z.describe('What will be built when it differs from the literal request ("a workout log"); null when it is the request.'),
    ),
  left_out: z
    .nullish(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(10)))
    .check(z.describe('Parts of the request a static web app cannot do and the build leaves out, in plain words.')),
};

/** What a person confirms: the kind of app, its features, its look, its stack and the prompt the architect gets. */
export const ConsultationPlanSchema = z.object({
  kind: PlanKindSchema,
  features: z.array(FeatureIdSchema),
  design_target: z.nullable(ThemeIdSchema),
  proposed_stack: z.string().check(z.minLength(1), z.maxLength(200)),
  build_prompt: z.string().check(z.minLength(1), z.maxLength(4000)),
  /** The name the person gave the app, when they gave one. */
  title: z.nullable(z.string().check(z.maxLength(80))),
  ...specFields,
});
export type ConsultationPlan = z.infer<typeof ConsultationPlanSchema>;

/**
 * The consultant's answer (seed: ConsultantResponse), the structured output every consultant
 * produces and the LLM consultants are held to. `app_kind` is Gantry's addition: the kind from
 * the catalog that the plan builds.
 */
export const ConsultantResponseSchema = z
  .object({
    response: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(4000),
        z.describe('What the CTO says to the person: the plan, the question or the go-ahead.'),
      ),
    status: z
      .enum(CONSULTATION_STATUSES)
      .check(
        z.describe(
          'NEEDS_INPUT: a clarifying question is needed. NEEDS_CONFIRMATION: a complete plan awaits an explicit yes. ' +
            'READY_TO_BUILD: only when the person explicitly confirmed the current plan.',
        ),
      ),
    question: z
      .nullable(z.string().check(z.maxLength(1000)))
      .check(z.describe('The clarifying question (required for NEEDS_INPUT, else null).')),
    app_kind: z
      .nullable(PlanKindSchema)
      .check(z.describe('The kind of app from the catalog the plan builds, or "custom" with an app_spec; null while unknown.')),
    design_target: z
      .nullable(ThemeIdSchema)
      .check(z.describe('A famous-app theme from the registry, or null for the default look.')),
    proposed_stack: z.nullable(z.string().check(z.maxLength(200))).check(z.describe('The stack the plan proposes.')),
    build_prompt: z
      .nullable(z.string().check(z.maxLength(4000)))
      .check(z.describe('The full instruction the architect will build from.')),
    features: z.array(FeatureIdSchema).check(z.describe('Feature ids from the catalog that the plan includes.')),
    confidence: z.number().check(z.gte(0), z.lte(1), z.describe('How sure the CTO is that the plan is what the person wants.')),
    ...specFields,
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.status === 'NEEDS_INPUT' && !r.question) {
        ctx.addIssue({ code: 'custom', path: ['question'], message: 'NEEDS_INPUT needs a question' });
      }
      if (r.status !== 'NEEDS_INPUT') {
        if (!r.app_kind) ctx.addIssue({ code: 'custom', path: ['app_kind'], message: `${r.status} needs an app_kind` });
        if (!r.build_prompt)
          ctx.addIssue({ code: 'custom', path: ['build_prompt'], message: `${r.status} needs a build_prompt` });
      }
      if (r.status !== 'NEEDS_INPUT' && r.app_kind === CUSTOM_KIND && !r.app_spec) {
        ctx.addIssue({ code: 'custom', path: ['app_spec'], message: 'a custom app needs an app_spec' });
      }
      if (r.app_kind && isCatalogKind(r.app_kind)) {
        const kind = r.app_kind;
        for (const feature of r.features) {
          if (!supportsFeature(kind, feature)) {
            ctx.addIssue({ code: 'custom', path: ['features'], message: `${feature} is not available for ${r.app_kind}` });
          }
        }
      }
    }),
  );
export type ConsultantResponse = z.infer<typeof ConsultantResponseSchema>;

/** The plan a response proposes, or null when it asks a question instead. */
export function planFromResponse(r: ConsultantResponse): ConsultationPlan | null {
  if (r.status === 'NEEDS_INPUT' || !r.app_kind || !r.build_prompt) return null;
  const kind = r.app_kind;
  return {
    kind,
    features: isCatalogKind(kind) ? orderFeatures(r.features.filter((f) => supportsFeature(kind, f))) : [],
    design_target: r.design_target,
    proposed_stack: r.proposed_stack || OFFLINE_STACK_ID,
    build_prompt: r.build_prompt,
    title: null,
    ...(r.app_spec ? { app_spec: r.app_spec } : {}),
    ...(r.interpreted_as ? { interpreted_as: r.interpreted_as } : {}),
    ...(r.left_out && r.left_out.length > 0 ? { left_out: r.left_out } : {}),
  };
}

/** What a consultant sees on each turn. */
export interface ConsultantInput {
  /** The conversation before this message, oldest first. */
  readonly history: readonly ConversationTurn[];
  /** The plan awaiting confirmation, or null when none is on the table. */
  readonly plan: ConsultationPlan | null;
  readonly message: string;
  /** A design image the person sent in this consultation. */
  readonly designReference: { readonly filename: string; readonly ext: string } | null;
  /** Upper bound of a build prompt (policy `api.max_prompt_chars`). */
  readonly maxPromptChars?: number;
}

// --- Replies ---------------------------------------------------------------------------------

export type ReplyIntent = 'confirm' | 'decline' | 'other';

/** Normalised words: lower case, letters and digits only, apostrophes dropped ("don't" → "dont"). */
export function replyWords(message: string): string[] {
  return message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

/** Phrases that say "build the plan as it is". Multi-word phrases are matched as word sequences. */
const CONFIRM_PHRASES = [
  'yes',
  'yep',
  'yeah',
  'yup',
  'sure',
  'ok',
  'okay',
  'proceed',
  'go ahead',
  'go for it',
  'build it',
  'ship it',
  'do it',
  'make it',
  'start',
  'start building',
  'sounds good',
  'looks good',
  'looks great',
  'lgtm',
  'confirm',
  'confirmed',
  'approved',
  'approve',
  'lets go',
  'lets do it',
  'make it so',
  'perfect',
  'great',
  'absolutely',
  'affirmative',
  'go',
  'build',
  'good to go',
  'works for me',
  'that works',
  'love it',
  'fine',
  'alright',
  'all right',
  'deal',
];

/** Words that may surround a confirmation without changing it ("yes please, go ahead with the plan"). */
const CONFIRM_FILLER = new Set(
  (
    'please pls now then the that this plan it its all right alright fine good thanks thank you so and ' +
    'just go ahead with build building as is proposed cto mate sir exactly totally very much be done gantry ' +
    'anyway anyways regardless cool nice awesome excellent brilliant wonderful amazing for me us oh well really sounds looks'
  ).split(' '),
);

/** Openings that refuse or postpone ("no", "not yet", "wait", "don't build"). */
const DECLINE_START = new Set(['no', 'nope', 'nah', 'wait', 'stop', 'cancel', 'hold', 'dont', 'never', 'not', 'later']);

function removePhrase(words: string[], phrase: string[]): { words: string[]; found: boolean } {
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((p, j) => words[i + j] === p)) {
      return { words: [...words.slice(0, i), ...words.slice(i + phrase.length)], found: true };
    }
  }
  return { words, found: false };
}

/**
 * Whether a reply confirms the plan as it stands, declines it, or says something else (a change,
 * a question). A confirmation must be only that: "yes, but add dark mode" is a change request,
 * and "don't build it" is a refusal. Deterministic, used as a guard for every consultant.
 */
export function classifyReply(message: string): ReplyIntent {
  let words = replyWords(message);
  if (words.length === 0) return 'other';
  const has = (seq: string[]): boolean => removePhrase(words, seq).found;
  if (DECLINE_START.has(words[0]!) || words.includes('dont') || has(['not', 'yet']) || has(['do', 'not'])) return 'decline';
  let confirmed = false;
  // Longest phrases first, so "go ahead" is taken before "go".
  for (const phrase of [...CONFIRM_PHRASES].sort((a, b) => b.length - a.length)) {
    const parts = phrase.split(' ');
    for (;;) {
      const out = removePhrase(words, parts);
      if (!out.found) break;
      words = out.words;
      confirmed = true;
    }
  }
  if (!confirmed) return 'other';
  return words.every((w) => CONFIRM_FILLER.has(w)) ? 'confirm' : 'other';
}

// --- Plans in words ----------------------------------------------------------------------------

/** "dark mode, search and export" */
export function featureList(features: readonly string[]): string {
  const titles = features.map((f) => (f in FEATURES ? FEATURES[f as keyof typeof FEATURES].title.toLowerCase() : f));
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

type PlanShape = Pick<ConsultationPlan, 'kind' | 'design_target' | 'title'> & {
  readonly app_spec?: AppSpec | null;
  /** The accent colour of a plan without a spec (a spec carries its own in its look). */
  readonly accent?: AccentId | null;
};

/** What the plan builds, in a few words: "a Trello-style board", "a calculator", "a habit tracker". */
export function planSubject(plan: PlanShape): string {
  const theme = plan.design_target ? THEMES[plan.design_target] : null;
  const kind = plan.kind;
  const what = !isCatalogKind(kind)
    ? (plan.app_spec?.phrase ?? 'an app built from its spec')
    : theme && theme.kind === kind
      ? `a ${theme.name}`
      : APP_KINDS[kind].phrase;
  const named = plan.title ? ` called "${plan.title}"` : '';
  return `${what}${named}`;
}

/**
 * The instruction the architect builds from: everything the person agreed to, in one sentence,
 * with the original request kept for nuance. Bounded by `maxChars`.
 */
export function composeBuildPrompt(
  plan: PlanShape & Pick<ConsultationPlan, 'features'>,
  originalRequest: string,
  maxChars = 4000,
): string {
  const theme = plan.design_target ? THEMES[plan.design_target] : null;
  const parts = [`Build ${planSubject(plan)}`];
  if (plan.app_spec) {
    parts.push(`. ${describeSpec(plan.app_spec).lines.join('. ')}.`);
  } else {
    if (theme && theme.kind !== plan.kind) parts.push(` in the style of ${theme.inspiredBy}`);
    parts.push(plan.features.length > 0 ? ` with ${featureList(plan.features)}.` : ' with no optional features.');
  }
  const request = originalRequest.replace(/\s+/g, ' ').trim();
  let prompt = parts.join('');
  if (request) prompt += ` Original request: "${request}"`;
  // The colour the person settled on goes last: the architect takes the last one a prompt names.
  const accent = !plan.app_spec && plan.accent ? ` Accent colour: ${plan.accent}.` : '';
  const room = maxChars - accent.length;
  return (prompt.length > room ? `${prompt.slice(0, room - 2)}…"` : prompt) + accent;
}

/** Text fit for a voice answer: one short paragraph, no markup, no lists, at most `max` characters. */
export function toSpeech(text: string, max = 320): string {
  const plain = text
    .replace(/[*_`#>]/g, '')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  return sentenceEnd > max / 3 ? cut.slice(0, sentenceEnd + 1) : `${cut.slice(0, max - 1).trimEnd()}…`;
}

/** The short spoken form of a consultant's answer. */
export function speechFor(r: ConsultantResponse, plan: ConsultationPlan | null): string {
  if (r.status === 'NEEDS_INPUT') return toSpeech(r.question ?? r.response);
  if (r.status === 'READY_TO_BUILD' && plan) {
    return toSpeech(`Confirmed. Building ${planSubject(plan)} now. I will tell you when it is live.`);
  }
  if (plan) {
    const features = plan.features.length > 0 ? ` with ${featureList(plan.features)}` : '';
    return toSpeech(`I can build ${planSubject(plan)}${features}. Shall I build it?`);
  }
  return toSpeech(r.response);
}

// --- The rule no consultant may bend ------------------------------------------------------------

export interface GuardedTurn {
  readonly response: ConsultantResponse;
  /** Why the consultant's own answer was changed, or null. */
  readonly overridden: string | null;
}

/**
 * READY_TO_BUILD stands only when a plan was awaiting confirmation and the person's reply is an
 * explicit confirmation. Anything else is turned into a question (no plan) or back into the plan
 * awaiting a yes. Applies to every consultant, so a model cannot start a build on its own.
 */
export function enforceConfirmationRule(
  response: ConsultantResponse,
  context: { readonly planAwaitingConfirmation: ConsultationPlan | null; readonly message: string },
): GuardedTurn {
  if (response.status !== 'READY_TO_BUILD') return { response, overridden: null };
  const plan = context.planAwaitingConfirmation;
  if (plan && classifyReply(context.message) === 'confirm') return { response, overridden: null };
  if (!plan) {
    return {
      overridden: 'READY_TO_BUILD without a plan awaiting confirmation',
      response: {
        ...response,
        status: 'NEEDS_INPUT',
        response:
          'There is no plan to confirm yet, so nothing will be built. Tell me what the app should do and I will propose one.',
        question: 'What would you like me to build?',
        confidence: 0,
      },
    };
  }
  return {
    overridden: 'READY_TO_BUILD without an explicit confirmation of the current plan',
    response: {
      ...response,
      status: 'NEEDS_CONFIRMATION',
      app_kind: plan.kind,
      features: plan.features,
      design_target: plan.design_target,
      proposed_stack: plan.proposed_stack,
      build_prompt: plan.build_prompt,
      app_spec: plan.app_spec ?? null,
      interpreted_as: plan.interpreted_as ?? null,
      left_out: plan.left_out ?? null,
      question: null,
      response: `${response.response}\n\nTo start the build, confirm the plan explicitly: say "proceed".`,
    },
  };
}
