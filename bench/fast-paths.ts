/**
 * The fast paths, each as a ratio measured side by side in one run:
 *   - status read: `GET /gantry/status/{id}` through the gateway, authorizer and handler, against
 *     a raw read of the same mission from the same store, in alternating rounds, counted once the
 *     code is warm (the status rate has stopped rising);
 *   - push: from an event's time to a subscribed WebSocket receiving it, with 1 mission and with
 *     20 missions running at once;
 *   - makespan: 20 missions submitted at once, against the ideal (lone mission time × rounds of
 *     builder slots), with the CPU they took (the stack process's, the machine's) and so the least
 *     time the machine's cores need for them, and how busy the machine was in each fifth of it
 *     (idle time at the start, the middle or the end has different causes);
 *   - slot wait, reported apart from orchestration (time a mission's build waited for a slot).
 * Missions are followed over the WebSocket, never by fast polling, so the bench does not load the
 * stack it measures.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import WebSocket from 'ws';
import { startBenchStack, type BenchStack } from './bench-stack';

const ROUNDS = Number(process.env.BENCH_STATUS_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_STATUS_ROUND_MS ?? 1500);
const CLIENTS = Number(process.env.BENCH_STATUS_CLIENTS ?? 8);
const WARM_ROUNDS_MIN = 2;
const WARM_ROUNDS_MAX = Number(process.env.BENCH_STATUS_WARM_ROUNDS_MAX ?? 10);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT_MISSIONS ?? 20);
/** Lone missions before the status rounds: with the warm-up, the 20 still fit the bench owner's architect rate bucket. */
const LONE_MISSIONS = 3;
const SAMPLE_MS = 100;

const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

/** The machine's CPU time so far, busy and idle, in ms (null where /proc/stat cannot be read). */
function machineCpu(): { busy: number; idle: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    // USER_HZ is 100 on Linux: one tick is 10 ms.
    return { busy: (user + nice + system + irq + softirq + steal) * 10, idle: (idle + iowait) * 10 };
  } catch {
    return null;
  }
}

/** The machine's busy share in each of `parts` equal spans of [started, started + span], from samples of /proc/stat. */
function busyByPart(
  samples: readonly { at: number; cpu: { busy: number; idle: number } | null }[],
  started: number,
  span: number,
  parts: number,
): number[] | null {
  const totals = Array.from({ length: parts }, () => ({ busy: 0, idle: 0 }));
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!.cpu;
    const b = samples[i]!.cpu;
    if (!a || !b) return null;
    const part = Math.min(parts - 1, Math.floor(((samples[i]!.at - started) / span) * parts));
    totals[part]!.busy += b.busy - a.busy;
    totals[part]!.idle += b.idle - a.idle;
  }
  return totals.map((t) => (100 * t.busy) / Math.max(1, t.busy + t.idle));
}

export type Bench = Pick<BenchStack, 'stack' | 'auth' | 'tenantId' | 'client'>;

/** Requests per second `op` sustains with CLIENTS concurrent callers for ROUND_MS. */
async function rate(op: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const until = performance.now() + ROUND_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        await op();
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export interface Followed {
  missionId: string;
  submittedAt: number;
  endedAt: number;
  status: string;
  /** Milliseconds from each event's `at` to its arrival here. */
  pushLags: number[];
  /** From the first queue position pushed to the build's first log lines (0: never queued). */
  slotWaitMs: number;
}

/** Submits a mission and follows it over one WebSocket until it ends. */
export async function follow(b: Bench, prompt: string): Promise<Followed> {
  const issued = await b.client.request('POST', '/gantry/auth/ticket', b.auth);
  if (issued.status !== 201) throw new Error(`a ticket answered ${issued.status}: ${issued.text}`);
  const { ticket } = JSON.parse(issued.text) as { ticket: string };
  const ws = new WebSocket(`${b.stack.url.replace(/^http/, 'ws')}/ws?ticket=${encodeURIComponent(ticket)}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const submittedAt = performance.now();
  const res = await b.client.request('POST', '/gantry/architect', b.auth, JSON.stringify({ voice_memo: prompt }));
  if (res.status !== 202) throw new Error(`submitting '${prompt}' answered ${res.status}: ${res.text}`);
  const { mission_id: missionId } = JSON.parse(res.text) as { mission_id: string };
  const pushLags: number[] = [];
  let queuedAt: number | null = null;
  let firstLogAt: number | null = null;
  const status = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mission ${missionId} did not end`)), 600_000);
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { type: string; at?: string; status?: string | null; queue_position?: number };
      if (msg.type === 'event' && msg.at) pushLags.push(Date.now() - Date.parse(msg.at));
      if (msg.type === 'queue' && (msg.queue_position ?? 0) > 0) queuedAt ??= performance.now();
      if (msg.type === 'log') firstLogAt ??= performance.now();
      const s = msg.status;
      if (s && ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'].includes(s)) {
        clearTimeout(timer);
        resolve(s);
      }
    });
    ws.send(JSON.stringify({ action: 'subscribe', mission_id: missionId }));
  });
  const endedAt = performance.now();
  ws.close();
  const slotWaitMs = queuedAt !== null && firstLogAt !== null ? Math.max(0, firstLogAt - queuedAt) : 0;
  return { missionId, submittedAt, endedAt, status, pushLags, slotWaitMs };
}

