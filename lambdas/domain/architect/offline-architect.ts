import * as z from '../zod';
import { GantryManifestSchema, type GantryManifest, type ManifestFile } from '../manifest';
import { GantryError, ValidationError } from '../errors';
import { parseAppSpec, type AppSpec as CompiledAppSpec } from './compiler/app-spec-schema';
import { COMPILED_KIND, compileApp } from './compiler/compile-app';
import { describeSpec } from './compiler/describe-spec';
import { readRequest, type RequestReading } from './compiler/read-request';
import {
  APP_KIND_IDS,
  APP_KINDS,
  AppKindIdSchema,
  FALLBACK_KIND,
  FEATURE_IDS,
  FEATURES,
  FORMULA_TITLES,
  GAME_TITLES,
  kindDescription,
  FeatureIdSchema,
  isAppKindId,
  isFeatureId,
  orderFeatures,
  supportsFeature,
  type AppKindId,
  type FeatureId,
} from './catalog';
import { analyzeRequest, cleanAppName, slugify, type RequestAnalysis } from './request-analysis';
import { AccentIdSchema, themeFor } from './themes';
import { renderAppFiles, type AppSpec } from './templates';
import { intervalWorkout } from './templates/interval-workout';
import { pageTitleOf, randomToolOf } from './templates/titles';

export type { AppSpec } from './templates';
export { readRequest, type RequestReading } from './compiler/read-request';
export { AppSpecSchema, parseAppSpec, InvalidAppSpecError } from './compiler/app-spec-schema';
export type { AppSpec as CompiledAppSpec } from './compiler/app-spec-schema';

/**
 * The offline architect: a deterministic generator of small, dependency-free static web apps with
 * real unit tests and a real build. It is what Gantry uses when no LLM is configured, and the
 * reference the LLM architects are compared against.
 */

export const OFFLINE_STACK = 'static-web';
export const AUDIT_COMMAND = 'npm test';
export const BUILD_COMMAND = 'npm run build';
export const OUTPUT_DIR = 'dist';
export const RUN_COMMAND = 'npx serve dist';

const MAX_DESCRIPTION_LENGTH = 2000;
const MAX_PROMPT_EXCERPT = 300;

export interface DraftInput {
  /** The person's request, as typed or transcribed. */
  readonly prompt: string;
  /** Kind chosen by a consultant; overrides what the prompt suggests. */
  readonly kind?: AppKindId;
  /**
   * Exact feature list chosen by a consultant (unsupported ones are dropped and named in the
   * description). When absent: the kind's default features, minus those the prompt declines
   * ("without saving"), plus those it asks for.
   */
  readonly features?: readonly FeatureId[];
  /** Famous app to look like (`TRELLO`); undefined: taken from the prompt; null: none. */
  readonly designTarget?: string | null;
  /**
   * An app spec from a confirmed plan (or a model): compiled exactly, after parsing. Unknown
   * data from outside, so it is parsed here, never cast.
   */
  readonly appSpec?: unknown;
}

/** How a draft input was understood: the spec the files are rendered from, and what was set aside. */
export interface ResolvedDraft {
  readonly spec: AppSpec;
  readonly analysis: RequestAnalysis;
  /** True when neither the input nor the prompt named a kind and FALLBACK_KIND was built. */
  readonly usedFallbackKind: boolean;
  /** Requested features the kind does not implement. */
  readonly droppedFeatures: readonly FeatureId[];
}

/** Upper-case letters, digits and underscores, at most 40 characters; null when nothing is left. */
export function normalizeDesignTarget(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const target = raw
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return target === '' ? null : target;
}

/** The developer tool a request names, as the app's title ("a JSON formatter" is "JSON Formatter"); null for several or none. */
function devtoolTitleOf(prompt: string): string | null {
  const text = prompt.toLowerCase();
  const named = [
    /\bjson\b/.test(text) && 'JSON Formatter',
    /\bbase ?64\b/.test(text) && 'Base64 Encoder',
    /\burl (?:en|de)cod/.test(text) && 'URL Encoder',
    /\b(?:sha-?\d+|hash(?:es|ing)?|checksums?|digests?)\b/.test(text) && 'Hash Generator',
  ].filter((title): title is string => typeof title === 'string');
  return named.length === 1 ? named[0]! : null;
}

