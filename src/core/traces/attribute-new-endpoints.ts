import type { TimeWindow } from '../model/time-window.ts';
import type { TraceFacts } from './trace-facts.ts';

const MIN_BASELINE_CALLS = 3;

const TIMEOUT = /time.?out|timed out|deadline/i;

/**
 * Failures at a dependency that are really the caller's doing, by what the calls show: the
 * caller now calls an address it never used in the baseline (a config pointing at the wrong
 * host), or it gives up with a timeout sooner than the dependency usually answers (a client
 * timeout set too low). The dependency's share of such failures moves to the caller.
 */
export function attributeNewEndpoints(
  facts: readonly TraceFacts[],
  baseline: TimeWindow,
  incident: TimeWindow,
): TraceFacts[] {
  const known = new Map<string, { n: number; addresses: Set<string>; durations: number[] }>();
  for (const f of facts) {
    if (f.start < baseline.from || f.start >= baseline.to) continue;
    for (const c of f.calls) {
      const key = `${c.from}\u0000${c.to}`;
      const k = known.get(key) ?? { n: 0, addresses: new Set<string>(), durations: [] };
      k.n++;
      if (c.address !== undefined) k.addresses.add(c.address);
      if (!c.error) k.durations.push(c.durationMs);
      known.set(key, k);
    }
  }
  const median = new Map<string, number>();
  for (const [key, k] of known) {
    if (k.durations.length < MIN_BASELINE_CALLS) continue;
    const sorted = k.durations.slice().sort((a, b) => a - b);
    median.set(key, sorted[Math.floor(sorted.length / 2)] as number);
  }
  return facts.map((f) => {
    if (!f.failing || f.start < incident.from || f.start >= incident.to) return f;
    const moves = f.peerOrigins.filter((o) => {
      const key = `${o.caller}\u0000${o.peer}`;
      const k = known.get(key);
      if (k === undefined || k.n < MIN_BASELINE_CALLS) return false;
      const newAddress = o.address !== undefined && k.addresses.size > 0 && !k.addresses.has(o.address);
      const usual = median.get(key);
      const gaveUpEarly =
        usual !== undefined && o.errorText !== undefined && TIMEOUT.test(o.errorText) && o.durationMs < usual;
      return newAddress || gaveUpEarly;
    });
    if (moves.length === 0) return f;
    const origins = new Map(f.origins);
    for (const o of moves) {
      const left = (origins.get(o.peer) ?? 0) - o.share;
      if (left > 1e-9) origins.set(o.peer, left);
      else origins.delete(o.peer);
      origins.set(o.caller, (origins.get(o.caller) ?? 0) + o.share);
    }
    return { ...f, origins };
  });
}