export async function fastPathFigures(out: (line: string) => void): Promise<void> {
  const b = await startBenchStack('fast');
  const { stack, auth } = b;
  try {
    // One mission first, unmeasured: the stack's first build also bundles the builder and makes the
    // repository, which would make the lone mission (the makespan's unit) look slow.
    const firstSubmitAt = performance.now();
    const warm = await follow(b, 'Build a unit converter');
    if (warm.status !== 'DEPLOYED') throw new Error(`warm-up mission ended ${warm.status}`);
    // Missions alone, one after the other: the median time is the makespan's unit (one mission's
    // time varies by about a tenth between runs), their pushes the uncontended figure.
    const lones: Followed[] = [];
    for (let i = 0; i < LONE_MISSIONS; i++) {
      const m = await follow(b, 'Build a unit converter');
      if (m.status !== 'DEPLOYED') throw new Error(`lone mission ended ${m.status}`);
      lones.push(m);
    }
    const loneMs = pct(
      lones.map((m) => m.endedAt - m.submittedAt),
      50,
    );
    const lone = lones[0]!;
    const lonePushLags = lones.flatMap((m) => m.pushLags);

    // Status read against a raw read of the same item, in alternating rounds.
    // A third side shows what the design allows: the same client's round trip to the gateway for a
    // route that does nothing (an unknown path: 404, no authorizer, no handler, no store).
    // The first rounds only warm the code the three paths run: V8 keeps optimizing the status path
    // (gateway, authorizer, handler, answer) for several rounds after the raw read has settled, so
    // a round counts once the status rate has stopped rising (at most 5 % over the round before),
    // after at least WARM_ROUNDS_MIN and at most WARM_ROUNDS_MAX rounds of warming; those rounds'
    // rates are printed too. A stack that has served a few thousand requests runs at the later rate.
    const { client } = b;
    const get = async (path: string): Promise<number> => (await client.request('GET', path, auth)).status;
    const round = async (): Promise<{ status: number; raw: number; empty: number }> => ({
      status: await rate(async () => {
        const code = await get(`/gantry/status/${lone.missionId}`);
        if (code !== 200) throw new Error(`status read answered ${code}`);
      }),
      raw: await rate(() => stack.services.store.getMission(b.tenantId, lone.missionId)),
      empty: await rate(async () => {
        const code = await get('/gantry/no-such-route');
        if (code !== 404) throw new Error(`an unknown route answered ${code}`);
      }),
    });
    const warming: { status: number; raw: number; empty: number }[] = [];
    for (;;) {
      warming.push(await round());
      const [before, last] = warming.slice(-2);
      const settled = before !== undefined && last !== undefined && last.status <= before.status * 1.05;
      if (warming.length >= WARM_ROUNDS_MAX || (warming.length >= WARM_ROUNDS_MIN && settled)) break;
    }
    const statusRates: number[] = [];
    const rawRates: number[] = [];
    const emptyRates: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await round();
      statusRates.push(r.status);
      rawRates.push(r.raw);
      emptyRates.push(r.empty);
    }
    const status = pct(statusRates, 50);
    const raw = pct(rawRates, 50);
    const empty = pct(emptyRates, 50);
    out(
      `status read: ${status.toFixed(0)} req/s through the API vs ${raw.toFixed(0)} req/s raw store read → ratio ${(status / raw).toFixed(2)} (median of ${ROUNDS} alternating rounds, ${CLIENTS} clients)`,
    );
    out(
      `  after ${warming.length} warming rounds (status / raw / empty req/s: ${warming.map((w) => `${w.status.toFixed(0)}/${w.raw.toFixed(0)}/${w.empty.toFixed(0)}`).join(', ')}; the first round's ratio ${(warming[0]!.status / warming[0]!.raw).toFixed(2)})`,
    );
    // One empty round trip and one raw read, one after the other: no status read can do better.
    const ceiling = 1 / (1 / empty + 1 / raw);
    out(
      `  an empty round trip to the gateway: ${empty.toFixed(0)} req/s; with one raw read after it at most ${ceiling.toFixed(0)} req/s → ceiling ${(ceiling / raw).toFixed(2)}; the status read reaches ${(status / ceiling).toFixed(2)} of it`,
    );

    // Many missions at once, once the owner's architect rate bucket holds them all again (it
    // refills while the status rounds run; on a fast machine they may end before it is full).
    const bucket = stack.services.policy.policy.rate_limits.architect;
    if (bucket) {
      const used = 1 + LONE_MISSIONS;
      const missing = Math.max(0, CONCURRENT - (bucket.capacity - used));
      const refillMs = (Math.min(missing, used) / bucket.refill_per_minute) * 60_000 - (performance.now() - firstSubmitAt);
      if (refillMs > 0) await new Promise((resolve) => setTimeout(resolve, refillMs + 500));
    }
    const slots = stack.services.policy.policy.builder.concurrency;
    const cpuBefore = process.cpuUsage();
    const loopBefore = performance.eventLoopUtilization();
    const machineBefore = machineCpu();
    const started = performance.now();
    // The machine's CPU sampled through the burst: where the idle time lies (its start, its end).
    const samples: { at: number; cpu: { busy: number; idle: number } | null }[] = [{ at: started, cpu: machineBefore }];
    const sampler = setInterval(() => samples.push({ at: performance.now(), cpu: machineCpu() }), SAMPLE_MS);
    const many = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => follow(b, `Build a unit converter number ${i}`)));
    const makespan = performance.now() - started;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const loop = performance.eventLoopUtilization(loopBefore);
    const machineAfter = machineCpu();
    const failed = many.filter((m) => m.status !== 'DEPLOYED');
    if (failed.length) throw new Error(`${failed.length} of ${CONCURRENT} missions did not deploy`);
    const ideal = Math.ceil(CONCURRENT / slots) * loneMs;
    out(
      `makespan: ${CONCURRENT} missions at once in ${(makespan / 1000).toFixed(1)} s; ideal ${(ideal / 1000).toFixed(1)} s (${Math.ceil(CONCURRENT / slots)} rounds of ${slots} slots × lone mission ${(loneMs / 1000).toFixed(2)} s, median of ${LONE_MISSIONS}) → ratio ${(makespan / ideal).toFixed(2)}`,
    );
    // Where the makespan goes: CPU. This process is the stack (its main thread, the embedded
    // store's thread, V8's and libuv's helper threads) and the bench's own light clients; the
    // builders are other processes, counted in the machine's figure with anything else running.
    const stackCpuMs = (cpu.user + cpu.system) / 1000;
    const cores = availableParallelism();
    const machine =
      machineBefore && machineAfter
        ? { busy: machineAfter.busy - machineBefore.busy, idle: machineAfter.idle - machineBefore.idle }
        : null;
    out(
      `  CPU during the ${CONCURRENT}: this process (the stack) ${(stackCpuMs / CONCURRENT).toFixed(0)} ms per mission, its main thread ${(loop.utilization * 100).toFixed(0)} % busy` +
        (machine
          ? `; the machine ${((100 * machine.busy) / Math.max(1, machine.busy + machine.idle)).toFixed(0)} % busy, ${(machine.busy / CONCURRENT).toFixed(0)} ms of CPU per mission (the rest, chiefly the builders: ${((machine.busy - stackCpuMs) / CONCURRENT).toFixed(0)} ms), so at least ${(machine.busy / cores / 1000).toFixed(1)} s on ${cores} cores (the makespan is ${(makespan / (machine.busy / cores)).toFixed(2)}× that)`
          : ''),
    );
    const fifths = busyByPart(samples, started, makespan, 5);
    if (fifths)
      out(`  the machine busy in each fifth of the ${CONCURRENT}: ${fifths.map((f) => `${f.toFixed(0)} %`).join(', ')}`);
    const lags = many.flatMap((m) => m.pushLags);
    out(
      `push (event time → subscriber): 1 mission p50 ${pct(lonePushLags, 50).toFixed(0)} ms p99 ${pct(lonePushLags, 99).toFixed(0)} ms; ${CONCURRENT} at once p50 ${pct(lags, 50).toFixed(0)} ms p99 ${pct(lags, 99).toFixed(0)} ms`,
    );
    const waits = many.map((m) => m.slotWaitMs);
    const orchestration = many.map((m) => m.endedAt - m.submittedAt - m.slotWaitMs);
    out(
      `builder slot wait (first queue position → first build output), ${CONCURRENT} at once: median ${pct(waits, 50).toFixed(0)} ms, max ${Math.max(...waits).toFixed(0)} ms; mission time without it: median ${pct(orchestration, 50).toFixed(0)} ms (lone mission ${loneMs.toFixed(0)} ms)`,
    );
  } finally {
    await b.stop();
  }
}

if (require.main === module) {
  void fastPathFigures((line) => void process.stdout.write(`${line}\n`)).catch((err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exitCode = 1;
  });
}
