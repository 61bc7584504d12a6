import type { GantryManifest } from '../../lambdas/domain/manifest';
import type { ArchitectPort } from '../../lambdas/domain/ports';

export type HealInput = Parameters<ArchitectPort['heal']>[0];

/**
 * An architect that follows a script instead of a model: `draft` and `heal` answer from the
 * functions given, keyed by the mission's prompt, and every heal request is kept so a test can
 * check what the architect was shown (failing command, log tail, the files of which attempt).
 */
export class ScriptedArchitect implements ArchitectPort {
  readonly name = 'scripted';
  readonly heals: HealInput[] = [];
  readonly drafts: string[] = [];

  constructor(
    private readonly onDraft: (prompt: string, n: number) => GantryManifest,
    private readonly onHeal: (input: HealInput, n: number) => GantryManifest | null,
  ) {}

  async draft(input: { prompt: string }): Promise<GantryManifest> {
    this.drafts.push(input.prompt);
    return this.onDraft(input.prompt, this.drafts.filter((p) => p === input.prompt).length);
  }

  async heal(input: HealInput): Promise<GantryManifest | null> {
    this.heals.push(input);
    return this.onHeal(input, this.heals.filter((h) => h.prompt === input.prompt).length);
  }
}

/** A small static app with node:test tests: `src/math.js` is what scripts break and fix. */
export function mathApp(options: {
  name?: string;
  math?: string;
  tests?: string;
  test?: string;
  files?: Array<{ path: string; content: string }>;
}): GantryManifest {
  const math =
    options.math ??
    'export const add = (a, b) => a + b;\nexport const subtract = (a, b) => a - b;\nexport const multiply = (a, b) => a * b;\n';
  const tests =
    options.tests ??
    [
      "import { test } from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { add, subtract, multiply } from '../src/math.js';",
      '',
      "test('adds', () => assert.equal(add(2, 3), 5));",
      "test('subtracts', () => assert.equal(subtract(5, 3), 2));",
      "test('multiplies', () => assert.equal(multiply(4, 3), 12));",
      '',
    ].join('\n');
  return {
    project_name: options.name ?? 'math',
    stack: 'static-web',
    description: 'a scripted app',
    features: [],
    files: [
      {
        path: 'package.json',
        content: JSON.stringify(
          {
            name: options.name ?? 'math',
            private: true,
            type: 'module',
            scripts: { test: options.test ?? 'node --test', build: 'node build.mjs' },
          },
          null,
          2,
        ),
      },
      {
        path: 'build.mjs',
        content:
          "import { cpSync, mkdirSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\ncpSync('index.html', 'dist/index.html');\ncpSync('src', 'dist/src', { recursive: true });\n",
      },
      {
        path: 'index.html',
        content: '<!doctype html><title>math</title><h1>Math</h1><script type="module" src="./src/math.js"></script>\n',
      },
      { path: 'src/math.js', content: math },
      { path: 'test/math.test.js', content: tests },
      ...(options.files ?? []),
    ],
    audit_command: 'npm test',
    build_command: 'npm run build',
    output_dir: 'dist',
    run_command: '',
  };
}

/** `src/math.js` with one operation wrong. */
export function brokenMath(broken: { add?: boolean; subtract?: boolean; multiply?: boolean }, note = ''): string {
  return [
    note ? `// ${note}` : '',
    `export const add = (a, b) => a ${broken.add ? '-' : '+'} b;`,
    `export const subtract = (a, b) => a ${broken.subtract ? '+' : '-'} b;`,
    `export const multiply = (a, b) => a ${broken.multiply ? '+' : '*'} b;`,
    '',
  ]
    .filter((l, i) => i > 0 || l !== '')
    .join('\n');
}

export function fileOf(manifest: GantryManifest, path: string): string | undefined {
  return manifest.files.find((f) => f.path === path)?.content;
}
