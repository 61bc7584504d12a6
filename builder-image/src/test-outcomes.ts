/**
 * Per-test outcomes from `node --test` output, fed line by line while the audit runs.
 *
 * The TAP reporter (Node 20/22 default when stdout is not a TTY) is the primary format; the spec
 * reporter (default from Node 23, or chosen by an app) is understood as a fallback. Only leaf
 * tests are reported: a suite or a test with subtests passes or fails through its children, and
 * a file that fails to load shows up as one failing leaf named after the file.
 */

export interface TestOutcome {
  readonly name: string;
  readonly ok: boolean;
}

export interface TestOutcomeParserOptions {
  /** Absolute app folder; test names that are file paths are reported relative to it. */
  readonly appDir?: string;
  /** Most outcomes kept (a runaway generated suite must not bloat the result). */
  readonly maxOutcomes?: number;
}

const TAP_RESULT = /^( *)(not ok|ok)\b(?: +\d+)?(?: +-)?(?: +(.*))?$/;
const TAP_SUBTEST = /^( *)# Subtest: (.*)$/;
const TAP_DIRECTIVE = /(?:^|\s)(?<!\\)#\s*(SKIP|TODO)\b.*$/i;
const SPEC_RESULT = /^( *)([✔✖﹣])\s+(.*?)(?:\s+\([\d.]+m?s\))?(?:\s+#\s*(?:SKIP|TODO)\b.*)?$/u;
const SPEC_SUITE = /^( *)▶\s+(.*)$/u;
const SPEC_DURATION = /\s*\([\d.]+m?s\)$/;
const SPEC_FAILURE_SUMMARY = /^✖ failing tests:/u;

/** Leaf detection shared by both formats: a result is a leaf when no deeper result came since its siblings. */
class OutcomeTree {
  readonly outcomes: TestOutcome[] = [];
  private readonly names: string[] = [];
  private readonly childSeen: boolean[] = [];

  constructor(
    private readonly displayName: (path: string[]) => string,
    private readonly maxOutcomes: number,
  ) {}

  open(depth: number, name: string): void {
    this.names[depth] = name;
    this.names.length = depth + 1;
  }

  result(depth: number, name: string, ok: boolean): void {
    const isLeaf = !this.childSeen[depth];
    this.childSeen[depth] = false;
    if (depth > 0) this.childSeen[depth - 1] = true;
    if (!isLeaf || this.outcomes.length >= this.maxOutcomes) return;
    const ancestors = this.names.slice(0, depth).map((n) => n ?? '');
    this.outcomes.push({ name: this.displayName([...ancestors, name]), ok });
  }
}

function unescapeTap(text: string): string {
  return text.replace(/\\([\\#])/g, '$1');
}

/** Streaming parser: call `push(line)` for each stdout line of the audit, then `outcomes()`. */
export class TestOutcomeParser {
  private readonly tap: OutcomeTree;
  private readonly spec: OutcomeTree;
  /** Indentation of the YAML diagnostic block being skipped, if any. */
  private yamlIndent: number | null = null;
  private expectYamlAt: number | null = null;
  private specDone = false;

  constructor(options: TestOutcomeParserOptions = {}) {
    const appDir = options.appDir ? options.appDir.replace(/\/+$/, '') + '/' : null;
    const isFilePath = (n: string): boolean => n.startsWith('/') && /\.[cm]?[jt]sx?$/.test(n);
    const displayName = (path: string[]): string => {
      const last = path[path.length - 1] ?? '';
      const kept = path.slice(0, -1).filter((n) => !isFilePath(n));
      const leaf = appDir && last.startsWith(appDir) ? last.slice(appDir.length) : last;
      return [...kept, leaf].join(' > ');
    };
    const max = options.maxOutcomes ?? 2000;
    this.tap = new OutcomeTree(displayName, max);
    this.spec = new OutcomeTree(displayName, max);
  }

  push(rawLine: string): void {
    const line = rawLine.replace(/\r$/, '');
    if (this.skipYaml(line)) return;

    const tapResult = TAP_RESULT.exec(line);
    if (tapResult) {
      const indent = tapResult[1]?.length ?? 0;
      let description = tapResult[3] ?? '';
      const directive = TAP_DIRECTIVE.exec(description);
      if (directive) description = description.slice(0, directive.index);
      this.tap.result(Math.floor(indent / 4), unescapeTap(description.trim()), tapResult[2] === 'ok');
      this.expectYamlAt = indent;
      return;
    }
    this.expectYamlAt = null;
    const subtest = TAP_SUBTEST.exec(line);
    if (subtest) {
      this.tap.open(Math.floor((subtest[1]?.length ?? 0) / 4), unescapeTap((subtest[2] ?? '').trim()));
      return;
    }
    this.pushSpec(line);
  }

  /** Outcomes in order of completion (TAP when any TAP result was seen, else spec). */
  outcomes(): TestOutcome[] {
    return this.tap.outcomes.length > 0 ? [...this.tap.outcomes] : [...this.spec.outcomes];
  }

  private skipYaml(line: string): boolean {
    if (this.yamlIndent !== null) {
      if (line.trim() === '...' && line.indexOf('...') === this.yamlIndent) this.yamlIndent = null;
      return true;
    }
    if (this.expectYamlAt !== null && line.trim() === '---' && line.indexOf('---') === this.expectYamlAt + 2) {
      this.yamlIndent = this.expectYamlAt + 2;
      this.expectYamlAt = null;
      return true;
    }
    return false;
  }

  private pushSpec(line: string): void {
    if (this.specDone) return;
    if (SPEC_FAILURE_SUMMARY.test(line)) {
      // The spec reporter repeats every failure after this marker.
      this.specDone = true;
      return;
    }
    const suite = SPEC_SUITE.exec(line);
    if (suite) {
      const depth = Math.floor((suite[1]?.length ?? 0) / 2);
      const text = (suite[2] ?? '').trim();
      const timed = SPEC_DURATION.exec(text);
      // `▶ name` opens a suite; `▶ name (12ms)` closes one that passed.
      if (timed) this.spec.result(depth, text.slice(0, timed.index).trim(), true);
      else this.spec.open(depth, text);
      return;
    }
    const result = SPEC_RESULT.exec(line);
    if (result) {
      this.spec.result(Math.floor((result[1]?.length ?? 0) / 2), (result[3] ?? '').trim(), result[2] !== '✖');
    }
  }
}

/** Parses a whole output at once (convenience for tests and post-processing). */
export function parseTestOutcomes(output: string, options: TestOutcomeParserOptions = {}): TestOutcome[] {
  const parser = new TestOutcomeParser(options);
  for (const line of output.split('\n')) parser.push(line);
  return parser.outcomes();
}
