/**
 * Glob patterns over manifest paths (relative, POSIX), as policy.yaml writes them:
 *   `*`     any characters within one path segment
 *   `**`    any number of whole segments, including none (`**\/x.js` matches `x.js` and `a/b/x.js`)
 *   `?`     one character within a segment
 *   `{a,b}` one of the alternatives (no nesting)
 * Everything else is literal. Matching is case-sensitive and anchored at both ends.
 */

const cache = new Map<string, RegExp>();

function escapeLiteral(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles a glob to an anchored regular expression. Throws on an unbalanced `{`. */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          if (glob[i + 2] === '/') {
            source += '(?:[^/]+/)*';
            i += 2;
          } else {
            source += '.*';
            i += 1;
          }
          continue;
        }
      }
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '{') {
      if (inGroup) throw new Error(`glob ${JSON.stringify(glob)}: nested { is not supported`);
      inGroup = true;
      source += '(?:';
    } else if (ch === '}' && inGroup) {
      inGroup = false;
      source += ')';
    } else if (ch === ',' && inGroup) {
      source += '|';
    } else {
      source += escapeLiteral(ch);
    }
  }
  if (inGroup) throw new Error(`glob ${JSON.stringify(glob)}: unclosed {`);
  const re = new RegExp(`^${source}$`);
  cache.set(glob, re);
  return re;
}

/** True when `path` matches any of `globs`. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(path));
}

/** True when `glob` compiles (for schema validation). */
export function isValidGlob(glob: string): boolean {
  try {
    globToRegExp(glob);
    return true;
  } catch {
    return false;
  }
}
