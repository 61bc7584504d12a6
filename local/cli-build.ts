import WebSocket from 'ws';
import { verifyEvidenceText } from '../lambdas/domain/evidence-verify';
import { FINAL_STATUSES } from '../lambdas/domain/mission';
import { checkDeployment, stackPublicKey } from './cli-verify';
import { CliError, explainApiError, formatDuration, STATUS_WORDS, type ApiCall, type CliIo } from './cli-output';

/** Polling, when the WebSocket is not available, stays at or under 4 requests a second. */
export const POLL_INTERVAL_MS = 300;
/** With the WebSocket open but silent this long, the events are read once over REST (a missed push). */
const QUIET_RESYNC_MS = 5_000;
const TTY_REDRAW_MS = 200;

export interface MissionEventMessage {
  readonly seq: number;
  readonly status?: string | null;
  readonly event_type: string;
  readonly message: string;
  readonly at: string;
}

const isFinalStatus = (status: unknown): boolean => (FINAL_STATUSES as readonly string[]).includes(String(status));

export interface BuildDeps {
  readonly api: ApiCall;
  readonly baseUrl: string;
  /** The session token (a WebSocket ticket is bought with it). */
  readonly token: string | undefined;
  /** Where the WebSocket API is: GANTRY_WS_URL, else the stack's own `/ws`. */
  readonly wsUrl: string;
  readonly io: CliIo;
}

/**
 * The verdict on a mission's sealed evidence (`{envelope}` as the evidence route returns it),
 * checked against the key the stack publishes at `/gantry/evidence/public-key` (never a key in
 * the file), plus the live deployment's files against the signed digests. The one place the
 * build command calls the evidence check; `gantry verify` runs every check, the published branch
 * included.
 */
export async function evidenceVerdict(evidence: unknown, baseUrl: string): Promise<{ ok: boolean; summary: string }> {
  const envelope = (evidence as { envelope?: unknown } | null)?.envelope;
  if (!envelope) return { ok: false, summary: 'the evidence route returned no envelope' };
  let key: string;
  try {
    key = await stackPublicKey(baseUrl);
  } catch (err) {
    return { ok: false, summary: `no trusted key: ${(err as Error).message}` };
  }
  const verdict = verifyEvidenceText(JSON.stringify(envelope), key);
  const checks = [...verdict.checks];
  if (verdict.statement) checks.push(await checkDeployment(verdict.statement));
  const failed = checks.filter((c) => !c.ok && !c.skipped);
  const ok = verdict.ok && failed.length === 0;
  return {
    ok,
    summary: ok
      ? `verified (${checks
          .filter((c) => c.ok)
          .map((c) => c.name)
          .join(', ')})`
      : `DOES NOT VERIFY: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`,
  };
}

/**
 * One line per workflow state: on a terminal the current state's line is redrawn with its running
 * time and settles with its duration when the next state begins; elsewhere each state prints one
 * plain line when it begins (elapsed since the mission started) and the summary gives durations.
 */
class ProgressView {
  private current: { status: string; since: number; message: string } | undefined;
  private readonly startedAt: number;
  private readonly durations: Array<{ status: string; ms: number }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: CliIo,
    startedAt: number,
  ) {
    this.startedAt = startedAt;
    if (io.isTTY) this.timer = setInterval(() => this.redraw(), TTY_REDRAW_MS);
  }

  enter(status: string, at: number, message: string): void {
    if (this.current?.status === status) return;
    this.settle(at);
    this.current = { status, since: at, message };
    if (this.io.isTTY) this.redraw();
    else this.io.out(this.line(status, at, message, `+${formatDuration(at - this.startedAt)}`));
  }

  /** The final state: its line stays (on a terminal, redrawn once more without a clock), the timer stops. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const c = this.current;
    if (c && this.io.isTTY) {
      this.io.write(`\r\x1b[2K${this.line(c.status, c.since, c.message, `+${formatDuration(c.since - this.startedAt)}`)}\n`);
    }
  }

  /** Each state's duration (the final state has none), and the time from the first state to the last. */
  summary(): { total: string; states: string } {
    const last = this.current?.since ?? this.startedAt + this.durations.reduce((sum, d) => sum + d.ms, 0);
    return {
      total: formatDuration(last - this.startedAt),
      states: this.durations.map((d) => `${d.status} ${formatDuration(d.ms)}`).join(', '),
    };
  }

  private settle(at: number): void {
    const c = this.current;
    if (!c) return;
    this.durations.push({ status: c.status, ms: at - c.since });
    if (this.io.isTTY)
      this.io.write(`\r\x1b[2K${this.line(c.status, c.since, c.message, `✓ ${formatDuration(at - c.since)}`)}\n`);
    this.current = undefined;
  }

  private redraw(): void {
    const c = this.current;
    if (!c || !this.io.isTTY) return;
    this.io.write(`\r\x1b[2K${this.line(c.status, c.since, c.message, `… ${formatDuration(Date.now() - c.since)}`)}`);
  }

  private line(status: string, _at: number, message: string, time: string): string {
    const words = STATUS_WORDS[status] ?? status;
    const width = process.stdout.columns && this.io.isTTY ? process.stdout.columns : 200;
    const text = `  ${time.padStart(9)}  ${status.padEnd(17)} ${words}${message && message !== words ? ` — ${message}` : ''}`;
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  }
}

