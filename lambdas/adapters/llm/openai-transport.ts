import {
  FatalTransportError,
  RetryableTransportError,
  type LlmTransport,
  type TransportRequest,
  type TransportResponse,
} from './llm-client';

/**
 * How the structured answer is requested from an OpenAI-compatible server: as the arguments of a
 * forced function call (`tools` + `tool_choice`), or as a JSON message constrained by
 * `response_format: json_schema` (for servers without tool calling).
 */
export type StructuredMode = 'tools' | 'json_schema';

export interface OpenAiTransportOptions {
  /** Base URL of the server (`http://host:8000` or `…/v1`); `/v1/chat/completions` is appended as needed. */
  readonly endpoint: string;
  readonly model: string;
  /** Sent as a bearer token when set; never logged. */
  readonly apiKey?: string;
  /** @default 'tools' */
  readonly mode?: StructuredMode;
  readonly fetch?: typeof fetch;
}

export function chatCompletionsUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  if (base.endsWith('/chat/completions')) return base;
  return base.endsWith('/v1') ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

interface ChatCompletion {
  choices?: Array<{
    message?: {
      content?: string | null;
      tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }>;
    };
  }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** The `/v1/chat/completions` wire format spoken by OpenAI and by self-hosted servers (vLLM, llama.cpp, Ollama, …). */
export class OpenAiCompatibleTransport implements LlmTransport {
  readonly provider = 'openai';
  readonly model: string;
  private readonly url: string;
  private readonly mode: StructuredMode;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: OpenAiTransportOptions) {
    this.model = options.model;
    this.url = chatCompletionsUrl(options.endpoint);
    this.mode = options.mode ?? 'tools';
    this.fetchFn = options.fetch ?? fetch;
  }

  private messages(request: TransportRequest): ChatMessage[] {
    const messages: ChatMessage[] = [
      { role: 'system', content: request.system },
      ...request.messages.map((m) => ({ role: m.role, content: m.content })),
    ];
    const repair = request.repair;
    if (repair && this.mode === 'tools' && repair.toolUseId) {
      messages.push(
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: repair.toolUseId,
              type: 'function',
              function: {
                name: request.tool.name,
                arguments: repair.rawInput === undefined ? repair.rawText : JSON.stringify(repair.rawInput),
              },
            },
          ],
        },
        { role: 'tool', tool_call_id: repair.toolUseId, content: repair.error },
      );
    } else if (repair) {
      messages.push({ role: 'assistant', content: repair.rawText || '(no answer)' }, { role: 'user', content: repair.error });
    }
    return messages;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const body: Record<string, unknown> = {
      model: this.model,
      messages: this.messages(request),
      temperature: 0,
      max_tokens: request.maxTokens,
    };
    if (this.mode === 'tools') {
      body.tools = [
        {
          type: 'function',
          function: { name: request.tool.name, description: request.tool.description, parameters: request.tool.inputSchema },
        },
      ];
      body.tool_choice = { type: 'function', function: { name: request.tool.name } };
    } else {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: request.tool.name, description: request.tool.description, schema: request.tool.inputSchema },
      };
    }
    let res: Response;
    try {
      res = await this.fetchFn(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: request.signal,
      });
    } catch (err) {
      if (request.signal.aborted) throw err;
      throw new RetryableTransportError(`network: ${(err as Error).message}`, 'unavailable');
    }
    const text = await res.text();
    if (res.status === 429)
      throw new RetryableTransportError('HTTP 429', 'throttled', retryAfterMs(res.headers.get('retry-after')));
    if (res.status >= 500 || res.status === 408) {
      throw new RetryableTransportError(`HTTP ${res.status}`, 'unavailable', retryAfterMs(res.headers.get('retry-after')));
    }
    if (!res.ok) throw new FatalTransportError(`HTTP ${res.status}: ${text.slice(0, 300)}`, res.status);
    let completion: ChatCompletion;
    try {
      completion = JSON.parse(text) as ChatCompletion;
    } catch {
      throw new RetryableTransportError('the server answered with something that is not JSON', 'unavailable');
    }
    const usage = { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 };
    const message = completion.choices?.[0]?.message;
    if (this.mode === 'tools') {
      const call = message?.tool_calls?.find((c) => c.function?.name === request.tool.name);
      if (!call) return { toolInput: undefined, toolUseId: null, text: message?.content ?? '', ...usage };
      const args = call.function?.arguments ?? '';
      try {
        return { toolInput: JSON.parse(args) as unknown, toolUseId: call.id ?? 'call_0', text: '', ...usage };
      } catch {
        return {
          toolInput: undefined,
          toolUseId: call.id ?? 'call_0',
          text: args,
          invalidReason: 'the tool arguments are not valid JSON',
          ...usage,
        };
      }
    }
    const content = message?.content ?? '';
    try {
      return { toolInput: JSON.parse(content) as unknown, toolUseId: null, text: content, ...usage };
    } catch {
      return { toolInput: undefined, toolUseId: null, text: content, invalidReason: 'the answer is not valid JSON', ...usage };
    }
  }
}
