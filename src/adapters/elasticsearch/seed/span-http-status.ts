import type { SeedSpan } from './seed-span.ts';

/** The span's HTTP status as the OTLP reader reads it (an integer, or undefined). */
export function spanHttpStatus(s: SeedSpan): number | undefined {
  const v = s.attributes['http.response.status_code'] ?? s.attributes['http.status_code'];
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}
