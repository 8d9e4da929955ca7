import type { TriageFeatures } from '../telemetry/triage-features.ts';

/** The callee whose calls from `service` failed most in the incident window (at least 3 failures), if any. */
export function failingCallee(f: TriageFeatures, service: string): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const e of f.edges) {
    if (e.from !== service) continue;
    const added =
      e.incident.errors - (e.baseline.errors * Math.max(1, e.incident.calls)) / Math.max(1, e.baseline.calls);
    if (added > most) {
      most = added;
      best = e.to;
    }
  }
  return most >= 3 ? best : undefined;
}
