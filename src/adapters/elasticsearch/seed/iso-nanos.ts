/** Epoch nanoseconds → RFC 3339 with nine fractional digits (what a `date_nanos` field keeps exactly). */
export function isoNanos(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const sub = (ns % 1_000_000n).toString().padStart(6, '0');
  return new Date(Number(ms)).toISOString().replace('Z', `${sub}Z`);
}
