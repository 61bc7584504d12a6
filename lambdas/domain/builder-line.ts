/**
 * The line for builders: at most `policy.builder.concurrency` missions hold a builder at once,
 * stack-wide, and the others wait first come, first served. The line is one stored record, the
 * same in both runtimes; these are its pure rules, applied by `app/builder-line.ts` as one
 * conditional write per change.
 *
 * A mission holds its builder from the grant to the start of its audit (policy gate and build),
 * under a lease: a holder whose lease has run out (its release was lost with a crashed step) is
 * dropped by the next change of the line, so a lost release delays others but never blocks them.
 */

/** A mission waiting for a builder, or holding one. */
export interface LineEntry {
  readonly tenant_id: string;
  readonly mission_id: string;
  readonly attempt: number;
  /** The waiting workflow task's token: a grant completes it. Replaced when the task is entered again. */
  readonly task_token: string;
  /** When the mission joined the line for this attempt (kept when the task is entered again). */
  readonly joined_at: string;
}

export interface HolderEntry extends LineEntry {
  readonly granted_at: string;
  /** After this the builder is taken back from a holder that never released it. */
  readonly lease_until: string;
  /** The mission had to wait (it was shown a queue position that must now be cleared). */
  readonly waited: boolean;
}

export interface BuilderLine {
  /** Bumped by every stored change: the condition of the next write, and the order of shown positions. */
  readonly version: number;
  readonly holders: readonly HolderEntry[];
  /** First in line first. */
  readonly waiting: readonly LineEntry[];
}

export const EMPTY_LINE: BuilderLine = { version: 0, holders: [], waiting: [] };

/**
 * The most missions that may wait in the line. The line is one item, and each waiting entry holds
 * its task token (up to about 1 KB on AWS): 200 keep it well inside DynamoDB's 400 KB item limit.
 */
export const BUILDER_LINE_MAX_WAITING = 200;

/** The longest a mission waits in the line before it fails with `BuilderWaitExceeded`. */
export const BUILDER_WAIT_LIMIT_SECONDS = 1800;

/** How long past the Build state's own timeout a holder keeps its builder without releasing it. */
export const HOLDER_LEASE_MARGIN_SECONDS = 300;

const same = (a: Pick<LineEntry, 'tenant_id' | 'mission_id'>, b: Pick<LineEntry, 'tenant_id' | 'mission_id'>): boolean =>
  a.tenant_id === b.tenant_id && a.mission_id === b.mission_id;

/** What a change of the line did, besides the line it left. */
export interface LineChange {
  readonly line: BuilderLine;
  /** Missions given a builder by this change (their tasks must be completed). */
  readonly granted: readonly HolderEntry[];
  /** Holders dropped because their lease ran out. */
  readonly expired: readonly HolderEntry[];
}

/**
 * Drops holders whose lease has run out, then gives free builders to the first in line. The
 * version is left to the writer.
 */
export function admit(line: BuilderLine, capacity: number, now: Date, leaseSeconds: number): LineChange {
  const at = now.getTime();
  const expired = line.holders.filter((h) => Date.parse(h.lease_until) <= at);
  const holders = line.holders.filter((h) => Date.parse(h.lease_until) > at);
  const waiting = [...line.waiting];
  const granted: HolderEntry[] = [];
  while (holders.length < capacity && waiting.length > 0) {
    const next = waiting.shift() as LineEntry;
    const holder = holderOf(next, now, leaseSeconds);
    holders.push(holder);
    granted.push(holder);
  }
  return { line: { version: line.version, holders, waiting }, granted, expired };
}

/** The first in line, given a builder: it waited (`enter` marks one that took a free builder at once). */
function holderOf(entry: LineEntry, now: Date, leaseSeconds: number): HolderEntry {
  return {
    ...entry,
    granted_at: now.toISOString(),
    lease_until: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
    waited: true,
  };
}

