import * as z from '../../zod';
import { GantryError } from '../../errors';
import { AccentIdSchema, ThemeIdSchema } from '../themes';

/**
 * The app spec: the common language between a plan, the offline architect's compiler and the LLM
 * architects. Entities with typed fields, relations, views, behaviours and a look. Every boundary
 * (consultant output, architect input, LLM output) parses it with `AppSpecSchema`; a spec that
 * refers to a missing entity or field, or asks a behaviour of a field of the wrong type, is refused.
 */

export const FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'money',
  'date',
  /** A time of day, "18:30" (24-hour, minutes). */
  'time',
  'boolean',
  'rating',
  'tags',
  'choice',
  'url',
  'image',
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

const IdSchema = z
  .string()
  .check(z.regex(/^[a-z][a-zA-Z0-9]{0,30}$/, 'ids are camelCase letters and digits, starting with a lower-case letter'));
const LabelSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

export const FieldSpecSchema = z
  .object({
    id: IdSchema,
    label: LabelSchema,
    type: FieldTypeSchema,
    required: z._default(z.boolean(), false),
    /** The values a `choice` field offers, in order (a board shows one column per value). */
    options: z.optional(z.array(LabelSchema).check(z.minLength(2), z.maxLength(12))),
  })
  .check(
    z.superRefine((f, ctx) => {
      if (f.type === 'choice' && !f.options)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options' });
      if (f.type !== 'choice' && f.options)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'only a choice field has options' });
    }),
  );
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

/** The most fields one entity (one record) has. */
export const MAX_ENTITY_FIELDS = 12;

export const EntitySpecSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  plural: LabelSchema,
  fields: z.array(FieldSpecSchema).check(z.minLength(1), z.maxLength(MAX_ENTITY_FIELDS)),
  /** An entity that belongs to another (a check-in belongs to a habit): the parent's id is kept in `field`. */
  parent: z._default(z.nullable(z.object({ entity: IdSchema, field: IdSchema })), null),
});
export type EntitySpec = z.infer<typeof EntitySpecSchema>;

export const VIEW_TYPES = ['list', 'table', 'cards', 'board', 'calendar', 'detail', 'form'] as const;
export const ViewSpecSchema = z.object({
  type: z.enum(VIEW_TYPES),
  entity: IdSchema,
  /** The choice field a board has columns for, or the date field a calendar places records by. */
  field: z._default(z.nullable(IdSchema), null),
});
export type ViewSpec = z.infer<typeof ViewSpecSchema>;

