import { parse, type AnyNode, type Expression, type Node, type Program, type SpreadElement, type Super } from 'acorn';
import { fullAncestor } from 'acorn-walk';
import { createHash } from 'node:crypto';

/**
 * The policy gate's reading of JavaScript as a syntax tree. Text patterns miss code that builds
 * what it loads or runs at run time (`require('child' + '_process')`, `globalThis['ev' + 'al']`,
 * `[].constructor.constructor(code)`); here every module load, dynamic-code entry point and
 * process API is found by what it is, and strings built from constants are folded before they
 * are judged. Anything the gate cannot resolve statically where it matters is refused.
 */

/** One finding in one source text; the caller adds the file. */
export interface SyntaxFinding {
  readonly rule: string;
  /** 1-based line. */
  readonly line: number;
  readonly message: string;
}

/** What the policy decides about the analysis (from `code_analysis` in policy.yaml). */
export interface SyntaxRules {
  /** Module name (no `node:` prefix, first path segment) → the rule that refuses it and why. */
  readonly forbiddenModules: ReadonlyMap<string, { readonly rule: string; readonly reason: string }>;
  /** `process.env` names generated code may read; every other read is refused. */
  readonly allowedEnv: ReadonlySet<string>;
}

/** How a file is parsed: `.mjs` only as a module, `.cjs` only as a script, `.js` as either. */
export type SourceKind = 'module' | 'script' | 'either';

/** Rule names the analysis itself reports (module rules come from the policy). */
export const SYNTAX_RULES = {
  unparsable: 'unparsable-code',
  computedLoad: 'computed-module-load',
  dynamicCode: 'dynamic-code-execution',
  runtimeInternals: 'runtime-internals',
  computedGlobal: 'computed-global-access',
  envRead: 'env-read',
  remoteModule: 'remote-script',
} as const;

/** Names that reach the global object; a computed key on them is an indirect global lookup. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global', 'frames', 'top', 'parent']);

/** Process members that load native code, reach the module loader or change the process's identity. */
const FORBIDDEN_PROCESS_MEMBERS = new Set([
  'binding',
  '_linkedBinding',
  'dlopen',
  'mainModule',
  'kill',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'reallyExit',
  'openStdin',
  'getBuiltinModule',
]);

/** Module-loader internals, wherever they are reached from (`module.constructor._load`, `Module._compile`). */
const LOADER_INTERNALS = new Set([
  '_load',
  '_compile',
  '_resolveFilename',
  '_extensions',
  '_cache',
  '_nodeModulePaths',
  '_findPath',
]);

/** Members of `module` that reach the loader rather than the module's own exports. */
const FORBIDDEN_MODULE_MEMBERS = new Set(['constructor', 'require', 'parent', 'children', 'paths']);

/** `require.resolve` only names a path; every other member of require reaches the loader. */
const ALLOWED_REQUIRE_MEMBERS = new Set(['resolve']);

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);

/** Longest folded string kept; folding is for names and specifiers, not for payloads. */
const MAX_FOLDED_CHARS = 4096;
const MAX_FOLD_DEPTH = 24;

type Folded = string | number | readonly string[];

interface Context {
  readonly rules: SyntaxRules;
  /** Names bound once with `const` to a string the gate can fold. */
  readonly constants: Map<string, string>;
  /** Names bound to a require function (`createRequire(...)`, `const r = require`). */
  readonly requireAliases: Set<string>;
  readonly findings: SyntaxFinding[];
}

function isString(v: Folded | undefined): v is string {
  return typeof v === 'string';
}

function capped(s: string): string | undefined {
  return s.length > MAX_FOLDED_CHARS ? undefined : s;
}

/** The name of a non-computed member or a folded computed one. */
function memberName(node: Extract<AnyNode, { type: 'MemberExpression' }>, ctx: Context): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  const folded = fold(node.property, ctx, 0);
  return isString(folded) ? folded : typeof folded === 'number' ? String(folded) : undefined;
}

function isIdent(node: Node | null | undefined, name: string): boolean {
  return !!node && node.type === 'Identifier' && (node as Extract<AnyNode, { type: 'Identifier' }>).name === name;
}

function callArgs(node: Extract<AnyNode, { type: 'CallExpression' | 'NewExpression' }>): Array<Expression | SpreadElement> {
  return node.arguments;
}

