/**
 * What the machine gives at the moment of a run: the same busy loop on one thread, then on as many
 * threads as there are cores at once, and how much more work the cores did together than one did
 * alone. On a free machine that is about the number of cores; a shared host whose cores are taken
 * by others gives less (a 2-core machine here has shown anything from 1.3 to 2.0 within an hour),
 * and every figure of the run that needs the cores in parallel (status read, makespan, push at 20)
 * moves with it. Printed at the start and the end of `npm run bench`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const SPIN_MS = 400;

// Runs in each thread: counts rounds of a fixed amount of arithmetic for SPIN_MS.
const SPINNER = `
const { parentPort, workerData } = require('node:worker_threads');
let rounds = 0;
let sink = 0;
const until = Date.now() + workerData.ms;
while (Date.now() < until) {
  for (let i = 0; i < 20000; i++) sink += Math.sqrt(i);
  rounds += 1;
}
parentPort.postMessage(sink > 0 ? rounds : 0);
`;

function spin(threads: number): Promise<number> {
  return Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(SPINNER, { eval: true, workerData: { ms: SPIN_MS } });
          worker.once('message', (rounds: number) => {
            resolve(rounds);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  ).then((counts) => counts.reduce((a, b) => a + b, 0));
}

/** One line: the cores, and how many of them the busy loop found free (median of alternating pairs). */
export async function machineCheck(pairs = 3): Promise<string> {
  const cores = availableParallelism();
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const one = await spin(1);
    const all = await spin(cores);
    ratios.push(all / Math.max(1, one));
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)]!;
  return (
    `machine: ${cores} cores; ${cores} busy threads at once did ${median.toFixed(2)}× the work of one ` +
    `(median of ${pairs} alternating pairs, ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}; a free machine: about ${cores})`
  );
}
