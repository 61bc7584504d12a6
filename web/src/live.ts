/**
 * A mission followed live: events arrive over the WebSocket and, after any gap or reconnect, are
 * read again over REST from the last seq the page holds. Each seq is kept exactly once and in
 * order, so a lost connection loses nothing on the page.
 */
import { api } from './api';
import { isFinal, type EventsPage, type MissionEventMessage } from './types';

export interface FeedState {
  events: MissionEventMessage[];
  status: string | null;
  connected: boolean;
  reconnects: number;
  queuePosition: number | null;
  log: string[];
}

const LOG_LINES = 400;
const MAX_BACKOFF_MS = 8000;

export class MissionFeed {
  private readonly bySeq = new Map<number, MissionEventMessage>();
  private last = 0;
  private socket: WebSocket | null = null;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private syncing: Promise<void> | null = null;
  private again = false;
  private state: FeedState = { events: [], status: null, connected: false, reconnects: 0, queuePosition: null, log: [] };

  constructor(
    readonly missionId: string,
    private readonly onChange: (state: FeedState) => void,
    private readonly onStatus: (status: string) => void,
  ) {
    window.addEventListener('online', this.reconnectNow);
    void this.resync();
    void this.connect();
  }

  get snapshot(): FeedState {
    return this.state;
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.reconnectNow);
    clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  private emit(patch: Partial<FeedState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }

  /** Takes events in any order and any number of times; keeps each seq once and shows the contiguous prefix. */
  private ingest(events: MissionEventMessage[]): void {
    let statusChanged: string | null = null;
    for (const e of events) if (e.mission_id === this.missionId && e.seq > this.last) this.bySeq.set(e.seq, e);
    const fresh: MissionEventMessage[] = [];
    while (this.bySeq.has(this.last + 1)) {
      const e = this.bySeq.get(this.last + 1)!;
      this.bySeq.delete(this.last + 1);
      this.last = e.seq;
      fresh.push(e);
      if (e.status) statusChanged = e.status;
    }
    if (this.bySeq.size > 0) void this.resync(); // a gap: read what is missing
    if (fresh.length === 0) return;
    this.emit({ events: [...this.state.events, ...fresh], ...(statusChanged ? { status: statusChanged } : {}) });
    if (statusChanged) this.onStatus(statusChanged);
  }

  /** Reads every event after the last one held (one read at a time; a request during a read reads again after). */
  resync(): Promise<void> {
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.again = false;
        try {
          const page = await api<EventsPage>(`/gantry/missions/${encodeURIComponent(this.missionId)}/events?after=${this.last}`);
          if (this.closed) return;
          this.ingest(page.events);
          if (!this.state.status) this.emit({ status: page.status });
        } catch {
          // The next reconnect or event reads again.
        }
      } while (this.again && !this.closed);
    })().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private readonly reconnectNow = (): void => {
    if (this.closed || this.socket) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    void this.connect();
  };

  private schedule(): void {
    if (this.closed) return;
    // Exponential back-off with jitter: 0.5 s, 1 s, 2 s… up to 8 s.
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  /** Browsers cannot set headers on a WebSocket: each connection spends a fresh single-use ticket. */
  private async connect(): Promise<void> {
    if (this.closed || this.socket) return;
    let ticket: string;
    try {
      ({ ticket } = await api<{ ticket: string }>('/gantry/auth/ticket', { method: 'POST' }));
    } catch {
      return this.schedule();
    }
    if (this.closed || this.socket) return;
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${proto}://${location.host}/ws?ticket=${encodeURIComponent(ticket)}`);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      socket.send(JSON.stringify({ action: 'subscribe', mission_id: this.missionId }));
      this.emit({ connected: true });
    });
    socket.addEventListener('message', (msg) => {
      let data: any;
      try {
        data = JSON.parse(String(msg.data));
      } catch {
        return;
      }
      if (data.mission_id && data.mission_id !== this.missionId) return;
      if (data.type === 'event') this.ingest([data as MissionEventMessage]);
      // Subscribed: anything that happened while the page was away is read from the last seq.
      else if (data.type === 'snapshot') {
        if (data.seq > this.last) void this.resync();
      } else if (data.type === 'queue') this.emit({ queuePosition: data.queue_position ?? null });
      else if (data.type === 'log' && Array.isArray(data.lines)) {
        this.emit({ log: [...this.state.log, ...(data.lines as string[])].slice(-LOG_LINES) });
      }
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.emit({ connected: false, reconnects: this.state.reconnects + (this.closed ? 0 : 1) });
      // A finished mission has nothing more to say; still read once in case the end was missed.
      if (isFinal(this.state.status)) {
        void this.resync();
        return;
      }
      void this.resync();
      this.schedule();
    });
  }
}
