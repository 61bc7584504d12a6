import { sendAwsRequest, type HttpTransport } from './aws-http';
import { credentialsFromEnv, sha256Hex, signedHeaders, type AwsCredentials } from './aws-sigv4';

/**
 * A client for the AWS services that speak the JSON RPC protocol (`POST /` with `X-Amz-Target`),
 * signed with SigV4 by our own code: Parameter Store, KMS, Step Functions, ECS. Each function
 * makes one or two calls to each of them; the SDK's clients cost 25 to 80 KB of bundle apiece.
 * Inputs and outputs are the services' JSON documents, as in their API references (blobs are
 * base64 strings, timestamps epoch seconds).
 *
 * Every request goes through {@link AwsJsonClient.send}, so a test can observe the calls a
 * function makes (the IAM check records them there, under {@link AwsJsonClient.iamService}).
 */

/** One service's protocol constants. */
export interface AwsJsonService {
  /** The IAM service prefix (`ssm`, `kms`, `states`, `ecs`). */
  readonly iamService: string;
  /** SigV4 signing name and endpoint host prefix. */
  readonly signingName: string;
  readonly endpointPrefix: string;
  /** `X-Amz-Target` is `<targetPrefix>.<Operation>`. */
  readonly targetPrefix: string;
  readonly jsonVersion: '1.0' | '1.1';
  /** The service part of `AWS_ENDPOINT_URL_<SERVICE>`, the SDK's endpoint override variable. */
  readonly endpointVariable: string;
}

export const SSM_SERVICE: AwsJsonService = {
  iamService: 'ssm',
  signingName: 'ssm',
  endpointPrefix: 'ssm',
  targetPrefix: 'AmazonSSM',
  jsonVersion: '1.1',
  endpointVariable: 'SSM',
};

export const KMS_SERVICE: AwsJsonService = {
  iamService: 'kms',
  signingName: 'kms',
  endpointPrefix: 'kms',
  targetPrefix: 'TrentService',
  jsonVersion: '1.1',
  endpointVariable: 'KMS',
};

export const SFN_SERVICE: AwsJsonService = {
  iamService: 'states',
  signingName: 'states',
  endpointPrefix: 'states',
  targetPrefix: 'AWSStepFunctions',
  jsonVersion: '1.0',
  endpointVariable: 'SFN',
};

export const DYNAMODB_SERVICE: AwsJsonService = {
  iamService: 'dynamodb',
  signingName: 'dynamodb',
  endpointPrefix: 'dynamodb',
  targetPrefix: 'DynamoDB_20120810',
  jsonVersion: '1.0',
  endpointVariable: 'DYNAMODB',
};

export const ECS_SERVICE: AwsJsonService = {
  iamService: 'ecs',
  signingName: 'ecs',
  endpointPrefix: 'ecs',
  targetPrefix: 'AmazonEC2ContainerServiceV20141113',
  jsonVersion: '1.1',
  endpointVariable: 'ECS',
};

/** One operation with its input document. */
export interface AwsJsonCommand {
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * An error answer. `name` is the service's error type without its namespace
 * (`ParameterNotFound`, `ThrottlingException`…), as the SDK names its exceptions.
 */
export class AwsServiceError extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(type: string, message: string, status: number) {
    super(message);
    this.name = type;
    this.$metadata = { httpStatusCode: status };
  }
}

export interface AwsJsonClientOptions {
  readonly region: string;
  /** @default `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`, else the service's regional endpoint */
  readonly endpoint?: string;
  /** @default the role credentials in the environment, read on every request */
  readonly credentials?: AwsCredentials;
  /**
   * A transport that decides where the bytes go (the local stack's store listens on a Unix
   * socket; the endpoint's host is then only what is signed). Without it, requests use fetch.
   */
  readonly transport?: HttpTransport;
}

interface RawAnswer {
  readonly status: number;
  readonly ok: boolean;
  readonly text: string;
  readonly errorType: string | null;
}

/** Throttling and transient failures a client should retry. */
const RETRYABLE_TYPES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalServerError',
]);
const MAX_ATTEMPTS = 3;

export class AwsJsonClient {
  readonly iamService: string;

  constructor(
    private readonly service: AwsJsonService,
    private readonly options: AwsJsonClientOptions,
  ) {
    this.iamService = service.iamService;
  }

  private url(): URL {
    // A given endpoint wins; only without one is the environment read (each read of process.env is a
    // call into the runtime, on every request).
    const text =
      this.options.endpoint ||
      (process.env[`AWS_ENDPOINT_URL_${this.service.endpointVariable}`] ?? process.env.AWS_ENDPOINT_URL) ||
      `https://${this.service.endpointPrefix}.${this.options.region}.amazonaws.com/`;
    // Parsed once per endpoint.
    if (this.parsed?.text !== text) this.parsed = { text, url: new URL(text) };
    return this.parsed.url;
  }

  private parsed: { readonly text: string; readonly url: URL } | null = null;

  /** Sends one operation, signed; answers the output document or throws {@link AwsServiceError}. */
  async send(command: AwsJsonCommand): Promise<Record<string, unknown>> {
    const url = this.url();
    const body = JSON.stringify(command.input);
    const payloadHash = sha256Hex(body);
    for (let attempt = 1; ; attempt++) {
      const headers = signedHeaders(
        this.options.credentials ?? credentialsFromEnv(),
        { region: this.options.region, service: this.service.signingName, at: new Date() },
        {
          method: 'POST',
          path: url.pathname || '/',
          query: [],
          headers: {
            host: url.host,
            'content-type': `application/x-amz-json-${this.service.jsonVersion}`,
            'x-amz-target': `${this.service.targetPrefix}.${command.operation}`,
          },
          payloadHash,
        },
      );
      let res: RawAnswer;
      try {
        res = await this.post(url, headers, body);
      } catch (err) {
        if (attempt < MAX_ATTEMPTS) {
          await backoff(attempt);
          continue;
        }
        throw err;
      }
      const text = res.text;
      let document: Record<string, unknown> = {};
      try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        if (parsed && typeof parsed === 'object') document = parsed as Record<string, unknown>;
      } catch {
        if (res.ok)
          throw new AwsServiceError('SerializationException', `${command.operation}: the answer is not JSON`, res.status);
      }
      if (res.ok) return document;
      const error = errorOf(res, document);
      if ((res.status >= 500 || RETRYABLE_TYPES.has(error.name)) && attempt < MAX_ATTEMPTS) {
        await backoff(attempt);
        continue;
      }
      throw error;
    }
  }

  private async post(url: URL, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    const res = await sendAwsRequest(url, { method: 'POST', path: url.pathname || '/', headers, body }, this.options.transport);
    return { ...res, ok: res.status >= 200 && res.status < 300 };
  }
}

const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1) * (0.5 + Math.random())));

function errorOf(res: RawAnswer, document: Record<string, unknown>): AwsServiceError {
  // `__type` (or the x-amzn-errortype header) may carry a namespace (`ns#Type`) and a suffix (`Type:uri`).
  const raw = String(document.__type ?? res.errorType ?? `HTTP${res.status}`);
  const type = raw.split('#').pop()?.split(':')[0] || `HTTP${res.status}`;
  const message = String(document.message ?? document.Message ?? `${type} (HTTP ${res.status})`);
  return new AwsServiceError(type, message, res.status);
}