/**
 * The value of an expression built only from constants (literals, `+`, templates, known `const`
 * strings, `String.fromCharCode`, `atob`, `Buffer.from(…, 'base64'|'hex').toString()`, array
 * `join`/`reverse`, string `split`/`concat`/case changes); undefined when it depends on run time.
 */
function fold(node: Expression | SpreadElement | Super | Node, ctx: Context, depth: number): Folded | undefined {
  if (depth > MAX_FOLD_DEPTH) return undefined;
  const n = node as AnyNode;
  const next = (child: Node): Folded | undefined => fold(child, ctx, depth + 1);
  switch (n.type) {
    case 'Literal':
      return typeof n.value === 'string' ? capped(n.value) : typeof n.value === 'number' ? n.value : undefined;
    case 'Identifier':
      return ctx.constants.get(n.name);
    case 'TemplateLiteral': {
      let out = '';
      for (let i = 0; i < n.quasis.length; i++) {
        const cooked = n.quasis[i]?.value.cooked;
        if (cooked === undefined || cooked === null) return undefined;
        out += cooked;
        const expr = n.expressions[i];
        if (expr) {
          const v = next(expr);
          if (v === undefined || Array.isArray(v)) return undefined;
          out += String(v);
        }
      }
      return capped(out);
    }
    case 'BinaryExpression': {
      if (n.operator !== '+') return undefined;
      const left = next(n.left);
      const right = next(n.right);
      if (left === undefined || right === undefined || Array.isArray(left) || Array.isArray(right)) return undefined;
      if (typeof left === 'number' && typeof right === 'number') return left + right;
      return capped(String(left) + String(right));
    }
    case 'SequenceExpression': {
      const last = n.expressions[n.expressions.length - 1];
      return last ? next(last) : undefined;
    }
    case 'ArrayExpression': {
      const items: string[] = [];
      for (const el of n.elements) {
        if (!el || el.type === 'SpreadElement') return undefined;
        const v = next(el);
        if (v === undefined || Array.isArray(v)) return undefined;
        items.push(String(v));
      }
      return items;
    }
    case 'CallExpression':
      return foldCall(n, ctx, depth);
    default:
      return undefined;
  }
}

function foldCall(n: Extract<AnyNode, { type: 'CallExpression' }>, ctx: Context, depth: number): Folded | undefined {
  const args = callArgs(n).map((a) => fold(a, ctx, depth + 1));
  if (isIdent(n.callee, 'atob') && isString(args[0])) return capped(Buffer.from(args[0], 'base64').toString('latin1'));
  if (n.callee.type !== 'MemberExpression') return undefined;
  const method = memberName(n.callee, ctx);
  const target = n.callee.object;
  if (isIdent(target, 'String') && method === 'fromCharCode') {
    if (!args.every((a) => typeof a === 'number')) return undefined;
    return capped(String.fromCharCode(...(args as number[])));
  }
  // Buffer.from('…', 'base64').toString()
  if (method === 'toString' && target.type === 'CallExpression' && target.callee.type === 'MemberExpression') {
    if (isIdent(target.callee.object, 'Buffer') && memberName(target.callee, ctx) === 'from') {
      const [data, encoding] = callArgs(target).map((a) => fold(a, ctx, depth + 1));
      if (isString(data) && (encoding === 'base64' || encoding === 'hex' || encoding === undefined)) {
        return capped(Buffer.from(data, encoding ?? 'utf8').toString('latin1'));
      }
    }
    return undefined;
  }
  const value = fold(target, ctx, depth + 1);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (method === 'join') {
      const sep = args[0] === undefined ? ',' : args[0];
      return isString(sep) ? capped(value.join(sep)) : undefined;
    }
    if (method === 'reverse') return [...value].reverse();
    return undefined;
  }
  const text = String(value);
  switch (method) {
    case 'split':
      return isString(args[0]) ? text.split(args[0]) : undefined;
    case 'concat':
      return args.every((a) => isString(a) || typeof a === 'number') ? capped(text + args.join('')) : undefined;
    case 'toLowerCase':
      return text.toLowerCase();
    case 'toUpperCase':
      return text.toUpperCase();
    case 'trim':
      return text.trim();
    case 'toString':
      return text;
    default:
      return undefined;
  }
}

/** True for an expression that evaluates to a string (a literal, a template, a concatenation with one). */
function isStringValued(node: Expression | SpreadElement, ctx: Context): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    return isStringValued(node.left as Expression, ctx) || isStringValued(node.right, ctx);
  }
  if (node.type === 'Identifier') return ctx.constants.has(node.name);
  return false;
}

