import { sendAwsRequest, type HttpTransport } from './aws-http';
import type { PushPort } from '../domain/ports';
import { credentialsFromEnv, doubleEncodedPath, sha256Hex, signedHeaders, uriEncode, type AwsCredentials } from './aws-sigv4';

/**
 * The API Gateway Management API (`POST`/`DELETE /@connections/{id}` of a WebSocket API's stage),
 * signed with SigV4 by our own code: the SDK's client cost each pushing function about 25 KB of
 * bundle for two calls. Every request goes through {@link ApiGatewayConnections.send}, where a
 * test can observe it.
 */
export type ConnectionsCommand =
  | { readonly operation: 'PostToConnection'; readonly input: { readonly ConnectionId: string; readonly Data: Uint8Array } }
  | { readonly operation: 'DeleteConnection'; readonly input: { readonly ConnectionId: string } };

/** An error answer, named by its `x-amzn-errortype` (`GoneException`…), as the SDK names its exceptions. */
export class ConnectionsError extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(type: string, message: string, status: number) {
    super(message);
    this.name = type;
    this.$metadata = { httpStatusCode: status };
  }
}

export interface ApiGatewayConnectionsOptions {
  readonly region: string;
  /** The stage's management endpoint, `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`. */
  readonly endpoint: string;
  /** @default the role credentials in the environment, read on every request */
  readonly credentials?: AwsCredentials;
  /** Sent with every request (the local stack's connections key). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * A transport with kept-alive connections for a plain-HTTP endpoint (the local gateway): each
   * push reuses a connection instead of opening one. Without it, requests use fetch.
   */
  readonly transport?: HttpTransport;
}

export class ApiGatewayConnections {
  readonly iamService = 'execute-api';

  constructor(private readonly options: ApiGatewayConnectionsOptions) {}

  async send(command: ConnectionsCommand): Promise<void> {
    if (!this.options.endpoint) throw new Error('No WebSocket management endpoint is configured (GANTRY_WS_ENDPOINT)');
    const url = new URL(this.options.endpoint);
    const path = `${url.pathname.replace(/\/$/, '')}/@connections/${uriEncode(command.input.ConnectionId)}`;
    const method = command.operation === 'PostToConnection' ? 'POST' : 'DELETE';
    const body = command.operation === 'PostToConnection' ? Buffer.from(command.input.Data) : undefined;
    const headers = signedHeaders(
      this.options.credentials ?? credentialsFromEnv(),
      { region: this.options.region, service: 'execute-api', at: new Date() },
      {
        method,
        path: doubleEncodedPath(path),
        query: [],
        headers: { host: url.host, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
        payloadHash: sha256Hex(body ?? ''),
      },
    );
    const res = await sendAwsRequest(
      url,
      { method, path, headers: { ...headers, ...this.options.headers }, body },
      this.options.transport,
    );
    const text = res.text;
    if (res.status >= 200 && res.status < 300) return;
    let message = text;
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? text);
    } catch {
      // Not JSON: keep the text.
    }
    const type = (res.errorType ?? '').split(':')[0] || (res.status === 410 ? 'GoneException' : `HTTP${res.status}`);
    throw new ConnectionsError(type, message || type, res.status);
  }
}

/**
 * Pushes to WebSocket clients through the API Gateway Management API. Locally the gateway
 * exposes the same `@connections` API, so this one adapter serves both runtimes.
 */
export class ApiGatewayPush implements PushPort {
  constructor(private readonly client: ApiGatewayConnections) {}

  async post(connectionId: string, message: unknown): Promise<boolean> {
    try {
      await this.client.send({
        operation: 'PostToConnection',
        input: { ConnectionId: connectionId, Data: Buffer.from(JSON.stringify(message)) },
      });
      return true;
    } catch (err) {
      if ((err as { name?: string }).name === 'GoneException') return false;
      throw err;
    }
  }

  async disconnect(connectionId: string): Promise<boolean> {
    try {
      await this.client.send({ operation: 'DeleteConnection', input: { ConnectionId: connectionId } });
      return true;
    } catch (err) {
      if ((err as { name?: string }).name === 'GoneException') return false;
      throw err;
    }
  }
}