const onEntity = { entity: IdSchema };
export const BehaviourSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crud'), ...onEntity }),
  z.object({ type: z.literal('search'), ...onEntity }),
  z.object({ type: z.literal('filter'), ...onEntity, field: IdSchema }),
  z.object({ type: z.literal('sort'), ...onEntity, field: IdSchema, direction: z._default(z.enum(['asc', 'desc']), 'asc') }),
  z.object({ type: z.literal('group'), ...onEntity, field: IdSchema }),
  /**
   * The sum of a number or money field, overall or per value of `by`; by a date field, per day or
   * `per` week, month or year.
   */
  z.object({
    type: z.literal('total'),
    ...onEntity,
    field: IdSchema,
    by: z._default(z.nullable(IdSchema), null),
    per: z.optional(z.enum(['day', 'week', 'month', 'year'])),
  }),
  z.object({ type: z.literal('count'), ...onEntity, by: IdSchema }),
  /**
   * A figure worked out from two number or money fields: `field` ÷ `divisor` × `scale`, on each
   * record and over the records shown (their sums' ratio, so a long trip counts for more than a
   * short one): "miles per gallon" (miles ÷ gallons), "litres per 100 km" (litres ÷ km × 100), a
   * pace (minutes ÷ km). `label` names it ("Miles per gallon").
   */
  z.object({
    type: z.literal('ratio'),
    ...onEntity,
    field: IdSchema,
    divisor: IdSchema,
    scale: z._default(z.number().check(z.positive(), z.lte(1e6)), 1),
    label: LabelSchema,
  }),
  /**
   * A figure worked out as one number or money field less others, on each record and summed over
   * the records shown: a profit (the sold price less the fees and what it cost), a net. A record
   * without `field`, or without every one of `less`, has none; one of `less` left empty counts as
   * nothing. `label` names it ("Profit").
   */
  z.object({
    type: z.literal('difference'),
    ...onEntity,
    field: IdSchema,
    less: z.array(IdSchema).check(z.minLength(1), z.maxLength(4)),
    label: LabelSchema,
  }),
  /** The mean of a number, money or rating field (per group with `by`; each record counted by its `weight` when given). */
  z.object({
    type: z.literal('average'),
    ...onEntity,
    field: IdSchema,
    by: z._default(z.nullable(IdSchema), null),
    weight: z._default(z.nullable(IdSchema), null),
  }),
  /** Consecutive days with a record of `entity` (a child entity), per parent record; "tick off today" adds one. */
  /**
   * The records whose number has reached their own limit, picked out on each and counted with
   * their names: `field` at or below `limit` (stock down to its reorder point: "Low stock"), or,
   * with `below` false, at or above it (shoes run to the distance to retire them at). `label`
   * names them.
   */
  z.object({
    type: z.literal('threshold'),
    ...onEntity,
    field: IdSchema,
    limit: IdSchema,
    below: z._default(z.boolean(), true),
    label: LabelSchema,
  }),
  /**
   * How a number moved from record to record in date order (by the entity's first date field):
   * each record shows its `field` less the record's before it, and the summary the change from the
   * earliest to the latest record shown. With `by`, each value of that field is a series of its
   * own (each meter's readings). `label` names it ("Used", "Change").
   */
  z.object({
    type: z.literal('change'),
    ...onEntity,
    field: IdSchema,
    by: z._default(z.nullable(IdSchema), null),
    label: LabelSchema,
  }),
  /**
   * What is left: the sum of `field` over the records whose `kind` (a choice) is not one of
   * `minus`, less the sum over those whose kind is ("Income" less "Spending"; an allowance, a
   * gift and money earned less what was spent or saved), over all the records whatever a search
   * shows. With `by`, one balance per value of that field (each kid's pocket money). `label` names
   * it ("Left", "Balance").
   */
  z.object({
    type: z.literal('balance'),
    ...onEntity,
    field: IdSchema,
    kind: IdSchema,
    minus: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.minLength(1), z.maxLength(11)),
    by: z._default(z.nullable(IdSchema), null),
    label: LabelSchema,
  }),
  /**
   * Days in a row with a record, by `field` (a date). On an entity with a parent (a habit's
   * check-ins): a streak per parent record, with a button to tick off today. On one without (a
   * workout log): one streak over all its records, "days in a row I worked out".
   */
  z.object({ type: z.literal('streak'), ...onEntity, field: IdSchema }),
  z.object({ type: z.literal('due-today'), ...onEntity, field: IdSchema }),
  /** − and + buttons on each record that count a number field down and up by one (never below zero): a tally. */
  z.object({ type: z.literal('step'), ...onEntity, field: IdSchema }),
  /** Days left to each record's date, soonest first; `yearly`: the date comes round every year (birthdays). */
  z.object({ type: z.literal('countdown'), ...onEntity, field: IdSchema, yearly: z._default(z.boolean(), false) }),
  /**
   * How far the sum of a number or money field has got to `target`, over the records dated in
   * today's day, week (Monday to Sunday), month or year by the entity's first date field, or over all of
   * them: a goal to reach ("8 glasses a day") or, with `limit`, one to stay under ("500 a month").
   * `latest`: no sum, the newest record's value against the target, from the oldest one's (a
   * weight to get down or up to: "a goal of 70 kg"). A null `target` is set in the app by the
   * person ("a savings goal tracker", "a weight loss tracker with goal weight"), and kept with the
   * records.
   */
  z.object({
    type: z.literal('goal'),
    ...onEntity,
    field: IdSchema,
    target: z.nullable(z.number().check(z.positive(), z.lte(1e12))),
    per: z._default(z.enum(['day', 'week', 'month', 'year', 'all', 'latest']), 'all'),
    limit: z._default(z.boolean(), false),
  }),
  /**
   * How many records there are against `target`, of those dated in today's day, week, month or
   * year by the entity's first date field, or of all: "30 books this year", "12 hikes". A null
   * `target` is set in the app ("a reading goal tracker").
   */
  z.object({
    type: z.literal('count-goal'),
    ...onEntity,
    target: z.nullable(z.int().check(z.gte(1), z.lte(1_000_000))),
    per: z._default(z.enum(['day', 'week', 'month', 'year', 'all']), 'all'),
  }),
  z.object({ type: z.literal('timer'), minutes: z.number().check(z.int(), z.gte(1), z.lte(180)) }),
  z.object({ type: z.literal('flip'), ...onEntity, front: IdSchema, back: IdSchema }),
  z.object({ type: z.literal('import-export') }),
  z.object({ type: z.literal('undo') }),
]);
export type BehaviourSpec = z.infer<typeof BehaviourSpecSchema>;
export type BehaviourType = BehaviourSpec['type'];