function report(ctx: Context, rule: string, node: Node, message: string): void {
  ctx.findings.push({ rule, line: node.loc?.start.line ?? 1, message });
}

/** Judges one module specifier: policy-forbidden modules, remote URLs, and code in data:/blob: URLs. */
function checkSpecifier(ctx: Context, spec: string, node: Node, how: string, built: boolean): void {
  const shown = JSON.stringify(spec.length > 80 ? `${spec.slice(0, 77)}...` : spec);
  if (/^(?:https?:)?\/\//i.test(spec)) {
    report(ctx, SYNTAX_RULES.remoteModule, node, `${how} ${shown} loads code from another origin, which can change after review`);
    return;
  }
  if (/^(?:data|blob|javascript):/i.test(spec)) {
    report(ctx, SYNTAX_RULES.dynamicCode, node, `${how} of a ${spec.split(':')[0]}: URL runs code built from a string`);
    return;
  }
  const name = spec.replace(/^node:/, '').split('/')[0] ?? '';
  const forbidden = ctx.rules.forbiddenModules.get(name);
  if (forbidden) {
    const note = built ? ' (the name is assembled at run time to hide it)' : '';
    report(ctx, forbidden.rule, node, `${how} ${shown}${note}: ${forbidden.reason}`);
  }
}

/** A module load whose specifier is either a folded string or refused as computed. */
function checkLoad(ctx: Context, arg: Expression | SpreadElement | undefined, node: Node, how: string): void {
  if (!arg) return;
  const folded = fold(arg, ctx, 0);
  if (isString(folded)) {
    checkSpecifier(ctx, folded, node, how, arg.type !== 'Literal');
    return;
  }
  report(
    ctx,
    SYNTAX_RULES.computedLoad,
    node,
    `${how} with a specifier computed at run time; the gate cannot tell what it loads (use a literal string)`,
  );
}

/** What a global name reached indirectly (`globalThis.eval`, `window['req' + 'uire']`) means. */
function checkGlobalName(ctx: Context, name: string, node: Node, via: string): void {
  if (name === 'eval' || name === 'Function' || name === 'execScript') {
    report(ctx, SYNTAX_RULES.dynamicCode, node, `${via} reaches ${name}, which turns strings into code`);
  } else if (name === 'require' || name === 'module' || name === 'process') {
    report(ctx, SYNTAX_RULES.runtimeInternals, node, `${via} reaches ${name} indirectly, hiding what it loads or runs`);
  } else if (name === 'WebAssembly') {
    report(ctx, SYNTAX_RULES.dynamicCode, node, `${via} reaches WebAssembly, which runs compiled code from bytes`);
  }
}

/** Whether an Identifier node in this position reads a variable (not a property name, label or declaration). */
function isReference(node: Node, parent: AnyNode | undefined): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node || parent.computed;
    case 'Property':
      return parent.value === node || parent.computed || parent.shorthand;
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return parent.key !== node || parent.computed;
    case 'VariableDeclarator':
      return parent.init === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return false;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'MetaProperty':
      return false;
    default:
      return true;
  }
}

/** Collects `const` strings and require aliases before the main walk, so order of declaration does not matter. */
function collectBindings(ast: Program, ctx: Context): void {
  const seen = new Map<string, number>();
  fullAncestor(ast, (node) => {
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier') return;
    const name = node.id.name;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const init = node.init;
    if (!init) return;
    if (init.type === 'Identifier' && (init.name === 'require' || ctx.requireAliases.has(init.name)))
      ctx.requireAliases.add(name);
    if (init.type === 'CallExpression') {
      const callee = init.callee;
      const fn =
        callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee, ctx) : undefined;
      if (fn === 'createRequire') ctx.requireAliases.add(name);
    }
  });
  // Constants second: a name declared more than once (shadowed) is never folded.
  fullAncestor(ast, (node, _state, ancestors) => {
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier' || !node.init) return;
    const decl = ancestors[ancestors.length - 2];
    if (decl?.type !== 'VariableDeclaration' || decl.kind !== 'const' || seen.get(node.id.name) !== 1) return;
    const value = fold(node.init, ctx, 0);
    if (isString(value)) ctx.constants.set(node.id.name, value);
  });
}

