import type { GantryEnv } from '../../config';
import { priceFor } from '../../domain/llm';
import type { AdvisorPort, ArchitectPort, ConsultantPort } from '../../domain/ports';
import type { Policy } from '../../domain/policy';
import { OfflineAdvisor, OfflineConsultant } from '../offline-consultant';
import { BedrockRuntime } from './bedrock-runtime-client';
import { BedrockConverseTransport } from './bedrock-transport';
import { LlmAdvisor } from './llm-advisor';
import { LlmArchitect } from './llm-architect';
import { StructuredLlmClient, type LlmClient, type LlmTransport } from './llm-client';
import { LlmConsultant } from './llm-consultant';
import { OpenAiCompatibleTransport } from './openai-transport';

/**
 * Bedrock model used when GANTRY_LLM_MODEL is not set: Claude Sonnet 4.5 through its US
 * cross-Region inference profile (current Claude models are served on demand only through an
 * inference profile, never by the bare model id). The CDK app sets GANTRY_LLM_MODEL from the
 * required `gantry:llmModel` context value; this default serves local runs against Bedrock.
 */
export const DEFAULT_BEDROCK_MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

/** The model-backed (or offline) services the composition root hands to handlers and steps. */
export interface LlmWiring {
  /** `offline`, or `provider:model`. */
  readonly description: string;
  readonly consultant: ConsultantPort;
  readonly advisor: AdvisorPort;
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/i;

function transportFor(config: GantryEnv): LlmTransport | null {
  const endpoint = config.GANTRY_LLM_ENDPOINT || undefined;
  switch (config.GANTRY_LLM_PROVIDER) {
    case 'offline':
      return null;
    case 'bedrock': {
      // The SDK's credential chain: in a Lambda bundle its environment-variable provider only
      // (see lambdas/composition/lambda-credentials.ts), locally profiles and SSO too.
      // Loaded only here: the credential chain's modules are a tenth of a local start that uses no Bedrock.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const credentialChain = require('@aws-sdk/credential-provider-node') as typeof import('@aws-sdk/credential-provider-node');
      const chain = credentialChain.defaultProvider();
      const client = new BedrockRuntime({
        region: config.AWS_REGION,
        ...(endpoint ? { endpoint } : {}),
        // A loopback endpoint is a local stand-in of the service and needs no real credentials.
        credentials:
          endpoint && LOOPBACK.test(endpoint)
            ? async () => ({ accessKeyId: 'local', secretAccessKey: 'local' })
            : async () => {
                const c = await chain();
                return {
                  accessKeyId: c.accessKeyId,
                  secretAccessKey: c.secretAccessKey,
                  ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
                };
              },
      });
      return new BedrockConverseTransport(client, config.GANTRY_LLM_MODEL || DEFAULT_BEDROCK_MODEL);
    }
    case 'openai':
      return new OpenAiCompatibleTransport({
        endpoint: config.GANTRY_LLM_ENDPOINT,
        model: config.GANTRY_LLM_MODEL,
        apiKey: config.GANTRY_LLM_API_KEY || undefined,
        mode: config.GANTRY_LLM_STRUCTURED_OUTPUT,
      });
  }
}

/** The workflow steps' client: the longer timeouts and the configured retries. */
function stepsClient(config: GantryEnv, transport: LlmTransport): LlmClient {
  return new StructuredLlmClient(transport, {
    price: priceFor(transport.model, {
      input: config.GANTRY_LLM_INPUT_PRICE_PER_MTOK,
      output: config.GANTRY_LLM_OUTPUT_PRICE_PER_MTOK,
    }),
    timeoutMs: config.GANTRY_LLM_TIMEOUT_MS,
    maxRetries: config.GANTRY_LLM_MAX_RETRIES,
  });
}

/**
 * The model architect when GANTRY_ARCHITECT=llm and a provider is set, else null (the offline
 * one): it drafts and heals through the same boundary as the consultant, with the steps' client.
 * Apart from `createLlmWiring` so the architect's steps do not carry the consultant.
 */
export function createModelArchitect(config: GantryEnv): ArchitectPort | null {
  if (config.GANTRY_ARCHITECT !== 'llm') return null;
  const transport = transportFor(config);
  return transport ? new LlmArchitect(stepsClient(config, transport)) : null;
}

/**
 * Chooses the consultant and the advisor from configuration. They answer requests a person waits
 * on, so their client is the interactive one: short timeouts, one retry, within API Gateway's
 * 29 s (the architect, in workflow steps, is {@link createModelArchitect}'s).
 */
export function createLlmWiring(config: GantryEnv, policy: () => Policy): LlmWiring {
  const transport = transportFor(config);
  if (!transport) {
    return { description: 'offline', consultant: new OfflineConsultant(), advisor: new OfflineAdvisor(policy) };
  }
  const price = priceFor(transport.model, {
    input: config.GANTRY_LLM_INPUT_PRICE_PER_MTOK,
    output: config.GANTRY_LLM_OUTPUT_PRICE_PER_MTOK,
  });
  const interactive: LlmClient = new StructuredLlmClient(transport, {
    price,
    timeoutMs: Math.min(config.GANTRY_LLM_INTERACTIVE_TIMEOUT_MS, config.GANTRY_LLM_TIMEOUT_MS),
    maxRetries: Math.min(1, config.GANTRY_LLM_MAX_RETRIES),
    deadlineMs: config.GANTRY_LLM_INTERACTIVE_DEADLINE_MS,
  });
  return {
    description: `${transport.provider}:${transport.model}`,
    consultant: new LlmConsultant(interactive),
    advisor: new LlmAdvisor(interactive),
  };
}
