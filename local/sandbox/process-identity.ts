import { readFileSync } from 'node:fs';

/**
 * Who owns a leftover (cgroup, job dir): `<pid>-<start time>`. The start time (clock ticks since
 * boot, from /proc) makes the token survive pid reuse: a new process with the same pid is not
 * mistaken for the owner.
 */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 of proc(5): starttime
  } catch {
    return null;
  }
}

/**
 * Whether a process with this pid exists (signal 0). A process of another user answers EPERM: it
 * exists, so it counts as alive (its leftovers and locks are not ours to take).
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let own: string | null = null;

/** This process's owner token. */
export function ownerToken(): string {
  own ??= `${process.pid}-${processStartTicks(process.pid) ?? '0'}`;
  return own;
}

/** Parses `<pid>-<ticks>` at the start of a name; null when the name is not ours. */
export function parseOwnerToken(name: string): { pid: number; ticks: string; token: string } | null {
  const match = /^(\d+)-(\d+)/.exec(name);
  if (!match?.[1] || !match[2]) return null;
  return { pid: Number(match[1]), ticks: match[2], token: `${match[1]}-${match[2]}` };
}

/** True while the process that created `token` is still running. */
export function isOwnerAlive(token: string): boolean {
  const parsed = parseOwnerToken(token);
  if (!parsed) return false;
  if (parsed.token === ownerToken()) return true;
  const ticks = processStartTicks(parsed.pid);
  if (ticks !== null) return ticks === parsed.ticks;
  if (parsed.ticks !== '0') return false;
  return processExists(parsed.pid);
}
