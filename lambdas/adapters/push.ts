import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { PushPort } from '../domain/ports';

/**
 * Pushes to WebSocket clients through the API Gateway Management API. Locally the gateway
 * exposes the same `@connections` API, so this one adapter serves both runtimes.
 */
export class ApiGatewayPush implements PushPort {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  async post(connectionId: string, message: unknown): Promise<boolean> {
    try {
      await this.client.send(
        new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from(JSON.stringify(message)) }),
      );
      return true;
    } catch (err) {
      if (err instanceof GoneException || (err as { name?: string }).name === 'GoneException') return false;
      throw err;
    }
  }

  async disconnect(connectionId: string): Promise<boolean> {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      return true;
    } catch (err) {
      if (err instanceof GoneException || (err as { name?: string }).name === 'GoneException') return false;
      throw err;
    }
  }
}
