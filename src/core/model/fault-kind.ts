/** The root-cause kinds of the incident bundle spec (truth.json `kind`); the simulator draws from the same list. */
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

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}
