/** The root-cause kinds of the incident bundle spec (truth.json `kind`). */
export const FAULT_KINDS = [
  'deploy',
  'config',
  'dependency_down',
  'latency',
  'resource_exhaustion',
  'traffic_surge',
  'error_code',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}
