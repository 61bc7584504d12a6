import { addUsage, emptyUsage, estimateCostUsd, priceFor, type LlmCallUsage } from '../../lambdas/domain/llm';

const call = (over: Partial<LlmCallUsage> = {}): LlmCallUsage => ({
  provider: 'bedrock',
  model: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
  purpose: 'consultant',
  requests: 1,
  input_tokens: 1000,
  output_tokens: 200,
  estimated_cost_usd: 0.006,
  latency_ms: 5,
  ...over,
});

describe('LLM usage and cost', () => {
  it('prices known models per million tokens and lets configuration override', () => {
    expect(priceFor('anthropic.claude-3-5-sonnet-20241022-v2:0')).toMatchObject({ input: 3, output: 15 });
    expect(priceFor('us.anthropic.claude-3-5-haiku-20241022-v1:0')).toMatchObject({ input: 0.8, output: 4 });
    expect(priceFor('my-llama')).toMatchObject({ input: 0, output: 0, source: 'unpriced' });
    expect(priceFor('gpt-4o', { input: 1, output: 2 })).toMatchObject({ input: 1, output: 2, source: 'configured' });
    expect(estimateCostUsd({ input: 3, output: 15 }, 1000, 200)).toBe(0.006);
  });

  it('adds calls up in total, per purpose and per model', () => {
    let usage = addUsage(undefined, call());
    usage = addUsage(
      usage,
      call({ purpose: 'architect', requests: 2, input_tokens: 5000, output_tokens: 3000, estimated_cost_usd: 0.06 }),
    );
    usage = addUsage(usage, call({ provider: 'openai', model: 'gpt-4o-mini', estimated_cost_usd: 0.0003 }));
    expect(usage).toMatchObject({
      calls: 3,
      requests: 4,
      input_tokens: 7000,
      output_tokens: 3400,
      total_tokens: 10400,
      estimated_cost_usd: 0.0663,
      models: ['bedrock:anthropic.claude-3-5-sonnet-20241022-v2:0', 'openai:gpt-4o-mini'],
    });
    expect(usage.by_purpose.consultant).toMatchObject({ calls: 2, input_tokens: 2000 });
    expect(usage.by_purpose.architect).toMatchObject({ calls: 1, requests: 2 });
    expect(emptyUsage().total_tokens).toBe(0);
  });
});
