export const FAULT_KINDS = [
  'deploy',
  'config',
  'dependency_down',
  'latency',
  'resource_exhaustion',
  'traffic_surge',
  'error_code',
] as const;

/** What kind of root cause a hypothesis names (the `kind` of the bundle spec's truth table). */
export type FaultKind = (typeof FAULT_KINDS)[number];