export const LookSpecSchema = z.object({
  theme: z._default(z.nullable(ThemeIdSchema), null),
  dark: z._default(z.boolean(), false),
  density: z._default(z.enum(['comfortable', 'compact']), 'comfortable'),
  /** The colour of buttons, links and highlights; absent or null: the theme's or the default one. */
  accent: z.nullish(AccentIdSchema),
});
export type LookSpec = z.infer<typeof LookSpecSchema>;

/** The type of field a view is laid out by: a board's columns are a choice's values, a calendar's days a date's. */
export function viewFieldType(type: string): FieldType | null {
  return type === 'board' ? 'choice' : type === 'calendar' ? 'date' : null;
}

export const FIELD_KINDS_FOR: Partial<Record<string, readonly FieldType[]>> = {
  filter: ['tags', 'choice', 'boolean'],
  group: ['choice', 'tags', 'boolean', 'date', 'text'],
  total: ['number', 'money'],
  goal: ['number', 'money'],
  average: ['number', 'money', 'rating'],
  ratio: ['number', 'money'],
  threshold: ['number', 'money'],
  change: ['number', 'money'],
  balance: ['number', 'money'],
  difference: ['number', 'money'],
  count: ['choice', 'tags', 'boolean', 'date', 'text'],
  streak: ['date'],
  'due-today': ['date'],
  step: ['number'],
  countdown: ['date'],
  sort: ['text', 'number', 'money', 'date', 'time', 'rating', 'choice', 'boolean'],
};