function checkProcessMember(
  ctx: Context,
  node: Extract<AnyNode, { type: 'MemberExpression' }>,
  parent: AnyNode | undefined,
): void {
  const name = memberName(node, ctx);
  if (name === undefined) {
    report(ctx, SYNTAX_RULES.computedGlobal, node, 'process[…] with a key computed at run time hides which process API is used');
    return;
  }
  if (FORBIDDEN_PROCESS_MEMBERS.has(name)) {
    report(
      ctx,
      SYNTAX_RULES.runtimeInternals,
      node,
      `process.${name} reaches native bindings, the module loader or the process's identity`,
    );
    return;
  }
  if (name !== 'env') return;
  // process.env: only named reads of allowed variables.
  if (parent?.type === 'MemberExpression' && parent.object === node) {
    const key = memberName(parent, ctx);
    if (key === undefined) {
      report(ctx, SYNTAX_RULES.envRead, parent, 'process.env[…] with a computed name can read any variable, secrets included');
    } else if (!ctx.rules.allowedEnv.has(key)) {
      report(
        ctx,
        SYNTAX_RULES.envRead,
        parent,
        `process.env.${key} is not in code_analysis.allowed_env (${[...ctx.rules.allowedEnv].join(', ')})`,
      );
    }
    return;
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern') {
    for (const prop of parent.id.properties) {
      const key = prop.type === 'Property' && !prop.computed && prop.key.type === 'Identifier' ? prop.key.name : undefined;
      if (key === undefined || !ctx.rules.allowedEnv.has(key)) {
        report(
          ctx,
          SYNTAX_RULES.envRead,
          prop,
          `destructuring ${key ?? '…'} from process.env is not allowed by code_analysis.allowed_env`,
        );
      }
    }
    return;
  }
  if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return;
  report(
    ctx,
    SYNTAX_RULES.envRead,
    node,
    'the whole of process.env is used (copied, passed or enumerated); secrets would go with it',
  );
}

