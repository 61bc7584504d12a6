/**
 * The build job document: how the workflow hands one Fargate build attempt its inputs and outputs
 * without giving the task any AWS identity. The step before Build writes it to the attempt's
 * `job.json` and passes one presigned GET of it to the task (`GANTRY_JOB_URL`, a container
 * override). Every URL in it is signed for exactly one key of that tenant, mission and attempt,
 * except the output form, whose signed POST policy admits only keys under the attempt's
 * `output/` prefix. Nothing here is a credential that reaches further.
 *
 * Shared by the function that writes it (lambdas/adapters/build-job-issuer.ts) and the builder
 * that reads it (aws-mode.ts).
 */
import * as z from '../../lambdas/domain/zod';

/** The container environment variable carrying the presigned GET of the job document. */
export const BUILD_JOB_URL_ENV = 'GANTRY_JOB_URL';

/** Largest single output file the output form accepts (its policy's content-length-range). */
export const MAX_OUTPUT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * RunTask rejects overrides above 8192 bytes (the whole `overrides` JSON). The job URL is the only
 * override that grows with the signer's session token; keep it well inside what is left.
 */
export const MAX_JOB_URL_BYTES = 6144;

const HttpsUrl = z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'));

/** One presigned PUT of one key; the upload must send `content_type` (it is part of the signature). */
const PresignedPutSchema = z.object({ url: HttpsUrl, content_type: z.string().check(z.minLength(1)) });

export const BuildJobDocumentSchema = z.object({
  v: z.literal(1),
  tenant_id: z.string().check(z.minLength(1)),
  mission_id: z.string().check(z.minLength(1)),
  attempt: z.number().check(z.int(), z.gte(1)),
  /** When the URLs stop working (ISO 8601). */
  expires_at: z.string().check(z.minLength(1)),
  inputs: z.object({ manifest: HttpsUrl, limits: HttpsUrl }),
  outputs: z.object({
    log: PresignedPutSchema,
    result: PresignedPutSchema,
    /** S3 POST form: send `fields`, then `key` (under `key_prefix`), `Content-Type` and the file last. */
    files: z.object({
      url: HttpsUrl,
      fields: z.record(z.string(), z.string()),
      key_prefix: z.string().check(z.minLength(1)),
      max_bytes: z.number().check(z.int(), z.gte(1)),
    }),
  }),
});
export type BuildJobDocument = z.infer<typeof BuildJobDocumentSchema>;