/** Where a mission stands after entering the line. */
export type EntryOutcome =
  | { readonly state: 'holding'; readonly holder: HolderEntry }
  | { readonly state: 'waiting'; readonly position: number; readonly joined_at: string };

/**
 * A mission's workflow task enters the line (again: a retried or re-entered task finds its place
 * kept and its token replaced). It takes a builder at once only when one is free and nobody
 * waits; a mission that already holds one (its grant was not heard) keeps it.
 */
export function enter(
  line: BuilderLine,
  entry: Omit<LineEntry, 'joined_at'>,
  capacity: number,
  now: Date,
  leaseSeconds: number,
): LineChange & { readonly outcome: EntryOutcome } {
  const swept = admit(line, capacity, now, leaseSeconds);
  let { holders, waiting } = swept.line;
  let granted = [...swept.granted];
  // It was shown a position by an earlier entry, which its grant must clear.
  const wasWaiting = line.waiting.some((w) => same(w, entry));
  const held = holders.find((h) => same(h, entry));
  let outcome: EntryOutcome;
  if (held && held.attempt === entry.attempt) {
    const holder: HolderEntry = { ...held, task_token: entry.task_token };
    holders = holders.map((h) => (h === held ? holder : h));
    outcome = { state: 'holding', holder };
  } else {
    // A holder of an earlier attempt left without releasing (a lost release): its builder is free.
    if (held) holders = holders.filter((h) => h !== held);
    const index = waiting.findIndex((w) => same(w, entry));
    if (index >= 0) {
      const kept = waiting[index] as LineEntry;
      const joined_at = kept.attempt === entry.attempt ? kept.joined_at : now.toISOString();
      waiting = waiting.map((w, i) => (i === index ? { ...entry, joined_at } : w));
    } else {
      waiting = [...waiting, { ...entry, joined_at: now.toISOString() }];
    }
    const after = admit({ version: line.version, holders, waiting }, capacity, now, leaseSeconds);
    ({ holders, waiting } = after.line);
    granted = [...granted, ...after.granted];
    const mine = holders.find((h) => same(h, entry));
    if (mine) {
      const holder: HolderEntry = { ...mine, waited: wasWaiting };
      holders = holders.map((h) => (h === mine ? holder : h));
      outcome = { state: 'holding', holder };
    } else {
      const position = waiting.findIndex((w) => same(w, entry)) + 1;
      outcome = { state: 'waiting', position, joined_at: (waiting[position - 1] as LineEntry).joined_at };
    }
  }
  // The entering task learns its own grant from this answer, not from a completed token.
  granted = granted.filter((g) => !same(g, entry));
  return { line: { version: line.version, holders, waiting }, granted, expired: swept.expired, outcome };
}

/** A mission leaves the line, holding or waiting (its build ended, it failed, or it was stopped). */
export function leave(
  line: BuilderLine,
  mission: Pick<LineEntry, 'tenant_id' | 'mission_id'>,
  capacity: number,
  now: Date,
  leaseSeconds: number,
): LineChange & { readonly left: boolean } {
  const holders = line.holders.filter((h) => !same(h, mission));
  const waiting = line.waiting.filter((w) => !same(w, mission));
  const left = holders.length !== line.holders.length || waiting.length !== line.waiting.length;
  return { ...admit({ version: line.version, holders, waiting }, capacity, now, leaseSeconds), left };
}

/** Each waiting mission's position (1 = next), by `tenant#mission`. */
export function positions(line: BuilderLine): Map<string, number> {
  return new Map(line.waiting.map((w, i) => [lineKey(w), i + 1]));
}

export const lineKey = (e: Pick<LineEntry, 'tenant_id' | 'mission_id'>): string => `${e.tenant_id}#${e.mission_id}`;

/** Whether two lines hold the same entries (no write is needed to go from one to the other). */
export function sameLine(a: BuilderLine, b: BuilderLine): boolean {
  return JSON.stringify([a.holders, a.waiting]) === JSON.stringify([b.holders, b.waiting]);
}