function visit(node: AnyNode, ancestors: AnyNode[], ctx: Context): void {
  const parent = ancestors[ancestors.length - 2];
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
      if (typeof node.source.value === 'string') checkSpecifier(ctx, node.source.value, node, 'import', false);
      return;
    case 'ExportNamedDeclaration':
      if (node.source && typeof node.source.value === 'string')
        checkSpecifier(ctx, node.source.value, node, 'export from', false);
      return;
    case 'ImportExpression':
      checkLoad(ctx, node.source, node, 'import()');
      return;
    case 'CallExpression':
    case 'NewExpression': {
      const callee = node.callee;
      const args = callArgs(node);
      if (callee.type === 'Identifier' && (callee.name === 'require' || ctx.requireAliases.has(callee.name))) {
        checkLoad(ctx, args[0], node, `${callee.name}()`);
        return;
      }
      const calleeName =
        callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee, ctx) : undefined;
      const onGlobal =
        callee.type === 'Identifier' ||
        (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && GLOBAL_OBJECTS.has(callee.object.name));
      if (calleeName && TIMERS.has(calleeName) && onGlobal && args[0] && isStringValued(args[0], ctx)) {
        report(ctx, SYNTAX_RULES.dynamicCode, node, `${calleeName} given a string compiles it as code`);
      }
      if (
        callee.type === 'MemberExpression' &&
        calleeName === 'constructor' &&
        callee.object.type !== 'ThisExpression' &&
        args.length > 0
      ) {
        report(
          ctx,
          SYNTAX_RULES.dynamicCode,
          node,
          'calling a .constructor with arguments reaches the Function constructor (code from strings)',
        );
      }
      if (
        node.type === 'NewExpression' &&
        calleeName &&
        /^(?:Shared)?Worker$/.test(calleeName) &&
        args[0] &&
        !isString(fold(args[0], ctx, 0))
      ) {
        const a = args[0];
        const isUrlOfLiteral =
          a.type === 'NewExpression' &&
          isIdent(a.callee, 'URL') &&
          a.arguments[0] !== undefined &&
          isString(fold(a.arguments[0], ctx, 0));
        if (!isUrlOfLiteral)
          report(
            ctx,
            SYNTAX_RULES.dynamicCode,
            node,
            `new ${calleeName} with a script computed at run time (a blob or data URL is code from a string)`,
          );
      }
      if (calleeName === 'createElement' && args[0] && fold(args[0], ctx, 0)?.toString().toLowerCase() === 'script') {
        report(ctx, SYNTAX_RULES.dynamicCode, node, 'creating <script> elements at run time loads code the gate never saw');
      }
      if (
        callee.type === 'MemberExpression' &&
        isIdent(callee.object, 'Reflect') &&
        (calleeName === 'get' || calleeName === 'apply' || calleeName === 'construct')
      ) {
        const [target, key] = args;
        if (target?.type === 'Identifier' && (GLOBAL_OBJECTS.has(target.name) || target.name === 'process')) {
          const name = key ? fold(key, ctx, 0) : undefined;
          if (isString(name)) checkGlobalName(ctx, name, node, `Reflect.${calleeName}(${target.name}, …)`);
          else
            report(
              ctx,
              SYNTAX_RULES.computedGlobal,
              node,
              `Reflect.${calleeName} on ${target.name} with a computed key hides what it reaches`,
            );
        }
      }
      return;
    }
    case 'Identifier': {
      if (!isReference(node, parent)) return;
      const name = node.name;
      if (name === 'eval' || name === 'execScript') {
        report(ctx, SYNTAX_RULES.dynamicCode, node, `${name} turns strings into code (calls and aliases alike)`);
      } else if (name === 'Function') {
        const instanceofRight = parent?.type === 'BinaryExpression' && parent.operator === 'instanceof' && parent.right === node;
        const prototype =
          parent?.type === 'MemberExpression' && parent.object === node && memberName(parent, ctx) === 'prototype';
        if (!instanceofRight && !prototype)
          report(ctx, SYNTAX_RULES.dynamicCode, node, 'the Function constructor turns strings into code');
      } else if (name === 'WebAssembly') {
        report(ctx, SYNTAX_RULES.dynamicCode, node, 'WebAssembly runs compiled code from bytes the gate cannot read');
      } else if (name === 'require' || ctx.requireAliases.has(name)) {
        const called = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === node;
        const member = parent?.type === 'MemberExpression' && parent.object === node;
        if (member) {
          const m = memberName(parent, ctx);
          if (m === undefined || !ALLOWED_REQUIRE_MEMBERS.has(m)) {
            report(ctx, SYNTAX_RULES.runtimeInternals, parent, `${name}.${m ?? '[…]'} reaches the module loader`);
          }
        } else if (!called && !(parent?.type === 'UnaryExpression' && parent.operator === 'typeof')) {
          report(ctx, SYNTAX_RULES.computedLoad, node, `${name} is passed around or aliased, so what it loads cannot be checked`);
        }
      } else if (name === 'process') {
        if (parent?.type === 'MemberExpression' && parent.object === node) {
          checkProcessMember(ctx, parent, ancestors[ancestors.length - 3]);
        } else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'ObjectPattern') {
          for (const prop of parent.id.properties) {
            const key = prop.type === 'Property' && !prop.computed && prop.key.type === 'Identifier' ? prop.key.name : undefined;
            if (key === undefined || key === 'env' || FORBIDDEN_PROCESS_MEMBERS.has(key)) {
              report(
                ctx,
                key === 'env' ? SYNTAX_RULES.envRead : SYNTAX_RULES.runtimeInternals,
                prop,
                `destructuring ${key ?? '…'} from process is not allowed`,
              );
            }
          }
        } else if (!(parent?.type === 'UnaryExpression' && parent.operator === 'typeof')) {
          report(
            ctx,
            SYNTAX_RULES.runtimeInternals,
            node,
            'process is passed around or aliased, so the APIs it reaches cannot be checked',
          );
        }
      } else if (name === 'module' && parent?.type === 'MemberExpression' && parent.object === node) {
        const m = memberName(parent, ctx);
        if (m === undefined || FORBIDDEN_MODULE_MEMBERS.has(m)) {
          report(ctx, SYNTAX_RULES.runtimeInternals, parent, `module.${m ?? '[…]'} reaches the module loader`);
        }
      }
      return;
    }
    case 'MemberExpression': {
      const name = memberName(node, ctx);
      if (node.object.type === 'Identifier' && GLOBAL_OBJECTS.has(node.object.name)) {
        if (name === undefined) {
          report(
            ctx,
            SYNTAX_RULES.computedGlobal,
            node,
            `${node.object.name}[…] with a key computed at run time can reach eval, require or process unseen`,
          );
        } else {
          checkGlobalName(ctx, name, node, `${node.object.name}.${name}`);
        }
      }
      if (name !== undefined && LOADER_INTERNALS.has(name)) {
        report(ctx, SYNTAX_RULES.runtimeInternals, node, `.${name} is a module-loader internal`);
      }
      if (name === 'constructor' && node.object.type === 'MemberExpression' && memberName(node.object, ctx) === 'constructor') {
        report(
          ctx,
          SYNTAX_RULES.dynamicCode,
          node,
          '.constructor.constructor reaches the Function constructor (code from strings)',
        );
      }
      return;
    }
    default:
      return;
  }
}