export const AppSpecSchema = z
  .object({
    version: z.literal(1),
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
    projectName: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)),
    /** The app in a few words with its article, for sentences: "a habit tracker". */
    phrase: z.string().check(z.trim(), z.minLength(3), z.maxLength(80)),
    entities: z.array(EntitySpecSchema).check(z.minLength(1), z.maxLength(6)),
    views: z.array(ViewSpecSchema).check(z.minLength(1), z.maxLength(12)),
    behaviours: z.array(BehaviourSpecSchema).check(z.maxLength(30)),
    look: LookSpecSchema,
  })
  .check(
    z.superRefine((spec, ctx) => {
      const entities = new Map(spec.entities.map((e) => [e.id, e]));
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (entities.size !== spec.entities.length) issue(['entities'], 'entity ids must be unique');
      const fieldOf = (entityId: string, fieldId: string) => entities.get(entityId)?.fields.find((f) => f.id === fieldId);
      spec.entities.forEach((entity, i) => {
        if (new Set(entity.fields.map((f) => f.id)).size !== entity.fields.length)
          issue(['entities', i, 'fields'], 'field ids must be unique');
        if (entity.parent) {
          if (!entities.has(entity.parent.entity) || entity.parent.entity === entity.id) {
            issue(['entities', i, 'parent'], `unknown parent entity "${entity.parent.entity}"`);
          }
          if (entity.fields.some((f) => f.id === entity.parent!.field)) {
            issue(['entities', i, 'parent', 'field'], 'the parent link is not one of the typed fields');
          }
        }
      });
      spec.views.forEach((view, i) => {
        if (!entities.has(view.entity)) return issue(['views', i, 'entity'], `unknown entity "${view.entity}"`);
        const wanted = viewFieldType(view.type);
        if (wanted) {
          const field = view.field ? fieldOf(view.entity, view.field) : undefined;
          if (field?.type !== wanted) issue(['views', i, 'field'], `a ${view.type} needs a ${wanted} field of ${view.entity}`);
        }
      });
      spec.behaviours.forEach((b, i) => {
        if (!('entity' in b)) return;
        const entity = entities.get(b.entity);
        if (!entity) return issue(['behaviours', i, 'entity'], `unknown entity "${b.entity}"`);
        const checks: Array<[string, string]> = [];
        if ('field' in b) checks.push(['field', b.field]);
        if ((b.type === 'total' || b.type === 'average' || b.type === 'change' || b.type === 'balance') && b.by)
          checks.push(['by', b.by]);
        if (b.type === 'balance') checks.push(['kind', b.kind]);
        if (b.type === 'difference') for (const id of b.less) checks.push(['less', id]);
        if (b.type === 'average' && b.weight) checks.push(['weight', b.weight]);
        if (b.type === 'count') checks.push(['by', b.by]);
        if (b.type === 'ratio') checks.push(['divisor', b.divisor]);
        if (b.type === 'threshold') checks.push(['limit', b.limit]);
        if (b.type === 'flip') checks.push(['front', b.front], ['back', b.back]);
        for (const [key, id] of checks) {
          const field = fieldOf(b.entity, id);
          if (!field) {
            issue(['behaviours', i, key], `${b.entity} has no field "${id}"`);
            continue;
          }
          const allowed =
            key === 'field'
              ? FIELD_KINDS_FOR[b.type]
              : key === 'by'
                ? FIELD_KINDS_FOR.group
                : key === 'weight'
                  ? (['number'] as const)
                  : key === 'kind'
                    ? (['choice'] as const)
                    : key === 'divisor' || key === 'limit' || key === 'less'
                      ? FIELD_KINDS_FOR[b.type]
                      : undefined;
          if (allowed && !allowed.includes(field.type)) {
            issue(['behaviours', i, key], `${b.type} cannot use the ${field.type} field "${id}"`);
          }
        }
        if (b.type === 'total' && b.per && (!b.by || fieldOf(b.entity, b.by)?.type !== 'date'))
          issue(['behaviours', i, 'per'], 'a total per period is by a date field');
        if ((b.type === 'goal' || b.type === 'count-goal') && b.per !== 'all' && !entity.fields.some((f) => f.type === 'date'))
          issue(
            ['behaviours', i, 'per'],
            `a goal ${b.per === 'latest' ? 'on the latest value' : `per ${b.per}`} needs a date field of ${b.entity}`,
          );
        if (b.type === 'difference' && (b.less.includes(b.field) || new Set(b.less).size !== b.less.length))
          issue(['behaviours', i, 'less'], 'a difference takes other fields, each once, from its field');
        if (b.type === 'ratio' && b.divisor === b.field)
          issue(['behaviours', i, 'divisor'], 'a ratio divides one field by another');
        if (b.type === 'threshold' && b.limit === b.field)
          issue(['behaviours', i, 'limit'], 'a threshold compares one field with another');
        if (b.type === 'change' && !entity.fields.some((f) => f.type === 'date'))
          issue(['behaviours', i, 'entity'], `a change from record to record needs a date field of ${b.entity}`);
        if (b.type === 'balance') {
          const options = fieldOf(b.entity, b.kind)?.options ?? [];
          const unknown = b.minus.filter((m) => !options.includes(m));
          if (options.length && unknown.length)
            issue(['behaviours', i, 'minus'], `"${unknown[0]}" is not one of ${b.kind}'s options (${options.join(', ')})`);
          else if (options.length && options.every((o) => b.minus.includes(o)))
            issue(['behaviours', i, 'minus'], `a balance needs at least one of ${b.kind}'s options to add (all are taken off)`);
          if (b.by === b.kind)
            issue(['behaviours', i, 'by'], 'a balance per series is by another field than the one telling in from out');
        }
        if (b.type === 'change' && b.by && fieldOf(b.entity, b.by)?.type === 'date')
          issue(['behaviours', i, 'by'], 'a change is by date already; by names the series, such as a meter');
      });
    }),
  );
export type AppSpec = z.infer<typeof AppSpecSchema>;
export type AppSpecInput = z.input<typeof AppSpecSchema>;

/** Thrown when a spec does not pass the schema; names the first problems in plain words. */
export class InvalidAppSpecError extends GantryError {
  constructor(
    readonly where: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(
      'INVALID_APP_SPEC',
      `Invalid app spec from ${where}: ${issues
        .slice(0, 3)
        .map((i) => `${i.path || '(root)'}: ${i.message}`)
        .join('; ')}`,
      400,
      { where, issues: issues.slice(0, 20) },
    );
    this.name = 'InvalidAppSpecError';
  }
}

/** Parses an app spec at a boundary (`where` names it in the error); never casts. */
export function parseAppSpec(raw: unknown, where: string): AppSpec {
  const parsed = AppSpecSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InvalidAppSpecError(
    where,
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
