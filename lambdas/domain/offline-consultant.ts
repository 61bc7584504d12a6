import {
  APP_KIND_IDS,
  APP_KINDS,
  FEATURES,
  kindDescription,
  orderFeatures,
  supportsFeature,
  type AppKindId,
  type FeatureId,
} from './architect/catalog';
import { AppSpecSchema, type AppSpec } from './architect/compiler/app-spec-schema';
import { describeSpec } from './architect/compiler/describe-spec';
import { readRequest, specForKind, type RequestReading } from './architect/compiler/read-request';
import { featureGaps, specBuilt } from './architect/compiler/feature-gaps';
import { findLimits } from './architect/compiler/request-limits';
import { applySpecWords } from './architect/compiler/spec-words';
import { resolveDraft } from './architect/offline-architect';
import { accentAsked, analyzeRequest, normalizeRequestText } from './architect/request-analysis';
import { isThemeId, THEME_IDS, themeFor, THEMES, type AccentId, type ThemeId } from './architect/themes';
import {
  classifyReply,
  composeBuildPrompt,
  CUSTOM_KIND,
  featureList,
  OFFLINE_STACK_ID,
  planSubject,
  STACK_DESCRIPTION,
  type ConsultantInput,
  type ConsultantResponse,
  type ConsultationPlan,
} from './consultation';

export type { ConsultantInput } from './consultation';

/**
 * The offline CTO: a deterministic consultant that knows the architect's catalog (kinds,
 * features, themes). It asks when a request names nothing it can build or two things at once,
 * proposes a concrete plan otherwise, revises the plan on a change request, and answers
 * READY_TO_BUILD only to an explicit confirmation of the plan on the table.
 */

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

// Short enough to be spoken whole (see toSpeech): one article, and each kind by its noun ("a focus
// timer" is said as a timer, "a social feed" as a feed, "a one-page website" as a website).
const KIND_MENU = `a ${orList(
  APP_KIND_IDS.map((k) =>
    APP_KINDS[k].phrase
      .replace(/^an? /, '')
      .replace(/ and .*$/, '')
      .replace(/^(?:focus|unit|one-page|social) /, ''),
  ),
)}`;
const THEME_MENU = orList(THEME_IDS.map((id) => THEMES[id].inspiredBy));

export const OPENING_QUESTION = `What should the app do? I build a tracker, log or list of what you name, ${KIND_MENU}, styled like ${THEME_MENU}.`;

const GREETING =
  /^\s*(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))(?: there| gantry| cto| team)?[\s!.,:)]*$/i;
const WHAT_CAN_YOU_DO =
  /^\s*(?:help|what can you (?:do|build|make)|what do you (?:do|build|make)|how does (?:this|it) work)[\s?!.]*$/i;

/** Things prototypes do not do (seed 001: no server, no database, no accounts); named honestly in a plan. */
const OUT_OF_SCOPE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(log ?in|sign ?(in|up)|accounts?|passwords?(?! generators?\b)|auth\w*)\b/i, 'user accounts and sign-in'],
  [/\b(payments?|stripe|checkout|subscriptions?|billing)\b/i, 'payments'],
  [/\b(databases?|sql|postgres\w*|mongo\w*|backend|server[- ]side|api server)\b/i, 'a server or database'],
  [
    /\b(real[- ]?time|multiplayer|collaborat\w*|sync\w* across|share with (others|my team))\b/i,
    'sharing between devices or people',
  ],
  [/\b(e-?mails?|notifications?|push messages?|sms)\b/i, 'e-mail or push notifications'],
];

function outOfScope(text: string): string[] {
  return OUT_OF_SCOPE.filter(([re]) => re.test(text)).map(([, what]) => what);
}

function kindPhrase(kind: AppKindId): string {
  return APP_KINDS[kind].phrase;
}

/** The plan lines of an honest reading: what it is built as, and what it leaves out. */
function readingNotes(plan: Pick<ConsultationPlan, 'interpreted_as' | 'left_out'>): string[] {
  return [
    plan.interpreted_as ? `- I read it as: ${plan.interpreted_as}` : null,
    plan.left_out && plan.left_out.length > 0
      ? `- Left out (the app built here cannot do it): ${plan.left_out.join('; ')}`
      : null,
  ].filter((l): l is string => l !== null);
}

