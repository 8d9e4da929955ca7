/** An incident-window count compared with what the baseline rate predicts for the same duration. */
export type Excess = {
  readonly observed: number;
  readonly expected: number;
  /** observed − expected (negative when it fell). */
  readonly excess: number;
  /** A Poisson-style z score of the excess, with one pseudo-count so empty baselines stay finite. */
  readonly z: number;
  readonly ratio: number;
};

export function countExcess(baseline: number, baselineMs: number, incident: number, incidentMs: number): Excess {
  const expected = baselineMs > 0 ? (baseline * incidentMs) / baselineMs : 0;
  const excess = incident - expected;
  return {
    observed: incident,
    expected,
    excess,
    z: excess / Math.sqrt(expected + 1),
    ratio: (incident + 1) / (expected + 1),
  };
}