/** A journal or diary called as asked ("a gratitude journal" is "Gratitude Journal"); null when the request names neither. */
function journalTitleOf(prompt: string): string | null {
  const named = /\b(?:([a-z]+) )?(journal|diary)\b/i.exec(prompt);
  const topic = named?.[1] && !/^(?:an?|my|our|the|simple|personal|private|online|little|small|basic|new|own)$/i.test(named[1]);
  return named ? `${topic ? `${named[1]} ` : ''}${named[2]}`.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : null;
}

/** Decides kind, features, name and design target for a draft input. Pure and deterministic. */
export function resolveDraft(input: DraftInput): ResolvedDraft {
  // Callers pass parsed values; these checks only guard against a wrong cast upstream.
  if (input.kind !== undefined && !isAppKindId(input.kind)) {
    throw new ValidationError(`Unknown app kind "${String(input.kind)}"`, { known: [...APP_KIND_IDS] });
  }
  const unknownFeatures = (input.features ?? []).filter((f) => !isFeatureId(f));
  if (unknownFeatures.length > 0) {
    throw new ValidationError(`Unknown features: ${unknownFeatures.join(', ')}`, { known: [...FEATURE_IDS] });
  }
  const analysis = analyzeRequest(input.prompt);
  const designTarget = input.designTarget === undefined ? analysis.designTarget : normalizeDesignTarget(input.designTarget);
  const theme = themeFor(designTarget);
  // A theme decides the kind unless the caller chose one or the request names an unrelated kind
  // ("a calculator like Twitter" is a calculator in Twitter's colours).
  const themeKind =
    theme && (analysis.kind === null || analysis.kind === theme.kind || theme.absorbs.includes(analysis.kind))
      ? theme.kind
      : null;
  const kind = input.kind ?? themeKind ?? analysis.kind ?? FALLBACK_KIND;
  const requested = input.features ?? [
    ...[...APP_KINDS[kind].defaultFeatures, ...(theme && theme.kind === kind ? theme.features : [])].filter(
      (f) => !analysis.excludedFeatures.includes(f),
    ),
    ...analysis.features,
  ];
  const features = orderFeatures(requested.filter((f) => supportsFeature(kind, f)));
  // A formula's words mean something else in other apps ("a notes app for cooking tips").
  // JSON is what the developer tools read, not an export asked for ("a JSON formatter").
  const jsonTool = kind === 'devtools' && !/\b(?:export|download|back ?up)/i.test(input.prompt);
  const droppedFeatures = orderFeatures(
    requested.filter(
      (f) =>
        !supportsFeature(kind, f) &&
        FORMULA_TITLES[f] === undefined &&
        GAME_TITLES[f] === undefined &&
        !(f === 'export' && jsonTool),
    ),
  );
  const themed = theme !== null && theme.kind === kind;
  // A randomizer is called by the tool asked for ("a password generator" is "Password Generator").
  // A calculator with one formula is called by it ("a tip calculator" is "Tip Calculator").
  // A game app with one game is called by it ("a hangman game" is "Hangman").
  const formulaTitles = features.flatMap((f) => FORMULA_TITLES[f] ?? []);
  const gameTitles = features.flatMap((f) => GAME_TITLES[f] ?? []);
  const toolTitle =
    kind === 'randomizer' && !themed
      ? randomToolOf(input.prompt).title
      : kind === 'page' && !themed
        ? pageTitleOf(input.prompt)
        : kind === 'calculator' && !themed && formulaTitles.length === 1
          ? formulaTitles[0]!
          : kind === 'game' && !themed && gameTitles.length === 1
            ? gameTitles[0]!
            : kind === 'devtools' && !themed
              ? devtoolTitleOf(input.prompt)
              : kind === 'notes' && !themed
                ? journalTitleOf(input.prompt)
                : // An interval timer is called one; a stopwatch or a metronome is one unless a focus timer is asked for too.
                  kind === 'timer' && !themed && features.includes('intervals')
                  ? 'Interval Timer'
                  : kind === 'timer' && !themed && !/\b(?:pomodoro|focus)\b/i.test(input.prompt)
                    ? features.includes('stopwatch')
                      ? 'Stopwatch'
                      : features.includes('metronome')
                        ? 'Metronome'
                        : null
                    : null;
  const title = analysis.appName ?? (themed ? theme.title : (toolTitle ?? APP_KINDS[kind].title));
  const projectName = analysis.appName
    ? analysis.projectName
    : themed
      ? theme.projectName
      : toolTitle
        ? slugify(toolTitle)
        : APP_KINDS[kind].defaultProjectName;
  return {
    spec: {
      kind,
      features,
      title,
      projectName,
      designTarget,
      ...(analysis.accent ? { accent: analysis.accent } : {}),
      ...(features.includes('intervals') ? { intervals: intervalWorkout(input.prompt) } : {}),
    },
    analysis,
    usedFallbackKind: input.kind === undefined && themeKind === null && analysis.kind === null,
    droppedFeatures,
  };
}

