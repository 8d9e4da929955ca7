/** Bounds of one follow-up question's agent loop (config `llm.followUp`). */
export type AgentLimits = {
  readonly maxToolCalls: number;
  readonly maxModelCalls: number;
  /** Input + output tokens of all model calls for this question. */
  readonly maxTokens: number;
  readonly wallClockMs: number;
  /** Each tool result is clipped to this many characters before the model sees it. */
  readonly maxToolOutputChars: number;
  /** The same tool with the same arguments may be asked for this many times before the loop stops. */
  readonly maxRepeats: number;
};
