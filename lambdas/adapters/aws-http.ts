/** What an AWS endpoint answered: the status, the body's text and the `x-amzn-errortype` header. */
export interface AwsHttpAnswer {
  readonly status: number;
  readonly text: string;
  readonly errorType: string | null;
}

/** One request, already signed: `headers` hold `host` (signed, never sent by fetch) and the signature. */
export interface AwsHttpRequest {
  readonly method: string;
  /** The path as it goes on the wire (already encoded). */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
}

/**
 * A client of its own for a plain-HTTP endpoint of the local stack (the store's Unix socket, the
 * gateway): it decides where the bytes go, and the URL's host is then only what is signed.
 */
export interface HttpTransport {
  send(request: AwsHttpRequest): Promise<AwsHttpAnswer>;
  /** Closes its connections. */
  close(): void;
}

/**
 * Sends a signed request to `url`'s origin: through `transport` when given (a plain-HTTP
 * endpoint of the local stack), else through fetch.
 */
export async function sendAwsRequest(url: URL, request: AwsHttpRequest, transport?: HttpTransport): Promise<AwsHttpAnswer> {
  if (transport) return transport.send(request);
  const { method, path, headers, body } = request;
  // fetch sets Host from the URL (the value signed); it may not be passed as a header.
  const { host: _host, ...sent } = headers;
  const res = await fetch(`${url.origin}${path}`, { method, headers: sent, ...(body !== undefined ? { body } : {}) });
  return { status: res.status, text: await res.text(), errorType: res.headers.get('x-amzn-errortype') };
}
