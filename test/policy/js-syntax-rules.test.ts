import { analyzeJavaScript, inlineScripts, type SourceKind, type SyntaxRules } from '../../lambdas/domain/js-syntax-rules';

/**
 * The syntax-tree half of the policy gate, on its own: what each construct is judged as, and
 * what legitimate code (the kind generated apps hold) must not trip over.
 */
const rules: SyntaxRules = {
  forbiddenModules: new Map([
    ['child_process', { rule: 'child-process', reason: 'no programs' }],
    ['http', { rule: 'raw-network', reason: 'no servers' }],
    ['vm', { rule: 'dynamic-code-execution', reason: 'no vm' }],
  ]),
  allowedEnv: new Set(['NODE_ENV']),
};
const rulesOf = (code: string, kind: SourceKind = 'either') => analyzeJavaScript(code, kind, rules).map((f) => f.rule);

describe('refused', () => {
  test.each([
    ['literal require of a forbidden module', "require('child_process')", 'child-process'],
    ['node: prefix and subpath', "import x from 'node:http/whatever';", 'raw-network'],
    ['export from', "export * from 'vm';", 'dynamic-code-execution'],
    ['concatenation', "require('child' + '_process')", 'child-process'],
    ['hex escape', "require('\\x63hild_process')", 'child-process'],
    ['unicode escape', "require('\\u0063hild_process')", 'child-process'],
    ['template from constants', "const a = 'child'; require(`${a}_process`)", 'child-process'],
    ['array join', "require(['child', 'process'].join('_'))", 'child-process'],
    ['reversed string', "require('ssecorp_dlihc'.split('').reverse().join(''))", 'child-process'],
    ['fromCharCode', 'require(String.fromCharCode(118, 109))', 'dynamic-code-execution'],
    ['atob', "require(atob('Y2hpbGRfcHJvY2Vzcw=='))", 'child-process'],
    ['Buffer base64', "require(Buffer.from('Y2hpbGRfcHJvY2Vzcw==', 'base64').toString())", 'child-process'],
    ['require of a variable', 'require(name)', 'computed-module-load'],
    ['import() of a variable', 'import(name)', 'computed-module-load'],
    [
      'createRequire alias',
      "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url); r(x);",
      'computed-module-load',
    ],
    ['require aliased', 'const r = require; r("fs")', 'computed-module-load'],
    ['require.main', "require.main.require('fs')", 'runtime-internals'],
    ['require.cache', 'delete require.cache[k]', 'runtime-internals'],
    ['globalThis require', "globalThis['req' + 'uire']('fs')", 'runtime-internals'],
    ['module.constructor._load', "module.constructor._load('fs')", 'runtime-internals'],
    ['process.binding', "process.binding('spawn_sync')", 'runtime-internals'],
    ['process.mainModule', "process.mainModule.require('fs')", 'runtime-internals'],
    ['process aliased', 'const p = process; p.binding("x")', 'runtime-internals'],
    ['process[computed]', 'process[k]()', 'computed-global-access'],
    ['process["bin" + "ding"]', "process['bin' + 'ding']('x')", 'runtime-internals'],
    ['eval call', 'eval(x)', 'dynamic-code-execution'],
    ['indirect eval', '(0, eval)(x)', 'dynamic-code-execution'],
    ['eval alias', 'const e = eval; e(x)', 'dynamic-code-execution'],
    ['window.eval', 'window.eval(x)', 'dynamic-code-execution'],
    ['window["ev"+"al"]', "window['ev' + 'al'](x)", 'dynamic-code-execution'],
    ['globalThis[computed]', 'globalThis[k](x)', 'computed-global-access'],
    ['Reflect.get on a global', "Reflect.get(globalThis, 'ev' + 'al')(x)", 'dynamic-code-execution'],
    ['new Function', 'new Function("return 1")', 'dynamic-code-execution'],
    ['Function call', 'Function("return 1")()', 'dynamic-code-execution'],
    ['Function aliased', 'const F = Function; F("x")', 'dynamic-code-execution'],
    ['constructor chain', '[].constructor.constructor("x")()', 'dynamic-code-execution'],
    ['constructor chain by strings', "[]['constr' + 'uctor']['constructor']('x')()", 'dynamic-code-execution'],
    ['async function constructor', 'Object.getPrototypeOf(async function () {}).constructor("x")', 'dynamic-code-execution'],
    ['string timer', "setTimeout('alert(1)', 1)", 'dynamic-code-execution'],
    ['concatenated string timer', 'setInterval("go(" + n + ")", 1)', 'dynamic-code-execution'],
    ['template timer', 'window.setTimeout(`run()`, 1)', 'dynamic-code-execution'],
    ['timer from a constant string', "const c = 'run()'; setTimeout(c, 5)", 'dynamic-code-execution'],
    ['script element', "document.createElement('SCRIPT')", 'dynamic-code-execution'],
    ['blob worker', 'new Worker(URL.createObjectURL(blob))', 'dynamic-code-execution'],
    ['WebAssembly', 'WebAssembly.instantiate(bytes)', 'dynamic-code-execution'],
    ['data: module', "import('data:text/javascript,alert(1)')", 'dynamic-code-execution'],
    ['remote module', "import x from 'https://cdn.example/x.js';", 'remote-script'],
    ['env secret', 'process.env.GITHUB_TOKEN', 'env-read'],
    ['env computed', 'process.env[k]', 'env-read'],
    ['env folded', "process.env['AWS_' + 'SECRET']", 'env-read'],
    ['env whole', 'JSON.stringify(process.env)', 'env-read'],
    ['env destructured', 'const { HOME } = process.env', 'env-read'],
    ['env taken from process', 'const { env } = process', 'env-read'],
    ['not JavaScript', '<?php echo 1; ?>', 'unparsable-code'],
  ])('%s', (_name, code, rule) => {
    expect(rulesOf(code)).toContain(rule);
  });
});

