/** Why an agent loop or a model call was stopped before a complete answer. */
export type StopReason =
  | 'tool-calls'
  | 'model-calls'
  | 'tokens'
  | 'time'
  | 'loop'
  | 'incident-tokens'
  | 'incident-cost';
