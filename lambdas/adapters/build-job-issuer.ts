import { buildLogKey, jobKey, limitsKey, manifestKey, outputPrefix, resultKey } from '../../builder-image/src/artifact-keys';
import { MAX_JOB_URL_BYTES, MAX_OUTPUT_FILE_BYTES, type BuildJobDocument } from '../../builder-image/src/build-job-document';
import type { BuildJobIssuer } from '../domain/ports';
import type { SignedS3Client } from './s3-client';

/** SigV4 presigned requests are valid for at most seven days. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Raised when the job URL would not fit into the RunTask container overrides. */
export class BuildJobUrlTooLongError extends Error {
  readonly code = 'BUILD_JOB_URL_TOO_LONG';
  constructor(bytes: number) {
    super(`The presigned build job URL is ${bytes} bytes; at most ${MAX_JOB_URL_BYTES} fit into the task's overrides`);
    this.name = 'BuildJobUrlTooLongError';
  }
}

/**
 * Presigns one attempt's URLs with the calling function's own credentials (so they reach no
 * further than its role does, and the signature binds each to its key): GET of manifest.json and
 * limits.json, PUT of build.log and result.json (content type signed), and a POST form whose
 * policy admits only keys under the attempt's `output/` prefix. Writes them to job.json and
 * returns a presigned GET of that document.
 *
 * A presigned URL stops working when the credentials that signed it expire, whatever its own
 * expiry; a Lambda function's role session outlives a Build state of minutes.
 */
export class S3BuildJobIssuer implements BuildJobIssuer {
  constructor(
    private readonly s3: SignedS3Client,
    private readonly bucket: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async issue(job: Parameters<BuildJobIssuer['issue']>[0]): Promise<string> {
    const ids = [job.tenantId, job.missionId, job.attempt] as const;
    const expiresIn = Math.min(MAX_PRESIGN_SECONDS, Math.max(60, Math.ceil(job.validSeconds)));
    const get = async (key: string): Promise<string> => this.s3.presignedUrl('GET', this.bucket, key, expiresIn);
    // The content type stays a signed header: an upload with another type is refused.
    const put = async (key: string, contentType: string): Promise<{ url: string; content_type: string }> => ({
      url: this.s3.presignedUrl('PUT', this.bucket, key, expiresIn, contentType),
      content_type: contentType,
    });
    const prefix = outputPrefix(...ids);
    const form = this.s3.presignedPost(
      this.bucket,
      // `${filename}` makes the policy a starts-with condition on the prefix (not one fixed key).
      `${prefix}\${filename}`,
      [
        ['content-length-range', 0, MAX_OUTPUT_FILE_BYTES],
        ['starts-with', '$Content-Type', ''],
      ],
      expiresIn,
    );
    const document: BuildJobDocument = {
      v: 1,
      tenant_id: job.tenantId,
      mission_id: job.missionId,
      attempt: job.attempt,
      expires_at: new Date(this.now().getTime() + expiresIn * 1000).toISOString(),
      inputs: { manifest: await get(manifestKey(...ids)), limits: await get(limitsKey(...ids)) },
      outputs: {
        log: await put(buildLogKey(...ids), 'text/plain; charset=utf-8'),
        result: await put(resultKey(...ids), 'application/json'),
        files: { url: form.url, fields: form.fields, key_prefix: prefix, max_bytes: MAX_OUTPUT_FILE_BYTES },
      },
    };
    const key = jobKey(...ids);
    await this.s3.putObject({
      Bucket: this.bucket,
      Key: key,
      Body: JSON.stringify(document, null, 2),
      ContentType: 'application/json',
    });
    const url = await get(key);
    const bytes = Buffer.byteLength(url);
    if (bytes > MAX_JOB_URL_BYTES) throw new BuildJobUrlTooLongError(bytes);
    return url;
  }
}

/**
 * Local stack: the sandboxed builder reads and writes its job folder and needs no URL. The value
 * names the attempt's job key, so the Build state's parameters resolve the same way as on AWS.
 */
export class LocalBuildJobIssuer implements BuildJobIssuer {
  async issue(job: Parameters<BuildJobIssuer['issue']>[0]): Promise<string> {
    return `gantry-local:${jobKey(job.tenantId, job.missionId, job.attempt)}`;
  }
}
