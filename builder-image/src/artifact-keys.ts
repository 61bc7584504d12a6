/**
 * S3 key layout of one build attempt, shared by the builder (which reads and writes these keys)
 * and the workflow handlers (which put the manifest and limits there and read the result back).
 *
 *   tenants/<tenant>/missions/<mission>/attempts/<attempt>/
 *     manifest.json   written by the workflow before the builder task starts
 *     job.json        written by the workflow (AWS): the attempt's presigned URLs (build-job-document.ts)
 *     limits.json     written by the workflow (policy.builder, without `concurrency`)
 *     build.log       full combined log, written by the builder (capped at max_log_bytes)
 *     output/<path>   every regular file of the app's output_dir, written by the builder
 *     result.json     BuildResult, written by the builder LAST: its presence means the
 *                     attempt's other objects are complete
 *     patch.diff      attempts 2..: the heal's unified diff from its base attempt (workflow)
 *     heal.json       attempts 2..: which attempt it was healed from, and the diff's summary (workflow)
 */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Raised for ids that would make an ambiguous or unsafe key (a bug in the caller). */
export class ArtifactKeyError extends Error {
  readonly code = 'ARTIFACT_KEY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactKeyError';
  }
}

function segment(kind: string, value: string): string {
  if (!SEGMENT.test(value)) throw new ArtifactKeyError(`${kind} id is not a safe key segment: ${JSON.stringify(value)}`);
  return value;
}

function attemptSegment(attempt: number | string): string {
  const text = String(attempt);
  if (!/^[1-9][0-9]{0,3}$/.test(text))
    throw new ArtifactKeyError(`attempt must be a positive integer, got ${JSON.stringify(text)}`);
  return text;
}

/** `tenants/<tenant>/missions/<mission>/attempts/<attempt>` (no trailing slash). */
export function attemptPrefix(tenant: string, mission: string, attempt: number | string): string {
  return `tenants/${segment('tenant', tenant)}/missions/${segment('mission', mission)}/attempts/${attemptSegment(attempt)}`;
}

export function manifestKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/manifest.json`;
}

export function limitsKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/limits.json`;
}

/** The attempt's build job document (AWS): presigned URLs for exactly this attempt's inputs and outputs. */
export function jobKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/job.json`;
}

export function resultKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/result.json`;
}

export function buildLogKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/build.log`;
}

/** `.../output/` (with trailing slash): list this prefix to find every uploaded output file. */
export function outputPrefix(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/output/`;
}

/** Key of one output file; `relativePath` is a POSIX path relative to the app's output_dir. */
export function outputKey(tenant: string, mission: string, attempt: number | string, relativePath: string): string {
  const parts = relativePath.split('/');
  if (relativePath.length === 0 || parts.some((p) => p === '' || p === '.' || p === '..') || /[\\\0]/.test(relativePath)) {
    throw new ArtifactKeyError(`output path is not a safe relative path: ${JSON.stringify(relativePath)}`);
  }
  return `${outputPrefix(tenant, mission, attempt)}${relativePath}`;
}

/** The heal's unified diff that made this attempt from its base (attempts 2 and later). */
export function patchKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/patch.diff`;
}

/** Which attempt this one was healed from, with the diff's summary (attempts 2 and later). */
export function healKey(tenant: string, mission: string, attempt: number | string): string {
  return `${attemptPrefix(tenant, mission, attempt)}/heal.json`;
}