function askQuestion(response: string, question: string, confidence = 0): ConsultantResponse {
  return {
    response,
    status: 'NEEDS_INPUT',
    question,
    app_kind: null,
    design_target: null,
    proposed_stack: null,
    build_prompt: null,
    features: [],
    confidence,
  };
}

function planResponse(
  plan: ConsultationPlan,
  input: ConsultantInput,
  intro: string,
  notes: readonly string[],
  confidence: number,
  question: string | null = null,
): ConsultantResponse {
  const theme = plan.design_target ? THEMES[plan.design_target] : null;
  const spec = plan.app_spec ?? null;
  const body = spec
    ? [`Plan: ${planSubject(plan)}. ${describeSpec(spec).summary}`, ...describeSpec(spec).lines.map((l) => `- ${l}`)]
    : [
        `Plan: ${planSubject(plan)}. ${plan.kind === CUSTOM_KIND ? '' : kindDescription(plan.kind, plan.features)}`,
        `- Features: ${plan.features.length > 0 ? plan.features.map((f) => `${FEATURES[f].title} (${FEATURES[f].description.replace(/\.$/, '')})`).join('; ') : 'none beyond the core app'}`,
        (theme
          ? `- Look: ${theme.name} v${theme.version}${theme.kind === plan.kind ? `: ${theme.traits.join('; ')}` : ' (its colours and type; the theme itself is made for another kind of app)'}`
          : "- Look: Gantry's clean default look") +
          (accentAsked(plan.build_prompt) ? `, in ${accentAsked(plan.build_prompt)}` : ''),
      ];
  const lines = [
    intro,
    '',
    ...body,
    ...readingNotes(plan),
    `- Stack: ${STACK_DESCRIPTION}`,
    input.designReference &&
      `- Design reference: your image ${input.designReference.filename} goes into the repository as public/design-reference.${input.designReference.ext}`,
    ...notes.map((n) => `- Note: ${n}`),
    '',
    question ??
      (spec
        ? 'Shall I build it? Say "proceed" to start, or tell me what to change (for example "add a notes field", "group by category" or "add dark mode").'
        : 'Shall I build it? Say "proceed" to start, or tell me what to change (for example "add dark mode" or "make it look like Trello").'),
  ].filter((l): l is string => typeof l === 'string');
  return {
    response: clipResponse(lines.join('\n')),
    status: 'NEEDS_CONFIRMATION',
    question,
    app_kind: plan.kind,
    design_target: plan.design_target,
    proposed_stack: plan.proposed_stack,
    build_prompt: plan.build_prompt,
    features: [...plan.features],
    confidence,
    ...planExtras(plan),
  };
}

