/** What one follow-up question has used so far. */
export type AgentUsage = {
  readonly toolCalls: number;
  readonly modelCalls: number;
  readonly tokens: number;
  readonly startedAt: number;
};