/**
 * Follows a mission's events to its final status: over the WebSocket (a single-use ticket, as the
 * web client does), resyncing from the REST events by `seq` after a gap or a quiet spell, and
 * falling back to polling the REST events when the socket cannot open or drops.
 */
export class MissionFollower {
  private last = 0;
  private status = '';
  private queue: Promise<void> = Promise.resolve();
  /** How the mission was followed, for the header line: `WebSocket` or `polling`. */
  mode: 'WebSocket' | 'polling' = 'polling';

  constructor(
    private readonly deps: BuildDeps,
    private readonly missionId: string,
    private readonly onEvent: (event: MissionEventMessage) => void,
  ) {}

  /** Reads the events after the last one seen, in order. */
  async resync(): Promise<void> {
    const r = await this.deps.api(`/gantry/missions/${encodeURIComponent(this.missionId)}/events?after=${this.last}`);
    if (r.status !== 200) throw new CliError(explainApiError(this.deps.baseUrl, r.status, r.body));
    for (const e of (r.body.events as MissionEventMessage[]) ?? []) this.apply(e);
    this.status = String(r.body.status);
  }

  private apply(e: MissionEventMessage): void {
    if (e.seq <= this.last) return;
    this.last = e.seq;
    if (e.status) this.status = e.status;
    this.onEvent(e);
  }

  /** Resolves with the final status. */
  async follow(onMode?: (mode: 'WebSocket' | 'polling') => void): Promise<string> {
    const socket = await this.openSocket();
    if (socket) {
      this.mode = 'WebSocket';
      onMode?.('WebSocket');
      const ended = await this.followSocket(socket);
      if (ended) return this.status;
    } else onMode?.('polling');
    this.mode = 'polling';
    for (;;) {
      await this.resync();
      if (isFinalStatus(this.status)) return this.status;
      await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
    }
  }

  private async openSocket(): Promise<WebSocket | undefined> {
    try {
      const ticket = await this.deps.api('/gantry/auth/ticket', { method: 'POST' });
      if (ticket.status !== 201) return undefined;
      const socket = new WebSocket(`${this.deps.wsUrl}?ticket=${encodeURIComponent(String(ticket.body.ticket))}`);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
        socket.once('unexpected-response', () => reject(new Error('refused')));
      });
      return socket;
    } catch {
      return undefined;
    }
  }

  /** True when the mission ended while following; false when the socket dropped first. */
  private followSocket(socket: WebSocket): Promise<boolean> {
    return new Promise((resolve) => {
      let done = false;
      const end = (ended: boolean) => {
        if (done) return;
        done = true;
        clearInterval(quiet);
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.close();
        resolve(ended);
      };
      let lastHeard = Date.now();
      const step = (fn: () => Promise<void> | void) => {
        this.queue = this.queue
          .then(fn)
          .then(() => {
            if (isFinalStatus(this.status)) end(true);
          })
          .catch(() => end(false));
      };
      const quiet = setInterval(() => {
        if (Date.now() - lastHeard >= QUIET_RESYNC_MS) {
          lastHeard = Date.now();
          step(() => this.resync());
        }
      }, 1_000);
      socket.on('message', (data) => {
        lastHeard = Date.now();
        let msg: Record<string, unknown>;
        try {
          msg = JSON.parse(data.toString()) as Record<string, unknown>;
        } catch {
          return;
        }
        if (msg.mission_id !== this.missionId) return;
        if (msg.type === 'snapshot') step(() => this.resync());
        else if (msg.type === 'event') {
          const e = msg as unknown as MissionEventMessage;
          // The next event in order applies as it comes; after a gap the REST events fill it.
          step(() => (e.seq === this.last + 1 ? this.apply(e) : e.seq > this.last ? this.resync() : undefined));
        }
      });
      socket.on('close', () => step(() => end(false)));
      socket.on('error', () => step(() => end(false)));
      socket.send(JSON.stringify({ action: 'subscribe', mission_id: this.missionId }));
    });
  }
}

