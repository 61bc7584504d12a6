import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from '../../lambdas/domain/zod';
import { openNoFollow } from './app-files';
import { chownTree, findSetpriv, type AppIdentity } from './app-identity';
import { BuildJobDocumentSchema, BUILD_JOB_URL_ENV, type BuildJobDocument } from './build-job-document';
import { buildFromInputs, deadmanSchedule, emit, failedBeforeBuild, resultJson } from './build-job';
import { BuilderLimitsSchema } from './build-runner';

/**
 * The builder as a Fargate task. It holds no AWS identity: its one input is a presigned GET of the
 * attempt's job document (build-job-document.ts), whose URLs reach exactly that attempt's keys. It
 * uploads build.log and every output file first and result.json last, so a result in the bucket
 * means the attempt's objects are complete. Plain HTTPS, no SDK, no credentials.
 */
const AwsEnvSchema = z.object({
  [BUILD_JOB_URL_ENV]: z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL')),
  /** Parent of the app folder; /work in the image. */
  GANTRY_WORK_DIR: z._default(z.string().check(z.minLength(1)), '/work'),
  /** Pre-warmed npm cache baked into the image (read-only there; copied before use). */
  GANTRY_NPM_CACHE_SEED: z._default(z.string(), ''),
  /** The uid (and gid) the app's commands run as; unset: the builder's own (see app-identity.ts). */
  GANTRY_APP_UID: z.optional(z.string().check(z.regex(/^[1-9][0-9]*$/))),
  GANTRY_APP_GID: z.optional(z.string().check(z.regex(/^[1-9][0-9]*$/))),
});

/** The dead man's switch when the limits could not be read: long enough to upload a failed result. */
const FALLBACK_DEADMAN_SECONDS = 60;

/**
 * The task's root filesystem is read-only: give the app's commands a writable HOME, TMPDIR and a
 * writable copy of the image's npm cache (npm fails offline on a read-only cache) under the work
 * volume, owned by the app when it runs under its own uid. The build runner passes HOME, TMPDIR
 * and npm_config_cache on to the commands.
 */
async function prepareWritableHome(workDir: string, cacheSeed: string, app: AppIdentity | undefined): Promise<void> {
  const home = join(workDir, 'home');
  const tmp = join(workDir, 'tmp');
  const cache = join(workDir, '.npm-cache');
  await mkdir(home, { recursive: true });
  await mkdir(tmp, { recursive: true });
  if (cacheSeed && existsSync(cacheSeed)) await cp(cacheSeed, cache, { recursive: true });
  await mkdir(cache, { recursive: true });
  if (app) for (const dir of [home, tmp, cache]) await chownTree(dir, app.uid, app.gid);
  process.env.HOME = home;
  process.env.TMPDIR = tmp;
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

/** S3 answers errors as XML; its Code is what a person needs (SignatureDoesNotMatch, AccessDenied, ...). */
async function httpFailure(what: string, response: Response): Promise<Error> {
  const body = await response.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  return new Error(`${what}: HTTP ${response.status}${code ? ` ${code}` : ''}`);
}

/** The URLs of one attempt, used over plain HTTPS. */
class AttemptObjects {
  constructor(
    private readonly job: BuildJobDocument,
    private readonly signal: () => AbortSignal,
  ) {}

  async read(which: 'manifest' | 'limits'): Promise<string | { error: string }> {
    try {
      const response = await fetch(this.job.inputs[which], { signal: this.signal() });
      if (!response.ok) throw await httpFailure(`cannot read the ${which}`, response);
      return await response.text();
    } catch (err) {
      return {
        error: (err as Error).message.startsWith('cannot read')
          ? (err as Error).message
          : `cannot read the ${which}: ${(err as Error).message}`,
      };
    }
  }

  async put(which: 'log' | 'result', body: string): Promise<void> {
    const target = this.job.outputs[which];
    const response = await fetch(target.url, {
      method: 'PUT',
      headers: { 'content-type': target.content_type },
      body,
      signal: this.signal(),
    });
    if (!response.ok) throw await httpFailure(`cannot upload the ${which}`, response);
  }

  /** One output file through the attempt's POST form (its policy admits only keys under key_prefix). */
  async putOutput(relative: string, body: Buffer): Promise<void> {
    const form = this.job.outputs.files;
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.set('key', `${form.key_prefix}${relative}`);
    data.append('Content-Type', contentType(relative));
    // S3 reads every field before the file, so the file goes last.
    data.append('file', new Blob([body]), relative.slice(relative.lastIndexOf('/') + 1));
    const response = await fetch(form.url, { method: 'POST', body: data, signal: this.signal() });
    if (!response.ok) throw await httpFailure(`cannot upload output ${relative}`, response);
  }
}

async function fetchJob(url: string, signal: AbortSignal): Promise<BuildJobDocument> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw await httpFailure('cannot read the build job', response);
  return BuildJobDocumentSchema.parse(await response.json());
}