/** A consultant's response is at most 4000 characters: a long plan is cut at a line. */
function clipResponse(text: string): string {
  if (text.length <= 4000) return text;
  const cut = text.slice(0, 3990);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n…`;
}

function planExtras(plan: ConsultationPlan): Pick<ConsultantResponse, 'app_spec' | 'interpreted_as' | 'left_out'> {
  return { app_spec: plan.app_spec ?? null, interpreted_as: plan.interpreted_as ?? null, left_out: plan.left_out ?? null };
}

function readyResponse(plan: ConsultationPlan): ConsultantResponse {
  const features = plan.features.length > 0 ? ` with ${featureList(plan.features)}` : '';
  return {
    response: `Confirmed. Building ${planSubject(plan)}${features} now: drafted, checked against policy, built and tested in an isolated builder, deployed and opened as a pull request. You can follow every step live.`,
    status: 'READY_TO_BUILD',
    question: null,
    app_kind: plan.kind,
    design_target: plan.design_target,
    proposed_stack: plan.proposed_stack,
    build_prompt: plan.build_prompt,
    features: [...plan.features],
    confidence: 1,
    ...planExtras(plan),
  };
}

function userText(input: ConsultantInput): string {
  return [...input.history.filter((t) => t.role === 'user').map((t) => t.content), input.message]
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .join('\n');
}

interface Honesty {
  readonly interpreted_as?: string | null;
  readonly left_out?: readonly string[] | null;
}

function honestyFields(h: Honesty): Pick<ConsultationPlan, 'interpreted_as' | 'left_out'> {
  return {
    ...(h.interpreted_as ? { interpreted_as: h.interpreted_as } : {}),
    ...(h.left_out && h.left_out.length > 0 ? { left_out: [...h.left_out] } : {}),
  };
}

function makePlan(
  fields: {
    kind: AppKindId;
    features: readonly FeatureId[];
    design_target: ThemeId | null;
    title: string | null;
    accent?: AccentId | null;
  } & Honesty,
  original: string,
  maxChars: number,
): ConsultationPlan {
  const features = orderFeatures(fields.features.filter((f) => supportsFeature(fields.kind, f)));
  const base = { kind: fields.kind, features, design_target: fields.design_target, title: fields.title };
  return {
    ...base,
    proposed_stack: OFFLINE_STACK_ID,
    build_prompt: composeBuildPrompt({ ...base, accent: fields.accent ?? null }, original, maxChars),
    ...honestyFields(fields),
  };
}

/** A plan that compiles `spec`; the spec is parsed here, so a plan never carries an invalid one. */
function makeSpecPlan(
  spec: AppSpec,
  title: string | null,
  honesty: Honesty,
  original: string,
  maxChars: number,
): ConsultationPlan {
  const parsed = AppSpecSchema.parse(title ? { ...spec, title } : spec);
  const base = { kind: CUSTOM_KIND, features: [] as FeatureId[], design_target: parsed.look.theme, title, app_spec: parsed };
  return {
    ...base,
    proposed_stack: OFFLINE_STACK_ID,
    build_prompt: composeBuildPrompt(base, original, maxChars),
    ...honestyFields(honesty),
  };
}

/**
 * What a person says of themselves instead of an app ("I run a dog walking business", "I'm a
 * teacher", "I want to get fit"), with apps that could serve it: a consultant asks which, rather
 * than answering that it found no app.
 */
const SITUATIONS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [
    /\bi (?:run|own|have|manage|started|am starting|m starting)(?: a| an| my)? (?:(?:small|little|new|local|home|online|side) )*([a-z]+(?: [a-z]+)?) (?:business|company|shop|store|studio|salon|service|practice)\b|\b(?:for|in|with) (?:my|our) (?:(?:small|little|new|local|home|online|side|own|family) )*(?:business|company|shop|store)\b/i,
    (m) =>
      `For your ${m[1] ? `${m[1].toLowerCase()} ` : ''}business I could build, for example, a client list, a log of jobs or bookings with what each paid, a sales log, an order list, or a one-page website.`,
  ],
  [
    /\bi(?: am|m|'m) an? (teacher|tutor|coach)\b/i,
    (m) =>
      `For a ${m[1]!.toLowerCase()} I could build, for example, a gradebook, an attendance tracker, a homework planner or a lesson log.`,
  ],
  [
    /\bi(?: am|m|'m) an? (?:student|pupil)\b/i,
    () => 'For studying I could build, for example, a homework planner, flashcards, an exam countdown or a grade tracker.',
  ],
  [
    /\bi(?: am|m|'m) an? (?:freelancer|contractor|consultant)\b/i,
    () => 'For freelance work I could build, for example, a client list, a timesheet of hours worked, or an invoice tracker.',
  ],
  [
    /\bi(?: am|m|'m) an? (?:parent|mum|mom|dad|father|mother)\b/i,
    () =>
      'For a family I could build, for example, a chore chart with stars, a baby feeding or sleep log, or an allowance tracker.',
  ],
  [
    /\b(?:get|getting|be|stay) (?:fit|fitter|healthy|healthier|in shape)\b|\blose weight\b/i,
    () => 'To help with that I could build, for example, a workout log, a running log, a weight tracker or a step tracker.',
  ],
  [
    /\bsav(?:e|ing) (?:more )?money\b|\bspend(?:ing)? less\b/i,
    () => 'To help with that I could build, for example, an expense tracker, a budget or a savings tracker.',
  ],
  [
    /\b(?:be|get) (?:more )?(?:productive|organi[sz]ed)\b/i,
    () => 'To help with that I could build, for example, a task list, a kanban board, a habit tracker or a focus timer.',
  ],
];

const SITUATION_QUESTION = 'What should the app keep track of or do for you?';

/** The business the consultant just asked about ("For your dog walking business …"), or null. */
function situationBusiness(input: Pick<ConsultantInput, 'history'>): string | null {
  const last = input.history.at(-1);
  if (last?.role !== 'assistant' || !last.content.endsWith(SITUATION_QUESTION)) return null;
  return /^For your ([a-z]+(?: [a-z]+)?) business\b/.exec(last.content)?.[1] ?? null;
}

/** The question for a person who said something of themselves that names no app, or null. */
function situationQuestion(message: string): string | null {
  for (const [pattern, suggest] of SITUATIONS) {
    const m = pattern.exec(message);
    if (m) return `${suggest(m)} ${SITUATION_QUESTION}`;
  }
  return null;
}

/** The answer to a request Gantry will not build as asked: why, and what it can build instead. */
function refusalAnswer(reading: Extract<RequestReading, { outcome: 'refused' }>, message = ''): ConsultantResponse {
  const situation = reading.code === 'REQUEST_NOT_UNDERSTOOD' && !reading.language ? situationQuestion(message) : null;
  if (situation) return askQuestion(situation, situation);
  if (reading.code === 'NOT_A_STATIC_APP') {
    const question = 'Shall I build one of those instead, or something else?';
    return askQuestion(
      `I cannot build that as asked, and I will not build something else in its place. ${reading.message} ${question}`,
      question,
    );
  }
  return askQuestion(`${reading.message} ${OPENING_QUESTION}`, OPENING_QUESTION);
}

/** Names a famous app that has no theme yet, so the plan can say the look will be the default. */
function unknownTargetNote(designTarget: string | null): string[] {
  if (!designTarget || isThemeId(designTarget)) return [];
  const name = designTarget.charAt(0) + designTarget.slice(1).toLowerCase().replace(/_/g, ' ');
  return [`there is no ${name} theme yet (themes: ${THEME_MENU}), so it gets the default look`];
}

/** The first plan of a consultation, or a question when the request is too vague or names two kinds. */
function firstPlan(input: ConsultantInput): ConsultantResponse {
  const maxChars = input.maxPromptChars ?? 4000;
  const all = userText(input);
  let reading = readRequest(input.message);
  // The answer to what a business should keep is read as the business's: "the jobs" of a dog
  // walking business are its jobs for clients, not records with a name.
  const business = situationBusiness(input);
  const forBusiness =
    business && reading.outcome !== 'template' ? readRequest(`keep track of ${input.message} for my ${business} business`) : null;
  if (forBusiness?.outcome === 'spec' && forBusiness.spec.entities[0]?.id === 'job') reading = forBusiness;
  if (reading.outcome === 'refused' && reading.code === 'REQUEST_NOT_UNDERSTOOD' && input.history.length > 0) {
    const together = readRequest(all);
    if (together.outcome !== 'refused') reading = together;
    // The answer to "what should the app keep track of?" names what to keep track of: "the dogs,
    // their owners and whether they paid".
    const asked = input.history.at(-1)?.role === 'assistant' && input.history.at(-1)!.content.endsWith(SITUATION_QUESTION);
    const tracked = asked && reading.outcome === 'refused' ? readRequest(`keep track of ${input.message}`) : null;
    if (tracked && tracked.outcome !== 'refused') reading = tracked;
  }
  if (reading.outcome === 'refused' && !input.designReference) return refusalAnswer(reading, input.message);
  if (reading.outcome === 'spec') {
    const plan = makeSpecPlan(
      reading.spec,
      analyzeRequest(all).appName,
      { interpreted_as: reading.interpretedAs, left_out: reading.leftOut },
      all,
      maxChars,
    );
    const intro = reading.interpretedAs
      ? 'I can build a close version of that. Here is my plan:'
      : 'I can build that. Here is my plan:';
    return planResponse(plan, input, intro, [], reading.interpretedAs ? 0.7 : 0.85);
  }
  if (reading.outcome === 'template' && reading.language) {
    const plan = makePlan(
      {
        kind: reading.kind,
        features: APP_KINDS[reading.kind].defaultFeatures,
        design_target: null,
        title: null,
        interpreted_as: reading.interpretedAs,
        left_out: reading.leftOut,
      },
      all,
      maxChars,
    );
    return planResponse(plan, input, `I read your request in ${reading.language}. Here is my plan:`, [], 0.7);
  }
  const honesty: Honesty =
    reading.outcome === 'template' ? { interpreted_as: reading.interpretedAs, left_out: reading.leftOut } : {};
  const now = analyzeRequest(input.message);
  // An answer to a question names the kind itself; otherwise look at everything the person said.
  const decisive = now.kind !== null || themeFor(now.designTarget) !== null ? input.message : all;
  const analysis = analyzeRequest(decisive);
  const theme = themeFor(analysis.designTarget);
  if (analysis.kind === null && theme === null) {
    const intro = input.designReference
      ? `I have your design reference (${input.designReference.filename}); it will go into the repository with the app.`
      : input.history.length > 0
        ? 'I still cannot tell which app to build from that.'
        : 'Happy to build it. First I need to know what kind of app you have in mind.';
    return askQuestion(`${intro} ${OPENING_QUESTION}`, OPENING_QUESTION);
  }
  const ranked = APP_KIND_IDS.filter((k) => analysis.scores[k] >= 3).sort((a, b) => analysis.scores[b] - analysis.scores[a]);
  if (!theme && ranked.length >= 2 && analysis.confidence < 0.6) {
    const [a, b] = ranked as [AppKindId, AppKindId];
    const q = `Should it be ${kindPhrase(a)} (${APP_KINDS[a].description.replace(/\.$/, '')}) or ${kindPhrase(b)} (${APP_KINDS[b].description.replace(/\.$/, '')})?`;
    return askQuestion(`Your request fits two kinds of app. ${q}`, q, analysis.confidence);
  }
  const draft = resolveDraft({ prompt: all, kind: resolveDraft({ prompt: decisive }).spec.kind });
  const spec = draft.spec;
  const plan = makePlan(
    {
      kind: spec.kind,
      features: spec.features,
      design_target: isThemeId(spec.designTarget) ? spec.designTarget : null,
      title: draft.analysis.appName,
      accent: spec.accent ?? null,
      ...honesty,
    },
    all,
    maxChars,
  );
  const notes = [
    ...draft.droppedFeatures.map((f) => `${FEATURES[f].title.toLowerCase()} is not available for ${kindPhrase(spec.kind)}`),
    ...unknownTargetNote(analysis.designTarget),
    ...(plan.left_out
      ? []
      : outOfScope(all).map((what) => `a prototype keeps its data in the browser, so ${what} would be added later`)),
  ];
  const confidence = Math.max(analysis.confidence, theme ? 0.9 : 0);
  return planResponse(plan, input, 'I can build that. Here is my plan:', notes, Math.round(confidence * 100) / 100);
}

/** Words that turn "remove search" into what the request analysis reads as a refusal ("without search"). */
const REMOVAL = /\b(remove|drop|delete|disable|turn off|switch off|take out|get rid of|lose|ditch|no longer|leave out)\b/gi;
const KIND_CHANGE_CUE =
  /\b(instead|rather|actually|switch to|change it to|turn it into|make it an?|lets do an?|let's do an?|i want an?|should be an?)\b/i;
/** "switch to cards", "change it to a table": another view of the same records, not another app. */
const VIEW_CHANGE =
  /^\W*(?:(?:switch|change|turn) (?:it )?(?:to|into)|make it) (?:a |an )?(?:cards?|card view|table|list|grid|calendar)(?: view)?\W*$/i;
const DROP_THEME =
  /\b(no|without)\s+(the\s+)?(theme|design target|clone|styling)\b|\b(default|plain|standard|normal)\s+(look|style|design|theme)\b/i;

interface Revision {
  readonly plan: ConsultationPlan;
  readonly changes: string[];
  readonly notes: string[];
}

/** Applies a change request to a plan: features in or out, another look, another kind, a name. */
export function revisePlan(plan: ConsultationPlan, message: string, original: string, maxChars = 4000): Revision {
  if (plan.app_spec) return reviseSpecPlan(plan, plan.app_spec, message, original, maxChars);
  if (plan.kind === CUSTOM_KIND) return { plan, changes: [], notes: ['this plan has no app spec to change'] };
  // Asking a kind template for what only a spec has ("add a notes field", "group by category") turns it into a spec.
  const asSpec = specForKind(plan.kind, normalizeRequestText(message), plan.title);
  if (asSpec) {
    // The plan's colour goes with it (its build prompt ends with it).
    const accent = accentAsked(plan.build_prompt);
    const spec = accent ? { ...asSpec, look: { ...asSpec.look, accent } } : asSpec;
    const revision = reviseSpecPlan(plan, spec, message, original, maxChars);
    return {
      ...revision,
      changes: [`made it a ${APP_KINDS[plan.kind].phrase.replace(/^an? /, '')} built from a spec`, ...revision.changes],
    };
  }
  const a = analyzeRequest(message.replace(REMOVAL, 'without'));
  const changes: string[] = [];
  const notes: string[] = [];
  let kind = plan.kind;
  let design: ThemeId | null = plan.design_target;
  let title = plan.title;
  const features = new Set<FeatureId>(plan.features);
  // The plan's colour is the one its build prompt ends with; a new one replaces it.
  let accent = accentAsked(plan.build_prompt);
  if (a.accent && a.accent !== accent) {
    accent = a.accent;
    changes.push(`made the accent colour ${accent}`);
  } else if (
    !a.accent &&
    accent &&
    /\b(?:default|original|normal|standard|usual) colou?rs?\b|\bno (?:accent|colou?r)\b/i.test(message)
  ) {
    accent = null;
    changes.push('went back to the default colours');
  }

  const theme = themeFor(a.designTarget);
  if (DROP_THEME.test(message) && design) {
    changes.push(`dropped the ${THEMES[design].name} look`);
    design = null;
  } else if (theme && theme.id !== design) {
    design = theme.id;
    changes.push(`switched the look to ${theme.name}`);
    if (theme.kind !== kind && !(a.kind && a.kind !== theme.kind && !theme.absorbs.includes(a.kind))) {
      kind = theme.kind;
      changes.push(`made it ${kindPhrase(kind)}`);
    }
    for (const f of theme.features) features.add(f);
  } else {
    notes.push(...unknownTargetNote(a.designTarget));
  }

  const namesKindOnly = a.features.length === 0 && a.excludedFeatures.length === 0 && a.confidence >= 0.6;
  if (a.kind && a.kind !== kind && !theme && (KIND_CHANGE_CUE.test(message) || namesKindOnly)) {
    kind = a.kind;
    changes.push(`made it ${kindPhrase(kind)}`);
    for (const f of APP_KINDS[kind].defaultFeatures) features.add(f);
    if (design && THEMES[design].kind !== kind) {
      changes.push(`dropped the ${THEMES[design].name} look, which is made for another kind of app`);
      design = null;
    }
  }

  for (const f of a.features) {
    if (features.has(f)) continue;
    if (supportsFeature(kind, f)) {
      features.add(f);
      changes.push(`added ${FEATURES[f].title.toLowerCase()}`);
    } else {
      notes.push(`${FEATURES[f].title.toLowerCase()} is not available for ${kindPhrase(kind)}`);
    }
  }
  for (const f of a.excludedFeatures) {
    if (features.delete(f)) changes.push(`removed ${FEATURES[f].title.toLowerCase()}`);
  }
  for (const f of [...features]) {
    if (!supportsFeature(kind, f)) {
      features.delete(f);
      if (plan.features.includes(f))
        changes.push(`left out ${FEATURES[f].title.toLowerCase()}, which ${kindPhrase(kind)} does not have`);
    }
  }
  if (a.appName && a.appName !== title) {
    title = a.appName;
    changes.push(`named it "${title}"`);
  }
  notes.push(...outOfScope(message).map((what) => `a prototype keeps its data in the browser, so ${what} would be added later`));
  const revised = makePlan({ kind, features: [...features], design_target: design, title, accent }, original, maxChars);
  return { plan: revised, changes, notes };
}

/** Applies a change request to a spec plan: fields, groupings, behaviours, views, look, name, or another app. */
function reviseSpecPlan(plan: ConsultationPlan, spec: AppSpec, asked: string, original: string, maxChars: number): Revision {
  // "also the number of pages", "and a genre", "also track my mood": more to add.
  const message = asked
    .replace(
      /^\s*(?:(?:oh|actually|ah),?\s+)?(?:(?:and|also|plus)\s+(?:also\s+)?(?:(?:track|log|record|note|keep track of)\s+)?|(?=[a-z]+(?: [a-z]+)?\s*,))(?!(?:add|remove|drop|delete|make|change|rename|call|group|sort|show|use|switch|turn|put|no|not|without|can|could|please|i|we|it|yes|ok|okay|sure|well|great|perfect|thanks|hi|hello|hey|so|but|then|that|this|looks|sounds|nice|cool|good)\b)/i,
      'add ',
    )
    // "track reps and sets too", "I also want to track the weather": more to add.
    .replace(
      /^\s*(?:(?:i|we) (?:also |would also )?(?:want|need|would like|'d like|d like) to (?:also )?(?:track|log|record|keep track of)|(?:please )?(?:also )?(?:track|log|record))\s+(?=[a-z])/i,
      'add ',
    )
    .replace(/\s+(?:too|as well|also)\s*[.!]*\s*$/i, '');
  const text = normalizeRequestText(message);
  const a = analyzeRequest(message);
  const notes: string[] = [];
  if (KIND_CHANGE_CUE.test(message) && !VIEW_CHANGE.test(message)) {
    const reading = readRequest(message);
    if (reading.outcome === 'spec' && reading.spec.phrase !== spec.phrase) {
      return {
        plan: makeSpecPlan(
          reading.spec,
          a.appName,
          { interpreted_as: reading.interpretedAs, left_out: reading.leftOut },
          original,
          maxChars,
        ),
        changes: [`made it ${reading.spec.phrase}`],
        notes,
      };
    }
    if (reading.outcome === 'template') {
      const kind = reading.kind;
      return {
        plan: makePlan(
          {
            kind,
            features: APP_KINDS[kind].defaultFeatures,
            design_target: null,
            title: a.appName,
            interpreted_as: reading.interpretedAs,
            left_out: reading.leftOut,
          },
          original,
          maxChars,
        ),
        changes: [`made it ${kindPhrase(kind)}`],
        notes,
      };
    }
  }
  const applied = applySpecWords(spec, text, { revision: true, listText: normalizeRequestText(message, { keepCommas: true }) });
  let next: AppSpec = applied.spec;
  const changes = [...applied.changes];
  notes.push(...applied.leftOut);
  const theme = themeFor(a.designTarget);
  if (DROP_THEME.test(message) && next.look.theme) {
    changes.push(`dropped the ${THEMES[next.look.theme].name} look`);
    next = { ...next, look: { ...next.look, theme: null } };
  } else if (theme && theme.id !== next.look.theme) {
    changes.push(`switched the look to ${theme.name}'s colours and type`);
    next = { ...next, look: { ...next.look, theme: theme.id } };
  } else {
    notes.push(...unknownTargetNote(a.designTarget));
  }
  let title = plan.title;
  if (a.appName && a.appName !== title) {
    title = a.appName;
    changes.push(`named it "${title}"`);
  }
  const checked = AppSpecSchema.safeParse(next);
  if (!checked.success) {
    return {
      plan,
      changes: [],
      notes: [
        `that change would make an app I cannot build (${checked.error.issues[0]?.message ?? 'invalid spec'}), so the plan is unchanged`,
      ],
    };
  }
  const leftOut = [...(plan.left_out ?? [])];
  // What the change asks that no app here can do; a template's own notes are another app's ("a page count" is no page).
  const reading = readRequest(message);
  const needs =
    reading.outcome === 'template'
      ? findLimits(text).map((l) => l.need)
      : reading.outcome === 'refused'
        ? // A fragment ("and a monthly total") is read against the plan's own app.
          featureGaps(text, specBuilt(checked.data))
        : reading.leftOut;
  for (const need of needs) {
    if (leftOut.includes(need)) continue;
    leftOut.push(need);
    // Said now when nothing else changes ("and a monthly total"); a changed plan lists it with its others.
    if (changes.length === 0) notes.push(`left out: ${need}`);
  }
  // "add a rating" to records that have one.
  if (applied.present.length > 0 && changes.length === 0)
    notes.push(`the plan already has ${applied.present.map((label) => label.toLowerCase()).join(', ')}`);
  notes.push(
    ...outOfScope(message)
      .filter(() => leftOut.length === 0)
      .map((what) => `a prototype keeps its data in the browser, so ${what} would be added later`),
  );
  const revised = makeSpecPlan(
    checked.data,
    title,
    { interpreted_as: plan.interpreted_as ?? null, left_out: leftOut },
    original,
    maxChars,
  );
  return { plan: revised, changes, notes };
}

