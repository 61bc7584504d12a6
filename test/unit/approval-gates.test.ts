import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  approvalFor,
  contextDigest,
  DecisionRequestSchema,
  gateApplies,
  timeoutAction,
  type DecisionContext,
} from '../../lambdas/domain/approval';
import { canonicalDigest, canonicalize } from '../../lambdas/domain/canonical-json';
import { checkPolicy, PolicyConfigError, type ApprovalGate } from '../../lambdas/domain/policy';
import { loadPolicyFile, parsePolicy, PROJECT_ROOT } from '../../lambdas/domain/policy-file';

/** Approval gates as policy (schema, hash) and as pure decisions (when a gate applies, what a timeout does, digests). */

const base = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8')) as Record<string, unknown>;
const withGates = (gates: unknown[]) => checkPolicy({ ...base, approvals: { gates } }, 'test');
const gate = (over: Partial<ApprovalGate> = {}): ApprovalGate => ({
  name: 'before-publish',
  when: 'always',
  roles: ['approver'],
  timeout_s: 60,
  on_timeout: 'reject',
  ...over,
});

test('the bundled policy has no gate, so missions run through as before', () => {
  expect(loadPolicyFile(join(PROJECT_ROOT, 'policy.yaml')).policy.approvals.gates).toEqual([]);
});

test('gates are checked with the rest of the policy, naming the key', () => {
  expect(withGates([gate()]).policy.approvals.gates).toHaveLength(1);
  const refused = (gates: unknown[]): string => {
    try {
      withGates(gates);
      return 'accepted';
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyConfigError);
      return (err as Error).message;
    }
  };
  expect(refused([gate({ when: 'cost_over' })])).toMatch(
    /approvals\.gates\.0\.cost_usd_over: a cost_over gate needs cost_usd_over/,
  );
  expect(refused([gate({ on_timeout: 'escalate' })])).toMatch(/escalate_to/);
  expect(refused([gate(), gate()])).toMatch(/each gate name may appear once/);
  expect(refused([gate({ roles: ['superuser' as never] })])).toMatch(/approvals\.gates\.0\.roles\.0/);
  expect(refused([gate({ name: 'before-build' as never })])).toMatch(/approvals\.gates\.0\.name/);
  expect(refused([{ ...gate(), timeout: 5 }])).toMatch(/approvals\.gates\.0/);
  expect(refused([gate({ timeout_s: 0 })])).toMatch(/timeout_s/);
});

test('the policy hash covers the gates', () => {
  const text = readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8');
  const gated = text.replace(
    'approvals:\n  gates: []',
    'approvals:\n  gates:\n    - { name: before-deploy, when: always, roles: [owner], timeout_s: 60, on_timeout: reject }',
  );
  expect(gated).not.toBe(text);
  expect(parsePolicy(gated).hash).not.toBe(parsePolicy(text).hash);
  expect(parsePolicy(gated).policy.approvals.gates[0]?.name).toBe('before-deploy');
});

test('when a gate applies', () => {
  const facts = { healed: false, overridden: false, cost_usd: 0.2 };
  expect(gateApplies(gate(), facts).applies).toBe(true);
  expect(gateApplies(gate({ when: 'healed' }), facts).applies).toBe(false);
  expect(gateApplies(gate({ when: 'healed' }), { ...facts, healed: true }).applies).toBe(true);
  expect(gateApplies(gate({ when: 'overridden_rule' }), { ...facts, overridden: true }).applies).toBe(true);
  expect(gateApplies(gate({ when: 'cost_over', cost_usd_over: 0.5 }), facts).applies).toBe(false);
  expect(gateApplies(gate({ when: 'cost_over', cost_usd_over: 0.5 }), { ...facts, cost_usd: 0.51 })).toMatchObject({
    applies: true,
    reason: expect.stringMatching(/over \$0\.5/),
  });
});

test('a timeout does what the gate says on the first wait, and rejects after an escalation', () => {
  const escalating = approvalFor(gate({ on_timeout: 'escalate', escalate_to: ['owner'] }), 'always');
  expect(timeoutAction(escalating)).toBe('escalate');
  expect(timeoutAction({ ...escalating, roles: ['owner'], escalated: true })).toBe('reject');
  expect(timeoutAction(approvalFor(gate({ on_timeout: 'approve' }), 'always'))).toBe('approve');
});

test('a decision needs a justification; the digest, when sent, is a sha256 digest', () => {
  expect(DecisionRequestSchema.safeParse({ decision: 'APPROVE', justification: 'fine' }).success).toBe(true);
  expect(DecisionRequestSchema.safeParse({ decision: 'APPROVE' }).success).toBe(false);
  expect(DecisionRequestSchema.safeParse({ decision: 'APPROVE', justification: '   ' }).success).toBe(false);
  expect(DecisionRequestSchema.safeParse({ decision: 'APPROVE', justification: 'x'.repeat(2001) }).success).toBe(false);
  expect(DecisionRequestSchema.safeParse({ decision: 'MAYBE', justification: 'x' }).success).toBe(false);
  expect(DecisionRequestSchema.safeParse({ decision: 'REJECT', justification: 'x', context_digest: 'abc' }).success).toBe(false);
  expect(DecisionRequestSchema.safeParse({ decision: 'REJECT', justification: 'x', extra: 1 }).success).toBe(false);
});

describe('RFC 8785 canonical JSON', () => {
  test("members sort by UTF-16 code units (the RFC's own example)", () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the member names off the text: a parsed object would put the integer-like "1" first.
    const text = canonicalize(value);
    const keys = [...text.matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  test('numbers in ECMAScript form, minimal string escaping, no whitespace', () => {
    expect(canonicalize({ b: [1e21, 1e-7, 0.000001, -0, 333333333.3333333, 5e-324], a: 'é\n"\u001f' })).toBe(
      '{"a":"é\\n\\"\\u001f","b":[1e+21,1e-7,0.000001,0,333333333.3333333,5e-324]}',
    );
    expect(() => canonicalize({ x: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => canonicalize({ x: '\ud800' })).toThrow(/lone UTF-16 surrogate/);
    expect(canonicalize({ keep: 1, drop: undefined })).toBe('{"keep":1}');
  });

  test('a context digest is sha256 over the canonical form, whatever the member order', () => {
    const context: DecisionContext = {
      plan: { b: 1, a: 2 },
      diff_summary: null,
      tests: null,
      preview_url: null,
      cost: { cost_usd: 0.1 },
    };
    const reordered = { cost: { cost_usd: 0.1 }, preview_url: null, tests: null, diff_summary: null, plan: { a: 2, b: 1 } };
    expect(contextDigest(context)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contextDigest(context)).toBe(canonicalDigest(reordered));
    expect(contextDigest(context)).not.toBe(canonicalDigest({ ...reordered, preview_url: 'http://x' }));
  });
});