function describeDraft(draft: ResolvedDraft, prompt: string): string {
  const { spec } = draft;
  const sentences = [`${spec.title}: ${kindDescription(spec.kind, spec.features)}`];
  if (spec.features.length > 0) {
    sentences.push(`Features: ${spec.features.map((f) => FEATURES[f].title.toLowerCase()).join(', ')}.`);
  }
  if (draft.usedFallbackKind) {
    sentences.push(
      `The request named no app kind this generator knows, so it built the default: ${APP_KINDS[spec.kind].title.toLowerCase()}.`,
    );
  }
  if (draft.droppedFeatures.length > 0) {
    sentences.push(
      `Not available for this kind of app: ${draft.droppedFeatures.map((f) => FEATURES[f].title.toLowerCase()).join(', ')}.`,
    );
  }
  const theme = themeFor(spec.designTarget);
  if (theme) {
    sentences.push(
      `Design target: ${theme.id}, theme ${theme.name} v${theme.version}${theme.kind === spec.kind ? '' : ' (colours and type only: the theme is built for a different kind of app)'}.`,
    );
  } else if (spec.designTarget) {
    sentences.push(
      `Design target: ${spec.designTarget} (recorded as data-design-target; no theme exists for it, so the default look is used).`,
    );
  }
  if (spec.accent) sentences.push(`Accent colour: ${spec.accent}.`);
  const excerpt = prompt.replace(/\s+/g, ' ').trim();
  if (excerpt !== '') {
    const clipped = excerpt.length > MAX_PROMPT_EXCERPT ? `${excerpt.slice(0, MAX_PROMPT_EXCERPT - 1)}…` : excerpt;
    sentences.push(`Request: "${clipped}"`);
  }
  const description = sentences.join(' ');
  return description.length > MAX_DESCRIPTION_LENGTH ? description.slice(0, MAX_DESCRIPTION_LENGTH) : description;
}

function manifestFor(spec: AppSpec, description: string): GantryManifest {
  return GantryManifestSchema.parse({
    project_name: spec.projectName,
    stack: OFFLINE_STACK,
    description,
    features: [...spec.features],
    files: renderAppFiles(spec).map((f) => ({ path: f.path, content: f.content })),
    audit_command: AUDIT_COMMAND,
    build_command: BUILD_COMMAND,
    output_dir: OUTPUT_DIR,
    run_command: RUN_COMMAND,
  });
}

/** Thrown for a request the offline architect will not build: what a static app cannot do, or words it cannot read. */
export class RequestNotBuildableError extends GantryError {
  constructor(code: string, message: string, details: Record<string, unknown>) {
    super(code, message, 422, details);
    this.name = 'RequestNotBuildableError';
  }
}

