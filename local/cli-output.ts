/**
 * What the human CLI prints with, and how it explains an API error: errors say what to do next.
 */
export type ApiCall = (path: string, init?: RequestInit) => Promise<{ status: number; body: Record<string, unknown> }>;

export interface CliIo {
  /** A whole line on stdout. */
  out(line: string): void;
  /** A whole line on stderr. */
  err(line: string): void;
  /** Raw text on stdout (a TTY's redraws). */
  write(text: string): void;
  /** Whether stdout is a terminal: redraw lines in place, else print plain lines. */
  readonly isTTY: boolean;
}

export const processIo = (): CliIo => ({
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  write: (text) => void process.stdout.write(text),
  isTTY: Boolean(process.stdout.isTTY),
});

/** Raised for an answer the command cannot go on from; its message says what to do. */
export class CliError extends Error {}

/** The error of an API answer, in words that say what to do about it. */
export function explainApiError(baseUrl: string, status: number, body: Record<string, unknown>): string {
  const error = (body.error ?? {}) as { code?: string; message?: string };
  const code = error.code ?? `HTTP ${status}`;
  if (status === 401) return `Not signed in to ${baseUrl} (${code}). Run: gantry login --email <you@example.com>`;
  if (status === 403)
    return `${error.message ?? 'Your role may not do this'} (${code}). Ask an owner of your tenant for the role.`;
  if (status === 404) return `${error.message ?? 'Not found'} (${code}). List your missions with: gantry missions`;
  if (status === 429) return `${error.message ?? 'Rate limited'} (${code}). Wait a moment and try again.`;
  return `${error.message ?? JSON.stringify(body)} (${code})`;
}

/** Human words for each status (the API keeps the one vocabulary; people read these). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  NEEDS_INPUT: 'Waiting for your answer',
  NEEDS_CONFIRMATION: 'Waiting for your go-ahead',
  READY_TO_BUILD: 'Ready to build',
  QUEUED: 'Queued for a builder',
  ARCHITECTING: 'Drafting the code',
  POLICY_CHECK: 'Checking the policy',
  BUILDING: 'Building and testing',
  AUDITING: 'Auditing the build',
  HEALING: 'Healing a failed build',
  AWAITING_APPROVAL: 'Waiting for an approver',
  DEPLOYING: 'Deploying',
  PUBLISHING: 'Opening the pull request',
  SEALING: 'Sealing the evidence',
  DEPLOYED: 'Live',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected',
};

/** `12.3s`, `2m05s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}

/** A plain-text table: a header row, then rows, columns padded to their widest cell (the last one left ragged). */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** Cuts text to `max` characters on one line. */
export function clip(text: unknown, max: number): string {
  const s = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
