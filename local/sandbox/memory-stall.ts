import type { MemorySample } from './cgroups';

/**
 * How long a run may sit at its memory cap while paging its own memory back in before the
 * sandbox stops it as out of memory.
 */
export const MEMORY_STALL_GRACE_MS = 500;
/** The share of the cap that must be memory no reclaim can free (anonymous, tmpfs, swapped). */
const UNRECLAIMABLE_SHARE = 0.85;
/** Major faults over the grace period that show the run is paging, not merely full. */
const MIN_MAJOR_FAULTS = 10;

/**
 * Tells a run that is out of memory but not killed for it. With no swap the kernel's OOM killer
 * ends a group that fills its cap with its own memory at once, except when the group has also been
 * charged for file pages it maps (a program's own code, read in first by this run): reclaim then
 * drops that code, the program faults it back in, and it can go on like this, doing nothing else,
 * until its timeout. The watch sees the group at its cap, almost all of it memory reclaim cannot
 * free, with major faults still climbing, and says so once that has lasted the grace period.
 */
export class MemoryStallWatch {
  private since: number | null = null;
  private faultsAtStart = 0;

  constructor(private readonly graceMs = MEMORY_STALL_GRACE_MS) {}

  /** Feeds one sample (null once the group is gone); true when the run has stalled at its cap. */
  observe(sample: MemorySample | null, now: number): boolean {
    if (!sample || !stalledAtCap(sample)) {
      this.since = null;
      return false;
    }
    if (this.since === null) {
      this.since = now;
      this.faultsAtStart = sample.majorFaults;
      return false;
    }
    return now - this.since >= this.graceMs && sample.majorFaults - this.faultsAtStart >= MIN_MAJOR_FAULTS;
  }
}

function stalledAtCap(sample: MemorySample): boolean {
  const margin = Math.max(1 << 20, sample.limit / 100);
  return sample.usage >= sample.limit - margin && sample.unreclaimable >= sample.limit * UNRECLAIMABLE_SHARE;
}