function appIdentityOf(env: z.infer<typeof AwsEnvSchema>): AppIdentity | { error: string } | undefined {
  if (!env.GANTRY_APP_UID) return undefined;
  const uid = Number(env.GANTRY_APP_UID);
  const gid = Number(env.GANTRY_APP_GID ?? env.GANTRY_APP_UID);
  if (uid === process.getuid?.()) return { error: 'GANTRY_APP_UID must differ from the builder uid' };
  const setpriv = findSetpriv();
  if (!setpriv) return { error: 'GANTRY_APP_UID is set but setpriv is missing' };
  return { uid, gid, setpriv };
}

export async function runAwsMode(rawEnv: NodeJS.ProcessEnv, signal: AbortSignal, confined: boolean): Promise<number> {
  const startedAt = Date.now();
  const parsed = AwsEnvSchema.safeParse(rawEnv);
  const app = parsed.success ? appIdentityOf(parsed.data) : undefined;
  if (!parsed.success || (app && 'error' in app)) {
    const issue = parsed.success ? null : parsed.error.issues[0];
    const message = issue ? `${issue.path.join('.')}: ${issue.message}` : (app as { error: string }).error;
    emit({ v: 1, type: 'error', message: `invalid environment: ${message}` });
    return 2;
  }
  const env = parsed.data;
  const appIdentity = app as AppIdentity | undefined;

  // Until the limits are read, the fallback switch bounds the wait for the job itself.
  let hardDeadlineMs = startedAt + FALLBACK_DEADMAN_SECONDS * 1000;
  const untilDeadline = (): AbortSignal => AbortSignal.timeout(Math.max(1000, hardDeadlineMs - Date.now()));

  let job: BuildJobDocument;
  try {
    job = await fetchJob(env[BUILD_JOB_URL_ENV], AbortSignal.any([signal, untilDeadline()]));
  } catch (err) {
    emit({ v: 1, type: 'error', message: `${(err as Error).name}: ${(err as Error).message}` });
    return 1;
  }
  const objects = new AttemptObjects(job, untilDeadline);

  await prepareWritableHome(env.GANTRY_WORK_DIR, env.GANTRY_NPM_CACHE_SEED, appIdentity);
  const manifestText = await objects.read('manifest');
  const limitsText = await objects.read('limits');
  const appDir = join(env.GANTRY_WORK_DIR, 'app');
  let outcome;
  if (typeof manifestText !== 'string' || typeof limitsText !== 'string') {
    const error = (typeof manifestText !== 'string' ? manifestText : (limitsText as { error: string })).error;
    emit({ v: 1, type: 'log', line: `[gantry] ${error}` });
    outcome = { result: failedBeforeBuild(error), log: `[gantry] ${error}\n`, outputDir: null };
  } else {
    const limits = (() => {
      try {
        return BuilderLimitsSchema.safeParse(JSON.parse(limitsText));
      } catch {
        return null;
      }
    })();
    if (limits?.success) hardDeadlineMs = deadmanSchedule(limits.data, startedAt).hardDeadlineMs;
    outcome = await buildFromInputs({
      manifestText,
      limitsText,
      appDir,
      signal,
      // The app's processes are the only ones of their uid, so RLIMIT_NPROC is a usable max_pids.
      processLimit: (maxPids) => maxPids,
      reapStrays: confined,
      deadmanFromMs: startedAt,
      ...(appIdentity ? { appIdentity } : {}),
    });
  }

  try {
    await objects.put('log', outcome.log);
    const outputDir = outcome.outputDir;
    if (outcome.result.ok && outputDir) {
      await inBatches(outcome.result.output_files, 8, async (relative) => {
        const handle = await openNoFollow(join(outputDir, relative));
        try {
          await objects.putOutput(relative, await handle.readFile());
        } finally {
          await handle.close();
        }
      });
    }
    await objects.put('result', resultJson(outcome.result));
  } catch (err) {
    emit({ v: 1, type: 'error', message: `cannot upload the result: ${(err as Error).name}: ${(err as Error).message}` });
    return 1;
  }
  emit({ v: 1, type: 'result', result: outcome.result });
  return 0;
}
