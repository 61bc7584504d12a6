import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { openNoFollow } from './app-files';
import { buildLogKey, limitsKey, manifestKey, outputKey, resultKey } from './artifact-keys';
import { buildFromInputs, emit, failedBeforeBuild, resultJson } from './build-job';

/**
 * The builder as a Fargate task: inputs from and outputs to the artifact bucket (keys in
 * artifact-keys.ts). Uploads build.log and every output file first and result.json last, so a
 * result in the bucket means the attempt's objects are complete.
 */
const AwsEnvSchema = z.object({
  GANTRY_ARTIFACT_BUCKET: z.string().min(1),
  GANTRY_TENANT_ID: z.string().min(1),
  GANTRY_MISSION_ID: z.string().min(1),
  GANTRY_ATTEMPT: z.string().regex(/^[1-9][0-9]*$/),
  /** Parent of the app folder; /work in the image. */
  GANTRY_WORK_DIR: z.string().min(1).default('/work'),
  /** Path-style S3 addressing, for S3-compatible test servers. */
  GANTRY_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /** Pre-warmed npm cache baked into the image (read-only there; copied before use). */
  GANTRY_NPM_CACHE_SEED: z.string().default(''),
});

/**
 * The task's root filesystem is read-only: give the app's commands a writable HOME and a
 * writable copy of the image's npm cache (npm fails offline on a read-only cache) under the
 * work volume. The build runner passes HOME and npm_config_cache on to the commands.
 */
async function prepareWritableHome(workDir: string, cacheSeed: string): Promise<void> {
  const home = join(workDir, 'home');
  await mkdir(home, { recursive: true });
  process.env.HOME = home;
  const cache = join(workDir, '.npm-cache');
  if (cacheSeed && existsSync(cacheSeed)) await cp(cacheSeed, cache, { recursive: true });
  await mkdir(cache, { recursive: true });
  process.env.npm_config_cache = cache;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
  map: 'application/json',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
};

function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Runs up to `limit` tasks at once. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function runAwsMode(rawEnv: NodeJS.ProcessEnv, signal: AbortSignal, confined: boolean): Promise<number> {
  const parsed = AwsEnvSchema.safeParse(rawEnv);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    emit({ v: 1, type: 'error', message: `invalid environment: ${issue?.path.join('.')}: ${issue?.message}` });
    return 2;
  }
  const env = parsed.data;
  const ids = [env.GANTRY_TENANT_ID, env.GANTRY_MISSION_ID, env.GANTRY_ATTEMPT] as const;
  const bucket = env.GANTRY_ARTIFACT_BUCKET;
  const s3 = new S3Client({ forcePathStyle: env.GANTRY_S3_FORCE_PATH_STYLE === 'true' });

  const getText = async (key: string): Promise<string | { error: string }> => {
    try {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
      return (await response.Body?.transformToString('utf8')) ?? '';
    } catch (err) {
      return { error: `cannot read s3://${bucket}/${key}: ${(err as Error).name}: ${(err as Error).message}` };
    }
  };
  const put = async (key: string, body: string | Buffer, type: string): Promise<void> => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: type }));
  };

  await prepareWritableHome(env.GANTRY_WORK_DIR, env.GANTRY_NPM_CACHE_SEED);
  const manifestText = await getText(manifestKey(...ids));
  const limitsText = await getText(limitsKey(...ids));
  const appDir = join(env.GANTRY_WORK_DIR, 'app');
  let outcome;
  if (typeof manifestText !== 'string' || typeof limitsText !== 'string') {
    const error = (typeof manifestText !== 'string' ? manifestText : (limitsText as { error: string })).error;
    emit({ v: 1, type: 'log', line: `[gantry] ${error}` });
    outcome = { result: failedBeforeBuild(error), log: `[gantry] ${error}\n`, outputDir: null };
  } else {
    outcome = await buildFromInputs({
      manifestText,
      limitsText,
      appDir,
      signal,
      // Every process in the task runs as one uid, so RLIMIT_NPROC is a usable max_pids.
      processLimit: (maxPids) => maxPids,
      reapStrays: confined,
    });
  }

  try {
    await put(buildLogKey(...ids), outcome.log, 'text/plain; charset=utf-8');
    const outputDir = outcome.outputDir;
    if (outcome.result.ok && outputDir) {
      await inBatches(outcome.result.output_files, 8, async (relative) => {
        const handle = await openNoFollow(join(outputDir, relative));
        try {
          await put(outputKey(...ids, relative), await handle.readFile(), contentType(relative));
        } finally {
          await handle.close();
        }
      });
    }
    await put(resultKey(...ids), resultJson(outcome.result), 'application/json');
  } catch (err) {
    emit({ v: 1, type: 'error', message: `cannot upload the result: ${(err as Error).name}: ${(err as Error).message}` });
    return 1;
  }
  emit({ v: 1, type: 'result', result: outcome.result });
  return 0;
}
