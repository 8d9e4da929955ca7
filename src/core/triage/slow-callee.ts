import type { TriageFeatures } from '../telemetry/triage-features.ts';

/**
 * The callee of `service` that became slow itself in the incident window (its own time per
 * request at least 3× its baseline and 50 ms more), the slowest such if several, if any. A callee
 * that is as fast as usual is not one: a caller timing out on a healthy callee (its timeout set
 * too low) has a fault of its own.
 */
export function slowCallee(f: TriageFeatures, service: string): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const e of f.edges) {
    if (e.from !== service || e.incident.calls === 0) continue;
    const s = f.services.get(e.to);
    if (!s) continue;
    const b = s.baseline.selfTime;
    const i = s.incident.selfTime;
    if (b.n < 5 || i.n < 3) continue;
    const ratio = i.mean / Math.max(b.mean, 0.1);
    if (ratio >= 3 && i.mean - b.mean >= 50 && ratio > most) {
      most = ratio;
      best = e.to;
    }
  }
  return best;
}
