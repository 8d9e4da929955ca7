import type { IncidentFingerprint } from './incident-fingerprint.ts';

/** Weighted Jaccard similarity of two fingerprints: Σ min(w) / Σ max(w) over the union of features (0–1). */
export function weightedJaccard(a: IncidentFingerprint, b: IncidentFingerprint): number {
  const wb = new Map(b.features);
  let inter = 0;
  let union = 0;
  for (const [f, x] of a.features) {
    const y = wb.get(f);
    if (y === undefined) union += x;
    else {
      inter += Math.min(x, y);
      union += Math.max(x, y);
      wb.delete(f);
    }
  }
  for (const y of wb.values()) union += y;
  return union === 0 ? 0 : inter / union;
}