function tryParse(text: string, sourceType: 'module' | 'script'): Program | SyntaxError {
  try {
    return parse(text, {
      ecmaVersion: 'latest',
      sourceType,
      locations: true,
      allowHashBang: true,
      // CommonJS files run inside a function wrapper, where a top-level return is legal.
      allowReturnOutsideFunction: sourceType === 'script',
    });
  } catch (err) {
    return err as SyntaxError;
  }
}

/**
 * Parses one JavaScript text and returns what the policy refuses in it, first finding per rule
 * first. A text that parses neither as a module nor (for `.js`/`.cjs`) as a script is one
 * `unparsable-code` finding: code the gate cannot read is code it cannot pass.
 */
export function analyzeJavaScript(text: string, kind: SourceKind, rules: SyntaxRules): SyntaxFinding[] {
  // The analysis is a pure function of the text, its kind and the rules: a text seen before under
  // the same rules (a heal's unchanged files, the same template's files) is not parsed again.
  let seen = findingsSeen.get(rules);
  if (!seen) findingsSeen.set(rules, (seen = new Map()));
  const key = `${kind}:${createHash('sha256').update(text).digest('base64')}`;
  const known = seen.get(key);
  if (known) return known.map((f) => ({ ...f }));
  const findings = analyzeText(text, kind, rules);
  if (seen.size >= FINDINGS_SEEN_MAX) seen.delete(seen.keys().next().value!);
  seen.set(key, findings);
  return findings.map((f) => ({ ...f }));
}

/** Texts analysed, per rule set (a policy's rules live as long as that policy is in force). */
const findingsSeen = new WeakMap<SyntaxRules, Map<string, SyntaxFinding[]>>();
const FINDINGS_SEEN_MAX = 2_000;

function analyzeText(text: string, kind: SourceKind, rules: SyntaxRules): SyntaxFinding[] {
  const attempts: Array<'module' | 'script'> = kind === 'either' ? ['module', 'script'] : [kind];
  let ast: Program | undefined;
  let firstError: SyntaxError | undefined;
  for (const sourceType of attempts) {
    const result = tryParse(text, sourceType);
    if (result instanceof SyntaxError || !(result as Program).type) {
      firstError ??= result as SyntaxError;
      continue;
    }
    ast = result;
    break;
  }
  if (!ast) {
    const loc = (firstError as (SyntaxError & { loc?: { line: number } }) | undefined)?.loc;
    return [
      {
        rule: SYNTAX_RULES.unparsable,
        line: loc?.line ?? 1,
        message: `The file does not parse as JavaScript (${attempts.join(' or ')}): ${firstError?.message ?? 'unknown error'}`,
      },
    ];
  }
  const ctx: Context = { rules, constants: new Map(), requireAliases: new Set(), findings: [] };
  collectBindings(ast, ctx);
  fullAncestor(ast, (node, _state, ancestors) => visit(node, ancestors, ctx));
  return ctx.findings;
}

/** One inline script of an HTML page: its code and the page line it starts on. */
export interface InlineScript {
  readonly code: string;
  readonly firstLine: number;
  readonly kind: SourceKind;
}

/** Script types a browser runs; anything else (`application/json`, templates) is data. */
const RUNNABLE_TYPE = /^(?:|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;

/** The inline `<script>` bodies of an HTML text that a browser would run. */
export function inlineScripts(html: string): InlineScript[] {
  const out: InlineScript[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    if (/\bsrc\s*=/i.test(attrs) && body.trim() === '') continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (!RUNNABLE_TYPE.test(type)) continue;
    const start = m.index + m[0].indexOf('>') + 1;
    const firstLine = html.slice(0, start).split('\n').length;
    out.push({ code: body, firstLine, kind: type.toLowerCase() === 'module' ? 'module' : 'script' });
  }
  return out;
}