function parseBuildArgs(args: string[]): { prompt: string; deploy: boolean; publish: boolean; json: boolean } {
  return {
    prompt: args
      .filter((a) => !a.startsWith('--'))
      .join(' ')
      .trim(),
    deploy: !args.includes('--no-deploy'),
    publish: !args.includes('--no-publish'),
    json: args.includes('--json'),
  };
}

/**
 * `gantry build "<request>"`: submits a direct build, shows a live line per workflow state with
 * its time, and ends with the live URL, the pull request and the evidence verdict. Exit 0 only
 * for a DEPLOYED mission whose evidence verifies.
 */
export async function buildCommand(args: string[], deps: BuildDeps): Promise<number> {
  const { io, api, baseUrl } = deps;
  const request = parseBuildArgs(args);
  if (!request.prompt) {
    io.err('Usage: gantry build "<what to build>" [--no-deploy] [--no-publish] [--json]');
    return 2;
  }
  const submitted = await api('/gantry/architect', {
    method: 'POST',
    body: JSON.stringify({ voice_memo: request.prompt, deploy: request.deploy, publish: request.publish }),
  });
  if (submitted.status !== 202 && submitted.status !== 200)
    throw new CliError(explainApiError(baseUrl, submitted.status, submitted.body));
  const id = String(submitted.body.mission_id);
  const started = Date.now();
  let view: ProgressView | undefined;
  const follower = new MissionFollower(deps, id, (e) => {
    if (!e.status) return;
    const at = Date.parse(e.at);
    view ??= new ProgressView(io, Number.isFinite(at) ? at : started);
    view.enter(e.status, Number.isFinite(at) ? at : Date.now(), e.message);
  });
  if (!request.json) io.out(`Mission ${id}: ${String(submitted.body.speech ?? '')}`);
  const final = await follower.follow((mode) => {
    if (!request.json)
      io.out(
        `Following live over ${mode === 'WebSocket' ? 'the WebSocket' : 'REST polling'} (Ctrl+C stops watching, not the build)`,
      );
  });
  const status = await api(`/gantry/status/${encodeURIComponent(id)}`);
  (view as ProgressView | undefined)?.finish();
  const m = status.body;
  let verdict: { ok: boolean; summary: string } = { ok: false, summary: 'no sealed evidence' };
  const evidence = await api(`/gantry/missions/${encodeURIComponent(id)}/evidence`);
  if (evidence.status === 200) verdict = await evidenceVerdict(evidence.body, baseUrl);
  else if (evidence.status !== 404) verdict = { ok: false, summary: explainApiError(baseUrl, evidence.status, evidence.body) };
  if (request.json) {
    io.out(
      JSON.stringify({ mission_id: id, status: final, url: m.url ?? null, pr_url: m.pr_url ?? null, evidence: verdict }, null, 2),
    );
  } else {
    const times = (view as ProgressView | undefined)?.summary();
    io.out(
      `${final === 'DEPLOYED' ? 'Done' : 'Ended'}: ${final} in ${times?.total ?? formatDuration(Date.now() - started)}${times ? ` (${times.states})` : ''}`,
    );
    io.out(`  Live URL:      ${String(m.url ?? '— (not deployed)')}`);
    io.out(`  Pull request:  ${String(m.pr_url ?? '— (not published)')}`);
    io.out(`  Evidence:      ${verdict.summary}`);
    const failure = m.failure as { code?: string; message?: string; step?: string } | null;
    if (failure) {
      io.out(`  Failure:       ${failure.code ?? ''} at ${failure.step ?? '?'}: ${failure.message ?? ''}`);
      io.out(`  Details:       gantry status ${id}  (retry: POST /gantry/missions/${id}/retry)`);
    }
  }
  return final === 'DEPLOYED' && verdict.ok ? 0 : 1;
}
