import { THEMES } from '../themes';
import type { AppSpec, BehaviourSpec, EntitySpec } from './app-spec-schema';

/**
 * An app spec in words, for the plan a person confirms, the README and the evidence:
 * "Entities: Habit (name), Check-in (date); Views: list; Behaviours: streak per habit, tick off
 * today; Look: dark mode".
 */

const TYPE_WORDS: Readonly<Record<string, string>> = {
  longtext: 'long text',
  money: 'money',
  date: 'date',
  time: 'time',
  boolean: 'yes/no',
  rating: 'stars',
  tags: 'tags',
  url: 'link',
  image: 'image link',
  number: 'number',
};

function entityName(spec: AppSpec, id: string): string {
  return spec.entities.find((e) => e.id === id)?.name ?? id;
}

/** The entity's plural as its spec spells it ("people", "mood entries"). */
function entityPlural(spec: AppSpec, id: string): string {
  const entity = spec.entities.find((e) => e.id === id);
  return (entity?.plural ?? `${id}s`).toLowerCase();
}

function fieldOf(spec: AppSpec, entityId: string, fieldId: string) {
  return spec.entities.find((e) => e.id === entityId)?.fields.find((f) => f.id === fieldId);
}

function fieldLabel(spec: AppSpec, entityId: string, fieldId: string): string {
  return (fieldOf(spec, entityId, fieldId)?.label ?? fieldId).toLowerCase();
}

function entityWords(spec: AppSpec, entity: EntitySpec): string {
  const fields = entity.fields.map((f) => {
    const type = f.type === 'choice' ? `${f.options?.join('/')}` : TYPE_WORDS[f.type];
    return type ? `${f.label.toLowerCase()}: ${type}` : f.label.toLowerCase();
  });
  const parent = entity.parent ? `, belongs to a ${entityName(spec, entity.parent.entity).toLowerCase()}` : '';
  return `${entity.name} (${fields.join(', ')}${parent})`;
}

/** What a total is per: a field's values, or by a date field a day, week, month or year ("per month of paid on"). */
function perWords(spec: AppSpec, entityId: string, fieldId: string, per: string | undefined): string {
  const label = fieldLabel(spec, entityId, fieldId);
  const field = spec.entities.find((e) => e.id === entityId)?.fields.find((f) => f.id === fieldId);
  if (field?.type !== 'date') return label;
  return `${per ?? 'day'}${label === 'date' ? '' : ` of ${label}`}`;
}