/** What a draft was built as, when that differs from the literal request. */
export interface Interpretation {
  readonly interpretedAs: string | null;
  readonly leftOut: readonly string[];
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function requestExcerpt(prompt: string): string | null {
  const excerpt = prompt.replace(/\s+/g, ' ').trim();
  if (excerpt === '') return null;
  return `Request: "${excerpt.length > MAX_PROMPT_EXCERPT ? `${excerpt.slice(0, MAX_PROMPT_EXCERPT - 1)}…` : excerpt}"`;
}

function interpretationSentences(i: Interpretation): string[] {
  return [
    i.interpretedAs ? `Interpreted as ${i.interpretedAs}.` : null,
    i.leftOut.length > 0 ? `Left out: ${i.leftOut.join('; ')}.` : null,
  ].filter((s): s is string => s !== null);
}

/** Features recorded on the manifest of a compiled app: what it does, in short ids. */
function compiledFeatures(spec: CompiledAppSpec): string[] {
  const ids = new Set<string>(['local-storage']);
  if (spec.look.dark) ids.add('dark-mode');
  for (const b of spec.behaviours) ids.add(b.type);
  return [...ids];
}

/** The manifest of an app compiled from `spec`, described in words for the plan and the evidence. */
export function compiledManifest(spec: CompiledAppSpec, prompt: string, interpretation: Interpretation): GantryManifest {
  const words = describeSpec(spec);
  const description = [
    `${spec.title}: ${words.summary}`,
    ...words.lines.map((l) => `${l}.`),
    ...interpretationSentences(interpretation),
    requestExcerpt(prompt),
  ]
    .filter((s): s is string => s !== null)
    .join(' ');
  return GantryManifestSchema.parse({
    project_name: spec.projectName,
    stack: OFFLINE_STACK,
    description: clip(description, MAX_DESCRIPTION_LENGTH),
    features: compiledFeatures(spec),
    files: compileApp(spec).map((f) => ({ path: f.path, content: f.content })),
    audit_command: AUDIT_COMMAND,
    build_command: BUILD_COMMAND,
    output_dir: OUTPUT_DIR,
    run_command: RUN_COMMAND,
  });
}

/** The refusal of a request no static app can serve, as the error the API answers 422 with. */
export function refusalError(reading: Extract<RequestReading, { outcome: 'refused' }>): RequestNotBuildableError {
  return new RequestNotBuildableError(reading.code, reading.message, {
    left_out: reading.leftOut,
    ...(reading.language ? { language: reading.language } : {}),
  });
}

/**
 * Drafts a complete app for a request: a static web app with no dependencies, pure logic
 * modules with `node:test` unit tests, a checked build into `dist/`, and a README.
 * Deterministic: the same input always gives a byte-identical manifest.
 *
 * An app spec (from a confirmed plan) is compiled as it is; a kind from a plan uses its template;
 * otherwise the request is read (readRequest): compiled from a spec, built from a kind template,
 * or refused with a RequestNotBuildableError (422), never swapped for another app.
 */
export function draftManifest(input: DraftInput): GantryManifest {
  if (input.appSpec !== undefined && input.appSpec !== null) {
    const spec = parseAppSpec(input.appSpec, 'the confirmed plan');
    return compiledManifest(spec, input.prompt, { interpretedAs: null, leftOut: [] });
  }
  // A caller that names a kind, features or a registry theme chose a kind template itself.
  const themed = input.designTarget !== undefined && themeFor(normalizeDesignTarget(input.designTarget)) !== null;
  if (input.kind !== undefined || input.features !== undefined || themed) {
    const draft = resolveDraft(input);
    return manifestFor(draft.spec, describeDraft(draft, input.prompt));
  }
  const reading = readRequest(input.prompt);
  if (reading.outcome === 'refused') throw refusalError(reading);
  if (reading.outcome === 'spec') return compiledManifest(reading.spec, input.prompt, reading);
  // The kind template's own reading keeps its theme rules ("a Trello-style todo list" is a board);
  // a request read from another language names its kind only through the translation.
  // A game asked for without a name is the game kind, which no word of the request names; so is a
  // calculator asked for by its formula alone ("split the dinner bill with tip").
  const unnamed = reading.language || reading.kind === 'game' || analyzeRequest(input.prompt).kind === null;
  const draft = resolveDraft(unnamed ? { ...input, kind: reading.kind } : input);
  const description = [describeDraft(draft, ''), ...interpretationSentences(reading), requestExcerpt(input.prompt)]
    .filter((s): s is string => s !== null && s !== '')
    .join(' ');
  return manifestFor(draft.spec, clip(description, MAX_DESCRIPTION_LENGTH));
}

// ---------------------------------------------------------------------------------------------
// Heal

export interface HealInput {
  readonly manifest: GantryManifest;
  /** The command that failed (`npm test`, `npm run build`); only reported. */
  readonly failingCommand: string;
  /** The end of its output; an added file is removed only when the log names it. */
  readonly logTail: string;
  readonly prompt: string;
}

/** What an offline heal would change, and why. */
export interface HealPlan {
  /** The spec the app was recognised as: a kind template's, or an app spec the app was compiled from. */
  readonly spec: AppSpec | CompiledAppSpec;
  /** Generated files whose content differed and were restored. */
  readonly restored: readonly string[];
  /** Generated files that were missing and were written again. */
  readonly added: readonly string[];
  /** Files the generator never writes that the failure log names; they are removed. */
  readonly removed: readonly string[];
  /** Manifest fields (commands, output directory, stack) put back to the generator's values. */
  readonly fields: readonly string[];
  /** One sentence for the mission log. */
  readonly summary: string;
  readonly manifest: GantryManifest;
}

/** The block every generated package.json and build.mjs carry: enough to regenerate the app. */
const BuildInfoSchema = z.object({
  name: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,49}$/)),
  title: z.string().check(z.minLength(1), z.maxLength(80)),
  kind: AppKindIdSchema,
  features: z.array(FeatureIdSchema),
  designTarget: z.nullable(z.string()),
  accent: z.nullish(AccentIdSchema),
  intervals: z.nullish(
    z.object({
      prepareSeconds: z.number().check(z.int(), z.gte(0), z.lte(60)),
      workSeconds: z.number().check(z.int(), z.gte(5), z.lte(3600)),
      restSeconds: z.number().check(z.int(), z.gte(0), z.lte(3600)),
      rounds: z.number().check(z.int(), z.gte(1), z.lte(99)),
    }),
  ),
});

