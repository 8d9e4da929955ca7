import type { AgentLimits } from './agent-limits.ts';
import type { AgentUsage } from './agent-usage.ts';
import type { StopReason } from './stop-reason.ts';

/**
 * Whether the loop may make one more model call (`next: 'model'`) or tool call (`next: 'tool'`);
 * the reason it may not otherwise. `now` comes from the caller's clock.
 */
export function checkAgentBudget(
  u: AgentUsage,
  l: AgentLimits,
  now: number,
  next: 'model' | 'tool',
  nextTokens = 0,
): StopReason | undefined {
  if (now - u.startedAt >= l.wallClockMs) return 'time';
  if (next === 'tool' && u.toolCalls >= l.maxToolCalls) return 'tool-calls';
  if (next === 'model' && u.modelCalls >= l.maxModelCalls) return 'model-calls';
  if (next === 'model' && u.tokens + nextTokens > l.maxTokens) return 'tokens';
  return undefined;
}
