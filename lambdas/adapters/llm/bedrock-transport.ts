import type { BedrockRuntime, ContentBlock, ConverseInput, Message } from './bedrock-runtime-client';
import {
  FatalTransportError,
  RetryableTransportError,
  type LlmTransport,
  type TransportRequest,
  type TransportResponse,
} from './llm-client';

/** Bedrock errors that are worth another request after a pause. */
const RETRYABLE = new Set([
  'ThrottlingException',
  'ServiceQuotaExceededException',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
  'ModelTimeoutException',
]);

/** Network failures below the HTTP layer (a dropped or refused connection). */
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET']);

function mapError(err: unknown): Error {
  const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  if (name === 'AbortError' || name === 'TimeoutError') return err as Error;
  if (RETRYABLE.has(name)) {
    return new RetryableTransportError(
      `${name}: ${e.message ?? ''}`.trim(),
      name === 'ThrottlingException' || name === 'ServiceQuotaExceededException' ? 'throttled' : 'unavailable',
    );
  }
  if (NETWORK.has(e.code ?? '') || NETWORK.has(name))
    return new RetryableTransportError(`network: ${e.code ?? name}`, 'unavailable');
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return new RetryableTransportError(`${name || 'HTTP'} ${status}`, 'unavailable');
  return new FatalTransportError(`${name || 'Error'}: ${(e.message ?? '').slice(0, 300)}`, status);
}

/**
 * Bedrock Converse with tool use for structured output: one tool whose input schema is the
 * answer's schema, and `toolChoice` forcing the model to call exactly that tool. The client makes
 * one attempt per call: the boundary's own retry loop (with jitter) is the only one, so retries
 * are counted and bounded in one place.
 */
export class BedrockConverseTransport implements LlmTransport {
  readonly provider = 'bedrock';

  constructor(
    private readonly client: BedrockRuntime,
    readonly model: string,
  ) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const messages: Message[] = request.messages.map((m) => ({ role: m.role, content: [{ text: m.content }] }));
    const repair = request.repair;
    if (repair?.toolUseId) {
      // The refused call and its error result, as Converse expects a tool exchange to look.
      messages.push(
        {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: repair.toolUseId, name: request.tool.name, input: repair.rawInput ?? {} } }],
        },
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: repair.toolUseId, status: 'error', content: [{ text: repair.error }] } }],
        },
      );
    } else if (repair) {
      messages.push(
        { role: 'assistant', content: [{ text: repair.rawText || '(no answer)' }] },
        { role: 'user', content: [{ text: repair.error }] },
      );
    }
    const tool: NonNullable<ConverseInput['toolConfig']>['tools'][number] = {
      toolSpec: {
        name: request.tool.name,
        description: request.tool.description,
        inputSchema: { json: request.tool.inputSchema },
      },
    };
    let out;
    try {
      out = await this.client.send(
        {
          operation: 'Converse',
          input: {
            modelId: this.model,
            system: [{ text: request.system }],
            messages,
            inferenceConfig: { maxTokens: request.maxTokens, temperature: 0 },
            toolConfig: { tools: [tool], toolChoice: { tool: { name: request.tool.name } } },
          },
        },
        { signal: request.signal },
      );
    } catch (err) {
      throw mapError(err);
    }
    const blocks: readonly ContentBlock[] = out.output?.message?.content ?? [];
    const toolUse = blocks.find((b) => b.toolUse?.name === request.tool.name)?.toolUse;
    return {
      toolInput: toolUse ? toolUse.input : undefined,
      toolUseId: toolUse?.toolUseId ?? null,
      text: blocks.map((b) => b.text ?? '').join(''),
      inputTokens: out.usage?.inputTokens ?? 0,
      outputTokens: out.usage?.outputTokens ?? 0,
    };
  }
}