function sentence(changes: readonly string[]): string {
  const text = changes.length <= 1 ? changes.join('') : `${changes.slice(0, -1).join(', ')} and ${changes.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One turn of the offline consultant. Deterministic: the same conversation always gets the same
 * answer. It never answers READY_TO_BUILD unless a plan is on the table and the message is an
 * explicit confirmation of it.
 */
export function consultOffline(input: ConsultantInput): ConsultantResponse {
  const intent = classifyReply(input.message);
  const maxChars = input.maxPromptChars ?? 4000;
  if (input.plan) {
    if (intent === 'confirm') return readyResponse(input.plan);
    // "no wait, remove the notes" is a correction, made as asked; a plain "no" changes nothing.
    // "I don't need the year" asks for a field to go, not for the plan to stop.
    const dropsField = /^\W*(?:(?:i|we)\s+)?(?:dont|don't|do not)\s+(?:need|want)\s+(?:the|a|an|any)\s+\w/i.test(input.message);
    const asked =
      intent !== 'decline' || dropsField
        ? input.message
        : /^\W*(?:no|nope|wait|hold on)\b[\s,.!-]*(?:wait\b[\s,.!-]*)?(?!.*\b(?:dont|don't|not|never)\b)(.{3,})$/i.exec(
            input.message,
          )?.[1];
    const original = userText({ ...input, message: '' });
    const revision = asked ? revisePlan(input.plan, asked, original || asked, maxChars) : null;
    if (revision && revision.changes.length > 0) {
      return planResponse(revision.plan, input, `Updated the plan: ${sentence(revision.changes)}.`, revision.notes, 0.9);
    }
    if (intent === 'decline') {
      return planResponse(
        input.plan,
        input,
        'No problem: nothing is built until you confirm. The plan stays as it is:',
        [],
        0.5,
        'What should I change?',
      );
    }
    // A question about the plan ("what can it do?") is answered by the plan itself.
    return planResponse(
      input.plan,
      input,
      /\?\s*$/.test(input.message)
        ? 'The app does what the plan below says, and nothing more (no change made; to change it, say what to add or remove):'
        : 'I did not find a change I can make in that, so the plan is unchanged.',
      revision?.notes ?? [],
      0.6,
    );
  }
  if (intent === 'confirm') {
    return askQuestion(
      `There is no plan yet, so there is nothing to proceed with and nothing will be built. ${OPENING_QUESTION}`,
      OPENING_QUESTION,
    );
  }
  // A greeting, or a question about what it can do, is answered as one, not read as a request.
  if (GREETING.test(input.message)) return askQuestion(`Hello! ${OPENING_QUESTION}`, OPENING_QUESTION);
  if (WHAT_CAN_YOU_DO.test(input.message)) return askQuestion(OPENING_QUESTION, OPENING_QUESTION);
  return firstPlan(input);
}
