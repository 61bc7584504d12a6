import { unpackJson } from '../domain/architect/packed-files';
import { type LoadedPolicy } from '../domain/policy';
import { loadPolicyFile } from '../domain/policy-file';

/**
 * The policy a function is bundled with, as validated JSON. The bundling (CDK, the bundle test and
 * the benchmark: lib/constructs/function-bundling.ts) parses and validates policy.yaml once and
 * puts the result here, as a JSON document brotli-compressed in 117 ASCII characters (about a
 * quarter of its text; ../domain/architect/packed-files.ts), through an esbuild `define`; so no function parses YAML at run time.
 */
declare const GANTRY_BUNDLED_POLICY: string | undefined;

/** The bundled policy; run from the sources (tests, the cloud twin), policy.yaml itself. */
export function bundledPolicy(): LoadedPolicy {
  // In a bundle the condition is a constant (a string literal's type), so esbuild drops the file
  // loader and with it the YAML parser.
  return typeof GANTRY_BUNDLED_POLICY === 'string' ? (unpackJson(GANTRY_BUNDLED_POLICY) as LoadedPolicy) : loadPolicyFile();
}