describe('allowed (no findings)', () => {
  test.each([
    ['ordinary imports', "import { readFileSync } from 'node:fs'; import path from 'path'; export * from './a.js';"],
    ['require of a literal safe module', "const fs = require('fs'); const p = require.resolve('./x');"],
    ['folded safe specifier', "require('./' + 'util.js')"],
    ['allowed env', "const mode = process.env.NODE_ENV ?? 'dev'; const { NODE_ENV } = process.env;"],
    [
      'process basics',
      'process.exitCode = 1; process.stdout.write(String(process.argv.length)); if (typeof process === "undefined") {}',
    ],
    ['function timers', 'setTimeout(() => go(), 10); setInterval(tick, 5);'],
    ['Function checks', 'x instanceof Function; Function.prototype.call.call(f, null);'],
    [
      'computed access on ordinary objects',
      "const o = {}; o['a' + b] = 1; items[i].name; this.constructor.name; new this.constructor();",
    ],
    [
      'words in strings and property names',
      "const s = 'eval( child_process require(x)'; const o = { eval: 1, require: 2 }; o.eval; class A { process() {} }",
    ],
    ['worker from a literal URL', "new Worker(new URL('./w.js', import.meta.url)); new Worker('./w.js');"],
    ['typeof require', "if (typeof require !== 'undefined') {}"],
    ['module exports', 'module.exports = { a: 1 }; module.exports.b = 2;'],
    ['window members', "window.addEventListener('load', f); window['localStorage'].getItem('k'); globalThis.fetch('/x');"],
    ['create a div', "document.createElement('div')"],
  ])('%s', (_name, code) => {
    expect(analyzeJavaScript(code, 'either', rules)).toEqual([]);
  });
});

test('a file is parsed as a module first, then as a script; .mjs and .cjs only as what they are', () => {
  const sloppy = 'with (o) { x = 1; }';
  expect(rulesOf(sloppy, 'either')).toEqual([]);
  expect(rulesOf(sloppy, 'module')).toEqual(['unparsable-code']);
  expect(rulesOf('export const a = 1;', 'script')).toEqual(['unparsable-code']);
  expect(rulesOf('return 1;', 'script')).toEqual([]);
  expect(rulesOf('#!/usr/bin/env node\nconsole.log(1);', 'module')).toEqual([]);
});

test('findings carry the line; a parse error carries the line of the error', () => {
  expect(analyzeJavaScript('const a = 1;\n\nconst b = require(a);\n', 'either', rules)).toEqual([
    expect.objectContaining({ rule: 'computed-module-load', line: 3 }),
  ]);
  const [err] = analyzeJavaScript('const a = 1;\nconst = 2;\n', 'either', rules);
  expect(err).toMatchObject({ rule: 'unparsable-code', line: 2 });
  expect(err?.message).toMatch(/does not parse/);
});

test('a name declared twice is never folded (it might hold anything)', () => {
  expect(rulesOf("const a = 'fs'; function f() { const a = x; return require(a); }")).toEqual(['computed-module-load']);
});

test('inline scripts: runnable ones with their first line; data scripts and src-only tags skipped', () => {
  const html = [
    '<html>',
    '<script type="application/json">{"eval": 1}</script>',
    '<script src="./a.js"></script>',
    '<script type="module">',
    'import a from "./a.js";',
    '</script>',
    '<SCRIPT>',
    'eval(x)',
    '</SCRIPT>',
  ].join('\n');
  const scripts = inlineScripts(html);
  expect(scripts.map((s) => [s.kind, s.firstLine])).toEqual([
    ['module', 4],
    ['script', 7],
  ]);
  expect(analyzeJavaScript(scripts[1]!.code, scripts[1]!.kind, rules)).toEqual([
    expect.objectContaining({ rule: 'dynamic-code-execution', line: 2 }),
  ]);
});
