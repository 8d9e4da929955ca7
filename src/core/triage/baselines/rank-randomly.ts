import { createHash } from 'node:crypto';
import type { Hypothesis } from '../../model/hypothesis.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';

/**
 * Baseline: a random order of every service and dependency seen, seeded by the incident (its
 * windows and service names) so the same bundle always gets the same shuffle.
 */
export function rankRandomly(f: TriageFeatures): Hypothesis[] {
  const names = [...f.services.keys()].sort();
  const seed = createHash('sha256')
    .update(`${f.windows.asOf}|${names.join(',')}`)
    .digest();
  let state = seed.readUInt32LE(0) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names.map((service, k) => ({
    id: `h${k + 1}`,
    service,
    kind: 'error_code',
    score: names.length - k,
    evidence: [],
    reasons: [],
  }));
}
