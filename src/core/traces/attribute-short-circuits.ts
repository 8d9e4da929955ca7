import type { TimeWindow } from '../model/time-window.ts';
import type { TraceFacts } from './trace-facts.ts';

/** Of a short-circuited failure, this share moves to where the skipped callee's failures start. */
const MOVED_SHARE = 0.7;
const MIN_OPERATION_SAMPLES = 5;
const USUAL_CALL = 0.6;
/** Words of a guard that failed a call without making it. */
const BREAKER = /circuit ?breaker|breaker (is )?open|short.?circuit|callnotpermitted|bulkhead (is )?full/i;

/**
 * Circuit breakers, fallbacks and fail-fast guards make a caller fail *without calling* the
 * callee that is really broken, so the failure looks like the caller's own. This finds those
 * failures: a service's own failure under an operation that, in the baseline, usually calls a
 * callee it did not call this time — a callee whose calls are failing elsewhere in the
 * incident, or a callee the failure names when it says a breaker is open. Most of such a
 * failure's share then moves to where that callee's failures start.
 * A service that fails early for its own reasons (a callee that is fine) keeps the blame.
 */
export function attributeShortCircuits(
  facts: readonly TraceFacts[],
  baseline: TimeWindow,
  incident: TimeWindow,
): TraceFacts[] {
  const inB = (t: number) => t >= baseline.from && t < baseline.to;
  const inI = (t: number) => t >= incident.from && t < incident.to;

  // service|operation → how often, in healthy baseline traces, each callee is called.
  const usual = new Map<string, { n: number; callees: Map<string, number> }>();
  for (const f of facts) {
    if (!inB(f.start) || f.failing) continue;
    for (const e of f.entries) {
      const key = `${e.service}\u0000${e.operation}`;
      const u = usual.get(key) ?? { n: 0, callees: new Map<string, number>() };
      u.n++;
      for (const c of e.callees) u.callees.set(c, (u.callees.get(c) ?? 0) + 1);
      usual.set(key, u);
    }
  }

  // Callees whose calls fail in the incident, and where the failures of traces in which they
  // failed (as a callee or serving a request) start.
  const calls = new Map<string, { calls: number; errors: number; origins: Map<string, number> }>();
  for (const f of facts) {
    if (!inI(f.start)) continue;
    const failedTo = new Set<string>();
    for (const r of f.requests) if (r.error) failedTo.add(r.service);
    for (const c of f.calls) {
      const s = calls.get(c.to) ?? { calls: 0, errors: 0, origins: new Map<string, number>() };
      s.calls++;
      if (c.error) {
        s.errors++;
        failedTo.add(c.to);
      }
      calls.set(c.to, s);
    }
    for (const callee of failedTo) {
      const s = calls.get(callee) ?? { calls: 0, errors: 0, origins: new Map<string, number>() };
      calls.set(callee, s);
      for (const [svc, w] of f.origins) s.origins.set(svc, (s.origins.get(svc) ?? 0) + w);
    }
  }
  // A callee also counts as failing when the requests it serves itself fail.
  const served = new Map<string, { n: number; errors: number }>();
  for (const f of facts) {
    if (!inI(f.start)) continue;
    for (const r of f.requests) {
      const s = served.get(r.service) ?? { n: 0, errors: 0 };
      s.n++;
      if (r.error) s.errors++;
      served.set(r.service, s);
    }
  }
  const failingCallee = (c: string) => {
    const s = calls.get(c);
    if (s !== undefined && s.calls > 0 && s.errors >= 3 && s.errors / s.calls >= 0.2) return true;
    const r = served.get(c);
    return r !== undefined && r.errors >= 3 && r.errors / r.n >= 0.2;
  };

  // Services by name, longest first (so "timeseries-api" wins over "timeseries"); gathered only
  // when some failure says a breaker is open.
  let names: string[] | undefined;
  const namedIn = (text: string, self: string): string | undefined => {
    names ??= [...new Set(facts.flatMap((f) => [...f.services]))].sort((a, b) => b.length - a.length);
    const t = text.toLowerCase();
    return names.find((n) => n !== self && n.length >= 3 && t.includes(n.toLowerCase()));
  };

  return facts.map((f) => {
    if (!f.failing || !inI(f.start) || f.originEntries.length === 0) return f;
    const moved = new Map<string, number>();
    let changed = false;
    for (const o of f.originEntries) {
      const u = usual.get(`${o.service}\u0000${o.operation}`);
      // The failure says so itself ("CircuitBreaker 'timeseries-api' is OPEN"), naming the callee.
      const named = o.errorText && BREAKER.test(o.errorText) ? namedIn(o.errorText, o.service) : undefined;
      const skipped =
        named && failingCallee(named)
          ? [named]
          : u && u.n >= MIN_OPERATION_SAMPLES
            ? [...u.callees]
                .filter(([c, k]) => k / u.n >= USUAL_CALL && !o.callees.includes(c) && failingCallee(c))
                .map(([c]) => c)
            : [];
      if (skipped.length === 0) continue;
      changed = true;
      const share = o.share * MOVED_SHARE;
      moved.set(o.service, (moved.get(o.service) ?? 0) - share);
      for (const c of skipped) {
        const dist = calls.get(c)?.origins ?? new Map<string, number>();
        let total = 0;
        for (const [svc, w] of dist) if (svc !== o.service) total += w;
        if (total <= 0) {
          moved.set(c, (moved.get(c) ?? 0) + share / skipped.length);
          continue;
        }
        for (const [svc, w] of dist) {
          if (svc === o.service) continue;
          moved.set(svc, (moved.get(svc) ?? 0) + ((share / skipped.length) * w) / total);
        }
      }
    }
    if (!changed) return f;
    const origins = new Map(f.origins);
    for (const [svc, d] of moved) {
      const v = (origins.get(svc) ?? 0) + d;
      if (v > 1e-9) origins.set(svc, v);
      else origins.delete(svc);
    }
    return { ...f, origins };
  });
}
