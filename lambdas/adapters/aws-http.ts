import { request as httpRequest, type Agent } from 'node:http';

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
 * Sends a signed request to `url`'s origin. With `via` (a plain-HTTP endpoint of the local stack)
 * it goes through that transport, or node's HTTP client on an agent's kept-alive connections;
 * without, through fetch.
 */
export async function sendAwsRequest(url: URL, request: AwsHttpRequest, via?: Agent | HttpTransport): Promise<AwsHttpAnswer> {
  const { method, path, headers, body } = request;
  if (via && 'send' in via && typeof via.send === 'function') return via.send(request);
  const agent = via as Agent | undefined;
  if (!agent) {
    // fetch sets Host from the URL (the value signed); it may not be passed as a header.
    const { host: _host, ...sent } = headers;
    const res = await fetch(`${url.origin}${path}`, { method, headers: sent, ...(body !== undefined ? { body } : {}) });
    return { status: res.status, text: await res.text(), errorType: res.headers.get('x-amzn-errortype') };
  }
  return new Promise<AwsHttpAnswer>((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body !== undefined ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const type = res.headers['x-amzn-errortype'];
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            errorType: typeof type === 'string' ? type : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
