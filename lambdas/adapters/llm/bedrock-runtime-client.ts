import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { doubleEncodedPath, sha256Hex, signedHeaders, uriEncode, type AwsCredentials } from '../aws-sigv4';

/**
 * Bedrock Runtime's Converse operation over HTTP/2 (as the service and the SDK's client speak
 * it), signed with SigV4 by our own code. The SDK's Bedrock client carries event streams,
 * WebSockets, bearer-token SSO and its protocol machinery: about 75 KB of each model function's
 * bundle for one call.
 *
 * Requests and answers are Converse's JSON documents (see the Bedrock API reference); every
 * request goes through {@link BedrockRuntime.send}, where a test can observe it.
 */

/** A Converse content block: text, a tool call or a tool result. */
export interface ContentBlock {
  readonly text?: string;
  readonly toolUse?: { readonly toolUseId: string; readonly name: string; readonly input: unknown };
  readonly toolResult?: {
    readonly toolUseId: string;
    readonly status?: 'success' | 'error';
    readonly content: ReadonlyArray<{ readonly text: string }>;
  };
}

export interface Message {
  readonly role: 'user' | 'assistant';
  readonly content: readonly ContentBlock[];
}

export interface ConverseInput {
  readonly modelId: string;
  readonly system?: ReadonlyArray<{ readonly text: string }>;
  readonly messages: readonly Message[];
  readonly inferenceConfig?: { readonly maxTokens?: number; readonly temperature?: number };
  readonly toolConfig?: {
    readonly tools: ReadonlyArray<{
      readonly toolSpec: {
        readonly name: string;
        readonly description?: string;
        readonly inputSchema: { readonly json: unknown };
      };
    }>;
    readonly toolChoice?: { readonly tool: { readonly name: string } } | { readonly auto: object } | { readonly any: object };
  };
}

export interface ConverseOutput {
  readonly output?: { readonly message?: { readonly role?: string; readonly content?: readonly ContentBlock[] } };
  readonly stopReason?: string;
  readonly usage?: { readonly inputTokens?: number; readonly outputTokens?: number };
}

/** An error answer, named by its `x-amzn-errortype` (`ThrottlingException`…), as the SDK names its exceptions. */
export class BedrockServiceError extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(type: string, message: string, status: number) {
    super(message);
    this.name = type;
    this.$metadata = { httpStatusCode: status };
  }
}

export interface BedrockRuntimeOptions {
  readonly region: string;
  /** @default `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` or `AWS_ENDPOINT_URL`, else the regional endpoint */
  readonly endpoint?: string;
  /** Where each request's credentials come from (read per request: role sessions rotate). */
  readonly credentials: () => Promise<AwsCredentials>;
}

/** Largest answer accepted (a Converse answer is a few KB; this only bounds a broken peer). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

export class BedrockRuntime {
  readonly iamService = 'bedrock';

  constructor(private readonly options: BedrockRuntimeOptions) {}

  private url(): URL {
    const env = process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME ?? process.env.AWS_ENDPOINT_URL;
    return new URL(this.options.endpoint || env || `https://bedrock-runtime.${this.options.region}.amazonaws.com`);
  }

  /** Sends one Converse request (one attempt: the caller's boundary owns retries). */
  async send(
    command: { readonly operation: 'Converse'; readonly input: ConverseInput },
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<ConverseOutput> {
    const { modelId, ...document } = command.input;
    const url = this.url();
    const base = url.pathname.replace(/\/$/, '');
    // The model id is a path label (its `:` percent-encoded); SigV4 for services other than S3
    // signs the path with each segment encoded once more.
    const path = `${base}/model/${uriEncode(modelId)}/converse`;
    const body = JSON.stringify(document);
    const headers = signedHeaders(
      await this.options.credentials(),
      { region: this.options.region, service: 'bedrock', at: new Date() },
      {
        method: 'POST',
        path: doubleEncodedPath(path),
        query: [],
        headers: { host: url.host, 'content-type': 'application/json', accept: 'application/json' },
        payloadHash: sha256Hex(body),
      },
    );
    // HTTP/2 carries the host as `:authority` (set from the URL: the value signed).
    const { host: _host, ...sent } = headers;
    const answer = await http2Request(url, { ':method': 'POST', ':path': path, ...sent }, body, options.signal);
    const text = answer.body.toString('utf8');
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    if (answer.status >= 200 && answer.status < 300) return parsed as ConverseOutput;
    const type = (answer.errorType ?? '').split(':')[0] || `HTTP${answer.status}`;
    const message = String(
      (parsed as { message?: unknown; Message?: unknown }).message ?? (parsed as { Message?: unknown }).Message ?? type,
    );
    throw new BedrockServiceError(type, message, answer.status);
  }
}

/** The reason an aborted request rejects with: the signal's reason, named AbortError/TimeoutError. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('The request was aborted');
  err.name = 'AbortError';
  return err;
}

/** One request on its own HTTP/2 session, closed once answered. */
function http2Request(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
): Promise<{ status: number; errorType?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const session: ClientHttp2Session = connect(url.origin);
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      session.close();
      fn();
    };
    const onAbort = (): void => {
      session.destroy();
      finish(() => reject(abortError(signal as AbortSignal)));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    session.on('error', (err) => finish(() => reject(err)));
    const req = session.request(headers);
    req.on('error', (err) => finish(() => reject(err)));
    let status = 0;
    let errorType: string | undefined;
    req.on('response', (h) => {
      status = Number(h[constants.HTTP2_HEADER_STATUS] ?? 0);
      const t = h['x-amzn-errortype'];
      errorType = Array.isArray(t) ? t[0] : t;
    });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) {
        req.close(constants.NGHTTP2_CANCEL);
        finish(() => reject(new BedrockServiceError('ResponseTooLarge', `Answer larger than ${MAX_ANSWER_BYTES} bytes`, status)));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(() => resolve({ status, ...(errorType ? { errorType } : {}), body: Buffer.concat(chunks) })));
    req.end(body);
  });
}