function specFromBuildInfo(raw: unknown): AppSpec | null {
  const parsed = BuildInfoSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { name, title, kind, features, designTarget, accent, intervals } = parsed.data;
  return {
    kind,
    features: orderFeatures(features.filter((f) => supportsFeature(kind, f))),
    title: cleanAppName(title) ?? APP_KINDS[kind].title,
    projectName: name,
    designTarget: normalizeDesignTarget(designTarget),
    ...(accent ? { accent } : {}),
    ...(intervals && features.includes('intervals') ? { intervals } : {}),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The app spec a compiled app carries in its package.json or build.mjs (both, when they agree, count once). */
function compiledCandidates(manifest: GantryManifest): CompiledAppSpec[] {
  const byPath = new Map(manifest.files.map((f) => [f.path, f.content]));
  const found: CompiledAppSpec[] = [];
  const pkg = parseJson(byPath.get('package.json') ?? '');
  const buildLine = /^const APP = (\{.*\});$/m.exec(byPath.get('build.mjs') ?? '');
  for (const info of [
    pkg && typeof pkg === 'object' && 'gantry' in pkg ? (pkg as { gantry: unknown }).gantry : null,
    parseJson(buildLine?.[1] ?? ''),
  ]) {
    if (!info || typeof info !== 'object' || (info as { kind?: unknown }).kind !== COMPILED_KIND) continue;
    try {
      const spec = parseAppSpec((info as { spec?: unknown }).spec, 'the damaged app');
      if (!found.some((s) => JSON.stringify(s) === JSON.stringify(spec))) found.push(spec);
    } catch {
      // A damaged spec block is not something to compile: the template candidates still apply.
    }
  }
  return found;
}

/** Specs the damaged app may have been generated from, most trustworthy first. */
function candidateSpecs(manifest: GantryManifest, prompt: string): AppSpec[] {
  const byPath = new Map(manifest.files.map((f) => [f.path, f.content]));
  const candidates: AppSpec[] = [];
  const pkg = parseJson(byPath.get('package.json') ?? '');
  if (pkg && typeof pkg === 'object' && 'gantry' in pkg) {
    const spec = specFromBuildInfo((pkg as { gantry: unknown }).gantry);
    if (spec) candidates.push(spec);
  }
  const buildLine = /^const APP = (\{.*\});$/m.exec(byPath.get('build.mjs') ?? '');
  if (buildLine?.[1]) {
    const spec = specFromBuildInfo(parseJson(buildLine[1]));
    if (spec) candidates.push(spec);
  }
  const features = manifest.features.filter((f): f is FeatureId => FeatureIdSchema.safeParse(f).success);
  const fromPrompt = resolveDraft({ prompt, features }).spec;
  candidates.push({ ...fromPrompt, projectName: manifest.project_name }, fromPrompt, resolveDraft({ prompt }).spec);
  const seen = new Set<string>();
  return candidates.filter((spec) => {
    const key = JSON.stringify(spec);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mentions(logTail: string, path: string): boolean {
  return logTail.includes(path);
}

/**
 * Works out the offline architect's honest heal: recognise which generated app the manifest is
 * (from its package.json or build.mjs, else from the prompt), and put back every generated file
 * that was deleted or altered, plus the generator's commands. Returns null when nothing differs
 * from what the generator would write (the failure is not in the files it owns) or when the
 * manifest is not recognisably one of its apps.
 */
export function planHeal(input: HealInput): HealPlan | null {
  const { manifest } = input;
  const actual = new Map(manifest.files.map((f) => [f.path, f.content]));
  let best: { spec: AppSpec | CompiledAppSpec; label: string; expected: ManifestFile[]; matches: number } | null = null;
  const candidates: Array<{ spec: AppSpec | CompiledAppSpec; label: string; files: () => ManifestFile[] }> = [
    ...compiledCandidates(manifest).map((spec) => ({ spec, label: 'app spec', files: () => compileApp(spec) })),
    ...candidateSpecs(manifest, input.prompt).map((spec) => ({
      spec,
      label: `${spec.kind} template`,
      files: () => renderAppFiles(spec),
    })),
  ];
  for (const candidate of candidates) {
    const expected = candidate.files();
    const matches = expected.filter((f) => actual.get(f.path) === f.content).length;
    if (best === null || matches > best.matches) best = { spec: candidate.spec, label: candidate.label, expected, matches };
  }
  // Below half the files it is not a damaged app of this generator but a different one: rewriting it is not a heal.
  if (best === null || best.matches * 2 < best.expected.length) return null;

  const expectedPaths = new Set(best.expected.map((f) => f.path));
  const restored: string[] = [];
  const added: string[] = [];
  for (const file of best.expected) {
    const current = actual.get(file.path);
    if (current === undefined) added.push(file.path);
    else if (current !== file.content) restored.push(file.path);
  }
  const extras = manifest.files.filter((f) => !expectedPaths.has(f.path));
  const removed = extras.filter((f) => mentions(input.logTail, f.path)).map((f) => f.path);
  const kept = extras.filter((f) => !removed.includes(f.path));

  const generatorFields = {
    stack: OFFLINE_STACK,
    audit_command: AUDIT_COMMAND,
    build_command: BUILD_COMMAND,
    output_dir: OUTPUT_DIR,
  } as const;
  const fields = (Object.keys(generatorFields) as Array<keyof typeof generatorFields>).filter(
    (key) => manifest[key] !== generatorFields[key],
  );

  if (restored.length + added.length + removed.length + fields.length === 0) return null;

  const healed = GantryManifestSchema.parse({
    ...manifest,
    ...generatorFields,
    files: [...best.expected.map((f) => ({ path: f.path, content: f.content })), ...kept],
  });
  const parts = [
    restored.length > 0 && `restored ${restored.join(', ')}`,
    added.length > 0 && `re-added ${added.join(', ')}`,
    removed.length > 0 && `removed ${removed.join(', ')}`,
    fields.length > 0 && `reset ${fields.join(', ')}`,
  ].filter((p): p is string => typeof p === 'string');
  const failed = input.failingCommand.trim() || 'the build';
  return {
    spec: best.spec,
    restored,
    added,
    removed,
    fields,
    summary: `After "${failed}" failed, the offline architect ${parts.join('; ')} from its ${best.label}.`,
    manifest: healed,
  };
}

/**
 * The offline architect's heal: the manifest with the generator's version of every damaged or
 * missing file, or null when it cannot help (see planHeal).
 */
export function healManifest(input: HealInput): GantryManifest | null {
  return planHeal(input)?.manifest ?? null;
}
