import type { GantryEnv } from '../config';
import { DEFAULT_BEDROCK_MODEL } from '../adapters/llm/llm-wiring';

/**
 * The name the architect of this configuration reports (`offline` or `provider:model`), known
 * without loading it: readiness reports it, and the health function should not carry the
 * architect's templates or a model client for that.
 */
export function architectName(config: GantryEnv): string {
  if (config.GANTRY_ARCHITECT !== 'llm') return 'offline';
  const model =
    config.GANTRY_LLM_PROVIDER === 'bedrock' ? config.GANTRY_LLM_MODEL || DEFAULT_BEDROCK_MODEL : config.GANTRY_LLM_MODEL;
  return `${config.GANTRY_LLM_PROVIDER}:${model}`;
}
