import { CONSULTANT_TOOL_SCHEMA } from './tool-schemas.generated';
import { APP_KIND_IDS, APP_KINDS, FEATURE_IDS, FEATURES, supportedFeatures } from '../../domain/architect/catalog';
import { THEME_IDS, THEMES } from '../../domain/architect/themes';
import {
  ConsultantResponseSchema,
  OFFLINE_STACK_ID,
  STACK_DESCRIPTION,
  type ConsultantInput,
  type ConsultantResponse,
} from '../../domain/consultation';
import type { LlmCallUsage } from '../../domain/llm';
import type { ConsultantPort } from '../../domain/ports';
import type { LlmClient, LlmMessage } from './llm-client';

/** The catalog as the model must know it: only these kinds, features and themes can be built. */
export function catalogBrief(): string {
  const kinds = APP_KIND_IDS.map(
    (k) =>
      `- ${k}: ${APP_KINDS[k].description} Default features: ${APP_KINDS[k].defaultFeatures.join(', ') || 'none'}. ` +
      `Available features: ${supportedFeatures(k).join(', ')}.`,
  );
  const features = FEATURE_IDS.map((f) => `- ${f}: ${FEATURES[f].title}. ${FEATURES[f].description}`);
  const themes = THEME_IDS.map(
    (id) =>
      `- ${id} (v${THEMES[id].version}): ${THEMES[id].name}, kind ${THEMES[id].kind}, implies ${THEMES[id].features.join(', ')}. ${THEMES[id].description}`,
  );
  return [
    'App kinds (app_kind):',
    ...kinds,
    '',
    'Features (features):',
    ...features,
    '',
    'Themes (design_target):',
    ...themes,
  ].join('\n');
}

export const CONSULTANT_SYSTEM_PROMPT = `You are the CTO of Gantry, an AI software factory. You consult with a person about the app they want, then the factory builds it.

Answer only by calling the consultant_response tool.

Rules:
1. If the request does not identify an app you can build from the catalog below, answer NEEDS_INPUT with one short clarifying question.
2. Otherwise propose a complete plan with status NEEDS_CONFIRMATION: app_kind, features (only features available for that kind), design_target (a theme id or null), proposed_stack "${OFFLINE_STACK_ID}", and build_prompt: a complete instruction for the architect. In "response", describe the plan in plain words and ask whether to build it.
3. A change request ("add a dark mode", "make it look like Trello") gets a revised plan, again NEEDS_CONFIRMATION.
4. READY_TO_BUILD only when a plan is awaiting confirmation AND the person's latest message explicitly confirms it ("yes", "proceed", "go ahead", "build it"). A message that both confirms and asks for a change is a change request. Never READY_TO_BUILD without a plan awaiting confirmation.
5. Apps are prototypes: a ${STACK_DESCRIPTION}; their data stays in the browser. Say so if the person asks for accounts, payments, servers or databases.
6. Keep "response" short and friendly; it is also read aloud.

${catalogBrief()}`;

function contextNote(input: ConsultantInput): string {
  const plan = input.plan ? `Plan awaiting confirmation: ${JSON.stringify(input.plan)}` : 'No plan is awaiting confirmation.';
  const image = input.designReference
    ? `The person attached a design reference image (${input.designReference.filename}); it will be committed as public/design-reference.${input.designReference.ext}.`
    : '';
  return [plan, image].filter(Boolean).join('\n');
}

/** The CTO consultant behind the LLM boundary (Bedrock or an OpenAI-compatible model). */
export class LlmConsultant implements ConsultantPort {
  readonly name: string;

  constructor(private readonly llm: LlmClient) {
    this.name = `${llm.provider}:${llm.model}`;
  }

  async consult(input: ConsultantInput): Promise<{ response: ConsultantResponse; usage: LlmCallUsage | null }> {
    const messages: LlmMessage[] = [
      ...input.history.map((t) => ({ role: t.role, content: t.content })),
      { role: 'user', content: input.message },
    ];
    const { value, usage } = await this.llm.structured({
      purpose: 'consultant',
      system: `${CONSULTANT_SYSTEM_PROMPT}\n\nCurrent state:\n${contextNote(input)}`,
      messages,
      schema: ConsultantResponseSchema,
      toolSchema: CONSULTANT_TOOL_SCHEMA,
      toolName: 'consultant_response',
      toolDescription: "The CTO's answer to the person: a question, a plan awaiting confirmation, or the go-ahead to build.",
      maxTokens: 2000,
    });
    return { response: value, usage };
  }
}
