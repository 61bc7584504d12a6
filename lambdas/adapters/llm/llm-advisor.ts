import { ANSWER_TOOL_SCHEMA } from './tool-schemas.generated';
import * as z from '../../domain/zod';
import type { LlmCallUsage } from '../../domain/llm';
import type { AdvisorPort } from '../../domain/ports';
import type { LlmClient } from './llm-client';
import { catalogBrief } from './llm-consultant';

export const AnswerSchema = z.object({
  answer: z.string().check(z.minLength(1), z.maxLength(4000), z.describe('The answer, in plain words.')),
});

const SYSTEM = `You are the CTO of Gantry, an AI software factory on AWS (API Gateway, Lambda, DynamoDB, Step Functions, ECS Fargate builders, S3 Object Lock evidence) with an identical local stack. You answer architecture questions about Gantry and about the apps it builds. You never start a build: to build, the person uses the consultation. Answer only by calling the answer tool, briefly.

What Gantry builds:
${catalogBrief()}`;

/** Architecture Q&A through the LLM boundary. */
export class LlmAdvisor implements AdvisorPort {
  readonly name: string;
  constructor(private readonly llm: LlmClient) {
    this.name = `${llm.provider}:${llm.model}`;
  }

  async answer(input: { message: string }): Promise<{ answer: string; topics: string[]; usage: LlmCallUsage | null }> {
    const { value, usage } = await this.llm.structured({
      purpose: 'chat',
      system: SYSTEM,
      messages: [{ role: 'user', content: input.message }],
      schema: AnswerSchema,
      toolSchema: ANSWER_TOOL_SCHEMA,
      toolName: 'answer',
      toolDescription: 'The answer to the question.',
      maxTokens: 1000,
    });
    return { answer: value.answer, topics: [], usage };
  }
}
