/** What each gate checks (docs/autonomy.md lists them in this order). */
export const GATE_NAMES = [
  'enabled',
  'paused',
  'level',
  'risk',
  'match',
  'probability',
  'earned-incidents',
  'earned-agreement',
  'hash',
  'scope',
  'rate',
  'freeze',
] as const;

export type GateName = (typeof GATE_NAMES)[number];

export type GateValue = string | number | boolean;

/** One gate as evaluated: what was found (`value`), what it needs (`threshold`), and whether it holds. */
export type Gate = {
  readonly name: GateName;
  readonly passed: boolean;
  readonly value: GateValue;
  readonly threshold: GateValue;
};
