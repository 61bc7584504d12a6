import type { MemorySample } from '../../local/sandbox/cgroups';
import { MemoryStallWatch } from '../../local/sandbox/memory-stall';

const MB = 1 << 20;
const cap = 96 * MB;
const sample = (usage: number, unreclaimable: number, majorFaults: number): MemorySample => ({
  usage,
  limit: cap,
  unreclaimable,
  majorFaults,
});

describe('memory stall watch', () => {
  it('says so once a run has sat at its cap, nearly all of it unreclaimable, paging for the grace period', () => {
    const watch = new MemoryStallWatch(500);
    expect(watch.observe(sample(cap, 90 * MB, 100), 0)).toBe(false);
    expect(watch.observe(sample(cap - 200_000, 90 * MB, 130), 300)).toBe(false);
    expect(watch.observe(sample(cap, 91 * MB, 160), 500)).toBe(true);
  });

  it('leaves a run alone whose memory at the cap is mostly page cache reclaim can free', () => {
    const watch = new MemoryStallWatch(500);
    for (let t = 0; t <= 3000; t += 100) expect(watch.observe(sample(cap, 40 * MB, t), t)).toBe(false);
  });

  it('leaves a full run alone that is not paging (its memory is in use, nothing is read back)', () => {
    const watch = new MemoryStallWatch(500);
    for (let t = 0; t <= 3000; t += 100) expect(watch.observe(sample(cap, 95 * MB, 7), t)).toBe(false);
  });

  it('starts over when the run drops below its cap, and when the group is gone', () => {
    const watch = new MemoryStallWatch(500);
    expect(watch.observe(sample(cap, 90 * MB, 0), 0)).toBe(false);
    expect(watch.observe(sample(80 * MB, 78 * MB, 50), 400)).toBe(false);
    expect(watch.observe(sample(cap, 90 * MB, 60), 600)).toBe(false);
    expect(watch.observe(sample(cap, 90 * MB, 200), 1000)).toBe(false);
    expect(watch.observe(null, 1100)).toBe(false);
    expect(watch.observe(sample(cap, 90 * MB, 300), 1200)).toBe(false);
    expect(watch.observe(sample(cap, 90 * MB, 400), 1700)).toBe(true);
  });
});