/** One behaviour in a few words. */
export function behaviourWords(spec: AppSpec, b: BehaviourSpec): string {
  switch (b.type) {
    case 'crud':
      return `add, edit and delete ${entityPlural(spec, b.entity)}`;
    case 'search':
      return `search ${entityPlural(spec, b.entity)}`;
    case 'filter':
      return `filter by ${fieldLabel(spec, b.entity, b.field)}`;
    case 'sort':
      return `sort by ${fieldLabel(spec, b.entity, b.field)}`;
    case 'group':
      return `group by ${fieldLabel(spec, b.entity, b.field)}`;
    case 'total':
      return `total ${fieldLabel(spec, b.entity, b.field)}${b.by ? ` per ${perWords(spec, b.entity, b.by, b.per)}` : ''}`;
    case 'average':
      return `average ${fieldLabel(spec, b.entity, b.field)}${b.by ? ` per ${fieldLabel(spec, b.entity, b.by)}` : ''}${
        b.weight ? ` weighted by ${fieldLabel(spec, b.entity, b.weight)}` : ''
      }`;
    case 'ratio':
      // ("miles per gallon (Miles ÷ Gallons) on each and overall", "litres per 100 km (Litres ÷ Distance × 100) …")
      return `${b.label.toLowerCase()} (${fieldLabel(spec, b.entity, b.field)} ÷ ${fieldLabel(spec, b.entity, b.divisor)}${
        b.scale === 1 ? '' : ` × ${b.scale}`
      }) on each and overall`;
    case 'threshold':
      // ("low stock (Quantity at or below Reorder at) picked out and counted")
      return `${b.label.toLowerCase()} (${fieldLabel(spec, b.entity, b.field)} at or ${b.below ? 'below' : 'above'} ${fieldLabel(
        spec,
        b.entity,
        b.limit,
      )}) picked out and counted`;
    case 'change':
      // ("used (Reading since the one before, per meter) on each and overall")
      return `${b.label.toLowerCase()} (${fieldLabel(spec, b.entity, b.field)} since the one before${
        b.by ? `, per ${fieldLabel(spec, b.entity, b.by).toLowerCase()}` : ''
      }) on each and overall`;
    case 'goal':
      // ("a goal of 8 glasses", "a goal of 5000 in amount": money is no unit.)
      // (One whose target is set in the app: "a goal of weight by the latest entry, set in the app".)
      return `${b.limit ? 'a limit' : 'a goal'} of ${b.target === null ? '' : `${b.target} `}${fieldOf(spec, b.entity, b.field)?.type === 'money' && b.target !== null ? 'in ' : ''}${fieldLabel(spec, b.entity, b.field)}${
        b.per === 'latest' ? ' by the latest entry' : b.per === 'all' ? '' : ` a ${b.per}`
      }${b.target === null ? ', set in the app' : ''}, with how far it has got`;
    case 'count-goal':
      return `a goal of ${b.target === null ? '' : `${b.target} `}${entityPlural(spec, b.entity)}${b.per === 'all' ? '' : ` a ${b.per}`}${
        b.target === null ? ', set in the app' : ''
      }, with how far it has got`;
    case 'count':
      return `count per ${fieldLabel(spec, b.entity, b.by)}`;
    case 'difference':
      return `${b.label.toLowerCase()} (${fieldLabel(spec, b.entity, b.field)} less ${b.less
        .map((id) => fieldLabel(spec, b.entity, id))
        .join(' and ')}) on each and in all`;
    case 'balance':
      return `${b.label.toLowerCase()}: ${fieldLabel(spec, b.entity, b.field)} in less out (${b.minus.join(', ')} taken off)${
        b.by ? ` per ${fieldLabel(spec, b.entity, b.by)}` : ''
      }`;
    case 'streak': {
      const parent = spec.entities.find((e) => e.id === b.entity)?.parent?.entity;
      return parent
        ? `streak per ${entityName(spec, parent).toLowerCase()}, tick off today`
        : `days in a row with ${entityPlural(spec, b.entity)} (a streak)`;
    }
    case 'due-today':
      return `due today by ${fieldLabel(spec, b.entity, b.field)}`;
    case 'step':
      return `− and + on the ${fieldLabel(spec, b.entity, b.field)}`;
    case 'countdown':
      return `days left to each ${fieldLabel(spec, b.entity, b.field)}${b.yearly ? ' (every year)' : ''}`;
    case 'timer':
      return `${b.minutes}-minute timer`;
    case 'flip':
      return `flip cards (${fieldLabel(spec, b.entity, b.front)} / ${fieldLabel(spec, b.entity, b.back)})`;
    case 'import-export':
      return 'import and export JSON';
    case 'undo':
      return 'undo';
  }
}

function viewWords(spec: AppSpec): string {
  return spec.views
    .map((v) => {
      const by = v.field ? ` by ${fieldLabel(spec, v.entity, v.field)}` : '';
      return spec.entities.length > 1 ? `${v.type}${by} of ${entityPlural(spec, v.entity)}` : `${v.type}${by}`;
    })
    .join(', ');
}

export function lookWords(spec: AppSpec): string {
  const parts = [
    spec.look.theme ? `${THEMES[spec.look.theme].name}` : 'default look',
    spec.look.dark ? 'dark mode' : 'light (dark mode toggle)',
  ];
  if (spec.look.accent) parts.push(`${spec.look.accent} accent`);
  if (spec.look.density === 'compact') parts.push('compact');
  return parts.join(', ');
}

export interface SpecWords {
  /** One sentence: "A habit tracker, saved in this browser." */
  readonly summary: string;
  /** "Entities: …", "Views: …", "Behaviours: …", "Look: …" */
  readonly lines: readonly string[];
}

export function describeSpec(spec: AppSpec): SpecWords {
  const phrase = spec.phrase.charAt(0).toUpperCase() + spec.phrase.slice(1);
  return {
    summary: `${phrase}, saved in this browser.`,
    lines: [
      `Entities: ${spec.entities.map((e) => entityWords(spec, e)).join('; ')}`,
      `Views: ${viewWords(spec)}`,
      `Behaviours: ${spec.behaviours.map((b) => behaviourWords(spec, b)).join(', ') || 'none'}`,
      `Look: ${lookWords(spec)}`,
    ],
  };
}
