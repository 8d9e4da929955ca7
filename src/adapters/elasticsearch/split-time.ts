/** A time as whole epoch milliseconds plus the nanoseconds below them (0–999 999), exact to the nanosecond. */
export type SplitTime = { readonly ms: number; readonly subNs: number };

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** Reads an ISO 8601 time with up to nine fractional digits, an epoch-millisecond number, or undefined. */
export function splitTime(v: unknown): SplitTime | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    const ms = Math.floor(v);
    return { ms, subNs: Math.round((v - ms) * 1e6) };
  }
  if (typeof v !== 'string') return undefined;
  const m = ISO.exec(v);
  if (!m) return undefined;
  const frac = (m[2] ?? '').padEnd(9, '0');
  const ms = Date.parse(`${m[1]}.${frac.slice(0, 3)}${m[3]}`);
  if (!Number.isFinite(ms)) return undefined;
  return { ms, subNs: Number(frac.slice(3)) };
}

/** `t` plus `ns` nanoseconds, still exact. */
export function addNanos(t: SplitTime, ns: number): SplitTime {
  const total = t.subNs + ns;
  const carry = Math.floor(total / 1e6);
  return { ms: t.ms + carry, subNs: total - carry * 1e6 };
}

/** Fractional epoch milliseconds, computed as the OTLP reader computes them (same float). */
export function toMs(t: SplitTime): number {
  return t.ms + t.subNs / 1e6;
}
